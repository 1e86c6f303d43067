// Trains: consignments board for their leg (TrainDispatch decides when a train goes); a train
// that goes takes its load on its leg, or waits while its service is closed.
#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

void Simulation::board_train(ConsignmentId c, ServiceId s, LegId leg) {
    const Consignment& con = cons_[c];
    log_custody(c, "boarded", sc_.services[s.index()].name, con.at);
    bool departs = false;
    const ConsolidatorId k = trains_.board(c, con.units, s, leg, con.at, engine_, departs);
    if (departs) depart_train(k);
}

void Simulation::depart_train(ConsolidatorId k) {
    const VehicleId v = vehicles_.make(VehicleKind::train, trains_.service(k), trains_.at(k));
    set_leg(v, trains_.leg(k));
    const bool another = trains_.load(k, vehicles_[v], cons_, engine_);
    log_load(v, "loaded", vehicles_[v].at);
    if (another) {
        depart_train(k); // one more full train (vehicles_ may grow: no reference to this one is kept)
    } else {
        trains_.wait_for_more(k, engine_);
    }
    start_trip(v);
    const ServiceId service = vehicles_[v].service;
    if (disruptions_.service_closed(service)) {
        use_all(v, TimeUse::disruption);
        disruptions_.hold_for_service(service, v);
        return;
    }
    ready(v);
}

void Simulation::on_train_timer(core::Engine&, std::uint64_t payload) {
    const ConsolidatorId k{static_cast<std::uint32_t>(payload)};
    if (trains_.timer_fired(k)) depart_train(k);
}

void Simulation::on_timetable(core::Engine& engine, std::uint64_t payload) {
    const ConsolidatorId k{static_cast<std::uint32_t>(payload)};
    if (trains_.has_waiting(k)) depart_train(k);
    trains_.next_departure(k, engine, horizon());
}

} // namespace corridor::logistics::detail
