// Data-driven checks of averaging and evaluation rules against tests/vectors/*.csv.
// Each vector file starts with `# source: <clause>` lines; a missing or empty file fails.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/decimal.hpp"
#include "standards/averaging/city_day.hpp"
#include "standards/averaging/station_day.hpp"
#include "standards/evaluation/composite_index.hpp"
#include "standards/evaluation/limits.hpp"
#include "standards/evaluation/percentile.hpp"
#include "standards/evaluation/period_evaluation.hpp"

namespace ecogov {
namespace {

using Row = std::vector<std::string>;

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> out;
    std::stringstream in(line);
    std::string field;
    while (std::getline(in, field, sep))
        if (sep != ' ' || !field.empty()) out.push_back(field);
    return out;
}

/// Data rows of a vector file (header skipped); records a failure if the file is unusable.
std::vector<Row> read_vectors(const std::string& name, std::size_t columns) {
    const std::string path = std::string(ECOGOV_VECTORS_DIR) + "/" + name;
    std::ifstream in(path);
    if (!in) {
        ADD_FAILURE() << "missing vector file " << path;
        return {};
    }
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line.rfind("# source: ", 0), 0u) << path << " must start with '# source: '";
    std::vector<Row> rows;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        Row row = split(line, ',');
        EXPECT_EQ(row.size(), columns) << path << ": " << line;
        if (row.size() == columns) rows.push_back(std::move(row));
    }
    EXPECT_FALSE(rows.empty()) << path << " has no data rows";
    return rows;
}

int to_int(const std::string& s) {
    return std::stoi(s);
}

Conc to_conc(const std::string& s) {
    if (s == "NA") return std::nullopt;
    return to_int(s);
}

std::vector<std::int32_t> series(int n, std::int32_t factor) {
    std::vector<std::int32_t> v;
    for (int i = n; i >= 1; --i) v.push_back(factor * i);  // descending: percentile must sort
    return v;
}

TEST(EvaluationVectors, PercentileA6WorkedValues) {
    for (const Row& r : read_vectors("evaluation_percentile_a6.csv", 4)) {
        const int n = to_int(r[0]);
        const int p = to_int(r[1]);
        const ParsedCell k = parse_rounded(r[2], 2);  // k × 100, exact
        ASSERT_EQ(k.status, CellStatus::value) << r[2];
        EXPECT_EQ(percentile(series(n, 100), p), k.scaled) << "n=" << n << " p=" << p;
        EXPECT_EQ(percentile(series(n, 1), p), to_int(r[3])) << "n=" << n << " p=" << p;
    }
}

TEST(AveragingVectors, CityMinimumStations) {
    for (const Row& r : read_vectors("averaging_city_min_stations.csv", 2))
        EXPECT_EQ(min_city_stations(to_int(r[0])), to_int(r[1])) << "stations=" << r[0];
}

TEST(AveragingVectors, CoveredMeans) {
    for (const Row& r : read_vectors("averaging_means.csv", 3)) {
        std::vector<Conc> values;
        for (const std::string& v : split(r[0], ' ')) values.push_back(to_conc(v));
        const CoveredConc got = covered_mean(values, to_int(r[1]));
        EXPECT_EQ(got.value, to_conc(r[2])) << r[0];
        EXPECT_EQ(got.coverage.expected, values.size()) << r[0];
        if (values.size() == 8 && to_int(r[1]) == 6) {
            const std::span<const Conc, 8> window(values.data(), 8);
            EXPECT_EQ(eight_hour_mean(window), to_conc(r[2])) << r[0];
        }
    }
}

TEST(EvaluationVectors, MonthValidity) {
    for (const Row& r : read_vectors("evaluation_month_validity.csv", 4)) {
        const int y = to_int(r[0]);
        const int m = to_int(r[1]);
        const DateRange month{Date::from_ymd(y, m, 1), Date::from_ymd(y, m, days_in_month(y, m))};
        std::vector<Date> valid;
        for (int d = 0; d < to_int(r[2]); ++d) valid.push_back(month.first + d);
        EXPECT_EQ(period_days_sufficient(month, valid), r[3] == "1")
            << y << "-" << m << " with " << r[2] << " days";
    }
}

TEST(EvaluationVectors, GoodDayRatio) {
    for (const Row& r : read_vectors("evaluation_good_ratio.csv", 3)) {
        const int good = to_int(r[0]);
        const int valid = to_int(r[1]);
        std::vector<DailyValues> days(static_cast<std::size_t>(valid));
        const Date first = Date::from_ymd(2019, 1, 1);
        for (int i = 0; i < valid; ++i) {
            days[static_cast<std::size_t>(i)].date = first + i;
            days[static_cast<std::size_t>(i)].aqi.aqi = i < good ? 75 : 125;
        }
        const PeriodEvaluation e = evaluate_period(days, {first, Date::from_ymd(2019, 12, 31)});
        EXPECT_EQ(e.valid_days, valid);
        EXPECT_EQ(e.good_days, good);
        EXPECT_EQ(e.good_ratio, to_int(r[2])) << good << "/" << valid;
    }
}

TEST(EvaluationVectors, Grade2Limits) {
    for (const Row& r : read_vectors("evaluation_limits.csv", 3)) {
        const Gb3095Edition e =
            r[0] == "gb3095-2012" ? Gb3095Edition::gb3095_2012 : Gb3095Edition::gb3095_2026;
        EXPECT_EQ(edition_id(e), r[0]);
        const AmbientLimits& l = grade2_limits(e);
        EXPECT_EQ(l.edition, e);
        const std::vector<std::pair<std::string, std::int32_t>> fields = {
            {"so2_annual", l.so2_annual},   {"no2_annual", l.no2_annual},
            {"pm10_annual", l.pm10_annual}, {"pm25_annual", l.pm25_annual},
            {"so2_24h", l.so2_24h},         {"no2_24h", l.no2_24h},
            {"co_24h", l.co_24h},           {"pm10_24h", l.pm10_24h},
            {"pm25_24h", l.pm25_24h},       {"o3_8h", l.o3_8h}};
        bool found = false;
        for (const auto& [name, value] : fields) {
            if (name != r[1]) continue;
            found = true;
            EXPECT_EQ(value, to_int(r[2])) << r[0] << " " << r[1];
        }
        EXPECT_TRUE(found) << r[1];
    }
}

TEST(EvaluationVectors, CompositeIndex) {
    for (const Row& r : read_vectors("evaluation_composite_index.csv", 8)) {
        ConcSet stats{};
        for (Pollutant p : kAllPollutants)
            stats[index_of(p)] = to_int(r[static_cast<std::size_t>(index_of(p))]);
        CompositeIndexConfig config;
        const std::vector<std::string> weights = split(r[6], ' ');
        ASSERT_EQ(weights.size(), 6u);
        for (std::size_t i = 0; i < weights.size(); ++i)
            config.weight_centi[i] = to_int(weights[i]);
        EXPECT_EQ(composite_index(stats, config), std::stoll(r[7])) << r[0] << "," << r[6];
    }
}

}  // namespace
}  // namespace ecogov
