// Route legs: interning legs, their positions and costs, and the free runs within them.
#include "sim/logistics/detail/route_legs.hpp"

#include <limits>
#include <stdexcept>
#include <string>

#include "sim/logistics/detail/ticks.hpp"
#include "sim/network/transfer.hpp"

namespace corridor::logistics::detail {

RouteLegs::RouteLegs(const network::Network& net, const Scenario& sc) : net_{net} {
    for (const auto& svc : sc.services) vessel_service_.push_back(svc.kind == ServiceKind::vessel ? 1 : 0);
    link_service_.assign(net.link_count(), ServiceId{});
    for (const auto s : vessel_service_.ids()) {
        for (const auto l : sc.services[s.index()].links) {
            if (!link_service_[l].valid()) link_service_[l] = s;
        }
    }
    for (const auto v : core::IdRange<NodeId>{net.node_count()}) {
        node_border_.push_back(net.node(v).border ? 1 : 0);
        plain_node_.push_back(net.node(v).border ? 0 : 1);
    }
    rides_.reserve(net.link_count());
    carrier_.reserve(net.link_count());
    for (const auto l : core::IdRange<LinkId>{net.link_count()}) {
        const auto& link = net.link(l);
        rides_.push_back(LinkRide{link.length.value() / link.speed.value(), link.cost_usd_per_unit_km.value() * link.length.value(),
                                  link.co2_g_per_tkm.value() * link.length.value(), link.to});
        carrier_.push_back((std::uint64_t{static_cast<std::uint8_t>(link.mode)} << 32U) | link.gauge_mm);
        // Free runs: links nothing can hold a vehicle on (no path capacity, always open, never
        // disrupted) through nodes nothing can hold it at (no border, never closed) are ridden
        // in one event.
        const bool paced = link.capacity_per_day.value() > 0;
        free_link_.push_back(!paced && link.status == network::LinkStatus::open ? 1 : 0);
    }
    for (const auto& d : sc.disruptions) {
        if (const auto* link = std::get_if<LinkId>(&d.target)) free_link_[*link] = 0;
        if (const auto* node = std::get_if<NodeId>(&d.target)) plain_node_[*node] = 0;
    }
    crossing_leg_.assign(net.link_count(), LegId{});
}

void RouteLegs::set_first_leg(RouteId route, LegId leg) {
    if (first_leg_.size() <= route.index()) first_leg_.resize(route.index() + 1, LegId{});
    first_leg_[route] = leg;
}

bool RouteLegs::cranes_between(std::span<const LinkId> route, std::uint32_t pos) const {
    const auto& before = net_.link(route[pos - 1]);
    const auto& after = net_.link(route[pos]);
    const auto& node = net_.node(before.to);
    const auto transfer = network::transfer_between(
        carrier_[route[pos - 1]] == carrier_[route[pos]],
        network::loads_at_port(before.mode) || network::loads_at_port(after.mode), node.port.has_value(),
        node.transshipment.has_value());
    return transfer == network::Transfer::transshipment;
}

// A vessel's leg: one crossing, interned once per link (a map lookup per sailing showed in
// profiles of large networks).
LegId RouteLegs::crossing(LinkId link) {
    LegId& leg = crossing_leg_[link];
    if (!leg.valid()) leg = intern({link});
    return leg;
}

std::vector<LinkId> RouteLegs::leg_from(const Consignment& con, std::span<const LinkId> route) const {
    std::vector<LinkId> leg{route[con.pos]};
    const auto service = link_service_[route[con.pos]];
    const auto& first = net_.link(route[con.pos]);
    for (std::size_t i = con.pos + 1; i < route.size(); ++i) {
        const auto& l = net_.link(route[i]);
        if (link_service_[route[i]] != service || l.mode != first.mode || l.gauge_mm != first.gauge_mm) break;
        if (service.valid() && vessel_service_[service] != 0) break; // one crossing per sailing
        leg.push_back(route[i]);
    }
    return leg;
}

LegId RouteLegs::intern(const std::vector<LinkId>& leg) {
    const auto it = leg_ids_.find(leg);
    if (it != leg_ids_.end()) return it->second;
    if (leg.size() >= (std::size_t{1} << 31U)) throw std::length_error("a leg of more than 2^31 - 1 links");
    const LegId id = leg_service_.push_back(link_service_[leg.front()]);
    const auto base = static_cast<std::uint32_t>(positions_.size());
    leg_base_.push_back(base);
    leg_len_.push_back(static_cast<std::uint32_t>(leg.size()));
    leg_first_.push_back(leg.front());
    for (std::size_t i = 0; i < leg.size(); ++i) {
        const auto l = leg[i];
        const LinkRide& ride = rides_[l];
        const core::Duration ride_time = hours(ride.hours);
        if (ride_time.count() > std::numeric_limits<std::int32_t>::max()) {
            throw std::runtime_error("link '" + net_.link(l).name + "' takes " + std::to_string(ride.hours) +
                                     " h to ride: more than the 68 years a leg can hold");
        }
        const LinkId next = i + 1 < leg.size() ? leg[i + 1] : LinkId{};
        positions_.push_back(LegPos{next, 0, plain_node_[ride.to] != 0 ? 1U : 0U,
                                    static_cast<std::int32_t>(ride_time.count()), ride.to});
    }
    // The order of a ride: the link, then a border at its end.
    LegCost cost;
    for (const auto l : leg) {
        const LinkRide& ride = rides_[l];
        cost.usd_per_unit += ride.usd_per_unit;
        cost.co2_g_per_t += ride.co2_g_per_t;
        if (node_border_[ride.to] != 0) cost.usd_per_unit += net_.node(ride.to).border->cost_usd_per_unit.value();
    }
    leg_cost_.push_back(cost);
    // run_end of position i: the position after the longest free run from i (i + 1 if i is
    // not free).
    for (std::size_t i = leg.size(); i-- > 0;) {
        const bool free = free_link_[leg[i]] != 0;
        const bool joins_next =
            i + 1 < leg.size() && free && free_link_[leg[i + 1]] != 0 && plain_node_[rides_[leg[i]].to] != 0;
        const std::uint32_t run_end = joins_next ? positions_[base + i + 1].run_end : static_cast<std::uint32_t>(i + 1);
        positions_[base + i].run_end = run_end & 0x7FFF'FFFFU; // legs are shorter than 2^31 links (checked above)
    }
    leg_ids_.emplace(leg, id);
    return id;
}

} // namespace corridor::logistics::detail
