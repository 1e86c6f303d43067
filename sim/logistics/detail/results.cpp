// Daily series, the end of the warm-up, and the results: per flow, per resource, per shipment.
#include <algorithm>

#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

ShipmentRecord Simulation::record_of(const Consignment& con, std::optional<SimTime> delivered) const {
    ShipmentRecord r;
    r.id = con.id;
    r.flow = con.flow;
    r.units = con.units;
    r.created = con.created;
    r.delivered = delivered;
    r.route = con.route;
    for (std::size_t u = 0; u < kTimeUses; ++u) r.seconds[u] = con.seconds[u];
    r.usd = con.usd;
    r.kg_co2e = con.kg_co2e;
    return r;
}

void Simulation::on_day(core::Engine& engine, std::uint64_t payload) {
    peak_pending_ = std::max<std::uint64_t>(peak_pending_, engine.pending());
    if (cfg_.cancel && cfg_.cancel->load(std::memory_order_relaxed)) {
        cancelled_ = true;
        engine.stop();
        return;
    }
    DailyPoint point;
    point.day = static_cast<std::uint32_t>(payload);
    point.queue.reserve(pools_.size());
    for (const auto& pool : pools_) point.queue.push_back(static_cast<double>(pool.queued()));
    point.delivered = today_delivered_;
    std::fill(today_delivered_.begin(), today_delivered_.end(), 0.0);
    daily_.push_back(std::move(point));
    // A planned link opening today changes the routes to choose, and lets go the vehicles that
    // fixed routes brought to it before its day (unless a disruption holds it closed).
    const auto day = today().days;
    const auto first = std::lower_bound(openings_.begin(), openings_.end(), std::pair{day, std::uint32_t{0}});
    if (first != openings_.end() && first->first == day) {
        ++network_version_;
        for (auto it = first; it != openings_.end() && it->first == day; ++it) {
            if (!links_[it->second].closed) release_link(it->second);
        }
        retry_unrouted();
    }
    const SimTime next = engine.now() + Duration{86400};
    if (next <= SimTime{} + sc_.horizon) engine.schedule_at(next, h_day_, payload + 1);
}

void Simulation::on_warmup(core::Engine& engine, std::uint64_t) {
    for (auto& pool : pools_) pool.reset_statistics(engine.now());
    for (auto& link : links_) {
        link.trains = 0;
        link.busy_seconds = 0;
    }
    for (auto& state : link_state_) state.path_wait_h = 0;
    for (auto& vessel : fleet_) vessel.busy.reset(engine.now());
}

RunResult Simulation::finish() {
    const SimTime end = SimTime{} + sc_.horizon;
    RunResult result;
    result.cancelled = cancelled_;
    if (cancelled_) return result;
    result.events = engine_.events_processed();
    result.created = created_;
    result.delivered = delivered_;
    result.in_system = created_ - delivered_;
    result.peak_in_system = peak_in_system_;
    result.peak_pending_events = peak_pending_;
    result.route_searches = route_searches_;
    const double days = static_cast<double>((sc_.horizon - sc_.warmup).count()) / 86400.0;
    result.flows.reserve(sc_.flows.size());
    for (std::uint32_t f = 0; f < sc_.flows.size(); ++f) {
        auto& fs = flow_stats_[f];
        FlowResult r;
        r.name = sc_.flows[f].name;
        const FlowStart& start = flow_starts_[f];
        r.created = start.created;
        r.delivered = fs.delivered;
        r.in_system = start.created - fs.delivered;
        r.units_created = start.units_created;
        r.units_delivered = fs.units_delivered;
        r.throughput_units_per_day = days > 0 ? fs.units_delivered / days : 0;
        if (fs.delivered > 0) {
            r.transit_mean_h = fs.transit_stats.mean();
            r.transit_p50_h = fs.transit.quantile(0.5);
            r.transit_p90_h = fs.transit.quantile(0.9);
            r.transit_p95_h = fs.transit.quantile(0.95);
            r.transit_max_h = fs.transit_stats.max();
            r.usd_per_unit = fs.usd.mean();
            r.kg_co2e_per_unit = fs.kg.mean();
            for (std::size_t u = 0; u < kTimeUses; ++u) r.mean_hours[u] = fs.hours[u] / static_cast<double>(fs.delivered);
            if (sc_.flows[f].target_days) r.on_time_share = static_cast<double>(fs.on_time) / static_cast<double>(fs.delivered);
        }
        result.flows.push_back(std::move(r));
    }
    // Sized once: on large networks the lines are hundreds of thousands of rows, and growing the
    // vector by doubling copied them and touched twice the memory (a tenth of a second at 10^5 nodes).
    std::size_t lines = 0;
    for (const auto& link : links_) lines += link.paced && link.trains != 0 ? 1 : 0;
    result.resources.reserve(pools_.size() + lines + fleet_.size() + areas_.size());
    for (const auto& pool : pools_) {
        ResourceResult r;
        r.name = pool.name();
        r.kind = pool.kind();
        r.servers = pool.servers();
        r.utilisation = pool.utilisation(end);
        r.queue_mean = pool.queue_mean(end);
        r.queue_max = pool.queue_max();
        r.wait_mean_h = pool.waits_h().count() ? pool.waits_h().mean() : 0;
        r.wait_p95_h = pool.waits_h().count() ? pool.wait_quantile_h(0.95) : 0;
        r.served = pool.served();
        result.resources.push_back(std::move(r));
    }
    const double span = static_cast<double>((sc_.horizon - sc_.warmup).count());
    for (std::uint32_t l = 0; l < net_.link_count(); ++l) {
        const auto& link = links_[l];
        if (!link.paced || link.trains == 0) continue; // paced: it has a capacity
        const auto& spec = net_.link(core::LinkId{l});
        ResourceResult r;
        r.name = "line " + spec.name;
        r.kind = "line";
        r.servers = spec.capacity_per_day;
        r.utilisation = span > 0 ? std::min(1.0, static_cast<double>(link.busy_seconds) / span) : 0;
        r.wait_mean_h = link_state_[l].path_wait_h / static_cast<double>(link.trains);
        r.served = link.trains;
        result.resources.push_back(std::move(r));
    }
    for (const auto& vessel : fleet_) {
        ResourceResult r;
        r.name = "vessel " + vessel.name;
        r.kind = "vessel";
        r.utilisation = vessel.busy.mean(end);
        result.resources.push_back(std::move(r));
    }
    for (std::uint32_t a = 0; a < areas_.size(); ++a) {
        ResourceResult r;
        r.name = "weather " + sc_.areas[areas_[a].spec].name;
        r.kind = "storm";
        r.utilisation = areas_[a].storm_level.mean(end); // share of time in storm
        result.resources.push_back(std::move(r));
    }
    // Close the books: time in system up to the horizon for those still moving.
    for (std::uint32_t c = 0; c < cons_.size(); ++c) {
        if (!cons_[c].live) continue;
        use(c, cons_[c].use);
        if (cfg_.keep_shipments) shipments_.push_back(record_of(cons_[c], std::nullopt));
    }
    std::sort(shipments_.begin(), shipments_.end(),
              [](const ShipmentRecord& a, const ShipmentRecord& b) { return a.id < b.id; });
    result.routes = std::move(routes_); // the run is over: nothing reads them again
    if (cfg_.keep_shipments) result.shipments = std::move(shipments_);
    result.custody = std::move(custody_);
    result.daily = std::move(daily_);
    return result;
}

} // namespace corridor::logistics::detail
