// A vessel service's fleet and the port queues its vessels load from.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/engine.hpp"
#include "sim/core/ids.hpp"
#include "sim/core/time_weighted.hpp"
#include "sim/logistics/detail/indices.hpp"

namespace corridor::logistics::detail {

// Consignments waiting at a port for a vessel of a service over one link.
struct PortQueue {
    std::uint32_t service;
    core::LinkId link;
    std::vector<std::uint32_t> waiting; // FIFO: boarded from the front
    std::size_t head = 0;
    double units = 0;
};

enum class VesselState : std::uint8_t { idle, loading, busy };
struct FleetVessel {
    std::uint32_t service;
    std::string name;
    double capacity;                 // what it loads now: base × its service's and its own derating
    double base_capacity;            // capacity × load factor
    core::NodeId at;
    VesselState state = VesselState::idle;
    std::uint32_t vehicle = kNone;   // while loading or busy
    std::uint32_t queue = kNone;     // the port queue it loads from
    core::EventId timer{};
    bool timer_set = false;
    core::TimeWeighted busy;         // 1 while sailing or at berth
    int closed = 0;                  // disruptions in force: not chosen for a trip while > 0
    bool repositioning = false;      // sailing empty to `target` to fetch waiting cargo
    core::NodeId target;
};

} // namespace corridor::logistics::detail
