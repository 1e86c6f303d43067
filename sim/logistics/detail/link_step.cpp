// The link step: a vehicle asks for a path on each link of its leg (paced lines queue trains),
// rides it (a free run of links in one event), arrives at its end node (a border, a closure), and
// at the leg's end hands its load on. The hot path: one of these per link a vehicle rides.
#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

void Simulation::register_link_step(core::Engine& engine, Simulation& sim, Handlers& h) {
    h.ready = engine.add_handler<&Simulation::on_ready>(sim, "vehicle ready");
    h.enter = engine.add_handler<&Simulation::on_enter>(sim, "vehicle enters link");
    h.arrive = engine.add_handler<&Simulation::on_arrive>(sim, "vehicle arrives");
}

void Simulation::ready(VehicleId v) {
    Vehicle& veh = vehicles_[v];
    if (veh.pos == veh.leg_len) {
        leg_end(v);
        return;
    }
    const LinkId l = veh.link;
    LinkRec& link = links_[l];
    if (link.closed || (!link.always_open && !net_.is_open(l, today()))) {
        use_all(v, TimeUse::disruption);
        disruptions_.hold_at_link(l, v);
        return;
    }
    if (link.paced && veh.kind != VehicleKind::vessel) {
        const SimTime entry = std::max(engine_.now(), link.next_free);
        link.next_free = entry + link.headway;
        link.busy_seconds += link.headway.count();
        if (entry > engine_.now()) {
            use_all(v, TimeUse::waiting);
            veh.requested = engine_.now();
            links_.start_path_wait(l, engine_.now());
            engine_.schedule_at(entry, h_.enter, v.index());
            return;
        }
    }
    enter(v, false);
}

void Simulation::on_ready(core::Engine&, std::uint64_t payload) { ready(VehicleId{static_cast<std::uint32_t>(payload)}); }

void Simulation::on_enter(core::Engine&, std::uint64_t payload) {
    enter(VehicleId{static_cast<std::uint32_t>(payload)}, true);
}

inline void Simulation::enter(VehicleId v, bool waited) {
    Vehicle& veh = vehicles_[v];
    const LegPos* const at = legs_.positions() + veh.leg_base; // this leg's positions
    const LinkId l = veh.link;
    LinkRec& link = links_[l];
    if (waited && link.paced) links_.end_path_wait(l, engine_.now(), engine_.now() - veh.requested);
    ++link.trains;
    use_all(v, TimeUse::moving);
    // The ride's cost and where it ends go on the vehicle now, so that the arrival need not read
    // the link again. A free run is ridden link by link in one go: the same times (each link's
    // rounded to ticks), the same sums in the same order, one event.
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
        veh.usd_per_unit += legs_.ride(l).usd_per_unit;
        veh.co2_g_per_t += legs_.ride(l).co2_g_per_t;
        if (const auto sailing = fleet_.sample_sailing(veh.service)) ride = *sailing;
    }
    // The payload also names the link the vehicle will ask for next (+1; 0: none).
    const std::uint64_t next = end < veh.leg_len ? at[end - 1].next.index() + std::uint64_t{1} : 0;
    if (end > veh.pos + 1) veh.link = at[end - 2].next; // the run's last link: the arrival's
    // The positions and the link the next step will read, a whole ride ahead.
    if (end < veh.leg_len) {
        __builtin_prefetch(at + end);
        __builtin_prefetch(&links_[LinkId{static_cast<std::uint32_t>(next - 1)}]);
    }
    engine_.schedule_in(ride, h_.arrive, v.index() | (next << 32U));
}

void Simulation::on_arrive(core::Engine&, std::uint64_t payload) {
    const VehicleId v{static_cast<std::uint32_t>(payload)}; // the upper half: the next link + 1
    Vehicle& veh = vehicles_[v];
    const LinkId l = veh.link; // the link it arrives by
    if (const auto next = payload >> 32U; next != 0) veh.link = LinkId{static_cast<std::uint32_t>(next - 1)};
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

void Simulation::arrive_at_node(VehicleId v, LinkId via) {
    Vehicle& veh = vehicles_[v];
    const NodeId node = veh.at;
    if (legs_.plain(node)) { // no border, never closed: the common case, one byte read
        ready(v);
        return;
    }
    if (disruptions_.node_closed(node)) {
        use_all(v, TimeUse::disruption);
        disruptions_.hold_at_node(node, v, via);
        nodes_.hold(node, links_[via].enters_country, +1, veh.load.size(), engine_.now()); // the node's backlog
        return;
    }
    if (legs_.has_border(node)) {
        veh.inbound_border = links_[via].enters_country;
        const LanePoolId pool = nodes_.border_lanes(node, veh.inbound_border);
        use_all(v, TimeUse::border); // its fee is in the leg's cost
        if (nodes_.lanes(pool).request(engine_.now(), v)) {
            start_border(v);
        } else {
            routes_.queue_changed(node);
        }
        return;
    }
    ready(v);
}

} // namespace corridor::logistics::detail
