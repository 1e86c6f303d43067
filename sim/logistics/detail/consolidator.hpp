// Trains forming for one leg of a service, and the departure rule they read.
#pragma once
#include <cstdint>
#include <vector>

#include "sim/core/engine.hpp"
#include "sim/core/ids.hpp"
#include "sim/core/time.hpp"

namespace corridor::logistics::detail {

// What boarding and departing read of a service, in a small array that stays in cache.
struct ServiceRule {
    double capacity_units;
    core::Duration max_wait; // the longest a train waits to fill; negative: no limit
    bool when_full;        // departs as soon as it is full
    bool train;            // a train service (else vessels)
};

// Trains boarding at the same place for the same leg of a service. One cache line each: a
// consignment boarding touches one.
struct alignas(64) Consolidator {
    std::uint32_t service;
    std::uint32_t leg; // the leg the trains ride
    core::NodeId at;   // where they board: the leg's start (a departure reads no consignment for it)
    std::vector<std::uint32_t> waiting;
    double units = 0;
    core::EventId timer{};
    bool timer_set = false;
};

} // namespace corridor::logistics::detail
