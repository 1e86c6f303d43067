// A leg (a run of links one service rides on one carrier) as vehicles read it: positions and cost.
#pragma once
#include <cstdint>

#include "sim/core/ids.hpp"

namespace corridor::logistics::detail {

// A position of a leg, as a vehicle at it reads it: all legs' positions in one flat pool, so that
// a link step reads one record instead of three vectors of vectors, and a free run (see the
// Simulation constructor) reads its links in one sequential sweep.
// Its own link is the previous position's `next` (the first one's is the leg's first link, on
// the vehicle from the start): a link step then reads the positions it rides and no further.
// What riding the leg costs is not here: a train's or a truck's trip is always its whole leg, so
// its cost is the leg's (worked out once per leg, LegCost), and a link step reads a quarter line.
struct alignas(16) LegPos {
    core::LinkId next;            // the link of the next position; none at the leg's last
    std::uint32_t run_end : 31;   // the position after the free run from here (here + 1 if not free)
    std::uint32_t plain_to : 1;   // nothing can hold a vehicle at `to` (plain_node_)
    std::int32_t ride_s;   // riding time in ticks, rounded link by link (checked to fit when built)
    core::NodeId to;       // where the position's link ends
};
static_assert(sizeof(LegPos) == 16, "four leg positions to a cache line");

// What a train or a truck riding a whole leg adds per unit and per tonne: the links' costs and
// the borders' fees (at every node after a link that has a border process), summed in the order
// they are met, so the sums equal those of adding them on the way.
struct LegCost {
    double usd_per_unit = 0;
    double co2_g_per_t = 0; // g CO2e per tonne carried
};

} // namespace corridor::logistics::detail
