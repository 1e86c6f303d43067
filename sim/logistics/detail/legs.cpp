// Legs and trips: a route split into legs (links one service rides on one carrier), interned once;
// the vehicles that ride them, and the trip account a load shares out at a leg's end.
#include <limits>
#include <stdexcept>
#include <string>

#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

// The load's own clocks stop here; the vehicle keeps one account for all of them.
void Simulation::start_trip(std::uint32_t v) {
    Vehicle& veh = vehicles_[v];
    SIM_ASSERT(veh.pos == 0, "a trip starts at its leg's first position: end_trip counts the links it rode by pos");
    for (const auto c : veh.load) use(c, TimeUse::moving);
    veh.on_trip = true;
    veh.use = TimeUse::waiting;
    veh.since = engine_.now();
    veh.seconds = {};
    veh.usd_per_unit = 0;
    veh.co2_g_per_t = 0;
}

// Shares the trip's time, cost, CO2e and progress out to every consignment aboard.
void Simulation::end_trip(std::uint32_t v) {
    Vehicle& veh = vehicles_[v];
    if (!veh.on_trip) return;
    if (veh.kind != VehicleKind::vessel) {
        // A train or a truck ends its trip at its leg's end (leg_end), having ridden it all.
        SIM_ASSERT(veh.pos == veh.leg_len, "a land trip ends at its leg's end");
        veh.usd_per_unit = leg_cost_[veh.leg].usd_per_unit;
        veh.co2_g_per_t = leg_cost_[veh.leg].co2_g_per_t;
    }
    close_use(veh);
    veh.use = TimeUse::waiting;
    const SimTime now = engine_.now();
    for (const auto c : veh.load) {
        Consignment& con = cons_[c];
        for (std::size_t u = 0; u < kTimeUses; ++u) con.seconds[u] += static_cast<std::uint32_t>(veh.seconds[u]);
        con.since = now; // its own clock resumes, the trip being accounted above
        con.use = TimeUse::waiting;
        const double tonnes = flow_ends_[con.flow].tonnes_per_unit;
        con.usd += veh.usd_per_unit * con.units;
        con.kg_co2e += veh.co2_g_per_t * tonnes / 1000.0 * con.units;
        con.pos += veh.pos; // a trip starts at its leg's first position (start_trip)
        con.leg = kNone;
        con.at = veh.at;
    }
    veh.on_trip = false;
}

std::uint32_t& Simulation::route_step(const Consignment& con) {
    if (route_legs_.size() <= con.route) route_legs_.resize(con.route + 1);
    auto& by_pos = route_legs_[con.route];
    if (by_pos.empty()) by_pos.assign(routes_[con.route].size(), kLegUnknown);
    return by_pos[con.pos];
}

std::uint32_t Simulation::leg_id_of(const Consignment& con) {
    std::uint32_t& step = route_step(con);
    if ((step & kLegUnknown) == kLegUnknown) {
        const auto leg = intern_leg(leg_of(con));
        if (leg >= kLegUnknown) throw std::length_error("more than 2^30 - 1 distinct legs");
        step = (step & ~kLegUnknown) | leg;
    }
    return step & kLegUnknown;
}

std::uint32_t Simulation::intern_leg(const std::vector<core::LinkId>& leg) {
    const auto it = leg_ids_.find(leg);
    if (it != leg_ids_.end()) return it->second;
    if (leg.size() >= (std::size_t{1} << 31U)) throw std::length_error("a leg of more than 2^31 - 1 links");
    const auto id = static_cast<std::uint32_t>(leg_service_.size());
    leg_service_.push_back(link_service_[leg.front().index()]);
    const auto base = static_cast<std::uint32_t>(leg_pos_.size());
    leg_base_.push_back(base);
    leg_len_.push_back(static_cast<std::uint32_t>(leg.size()));
    leg_first_.push_back(leg.front());
    for (std::size_t i = 0; i < leg.size(); ++i) {
        const auto l = leg[i];
        const LinkRide& ride = rides_[l.index()];
        const Duration ride_time = hours(ride.hours);
        if (ride_time.count() > std::numeric_limits<std::int32_t>::max()) {
            throw std::runtime_error("link '" + net_.link(l).name + "' takes " + std::to_string(ride.hours) +
                                     " h to ride: more than the 68 years a leg can hold");
        }
        const core::LinkId next = i + 1 < leg.size() ? leg[i + 1] : core::LinkId{};
        leg_pos_.push_back(LegPos{next, 0, plain_node_[ride.to.index()] != 0 ? 1U : 0U,
                                  static_cast<std::int32_t>(ride_time.count()), ride.to});
    }
    // The order of a ride: the link, then a border at its end (arrive_at_node).
    LegCost cost;
    for (const auto l : leg) {
        const LinkRide& ride = rides_[l.index()];
        cost.usd_per_unit += ride.usd_per_unit;
        cost.co2_g_per_t += ride.co2_g_per_t;
        if (node_border_[ride.to.index()] != 0) cost.usd_per_unit += net_.node(ride.to).border->cost_usd_per_unit;
    }
    leg_cost_.push_back(cost);
    // run_end of position i: the position after the longest free run from i (i + 1 if i is
    // not free).
    for (std::size_t i = leg.size(); i-- > 0;) {
        const bool free = free_link_[leg[i].index()] != 0;
        const bool joins_next = i + 1 < leg.size() && free && free_link_[leg[i + 1].index()] != 0 &&
                                plain_node_[rides_[leg[i].index()].to.index()] != 0;
        const std::uint32_t run_end = joins_next ? leg_pos_[base + i + 1].run_end : static_cast<std::uint32_t>(i + 1);
        leg_pos_[base + i].run_end = run_end & 0x7FFF'FFFFU; // legs are shorter than 2^31 links (checked above)
    }
    consolidator_of_leg_.push_back(kNone);
    leg_ids_.emplace(leg, id);
    return id;
}

