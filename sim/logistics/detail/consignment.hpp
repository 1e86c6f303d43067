// Consignments in flight: where each is on its route, its clocks by time use, what it has cost;
// the store that holds them, whose slots are reused once a consignment is delivered, so memory
// follows the consignments in the system, not all those ever created.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/logistics/detail/chunked_vector.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/result.hpp"

namespace corridor::logistics::detail {

// 96 bytes on a 32-byte boundary: two cache lines, which a leg's end reads and writes together.
struct alignas(32) Consignment {
    ShipmentId id;       // shipment number: creation order, stable in outputs
    FlowId flow;
    RouteId route;       // the route it follows (the route planner's)
    std::uint32_t pos;   // next link of the route to ride
    NodeId at;
    TimeUse use;
    // Flags in one byte (the 96 bytes are full).
    bool counted : 1;    // created after warm-up: counts in the flow statistics
    bool live : 1;       // the slot holds a consignment in the system
    bool custody : 1;    // its flow keeps a chain-of-custody log
    bool hazardous : 1;  // its cargo class is hazardous (borders may inspect it)
    bool in_yard : 1;    // it takes room in its port's yard (yard_events.cpp)
    core::SimTime since; // start of the current time use
    double units;
    // Its ledger, turned into a ShipmentRecord when it leaves (or at the horizon).
    core::SimTime created;
    double usd = 0;
    double kg_co2e = 0;
    std::array<std::uint32_t, kTimeUses> seconds{}; // up to 136 years each
    // The leg it starts at `pos` of its route, when known without a look-up (invalid: look it
    // up): a consignment's own line is in cache when it starts a leg, the route's is not.
    LegId leg;
};
static_assert(sizeof(Consignment) == 96);

class Consignments {
public:
    /// A slot for `fresh`: the one freed last, if any, else a new one.
    ConsignmentId add(const Consignment& fresh) {
        ConsignmentId c;
        if (free_.empty()) {
            c = ConsignmentId{static_cast<std::uint32_t>(items_.size())};
            items_.push_back(fresh);
        } else {
            c = free_.back();
            free_.pop_back();
            items_[c.index()] = fresh;
        }
        return c;
    }
    /// It has left the system: its slot may be reused.
    void remove(ConsignmentId c) {
        items_[c.index()].live = false;
        free_.push_back(c);
    }

    Consignment& operator[](ConsignmentId c) { return items_[c.index()]; }
    const Consignment& operator[](ConsignmentId c) const { return items_[c.index()]; }
    /// Slots ever used (live or free): for (ConsignmentId c{0}; c.index() < slots(); ...).
    [[nodiscard]] std::size_t slots() const { return items_.size(); }

    /// Ends the current time use at `now` (adding its seconds) and starts `next`.
    void use(ConsignmentId c, TimeUse next, core::SimTime now) {
        Consignment& con = items_[c.index()];
        con.seconds[static_cast<std::size_t>(con.use)] += static_cast<std::uint32_t>((now - con.since).count());
        con.since = now;
        con.use = next;
    }

private:
    ChunkedVector<Consignment> items_; // grows without copying, so peaks stay low
    std::vector<ConsignmentId> free_;
};

} // namespace corridor::logistics::detail
