// Model hours to simulation ticks, as the simulation schedules them.
#pragma once
#include <algorithm>

#include "sim/core/time.hpp"

namespace corridor::logistics::detail {

/// Rounded once, to the nearest second, never negative.
inline core::Duration hours(core::Hours h) { return std::max(core::Duration{0}, core::to_ticks(h)); }
inline core::Duration hours(double h) { return hours(core::Hours{h}); }

} // namespace corridor::logistics::detail
