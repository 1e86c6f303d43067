// Timetabled departures of trains and vessels.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "sim/core/time.hpp"
#include "sim/logistics/service.hpp"

namespace corridor::logistics::detail {

/// The first departure on `policy`'s timetable at or after `now` (offset_h + k × every_h).
/// Precondition: policy.every_h > 0.
inline core::SimTime next_on_timetable(const DeparturePolicy& policy, core::SimTime now) {
    const double period = policy.every_h->count() * 3600.0;
    const double seconds = static_cast<double>(now.seconds());
    const double k = std::ceil((seconds - policy.offset_h.count() * 3600.0) / period);
    const auto at = static_cast<std::int64_t>(policy.offset_h.count() * 3600.0 + std::max(0.0, k) * period);
    return core::at_seconds(std::max<std::int64_t>(at, now.seconds()));
}

} // namespace corridor::logistics::detail
