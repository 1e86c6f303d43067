// Route legs: a route split into legs, each a run of links that one service rides on one carrier
// (mode, gauge), interned once and shared by content, so vehicles hold a leg's id and read its
// positions from one flat pool. Owns what the link step reads of the network's links and nodes
// (riding times and costs, which nodes and links nothing can hold a vehicle at) and, per route
// position, the leg that starts there and whether cranes are needed first.
// Touches nothing of other components: routes come in as their links.
#pragma once
#include <cstdint>
#include <map>
#include <stdexcept>
#include <span>
#include <vector>

#include "sim/core/id_vector.hpp"
#include "sim/logistics/detail/consignment.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"

namespace corridor::logistics::detail {

// A position of a leg, as a vehicle at it reads it: all legs' positions in one flat pool, so that
// a link step reads one record instead of three vectors of vectors, and a free run (a run of
// links and nodes nothing can hold a vehicle at, ridden in one event) reads its links in one
// sequential sweep. Its own link is the previous position's `next` (the first one's is the leg's
// first link, on the vehicle from the start): a link step then reads the positions it rides and
// no further. What riding the leg costs is not here: a train's or a truck's trip is always its
// whole leg, so its cost is the leg's (LegCost), and a link step reads a quarter line.
struct alignas(16) LegPos {
    LinkId next;                  // the link of the next position; none at the leg's last
    std::uint32_t run_end : 31;   // the position after the free run from here (here + 1 if not free)
    std::uint32_t plain_to : 1;   // nothing can hold a vehicle at `to` (RouteLegs::plain)
    std::int32_t ride_s;          // riding time in ticks, rounded link by link (checked to fit when built)
    NodeId to;                    // where the position's link ends
};
static_assert(sizeof(LegPos) == 16, "four leg positions to a cache line");

// What a train or a truck riding a whole leg adds per unit and per tonne: the links' costs and
// the borders' fees (at every node after a link that has a border process), summed in the order
// they are met, so the sums equal those of adding them on the way.
struct LegCost {
    double usd_per_unit = 0;
    double co2_g_per_t = 0; // g CO2e per tonne carried
};

// What riding a link costs, read once per leg to build its positions and cost.
struct LinkRide {
    double hours;        // riding time
    double usd_per_unit; // riding cost per unit
    double co2_g_per_t;  // g CO2e per tonne carried
    NodeId to;
};

class RouteLegs {
public:
    /// Free runs and plain nodes are decided once: disruptions are known in advance.
    RouteLegs(const network::Network& net, const Scenario& sc);

    /// The leg a consignment starts at its position on `route` (its links).
    LegId leg_at(const Consignment& con, std::span<const LinkId> route);
    /// Whether a consignment arriving at its position needs cranes before its next leg (a
    /// change of carrier the node transships); notes that leg on the consignment when known.
    bool needs_cranes(Consignment& con, std::span<const LinkId> route);
    /// A vessel's leg: one crossing.
    LegId crossing(LinkId link);
    /// The leg a route starts with, once known (invalid until then).
    [[nodiscard]] LegId first_leg(RouteId route) const {
        return route.index() < first_leg_.size() ? first_leg_[route] : LegId{};
    }
    void set_first_leg(RouteId route, LegId leg);

    [[nodiscard]] ServiceId service(LegId leg) const { return leg_service_[leg]; }
    [[nodiscard]] LinkId first_link(LegId leg) const { return leg_first_[leg]; }
    [[nodiscard]] std::uint32_t length(LegId leg) const { return leg_len_[leg]; }
    [[nodiscard]] std::uint32_t base(LegId leg) const { return leg_base_[leg]; }
    [[nodiscard]] const LegCost& cost(LegId leg) const { return leg_cost_[leg]; }
    /// Every leg's positions, leg after leg: a leg's are [base(leg), base(leg) + length(leg)).
    [[nodiscard]] const LegPos* positions() const { return positions_.data(); }

