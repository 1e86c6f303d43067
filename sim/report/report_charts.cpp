// Vega-Lite specifications of the report's charts.
#include "sim/report/detail/report_charts.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace corridor::report::detail {

namespace {

Json q(std::string_view field, std::string_view title = {}) {
    Json j{{"field", field}, {"type", "quantitative"}};
    if (!title.empty()) j["title"] = title;
    return j;
}
Json n(std::string_view field, std::string_view title = {}) {
    Json j{{"field", field}, {"type", "nominal"}};
    if (!title.empty()) j["title"] = title;
    return j;
}
Json tip(std::string_view field, std::string_view title, std::string_view format = {}) {
    Json j{{"field", field}, {"title", title}};
    if (!format.empty()) {
        j["type"] = "quantitative";
        j["format"] = format;
    }
    return j;
}
Json values(const Json& rows) { return {{"values", rows}}; }
Json filter(std::string_view expr) { return Json::array({{{"filter", expr}}}); }
// The rows grouped by a field's value, the groups in the order their first rows come.
std::vector<std::pair<std::string, Json>> grouped(const Json& rows, const char* field) {
    std::vector<std::pair<std::string, Json>> groups;
    std::map<std::string, std::size_t> index;
    for (const auto& r : rows) {
        const auto key = r[field].get<std::string>();
        const auto [it, added] = index.emplace(key, groups.size());
        if (added) groups.emplace_back(key, Json::array());
        groups[it->second].second.push_back(r);
    }
    return groups;
}

std::string fmt_km(double km) {
    const auto whole = static_cast<long long>(std::llround(km));
    std::string digits = std::to_string(whole);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    return digits + " km";
}

} // namespace

double scale_bar_km(double width_km) {
    const double target = width_km / 5.0;
    const double decade = std::pow(10.0, std::floor(std::log10(target)));
    for (const double step : {5.0, 2.0, 1.0}) {
        if (step * decade <= target) return step * decade;
    }
    return decade;
}

