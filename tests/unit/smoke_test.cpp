#include <gtest/gtest.h>

#include "standards/aqi/hourly_aqi.hpp"

namespace ecogov {

TEST(HourlyAqiSmoke, Co65Point4IsExactly218) {
    HourlyInput in;
    in.one_hour[index_of(Pollutant::co)] = 654;  // 65.4 mg/m³
    for (Pollutant p : kAllPollutants)
        if (p != Pollutant::co) in.one_hour[index_of(p)] = 0;
    const HourlyAqi r = hourly_aqi(in, RuleSet::hj633_2012);
    ASSERT_TRUE(r.aqi.has_value());
    EXPECT_EQ(*r.aqi, 218);
}

}  // namespace ecogov
