// A KPI over replications: mean, standard deviation and 95% Student-t interval clipped to the
// KPI's feasible range.
#pragma once
#include <cmath>
#include <limits>
#include <vector>

#include "sim/core/confidence.hpp"
#include "sim/core/running_stats.hpp"
#include "sim/logistics/kpis.hpp"

namespace corridor::report::detail {

struct Summary {
    std::size_t n = 0;
    double mean = std::numeric_limits<double>::quiet_NaN();
    double sd = std::numeric_limits<double>::quiet_NaN();       // with two values or more
    double ci95_low = std::numeric_limits<double>::quiet_NaN(); // with two values or more
    double ci95_high = std::numeric_limits<double>::quiet_NaN();
};

/// A count's interval cannot go below zero, nor a share's beyond [0, 1]: the Student-t interval
/// is cut at the feasible range (the mean itself always lies inside it).
inline Summary summarise(const std::vector<double>& values, logistics::FeasibleRange range) {
    Summary s;
    core::RunningStats stats;
    for (const double v : values) stats.add(v);
    s.n = values.size();
    if (s.n == 0) return s;
    s.mean = stats.mean();
    if (s.n < 2) return s;
    s.sd = stats.stddev();
    const auto ci = core::mean_confidence_interval(stats, 0.95);
    s.ci95_low = std::max(range.low, ci.low());
    s.ci95_high = std::min(range.high, ci.high());
    return s;
}

} // namespace corridor::report::detail