Json map_spec(const MapLayers& m, const MapColours& c) {
    const Region& r = m.region;
    constexpr double kKmPerDegree = 111.32; // at the equator
    const double bar_lat = r.south + 0.05 * (r.north - r.south);
    const double km_per_lon_degree = kKmPerDegree * std::cos(bar_lat * M_PI / 180.0);
    const double bar_km = scale_bar_km((r.east - r.west) * km_per_lon_degree);
    const double bar_west = r.west + 0.03 * (r.east - r.west);
    const double bar_east = bar_west + bar_km / km_per_lon_degree;
    const Json corners{{"type", "Feature"},
                       {"geometry", {{"type", "MultiPoint"},
                                     {"coordinates", {{r.west, r.south}, {r.east, r.north}, {r.west, r.north}, {r.east, r.south}}}}}};
    Json link_colour = q("value", c.link_title);
    Json node_colour = q("value", c.node_title);
    if (c.diverging) {
        const double le = c.link_extent > 0 ? c.link_extent : 1.0;
        const double ne = c.node_extent > 0 ? c.node_extent : 1.0;
        link_colour["scale"] = {{"scheme", "redblue"}, {"reverse", true}, {"domain", {-le, le}}};
        node_colour["scale"] = {{"scheme", "redblue"}, {"reverse", true}, {"domain", {-ne, ne}}};
    } else {
        link_colour["scale"] = {{"scheme", "orangered"}, {"domainMin", 0}};
        node_colour["scale"] = {{"scheme", "purples"}, {"domainMin", 0}};
    }
    link_colour["legend"] = {{"format", c.link_format}};
    const Json link_position{{"longitude", q("lon1")}, {"latitude", q("lat1")}, {"longitude2", {{"field", "lon2"}}},
                             {"latitude2", {{"field", "lat2"}}}};
    // Explicit domains: a layer may be empty after its filter (no link changed), and an empty
    // domain would be infinite.
    double most_units = 0, most_size = 0;
    for (const auto& l : m.links) {
        if (l["units_per_day"].is_number()) most_units = std::max(most_units, l["units_per_day"].get<double>());
    }
    for (const auto& nd : m.nodes) {
        if (nd["size"].is_number()) most_size = std::max(most_size, nd["size"].get<double>());
    }
    if (most_units <= 0) most_units = 1;
    if (most_size <= 0) most_size = 1;
    auto link_encoding = [&](bool coloured) {
        Json e = link_position;
        e["strokeWidth"] = q("units_per_day", "units a day (all flows)");
        e["strokeWidth"]["scale"] = {{"range", {0.8, 9}}, {"domain", {0, most_units}}};
        e["strokeDash"] = n("mode", "mode");
        e["strokeDash"]["scale"] = {{"domain", {"rail", "road", "ferry", "sea", "air"}},
                                    {"range", {{1, 0}, {2, 2}, {7, 3}, {12, 5}, {1, 6}}}};
        e["opacity"] = {{"field", "status"}, {"type", "ordinal"}, {"title", "status"}, {"sort", {"open", "planned", "closed"}}};
        e["opacity"]["scale"] = {{"domain", {"open", "planned", "closed"}}, {"range", {0.9, 0.45, 0.2}}};
        if (coloured) e["color"] = link_colour;
        e["tooltip"] = Json::array({tip("id", "link"), tip("mode", "mode"), tip("status", "status"),
                                    tip("units_per_day", "units a day", ",.1f"), tip("value", c.link_title, c.link_format)});
        return e;
    };
    Json layers = Json::array();
    layers.push_back({{"data", {{"sphere", true}}}, {"mark", {{"type", "geoshape"}, {"fill", "#d7e6f4"}, {"clip", true}}}});
    layers.push_back({{"data", {{"name", m.basemap}}},
                      {"mark", {{"type", "geoshape"}, {"fill", "#f4f1ea"}, {"stroke", "#b9b2a5"}, {"strokeWidth", 0.6}, {"clip", true}}}});
    layers.push_back({{"data", values(m.links)},
                      {"transform", filter("datum.value == null")},
                      {"mark", {{"type", "rule"}, {"color", "#7a7a7a"}, {"strokeCap", "round"}}},
                      {"encoding", link_encoding(false)}});
    layers.push_back({{"data", values(m.links)},
                      {"transform", filter("datum.value != null")},
                      {"mark", {{"type", "rule"}, {"strokeCap", "round"}}},
                      {"encoding", link_encoding(true)}});
    Json node_tooltip = Json::array({tip("id", "node"), tip("name", "name"), tip("country", "country"), tip("kind", "kind"),
                                     tip("processes", "processes"), tip("size", c.size_title, ",.2f"),
                                     tip("value", c.node_title, ",.2f")});
    Json node_size = q("size", c.size_title);
    node_size["scale"] = {{"range", {25, 700}}, {"domain", {0, most_size}}};
    layers.push_back({{"data", values(m.nodes)},
                      {"transform", filter("datum.value == null")},
                      {"mark", {{"type", "circle"}, {"color", "#555555"}, {"size", 18}, {"opacity", 0.9}}},
                      {"encoding", {{"longitude", q("lon")}, {"latitude", q("lat")}, {"tooltip", node_tooltip}}}});
    layers.push_back({{"data", values(m.nodes)},
                      {"transform", filter("datum.value != null")},
                      {"mark", {{"type", "circle"}, {"stroke", "#333333"}, {"strokeWidth", 0.7}, {"opacity", 0.95}}},
                      {"encoding", {{"longitude", q("lon")}, {"latitude", q("lat")}, {"size", node_size},
                                    {"color", node_colour}, {"tooltip", node_tooltip}}}});
    layers.push_back({{"data", values(m.nodes)},
                      {"transform", filter("datum.label")},
                      {"mark", {{"type", "text"}, {"dy", -9}, {"fontSize", 9}, {"color", "#222222"}}},
                      {"encoding", {{"longitude", q("lon")}, {"latitude", q("lat")}, {"text", {{"field", "id"}}}}}});
    const Json bar{{{"lon1", bar_west}, {"lon2", bar_east}, {"lat", bar_lat},
                    {"label", fmt_km(bar_km)}}};
    layers.push_back({{"data", values(bar)},
                      {"mark", {{"type", "rule"}, {"color", "#222222"}, {"strokeWidth", 2.5}}},
                      {"encoding", {{"longitude", q("lon1")}, {"latitude", q("lat")}, {"longitude2", {{"field", "lon2"}}},
                                    {"latitude2", {{"field", "lat"}}}}}});
    layers.push_back({{"data", values(bar)},
                      {"mark", {{"type", "text"}, {"dy", -8}, {"align", "left"}, {"fontSize", 10}}},
                      {"encoding", {{"longitude", q("lon1")}, {"latitude", q("lat")}, {"text", {{"field", "label"}}}}}});
    // The map's height from the region's shape in the Mercator projection, so it fills the view.
    auto mercator_y = [](double lat) { return std::log(std::tan(M_PI / 4 + lat * M_PI / 360.0)); };
    const double aspect = (mercator_y(r.north) - mercator_y(r.south)) / ((r.east - r.west) * M_PI / 180.0);
    const double height = std::clamp(std::round(1060.0 * aspect), 320.0, 820.0);
    return {{"width", 1060},
            {"height", height},
            {"projection", {{"type", "mercator"}, {"fit", corners}}},
            {"layer", layers},
            {"resolve", {{"scale", {{"color", "independent"}, {"size", "independent"}}}}},
            {"config", {{"legend", {{"labelFontSize", 10}, {"titleFontSize", 11}, {"orient", "bottom"}, {"direction", "horizontal"},
                                    {"gradientLength", 120}, {"labelFlush", true}, {"labelOverlap", true}, {"padding", 8}}},
                        {"view", {{"stroke", nullptr}}}}}};
}

