// Vessels: consignments board at a port's queue (VesselFleet decides which vessel loads and when
// it sails); a vessel waits out storms, loads and unloads at a berth, crosses, and hands its load
// on at the far port.
#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

void Simulation::board_vessel(ConsignmentId c, ServiceId s, LinkId link) {
    SIM_ASSERT(s == legs_.service_of(link), "a vessel leg's service is its link's");
    const auto boarding = fleet_.board(c, cons_[c].units, s, link);
    switch (boarding.then) {
    case VesselFleet::Boarding::Then::load: load_vessel(boarding.vessel); return;
    case VesselFleet::Boarding::Then::start_loading: start_loading(boarding.vessel, boarding.queue); return;
    case VesselFleet::Boarding::Then::summon: summon(s, boarding.port); return;
    }
}

// Idle vessels elsewhere sail over, empty, until the cargo waiting at `port` is covered.
void Simulation::summon(ServiceId s, NodeId port) {
    for (const auto& [i, link] : fleet_.summon(s, port, engine_.now())) {
        const VehicleId v = vehicles_.make(VehicleKind::vessel, s, fleet_.at(i));
        vehicles_[v].vessel = i;
        set_leg(v, legs_.crossing(link));
        fleet_.set_vehicle(i, v);
        resume(v, Resume::depart_vessel);
    }
}

void Simulation::start_loading(VesselId i, PortQueueId q) {
    const LinkId link = fleet_.start_loading(i, q);
    const VehicleId v = vehicles_.make(VehicleKind::vessel, fleet_.service(i), fleet_.at(i));
    vehicles_[v].vessel = i;
    set_leg(v, legs_.crossing(link));
    fleet_.set_vehicle(i, v);
    load_vessel(i);
}

void Simulation::load_vessel(VesselId i) {
    const VehicleId v = fleet_.vehicle(i);
    const std::size_t before = vehicles_[v].load.size();
    const bool sail = fleet_.load(i, vehicles_[v], cons_, engine_);
    if (vehicles_[v].custodial) {
        const Vehicle& veh = vehicles_[v];
        for (std::size_t k = before; k < veh.load.size(); ++k) {
            const ConsignmentId c = veh.load[k];
            if (cons_[c].custody) log_custody(c, "boarded", holder_of(veh), cons_[c].at);
        }
    }
    if (sail) depart_vessel(i);
}

void Simulation::depart_vessel(VesselId i) {
    const VehicleId v = fleet_.depart(i, engine_);
    start_trip(v);
    resume(v, Resume::depart_vessel);
    summon(fleet_.service(i), fleet_.at(i)); // cargo left behind calls for another vessel
}

// Departure: wait out a storm, load at a berth, wait out a storm that began meanwhile, then sail.
void Simulation::vessel_departure(VehicleId v) {
    if (storm_holds(v, Resume::depart_vessel)) return;
    if (!to_berth(v, BerthWork::load)) ready(v);
}

void Simulation::vessel_arrival(VehicleId v) {
    if (storm_holds(v, Resume::berth_vessel)) return;
    if (!to_berth(v, BerthWork::unload)) vessel_done(v);
}

void Simulation::vessel_done(VehicleId v) {
    end_trip(v);
    const VesselId i = vehicles_[v].vessel;
    const NodeId at = vehicles_[v].at;
    fleet_.arrived(i, at, engine_.now());
    log_load(v, "arrived", at);
    const auto load = vehicles_[v].load;
    vehicles_.remove(v);
    for (const auto c : load) start_next(c);
    load_here(i);
    if (fleet_.idle(i)) {
        // Nothing to take here: offer it to ports whose cargo no vessel covers.
        for (const auto port : fleet_.ports_with_cargo(i)) summon(fleet_.service(i), port);
    }
}

// An idle vessel takes the cargo waiting at its port, the longest-waiting queue first.
void Simulation::load_here(VesselId i) {
    if (const auto q = fleet_.queue_to_load(i, cons_)) start_loading(i, *q);
}

void Simulation::on_vessel_timer(core::Engine&, std::uint64_t payload) {
    const VesselId i{static_cast<std::uint32_t>(payload)};
    if (fleet_.timer_fired(i) && !vehicles_[fleet_.vehicle(i)].load.empty()) depart_vessel(i);
}

void Simulation::on_vessel_timetable(core::Engine& engine, std::uint64_t payload) {
    const ServiceId s{static_cast<std::uint32_t>(payload)};
    for (const auto i : fleet_.of_service(s)) {
        if (fleet_.loading(i) && !vehicles_[fleet_.vehicle(i)].load.empty()) depart_vessel(i);
    }
    fleet_.next_timetable(s, engine, horizon());
}

// A laden vessel at a port with berths queues for one to load or unload; false if it has
// nothing to handle or the port has no berths.
bool Simulation::to_berth(VehicleId v, BerthWork work) {
    Vehicle& veh = vehicles_[v];
    const LanePoolId berths = nodes_.berths(veh.at);
    if (!berths.valid() || veh.load.empty()) return false;
    use_all(v, TimeUse::port);
    veh.berth_work = work;
    if (nodes_.lanes(berths).request(engine_.now(), v)) {
        start_berth_work(v);
    } else {
        routes_.queue_changed(veh.at);
    }
    return true;
}

void Simulation::start_berth_work(VehicleId v) {
    const Vehicle& veh = vehicles_[v];
    double units = 0; // moved by the unit, not by the slot
    for (const auto c : veh.load) units += cons_[c].units;
    const Duration work = nodes_.berth_time(veh.at, sc_.services[veh.service.index()].port_handling_h, units);
    engine_.schedule_in(work, veh.berth_work == BerthWork::load ? h_.vessel_loaded : h_.vessel_unloaded, v.index());
}

void Simulation::release_berth(VehicleId v) {
    const NodeId port = vehicles_[v].at;
    if (const auto next = nodes_.lanes(nodes_.berths(port)).release(engine_.now())) {
        routes_.queue_changed(port);
        start_berth_work(*next);
    }
}

void Simulation::on_vessel_loaded(core::Engine&, std::uint64_t payload) {
    const VehicleId v{static_cast<std::uint32_t>(payload)};
    release_berth(v);
    vehicles_[v].usd_per_unit += net_.node(vehicles_[v].at).port->cost_usd_per_unit.value();
    if (storm_holds(v, Resume::ready)) return; // a storm that began while it loaded
    ready(v);
}

void Simulation::on_vessel_unloaded(core::Engine&, std::uint64_t payload) {
    const VehicleId v{static_cast<std::uint32_t>(payload)};
    release_berth(v);
    vehicles_[v].usd_per_unit += net_.node(vehicles_[v].at).port->cost_usd_per_unit.value();
    vessel_done(v);
}

// Vessels neither leave nor berth in a storm.
bool Simulation::storm_holds(VehicleId v, Resume how) {
    const ServiceId service = vehicles_[v].service;
    if (!weather_.storm_for(service)) return false;
    use_all(v, TimeUse::weather);
    weather_.hold(service, v, how);
    return true;
}

void Simulation::resume(VehicleId v, Resume how) {
    switch (how) {
    case Resume::ready: ready(v); return;
    case Resume::depart_vessel: vessel_departure(v); return;
    case Resume::berth_vessel: vessel_arrival(v); return;
    }
}

void Simulation::on_weather(core::Engine& engine, std::uint64_t payload) {
    for (const auto& [v, how] : weather_.change(payload, engine.now())) resume(v, how);
    weather_.schedule_next(payload, engine, horizon());
}

} // namespace corridor::logistics::detail
