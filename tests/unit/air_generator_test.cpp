// Synthetic air-quality generator: determinism, layout, realism of the cycles, missing share.
#include "simulation/air_generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ecogov {
namespace {

std::string generate_text(const AirGeneratorConfig& config,
                          AirGenerationSummary* summary = nullptr) {
    std::string text;
    auto result = generate_air(config, [&](std::string_view chunk) { text.append(chunk); });
    EXPECT_TRUE(result.has_value());
    if (summary && result) *summary = *result;
    return text;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = s.find(sep, start);
        out.emplace_back(
            s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

// Rows of a generated file: type -> list of (date, hour, cells).
struct Row {
    int date = 0;
    int hour = 0;
    std::string type;
    std::vector<std::string> cells;
};

std::vector<Row> parse_rows(const std::string& text) {
    std::vector<Row> rows;
    auto lines = split(text, '\n');
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (lines[i].empty()) continue;
        auto f = split(lines[i], ',');
        Row r;
        r.date = std::stoi(f[0]);
        r.hour = std::stoi(f[1]);
        r.type = f[2];
        r.cells.assign(f.begin() + 3, f.end());
        rows.push_back(std::move(r));
    }
    return rows;
}

AirGeneratorConfig small_config(AirLayout layout) {
    AirGeneratorConfig c;
    c.stations = 4;
    c.days = DateRange{Date::from_ymd(2025, 1, 1), Date::from_ymd(2025, 1, 10)};
    c.seed = 42;
    c.layout = layout;
    return c;
}

TEST(AirGenerator, SameSeedGivesIdenticalBytesOtherSeedDiffers) {
    const auto config = small_config(AirLayout::full);
    const std::string a = generate_text(config);
    const std::string b = generate_text(config);
    EXPECT_EQ(a, b);
    auto other = config;
    other.seed = 43;
    EXPECT_NE(a, generate_text(other));
}

TEST(AirGenerator, RowCountIsDaysTimesHoursTimesTypes) {
    for (auto [layout, types] : {std::pair{AirLayout::hourly, 6}, std::pair{AirLayout::full, 15}}) {
        const auto config = small_config(layout);
        AirGenerationSummary summary;
        const std::string text = generate_text(config, &summary);
        const auto lines = std::count(text.begin(), text.end(), '\n');
        EXPECT_EQ(lines, 1 + 10 * 24 * types);
        EXPECT_EQ(summary.rows, static_cast<std::uint64_t>(10 * 24 * types));
        EXPECT_EQ(summary.bytes, text.size());
        EXPECT_EQ(text.substr(0, text.find('\n')), "date,hour,type,DF001,DF002,DF003,DF004");
        const auto rows = parse_rows(text);
        // Labels of the natural days: from 2025-01-01 01:00 to 2025-01-11 00:00 (= Jan 10 24:00).
        EXPECT_EQ(rows.front().date, 20250101);
        EXPECT_EQ(rows.front().hour, 1);
        EXPECT_EQ(rows.back().date, 20250111);
        EXPECT_EQ(rows.back().hour, 0);
        for (const auto& r : rows) EXPECT_EQ(r.cells.size(), 4u);
    }
}

TEST(AirGenerator, FullLayoutDerivedValuesFollowTheirDefinitions) {
    auto config = small_config(AirLayout::full);
    config.stations = 2;
    const auto rows = parse_rows(generate_text(config));
    // Collect the O3_8h and O3_8h_24h of station 0 per (date, hour).
    std::map<std::pair<int, int>, std::string> o3_8h;
    std::map<std::pair<int, int>, std::string> o3_8h_max;
    for (const auto& r : rows) {
        if (r.type == "O3_8h") o3_8h[{r.date, r.hour}] = r.cells[0];
        if (r.type == "O3_8h_24h") o3_8h_max[{r.date, r.hour}] = r.cells[0];
        if (r.type == "CO" || r.type == "CO_24h") {
            for (const auto& c : r.cells)
                if (!c.empty()) {
                    EXPECT_EQ(c.size() - c.find('.'), 2u) << c;
                    EXPECT_GE(std::stod(c), 0.3);
                    EXPECT_LE(std::stod(c), 4.0);
                }
        }
    }
    // Day 2025-01-05: labels 08:00..23:00 on the 5th and 24:00 = the 6th at clock 0.
    int best = -1;
    for (int h = 8; h <= 23; ++h)
        if (!o3_8h[{20250105, h}].empty()) best = std::max(best, std::stoi(o3_8h[{20250105, h}]));
    if (!o3_8h[{20250106, 0}].empty()) best = std::max(best, std::stoi(o3_8h[{20250106, 0}]));
    ASSERT_GE(best, 0);
    EXPECT_EQ(o3_8h_max[std::pair(20250106, 0)], std::to_string(best));
    EXPECT_EQ(o3_8h_max[std::pair(20250105, 3)], "");  // no window labelled 08:00 or later yet
}

TEST(AirGenerator, YearHasSeasonalCyclesAndAboutOnePercentMissing) {
    AirGeneratorConfig config;
    config.stations = 6;
    config.days = DateRange{Date::from_ymd(2025, 1, 1), Date::from_ymd(2025, 12, 31)};
    config.seed = 7;
    config.layout = AirLayout::hourly;
    AirGenerationSummary summary;
    const auto rows = parse_rows(generate_text(config, &summary));
    std::map<std::pair<std::string, int>, std::pair<double, int>> sums;  // (type, month)
    std::size_t cells = 0;
    std::size_t missing = 0;
    for (const auto& r : rows) {
        const int month = r.date / 100 % 100;
        for (const auto& c : r.cells) {
            ++cells;
            if (c.empty()) {
                ++missing;
                continue;
            }
            auto& s = sums[{r.type, month}];
            s.first += std::stod(c);
            ++s.second;
        }
    }
    const auto mean = [&](const std::string& type, int month) {
        const auto& s = sums[{type, month}];
        return s.first / s.second;
    };
    EXPECT_GT(mean("PM2.5", 1), 2 * mean("PM2.5", 7));
    EXPECT_GT(mean("PM10", 1), mean("PM10", 7));
    EXPECT_GT(mean("SO2", 1), mean("SO2", 7));
    EXPECT_GT(mean("NO2", 1), mean("NO2", 7));
    EXPECT_GT(mean("CO", 1), mean("CO", 7));
    EXPECT_GT(mean("O3", 7), 2 * mean("O3", 1));
    EXPECT_EQ(cells, summary.cells);
    EXPECT_EQ(missing, summary.missing_cells);
    const double share = static_cast<double>(missing) / static_cast<double>(cells);
    EXPECT_GT(share, 0.005);
    EXPECT_LT(share, 0.02);
}

TEST(AirGenerator, StationsHaveUniqueCodesAndALastControlPoint) {
    AirGeneratorConfig config;
    config.stations = 25;
    const auto stations = make_stations(config);
    ASSERT_EQ(stations.size(), 25u);
    std::set<std::string> codes;
    for (const auto& s : stations) {
        codes.insert(s.code);
        EXPECT_NEAR(s.longitude, 113.05, 0.3);
        EXPECT_NEAR(s.latitude, 34.45, 0.2);
        EXPECT_EQ(s.city, "登封市");
    }
    EXPECT_EQ(codes.size(), 25u);
    EXPECT_EQ(stations.front().code, "DF001");
    EXPECT_EQ(stations.front().name, "登封市环保局");
    EXPECT_TRUE(stations.back().control);
    EXPECT_EQ(std::count_if(stations.begin(), stations.end(),
                            [](const SimStation& s) { return s.control; }),
              1);

    std::string csv;
    write_stations_csv(stations, [&](std::string_view t) { csv.append(t); });
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "code,name,city,longitude,latitude,control");
    EXPECT_NE(csv.find("DF001,登封市环保局,登封市,113.0412,34.4573,no\n"), std::string::npos);
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 26);
}

TEST(AirGenerator, RejectsInvalidConfigurations) {
    AirGeneratorConfig config;
    config.stations = 0;
    auto r = validate(config);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().field, "--stations");
    config.stations = 3;
    config.code_prefix = "a,b";
    EXPECT_FALSE(validate(config).has_value());
    config.code_prefix = "DF";
    config.days = DateRange{Date::from_ymd(2025, 2, 1), Date::from_ymd(2025, 1, 1)};
    EXPECT_FALSE(generate_air(config, [](std::string_view) {}).has_value());
}

}  // namespace
}  // namespace ecogov
