// Consignments from their creation to their delivery: a flow's arrivals become consignments of
// one unit each, routed by the flow's policy; each leg is ridden by a truck, a train or a vessel,
// whose trip account is shared out at the leg's end; then the next leg, or delivery.
#include <algorithm>

#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

void Simulation::on_arrival(core::Engine& engine, std::uint64_t payload) {
    const FlowId f{static_cast<std::uint32_t>(payload)};
    if (demand_.active(f, demand_.month(engine.now()))) create_batch(f);
    const SimTime next = engine.now() + demand_.next_gap(f, demand_.month(engine.now()));
    if (next <= horizon()) engine.schedule_at(next, h_.arrival, f.index());
}

// A batch (a block train of 82 TEU) arrives as consignments of one unit each (the last takes a
// fractional remainder), so a vessel or a train can take part of it; they share one route
// choice, as a block train is routed as a whole.
void Simulation::create_batch(FlowId f) {
    const RouteId route = routes_.route_for_batch(f, today());
    for (double left = demand_.batch_units(f); left > 1e-9; left -= 1.0) create(f, std::min(left, 1.0), route);
}

void Simulation::create(FlowId f, double units, RouteId route) {
    const SimTime now = engine_.now();
    const bool counted = now >= SimTime{} + sc_.warmup;
    const bool custody = demand_.custody(f);
    const ShipmentId id = results_.created(f, units, counted);
    const Consignment fresh{id,  f,     route, 0,   demand_.origin(f), TimeUse::waiting, counted, true, custody,
                            demand_.hazardous(f), false, now, units, now, 0.0, 0.0, {}, legs_.first_leg(route)};
    const ConsignmentId c = cons_.add(fresh);
    if (custody) log_custody(c, "created", sc_.flows[f.index()].name, fresh.at);
    if (!route.valid()) {
        unrouted_.push_back(c); // unreachable: it waits at its origin for a route (counted in the system)
        return;
    }
    if (routes_.empty(route)) {
        deliver(c);
        return;
    }
    start_leg(c);
}

void Simulation::start_leg(ConsignmentId c) {
    Consignment& con = cons_[c];
    LegId leg = con.leg;
    if (!leg.valid()) {
        leg = legs_.leg_at(con, routes_.links(con.route));
        if (con.pos == 0) legs_.set_first_leg(con.route, leg);
    }
    const ServiceId service = legs_.service(leg);
    use(c, TimeUse::waiting);
    if (nodes_.has_yard(con.at)) [[unlikely]] enter_yard(c);
    if (!service.valid()) { // no service: it rides alone, as a truck does
        const VehicleId v = vehicles_.make(VehicleKind::solo, ServiceId{}, con.at);
        Vehicle& truck = vehicles_[v];
        truck.load.push_back(c);
        truck.units = con.units;
        truck.number = ++trucks_run_;
        truck.custodial = con.custody;
        truck.hazardous = con.hazardous;
        log_load(v, "loaded", con.at);
        set_leg(v, leg);
        start_trip(v);
        ready(v);
        return;
    }
    if (trains_.is_train(service)) {
        board_train(c, service, leg);
    } else {
        board_vessel(c, service, legs_.first_link(leg));
    }
}

void Simulation::set_leg(VehicleId v, LegId leg) {
    Vehicle& veh = vehicles_[v];
    veh.leg = leg;
    veh.leg_base = legs_.base(leg);
    veh.leg_len = legs_.length(leg);
    veh.link = legs_.first_link(leg);
}

// The load's own clocks stop here; the vehicle keeps one account for all of them.
void Simulation::start_trip(VehicleId v) {
    Vehicle& veh = vehicles_[v];
    SIM_ASSERT(veh.pos == 0, "a trip starts at its leg's first position: end_trip counts the links it rode by pos");
    for (const auto c : veh.load) {
        use(c, TimeUse::moving);
        if (cons_[c].in_yard) [[unlikely]] leave_yard(c);
    }
    veh.on_trip = true;
    veh.use = TimeUse::waiting;
    veh.since = engine_.now();
    veh.seconds = {};
    veh.usd_per_unit = 0;
    veh.co2_g_per_t = 0;
}

// Shares the trip's time, cost, CO2e and progress out to every consignment aboard.
void Simulation::end_trip(VehicleId v) {
    Vehicle& veh = vehicles_[v];
    if (!veh.on_trip) return;
    if (veh.kind != VehicleKind::vessel) {
        // A train or a truck ends its trip at its leg's end (leg_end), having ridden it all.
        SIM_ASSERT(veh.pos == veh.leg_len, "a land trip ends at its leg's end");
        veh.usd_per_unit = legs_.cost(veh.leg).usd_per_unit;
        veh.co2_g_per_t = legs_.cost(veh.leg).co2_g_per_t;
    }
    const SimTime now = engine_.now();
    Vehicles::close_use(veh, now);
    veh.use = TimeUse::waiting;
    for (const auto c : veh.load) {
        Consignment& con = cons_[c];
        for (std::size_t u = 0; u < kTimeUses; ++u) con.seconds[u] += static_cast<std::uint32_t>(veh.seconds[u]);
        con.since = now; // its own clock resumes, the trip being accounted above
        con.use = TimeUse::waiting;
        const double tonnes = demand_.end(con.flow).tonnes_per_unit;
        con.usd += veh.usd_per_unit * con.units;
        con.kg_co2e += veh.co2_g_per_t * tonnes / 1000.0 * con.units;
        con.pos += veh.pos; // a trip starts at its leg's first position (start_trip)
        con.leg = LegId{};
        con.at = veh.at;
    }
    veh.on_trip = false;
}

