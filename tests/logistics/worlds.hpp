// The small networks the simulation's tests share, built in code (tests/support/world.hpp).
#pragma once
#include <optional>
#include <utility>

#include "tests/support/world.hpp"

namespace corridor::support {

/// Trucks from A (country X) cross a border at B (Y: inbound, `servers` lanes, exponential dwell
/// of mean 1 h) to C; roads of 10 km at 50 km/h.
World border_world(std::uint32_t servers);
/// The same with a dwell of exactly 1 h and one lane, open `hours` (from_h, until_h) if given.
World one_hour_border_world(std::optional<std::pair<double, double>> hours = std::nullopt);
/// Trucks from A to C, one every 12 h from t = 12 h: they reach the border at 12:12 and 00:12.
logistics::Scenario trucks_every_12_hours(const World& world, double days);

/// China (CN) by rail to the gauge break at Dostyk (DOS: border, cranes), kz trains to Aktau
/// (AKT), the Caspian ferry service "ferries" to Alat (ALAT). `ferries` vessels F1, F2, … of
/// `capacity_units` each (load factor 0.75), `berths` at each port.
World corridor_world(int ferries = 1, double capacity_units = 40, std::uint32_t berths = 1);

/// Roads A-B (100 km), A-C-B (300 km), A-N (500 km), and B-N (10 km) planned to open on
/// 2025-01-21 one way (N-B open); all at 50 km/h.
World detour_world();

/// Trains bring containers from S to X, where they go on by truck to D: through border B1
/// (0.2 + 2 + 0.2 h, one lane) or B2 (2 + 1 + 2 h, twenty lanes).
World two_borders_world();

} // namespace corridor::support
