#include "sim/core/running_stats.hpp"

#include <gtest/gtest.h>

using corridor::core::RunningStats;

TEST(RunningStats, MeanAndSampleVarianceOfKnownData) {
    RunningStats stats;
    for (const double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) stats.add(x);
    EXPECT_EQ(stats.count(), 8U);
    EXPECT_DOUBLE_EQ(stats.mean(), 5.0);
    EXPECT_DOUBLE_EQ(stats.variance(), 32.0 / 7.0);
    EXPECT_EQ(stats.min(), 2.0);
    EXPECT_EQ(stats.max(), 9.0);
}

TEST(RunningStats, StaysAccurateWithALargeOffset) {
    // The naive sum-of-squares formula loses every digit here; Welford does not.
    RunningStats stats;
    for (const double x : {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16}) stats.add(x);
    EXPECT_DOUBLE_EQ(stats.variance(), 30.0);
}

TEST(RunningStats, MergeEqualsAddingEverythingToOne) {
    RunningStats all, a, b;
    for (int i = 0; i < 100; ++i) {
        const double x = i * 0.37 - 5;
        all.add(x);
        (i < 30 ? a : b).add(x);
    }
    a.merge(b);
    EXPECT_EQ(a.count(), all.count());
    EXPECT_NEAR(a.mean(), all.mean(), 1e-12);
    EXPECT_NEAR(a.variance(), all.variance(), 1e-10);
    EXPECT_EQ(a.min(), all.min());
    EXPECT_EQ(a.max(), all.max());
}

TEST(RunningStats, EmptyAndSingleObservationHaveNoVariance) {
    RunningStats stats;
    EXPECT_TRUE(std::isnan(stats.mean()));
    stats.add(3);
    EXPECT_EQ(stats.mean(), 3);
    EXPECT_TRUE(std::isnan(stats.variance()));
}
