// Generated networks for benchmarks: seeded, sized by a parameter, no data files.
#pragma once
#include <cstdint>
#include <string>

#include "sim/network/network.hpp"

namespace corridor::bench {

/// side × side road grid on a 0.1° lat/lon lattice, links both ways; lengths are the
/// great-circle distance × (1 + 0.3 u), speeds 40–100 km/h.
network::NetworkSpec make_grid(std::uint32_t side, std::uint64_t seed);

/// A corridor: a rail chain of `length` nodes with a gauge break (and transshipment) every 100
/// nodes, a ferry hop every 250, and a 5-node branch line off every 10th node.
network::NetworkSpec make_corridor(std::uint32_t length, std::uint64_t seed);

/// The spec written as model YAML (every object with an `assumption:`), for load benchmarks.
std::string to_yaml(const network::NetworkSpec& spec);

} // namespace corridor::bench
