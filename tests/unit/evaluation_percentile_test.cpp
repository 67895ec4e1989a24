// Percentiles of HJ 663-2013 Appendix A.6.
#include <gtest/gtest.h>

#include "standards/evaluation/percentile.hpp"

namespace ecogov {
namespace {

TEST(EvaluationPercentile, EmptyInputHasNoPercentile) {
    EXPECT_EQ(percentile({}, 95), std::nullopt);
}

TEST(EvaluationPercentile, SingleValue) {
    EXPECT_EQ(percentile({42}, 90), 42);
    EXPECT_EQ(percentile({42}, 98), 42);
}

TEST(EvaluationPercentile, RankAtTheLastValueUsesXn) {
    EXPECT_EQ(percentile({5, 1, 9, 3}, 100), 9);  // k = 4 = n: X(n+1) taken as X(n)
}

TEST(EvaluationPercentile, InterpolatesOnSortedValues) {
    // n = 5, P90: k = 4.6 -> X(4) + 0.6*(X(5)-X(4)) = 40 + 0.6*60 = 76.
    EXPECT_EQ(percentile({100, 20, 40, 10, 30}, 90), 76);
    // Same with a fraction: 40 + 0.6*61 = 76.6 -> 77.
    EXPECT_EQ(percentile({101, 20, 40, 10, 30}, 90), 77);
}

TEST(EvaluationPercentile, CoStaysInTenthsAndTiesRoundToEven) {
    // n = 3, P25: k = 1.5. CO 0.8 and 0.9 mg/m³ (scaled 8, 9): 8.5 -> 8; 9 and 10: 9.5 -> 10.
    EXPECT_EQ(percentile({8, 9, 12}, 25), 8);
    EXPECT_EQ(percentile({9, 10, 12}, 25), 10);
}

TEST(EvaluationPercentile, YearOf365UsesRank328Point6ForP90) {
    // X(i) = 0 for i < 328; X(328) = 150, X(329) = 161, higher values 200.
    std::vector<std::int32_t> v;
    for (int i = 1; i <= 365; ++i)
        v.push_back(i < 328 ? 0 : (i == 328 ? 150 : i == 329 ? 161 : 200));
    EXPECT_EQ(percentile(v, 90), 157);  // 150 + 0.6*11 = 156.6 -> 157
}

}  // namespace
}  // namespace ecogov
