// What a run produces: per consignment, per flow, per resource, daily series and custody logs.
// Times are hours unless a name says otherwise; money in USD per the units moved; CO2e in kg.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/id_vector.hpp"
#include "sim/core/ids.hpp"
#include "sim/core/time.hpp"
#include "sim/core/units.hpp"

namespace corridor::logistics {

/// Where a consignment's time went. The categories partition its time in the system.
enum class TimeUse : std::uint8_t { moving, waiting, border, transshipment, port, weather, disruption };
inline constexpr std::size_t kTimeUses = 7;
inline constexpr std::array<const char*, kTimeUses> kTimeUseNames = {
    "moving", "waiting", "border", "transshipment", "port", "weather", "disruption"};

struct ShipmentRecord {
    core::ShipmentId id;            // creation order within the replication
    core::FlowId flow;
    core::Units units{1};
    core::SimTime created;
    std::optional<core::SimTime> delivered;
    core::RouteId route;            // in RunResult::routes (the links it rode); invalid: it had none
    std::array<std::int64_t, kTimeUses> seconds{}; // time by use, summing to its time in system
    core::Usd usd{0};
    core::KgCo2e kg_co2e{0};
};

struct CustodyEvent {
    core::ShipmentId shipment;
    core::FlowId flow;
    core::SimTime at;
    core::NodeId node;
    std::string event;  // created, boarded, loaded, departed, cleared, arrived, transshipped, delivered
    std::string holder; // the flow, a service, "service / vessel", "service / train n", "truck n", a node
};

/// A flow's transit-time quantiles are exact while it delivers at most this many consignments
/// in a replication (2 MiB of samples per flow).
inline constexpr std::size_t kExactTransits = std::size_t{1} << 18;

struct FlowResult {
    std::string name;
    std::string cargo_class;         // its class ("container") and the class's unit ("teu")
    std::string unit;
    std::uint64_t created = 0;       // consignments created after warm-up
    std::uint64_t delivered = 0;     // of those, delivered by the horizon
    std::uint64_t in_system = 0;     // of those, still moving or waiting at the horizon
    core::Units units_created{0}, units_delivered{0};
    core::UnitsPerDay throughput_units_per_day{0};
    core::Hours transit_mean_h{0}, transit_p50_h{0}, transit_p90_h{0}, transit_p95_h{0}, transit_max_h{0};
    // The quantiles are exact (type 7 over every delivery) up to kExactTransits deliveries, and
    // from a sketch with 1% relative error beyond.
    bool transit_quantiles_exact = true;
    std::optional<double> on_time_share;
    core::Usd usd_per_unit{0};
    core::KgCo2e kg_co2e_per_unit{0};
    std::array<core::Hours, kTimeUses> mean_hours{}; // per delivered consignment
};

/// A resource of the run: a border's lanes in one direction, a node's cranes or berths, a line
/// (a link with a capacity of train paths), a vessel, a sea area's weather.
struct ResourceResult {
    std::string kind;          // border, cranes, berths, line, vessel, weather
    std::string id;            // its node, link, vessel or sea area
    std::string direction;     // borders: "in" (entering the node's country) or "out"; else empty
    std::string served_unit;   // what it serves, queues and counts: vehicles, consignments, berth_visits,
                               // trains; empty where it serves nothing (vessels, weather)
    double capacity = 0;       // in capacity_unit
    std::string capacity_unit; // lanes, cranes, berths, paths_per_day; empty: none
    double utilisation = 0;    // share of the capacity busy (weather: share of the time in storm)
    double queue_mean = 0, queue_max = 0; // time-weighted, in served_unit
    core::Hours wait_mean_h{0}, wait_p95_h{0};
    std::uint64_t served = 0;  // in served_unit, after the warm-up
    /// "border DOS in", "cranes AKH", "line DOS-MOY": kind, id and direction in one.
    [[nodiscard]] std::string key() const { return kind + " " + id + (direction.empty() ? "" : " " + direction); }
};

struct DailyPoint {
    std::uint32_t day = 0;
    std::vector<double> queue;        // per resource, at the end of the day
    std::vector<core::Units> delivered; // per flow, units delivered that day
    std::vector<core::Units> created;   // per flow, units created that day (warm-up included, as delivered)
    std::vector<double> storm;          // per sea area (scenario order), the share of the day in storm
};

struct RunResult {
    core::IdVector<core::RouteId, std::vector<core::LinkId>> routes; // every distinct route ridden
    std::vector<FlowResult> flows;
    std::vector<ResourceResult> resources;
    std::vector<ShipmentRecord> shipments;
    std::vector<CustodyEvent> custody;
    std::vector<DailyPoint> daily;
    std::uint64_t events = 0;
    std::uint64_t created = 0, delivered = 0, in_system = 0; // all consignments, warm-up included
    std::uint64_t peak_in_system = 0; // most consignments in the system at once
    std::uint64_t peak_pending_events = 0; // most events pending in the engine at a daily snapshot
    std::uint64_t route_searches = 0; // route searches made (a flow's routes for a network state, re-plans)
    bool cancelled = false;           // stopped by RunConfig::cancel before the horizon
};

} // namespace corridor::logistics
