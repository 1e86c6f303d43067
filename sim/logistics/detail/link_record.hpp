// A link as the simulation keeps it: path pacing and counts (hot), disruption state (cold), ride.
#pragma once
#include <cstdint>

#include "sim/core/ids.hpp"
#include "sim/core/time.hpp"

namespace corridor::logistics::detail {

// Everything a vehicle reads and writes about a link as it asks for a path and enters it, in half
// a cache line: on large networks each link step is otherwise a cache miss per array touched, and
// the records of the links in use should stay in cache together. (What a ride costs is in the
// leg's LegCost; what changes only with a disruption, and the path waits, are in LinkState;
// vehicles held by a closure wait in a separate list.)
struct alignas(32) LinkRec {
    core::SimTime next_free;       // next train path
    core::Duration headway{0};     // 86,400 s / (capacity × factor), kept with the factor
    std::int64_t busy_seconds = 0; // paths taken × headway (links with a capacity)
    std::uint32_t trains = 0;      // vehicles that entered it since the warm-up
    bool closed = false;           // a disruption's factor <= 0
    bool paced = false;            // it has a capacity: trains take a path
    bool always_open = false;      // status open: no calendar check needed
    bool enters_country = false;   // it ends at a border in another country than it starts: the
                                   // border is crossed inbound (read here, not from two nodes' records)
};
static_assert(sizeof(LinkRec) == 32);

// The rest of a link's state, read when a disruption starts or ends or a train had to wait.
struct LinkState {
    double factor = 1;            // disruptions: 0 closes, (0, 1) derates
    double capacity_per_day = 0;  // 0: unlimited
    double path_wait_h = 0;       // summed waits for a path (links with a capacity)
};

// What riding a link costs, read once per leg to build its positions (LegPos) and cost (LegCost).
struct LinkRide {
    double hours;        // riding time
    double usd_per_unit; // riding cost per unit
    double co2_g_per_t;  // g CO2e per tonne carried
    core::NodeId to;
};

// A path every 86,400 s / (capacity × factor); only read while capacity and factor are > 0.
inline void set_headway(LinkRec& link, const LinkState& state) {
    link.closed = state.factor <= 0;
    if (state.capacity_per_day > 0 && state.factor > 0) {
        link.headway = core::Duration{static_cast<std::int64_t>(86400.0 / (state.capacity_per_day * state.factor))};
    }
}

} // namespace corridor::logistics::detail
