// Result collection: what a run counts as it goes (per flow: creations, deliveries, transit
// times, costs, time by use; per day: queues and deliveries; every shipment's record and the
// custody logs) and the flows' rows at the end. Owns those statistics. Touches nothing of other
// components: they add their own resource rows (add_results).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/id_vector.hpp"
#include "sim/core/quantiles.hpp"
#include "sim/core/running_stats.hpp"
#include "sim/logistics/detail/consignment.hpp"
#include "sim/logistics/detail/demand.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"

namespace corridor::logistics::detail {

class ResultCollector {
public:
    ResultCollector(const network::Network& net, const Scenario& sc, bool keep_shipments);

    /// A consignment of `units` of flow f entered the system (`counted`: after the warm-up);
    /// returns its shipment number (creation order).
    ShipmentId created(FlowId f, double units, bool counted);
    /// Consignment `con` was delivered at `now`.
    void delivered(const Consignment& con, core::SimTime now, const FlowEnd& end);
    /// One entry of a consignment's chain-of-custody log.
    void log_custody(ShipmentId shipment, FlowId flow, core::SimTime at, NodeId node, const char* event,
                     std::string holder) {
        custody_.push_back(CustodyEvent{shipment, flow, at, node, event, std::move(holder)});
    }
    /// The daily point for `day`: the pools' queues as given, the units each flow delivered
    /// since the last point.
    void add_day(std::uint32_t day, std::vector<double> queues, std::vector<double> storm);
    void note_pending(std::size_t pending) { peak_pending_ = std::max<std::uint64_t>(peak_pending_, pending); }

    /// The run's result: counts, flows, shipments (those still in the system from `live`), the
    /// custody logs and the daily series; resources and routes are the caller's to add.
    RunResult finish(const Consignments& cons, core::Duration measured);

private:
    struct alignas(64) FlowStats { // a delivery updates it all
        std::uint64_t delivered = 0, on_time = 0;
        double units_delivered = 0;
        // Transit-time quantiles: exact up to kExactTransits deliveries, then to within 1%.
        core::BoundedQuantiles transit{kExactTransits, 0.01, 1e-3};
        core::RunningStats transit_stats, usd, kg;
        std::array<double, kTimeUses> hours{};
    };
    struct FlowCreated {
        std::uint64_t created = 0; // after the warm-up
        double units = 0;
    };
    static ShipmentRecord record_of(const Consignment& con, std::optional<core::SimTime> delivered);

    const network::Network& net_;
    const Scenario& sc_;
    bool keep_shipments_;
    core::IdVector<FlowId, FlowStats> stats_;
    core::IdVector<FlowId, FlowCreated> created_by_flow_;
    std::vector<double> today_delivered_; // per flow, units delivered since the last daily point
    std::vector<double> today_created_;   // per flow, units created since the last daily point
    std::vector<DailyPoint> daily_;
    std::vector<ShipmentRecord> shipments_;
    std::vector<CustodyEvent> custody_;
    std::uint64_t created_ = 0, delivered_ = 0, peak_in_system_ = 0;
    std::uint64_t peak_pending_ = 0; // most events pending at a daily snapshot
};

// Once per delivery: defined here, so that the simulation inlines it.
inline void ResultCollector::delivered(const Consignment& con, core::SimTime now, const FlowEnd& end) {
    ++delivered_;
    if (con.counted) {
        auto& fs = stats_[con.flow];
        ++fs.delivered;
        fs.units_delivered += con.units;
        const double h = static_cast<double>((now - con.created).count()) / 3600.0;
        fs.transit.add(h);
        fs.transit_stats.add(h);
        fs.usd.add(con.usd / con.units);
        fs.kg.add(con.kg_co2e / con.units);
        for (std::size_t u = 0; u < kTimeUses; ++u) fs.hours[u] += static_cast<double>(con.seconds[u]) / 3600.0;
        if (end.has_target && h <= end.target_h) ++fs.on_time;
    }
    today_delivered_[con.flow.index()] += con.units;
    if (keep_shipments_) shipments_.push_back(record_of(con, now));
}

inline ShipmentRecord ResultCollector::record_of(const Consignment& con, std::optional<core::SimTime> delivered) {
    ShipmentRecord r;
    r.id = con.id;
    r.flow = con.flow;
    r.units = core::Units{con.units};
    r.created = con.created;
    r.delivered = delivered;
    r.route = con.route;
    for (std::size_t u = 0; u < kTimeUses; ++u) r.seconds[u] = con.seconds[u];
    r.usd = core::Usd{con.usd};
    r.kg_co2e = core::KgCo2e{con.kg_co2e};
    return r;
}

} // namespace corridor::logistics::detail
