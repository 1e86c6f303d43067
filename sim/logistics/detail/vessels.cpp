// Vessels: each vessel service's fleet loads from port queues, sails when full, after a maximum
// wait or on a timetable, waits out storms, and sails empty to fetch cargo no vessel covers.
#include <algorithm>

#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

void Simulation::board_vessel(std::uint32_t c, std::uint32_t service, core::LinkId link) {
    // A link has one service (link_service_), so the link alone names its queue.
    SIM_ASSERT(service == link_service_[link.index()], "a vessel leg's service is its link's");
    std::uint32_t& queue = port_queue_of_link_[link.index()];
    if (queue == kNone) {
        queue = static_cast<std::uint32_t>(port_queues_.size());
        queues_of_service_[service].push_back(queue);
        port_queues_.push_back(PortQueue{service, link, {}, 0, 0});
    }
    const auto q = queue;
    port_queues_[q].waiting.push_back(c);
    port_queues_[q].units += cons_[c].units;
    // A vessel loading here for this link takes it now; else an idle vessel starts loading.
    for (const auto i : fleet_of_service_[service]) {
        if (fleet_[i].state == VesselState::loading && fleet_[i].queue == q) {
            load_vessel(i);
            return;
        }
    }
    const auto port = net_.link(link).from;
    for (const auto i : fleet_of_service_[service]) {
        if (fleet_[i].state == VesselState::idle && fleet_[i].closed == 0 && fleet_[i].at == port) {
            start_loading(i, q);
            return;
        }
    }
    // No vessel here: bring idle ones over, empty, enough for what waits.
    summon(service, port);
}

// Cargo waiting at `port` for the service, against the room of the vessels there or on
// their way: idle vessels elsewhere sail over, empty, until the cargo is covered.
void Simulation::summon(std::uint32_t service, core::NodeId port) {
    double waiting = 0;
    for (const auto q : queues_of_service_[service]) {
        if (net_.link(port_queues_[q].link).from == port) waiting += port_queues_[q].units;
    }
    double covered = 0;
    for (const auto i : fleet_of_service_[service]) {
        const FleetVessel& vessel = fleet_[i];
        const bool here = vessel.at == port && vessel.state != VesselState::busy;
        const bool coming = vessel.state == VesselState::busy && vessel.repositioning && vessel.target == port;
        if (here || coming) covered += vessel.capacity;
    }
    for (const auto i : fleet_of_service_[service]) {
        if (covered >= waiting) break;
        const FleetVessel& vessel = fleet_[i];
        if (vessel.state != VesselState::idle || vessel.closed > 0 || vessel.at == port) continue;
        for (const auto l : sc_.services[service].links) {
            if (net_.link(l).from == vessel.at && net_.link(l).to == port) {
                covered += vessel.capacity;
                reposition(i, l);
                break;
            }
        }
    }
}

double Simulation::slots(std::uint32_t c, std::uint32_t service) const {
    for (const auto& s : sc_.services[service].slots_per_unit) {
        if (s.cargo == sc_.flows[cons_[c].flow].cargo) return s.slots * cons_[c].units;
    }
    return cons_[c].units;
}

void Simulation::start_loading(std::uint32_t i, std::uint32_t q) {
    FleetVessel& vessel = fleet_[i];
    vessel.state = VesselState::loading;
    vessel.queue = q;
    const auto v = new_vehicle(VehicleKind::vessel, vessel.service, vessel.at);
    vehicles_[v].vessel = i;
    set_leg(vehicles_[v], crossing_leg(port_queues_[q].link));
    vessel.vehicle = v;
    load_vessel(i);
}

void Simulation::load_vessel(std::uint32_t i) {
    FleetVessel& vessel = fleet_[i];
    PortQueue& queue = port_queues_[vessel.queue];
    Vehicle& veh = vehicles_[vessel.vehicle];
    const auto& svc = sc_.services[vessel.service];
    bool next_does_not_fit = false;
    while (queue.head < queue.waiting.size()) {
        const auto c = queue.waiting[queue.head];
        const double room = slots(c, vessel.service);
        if (!veh.load.empty() && veh.units + room > vessel.capacity) {
            next_does_not_fit = true; // as full as it gets: waiting would not fill it
            break;
        }
        veh.load.push_back(c);
        veh.units += room; // a vessel counts slots
        queue.units -= cons_[c].units;
        ++queue.head;
        if (custodial(c)) {
            veh.custodial = true;
            log_custody(c, "boarded", holder_of(veh));
        }
    }
    if (queue.head == queue.waiting.size()) {
        queue.waiting.clear();
        queue.head = 0;
    } else if (queue.head > 1024 && queue.head * 2 > queue.waiting.size()) {
        // Drop the boarded prefix so a queue that never drains does not grow forever.
        queue.waiting.erase(queue.waiting.begin(), queue.waiting.begin() + static_cast<std::ptrdiff_t>(queue.head));
        queue.head = 0;
    }
    const bool full = veh.units >= vessel.capacity - 1e-9 || next_does_not_fit;
    if (svc.departure.when_full && full) {
        depart_vessel(i);
    } else if (!vessel.timer_set && !veh.load.empty() && svc.departure.max_wait_h) {
        vessel.timer = engine_.schedule_cancellable_in(hours(*svc.departure.max_wait_h), h_vessel_timer_, i);
        vessel.timer_set = true;
    } else if (!svc.departure.when_full && !svc.departure.max_wait_h && !timetabled(svc) && !veh.load.empty()) {
        depart_vessel(i); // no rule to wait by: sail with what is there
    }
}

bool Simulation::timetabled(const ServiceSpec& svc) { return svc.departure.every_h && *svc.departure.every_h > 0; }

