// Train dispatch: boarding, the departure rules and their timers.
#include "sim/logistics/detail/train_dispatch.hpp"

#include "sim/core/assert.hpp"
#include "sim/logistics/detail/ticks.hpp"
#include "sim/logistics/detail/timetable.hpp"

namespace corridor::logistics::detail {

TrainDispatch::TrainDispatch(const Scenario& sc, core::HandlerId timer, core::HandlerId timetable)
    : sc_{sc}, h_timer_{timer}, h_timetable_{timetable} {
    for (const auto& svc : sc.services) {
        rules_.push_back(Rule{svc.capacity_units,
                              svc.departure.max_wait_h ? hours(*svc.departure.max_wait_h) : core::Duration{-1},
                              svc.departure.when_full, svc.kind == ServiceKind::train});
        base_capacity_.push_back(svc.capacity_units);
        trains_run_.push_back(0);
    }
}

ConsolidatorId TrainDispatch::board(ConsignmentId c, double units, ServiceId s, LegId leg, NodeId at,
                                    core::Engine& engine) {
    if (of_leg_.size() <= leg.index()) of_leg_.resize(leg.index() + 1, ConsolidatorId{});
    if (!of_leg_[leg].valid()) {
        of_leg_[leg] = consolidators_.push_back(Consolidator{s, leg, at, {}, 0, {}, false});
        const auto& policy = sc_.services[s.index()].departure;
        if (policy.every_h && *policy.every_h > 0) {
            engine.schedule_at(next_on_timetable(policy, engine.now()), h_timetable_, of_leg_[leg].index());
        }
    }
    const ConsolidatorId k = of_leg_[leg];
    Consolidator& con = consolidators_[k];
    SIM_ASSERT(at == con.at, "a leg's trains board at its start");
    con.waiting.push_back(c);
    con.units += units;
    return k;
}

bool TrainDispatch::full(ConsolidatorId k) const {
    const Consolidator& con = consolidators_[k];
    const Rule& rule = rules_[con.service];
    return rule.when_full && con.units >= rule.capacity_units;
}

void TrainDispatch::wait_for_more(ConsolidatorId k, core::Engine& engine) {
    Consolidator& con = consolidators_[k];
    const Rule& rule = rules_[con.service];
    if (con.timer_set || con.waiting.empty() || rule.max_wait < core::Duration{0}) return;
    con.timer = engine.schedule_cancellable_in(rule.max_wait, h_timer_, k.index());
    con.timer_set = true;
}

bool TrainDispatch::load(ConsolidatorId k, Vehicle& train, const Consignments& cons, core::Engine& engine) {
    Consolidator& con = consolidators_[k];
    const Rule& rule = rules_[con.service];
    if (con.timer_set) {
        engine.cancel(con.timer);
        con.timer_set = false;
    }
    train.number = ++trains_run_[con.service];
    // Board in arrival order up to the capacity; those left behind stay in the list, in order.
    std::size_t left = 0;
    for (const auto c : con.waiting) {
        if (train.load.empty() || train.units + cons[c].units <= rule.capacity_units) {
            train.load.push_back(c);
            train.units += cons[c].units;
            train.custodial = train.custodial || cons[c].custody;
        } else {
            con.waiting[left++] = c;
        }
    }
    con.waiting.resize(left);
    con.units = 0;
    for (const auto c : con.waiting) con.units += cons[c].units;
    return !con.waiting.empty() && full(k);
}

bool TrainDispatch::timer_fired(ConsolidatorId k) {
    consolidators_[k].timer_set = false;
    return !consolidators_[k].waiting.empty();
}

void TrainDispatch::next_departure(ConsolidatorId k, core::Engine& engine, core::SimTime horizon) {
    const auto& policy = sc_.services[consolidators_[k].service.index()].departure;
    const core::SimTime next = engine.now() + hours(*policy.every_h);
    if (next <= horizon) engine.schedule_at(next, h_timetable_, k.index());
}

} // namespace corridor::logistics::detail