void Simulation::leg_end(VehicleId v) {
    if (vehicles_[v].kind == VehicleKind::vessel) return; // vessels unload through vessel_arrival
    if (nodes_.has_yard(vehicles_[v].at) && yard_holds(v)) [[unlikely]] return;
    end_trip(v);
    log_load(v, "arrived", vehicles_[v].at);
    // The load leaves the vehicle (which takes an empty buffer in its place): what follows may
    // board other vehicles, even this one again.
    auto load = spare_list();
    load.swap(vehicles_[v].load);
    const NodeId at = vehicles_[v].at;
    vehicles_.remove(v);
    // A train's cargo that must change carrier here waits for the node's setup first.
    auto to_transship = spare_list();
    for (const auto c : load) {
        cons_[c].at = at;
        if (legs_.needs_cranes(cons_[c], routes_.links(cons_[c].route))) {
            to_transship.push_back(c);
        } else {
            start_next(c);
        }
    }
    if (!to_transship.empty()) start_setup(at, to_transship);
    return_list(std::move(to_transship));
    return_list(std::move(load));
}

// Buffers for lists of consignments that live for one call, kept for reuse: a leg's end would
// otherwise allocate and free two.
std::vector<ConsignmentId> Simulation::spare_list() {
    if (spare_lists_.empty()) return {};
    auto list = std::move(spare_lists_.back());
    spare_lists_.pop_back();
    return list;
}

void Simulation::return_list(std::vector<ConsignmentId>&& list) {
    if (list.capacity() == 0) return;
    list.clear();
    spare_lists_.push_back(std::move(list));
}

// After a leg (and any transfer at its end): deliver, or set off on the next leg.
void Simulation::start_next(ConsignmentId c) {
    Consignment& con = cons_[c];
    const FlowEnd& end = demand_.end(con.flow);
    if (con.at == end.destination) {
        deliver(c);
        return;
    }
    if (end.adaptive) {
        // Re-planned from the state of the network now: closures, and the queues at borders,
        // cranes and berths.
        routes_.refresh_waits([this](NodeId node) { return nodes_.wait_at(node); });
        if (const auto route = routes_.replan(con.flow, con.at, con.route, con.pos, today())) {
            con.leg = LegId{};
            con.route = *route;
        }
    }
    if (con.pos >= routes_.links(con.route).size()) {
        deliver(c);
        return;
    }
    start_leg(c);
}

void Simulation::deliver(ConsignmentId c) {
    use(c, TimeUse::waiting);
    const Consignment& con = cons_[c];
    if (con.custody) log_custody(c, "delivered", net_.node(con.at).name, con.at);
    results_.delivered(con, engine_.now(), demand_.end(con.flow));
    cons_.remove(c);
}

// Consignments that found no route wait at their origin; a disruption's end or a planned link's
// opening may give them one. They are tried in creation order.
void Simulation::retry_unrouted() {
    if (unrouted_.empty()) return;
    const auto waiting = std::move(unrouted_);
    unrouted_.clear();
    std::vector<char> stuck(sc_.flows.size(), 0); // flows found still without a route: asked once
    for (const auto c : waiting) {
        const FlowId f = cons_[c].flow;
        bool drawn = false;
        const RouteId route = stuck[f.index()] != 0 ? RouteId{} : routes_.choose(f, cons_[c].at, today(), drawn);
        if (!route.valid()) {
            stuck[f.index()] = 1;
            unrouted_.push_back(c);
            continue;
        }
        cons_[c].route = route;
        if (routes_.empty(route)) {
            deliver(c);
        } else {
            start_leg(c);
        }
    }
}

// Who holds a vehicle's load, for custody logs: "kz_trains / train 57", "feeder / Aktau-1",
// "truck 1204".
std::string Simulation::holder_of(const Vehicle& veh) const {
    switch (veh.kind) {
    case VehicleKind::train: return sc_.services[veh.service.index()].name + " / train " + std::to_string(veh.number);
    case VehicleKind::vessel: return sc_.services[veh.service.index()].name + " / " + fleet_.name(veh.vessel);
    case VehicleKind::solo: break;
    }
    return "truck " + std::to_string(veh.number);
}

void Simulation::log_custodial_load(VehicleId v, const char* event, NodeId where) {
    const std::string holder = holder_of(vehicles_[v]);
    for (const auto c : vehicles_[v].load) log_custody(c, event, holder, where);
}

} // namespace corridor::logistics::detail