// A vessel service's timetable: at each departure time every vessel of the service that is
// loading with cargo aboard sails (one without cargo waits for some, as without a timetable).
void Simulation::start_vessel_timetables() {
    for (std::uint32_t s = 0; s < sc_.services.size(); ++s) {
        const auto& svc = sc_.services[s];
        if (svc.kind != ServiceKind::vessel || !timetabled(svc) || fleet_of_service_[s].empty()) continue;
        engine_.schedule_at(next_on_timetable(svc.departure), h_vessel_timetable_, s);
    }
}

void Simulation::on_vessel_timetable(core::Engine& engine, std::uint64_t payload) {
    const auto s = static_cast<std::uint32_t>(payload);
    for (const auto i : fleet_of_service_[s]) {
        if (fleet_[i].state == VesselState::loading && !vehicles_[fleet_[i].vehicle].load.empty()) depart_vessel(i);
    }
    const SimTime next = engine.now() + hours(*sc_.services[s].departure.every_h);
    if (next <= SimTime{} + sc_.horizon) engine.schedule_at(next, h_vessel_timetable_, s);
}

void Simulation::on_vessel_timer(core::Engine&, std::uint64_t payload) {
    const auto i = static_cast<std::uint32_t>(payload);
    fleet_[i].timer_set = false;
    if (fleet_[i].state == VesselState::loading && !vehicles_[fleet_[i].vehicle].load.empty()) depart_vessel(i);
}

void Simulation::depart_vessel(std::uint32_t i) {
    FleetVessel& vessel = fleet_[i];
    if (vessel.timer_set) {
        engine_.cancel(vessel.timer);
        vessel.timer_set = false;
    }
    vessel.state = VesselState::busy;
    vessel.busy.set(engine_.now(), 1);
    const auto v = vessel.vehicle;
    start_trip(v);
    resume(v, Resume::depart_vessel);
    summon(vessel.service, vessel.at); // cargo left behind calls for another vessel
}

void Simulation::reposition(std::uint32_t i, core::LinkId link) {
    FleetVessel& vessel = fleet_[i];
    vessel.repositioning = true;
    vessel.target = net_.link(link).to;
    vessel.state = VesselState::busy;
    vessel.busy.set(engine_.now(), 1);
    const auto v = new_vehicle(VehicleKind::vessel, vessel.service, vessel.at);
    vehicles_[v].vessel = i;
    set_leg(vehicles_[v], crossing_leg(link));
    vessel.vehicle = v;
    resume(v, Resume::depart_vessel);
}

// Departure: wait out a storm, load at a berth, then sail.
void Simulation::vessel_departure(std::uint32_t v) {
    if (storm_holds(v, Resume::depart_vessel)) return;
    if (!to_berth(v, BerthWork::load)) ready(v);
}

void Simulation::vessel_arrival(std::uint32_t v) {
    if (storm_holds(v, Resume::berth_vessel)) return;
    if (!to_berth(v, BerthWork::unload)) vessel_done(v);
}

void Simulation::vessel_done(std::uint32_t v) {
    end_trip(v);
    Vehicle& veh = vehicles_[v];
    const auto i = veh.vessel;
    FleetVessel& vessel = fleet_[i];
    vessel.at = veh.at;
    vessel.repositioning = false;
    vessel.state = VesselState::idle;
    vessel.busy.set(engine_.now(), 0);
    vessel.vehicle = kNone;
    log_load(v, "arrived", veh.at);
    const auto load = veh.load;
    free_vehicle(v);
    for (const auto c : load) transfer(c);
    load_here(i);
    if (fleet_[i].state == VesselState::idle) {
        // Nothing to take here: offer it to ports whose cargo no vessel covers.
        std::vector<core::NodeId> ports;
        for (const auto q : queues_of_service_[fleet_[i].service]) {
            const auto& queue = port_queues_[q];
            const auto from = net_.link(queue.link).from;
            if (queue.units > 0 && from != fleet_[i].at &&
                std::find(ports.begin(), ports.end(), from) == ports.end()) {
                ports.push_back(from);
            }
        }
        for (const auto port : ports) summon(fleet_[i].service, port);
    }
}

// An idle vessel takes the cargo waiting at its port, the longest-waiting queue first.
void Simulation::load_here(std::uint32_t i) {
    FleetVessel& vessel = fleet_[i];
    if (vessel.state != VesselState::idle || vessel.closed > 0) return;
    std::uint32_t best = kNone;
    for (const auto q : queues_of_service_[vessel.service]) {
        const auto& queue = port_queues_[q];
        if (queue.head >= queue.waiting.size()) continue;
        if (net_.link(queue.link).from != vessel.at) continue;
        if (best == kNone || cons_[queue.waiting[queue.head]].since < cons_[port_queues_[best].waiting[port_queues_[best].head]].since) best = q;
    }
    bool loading_here = false;
    for (const auto o : fleet_of_service_[vessel.service]) {
        loading_here |= fleet_[o].state == VesselState::loading && fleet_[o].at == vessel.at;
    }
    if (best != kNone && !loading_here) start_loading(i, best);
}

// Vessels neither leave nor berth in a storm.
bool Simulation::storm_holds(std::uint32_t v, Resume how) {
    const auto service = vehicles_[v].service;
    if (service == kNone) return false;
    const auto a = service_area_[service];
    if (a == kNone || !areas_[a].storm) return false;
    use_all(vehicles_[v], TimeUse::weather);
    areas_[a].waiting.emplace_back(v, how);
    return true;
}

void Simulation::resume(std::uint32_t v, Resume how) {
    switch (how) {
    case Resume::ready: ready(v); return;
    case Resume::depart_vessel: vessel_departure(v); return;
    case Resume::berth_vessel: vessel_arrival(v); return;
    }
}

} // namespace corridor::logistics::detail
