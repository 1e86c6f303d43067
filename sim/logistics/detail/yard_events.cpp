// Port yards: cargo of a unit the port's yard limits takes room there from the start of its leg
// at the port until its vehicle leaves. A train or truck whose leg ends at the port unloads
// only when the yards have room for the units it leaves there (those not delivered there);
// until then it waits where it is, in the yard's queue, its load's time counted as port time,
// and the yard lets vehicles in first come, first served as room frees. Vessels unload
// whatever the room: holding a vessel for room its own loading would make could lock a port.
#include <vector>

#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

// True if `v` must wait: it queues at the first yard without room for what it unloads here.
bool Simulation::yard_holds(VehicleId v) {
    const NodeId at = vehicles_[v].at;
    const bool released = releasing_ == v;
    releasing_ = VehicleId{};
    std::vector<std::pair<YardId, double>> need; // units by yard: one entry per unit of cargo, or few
    for (const auto c : vehicles_[v].load) {
        const Consignment& con = cons_[c];
        if (demand_.end(con.flow).destination == at) continue; // delivered here: no room taken
        const YardId y = nodes_.yard(at, sc_.flows[con.flow.index()].cargo);
        if (!y.valid()) continue;
        auto it = need.begin();
        while (it != need.end() && it->first != y) ++it;
        if (it == need.end()) {
            need.emplace_back(y, con.units);
        } else {
            it->second += con.units;
        }
    }
    for (const auto& [y, units] : need) {
        if (!nodes_.yards(y).has_room(units, released)) {
            nodes_.yards(y).wait(engine_.now(), v, units);
            use_all(v, TimeUse::port);
            return true;
        }
    }
    if (!released) {
        for (const auto& [y, units] : need) nodes_.yards(y).unloaded_at_once(engine_.now());
    }
    return false;
}

void Simulation::enter_yard(ConsignmentId c) {
    Consignment& con = cons_[c];
    const YardId y = nodes_.yard(con.at, sc_.flows[con.flow.index()].cargo);
    if (!y.valid() || con.in_yard) return;
    nodes_.yards(y).enter(engine_.now(), con.units);
    con.in_yard = true;
}

// It leaves aboard a vehicle: its room is free, and the vehicles waiting for room are let in
// by an event now (not from inside the departure that freed it).
void Simulation::leave_yard(ConsignmentId c) {
    Consignment& con = cons_[c];
    const YardId y = nodes_.yard(con.at, sc_.flows[con.flow.index()].cargo);
    SIM_ASSERT(y.valid(), "a consignment in a yard leaves from the node of its yard");
    auto& yard = nodes_.yards(y);
    yard.leave(engine_.now(), con.units);
    con.in_yard = false;
    if (yard.queued() > 0 && !yard.room_pending) {
        yard.room_pending = true;
        engine_.schedule_in(core::Duration{0}, h_.yard_room, y.index());
    }
}

void Simulation::on_yard_room(core::Engine& engine, std::uint64_t payload) {
    const YardId y{static_cast<std::uint32_t>(payload)};
    nodes_.yards(y).room_pending = false;
    while (const auto v = nodes_.yards(y).next(engine.now())) {
        releasing_ = *v;
        leg_end(*v);
    }
}

} // namespace corridor::logistics::detail