Json cdf_spec(const Json& rows, const Json& markers) {
    Json band{{"mark", {{"type", "area"}, {"orient", "horizontal"}, {"opacity", 0.25}, {"color", "#4c78a8"}}},
              {"transform", filter("datum.low != null")},
              {"encoding", {{"y", q("share")}, {"x", q("low")}, {"x2", {{"field", "high"}}}}}};
    Json line{{"mark", {{"type", "line"}, {"color", "#1f4e79"}}},
              {"encoding", {{"x", q("hours", "transit time (h)")},
                            {"y", {{"field", "share"}, {"type", "quantitative"}, {"title", "share delivered"}, {"axis", {{"format", ".0%"}}}}},
                            {"order", {{"field", "share"}}},
                            {"tooltip", Json::array({tip("share", "share", ".0%"), tip("hours", "transit h", ",.1f"),
                                                     tip("low", "95% low", ",.1f"), tip("high", "95% high", ",.1f")})}}}};
    // Markers live in the faceted data (rows with kind "marker"), so each facet shows its own.
    Json rule{{"transform", filter("datum.kind == 'marker'")},
              {"mark", {{"type", "rule"}, {"color", "#d62728"}, {"strokeDash", {4, 2}}}},
              {"encoding", {{"x", q("hours")}}}};
    Json text{{"transform", filter("datum.kind == 'marker'")},
              {"mark", {{"type", "text"}, {"color", "#d62728"}, {"align", "left"}, {"dx", 3}, {"fontSize", 10}}},
              {"encoding", {{"x", q("hours")}, {"y", {{"value", 10}}}, {"text", {{"field", "label"}}}}}};
    Json data = Json::array();
    for (const auto& r : rows) {
        Json row = r;
        row["kind"] = "cdf";
        data.push_back(row);
    }
    for (const auto& m : markers) {
        Json row = m;
        row["kind"] = "marker";
        data.push_back(row);
    }
    band["transform"] = filter("datum.kind == 'cdf' && datum.low != null");
    line["transform"] = filter("datum.kind == 'cdf'");
    return {{"data", values(data)},
            {"facet", {{"field", "flow"}, {"type", "nominal"}, {"title", nullptr}, {"header", {{"labelFontSize", 11}}}}},
            {"columns", 3},
            {"spec", {{"width", 250}, {"height", 150}, {"layer", Json::array({band, line, rule, text})}}},
            {"resolve", {{"scale", {{"x", "independent"}}}}}};
}

Json breakdown_spec(const Json& rows, const Json& totals) {
    const Json uses{"moving", "waiting", "border", "transshipment", "port", "weather", "disruption"};
    Json bars{{"data", values(rows)},
              {"mark", "bar"},
              {"encoding", {{"y", n("flow", "")},
                            {"x", {{"field", "hours"}, {"type", "quantitative"}, {"stack", "zero"}, {"title", "mean hours per delivered consignment"}}},
                            {"color", {{"field", "use"}, {"type", "nominal"}, {"title", "time"},
                                       {"scale", {{"domain", uses}, {"scheme", "tableau10"}}}}},
                            {"order", {{"field", "order"}}},
                            {"tooltip", Json::array({tip("flow", "flow"), tip("use", "time"), tip("hours", "hours", ",.1f")})}}}};
    Json whiskers{{"data", values(totals)},
                  {"transform", filter("datum.low != null")},
                  {"mark", {{"type", "rule"}, {"color", "#222222"}}},
                  {"encoding", {{"y", n("flow")}, {"x", q("low")}, {"x2", {{"field", "high"}}},
                                {"tooltip", Json::array({tip("flow", "flow"), tip("mean", "transit mean h", ",.1f"),
                                                         tip("low", "95% low", ",.1f"), tip("high", "95% high", ",.1f")})}}}};
    return {{"width", 640}, {"layer", Json::array({bars, whiskers})}};
}

