// Berths: a laden vessel queues for a berth at a port to load or unload (half a port call each).
#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

// A laden vessel at a port with berths queues for one to load or unload; false if it has
// nothing to handle or the port has no berths.
bool Simulation::to_berth(std::uint32_t v, BerthWork work) {
    Vehicle& veh = vehicles_[v];
    const auto port = veh.at.index();
    if (berths_[port] == kNone || veh.load.empty()) return false;
    use_all(veh, TimeUse::port);
    veh.berth_work = work;
    if (pools_[berths_[port]].request(engine_.now(), v)) {
        start_berth_work(v);
    } else {
        queue_changed(berths_[port]);
    }
    return true;
}

void Simulation::start_berth_work(std::uint32_t v) {
    Vehicle& veh = vehicles_[v];
    const auto& node = net_.node(veh.at);
    // handling_h is a whole port call: unloading what arrived and loading what leaves, half
    // each (a vessel that only unloads, or only loads, takes half a call).
    const auto& own = sc_.services[veh.service].port_handling_h;
    const double h = 0.5 * (own ? own->sample(node_random_[veh.at.index()])
                                : node.port->handling_h.sample(node_random_[veh.at.index()]));
    engine_.schedule_in(hours(h / node_speed_[veh.at.index()]),
                        veh.berth_work == BerthWork::load ? h_vessel_loaded_ : h_vessel_unloaded_, v);
}

void Simulation::release_berth(std::uint32_t v) {
    const auto port = vehicles_[v].at.index();
    if (const auto next = pools_[berths_[port]].release(engine_.now())) {
        queue_changed(berths_[port]);
        start_berth_work(*next);
    }
}

void Simulation::on_vessel_loaded(core::Engine&, std::uint64_t payload) {
    const auto v = static_cast<std::uint32_t>(payload);
    release_berth(v);
    Vehicle& veh = vehicles_[v];
    veh.usd_per_unit += net_.node(veh.at).port->cost_usd_per_unit;
    ready(v);
}

void Simulation::on_vessel_unloaded(core::Engine&, std::uint64_t payload) {
    const auto v = static_cast<std::uint32_t>(payload);
    release_berth(v);
    vehicles_[v].usd_per_unit += net_.node(vehicles_[v].at).port->cost_usd_per_unit;
    vessel_done(v);
}

} // namespace corridor::logistics::detail
