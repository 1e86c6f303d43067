// Train dispatch: boarding, the departure rules and their timers.
#include "sim/logistics/detail/train_dispatch.hpp"

#include "sim/logistics/detail/ticks.hpp"
#include "sim/logistics/detail/timetable.hpp"

namespace corridor::logistics::detail {

TrainDispatch::TrainDispatch(const Scenario& sc, core::HandlerId timer, core::HandlerId timetable)
    : sc_{sc}, h_timer_{timer}, h_timetable_{timetable} {
    for (const auto& svc : sc.services) {
        rules_.push_back(Rule{svc.capacity_units.value(),
                              svc.departure.max_wait_h ? hours(*svc.departure.max_wait_h) : core::Duration{-1},
                              svc.departure.when_full, svc.kind == ServiceKind::train});
        base_capacity_.push_back(svc.capacity_units.value());
        trains_run_.push_back(0);
    }
}

void TrainDispatch::start_consolidator(ServiceId s, LegId leg, NodeId at, core::Engine& engine) {
    if (of_leg_.size() <= leg.index()) of_leg_.resize(leg.index() + 1, ConsolidatorId{});
    if (of_leg_[leg].valid()) return;
    of_leg_[leg] = consolidators_.push_back(Consolidator{s, leg, at, {}, 0, {}, false});
    const auto& policy = sc_.services[s.index()].departure;
    if (policy.every_h && *policy.every_h > core::Hours{0}) {
        engine.schedule_at(next_on_timetable(policy, engine.now()), h_timetable_, of_leg_[leg].index());
    }
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
