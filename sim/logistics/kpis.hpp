// The key performance indicators of a run, each with its name and unit, defined once: the result
// tables, summary.json, comparisons and the report list them from here.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sim/logistics/result.hpp"

namespace corridor::logistics {

/// What a KPI counts or measures; the files name it with the flow's cargo unit or the
/// resource's served and capacity units where those apply (unit_name).
enum class KpiUnit : std::uint8_t {
    consignments,       // counted one by one (a consignment is one unit, or a batch's remainder)
    cargo_units,        // TEU, wagons, trucks, tonnes: the flow's cargo class unit
    cargo_units_per_day,
    hours,
    share,              // a fraction in [0, 1]
    usd_per_cargo_unit,
    kg_co2e_per_cargo_unit,
    served,             // the resource's served unit (vehicles, consignments, berth visits, trains)
    capacity,           // the resource's capacity unit (lanes, cranes, berths, paths a day)
};

struct FlowKpi {
    std::string_view name;   // in long tables' kpi column: "transit_mean"
    std::string_view column; // in wide tables, its unit in the name: "transit_mean_h"
    KpiUnit unit;
    /// Its value in a replication; nullopt where it is not defined (on-time share without a target).
    std::optional<double> (*value)(const FlowResult&);
    bool headline;           // in the comparison's table and the report's headline
};

struct ResourceKpi {
    std::string_view name;
    std::string_view column;
    KpiUnit unit;
    double (*value)(const ResourceResult&);
    bool headline;
};

/// Every flow KPI, in the order of the files' rows and columns.
std::span<const FlowKpi> flow_kpis();
/// The resource KPIs that apply to `resource` (what it serves, queues and holds; weather has only
/// its share of time in storm).
std::span<const ResourceKpi> resource_kpis(const ResourceResult& resource);
/// Every resource KPI, in order (the wide table's columns).
std::span<const ResourceKpi> all_resource_kpis();

/// The unit as the files write it: "consignments", "teu", "teu_per_day", "h", "share",
/// "usd_per_teu", "kg_co2e_per_teu", or the resource's served or capacity unit.
std::string unit_name(KpiUnit unit, std::string_view cargo_unit, const ResourceResult* resource = nullptr);

/// The feasible range of a KPI in that unit: shares within [0, 1], everything else at least 0.
/// Confidence intervals are clipped to it.
struct FeasibleRange {
    double low = 0;
    double high;
};
FeasibleRange feasible_range(KpiUnit unit);

} // namespace corridor::logistics
