#include "sim/core/distributions.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/core/running_stats.hpp"
#include "tests/support/seed.hpp"

using namespace corridor::core;

namespace {
constexpr int kSamples = 200000;

struct Moments {
    double mean;
    double variance;
};

RunningStats draw(const Distribution& d, std::uint64_t seed, int n = kSamples) {
    RandomStream stream{seed};
    RunningStats stats;
    for (int i = 0; i < n; ++i) stats.add(d.sample(stream));
    return stats;
}

// The stated mean and variance are the true ones; the sample mean is within 5 standard errors of the true mean (false failure ≈ 6e-7), and
// the sample variance within 5% of the true variance (its relative sd is about
// sqrt((kurtosis − 1) / n) <= 1% for these distributions at n = 200000).
void expect_moments(const DistributionSpec& spec, Moments truth) {
    const Distribution d{spec};
    EXPECT_NEAR(d.mean(), truth.mean, (1e-9 * std::max(1.0, std::fabs(truth.mean))));
    EXPECT_NEAR(d.variance(), truth.variance, 1e-9 * std::max(1.0, truth.variance)); // routing's spread
    const auto stats = draw(d, corridor::support::test_seed());
    const double se = std::sqrt(truth.variance / kSamples);
    EXPECT_NEAR(stats.mean(), truth.mean, 5 * se);
    EXPECT_NEAR(stats.variance(), truth.variance, 0.05 * truth.variance);
}
} // namespace

TEST(Distributions, ExponentialHasItsMeanAndVariance) { expect_moments(Exponential{30}, {30, 900}); }

TEST(Distributions, UniformHasItsMeanAndVariance) { expect_moments(Uniform{2, 8}, {5, 3}); }

TEST(Distributions, LognormalGivenMeanAndSdReproducesThem) { expect_moments(Lognormal{30, 12}, {30, 144}); }

TEST(Distributions, TriangularHasItsMeanAndVariance) {
    // Var = (a² + b² + c² − ab − ac − bc) / 18.
    expect_moments(Triangular{1, 2, 6}, {3, (1 + 4 + 36 - 2 - 6 - 12) / 18.0});
}

TEST(Distributions, GammaHasItsMeanAndVariance) {
    expect_moments(Gamma{2.5, 4}, {10, 40});
    expect_moments(Gamma{0.5, 2}, {1, 2}); // shape < 1 takes the boost path
}

TEST(Distributions, WeibullHasItsMeanAndVariance) {
    const double g1 = std::tgamma(1 + 1 / 1.5), g2 = std::tgamma(1 + 2 / 1.5);
    expect_moments(Weibull{1.5, 10}, {10 * g1, 100 * (g2 - g1 * g1)});
}

TEST(Distributions, TruncatedNormalMatchesTheTruncatedMoments) {
    // Normal(4, 3) truncated to [0, ∞): α = −4/3, λ = φ(α)/(1 − Φ(α)).
    const double alpha = -4.0 / 3.0;
    const double phi = std::exp(-0.5 * alpha * alpha) / std::sqrt(2 * M_PI);
    const double lambda = phi / (1 - normal_cdf(alpha));
    expect_moments(TruncatedNormal{4, 3, 0, INFINITY},
                   {4 + 3 * lambda, 9 * (1 + alpha * lambda - lambda * lambda)});
}

TEST(Distributions, TruncatedNormalStaysWithinBounds) {
    const Distribution d{TruncatedNormal{10, 5, 8, 9}};
    RandomStream stream{1};
    for (int i = 0; i < 10000; ++i) {
        const double x = d.sample(stream);
        ASSERT_GE(x, 8.0);
        ASSERT_LE(x, 9.0);
    }
}

TEST(Distributions, EmpiricalDrawsValuesInProportionToWeights) {
    const Distribution d{Empirical{{1, 2, 10}, {1, 1, 2}}};
    EXPECT_DOUBLE_EQ(d.mean(), (1 + 2 + 20) / 4.0);
    RandomStream stream{corridor::support::test_seed()};
    int tens = 0;
    for (int i = 0; i < kSamples; ++i) {
        const double x = d.sample(stream);
        ASSERT_TRUE(x == 1 || x == 2 || x == 10);
        tens += x == 10;
    }
    // Binomial(n, 0.5): sd = sqrt(n)/2; 5 sd.
    EXPECT_NEAR(tens, kSamples / 2.0, 5 * std::sqrt(kSamples) / 2);
}

TEST(Distributions, DeterministicAlwaysGivesItsValue) {
    const Distribution d{Deterministic{4.25}};
    RandomStream stream{1};
    EXPECT_EQ(d.sample(stream), 4.25);
    EXPECT_EQ(d.mean(), 4.25);
}

TEST(Distributions, SamplesArePinnedBySeed) {
    // Golden values, computed independently in Python (xoshiro256++ and NormalDist.inv_cdf):
    // a change in any sampler changes every result file, so it must be deliberate.
    RandomStream stream{2026};
    EXPECT_NEAR(Distribution(Exponential{10}).sample(stream), 8.509688718984842, 1e-12);
    EXPECT_NEAR(Distribution(Lognormal{30, 12}).sample(stream), 31.14669581374163, 1e-12);
    EXPECT_NEAR(Distribution(Triangular{1, 2, 6}).sample(stream), 3.6418641291880793, 1e-12);
}

TEST(Distributions, InvalidParametersAreRejectedWithAReason) {
    EXPECT_EQ(check(Exponential{0}), "exponential mean must be > 0");
    EXPECT_EQ(check(Lognormal{-1, 2}), "lognormal needs mean > 0 and sd > 0");
    EXPECT_EQ(check(Triangular{3, 1, 5}), "triangular needs low <= mode <= high and low < high");
    EXPECT_EQ(check(Empirical{{1}, {}}), "empirical needs one weight per value");
    EXPECT_EQ(check(TruncatedNormal{0, 1, 50, 60}), "normal truncation [low, high] holds almost no probability");
    EXPECT_THROW(Distribution(Gamma{0, 1}), std::invalid_argument);
    EXPECT_EQ(check(Gamma{1, 1}), std::nullopt);
}

TEST(Distributions, NormalQuantileInvertsTheCdf) {
    EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-14);
    EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-15);
    EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-10);
    for (double p = 0.001; p < 1; p += 0.01) {
        EXPECT_NEAR(normal_cdf(normal_quantile(p)), p, 1e-14);
    }
}
