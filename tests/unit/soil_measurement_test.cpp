// Parsing of soil results and pH (src/standards/soil/measurement.*): detection-limit notations
// "ND", "<x", "xL", GB/T 8170 half-even rounding of the exact text, and bad input.
#include <gtest/gtest.h>

#include "standards/soil/measurement.hpp"

namespace ecogov {
namespace {

TEST(SoilMeasurement, ParsesValuesAndDetectionLimits) {
    EXPECT_EQ(parse_measurement("0.35"), Measurement::of(350));
    EXPECT_EQ(parse_measurement(" 125 "), Measurement::of(125'000));
    EXPECT_EQ(parse_measurement("0.0025"), Measurement::of(2));  // half-even: 2.5 → 2
    EXPECT_EQ(parse_measurement("0.0035"), Measurement::of(4));  // 3.5 → 4
    EXPECT_EQ(parse_measurement("<0.01"), Measurement::below(10));
    EXPECT_EQ(parse_measurement("0.002L"), Measurement::below(2));
    EXPECT_EQ(parse_measurement("ND"), Measurement::below(std::nullopt));
    EXPECT_EQ(parse_measurement(""), Measurement::none());
    EXPECT_EQ(parse_measurement("  "), Measurement::none());
}

TEST(SoilMeasurement, RejectsBadText) {
    const auto negative = parse_measurement("-0.2", "S1.Cd");
    ASSERT_FALSE(negative.has_value());
    EXPECT_EQ(negative.error().code, ErrorCode::bad_data);
    EXPECT_EQ(negative.error().field, "S1.Cd");
    EXPECT_FALSE(parse_measurement("abc").has_value());
    EXPECT_FALSE(parse_measurement("<").has_value());
    EXPECT_FALSE(parse_measurement("<0.0001").has_value());  // a limit that rounds to 0
    EXPECT_FALSE(parse_measurement("L").has_value());
    EXPECT_FALSE(parse_measurement("NA").has_value());
    EXPECT_FALSE(parse_measurement("2000000").has_value());  // above 1,000,000 mg/kg
}

TEST(SoilMeasurement, ParsesPh) {
    EXPECT_EQ(parse_ph("6.5"), 650);
    EXPECT_EQ(parse_ph("5.505"), 550);  // half-even: stays in pH≤5.5
    EXPECT_EQ(parse_ph("5.515"), 552);
    EXPECT_EQ(parse_ph("0"), 0);
    EXPECT_EQ(parse_ph("14"), 1400);
    EXPECT_FALSE(parse_ph("14.01").has_value());
    EXPECT_FALSE(parse_ph("-1").has_value());
    EXPECT_FALSE(parse_ph("").has_value());
    EXPECT_EQ(parse_ph("x", "S1.ph").error().field, "S1.ph");
}

}  // namespace
}  // namespace ecogov