    [[nodiscard]] const LinkRide& ride(LinkId link) const { return rides_[link]; }
    /// The first service over a link (none: unserved, its consignments ride alone).
    [[nodiscard]] ServiceId service_of(LinkId link) const { return link_service_[link]; }
    /// Nothing can hold a vehicle at the node: no border, never closed.
    [[nodiscard]] bool plain(NodeId node) const { return plain_node_[node] != 0; }
    [[nodiscard]] bool has_border(NodeId node) const { return node_border_[node] != 0; }

private:
    // Per (route, position): the leg's id in the low 30 bits, and two flags for cranes.
    static constexpr std::uint32_t kLegBits = 30;
    static constexpr std::uint32_t kLegUnknown = (std::uint32_t{1} << kLegBits) - 1;
    static constexpr std::uint32_t kCranes = std::uint32_t{1} << 30;      // cranes needed here
    static constexpr std::uint32_t kCranesKnown = std::uint32_t{1} << 31; // kCranes is set
    std::uint32_t& step(const Consignment& con, std::span<const LinkId> route);
    LegId intern(const std::vector<LinkId>& leg);
    [[nodiscard]] std::vector<LinkId> leg_from(const Consignment& con, std::span<const LinkId> route) const;
    [[nodiscard]] bool cranes_between(std::span<const LinkId> route, std::uint32_t pos) const;

    const network::Network& net_;
    core::IdVector<ServiceId, std::uint8_t> vessel_service_; // per service: it sails (one crossing a leg)
    // Per link and per node.
    core::IdVector<LinkId, LinkRide> rides_;
    core::IdVector<LinkId, ServiceId> link_service_;
    core::IdVector<LinkId, std::uint8_t> free_link_;  // nothing can hold a vehicle on it
    core::IdVector<LinkId, std::uint64_t> carrier_;   // mode << 32 | gauge (mm)
    core::IdVector<LinkId, LegId> crossing_leg_;      // its one-link leg, once interned
    core::IdVector<NodeId, std::uint8_t> node_border_;
    core::IdVector<NodeId, std::uint8_t> plain_node_;
    // Per route.
    core::IdVector<RouteId, LegId> first_leg_;
    core::IdVector<RouteId, std::vector<std::uint32_t>> steps_; // per position: see kLegBits
    // Per leg.
    std::map<std::vector<LinkId>, LegId> leg_ids_;
    core::IdVector<LegId, ServiceId> leg_service_;
    core::IdVector<LegId, std::uint32_t> leg_base_;
    core::IdVector<LegId, std::uint32_t> leg_len_;
    core::IdVector<LegId, LinkId> leg_first_;
    core::IdVector<LegId, LegCost> leg_cost_;
    std::vector<LegPos> positions_;
};

// Read at every leg's start and end: defined here, so that the simulation's handlers inline them.

inline std::uint32_t& RouteLegs::step(const Consignment& con, std::span<const LinkId> route) {
    if (steps_.size() <= con.route.index()) steps_.resize(con.route.index() + 1);
    auto& by_pos = steps_[con.route];
    if (by_pos.empty()) by_pos.assign(route.size(), kLegUnknown);
    return by_pos[con.pos];
}

inline LegId RouteLegs::leg_at(const Consignment& con, std::span<const LinkId> route) {
    std::uint32_t& word = step(con, route);
    if ((word & kLegUnknown) == kLegUnknown) {
        const auto leg = intern(leg_from(con, route));
        if (leg.index() >= kLegUnknown) throw std::length_error("more than 2^30 - 1 distinct legs");
        word = (word & ~kLegUnknown) | leg.index();
    }
    return LegId{word & kLegUnknown};
}

// Cranes are needed where the carrier changes at a node that transships and the change is not a
// vessel's (vessels load and unload at their berths). Worked out once per (route, position).
inline bool RouteLegs::needs_cranes(Consignment& con, std::span<const LinkId> route) {
    if (con.pos == 0 || con.pos >= route.size()) return false;
    std::uint32_t& word = step(con, route);
    if ((word & kCranesKnown) == 0) word |= kCranesKnown | (cranes_between(route, con.pos) ? kCranes : 0);
    if ((word & kLegUnknown) != kLegUnknown) con.leg = LegId{word & kLegUnknown}; // for the next leg's start
    return (word & kCranes) != 0;
}

} // namespace corridor::logistics::detail
