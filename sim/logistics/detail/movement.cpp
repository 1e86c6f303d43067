// Moving along a leg: a vehicle asks for a path on each link (paced lines queue trains), rides it
// (free runs in one event), arrives at its end node, and at the leg's end hands its load on.
#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

// Registered here, beside their bodies, so that the engine's trampolines for the link step's
// events inline them (the hot path: one of these per link a vehicle rides).
void Simulation::register_movement_handlers() {
    h_ready_ = engine_.add_handler<&Simulation::on_ready>(*this, "vehicle ready");
    h_enter_ = engine_.add_handler<&Simulation::on_enter>(*this, "vehicle enters link");
    h_arrive_ = engine_.add_handler<&Simulation::on_arrive>(*this, "vehicle arrives");
}

void Simulation::ready(std::uint32_t v) {
    Vehicle& veh = vehicles_[v];
    if (veh.pos == veh.leg_len) {
        leg_end(v);
        return;
    }
    const auto l = veh.link;
    LinkRec& link = links_[l.index()];
    if (link.closed || (!link.always_open && !net_.is_open(l, today()))) {
        use_all(veh, TimeUse::disruption);
        link_waiting_[l.index()].push_back(v);
        return;
    }
    if (link.paced && veh.kind != VehicleKind::vessel) {
        const SimTime enter = std::max(engine_.now(), link.next_free);
        link.next_free = enter + link.headway;
        link.busy_seconds += link.headway.count();
        if (enter > engine_.now()) {
            use_all(veh, TimeUse::waiting);
            veh.requested = engine_.now();
            engine_.schedule_at(enter, h_enter_, v);
            return;
        }
    }
    enter(v, false);
}

void Simulation::on_ready(core::Engine&, std::uint64_t payload) { ready(static_cast<std::uint32_t>(payload)); }

void Simulation::on_enter(core::Engine&, std::uint64_t payload) { enter(static_cast<std::uint32_t>(payload), true); }

// `waited`: it waited for a line path since `requested` (else it enters as it asks).
inline void Simulation::enter(std::uint32_t v, bool waited) {
    Vehicle& veh = vehicles_[v];
    const LegPos* const at = leg_pos_.data() + veh.leg_base; // this leg's positions
    const auto l = veh.link;
    LinkRec& link = links_[l.index()];
    if (waited && link.paced) {
        link_state_[l.index()].path_wait_h += static_cast<double>((engine_.now() - veh.requested).count()) / 3600.0;
    }
    ++link.trains;
    use_all(veh, TimeUse::moving);
    // The ride's cost and where it ends go on the vehicle now, so that the arrival need not
    // read the link again. A free run is ridden link by link in one go: the same times (each
    // link's rounded to ticks), the same sums in the same order, one event.
    const auto end = at[veh.pos].run_end; // a vessel's leg is one crossing, so one link
    Duration ride{0};
    for (std::size_t i = veh.pos; i < end; ++i) ride += Duration{at[i].ride_s};
    veh.next_at = at[end - 1].to;
    veh.next_plain = at[end - 1].plain_to != 0;
    veh.run_end = end;
    if (veh.kind == VehicleKind::vessel) {
        // A vessel sails long after its cargo boarded: the custody log says when. (A train or a
        // truck leaves as it is loaded, which its log says.)
        log_load(v, "departed", veh.at);
        // A vessel's trip adds its berths' fees around the crossing, so it sums as it goes.
        veh.usd_per_unit += rides_[l.index()].usd_per_unit;
        veh.co2_g_per_t += rides_[l.index()].co2_g_per_t;
        if (sc_.services[veh.service].sailing_h) {
            ride = hours(sc_.services[veh.service].sailing_h->sample(service_random_[veh.service]));
        }
    }
    // The payload also names the link the vehicle will ask for next (+1; 0: none).
    const std::uint64_t next = end < veh.leg_len ? at[end - 1].next.index() + std::uint64_t{1} : 0;
    if (end > veh.pos + 1) veh.link = at[end - 2].next; // the run's last link: the arrival's
    // The positions and the link the next step will read, a whole ride ahead.
    if (end < veh.leg_len) {
        __builtin_prefetch(at + end);
        __builtin_prefetch(&links_[next - 1]);
    }
    engine_.schedule_in(ride, h_arrive_, v | (next << 32U));
}