// A vessel's leg: one crossing, interned once per link (a map lookup per sailing showed in
// profiles of large networks).
std::uint32_t Simulation::crossing_leg(core::LinkId link) {
    std::uint32_t& leg = crossing_leg_[link.index()];
    if (leg == kNone) leg = intern_leg({link});
    return leg;
}

std::vector<core::LinkId> Simulation::leg_of(const Consignment& con) const {
    const auto& route = routes_[con.route];
    std::vector<core::LinkId> leg{route[con.pos]};
    const auto service = link_service_[route[con.pos].index()];
    const auto& first = net_.link(route[con.pos]);
    for (std::size_t i = con.pos + 1; i < route.size(); ++i) {
        const auto& l = net_.link(route[i]);
        if (link_service_[route[i].index()] != service || l.mode != first.mode || l.gauge_mm != first.gauge_mm) break;
        if (service != kNone && sc_.services[service].kind == ServiceKind::vessel) break; // one crossing per sailing
        leg.push_back(route[i]);
    }
    return leg;
}

void Simulation::start_leg(std::uint32_t c) {
    Consignment& con = cons_[c];
    std::uint32_t leg_id = con.leg;
    if (leg_id == kNone) {
        leg_id = leg_id_of(con);
        if (con.pos == 0) {
            if (route_first_leg_.size() <= con.route) route_first_leg_.resize(con.route + 1, kNone);
            route_first_leg_[con.route] = leg_id;
        }
    }
    const auto service = leg_service_[leg_id];
    use(c, TimeUse::waiting);
    if (service == kNone) {
        const auto v = new_vehicle(VehicleKind::solo, kNone, con.at);
        vehicles_[v].load.push_back(c);
        vehicles_[v].units = con.units;
        vehicles_[v].number = ++trucks_run_;
        vehicles_[v].custodial = con.custody;
        log_load(v, "loaded", con.at);
        set_leg(vehicles_[v], leg_id);
        start_trip(v);
        ready(v);
        return;
    }
    if (rules_[service].train) {
        board_train(c, service, leg_id);
    } else {
        board_vessel(c, service, leg_first_[leg_id]);
    }
}

std::uint32_t Simulation::new_vehicle(VehicleKind kind, std::uint32_t service, core::NodeId at) {
    static const Vehicle kFresh{};
    const std::uint32_t v = take_slot(vehicles_, free_vehicles_, kFresh); // a reused one keeps its load's buffer
    Vehicle& veh = vehicles_[v];
    veh.kind = kind;
    veh.service = service;
    veh.vessel = kNone;
    veh.load.clear();
    veh.units = 0;
    veh.pos = 0;
    veh.at = at;
    veh.on_trip = false;
    veh.custodial = false;
    veh.number = 0;
    return v;
}

void Simulation::free_vehicle(std::uint32_t v) {
    vehicles_[v].load.clear();
    vehicles_[v].on_trip = false;
    free_vehicles_.push_back(v);
}

// Who holds a vehicle's load, for custody logs: "kz_trains / train 57", "feeder / Aktau-1",
// "truck 1204".
std::string Simulation::holder_of(const Vehicle& veh) const {
    switch (veh.kind) {
    case VehicleKind::train: return sc_.services[veh.service].name + " / train " + std::to_string(veh.number);
    case VehicleKind::vessel: return sc_.services[veh.service].name + " / " + fleet_[veh.vessel].name;
    case VehicleKind::solo: break;
    }
    return "truck " + std::to_string(veh.number);
}

void Simulation::log_custodial_load(std::uint32_t v, const char* event, core::NodeId where) {
    const Vehicle& veh = vehicles_[v];
    const std::string holder = holder_of(veh);
    for (const auto c : veh.load) log_custody(c, event, holder, where);
}

} // namespace corridor::logistics::detail
