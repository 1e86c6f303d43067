// Result collection: per-flow statistics as consignments are created and delivered, the daily
// series, and the run's result at the horizon.
#include "sim/logistics/detail/result_collector.hpp"

#include <algorithm>

namespace corridor::logistics::detail {

ResultCollector::ResultCollector(const network::Network& net, const Scenario& sc, bool keep_shipments)
    : net_{net}, sc_{sc}, keep_shipments_{keep_shipments} {
    stats_.resize(sc.flows.size());
    created_by_flow_.resize(sc.flows.size());
    today_delivered_.assign(sc.flows.size(), 0.0);
    today_created_.assign(sc.flows.size(), 0.0);
}

ShipmentId ResultCollector::created(FlowId f, double units, bool counted) {
    const ShipmentId id{static_cast<std::uint32_t>(created_)};
    ++created_;
    peak_in_system_ = std::max(peak_in_system_, created_ - delivered_);
    today_created_[f.index()] += units;
    if (counted) {
        ++created_by_flow_[f].created;
        created_by_flow_[f].units += units;
    }
    return id;
}

void ResultCollector::add_day(std::uint32_t day, std::vector<double> queues, std::vector<double> storm) {
    DailyPoint point;
    point.day = day;
    point.queue = std::move(queues);
    point.storm = std::move(storm);
    point.delivered.reserve(today_delivered_.size());
    for (const double units : today_delivered_) point.delivered.emplace_back(units);
    std::fill(today_delivered_.begin(), today_delivered_.end(), 0.0);
    point.created.reserve(today_created_.size());
    for (const double units : today_created_) point.created.emplace_back(units);
    std::fill(today_created_.begin(), today_created_.end(), 0.0);
    daily_.push_back(std::move(point));
}

RunResult ResultCollector::finish(const Consignments& cons, core::Duration measured) {
    RunResult result;
    result.created = created_;
    result.delivered = delivered_;
    result.in_system = created_ - delivered_;
    result.peak_in_system = peak_in_system_;
    result.peak_pending_events = peak_pending_;
    const double days = static_cast<double>(measured.count()) / 86400.0;
    result.flows.reserve(sc_.flows.size());
    for (const auto f : stats_.ids()) {
        auto& fs = stats_[f]; // its quantiles reorder their samples (selection)
        const auto& made = created_by_flow_[f];
        FlowResult r;
        r.name = sc_.flows[f.index()].name;
        const auto& cargo = net_.cargo_classes()[sc_.flows[f.index()].cargo.index()];
        r.cargo_class = cargo.name;
        r.unit = cargo.unit;
        r.created = made.created;
        r.delivered = fs.delivered;
        r.in_system = made.created - fs.delivered;
        r.units_created = core::Units{made.units};
        r.units_delivered = core::Units{fs.units_delivered};
        r.throughput_units_per_day = core::UnitsPerDay{days > 0 ? fs.units_delivered / days : 0};
        if (fs.delivered > 0) {
            r.transit_mean_h = core::Hours{fs.transit_stats.mean()};
            r.transit_p50_h = core::Hours{fs.transit.quantile(0.5)};
            r.transit_p90_h = core::Hours{fs.transit.quantile(0.9)};
            r.transit_p95_h = core::Hours{fs.transit.quantile(0.95)};
            r.transit_max_h = core::Hours{fs.transit_stats.max()};
            r.transit_quantiles_exact = fs.transit.exact();
            r.usd_per_unit = core::Usd{fs.usd.mean()};
            r.kg_co2e_per_unit = core::KgCo2e{fs.kg.mean()};
            for (std::size_t u = 0; u < kTimeUses; ++u) {
                r.mean_hours[u] = core::Hours{fs.hours[u] / static_cast<double>(fs.delivered)};
            }
            if (sc_.flows[f.index()].target_days) {
                r.on_time_share = static_cast<double>(fs.on_time) / static_cast<double>(fs.delivered);
            }
        }
        result.flows.push_back(std::move(r));
    }
    // Close the books: those still in the system, their time up to the horizon already added.
    for (ConsignmentId c{0}; c.index() < cons.slots(); c = ConsignmentId{c.index() + 1}) {
        if (cons[c].live && keep_shipments_) shipments_.push_back(record_of(cons[c], std::nullopt));
    }
    std::sort(shipments_.begin(), shipments_.end(),
              [](const ShipmentRecord& a, const ShipmentRecord& b) { return a.id < b.id; });
    if (keep_shipments_) result.shipments = std::move(shipments_);
    result.custody = std::move(custody_);
    result.daily = std::move(daily_);
    return result;
}

} // namespace corridor::logistics::detail