void Simulation::on_arrive(core::Engine&, std::uint64_t payload) {
    const auto v = static_cast<std::uint32_t>(payload); // the upper half: the next link + 1
    Vehicle& veh = vehicles_[v];
    const auto l = veh.link; // the link it arrives by
    if (const auto next = payload >> 32U; next != 0) veh.link = core::LinkId{static_cast<std::uint32_t>(next - 1)};
    veh.at = veh.next_at;
    veh.pos = veh.run_end;
    if (veh.kind == VehicleKind::vessel) {
        vessel_arrival(v);
        return;
    }
    if (veh.next_plain) { // the common case, known from the leg position read at entry
        ready(v);
        return;
    }
    arrive_at_node(v, l);
}

void Simulation::arrive_at_node(std::uint32_t v, core::LinkId via) {
    Vehicle& veh = vehicles_[v];
    const auto node = veh.at.index();
    if (plain_node_[node] != 0) { // no border, never closed: the common case, one byte read
        ready(v);
        return;
    }
    if (node_closed_[node] > 0) {
        use_all(veh, TimeUse::disruption);
        node_waiting_[node].emplace_back(v, via);
        return;
    }
    if (node_border_[node]) {
        veh.inbound_border = links_[via.index()].enters_country;
        const auto pool = veh.inbound_border ? border_in_[node] : border_out_[node];
        use_all(veh, TimeUse::border); // its fee is in the leg's cost (LegCost)
        if (pools_[pool].request(engine_.now(), v)) {
            start_border(v);
        } else {
            queue_changed(pool);
        }
        return;
    }
    ready(v);
}

void Simulation::leg_end(std::uint32_t v) {
    if (vehicles_[v].kind == VehicleKind::vessel) return; // vessels unload through vessel_arrival
    end_trip(v);
    log_load(v, "arrived", vehicles_[v].at);
    // The load leaves the vehicle (which takes an empty buffer in its place): what follows
    // may board other vehicles, even this one again.
    auto load = spare_list();
    load.swap(vehicles_[v].load);
    const auto at = vehicles_[v].at;
    free_vehicle(v);
    // A train's cargo that must change carrier here waits for the node's setup first.
    auto to_transship = spare_list();
    for (const auto c : load) {
        cons_[c].at = at;
        if (needs_cranes(c)) {
            to_transship.push_back(c);
        } else {
            transfer(c);
        }
    }
    if (!to_transship.empty()) start_setup(at, to_transship);
    return_list(std::move(to_transship));
    return_list(std::move(load));
}

// Buffers for lists of consignments that live for one call, kept for reuse: a leg's end
// would otherwise allocate and free two.
std::vector<std::uint32_t> Simulation::spare_list() {
    if (spare_lists_.empty()) return {};
    auto list = std::move(spare_lists_.back());
    spare_lists_.pop_back();
    return list;
}

void Simulation::return_list(std::vector<std::uint32_t>&& list) {
    if (list.capacity() == 0) return;
    list.clear();
    spare_lists_.push_back(std::move(list));
}

// After a leg (and any transfer at its end): deliver, or set off on the next leg.
void Simulation::transfer(std::uint32_t c) { start_next(c); }

void Simulation::start_next(std::uint32_t c) {
    Consignment& con = cons_[c];
    const FlowEnd& end = flow_ends_[con.flow];
    if (con.at == end.destination) {
        deliver(c);
        return;
    }
    if (end.adaptive) replan(c);
    if (con.pos >= routes_[con.route].size()) {
        deliver(c);
        return;
    }
    start_leg(c);
}

void Simulation::deliver(std::uint32_t c) {
    use(c, TimeUse::waiting);
    Consignment& con = cons_[c];
    ++delivered_;
    if (con.custody) log_custody(c, "delivered", net_.node(con.at).name);
    if (con.counted) {
        auto& fs = flow_stats_[con.flow];
        ++fs.delivered;
        fs.units_delivered += con.units;
        const double h = static_cast<double>((engine_.now() - con.created).count()) / 3600.0;
        fs.transit.add(h);
        fs.transit_stats.add(h);
        fs.usd.add(con.usd / con.units);
        fs.kg.add(con.kg_co2e / con.units);
        for (std::size_t u = 0; u < kTimeUses; ++u) fs.hours[u] += static_cast<double>(con.seconds[u]) / 3600.0;
        const FlowEnd& end = flow_ends_[con.flow];
        if (end.has_target && h <= end.target_h) ++fs.on_time;
    }
    today_delivered_[con.flow] += con.units;
    if (cfg_.keep_shipments) shipments_.push_back(record_of(con, engine_.now()));
    con.live = false;
    free_cons_.push_back(c);
}

} // namespace corridor::logistics::detail
