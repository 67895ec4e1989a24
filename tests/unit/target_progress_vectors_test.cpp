// Target progress (standards/evaluation/target_progress.hpp): hand-computed vectors at the
// rounding boundaries (GB/T 8170 half-even ties) and brute-force checks of the closed forms.
#include <gtest/gtest.h>

#include "core/decimal.hpp"
#include "standards/evaluation/target_progress.hpp"

namespace ecogov {
namespace {

TEST(TargetProgressMean, HandComputedVectors) {
    // T=35 (odd), 100 days summing 3500, 265 left: (25914 - 7000) / 530 = 35.69 -> 35.
    EXPECT_EQ(max_remaining_mean(35, 3500, 100, 265), 35);
    // Tie at T even: (31 + 30) / 2 = 30.5 rounds to 30, so 30 is allowed, 31 is not.
    EXPECT_EQ(max_remaining_mean(30, 31, 1, 1), 30);
    // Tie at T odd: (32 + 31) / 2 = 31.5 rounds to 32 > 31, so only 30.
    EXPECT_EQ(max_remaining_mean(31, 32, 1, 1), 30);
    // No data yet: the whole year may average 35 (35.5 would round to 36).
    EXPECT_EQ(max_remaining_mean(35, 0, 0, 365), 35);
    // 300 days at 50 against 35: even zero cannot bring the mean down.
    EXPECT_EQ(max_remaining_mean(35, 15000, 300, 65), -32);
}

TEST(TargetProgressMean, ClosedFormEqualsBruteForce) {
    for (std::int64_t t : {0, 1, 2, 7, 8, 35, 36}) {
        for (std::int64_t d : {0, 1, 2, 5, 11}) {
            for (std::int64_t r : {1, 2, 3, 7}) {
                for (std::int64_t s = 0; s <= 60 * d; s += 7) {
                    std::int64_t best = -1000;
                    for (std::int64_t m = -1000; m <= 1000; ++m) {
                        const std::int64_t total = s + m * r;
                        if (total < 0) continue;
                        if (round_half_even(total, d + r) <= t) best = m;
                    }
                    const std::int64_t got = max_remaining_mean(t, s, d, r);
                    if (best >= 0 || got >= 0) {
                        ASSERT_EQ(got, best) << "t=" << t << " d=" << d << " r=" << r << " s=" << s;
                    }
                }
            }
        }
    }
}

TEST(TargetProgressRatio, HandComputedVectors) {
    // 70.0 % over a fresh year of 365 days: 256/365 = 70.14 % -> 701 ‰; 255 gives 699 ‰.
    EXPECT_EQ(good_days_needed(700, 0, 0, 365), 256);
    // Tie 500.5 ‰ rounds to 500 (even) < 501: 1002 of 2000 needed, not 1001.
    EXPECT_EQ(good_days_needed(501, 0, 0, 2000), 1002);
    // Tie 499.5 ‰ rounds to 500 (even) >= 500: 999 of 2000 suffice.
    EXPECT_EQ(good_days_needed(500, 0, 0, 2000), 999);
    // 100 good of 200 against 80 %: 168 of 210 needed, 68 more but only 10 days left.
    EXPECT_EQ(good_days_needed(800, 100, 200, 10), 68);
    EXPECT_EQ(good_days_needed(0, 0, 5, 5), 0);
}

TEST(TargetProgressRatio, ClosedFormEqualsBruteForce) {
    for (std::int64_t t : {1, 333, 500, 501, 667, 700, 999, 1000}) {
        for (std::int64_t valid : {0, 1, 3, 10}) {
            for (std::int64_t good = 0; good <= valid; ++good) {
                for (std::int64_t r : {0, 1, 2, 5, 9}) {
                    if (valid + r == 0) continue;
                    std::int64_t least = -1;
                    for (std::int64_t g = 0; g <= 100 && least < 0; ++g)
                        if (round_half_even(1000 * (good + g), valid + r) >= t) least = g;
                    if (least < 0) continue;  // unreachable even with 100 more: skip
                    ASSERT_EQ(good_days_needed(t, good, valid, r), least) << t << ' ' << valid << ' ' << good << ' ' << r;
                }
            }
        }
    }
}

TEST(TargetProgress, MeanTargetReport) {
    TargetFacts f;
    f.days_elapsed = 100;
    f.days_remaining = 265;
    f.valid_days = 100;
    f.sum = 3500;
    const auto p = target_progress("pm25_mean", 35, f);
    ASSERT_TRUE(p.to_date);
    EXPECT_EQ(*p.to_date, 35);
    EXPECT_EQ(p.max_mean, 35);
    EXPECT_TRUE(p.on_track);
    EXPECT_FALSE(p.out_of_reach);
    EXPECT_NE(p.explanation.find("µg/m³"), std::string::npos);

    f.sum = 15000;
    f.valid_days = 300;
    f.days_elapsed = 300;
    f.days_remaining = 65;
    const auto q = target_progress("pm25_mean", 35, f);
    EXPECT_TRUE(q.out_of_reach);
    EXPECT_FALSE(q.on_track);
    EXPECT_NE(q.explanation.find("out of reach"), std::string::npos);
    EXPECT_NE(q.explanation.find("无法实现"), std::string::npos);
}

TEST(TargetProgress, RatioHeavyAndIndex) {
    TargetFacts f;
    f.days_elapsed = 200;
    f.days_remaining = 10;
    f.valid_days = 200;
    f.good_days = 100;
    f.heavy_days = 9;
    f.composite_index = 412;
    const auto ratio = target_progress("good_ratio", 800, f);
    EXPECT_EQ(ratio.to_date, 500);
    EXPECT_EQ(ratio.good_days_needed, 68);
    EXPECT_TRUE(ratio.out_of_reach);

    const auto heavy = target_progress("heavy_days", 8, f);
    EXPECT_EQ(heavy.heavy_days_left, -1);
    EXPECT_TRUE(heavy.out_of_reach);
    const auto heavy_ok = target_progress("heavy_days", 12, f);
    EXPECT_EQ(heavy_ok.heavy_days_left, 3);
    EXPECT_TRUE(heavy_ok.on_track);

    const auto index = target_progress("composite_index", 450, f);
    EXPECT_EQ(index.to_date, 412);
    EXPECT_TRUE(index.on_track);

    const auto other = target_progress("water_grade", 3, f);
    EXPECT_FALSE(other.to_date);
    EXPECT_FALSE(other.on_track);
}

TEST(TargetProgress, Decimals) {
    EXPECT_EQ(target_decimals("pm25_mean"), 0);
    EXPECT_EQ(target_decimals("good_ratio"), 1);
    EXPECT_EQ(target_decimals("composite_index"), 2);
    EXPECT_EQ(target_decimals("heavy_days"), 0);
}

}  // namespace
}  // namespace ecogov
