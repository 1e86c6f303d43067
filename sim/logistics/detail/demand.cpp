// Demand: each flow's arrivals (Poisson or fixed gaps, seasonal by month, batches) become
// consignments of one unit each, routed by their flow's policy.
#include <algorithm>
#include <cmath>

#include "sim/logistics/detail/simulation.hpp"
#include "sim/logistics/weather.hpp"

namespace corridor::logistics::detail {

Duration Simulation::next_gap(std::uint32_t f) {
    FlowStart& start = flow_starts_[f];
    const double rate = start.rate[static_cast<std::size_t>(this_month())];
    if (rate <= 0) return Duration{86400}; // an empty month: look again tomorrow
    const double mean_h = 24.0 / rate;
    if (start.poisson) {
        return std::max(Duration{1}, hours(-mean_h * std::log(start.random.uniform_open01())));
    }
    return std::max(Duration{1}, hours(mean_h));
}

// The month of now, worked out once a day (twice per flow arrival otherwise).
int Simulation::this_month() {
    const std::int64_t day = engine_.now().seconds() / 86400;
    if (day != month_day_) {
        month_day_ = day;
        month_ = month_of(sc_.start_date, engine_.now());
    }
    return month_;
}

void Simulation::on_arrival(core::Engine& engine, std::uint64_t payload) {
    const auto f = static_cast<std::uint32_t>(payload);
    const FlowStart& start = flow_starts_[f];
    if ((start.active_months >> this_month()) & 1U) create_batch(f, start.batch_units);
    const SimTime next = engine.now() + next_gap(f);
    if (next <= SimTime{} + sc_.horizon) engine.schedule_at(next, h_arrival_, f);
}

// A batch (a block train of 82 TEU) arrives as consignments of one unit each (the last
// takes a fractional remainder), so a vessel or a train can take part of it; they share one
// route choice, as a block train is routed as a whole.
void Simulation::create_batch(std::uint32_t f, double units) {
    FlowStart& start = flow_starts_[f];
    std::uint32_t route = start.route;
    if (start.route_version != network_version_) {
        bool drawn = false; // one of k routes by lot: chosen afresh for each batch, not kept
        route = choose_route(f, start.origin, drawn);
        if (!drawn) {
            start.route = route;
            start.route_version = network_version_;
            start.route_empty = route != kNone && routes_[route].empty();
            start.first_leg = kNone;
        }
    }
    for (double left = units; left > 1e-9; left -= 1.0) create(f, std::min(left, 1.0), route);
}

void Simulation::create(std::uint32_t f, double units, std::uint32_t route) {
    FlowStart& start = flow_starts_[f];
    const bool memo = route == start.route && start.route_version == network_version_;
    std::uint32_t first_leg = memo ? start.first_leg : kNone;
    if (first_leg == kNone && route < route_first_leg_.size()) {
        first_leg = route_first_leg_[route];
        if (memo) start.first_leg = first_leg;
    }
    const bool counted = engine_.now() >= SimTime{} + sc_.warmup;
    const auto id = static_cast<std::uint32_t>(created_);
    const Consignment state{id,    f,      route,         0,   start.origin, TimeUse::waiting, counted, true,
                            start.custody, engine_.now(), units, engine_.now(), 0.0, 0.0, {},
                            first_leg};
    const std::uint32_t c = take_slot(cons_, free_cons_, state);
    cons_[c] = state;
    ++created_;
    peak_in_system_ = std::max(peak_in_system_, created_ - delivered_);
    if (counted) {
        ++start.created;
        start.units_created += units;
    }
    if (start.custody) log_custody(c, "created", sc_.flows[f].name);
    if (route == kNone) {
        // Unreachable: it waits at its origin for a route (counted in the system).
        unrouted_.push_back(c);
        return;
    }
    if (memo ? start.route_empty : routes_[route].empty()) {
        deliver(c);
        return;
    }
    start_leg(c);
}

} // namespace corridor::logistics::detail
