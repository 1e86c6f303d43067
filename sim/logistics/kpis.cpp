// The KPI catalogue.
#include "sim/logistics/kpis.hpp"

#include <array>
#include <limits>

namespace corridor::logistics {

namespace {

using U = KpiUnit;

template <TimeUse Use>
std::optional<double> time_in(const FlowResult& f) {
    return f.mean_hours[static_cast<std::size_t>(Use)].count();
}

const std::array kFlowKpis = {
    FlowKpi{"created", "created", U::consignments, [](const FlowResult& f) -> std::optional<double> { return static_cast<double>(f.created); }, false},
    FlowKpi{"delivered", "delivered", U::consignments, [](const FlowResult& f) -> std::optional<double> { return static_cast<double>(f.delivered); }, false},
    FlowKpi{"in_system", "in_system", U::consignments, [](const FlowResult& f) -> std::optional<double> { return static_cast<double>(f.in_system); }, false},
    FlowKpi{"units_created", "units_created", U::cargo_units, [](const FlowResult& f) -> std::optional<double> { return f.units_created.value(); }, false},
    FlowKpi{"units_delivered", "units_delivered", U::cargo_units, [](const FlowResult& f) -> std::optional<double> { return f.units_delivered.value(); }, false},
    FlowKpi{"throughput", "throughput_units_per_day", U::cargo_units_per_day, [](const FlowResult& f) -> std::optional<double> { return f.throughput_units_per_day.value(); }, true},
    FlowKpi{"transit_mean", "transit_mean_h", U::hours, [](const FlowResult& f) -> std::optional<double> { return f.transit_mean_h.count(); }, true},
    FlowKpi{"transit_p50", "transit_p50_h", U::hours, [](const FlowResult& f) -> std::optional<double> { return f.transit_p50_h.count(); }, false},
    FlowKpi{"transit_p90", "transit_p90_h", U::hours, [](const FlowResult& f) -> std::optional<double> { return f.transit_p90_h.count(); }, false},
    FlowKpi{"transit_p95", "transit_p95_h", U::hours, [](const FlowResult& f) -> std::optional<double> { return f.transit_p95_h.count(); }, true},
    FlowKpi{"transit_max", "transit_max_h", U::hours, [](const FlowResult& f) -> std::optional<double> { return f.transit_max_h.count(); }, false},
    FlowKpi{"on_time_share", "on_time_share", U::share, [](const FlowResult& f) { return f.on_time_share; }, false},
    FlowKpi{"cost", "cost_usd_per_unit", U::usd_per_cargo_unit, [](const FlowResult& f) -> std::optional<double> { return f.usd_per_unit.value(); }, true},
    FlowKpi{"co2e", "co2e_kg_per_unit", U::kg_co2e_per_cargo_unit, [](const FlowResult& f) -> std::optional<double> { return f.kg_co2e_per_unit.value(); }, true},
    FlowKpi{"time_moving", "time_moving_h", U::hours, time_in<TimeUse::moving>, false},
    FlowKpi{"time_waiting", "time_waiting_h", U::hours, time_in<TimeUse::waiting>, false},
    FlowKpi{"time_border", "time_border_h", U::hours, time_in<TimeUse::border>, false},
    FlowKpi{"time_transshipment", "time_transshipment_h", U::hours, time_in<TimeUse::transshipment>, false},
    FlowKpi{"time_port", "time_port_h", U::hours, time_in<TimeUse::port>, false},
    FlowKpi{"time_weather", "time_weather_h", U::hours, time_in<TimeUse::weather>, false},
    FlowKpi{"time_disruption", "time_disruption_h", U::hours, time_in<TimeUse::disruption>, false},
};
static_assert(kTimeUses == 7, "a time use added needs its KPI");

const std::array kResourceKpis = {
    ResourceKpi{"capacity", "capacity", U::capacity, [](const ResourceResult& r) { return r.capacity; }, false},
    ResourceKpi{"served", "served", U::served, [](const ResourceResult& r) { return static_cast<double>(r.served); }, false},
    ResourceKpi{"utilisation", "utilisation", U::share, [](const ResourceResult& r) { return r.utilisation; }, true},
    ResourceKpi{"queue_mean", "queue_mean", U::served, [](const ResourceResult& r) { return r.queue_mean; }, true},
    ResourceKpi{"queue_max", "queue_max", U::served, [](const ResourceResult& r) { return r.queue_max; }, false},
    ResourceKpi{"wait_mean", "wait_mean_h", U::hours, [](const ResourceResult& r) { return r.wait_mean_h.count(); }, true},
    ResourceKpi{"wait_p95", "wait_p95_h", U::hours, [](const ResourceResult& r) { return r.wait_p95_h.count(); }, false},
    ResourceKpi{"storm_share", "storm_share", U::share, [](const ResourceResult& r) { return r.utilisation; }, true},
};

} // namespace

std::span<const FlowKpi> flow_kpis() { return kFlowKpis; }

std::span<const ResourceKpi> all_resource_kpis() { return kResourceKpis; }

std::span<const ResourceKpi> resource_kpis(const ResourceResult& resource) {
    const std::span<const ResourceKpi> all = kResourceKpis;
    if (resource.kind == "weather") return all.subspan(7, 1); // storm_share
    if (resource.served_unit.empty()) return all.subspan(2, 1); // a vessel: busy share only
    return all.subspan(0, 7);
}

std::string unit_name(KpiUnit unit, std::string_view cargo_unit, const ResourceResult* resource) {
    std::string cargo{cargo_unit};
    switch (unit) {
    case U::consignments: return "consignments";
    case U::cargo_units: return cargo;
    case U::cargo_units_per_day: return cargo + "_per_day";
    case U::hours: return "h";
    case U::share: return "share";
    case U::usd_per_cargo_unit: return "usd_per_" + cargo;
    case U::kg_co2e_per_cargo_unit: return "kg_co2e_per_" + cargo;
    case U::served: return resource != nullptr ? resource->served_unit : "";
    case U::capacity: return resource != nullptr ? resource->capacity_unit : "";
    }
    return "";
}

FeasibleRange feasible_range(KpiUnit unit) {
    if (unit == U::share) return {0, 1};
    return {0, std::numeric_limits<double>::infinity()};
}

} // namespace corridor::logistics
