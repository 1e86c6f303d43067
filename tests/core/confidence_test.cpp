#include "sim/core/confidence.hpp"

#include <gtest/gtest.h>

using namespace corridor::core;

TEST(Confidence, StudentTQuantilesMatchTables) {
    EXPECT_NEAR(student_t_quantile(0.975, 1), 12.706204736174698, 1e-9);
    EXPECT_NEAR(student_t_quantile(0.975, 4), 2.7764451051977934, 1e-10);
    EXPECT_NEAR(student_t_quantile(0.975, 9), 2.2621571627409915, 1e-10);
    EXPECT_NEAR(student_t_quantile(0.975, 29), 2.0452296421327034, 1e-10);
    EXPECT_NEAR(student_t_quantile(0.95, 10), 1.8124611228107341, 1e-10);
    EXPECT_NEAR(student_t_quantile(0.025, 9), -2.2621571627409915, 1e-10);
    EXPECT_NEAR(student_t_quantile(0.975, 1e6), 1.959966, 1e-5);
}

TEST(Confidence, IncompleteBetaKnownValues) {
    EXPECT_NEAR(incomplete_beta(1, 1, 0.3), 0.3, 1e-14);     // uniform CDF
    EXPECT_NEAR(incomplete_beta(2, 3, 0.4), 0.5248, 1e-12);  // Σ_{j=2..4} C(4,j) x^j (1−x)^(4−j)
    EXPECT_EQ(incomplete_beta(2, 3, 0), 0);
    EXPECT_EQ(incomplete_beta(2, 3, 1), 1);
}

TEST(Confidence, MeanIntervalOfTenReplications) {
    RunningStats stats;
    for (const double x : {10.0, 12.0, 9.0, 11.0, 10.0, 13.0, 8.0, 10.0, 11.0, 12.0}) stats.add(x);
    const auto ci = mean_confidence_interval(stats, 0.95);
    EXPECT_DOUBLE_EQ(ci.mean, 10.6);
    // sd = sqrt(20.4 / 9); half-width = t(0.975, 9) · sd / sqrt(10).
    EXPECT_NEAR(ci.half_width, 2.2621571627409915 * std::sqrt(20.4 / 9) / std::sqrt(10.0), 1e-9);
    EXPECT_NEAR(ci.low(), 10.6 - ci.half_width, 1e-12);
}

TEST(Confidence, OneObservationHasNoInterval) {
    RunningStats stats;
    stats.add(5);
    EXPECT_TRUE(std::isnan(mean_confidence_interval(stats).half_width));
}
