// Borders: vehicles queue for the inbound or outbound lanes and dwell a sampled time; a border
// with opening hours starts crossings only while open.
#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

// A border with opening hours opens at its from-hour and closes at its until-hour every
// day (two chains of daily events per node, payload: node, and bit 32 set for opening). It
// starts open if 00:00 of the first day is inside its hours.
void Simulation::start_border_hours() {
    for (std::uint32_t node = 0; node < net_.node_count(); ++node) {
        const auto& border = net_.node(core::NodeId{node}).border;
        if (!border || !border->hours) continue;
        const std::int64_t from = hours(border->hours->from_h).count();
        const std::int64_t until = hours(border->hours->until_h).count();
        if (from == 0 && until == 86400) continue; // around the clock
        const bool open_at_start = from < until ? from == 0 : until > 0;
        pools_[border_in_[node]].set_open(open_at_start);
        pools_[border_out_[node]].set_open(open_at_start);
        engine_.schedule_at(SimTime{} + Duration{from}, h_border_hours_, node | (std::uint64_t{1} << 32U));
        engine_.schedule_at(SimTime{} + Duration{until}, h_border_hours_, node);
    }
}

void Simulation::on_border_hours(core::Engine& engine, std::uint64_t payload) {
    const auto node = static_cast<std::uint32_t>(payload);
    const bool opening = (payload >> 32U) != 0;
    for (const auto pool : {border_in_[node], border_out_[node]}) {
        pools_[pool].set_open(opening);
        if (!opening) continue;
        while (const auto v = pools_[pool].admit(engine.now())) { // those queued, in order
            queue_changed(pool);
            start_border(*v);
        }
    }
    const SimTime next = engine.now() + Duration{86400};
    if (next <= SimTime{} + sc_.horizon) engine.schedule_at(next, h_border_hours_, payload);
}

void Simulation::start_border(std::uint32_t v) {
    Vehicle& veh = vehicles_[v];
    const auto& b = *net_.node(veh.at).border;
    const auto& dwell = veh.inbound_border ? b.dwell_inbound_h : b.dwell_h;
    engine_.schedule_in(hours(dwell.sample(node_random_[veh.at.index()]) / node_speed_[veh.at.index()]),
                        h_border_done_, v);
}

void Simulation::on_border_done(core::Engine&, std::uint64_t payload) {
    const auto v = static_cast<std::uint32_t>(payload);
    Vehicle& veh = vehicles_[v];
    const auto node = veh.at.index();
    const auto pool = veh.inbound_border ? border_in_[node] : border_out_[node];
    if (const auto next = pools_[pool].release(engine_.now())) {
        queue_changed(pool);
        start_border(*next);
    }
    log_load(v, "cleared", veh.at);
    ready(v);
}

} // namespace corridor::logistics::detail
