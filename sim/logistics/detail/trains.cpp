// Trains: consignments boarding for one leg of a train service consolidate until the service's
// rule lets a train go: when full, after a maximum wait, or on a timetable.
#include <algorithm>
#include <cmath>

#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

void Simulation::board_train(std::uint32_t c, std::uint32_t service, std::uint32_t leg) {
    // A leg has one service, so the leg alone names its consolidator.
    if (consolidator_of_leg_[leg] == kNone) {
        consolidator_of_leg_[leg] = static_cast<std::uint32_t>(consolidators_.size());
        consolidators_.push_back(Consolidator{service, leg, cons_[c].at, {}, 0, {}, false});
        const auto& policy = sc_.services[service].departure;
        if (policy.every_h && *policy.every_h > 0) {
            engine_.schedule_at(next_on_timetable(policy), h_timetable_, consolidator_of_leg_[leg]);
        }
    }
    const auto k = consolidator_of_leg_[leg];
    Consolidator& con = consolidators_[k];
    SIM_ASSERT(cons_[c].at == con.at, "a leg's trains board at its start");
    con.waiting.push_back(c);
    con.units += cons_[c].units;
    log_custody(c, "boarded", sc_.services[service].name);
    const ServiceRule& rule = rules_[service];
    if (rule.when_full && con.units >= rule.capacity_units) {
        depart_train(k);
        return;
    }
    if (!con.timer_set && rule.max_wait >= Duration{0}) {
        con.timer = engine_.schedule_cancellable_in(rule.max_wait, h_train_timer_, k);
        con.timer_set = true;
    }
}

void Simulation::on_train_timer(core::Engine&, std::uint64_t payload) {
    const auto k = static_cast<std::uint32_t>(payload);
    consolidators_[k].timer_set = false;
    if (!consolidators_[k].waiting.empty()) depart_train(k);
}

void Simulation::on_timetable(core::Engine& engine, std::uint64_t payload) {
    const auto k = static_cast<std::uint32_t>(payload);
    if (!consolidators_[k].waiting.empty()) depart_train(k);
    const auto& policy = sc_.services[consolidators_[k].service].departure;
    const SimTime next = engine.now() + hours(*policy.every_h);
    if (next <= SimTime{} + sc_.horizon) engine.schedule_at(next, h_timetable_, k);
}

void Simulation::depart_train(std::uint32_t k) {
    Consolidator& con = consolidators_[k];
    const ServiceRule& rule = rules_[con.service];
    if (con.timer_set) {
        engine_.cancel(con.timer);
        con.timer_set = false;
    }
    // Board in arrival order up to the capacity.
    const auto v = new_vehicle(VehicleKind::train, con.service, con.at);
    Vehicle& train = vehicles_[v];
    set_leg(train, con.leg);
    train.number = ++trains_run_[con.service];
    // Those left behind stay in the consolidator's own list, in order.
    std::size_t left = 0;
    for (const auto c : con.waiting) {
        if (train.load.empty() || train.units + cons_[c].units <= rule.capacity_units) {
            train.load.push_back(c);
            train.units += cons_[c].units;
            train.custodial = train.custodial || cons_[c].custody;
        } else {
            con.waiting[left++] = c;
        }
    }
    log_load(v, "loaded", train.at);
    con.waiting.resize(left);
    con.units = 0;
    for (const auto c : con.waiting) con.units += cons_[c].units;
    if (!con.waiting.empty()) {
        if (rule.when_full && con.units >= rule.capacity_units) {
            depart_train(k); // one more full train (vehicles_ may grow: `train` is not used below)
        } else if (rule.max_wait >= Duration{0}) {
            con.timer = engine_.schedule_cancellable_in(rule.max_wait, h_train_timer_, k);
            con.timer_set = true;
        }
    }
    start_trip(v);
    if (service_closed_[vehicles_[v].service] > 0) {
        use_all(vehicles_[v], TimeUse::disruption);
        service_waiting_[vehicles_[v].service].push_back(v);
        return;
    }
    ready(v);
}

// The first departure on a timetable at or after now (offset_h + k × every_h).
SimTime Simulation::next_on_timetable(const DeparturePolicy& policy) const {
    const double period = *policy.every_h * 3600.0;
    const double now = static_cast<double>(engine_.now().seconds());
    const double k = std::ceil((now - policy.offset_h * 3600.0) / period);
    const auto at = static_cast<std::int64_t>(policy.offset_h * 3600.0 + std::max(0.0, k) * period);
    return core::at_seconds(std::max<std::int64_t>(at, engine_.now().seconds()));
}

} // namespace corridor::logistics::detail
