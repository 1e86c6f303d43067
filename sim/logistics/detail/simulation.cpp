// The simulation's set-up and run: the components built, the first events scheduled, the day's
// snapshot, the end of the warm-up, and the results gathered from every component.
#include "sim/logistics/detail/simulation.hpp"

#include <algorithm>

namespace corridor::logistics::detail {

Simulation::Simulation(const network::Network& net, const Scenario& sc, const RunConfig& cfg)
    : net_{net},
      sc_{sc},
      cfg_{cfg},
      h_{register_handlers(engine_, *this)},
      links_{net},
      demand_{net, sc, cfg.replication},
      routes_{net, sc, cfg.replication},
      legs_{net, sc},
      trains_{sc, h_.train_timer, h_.timetable},
      fleet_{net, sc, cfg.replication, h_.vessel_timer, h_.vessel_timetable},
      nodes_{net, sc, cfg.replication},
      weather_{sc, cfg.replication, h_.weather},
      disruptions_{net, sc},
      results_{net, sc, cfg.keep_shipments} {}

Simulation::Handlers Simulation::register_handlers(core::Engine& engine, Simulation& sim) {
    Handlers h;
    h.arrival = engine.add_handler<&Simulation::on_arrival>(sim, "flow arrival");
    register_link_step(engine, sim, h);
    h.border_done = engine.add_handler<&Simulation::on_border_done>(sim, "border done");
    h.crane_done = engine.add_handler<&Simulation::on_crane_done>(sim, "crane done");
    h.setup_done = engine.add_handler<&Simulation::on_setup_done>(sim, "transshipment setup done");
    h.train_timer = engine.add_handler<&Simulation::on_train_timer>(sim, "train departure timer");
    h.timetable = engine.add_handler<&Simulation::on_timetable>(sim, "train timetable");
    h.vessel_timer = engine.add_handler<&Simulation::on_vessel_timer>(sim, "vessel departure timer");
    h.vessel_loaded = engine.add_handler<&Simulation::on_vessel_loaded>(sim, "vessel loaded");
    h.vessel_unloaded = engine.add_handler<&Simulation::on_vessel_unloaded>(sim, "vessel unloaded");
    h.weather = engine.add_handler<&Simulation::on_weather>(sim, "weather change");
    h.disruption_start = engine.add_handler<&Simulation::on_disruption_start>(sim, "disruption starts");
    h.disruption_end = engine.add_handler<&Simulation::on_disruption_end>(sim, "disruption ends");
    h.day = engine.add_handler<&Simulation::on_day>(sim, "daily snapshot");
    h.warmup = engine.add_handler<&Simulation::on_warmup>(sim, "end of warm-up");
    h.border_hours = engine.add_handler<&Simulation::on_border_hours>(sim, "border opens or closes");
    h.vessel_timetable = engine.add_handler<&Simulation::on_vessel_timetable>(sim, "vessel timetable");
    h.yard_room = engine.add_handler<&Simulation::on_yard_room>(sim, "room in a yard");
    return h;
}

network::Date Simulation::today() const {
    return network::Date{sc_.start_date.days + static_cast<std::int32_t>(engine_.now().seconds() / 86400)};
}

RunResult Simulation::run() {
    for (const auto f : demand_.flows()) {
        if (sc_.flows[f.index()].units_per_day.value() > 0) {
            engine_.schedule_at(SimTime{} + demand_.next_gap(f, demand_.month(engine_.now())), h_.arrival, f.index());
        }
    }
    weather_.start(engine_, horizon());
    nodes_.start_border_hours(engine_, h_.border_hours);
    fleet_.start_timetables(engine_);
    for (std::uint32_t d = 0; d < sc_.disruptions.size(); ++d) {
        const auto& dis = sc_.disruptions[d];
        if (dis.from <= horizon()) engine_.schedule_at(dis.from, h_.disruption_start, d);
        if (dis.until <= horizon()) engine_.schedule_at(dis.until, h_.disruption_end, d);
    }
    engine_.schedule_at(SimTime{} + Duration{86400}, h_.day, 1);
    if (sc_.warmup.count() > 0 && sc_.warmup < sc_.horizon) engine_.schedule_at(SimTime{} + sc_.warmup, h_.warmup, 0);
    // Ctrl-C reaches the engine directly too, so it stops a run even where simulated days pass
    // slowly (the daily check below).
    engine_.set_interrupt(cfg_.cancel);
    engine_.run_until(horizon());
    if (engine_.interrupted()) cancelled_ = true;
    return finish();
}

void Simulation::on_day(core::Engine& engine, std::uint64_t payload) {
    results_.note_pending(engine.pending());
    if (cfg_.days_simulated != nullptr) cfg_.days_simulated->fetch_add(1, std::memory_order_relaxed);
    if (cfg_.cancel && cfg_.cancel->load(std::memory_order_relaxed)) {
        cancelled_ = true;
        engine.stop();
        return;
    }
    std::vector<double> queues;
    nodes_.queue_snapshot(queues);
    std::vector<double> storms;
    weather_.end_day(engine.now(), storms);
    results_.add_day(static_cast<std::uint32_t>(payload), std::move(queues), std::move(storms));
    // A planned link opening today changes the routes to choose, and lets go the vehicles that
    // fixed routes brought to it before its day (unless a disruption holds it closed).
    const auto opening = links_.opening_on(today().days);
    if (!opening.empty()) {
        routes_.network_changed();
        for (const auto l : opening) {
            if (!links_[l].closed) release_link(l);
        }
        retry_unrouted();
    }
    const SimTime next = engine.now() + Duration{86400};
    if (next <= horizon()) engine.schedule_at(next, h_.day, payload + 1);
}

void Simulation::on_warmup(core::Engine& engine, std::uint64_t) {
    nodes_.reset_statistics(engine.now());
    links_.reset_statistics(engine.now());
    fleet_.reset_statistics(engine.now());
}

RunResult Simulation::finish() {
    if (cancelled_) {
        RunResult cancelled;
        cancelled.cancelled = true;
        return cancelled;
    }
    const SimTime end = horizon();
    // Close the books: time in system up to the horizon for those still moving, aboard or not.
    vehicles_.close_trips(end, cons_);
    for (ConsignmentId c{0}; c.index() < cons_.slots(); c = ConsignmentId{c.index() + 1}) {
        if (cons_[c].live) use(c, cons_[c].use);
    }
    RunResult result = results_.finish(cons_, sc_.horizon - sc_.warmup);
    result.events = engine_.events_processed();
    result.route_searches = routes_.searches();
    // Sized once: on large networks the lines are hundreds of thousands of rows, and growing the
    // vector by doubling copied them and touched twice the memory.
    result.resources.reserve(nodes_.pool_count() + links_.lines_used() + fleet_.size() + sc_.areas.size());
    nodes_.add_results(end, result.resources);
    links_.add_results(net_, end, sc_.horizon - sc_.warmup, result.resources);
    fleet_.add_results(end, result.resources);
    weather_.add_results(end, result.resources);
    result.routes = routes_.take_routes(); // the run is over: nothing reads them again
    return result;
}

} // namespace corridor::logistics::detail
