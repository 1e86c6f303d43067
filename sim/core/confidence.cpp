// Student-t quantiles by bisection on the CDF, which is written through the incomplete beta.
#include "sim/core/confidence.hpp"

#include <cmath>
#include <limits>

#include "sim/core/assert.hpp"

namespace corridor::core {

namespace {

// Continued fraction for I_x(a, b), valid for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double a, double b, double x) {
    constexpr double kTiny = 1e-300;
    constexpr double kEps = 1e-15;
    double c = 1.0;
    double d = 1.0 - (a + b) * x / (a + 1.0);
    if (std::fabs(d) < kTiny) d = kTiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 10000; ++m) {
        const double dm = m;
        const double even = dm * (b - dm) * x / ((a + 2 * dm - 1) * (a + 2 * dm));
        d = 1.0 + even * d;
        if (std::fabs(d) < kTiny) d = kTiny;
        c = 1.0 + even / c;
        if (std::fabs(c) < kTiny) c = kTiny;
        d = 1.0 / d;
        h *= d * c;
        const double odd = -(a + dm) * (a + b + dm) * x / ((a + 2 * dm) * (a + 2 * dm + 1));
        d = 1.0 + odd * d;
        if (std::fabs(d) < kTiny) d = kTiny;
        c = 1.0 + odd / c;
        if (std::fabs(c) < kTiny) c = kTiny;
        d = 1.0 / d;
        const double step = d * c;
        h *= step;
        if (std::fabs(step - 1.0) < kEps) break;
    }
    return h;
}

} // namespace

double incomplete_beta(double a, double b, double x) {
    if (x <= 0) return 0.0;
    if (x >= 1) return 1.0;
    const double log_front =
        std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    if (x < (a + 1) / (a + b + 2)) {
        return std::exp(log_front) * beta_continued_fraction(a, b, x) / a;
    }
    return 1.0 - std::exp(log_front) * beta_continued_fraction(b, a, 1.0 - x) / b;
}

double student_t_cdf(double t, double dof) {
    const double x = dof / (dof + t * t);
    const double tail = 0.5 * incomplete_beta(0.5 * dof, 0.5, x);
    return t >= 0 ? 1.0 - tail : tail;
}

double student_t_quantile(double p, double dof) {
    SIM_ASSERT(p > 0 && p < 1 && dof > 0, "t quantile needs p in (0, 1) and dof > 0");
    if (p == 0.5) return 0.0;
    if (p < 0.5) return -student_t_quantile(1.0 - p, dof);
    double low = 0.0;
    double high = 1.0;
    while (student_t_cdf(high, dof) < p) high *= 2.0;
    for (int i = 0; i < 200 && high - low > 1e-13 * high; ++i) {
        const double mid = 0.5 * (low + high);
        (student_t_cdf(mid, dof) < p ? low : high) = mid;
    }
    return 0.5 * (low + high);
}

ConfidenceInterval mean_confidence_interval(const RunningStats& stats, double level) {
    ConfidenceInterval ci{stats.mean(), std::numeric_limits<double>::quiet_NaN()};
    if (stats.count() < 2) return ci;
    const double n = static_cast<double>(stats.count());
    const double t = student_t_quantile(0.5 + 0.5 * level, n - 1.0);
    ci.half_width = t * stats.stddev() / std::sqrt(n);
    return ci;
}

} // namespace corridor::core
