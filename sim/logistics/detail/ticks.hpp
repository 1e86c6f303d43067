// Model hours to simulation ticks, as the simulation schedules them.
#pragma once
#include <cstdint>

#include "sim/core/time.hpp"

namespace corridor::logistics::detail {

/// The longest span the simulation schedules at once: 2^44 s (557,000 years), so that now plus
/// any span stays inside the engine's 2^47 s. The inputs' ranges (sim/scenario/detail/ranges.hpp)
/// keep every given duration far below it; a draw from a heavy-tailed distribution may not,
/// and is cut here: it then ends after any horizon.
inline constexpr double kMaxSpanHours = static_cast<double>(std::int64_t{1} << 44) / 3600.0;

/// Rounded once, to the nearest second; never negative, never beyond kMaxSpanHours.
inline core::Duration hours(core::Hours h) {
    const double x = h.count();
    if (!(x > 0)) return core::Duration{0}; // negative, zero or NaN
    return core::to_ticks(core::Hours{x < kMaxSpanHours ? x : kMaxSpanHours});
}
inline core::Duration hours(double h) { return hours(core::Hours{h}); }

} // namespace corridor::logistics::detail
