// Daily AQI vectors (tests/vectors/aqi_daily.csv): 7 indicators under HJ 633-2012 versus 6 under
// HJ 633-2026, the O3 8h > 800 rule of both editions, publication with a missing indicator
// (HJ 633-2026 §5.3.1), and the primary-indicator names (O3_8h / O3_1h).
#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "aqi_vector_csv.hpp"
#include "standards/aqi/daily_aqi.hpp"

namespace ecogov {
namespace {

// CSV column of each DailyIndicator, in enum order.
constexpr std::array<std::string_view, kDailyIndicatorCount> kInputColumns = {
    "so2", "no2", "co", "pm10", "pm25", "o3_8h", "o3_1h"};

std::optional<DailyConcSet> parse_input(const test::VectorRow& row) {
    bool ok = true;
    DailyConcSet conc{};
    for (std::size_t i = 0; i < conc.size(); ++i)
        conc[i] = test::parse_opt_int(row.at(kInputColumns[i]), ok);
    if (!ok) return std::nullopt;
    return conc;
}

std::string iaqi_list(const DailyAqi& r) {
    std::string out;
    for (const auto& v : r.iaqi) {
        if (!out.empty()) out += ';';
        out += test::opt_text(v);
    }
    return out;
}

void check_row(const test::VectorRow& row) {
    const auto rules = parse_rule_set(row.at("rules"));
    const auto input = parse_input(row);
    ASSERT_TRUE(rules && input) << "malformed vector row";
    const DailyAqi r = daily_aqi(*input, *rules);
    EXPECT_EQ(r.rules, *rules);
    EXPECT_EQ(iaqi_list(r), row.at("iaqi"));
    EXPECT_EQ(test::opt_text(r.computed_aqi), row.at("computed_aqi"));
    EXPECT_EQ(test::opt_text(r.aqi), row.at("aqi"));
    EXPECT_EQ(join_names(r.primary), row.at("primary"));
    EXPECT_EQ(join_names(r.over_standard), row.at("over_standard"));
    EXPECT_EQ(join_names(r.missing), row.at("missing"));
}

TEST(AqiDailyVectors, MatchExpected) {
    const test::VectorFile file = test::read_vectors("aqi_daily.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    EXPECT_GE(file.rows.size(), 20u);
    for (const auto& row : file.rows) {
        SCOPED_TRACE(file.path + ":" + std::to_string(row.line) + " " + row.at("case"));
        check_row(row);
    }
}

TEST(AqiDailyVectors, IndicatorsPerEdition) {
    int reported_2012 = 0;
    int reported_2026 = 0;
    for (int i = 0; i < kDailyIndicatorCount; ++i) {
        const auto d = static_cast<DailyIndicator>(i);
        reported_2012 += is_reported(RuleSet::hj633_2012, d) ? 1 : 0;
        reported_2026 += is_reported(RuleSet::hj633_2026, d) ? 1 : 0;
    }
    EXPECT_EQ(reported_2012, 7);
    EXPECT_EQ(reported_2026, 6);
    EXPECT_FALSE(is_reported(RuleSet::hj633_2026, DailyIndicator::o3_1h_max));
    EXPECT_EQ(daily_indicator_name(DailyIndicator::o3_8h_max), "O3_8h");
    EXPECT_EQ(daily_indicator_name(DailyIndicator::o3_1h_max), "O3_1h");
}

}  // namespace
}  // namespace ecogov
