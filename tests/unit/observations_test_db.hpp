#pragma once
// A migrated SQLite database in a temporary file, with a fixed clock, for service tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "services/organisation.hpp"
#include "services/stations.hpp"
#include "simulation/air_generator.hpp"
#include "storage/database.hpp"
#include "temp_database.hpp"

namespace ecogov::testing {

struct FixedClock final : Clock {
    std::chrono::system_clock::time_point now() const override {
        return std::chrono::system_clock::time_point(std::chrono::seconds(1'795'000'000));  // 2026-11-18
    }
};

class TempDb {
public:
    storage::Database& db() { return file_.db(); }
    const Clock& clock() const { return clock_; }
    std::int64_t unit(const std::string& code, const std::string& kind = "township") {
        auto lease = db().acquire();
        auto u = create_unit(*lease, clock_, command_line_actor(), NewUnit{code, code + " name", kind, {}});
        EXPECT_TRUE(u) << (u ? "" : u.error().message);
        return u ? u->id : 0;
    }
    Station station(const std::string& code, std::int64_t unit_id, bool control = false,
                    const std::string& city = "登封市") {
        auto lease = db().acquire();
        Station s{0, code, code + " station", "county", unit_id, city, 113.0, 34.4, control};
        auto created = create_station(*lease, command_line_actor(), s, "2026-11-18T00:00:00Z");
        EXPECT_TRUE(created) << (created ? "" : created.error().message);
        return created ? *created : s;
    }

private:
    TempDatabase file_;
    FixedClock clock_;
};

/// A generated china_sites file (hourly layout) of `stations` stations DF001... over `days`.
inline std::string generated_csv(int stations, DateRange days, std::uint64_t seed = 7) {
    AirGeneratorConfig g;
    g.stations = stations;
    g.days = days;
    g.seed = seed;
    g.layout = AirLayout::hourly;
    std::string text;
    auto r = generate_air(g, [&](std::string_view chunk) { text.append(chunk); });
    EXPECT_TRUE(r);
    return text;
}

}  // namespace ecogov::testing
