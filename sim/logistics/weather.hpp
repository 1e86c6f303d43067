// Sea-area weather: a continuous-time two-state Markov chain (calm, storm) whose rates change by
// month. With storm share s and mean storm length m hours: storm → calm at rate 1/m, calm → storm
// at rate s / (m (1 − s)); the chain then spends the fraction s of time in storm, and its 2×2
// generator's stationary distribution (Eigen) is (1 − s, s).
#pragma once
#include <array>

#include "sim/core/random.hpp"
#include "sim/core/time.hpp"
#include "sim/logistics/scenario.hpp"

namespace corridor::logistics {

/// The stationary distribution (P(calm), P(storm)) of a month's generator, solved with Eigen.
std::array<double, 2> stationary_distribution(const WeatherMonth& month);

/// Samples the length of the current spell: exponential with the rate of the month it starts in.
core::Duration sample_spell(const WeatherMonth& month, bool storm, core::RandomStream& random);

/// Month index 0..11 of simulation time `t` for a scenario starting on `start`.
int month_of(network::Date start, core::SimTime t);

} // namespace corridor::logistics
