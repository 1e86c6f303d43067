// Simulation time: whole seconds since the scenario start. Integer ticks keep event order exact.
#pragma once
#include <chrono>
#include <cmath>
#include <compare>
#include <cstdint>
#include <string>
#include <type_traits>

#include "sim/core/units.hpp"

namespace corridor::core {

/// One tick is one second. A span of simulated time.
using Duration = std::chrono::duration<std::int64_t>;

/// A point in simulated time, measured from the scenario start.
struct SimTime {
    Duration since_start{};

    [[nodiscard]] constexpr std::int64_t seconds() const { return since_start.count(); }
    [[nodiscard]] constexpr Hours hours() const { return Hours{since_start}; }
    friend constexpr auto operator<=>(const SimTime&, const SimTime&) = default;
};

constexpr SimTime operator+(SimTime t, Duration d) { return SimTime{t.since_start + d}; }
constexpr SimTime operator-(SimTime t, Duration d) { return SimTime{t.since_start - d}; }
constexpr Duration operator-(SimTime a, SimTime b) { return a.since_start - b.since_start; }

constexpr SimTime at_seconds(std::int64_t seconds) { return SimTime{Duration{seconds}}; }

/// The one place where real-valued hours become ticks: rounded to the nearest second
/// (ties to even, as std::chrono::round does). At run time the same rounding comes from
/// std::nearbyint in the default rounding mode, several times cheaper than chrono's floor and
/// compares on this hot path; Time.RunTimeRoundingAgreesWithChronoRound (tests/core/units_test.cpp)
/// checks the two agree.
constexpr Duration to_ticks(Hours h) {
    if (std::is_constant_evaluated()) return std::chrono::round<Duration>(h);
    return Duration{static_cast<std::int64_t>(std::nearbyint(h.count() * 3600.0))};
}
static_assert(to_ticks(Hours{2.5}) == Duration{9000});

constexpr SimTime at_hours(double hours) { return SimTime{to_ticks(Hours{hours})}; }

/// "d3 04:05:06" (day counted from 0), for messages and reports.
std::string to_string(SimTime t);

} // namespace corridor::core
