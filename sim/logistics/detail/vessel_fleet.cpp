// The vessel fleet: port queues, loading, the departure rules, and vessels summoned empty.
#include "sim/logistics/detail/vessel_fleet.hpp"

#include <algorithm>
#include <string>

#include "sim/logistics/detail/ticks.hpp"
#include "sim/logistics/detail/timetable.hpp"

namespace corridor::logistics::detail {

VesselFleet::VesselFleet(const network::Network& net, const Scenario& sc, std::uint32_t replication,
                         core::HandlerId timer, core::HandlerId timetable)
    : net_{net}, sc_{sc}, h_timer_{timer}, h_timetable_{timetable} {
    for (const auto& svc : sc.services) {
        random_.push_back(core::RandomStream::for_component(sc.seed, replication, core::component_key("service:" + svc.name)));
    }
    of_service_.resize(sc.services.size());
    queues_of_service_.resize(sc.services.size());
    queue_of_link_.assign(net.link_count(), PortQueueId{});
    for (const auto s : of_service_.ids()) {
        const auto& svc = sc.services[s.index()];
        if (svc.kind != ServiceKind::vessel || svc.links.empty()) continue;
        std::vector<NodeId> ports;
        for (const auto l : svc.links) {
            const auto from = net.link(l).from;
            if (std::find(ports.begin(), ports.end(), from) == ports.end()) ports.push_back(from);
        }
        for (std::size_t i = 0; i < svc.vessels.size(); ++i) {
            const double capacity = svc.vessels[i].capacity_units.value() * svc.load_factor;
            of_service_[s].push_back(vessels_.push_back(Vessel{s, svc.vessels[i].name, capacity, capacity,
                                                               ports[i % ports.size()], State::idle, VehicleId{},
                                                               PortQueueId{}, {}, false, core::TimeWeighted{}, 0,
                                                               false, NodeId{}}));
        }
    }
}

std::vector<std::pair<VesselId, LinkId>> VesselFleet::summon(ServiceId s, NodeId port, core::SimTime now) {
    std::vector<std::pair<VesselId, LinkId>> sent;
    double waiting = 0;
    for (const auto q : queues_of_service_[s]) {
        if (net_.link(queues_[q].link).from == port) waiting += queues_[q].units;
    }
    double covered = 0;
    for (const auto i : of_service_[s]) {
        const Vessel& vessel = vessels_[i];
        const bool here = vessel.at == port && vessel.state != State::busy;
        const bool coming = vessel.state == State::busy && vessel.repositioning && vessel.target == port;
        if (here || coming) covered += vessel.capacity;
    }
    for (const auto i : of_service_[s]) {
        if (covered >= waiting) break;
        Vessel& vessel = vessels_[i];
        if (vessel.state != State::idle || vessel.closed > 0 || vessel.at == port) continue;
        for (const auto l : sc_.services[s.index()].links) {
            if (net_.link(l).from == vessel.at && net_.link(l).to == port) {
                covered += vessel.capacity;
                vessel.repositioning = true;
                vessel.target = port;
                vessel.state = State::busy;
                vessel.busy.set(now, 1);
                sent.emplace_back(i, l);
                break;
            }
        }
    }
    return sent;
}

double VesselFleet::slots(const Consignment& con, ServiceId s) const {
    for (const auto& slot : sc_.services[s.index()].slots_per_unit) {
        if (slot.cargo == sc_.flows[con.flow.index()].cargo) return slot.slots * con.units;
    }
    return con.units;
}

LinkId VesselFleet::start_loading(VesselId i, PortQueueId q) {
    vessels_[i].state = State::loading;
    vessels_[i].queue = q;
    return queues_[q].link;
}

bool VesselFleet::load(VesselId i, Vehicle& veh, const Consignments& cons, core::Engine& engine) {
    Vessel& vessel = vessels_[i];
    PortQueue& queue = queues_[vessel.queue];
    const auto& svc = sc_.services[vessel.service.index()];
    bool next_does_not_fit = false;
    while (queue.head < queue.waiting.size()) {
        const auto c = queue.waiting[queue.head];
        const double room = slots(cons[c], vessel.service);
        if (!veh.load.empty() && veh.units + room > vessel.capacity) {
            next_does_not_fit = true; // as full as it gets: waiting would not fill it
            break;
        }
        veh.load.push_back(c);
        veh.units += room; // a vessel counts slots
        queue.units -= cons[c].units;
        ++queue.head;
        veh.custodial = veh.custodial || cons[c].custody;
        veh.hazardous = veh.hazardous || cons[c].hazardous;
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
    if (svc.departure.when_full && full) return true;
    if (!vessel.timer_set && !veh.load.empty() && svc.departure.max_wait_h) {
        vessel.timer = engine.schedule_cancellable_in(hours(*svc.departure.max_wait_h), h_timer_, i.index());
        vessel.timer_set = true;
        return false;
    }
    // No rule to wait by: sail with what is there.
    return !svc.departure.when_full && !svc.departure.max_wait_h && !timetabled(svc) && !veh.load.empty();
}

VehicleId VesselFleet::depart(VesselId i, core::Engine& engine) {
    Vessel& vessel = vessels_[i];
    if (vessel.timer_set) {
        engine.cancel(vessel.timer);
        vessel.timer_set = false;
    }
    vessel.state = State::busy;
    vessel.busy.set(engine.now(), 1);
    return vessel.vehicle;
}

void VesselFleet::arrived(VesselId i, NodeId at, core::SimTime now) {
    Vessel& vessel = vessels_[i];
    vessel.at = at;
    vessel.repositioning = false;
    vessel.state = State::idle;
    vessel.busy.set(now, 0);
    vessel.vehicle = VehicleId{};
}

std::optional<PortQueueId> VesselFleet::queue_to_load(VesselId i, const Consignments& cons) const {
    const Vessel& vessel = vessels_[i];
    if (vessel.state != State::idle || vessel.closed > 0) return std::nullopt;
    PortQueueId best;
    for (const auto q : queues_of_service_[vessel.service]) {
        const auto& queue = queues_[q];
        if (queue.head >= queue.waiting.size()) continue;
        if (net_.link(queue.link).from != vessel.at) continue;
        if (!best.valid() || cons[queue.waiting[queue.head]].since < cons[queues_[best].waiting[queues_[best].head]].since) {
            best = q;
        }
    }
    bool loading_here = false;
    for (const auto o : of_service_[vessel.service]) {
        loading_here |= vessels_[o].state == State::loading && vessels_[o].at == vessel.at;
    }
    if (!best.valid() || loading_here) return std::nullopt;
    return best;
}

std::vector<NodeId> VesselFleet::ports_with_cargo(VesselId i) const {
    std::vector<NodeId> ports;
    for (const auto q : queues_of_service_[vessels_[i].service]) {
        const auto& queue = queues_[q];
        const auto from = net_.link(queue.link).from;
        if (queue.units > 0 && from != vessels_[i].at && std::find(ports.begin(), ports.end(), from) == ports.end()) {
            ports.push_back(from);
        }
    }
    return ports;
}

std::optional<core::Duration> VesselFleet::sample_sailing(ServiceId s) {
    const auto& sailing = sc_.services[s.index()].sailing_h;
    if (!sailing) return std::nullopt;
    return hours(sailing->sample(random_[s]));
}

bool VesselFleet::timer_fired(VesselId i) {
    vessels_[i].timer_set = false;
    return vessels_[i].state == State::loading;
}

bool VesselFleet::timetabled(const ServiceSpec& svc) { return svc.departure.every_h && *svc.departure.every_h > core::Hours{0}; }

// At each departure time every vessel of the service that is loading with cargo aboard sails (one
// without cargo waits for some, as without a timetable).
void VesselFleet::start_timetables(core::Engine& engine) {
    for (const auto s : of_service_.ids()) {
        const auto& svc = sc_.services[s.index()];
        if (svc.kind != ServiceKind::vessel || !timetabled(svc) || of_service_[s].empty()) continue;
        engine.schedule_at(next_on_timetable(svc.departure, engine.now()), h_timetable_, s.index());
    }
}

void VesselFleet::next_timetable(ServiceId s, core::Engine& engine, core::SimTime horizon) {
    const core::SimTime next = engine.now() + hours(*sc_.services[s.index()].departure.every_h);
    if (next <= horizon) engine.schedule_at(next, h_timetable_, s.index());
}

bool VesselFleet::set_closed(VesselId i, bool starting) {
    vessels_[i].closed += starting ? 1 : -1;
    return vessels_[i].closed == 0;
}

void VesselFleet::reset_statistics(core::SimTime now) {
    for (auto& vessel : vessels_) vessel.busy.reset(now);
}

void VesselFleet::add_results(core::SimTime end, std::vector<ResourceResult>& out) const {
    for (const auto& vessel : vessels_) {
        ResourceResult r;
        r.kind = "vessel";
        r.id = vessel.name;
        r.utilisation = vessel.busy.mean(end);
        out.push_back(std::move(r));
    }
}

} // namespace corridor::logistics::detail
