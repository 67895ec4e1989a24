// Hourly AQI vectors (tests/vectors/aqi_hourly.csv) and AQI categories (aqi_category.csv):
// primary pollutant ties, no primary at AQI <= 50, over-standard pollutants (2012 only), the SO2
// 1h > 800 special case of both editions, publication with missing pollutants (HJ 633-2026
// §5.3.1 and the PM10 exemption), and the class boundaries of HJ 633-2012 Table 2.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "aqi_vector_csv.hpp"
#include "standards/aqi/category.hpp"
#include "standards/aqi/hourly_aqi.hpp"

namespace ecogov {
namespace {

std::optional<PublicationPolicy> parse_policy(const test::VectorRow& row) {
    PublicationPolicy policy;
    const std::string& rule = row.at("missing_rule");
    if (rule == "publish_available") {
        policy.missing_rule = MissingRule::publish_available;
    } else if (rule == "hj633_2026") {
        policy.missing_rule = MissingRule::hj633_2026;
    } else if (rule != "default") {
        return std::nullopt;
    }
    const std::string& exempt = row.at("exempt_pm10");
    if (exempt != "0" && exempt != "1") return std::nullopt;
    policy.exempt_missing_pm10 = exempt == "1";
    return policy;
}

std::optional<HourlyInput> parse_input(const test::VectorRow& row) {
    bool ok = true;
    HourlyInput in;
    for (Pollutant p : kAllPollutants)
        in.one_hour[index_of(p)] = test::parse_opt_int(row.at(column_of(p)), ok);
    in.so2_24h = test::parse_opt_int(row.at("so2_24h"), ok);
    if (!ok) return std::nullopt;
    return in;
}

std::string iaqi_list(const HourlyAqi& r) {
    std::string out;
    for (Pollutant p : kAllPollutants) {
        if (!out.empty()) out += ';';
        out += test::opt_text(r.iaqi[index_of(p)]);
    }
    return out;
}

void check_row(const test::VectorRow& row) {
    const auto rules = parse_rule_set(row.at("rules"));
    const auto policy = parse_policy(row);
    const auto input = parse_input(row);
    ASSERT_TRUE(rules && policy && input) << "malformed vector row";
    const HourlyAqi r = hourly_aqi(*input, *rules, *policy);
    EXPECT_EQ(r.rules, *rules);
    EXPECT_EQ(iaqi_list(r), row.at("iaqi"));
    EXPECT_EQ(test::opt_text(r.computed_aqi), row.at("computed_aqi"));
    EXPECT_EQ(test::opt_text(r.aqi), row.at("aqi"));
    EXPECT_EQ(join_names(r.primary), row.at("primary"));
    EXPECT_EQ(join_names(r.over_standard), row.at("over_standard"));
    EXPECT_EQ(join_names(r.missing), row.at("missing"));
}

TEST(AqiHourlyVectors, MatchExpected) {
    const test::VectorFile file = test::read_vectors("aqi_hourly.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    EXPECT_GE(file.rows.size(), 30u);
    for (const auto& row : file.rows) {
        SCOPED_TRACE(file.path + ":" + std::to_string(row.line) + " " + row.at("case"));
        check_row(row);
    }
}

TEST(AqiHourlyVectors, DefaultPolicyDependsOnEdition) {
    const PublicationPolicy policy;
    EXPECT_EQ(policy.rule_for(RuleSet::hj633_2012), MissingRule::publish_available);
    EXPECT_EQ(policy.rule_for(RuleSet::hj633_2026), MissingRule::hj633_2026);
    EXPECT_TRUE(policy.exempt_missing_pm10);
}

TEST(AqiCategoryVectors, ClassBoundaries) {
    const test::VectorFile file = test::read_vectors("aqi_category.csv");
    ASSERT_TRUE(file.error.empty()) << file.error;
    EXPECT_GE(file.rows.size(), 12u);
    for (const auto& row : file.rows) {
        SCOPED_TRACE(file.path + ":" + std::to_string(row.line));
        bool ok = true;
        const auto aqi = test::parse_opt_int(row.at("aqi"), ok);
        ASSERT_TRUE(ok && aqi) << "malformed vector row";
        const AqiCategory& c = category_for(*aqi);
        EXPECT_EQ(std::to_string(c.level), row.at("level"));
        EXPECT_EQ(c.level_zh, row.at("level_zh"));
        EXPECT_EQ(c.name_zh, row.at("name_zh"));
        EXPECT_EQ(c.name_en, row.at("name_en"));
        EXPECT_EQ(c.colour_hex, row.at("colour_hex"));
        EXPECT_EQ(std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b),
                  row.at("r") + "," + row.at("g") + "," + row.at("b"));
    }
}

}  // namespace
}  // namespace ecogov
