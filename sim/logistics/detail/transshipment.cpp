// Transshipment: where a consignment changes carrier at a node with cranes (a gauge break, a mode
// change), it waits for the node's setup and then for a crane, one lift per unit.
#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

namespace {

bool is_water(network::Mode m) {
    return m == network::Mode::ferry || m == network::Mode::sea || m == network::Mode::air;
}

} // namespace

// Cranes are needed where the carrier changes at a node that transships and the change is
// not a vessel's (vessels load and unload at their berths). Worked out once per (route,
// position).
bool Simulation::needs_cranes(std::uint32_t c) {
    Consignment& con = cons_[c];
    if (con.pos == 0 || con.pos >= routes_[con.route].size()) return false;
    std::uint32_t& step = route_step(con);
    if ((step & kCranesKnown) == 0) step |= kCranesKnown | (cranes_between(con.route, con.pos) ? kCranes : 0);
    if ((step & kLegUnknown) != kLegUnknown) con.leg = step & kLegUnknown; // for start_leg, later
    return (step & kCranes) != 0;
}

bool Simulation::cranes_between(std::uint32_t route_id, std::uint32_t pos) const {
    const auto& route = routes_[route_id];
    if (carrier_[route[pos - 1].index()] == carrier_[route[pos].index()]) return false;
    const auto& before = net_.link(route[pos - 1]);
    const auto& after = net_.link(route[pos]);
    const auto& node = net_.node(before.to);
    if ((is_water(before.mode) || is_water(after.mode)) && node.port) return false;
    return node.transshipment.has_value();
}

// Cargo that must change carrier at `at` waits for the node's setup (one sampled time for all of
// it), then for cranes (on_setup_done). `consignments` is taken; an empty buffer is left in it.
void Simulation::start_setup(core::NodeId at, std::vector<std::uint32_t>& consignments) {
    const auto& t = *net_.node(at).transshipment;
    const double setup = t.setup_h.sample(node_random_[at.index()]);
    static const std::vector<std::uint32_t> kEmpty;
    const std::uint32_t batch = take_slot(setup_batches_, free_batches_, kEmpty);
    setup_batches_[batch].swap(consignments); // the batch's old (empty) buffer goes back to the caller
    for (const auto c : setup_batches_[batch]) use(c, TimeUse::transshipment);
    // The payload names the node too: the setup's end then reads no consignment to find its cranes.
    engine_.schedule_in(hours(setup / node_speed_[at.index()]), h_setup_done_,
                        batch | (std::uint64_t{at.index()} << 32U));
}

void Simulation::on_setup_done(core::Engine&, std::uint64_t payload) {
    const auto batch = static_cast<std::uint32_t>(payload);
    const auto pool = cranes_[payload >> 32U].pool; // the batch's node (start_setup)
    for (const auto c : setup_batches_[batch]) {
        SIM_ASSERT(cons_[c].at.index() == payload >> 32U, "a setup batch waits at one node");
        if (pools_[pool].request(engine_.now(), c)) {
            start_crane(c);
        } else {
            queue_changed(pool);
        }
    }
    setup_batches_[batch].clear();
    free_batches_.push_back(batch);
}

void Simulation::start_crane(std::uint32_t c) {
    const auto node = cons_[c].at.index();
    engine_.schedule_in(hours(cons_[c].units / cranes_[node].units_per_crane_h / node_speed_[node]), h_crane_done_, c);
}

void Simulation::on_crane_done(core::Engine&, std::uint64_t payload) {
    const auto c = static_cast<std::uint32_t>(payload);
    const auto node = cons_[c].at;
    const CraneSet& cranes = cranes_[node.index()];
    if (const auto next = pools_[cranes.pool].release(engine_.now())) {
        queue_changed(cranes.pool);
        start_crane(*next);
    }
    add_cost(c, cranes.cost_usd_per_unit);
    if (custodial(c)) log_custody(c, "transshipped", net_.node(node).name);
    start_next(c);
}

} // namespace corridor::logistics::detail
