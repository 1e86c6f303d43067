// A consignment in flight: where it is on its route, its clocks by time use, what it has cost.
#pragma once
#include <array>
#include <cstdint>

#include "sim/core/ids.hpp"
#include "sim/core/time.hpp"
#include "sim/logistics/result.hpp"

namespace corridor::logistics::detail {

// In-flight state; its slot is reused once the consignment is delivered, so memory follows the
// consignments in the system, not all those ever created. 96 bytes on a 32-byte boundary: two
// cache lines, which a leg's end reads and writes together.
struct alignas(32) Consignment {
    std::uint32_t id;    // shipment number: creation order, stable in outputs
    std::uint32_t flow;
    std::uint32_t route; // index into routes_
    std::uint32_t pos;   // next link of the route to ride
    core::NodeId at;
    TimeUse use;
    bool counted;        // created after warm-up: counts in the flow statistics
    bool live;           // the slot holds a consignment in the system
    bool custody;        // its flow keeps a chain-of-custody log
    core::SimTime since; // start of the current time use
    double units;
    // Its ledger, turned into a ShipmentRecord when it leaves (or at the horizon).
    core::SimTime created;
    double usd = 0;
    double kg_co2e = 0;
    std::array<std::uint32_t, kTimeUses> seconds{}; // up to 136 years each
    // The leg it starts at `pos` of its route, when known without a look-up (kNone: look it
    // up): a consignment's own line is in cache when it starts a leg, the route's is not.
    std::uint32_t leg;
};
static_assert(sizeof(Consignment) == 96);

} // namespace corridor::logistics::detail