Json utilisation_spec(const Json& rows) {
    Json bars{{"mark", {{"type", "bar"}, {"color", "#f58518"}}},
              {"encoding", {{"y", {{"field", "resource"}, {"type", "nominal"}, {"sort", nullptr}, {"title", nullptr}}},
                            {"x", {{"field", "utilisation"}, {"type", "quantitative"}, {"title", "utilisation"},
                                   {"axis", {{"format", ".0%"}}}, {"scale", {{"domain", {0, 1}}}}}},
                            {"tooltip", Json::array({tip("resource", "resource"), tip("utilisation", "utilisation", ".1%"),
                                                     tip("low", "95% low", ".1%"), tip("high", "95% high", ".1%")})}}}};
    Json whiskers{{"transform", filter("datum.low != null")},
                  {"mark", {{"type", "rule"}, {"color", "#222222"}}},
                  {"encoding", {{"y", {{"field", "resource"}, {"type", "nominal"}, {"sort", nullptr}}},
                                {"x", q("low")}, {"x2", {{"field", "high"}}}}}};
    return {{"width", 560}, {"data", values(rows)}, {"layer", Json::array({bars, whiskers})}};
}

Json series_spec(const Json& rows, const std::string& windows, std::string_view y_title, double horizon_days) {
    // A small multiple per series, each with its own y scale and the shaded windows behind it.
    const Json x{{"field", "day"}, {"type", "quantitative"}, {"title", "day of the run"},
                 {"scale", {{"domain", {0, horizon_days}}, {"nice", false}}}};
    Json charts = Json::array();
    for (const auto& [name, series_rows] : grouped(rows, "series")) {
        Json layers = Json::array();
        if (!windows.empty()) {
            layers.push_back({{"data", {{"name", windows}}},
                              {"mark", {{"type", "rect"}}},
                              {"encoding", {{"x", {{"field", "from_day"}, {"type", "quantitative"}}}, {"x2", {{"field", "until_day"}}},
                                            {"color", {{"field", "type"}, {"type", "nominal"}, {"title", "shaded"},
                                                       {"scale", {{"domain", {"storm", "disruption"}}, {"range", {"#9ecae9", "#f4a6a6"}}}}}},
                                            {"opacity", {{"field", "opacity"}, {"type", "quantitative"}, {"scale", nullptr}, {"legend", nullptr}}},
                                            {"tooltip", Json::array({tip("window", "window"), tip("from_day", "from day", ",.0f"),
                                                                     tip("until_day", "until day", ",.0f")})}}}});
        }
        layers.push_back({{"transform", filter("datum.low != null")},
                          {"mark", {{"type", "area"}, {"opacity", 0.3}, {"color", "#4c78a8"}}},
                          {"encoding", {{"x", x}, {"y", q("low")}, {"y2", {{"field", "high"}}}}}});
        layers.push_back({{"mark", {{"type", "line"}, {"strokeWidth", 1.2}, {"color", "#1f4e79"}}},
                          {"encoding", {{"x", x}, {"y", q("mean", y_title)},
                                        {"tooltip", Json::array({tip("series", "series"), tip("day", "day", ",.0f"),
                                                                 tip("mean", std::string(y_title), ",.2f"),
                                                                 tip("low", "95% low", ",.2f"), tip("high", "95% high", ",.2f")})}}}});
        charts.push_back({{"title", {{"text", name}, {"fontSize", 11}}}, {"width", 300}, {"height", 100},
                          {"data", values(series_rows)}, {"layer", layers}});
    }
    return {{"concat", charts}, {"columns", 3}, {"config", {{"axis", {{"titleFontSize", 10}, {"labelFontSize", 9}}}}}};
}

