// How cargo changes carrier (a gauge break, a change of mode) at a node: the one rule that the
// network's flags, routing's prices and the simulation's transshipments share.
#pragma once
#include <cstdint>

#include "sim/network/network.hpp"

namespace corridor::network {

/// Vessels and aircraft load and unload at a port's berths: ferry, sea and air links. Land
/// modes do not (a train's or a truck's cargo changes carrier by cranes).
constexpr bool loads_at_port(Mode mode) { return mode == Mode::ferry || mode == Mode::sea || mode == Mode::air; }

enum class Transfer : std::uint8_t { none, port, transshipment, impossible };

/// How cargo that arrived on one carrier leaves on another at a node: at the port's berths when
/// either carrier loads at a port and the node is a port; else by the node's transshipment
/// process (cranes); else at its port; else it cannot change there.
constexpr Transfer transfer_between(bool same_carrier, bool either_loads_at_port, bool port, bool transshipment) {
    if (same_carrier) return Transfer::none;
    if (either_loads_at_port && port) return Transfer::port;
    if (transshipment) return Transfer::transshipment;
    if (port) return Transfer::port;
    return Transfer::impossible;
}

} // namespace corridor::network
