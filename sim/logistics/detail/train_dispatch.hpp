// Train dispatch: consignments boarding for one leg of a train service consolidate until the
// service's rule lets a train go: when full, after a maximum wait since the first boarded, or on
// a timetable, whichever comes first. Owns the consolidators (one per leg), their departure
// timers and timetables, and each service's rule (a derating scales its capacity). Touches the
// consignments' units and the train it fills; the train then moves as any vehicle does.
#pragma once
#include <cstdint>
#include <vector>

#include "sim/core/engine.hpp"
#include "sim/core/id_vector.hpp"
#include "sim/logistics/detail/consignment.hpp"
#include "sim/logistics/detail/ids.hpp"
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

    /// Boards consignment `c` of `units` for `leg` of service `s` at `at`; true if the train is
    /// now full and departs by the rule. A new consolidator starts its timetable.
    ConsolidatorId board(ConsignmentId c, double units, ServiceId s, LegId leg, NodeId at, core::Engine& engine);
    [[nodiscard]] bool full(ConsolidatorId k) const;
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

    const Scenario& sc_;
    core::HandlerId h_timer_, h_timetable_;
    core::IdVector<ServiceId, Rule> rules_;
    core::IdVector<ServiceId, double> base_capacity_;
    core::IdVector<ServiceId, std::uint32_t> trains_run_; // trains departed (their numbers)
    core::IdVector<ConsolidatorId, Consolidator> consolidators_;
    core::IdVector<LegId, ConsolidatorId> of_leg_; // a leg has one service: the leg names its trains
};

} // namespace corridor::logistics::detail
