// Probability distributions the domain needs, sampled by our own code so that a seed fixes the
// output on every standard library. Values are unit-less; callers attach the unit (hours for
// dwell and sailing times). Inverse-transform sampling (one uniform per draw) is used wherever
// the inverse CDF is cheap, which keeps common random numbers aligned across scenarios.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sim/core/random.hpp"

namespace corridor::core {

struct Deterministic {
    double value = 0;
};
struct Exponential {
    double mean = 1;
};
struct Uniform {
    double low = 0, high = 1;
};
/// Normal(mean, sd) restricted to [low, high]; the bounds may be ±infinity.
struct TruncatedNormal {
    double mean = 0, sd = 1, low = 0, high = 1e300;
};
/// Parameterised by the mean and standard deviation of the variable itself, not of its log.
struct Lognormal {
    double mean = 1, sd = 1;
};
struct Triangular {
    double low = 0, mode = 0.5, high = 1;
};
struct Gamma {
    double shape = 1, scale = 1;
};
struct Weibull {
    double shape = 1, scale = 1;
};
/// A discrete distribution over `values` with non-negative `weights` (not necessarily summing to 1).
struct Empirical {
    std::vector<double> values;
    std::vector<double> weights;
};

using DistributionSpec = std::variant<Deterministic, Exponential, Uniform, TruncatedNormal,
                                      Lognormal, Triangular, Gamma, Weibull, Empirical>;

/// A validated distribution, ready to sample.
class Distribution {
public:
    /// Deterministic zero.
    Distribution() = default;
    /// Throws std::invalid_argument with the reason if the parameters are not valid.
    explicit Distribution(DistributionSpec spec);

    [[nodiscard]] double sample(RandomStream& stream) const;
    [[nodiscard]] double mean() const { return mean_; }
    /// The variance of a draw (exact for every kind; routing's spread of a route's time).
    [[nodiscard]] double variance() const { return variance_; }
    [[nodiscard]] const DistributionSpec& spec() const { return spec_; }

private:
    DistributionSpec spec_{Deterministic{0.0}};
    double mean_ = 0;
    double variance_ = 0;
    std::vector<double> cumulative_; // Empirical only: running sums of the weights
    double log_mu_ = 0, log_sigma_ = 0; // Lognormal only
    double cdf_low_ = 0, cdf_high_ = 1; // TruncatedNormal only
};

/// Why the parameters are invalid, or nullopt when they are fine.
std::optional<std::string> check(const DistributionSpec& spec);

/// Standard normal CDF and its inverse (Wichura's AS 241, relative error about 1e-16).
double normal_cdf(double z);
double normal_quantile(double p);

} // namespace corridor::core
