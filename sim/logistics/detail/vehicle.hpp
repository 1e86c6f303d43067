// A train, a vessel on a crossing, or a truck: its place on its leg, its load and its trip's account.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/time.hpp"
#include "sim/logistics/detail/indices.hpp"
#include "sim/logistics/result.hpp"

namespace corridor::logistics::detail {

enum class VehicleKind : std::uint8_t { train, vessel, solo };

enum class BerthWork : std::uint8_t { load, unload };

// Aligned to cache lines: a link step (arrive, ask for a path, enter the next link) reads and
// writes the first line only; the trip's time account (written when what the vehicle does
// changes) is the second; what a leg's start and end need is the third.
struct alignas(64) Vehicle {
    VehicleKind kind = VehicleKind::solo;
    bool on_trip = false;                  // see the trip's account below
    TimeUse use = TimeUse::waiting;
    bool inbound_border = false;           // the border it queues at, in or out
    BerthWork berth_work = BerthWork::load; // what it queues for at a berth (vessels)
    bool next_plain = false;               // nothing can hold it at next_at (plain_node_)
    bool custodial = false;                // carries a consignment that keeps a custody log
    std::uint32_t leg_base = 0;            // where the leg's positions start in leg_pos_
    std::uint32_t leg_len = 0;             // how many links the leg has
    std::uint32_t pos = 0;                 // next link of the leg
    std::uint32_t run_end = 0;             // leg position after the link (or free run) being ridden
    core::NodeId at;
    core::NodeId next_at;                  // where the link (or free run) being ridden ends
    // The link it asks for next (before entering) or rides (after: the last of a free run).
    core::LinkId link;
    // A trip's account, kept once for the whole load and shared out at the end of the leg, so
    // that a link or a border costs O(1) per vehicle, not per consignment aboard. The time in
    // `use` since `since` is added to `seconds` when the use changes (or the trip ends).
    core::SimTime since;
    std::uint32_t leg = kNone;             // the leg it rides (a land trip's cost is the leg's)
    // Second line.
    alignas(64) std::array<std::int64_t, kTimeUses> seconds{};
    std::uint32_t service = kNone;
    std::uint32_t vessel = kNone;          // index in the service's fleet
    // Third line.
    std::vector<std::uint32_t> load;       // consignments aboard
    double units = 0;
    core::SimTime requested;               // when it asked for a line path it had to wait for
    // The trip's cost: a vessel's summed as it goes, a train's or a truck's its leg's (end_trip).
    double usd_per_unit = 0;
    double co2_g_per_t = 0;                // g CO2e per tonne carried
    std::uint32_t number = 0;              // a train's number in its service, a truck's overall (custody logs)
};
static_assert(sizeof(Vehicle) == 192 && offsetof(Vehicle, seconds) == 64 && offsetof(Vehicle, load) == 128,
              "a link step's fields fill the first cache line of a Vehicle");

} // namespace corridor::logistics::detail