Json month_spec(const Json& rows) {
    const Json x{{"field", "month"}, {"type", "ordinal"}, {"title", "month of creation"}};
    return {{"width", 640},
            {"height", 240},
            {"data", values(rows)},
            {"layer", Json::array({
                          {{"transform", filter("datum.low != null")},
                           {"mark", {{"type", "rule"}, {"opacity", 0.6}}},
                           {"encoding", {{"x", x}, {"y", q("low")}, {"y2", {{"field", "high"}}}, {"color", n("flow")}}}},
                          {{"mark", {{"type", "line"}, {"point", true}}},
                           {"encoding", {{"x", x}, {"y", q("mean", "mean transit time (h)")}, {"color", n("flow", "flow")},
                                         {"tooltip", Json::array({tip("flow", "flow"), tip("month", "month"),
                                                                  tip("mean", "transit mean h", ",.1f"),
                                                                  tip("low", "95% low", ",.1f"), tip("high", "95% high", ",.1f")})}}}},
                      })}};
}

Json forest_spec(const Json& rows) {
    // A panel per KPI (each its own unit and scale), in the rows' order.
    const Json y{{"field", "subject"}, {"type", "nominal"}, {"title", nullptr}, {"sort", nullptr}};
    const Json colour{{"field", "significance"}, {"type", "nominal"}, {"title", "paired 95% interval"},
                      {"scale", {{"domain", {"excludes 0", "includes 0"}}, {"range", {"#d62728", "#7f7f7f"}}}}};
    Json panels = Json::array();
    for (const auto& [kpi, kpi_rows] : grouped(rows, "kpi")) {
        Json layers = Json::array({
            {{"mark", {{"type", "rule"}, {"color", "#999999"}, {"strokeDash", {3, 3}}}}, {"encoding", {{"x", {{"datum", 0}}}}}},
            {{"transform", filter("datum.low != null")},
             {"mark", {{"type", "rule"}, {"strokeWidth", 1.5}}},
             {"encoding", {{"y", y}, {"yOffset", n("scenario")}, {"x", q("low")}, {"x2", {{"field", "high"}}}, {"color", colour}}}},
            {{"mark", {{"type", "point"}, {"filled", true}, {"size", 45}}},
             {"encoding", {{"y", y}, {"yOffset", n("scenario")}, {"x", q("difference", "difference to the reference")},
                           {"color", colour},
                           {"shape", n("scenario", "scenario")},
                           {"tooltip", Json::array({tip("subject", "subject"), tip("scenario", "scenario"), tip("kpi", "KPI"),
                                                    tip("reference_mean", "reference mean", ",.2f"), tip("mean", "scenario mean", ",.2f"),
                                                    tip("difference", "difference", ",.2f"), tip("low", "95% low", ",.2f"),
                                                    tip("high", "95% high", ",.2f")})}}}},
        });
        panels.push_back({{"title", {{"text", kpi}, {"anchor", "start"}, {"fontSize", 12}}},
                          {"width", 520},
                          {"height", {{"step", 16}}},
                          {"data", values(kpi_rows)},
                          {"layer", layers}});
    }
    return {{"vconcat", panels}, {"spacing", 18}, {"resolve", {{"scale", {{"x", "independent"}, {"y", "independent"}}}}}};
}

Json sweep_spec(const Json& rows, std::string_view setting, std::string_view kpi_title, bool numeric, bool grouped) {
    const Json x{{"field", "x"}, {"type", numeric ? "quantitative" : "ordinal"}, {"title", setting}};
    Json colour = grouped ? n("group", "other settings") : Json{{"value", "#4c78a8"}};
    Json layers = Json::array({
        {{"transform", filter("datum.low != null")},
         {"mark", {{"type", numeric ? "area" : "bar"}, {"opacity", 0.2}}},
         {"encoding", {{"x", x}, {"y", q("low")}, {"y2", {{"field", "high"}}}, {"color", colour}}}},
        {{"mark", {{"type", "line"}, {"point", true}}},
         {"encoding", {{"x", x}, {"y", q("mean", kpi_title)}, {"color", colour},
                       {"tooltip", Json::array({tip("flow", "flow"), tip("x", std::string(setting)), tip("group", "other settings"),
                                                tip("mean", std::string(kpi_title), ",.2f"), tip("low", "95% low", ",.2f"),
                                                tip("high", "95% high", ",.2f")})}}}},
    });
    return {{"data", values(rows)},
            {"facet", {{"field", "flow"}, {"type", "nominal"}, {"title", nullptr}}},
            {"columns", 4},
            {"spec", {{"width", 190}, {"height", 130}, {"layer", layers}}},
            {"resolve", {{"scale", {{"y", "independent"}}}}}};
}

} // namespace corridor::report::detail
