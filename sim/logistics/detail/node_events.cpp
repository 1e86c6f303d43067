// Borders and transshipments: vehicles queue for a border's lanes in their direction and dwell a
// sampled time (only while a border with opening hours is open); cargo that changes carrier at a
// node with cranes waits for the node's setup, then for a crane, one lift per unit.
#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

void Simulation::start_border(VehicleId v) {
    const Vehicle& veh = vehicles_[v];
    engine_.schedule_in(nodes_.border_dwell(veh.at, veh.inbound_border, veh.hazardous), h_.border_done, v.index());
}

void Simulation::on_border_done(core::Engine&, std::uint64_t payload) {
    const VehicleId v{static_cast<std::uint32_t>(payload)};
    const NodeId node = vehicles_[v].at;
    if (const auto next = nodes_.lanes(nodes_.border_lanes(node, vehicles_[v].inbound_border)).release(engine_.now())) {
        routes_.queue_changed(node);
        start_border(*next);
    }
    log_load(v, "cleared", node);
    ready(v);
}

// Payload: the node, and bit 32 set for opening.
void Simulation::on_border_hours(core::Engine& engine, std::uint64_t payload) {
    const NodeId node{static_cast<std::uint32_t>(payload)};
    const bool opening = (payload >> 32U) != 0;
    for (const bool inbound : {true, false}) {
        auto& lanes = nodes_.lanes(nodes_.border_lanes(node, inbound));
        lanes.set_open(opening);
        if (!opening) continue;
        while (const auto v = lanes.admit(engine.now())) { // those queued, in order
            routes_.queue_changed(node);
            start_border(*v);
        }
    }
    const SimTime next = engine.now() + Duration{86400};
    if (next <= horizon()) engine.schedule_at(next, h_.border_hours, payload);
}

// Cargo that must change carrier at `at` waits for the node's setup (one sampled time for all of
// it), then for cranes. `consignments` is taken; an empty buffer is left in it.
void Simulation::start_setup(NodeId at, std::vector<ConsignmentId>& consignments) {
    const Duration setup = nodes_.setup_time(at);
    const SetupBatchId batch = nodes_.hold_for_setup(consignments);
    for (const auto c : nodes_.batch(batch)) use(c, TimeUse::transshipment);
    // The payload names the node too: the setup's end then reads no consignment to find its cranes.
    engine_.schedule_in(setup, h_.setup_done, batch.index() | (std::uint64_t{at.index()} << 32U));
}

void Simulation::on_setup_done(core::Engine&, std::uint64_t payload) {
    const SetupBatchId batch{static_cast<std::uint32_t>(payload)};
    const NodeId node{static_cast<std::uint32_t>(payload >> 32U)};
    auto& cranes = nodes_.cranes(nodes_.crane_pool(node));
    for (const auto c : nodes_.batch(batch)) {
        SIM_ASSERT(cons_[c].at == node, "a setup batch waits at one node");
        if (cranes.request(engine_.now(), c)) {
            start_crane(c);
        } else {
            routes_.queue_changed(node);
        }
    }
    nodes_.free_batch(batch);
}

void Simulation::start_crane(ConsignmentId c) {
    engine_.schedule_in(nodes_.crane_time(cons_[c].at, cons_[c].units), h_.crane_done, c.index());
}

void Simulation::on_crane_done(core::Engine&, std::uint64_t payload) {
    const ConsignmentId c{static_cast<std::uint32_t>(payload)};
    const NodeId node = cons_[c].at;
    if (const auto next = nodes_.cranes(nodes_.crane_pool(node)).release(engine_.now())) {
        routes_.queue_changed(node);
        start_crane(*next);
    }
    cons_[c].usd += nodes_.crane_cost_usd_per_unit(node) * cons_[c].units;
    if (cons_[c].custody) log_custody(c, "transshipped", net_.node(node).name, node);
    start_next(c);
}

} // namespace corridor::logistics::detail
