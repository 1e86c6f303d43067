// Train dispatch: consignments boarding for one leg of a train service consolidate until the
// service's rule lets a train go: when full, after a maximum wait since the first boarded, or on
// a timetable, whichever comes first. Owns the consolidators (one per leg), their departure
// timers and timetables, and each service's rule (a derating scales its capacity). Touches the
// consignments' units and the train it fills; the train then moves as any vehicle does.
#pragma once
#include <cstdint>
#include <vector>

#include "sim/core/assert.hpp"
#include "sim/core/engine.hpp"
#include "sim/core/id_vector.hpp"
#include "sim/logistics/detail/consignment.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/detail/timetable.hpp"
#include "sim/logistics/detail/vehicle.hpp"
#include "sim/logistics/scenario.hpp"

namespace corridor::logistics::detail {

class TrainDispatch {
public:
    /// `timer` and `timetable` are the engine's handlers that call back on_timer and
    /// on_timetable (their payload: the consolidator).
    TrainDispatch(const Scenario& sc, core::HandlerId timer, core::HandlerId timetable);

    /// Is service `s` a train service (else vessels)?
    [[nodiscard]] bool is_train(ServiceId s) const { return rules_[s].train; }

    /// Boards consignment `c` of `units` for `leg` of service `s` at `at`; `departs`: the train
    /// is now full and leaves by the rule (else the rule's maximum-wait timer runs). A new
    /// consolidator starts its timetable.
    ConsolidatorId board(ConsignmentId c, double units, ServiceId s, LegId leg, NodeId at, core::Engine& engine,
                         bool& departs);
    /// Arms the maximum-wait timer if the rule has one, cargo waits and no timer runs.
    void wait_for_more(ConsolidatorId k, core::Engine& engine);

    /// Fills `train` (a fresh vehicle) with those waiting, in boarding order up to the capacity;
    /// those left behind keep their order. Cancels the timer. True if those left fill another.
    bool load(ConsolidatorId k, Vehicle& train, const Consignments& cons, core::Engine& engine);

    /// The timer went off: true if a train should go with what waits.
    bool timer_fired(ConsolidatorId k);
    [[nodiscard]] bool has_waiting(ConsolidatorId k) const { return !consolidators_[k].waiting.empty(); }
    /// Schedules consolidator k's next timetabled departure after this one (within the horizon).
    void next_departure(ConsolidatorId k, core::Engine& engine, core::SimTime horizon);

    [[nodiscard]] ServiceId service(ConsolidatorId k) const { return consolidators_[k].service; }
    [[nodiscard]] LegId leg(ConsolidatorId k) const { return consolidators_[k].leg; }
    [[nodiscard]] NodeId at(ConsolidatorId k) const { return consolidators_[k].at; }

    /// A derating of service `s` in force (the product of those on it).
    void set_capacity_factor(ServiceId s, double factor) { rules_[s].capacity_units = base_capacity_[s] * factor; }

private:
    // What boarding and departing read of a service, in a small array that stays in cache.
    struct Rule {
        double capacity_units;
        core::Duration max_wait; // the longest a train waits to fill; negative: no limit
        bool when_full;          // departs as soon as it is full
        bool train;              // a train service (else vessels)
    };
    // Trains boarding at the same place for the same leg of a service. One cache line each: a
    // consignment boarding touches one.
    struct alignas(64) Consolidator {
        ServiceId service;
        LegId leg;  // the leg the trains ride
        NodeId at;  // where they board: the leg's start (a departure reads no consignment for it)
        std::vector<ConsignmentId> waiting;
        double units = 0;
        core::EventId timer{};
        bool timer_set = false;
    };

    // The first boarding for a leg: its consolidator, and the first of its timetable's departures.
    void start_consolidator(ServiceId s, LegId leg, NodeId at, core::Engine& engine);

    const Scenario& sc_;
    core::HandlerId h_timer_, h_timetable_;
    core::IdVector<ServiceId, Rule> rules_;
    core::IdVector<ServiceId, double> base_capacity_;
    core::IdVector<ServiceId, std::uint32_t> trains_run_; // trains departed (their numbers)
    core::IdVector<ConsolidatorId, Consolidator> consolidators_;
    core::IdVector<LegId, ConsolidatorId> of_leg_; // a leg has one service: the leg names its trains
};

// Boarding and departing run once per consignment and train: defined here, so that the
// simulation's handlers inline them.

inline ConsolidatorId TrainDispatch::board(ConsignmentId c, double units, ServiceId s, LegId leg, NodeId at,
                                           core::Engine& engine, bool& departs) {
    if (of_leg_.size() <= leg.index() || !of_leg_[leg].valid()) [[unlikely]] start_consolidator(s, leg, at, engine);
    const ConsolidatorId k = of_leg_[leg];
    Consolidator& con = consolidators_[k];
    SIM_ASSERT(at == con.at, "a leg's trains board at its start");
    con.waiting.push_back(c);
    con.units += units;
    const Rule& rule = rules_[s];
    departs = rule.when_full && con.units >= rule.capacity_units;
    if (!departs && !con.timer_set && rule.max_wait >= core::Duration{0}) {
        con.timer = engine.schedule_cancellable_in(rule.max_wait, h_timer_, k.index());
        con.timer_set = true;
    }
    return k;
}

inline void TrainDispatch::wait_for_more(ConsolidatorId k, core::Engine& engine) {
    Consolidator& con = consolidators_[k];
    const Rule& rule = rules_[con.service];
    if (con.timer_set || con.waiting.empty() || rule.max_wait < core::Duration{0}) return;
    con.timer = engine.schedule_cancellable_in(rule.max_wait, h_timer_, k.index());
    con.timer_set = true;
}

inline bool TrainDispatch::load(ConsolidatorId k, Vehicle& train, const Consignments& cons, core::Engine& engine) {
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
            train.hazardous = train.hazardous || cons[c].hazardous;
        } else {
            con.waiting[left++] = c;
        }
    }
    con.waiting.resize(left);
    con.units = 0;
    for (const auto c : con.waiting) con.units += cons[c].units;
    return !con.waiting.empty() && rule.when_full && con.units >= rule.capacity_units;
}

} // namespace corridor::logistics::detail
