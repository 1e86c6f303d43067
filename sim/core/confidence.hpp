// Student-t confidence intervals for a mean, and the t and beta functions they need.
#pragma once
#include <cstdint>

#include "sim/core/running_stats.hpp"

namespace corridor::core {

struct ConfidenceInterval {
    double mean = 0;
    double half_width = 0; // NaN with fewer than two observations
    double low() const { return mean - half_width; }
    double high() const { return mean + half_width; }
};

/// Regularised incomplete beta function I_x(a, b) (continued fraction, Lentz's method).
double incomplete_beta(double a, double b, double x);
/// CDF of Student's t with `dof` degrees of freedom.
double student_t_cdf(double t, double dof);
/// The p-quantile of Student's t (p in (0, 1)), to about 1e-12.
double student_t_quantile(double p, double dof);

/// Two-sided interval for the mean at `level` (e.g. 0.95) from n >= 2 observations.
ConfidenceInterval mean_confidence_interval(const RunningStats& stats, double level = 0.95);

} // namespace corridor::core
