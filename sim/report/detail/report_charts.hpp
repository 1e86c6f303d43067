// The report's charts as Vega-Lite specifications, each with its data inline: the map, the
// transit-time distributions, time breakdowns, utilisation, daily series, seasonality, the
// comparison's forest plot and a sweep's response curves. Pure functions of prepared rows, so
// their JSON can be tested exactly on a tiny network.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sim/report/detail/basemap.hpp"

namespace corridor::report::detail {

using Json = nlohmann::json;

/// The map's layers. links: {id, from, to, mode, status, lon1, lat1, lon2, lat2, units_per_day,
/// value (the colour's quantity, or null where the link has none)}; nodes: {id, name, kind,
/// country, lon, lat, processes, size (queue), value (null: no process)}.
// nlohmann::json default-constructs to null without throwing; the check cannot see through it.
struct MapLayers { // NOLINT(bugprone-exception-escape)
    Region region;
    std::string basemap; // the name of the page's dataset of countries (GeoJSON features)
    Json links;
    Json nodes;
};

/// What the links' and nodes' colours mean on one map.
struct MapColours {
    std::string link_title;  // "line utilisation"
    std::string node_title;  // "mean wait h"
    std::string link_format; // d3 format of the legend: ".0%" or ",.1f"
    bool diverging = false;  // a change against a reference: blue (down) to red (up), centred on 0
    double link_extent = 0;  // diverging: the largest |value|
    double node_extent = 0;
    std::string size_title;  // "mean queue" or "mean queue (scenario)"
};

/// A round scale-bar length for a map `width_km` wide: 1, 2 or 5 × 10^k km near a fifth of it.
double scale_bar_km(double width_km);

Json map_spec(const MapLayers& layers, const MapColours& colours);
/// rows: {flow, share, hours, low, high} (101 per flow); markers: {flow, label, hours}.
Json cdf_spec(const Json& rows, const Json& markers);
/// rows: {flow, use, hours}; totals: {flow, mean, low, high}.
Json breakdown_spec(const Json& rows, const Json& totals);
/// rows: {resource, utilisation, low, high}, busiest first.
Json utilisation_spec(const Json& rows);
/// rows: {series, day, mean, low, high}, a small multiple per series; `windows` names the page's
/// dataset of shaded windows {type (storm, disruption), window, from_day, until_day, opacity},
/// empty for none.
Json series_spec(const Json& rows, const std::string& windows, std::string_view y_title, double horizon_days);
/// rows: {flow, month, mean, low, high}.
Json month_spec(const Json& rows);
/// rows: {kpi, subject, scenario, difference, low, high, significance}.
Json forest_spec(const Json& rows);
/// rows: {flow, x, group, mean, low, high} for one KPI against one swept setting.
Json sweep_spec(const Json& rows, std::string_view setting, std::string_view kpi_title, bool numeric, bool grouped);

} // namespace corridor::report::detail
