// MSER-5 (White 1997; Franklin & White 2008): the warm-up to truncate from an output series.
// Batch the series in means of 5; for each candidate truncation d (in batches, up to half the
// series) compute the variance of the remaining batch means divided by their count squared;
// the d that minimises it is the truncation point.
#pragma once
#include <cstddef>
#include <span>

namespace corridor::experiment {

/// Truncation point in observations of `series` (a multiple of 5), or 0 if the series is too short.
std::size_t mser5_truncation(std::span<const double> series);

} // namespace corridor::experiment
