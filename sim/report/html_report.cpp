// report.html for a run, a comparison or a sweep, from the files of its results folder.
#include "sim/report/html_report.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <functional>
#include <set>
#include <system_error>

#include "sim/logistics/kpis.hpp"
#include "sim/report/detail/assets.hpp"
#include "sim/report/detail/basemap.hpp"
#include "sim/report/detail/html_page.hpp"
#include "sim/report/detail/report_charts.hpp"
#include "sim/report/detail/results_folder.hpp"
#include "sim/report/detail/text_files.hpp"
#include "sim/report/output_error.hpp"

namespace corridor::report {

IncompleteResults::IncompleteResults(std::vector<std::string> problems)
    : std::runtime_error(problems.empty() ? "incomplete results" : problems.front()), problems_{std::move(problems)} {}

namespace {

using detail::Band;
using detail::chart_div;
using detail::escape;
using detail::Json;
using detail::LoadedTable;
using detail::ResultsProblem;
using detail::RunFolder;

[[noreturn]] void fail(const std::vector<ResultsProblem>& problems) {
    std::vector<std::string> lines;
    lines.reserve(problems.size());
    for (const auto& p : problems) lines.push_back(p.where + ": error: " + p.what);
    throw IncompleteResults(std::move(lines));
}

// Four significant digits are plenty for a chart and keep the report small.
double round4(double x) {
    if (!std::isfinite(x) || x == 0) return x;
    const double scale = std::pow(10.0, 3 - std::floor(std::log10(std::fabs(x))));
    return std::round(x * scale) / scale;
}
Json num(double x) { return std::isfinite(x) ? Json(round4(x)) : Json(nullptr); }
Json num(const std::optional<double>& x) { return x ? num(*x) : Json(nullptr); }

// 12,345 / 1,234.5 / 12.35 / 0.1234: thousands separated, about four significant digits.
std::string show(double x) {
    if (!std::isfinite(x)) return "";
    const double a = std::fabs(x);
    const int decimals = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 3;
    std::string text = fmt::format("{:.{}f}", x, decimals);
    const auto dot = text.find('.');
    const std::size_t int_end = dot == std::string::npos ? text.size() : dot;
    const std::size_t int_begin = text[0] == '-' ? 1 : 0;
    for (auto i = static_cast<long>(int_end) - 3; i > static_cast<long>(int_begin); i -= 3) {
        text.insert(static_cast<std::size_t>(i), ",");
    }
    return text;
}
std::string show_share(double x) { return std::isfinite(x) ? fmt::format("{:.1f}%", 100 * x) : ""; }

double cell_number(const std::string& text) {
    try {
        return detail::parse_number(text).value_or(NAN);
    } catch (const std::invalid_argument&) {
        return NAN;
    }
}

// A KPI row of flows.csv or resources.csv: mean and its interval.
struct Stat {
    double mean = NAN, low = NAN, high = NAN;
    std::string unit;
};
std::string show_stat(const Stat& s, bool share = false) {
    auto f = [&](double x) { return share ? show_share(x) : show(x); };
    if (!std::isfinite(s.mean)) return "";
    if (!std::isfinite(s.low)) return f(s.mean);
    return f(s.mean) + "<br><span class=\"caption\">[" + f(s.low) + ", " + f(s.high) + "]</span>";
}

// flows.csv as flow -> kpi -> stat, in the file's order of flows.
struct FlowStats {
    std::vector<std::string> order;
    std::map<std::string, std::map<std::string, Stat>> by_flow;
    std::map<std::string, std::pair<std::string, std::string>> ends; // origin, destination
    std::map<std::string, std::string> units;                        // the cargo unit
};
FlowStats flow_stats(const LoadedTable& t) {
    FlowStats s;
    const auto flow = t.col("flow"), kpi = t.col("kpi"), unit = t.col("unit"), mean = t.col("mean"), low = t.col("ci95_low"),
               high = t.col("ci95_high");
    const bool has_ends = t.has("origin") && t.has("destination");
    for (const auto& row : t.rows) {
        if (!s.by_flow.contains(row[flow])) {
            s.order.push_back(row[flow]);
            if (has_ends) s.ends[row[flow]] = {row[t.col("origin")], row[t.col("destination")]};
        }
        s.by_flow[row[flow]][row[kpi]] = {cell_number(row[mean]), cell_number(row[low]), cell_number(row[high]), row[unit]};
        if (row[kpi] == "units_created") s.units[row[flow]] = row[unit];
    }
    return s;
}

// resources.csv as "kind id [direction]" -> kpi -> stat, in the file's order.
struct ResourceStats {
    std::vector<std::string> order;
    std::map<std::string, std::map<std::string, Stat>> by_key;
    std::map<std::string, std::pair<std::string, std::string>> kind_id;
};
ResourceStats resource_stats(const LoadedTable& t) {
    ResourceStats s;
    const auto kind = t.col("kind"), id = t.col("id"), dir = t.col("direction"), kpi = t.col("kpi"), unit = t.col("unit"),
               mean = t.col("mean"), low = t.col("ci95_low"), high = t.col("ci95_high");
    for (const auto& row : t.rows) {
        const std::string key = row[kind] + " " + row[id] + (row[dir].empty() ? "" : " " + row[dir]);
        if (!s.by_key.contains(key)) {
            s.order.push_back(key);
            s.kind_id[key] = {row[kind], row[id]};
        }
        s.by_key[key][row[kpi]] = {cell_number(row[mean]), cell_number(row[low]), cell_number(row[high]), row[unit]};
    }
    return s;
}

double stat_mean(const std::map<std::string, Stat>& kpis, const std::string& name) {
    const auto it = kpis.find(name);
    return it == kpis.end() ? NAN : it->second.mean;
}

// The region a network covers, with a margin, for the map and its basemap.
detail::Region region_of(const Json& network) {
    detail::Region r{180, 90, -180, -90};
    for (const auto& f : network["features"]) {
        if (f["geometry"]["type"] != "Point") continue;
        const double lon = f["geometry"]["coordinates"][0], lat = f["geometry"]["coordinates"][1];
        r.west = std::min(r.west, lon);
        r.east = std::max(r.east, lon);
        r.south = std::min(r.south, lat);
        r.north = std::max(r.north, lat);
    }
    if (r.west > r.east) return {-10, -10, 10, 10};
    const double pad_lon = std::max(1.5, 0.06 * (r.east - r.west)), pad_lat = std::max(1.5, 0.12 * (r.north - r.south));
    return {std::max(-180.0, r.west - pad_lon), std::max(-85.0, r.south - pad_lat), std::min(180.0, r.east + pad_lon),
            std::min(85.0, r.north + pad_lat)};
}

// The basemap reaches beyond the fitted region: the map's aspect ratio leaves margins.
detail::Region around(const detail::Region& r) {
    const double lon = 0.15 * (r.east - r.west), lat = 0.15 * (r.north - r.south);
    return {std::max(-180.0, r.west - lon), std::max(-85.0, r.south - lat), std::min(180.0, r.east + lon), std::min(85.0, r.north + lat)};
}

// The nodes a report labels: those with a process, and the flows' ends.
struct NodeStats {
    double queue = 0;                  // summed over the node's resources
    std::optional<double> wait;        // the longest mean wait of its resources
};
std::map<std::string, NodeStats> node_stats(const ResourceStats& rs) {
    std::map<std::string, NodeStats> out;
    for (const auto& key : rs.order) {
        const auto& [kind, id] = rs.kind_id.at(key);
        if (kind != "border" && kind != "cranes" && kind != "berths" && kind != "yard") continue;
        auto& s = out[id];
        const auto& kpis = rs.by_key.at(key);
        const double q = stat_mean(kpis, "queue_mean"), w = stat_mean(kpis, "wait_mean");
        if (std::isfinite(q)) s.queue += q;
        if (std::isfinite(w)) s.wait = std::max(s.wait.value_or(0.0), w);
    }
    return out;
}

// Per link (network.geojson's id): units a day over all flows, line utilisation and wait.
struct LinkStats {
    double units_per_day = 0;
    std::optional<double> utilisation, wait;
};
std::map<std::string, LinkStats> link_stats(const Json& flows_geo) {
    std::map<std::string, LinkStats> out;
    for (const auto& f : flows_geo["features"]) {
        const auto& p = f["properties"];
        auto& s = out[p["link"].get<std::string>()];
        s.units_per_day += p.value("units_per_day", 0.0);
        if (p["utilisation"].is_number()) s.utilisation = p["utilisation"].get<double>();
        if (p["wait_mean_h"].is_number()) s.wait = p["wait_mean_h"].get<double>();
    }
    return out;
}

Json link_rows(const Json& network, const std::map<std::string, LinkStats>& stats,
               const std::function<Json(const std::string&, const LinkStats*)>& value) {
    Json rows = Json::array();
    std::vector<std::pair<double, Json>> ordered; // thin links first, so the busy ones are drawn on top
    for (const auto& f : network["features"]) {
        if (f["geometry"]["type"] != "LineString") continue;
        const auto& p = f["properties"];
        const auto id = p["id"].get<std::string>();
        const auto it = stats.find(id);
        const LinkStats* s = it == stats.end() ? nullptr : &it->second;
        const auto& c = f["geometry"]["coordinates"];
        Json row{{"id", id}, {"mode", p["mode"]}, {"status", p["status"]},
                 {"lon1", c[0][0]}, {"lat1", c[0][1]}, {"lon2", c[1][0]}, {"lat2", c[1][1]},
                 {"units_per_day", num(s ? s->units_per_day : 0.0)}, {"value", value(id, s)}};
        ordered.emplace_back(s ? s->units_per_day : 0.0, std::move(row));
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [w, row] : ordered) rows.push_back(std::move(row));
    return rows;
}

Json node_rows(const Json& network, const std::set<std::string>& labelled,
               const std::function<std::pair<Json, Json>(const std::string&)>& size_and_value) {
    Json rows = Json::array();
    for (const auto& f : network["features"]) {
        if (f["geometry"]["type"] != "Point") continue;
        const auto& p = f["properties"];
        const auto id = p["id"].get<std::string>();
        auto [size, value] = size_and_value(id);
        const bool has_process = !p.value("processes", std::string()).empty();
        rows.push_back({{"id", id}, {"name", p["name"]}, {"kind", p["kind"]}, {"country", p["country"]},
                        {"processes", p["processes"]}, {"lon", f["geometry"]["coordinates"][0]},
                        {"lat", f["geometry"]["coordinates"][1]}, {"size", size}, {"value", has_process ? value : Json(nullptr)},
                        {"label", labelled.contains(id)}});
    }
    return rows;
}

std::string hashes(const Json& manifest) {
    std::string html;
    for (const auto& input : manifest.value("inputs", Json::array())) {
        html += "<code>" + escape(input.value("path", "")) + "</code> sha256 <code>" +
                escape(input.value("sha256", "").substr(0, 16)) + "…</code><br>";
    }
    return html;
}

std::string model_of(const Json& manifest) {
    const auto inputs = manifest.value("inputs", Json::array());
    return inputs.empty() ? std::string() : inputs.back().value("path", "");
}

std::vector<std::pair<std::string, std::string>> run_facts(const Json& m) {
    return {{"scenario", escape(m.value("scenario", ""))},
            {"model", "<code>" + escape(model_of(m)) + "</code>"},
            {"period", escape(m.value("start_date", "")) + ", " + show(m.value("horizon_days", 0.0)) + " days, of which " +
                           show(m.value("warmup_days", 0.0)) + " warm-up (" + escape(m["warmup"].value("method", "")) + ")"},
            {"seed, replications", escape(std::to_string(m.value("seed", std::uint64_t{0}))) + ", " +
                                       std::to_string(m.value("replications", 0)) + " (" + escape(m.value("stopped", "")) + ")"},
            {"program", "corridor " + escape(m.value("version", "")) + ", results " + escape(m.value("format", ""))},
            {"command", "<code>" + escape(m.value("command", "")) + "</code>"},
            {"inputs", hashes(m)}};
}

// The time windows a run's daily charts shade: disruptions (from the manifest) and storms
// (each sea area's share of the day in storm, over replications).
Json windows_of(const Json& manifest, const detail::DailySeries& storms) {
    Json rows = Json::array();
    for (const auto& d : manifest.value("disruptions", Json::array())) {
        rows.push_back({{"type", "disruption"},
                        {"window", d.value("what", std::string())},
                        {"from_day", num(d.value("from_day", 0.0))},
                        {"until_day", num(d.value("until_day", 0.0))},
                        {"opacity", 0.35}});
    }
    for (const auto& [area, days] : storms) {
        for (const auto& [day, band] : days) {
            if (band.mean < 0.02) continue;
            rows.push_back({{"type", "storm"},
                            {"window", "storm in " + area + " (share of the day, over replications)"},
                            {"from_day", day - 1},
                            {"until_day", day},
                            {"opacity", num(0.6 * band.mean)}});
        }
    }
    return rows;
}

Json series_rows(const detail::DailySeries& series, const std::vector<std::string>& keys) {
    Json rows = Json::array();
    for (const auto& key : keys) {
        const auto it = series.find(key);
        if (it == series.end()) continue;
        for (const auto& [day, b] : it->second) {
            rows.push_back({{"series", key}, {"day", day}, {"mean", num(b.mean)}, {"low", num(b.low)}, {"high", num(b.high)}});
        }
    }
    return rows;
}

detail::Page run_page(const RunFolder& run, std::vector<ResultsProblem>& problems) {
    const Json& m = run.manifest;
    const auto replications = m.value("replications", std::size_t{1});
    const auto flows = flow_stats(run.flows);
    const auto resources = resource_stats(run.resources);
    detail::Page page;
    page.title = m.value("scenario", "run");
    page.subtitle = "corridor run on " + run.network.value("name", std::string("its model")) + ", " +
                    std::to_string(replications) + (replications == 1 ? " replication" : " replications") +
                    ": 95% intervals over replications in brackets and as bands";
    if (m.value("partial", false)) {
        page.banner = "Partial run: interrupted (" + m.value("stopped", std::string()) + "); the figures cover the " +
                      std::to_string(replications) + " replications that completed.";
    }
    page.facts = run_facts(m);

    // Headline KPIs.
    {
        std::vector<std::vector<std::string>> rows;
        for (const auto& name : flows.order) {
            const auto& k = flows.by_flow.at(name);
            auto stat = [&](const char* kpi) { return k.contains(kpi) ? k.at(kpi) : Stat{}; };
            const auto unit = stat("throughput").unit;
            const auto& ends = flows.ends.contains(name) ? flows.ends.at(name) : std::pair<std::string, std::string>{};
            rows.push_back({escape(name), escape(ends.first + "→" + ends.second), escape(flows.units.at(name)),
                            show(stat("created").mean), show(stat("delivered").mean), show(stat("in_system").mean),
                            show_stat(stat("throughput")), show_stat(stat("transit_mean")),
                            show_stat(stat("transit_p95")), show_stat(stat("on_time_share"), true), show_stat(stat("cost")),
                            show_stat(stat("co2e"))});
        }
        page.sections.push_back(
            {"Headline KPIs",
             "<p class=\"note\">Per flow, for consignments created after the warm-up: counts (mean over replications), "
             "throughput (units delivered a day), transit times in hours over delivered consignments, cost in USD and "
             "CO2e in kg per delivered unit. flows.csv has every KPI.</p>\n" +
                 detail::html_table({"flow", "from→to", "unit", "created", "delivered", "in system", "units a day",
                                     "transit mean h", "transit p95 h", "on time", "USD per unit", "kg CO2e per unit"},
                                    rows)});
    }

    // The map, coloured two ways.
    const auto links = link_stats(run.flows_geo);
    const auto nodes = node_stats(resources);
    std::set<std::string> labelled;
    for (const auto& [flow, ends] : flows.ends) {
        labelled.insert(ends.first);
        labelled.insert(ends.second);
    }
    {
        // Labels: the flows' ends and the eight nodes with the longest queues.
        std::vector<std::pair<double, std::string>> by_queue;
        by_queue.reserve(nodes.size());
        for (const auto& [id, s] : nodes) by_queue.emplace_back(s.queue, id);
        std::sort(by_queue.rbegin(), by_queue.rend());
        for (std::size_t i = 0; i < std::min<std::size_t>(8, by_queue.size()); ++i) {
            if (by_queue[i].first > 0) labelled.insert(by_queue[i].second);
        }
    }
    detail::MapLayers layers;
    layers.region = region_of(run.network);
    page.datasets["basemap"] = detail::clipped_countries(detail::assets().countries_topojson, around(layers.region))["features"];
    layers.basemap = "basemap";
    layers.nodes = node_rows(run.network, labelled, [&](const std::string& id) -> std::pair<Json, Json> {
        const auto it = nodes.find(id);
        if (it == nodes.end()) return {0.0, nullptr};
        return {num(it->second.queue), num(it->second.wait)};
    });
    layers.links = link_rows(run.network, links, [](const std::string&, const LinkStats* s) {
        return s && s->utilisation ? num(*s->utilisation) : Json(nullptr);
    });
    page.specs["map_utilisation"] =
        detail::map_spec(layers, {"line utilisation", "mean wait h", ".0%", false, 0, 0, "mean queue"});
    layers.links = link_rows(run.network, links, [](const std::string&, const LinkStats* s) {
        return s && s->wait ? num(*s->wait) : Json(nullptr);
    });
    page.specs["map_wait"] = detail::map_spec(layers, {"line wait h", "mean wait h", ",.1f", false, 0, 0, "mean queue"});
    page.sections.push_back(
        {"Map",
         "<p class=\"note\">Links by mode (dash), width by units carried a day (all flows, delivered consignments), colour "
         "by the line's utilisation or mean wait for a train path (grey: no path capacity); planned and closed links are "
         "faint. Nodes with a border, transshipment or port are sized by their mean queue and coloured by their longest "
         "mean wait. Hover for the figures.</p>\n<label class=\"switch\">Colour links by <select data-target=\"chart-map_utilisation\">"
         "<option value=\"map_utilisation\">utilisation</option><option value=\"map_wait\">mean wait</option></select></label>\n" +
             chart_div("map_utilisation")});

    // Transit-time distributions.
    const auto digest = detail::shipment_digest(run.path, m, problems);
    if (digest && !digest->quantiles.empty()) {
        Json rows = Json::array(), markers = Json::array();
        for (const auto& name : flows.order) {
            const auto it = digest->quantiles.find(name);
            if (it == digest->quantiles.end()) continue;
            for (std::size_t q = 0; q < it->second.size(); ++q) {
                const Band& b = it->second[q];
                rows.push_back({{"flow", name}, {"share", static_cast<double>(q) / 100.0}, {"hours", num(b.mean)},
                                {"low", num(b.low)}, {"high", num(b.high)}});
            }
            const auto& k = flows.by_flow.at(name);
            markers.push_back({{"flow", name}, {"label", "p50"}, {"hours", num(stat_mean(k, "transit_p50"))}});
            markers.push_back({{"flow", name}, {"label", "p95"}, {"hours", num(stat_mean(k, "transit_p95"))}});
        }
        page.specs["cdf"] = detail::cdf_spec(rows, markers);
        page.sections.push_back(
            {"Transit time",
             "<p class=\"note\">The share of delivered consignments within each transit time (from shipments.csv: "
             "each replication's percentiles, averaged, with their 95% band); dashed: p50 and p95 of flows.csv.</p>\n" +
                 chart_div("cdf")});
    } else if (!digest) {
        page.sections.push_back({"Transit time", "<p class=\"note\">No shipments.csv in this run (outputs: {shipments: "
                                                 "false}), so no distributions or seasonality.</p>\n"});
    }

    // Where the time goes.
    {
        Json rows = Json::array(), totals = Json::array();
        int order = 0;
        for (const auto use : logistics::kTimeUseNames) {
            for (const auto& name : flows.order) {
                const double h = stat_mean(flows.by_flow.at(name), std::string("time_") + use);
                if (std::isfinite(h) && h > 0) rows.push_back({{"flow", name}, {"use", use}, {"hours", num(h)}, {"order", order}});
            }
            ++order;
        }
        for (const auto& name : flows.order) {
            const auto& k = flows.by_flow.at(name);
            if (!k.contains("transit_mean")) continue;
            const auto& t = k.at("transit_mean");
            totals.push_back({{"flow", name}, {"mean", num(t.mean)}, {"low", num(t.low)}, {"high", num(t.high)}});
        }
        page.specs["breakdown"] = detail::breakdown_spec(rows, totals);
        page.sections.push_back({"Where the time goes",
                                 "<p class=\"note\">Mean hours per delivered consignment by use; they add up to the mean "
                                 "transit time, whose 95% interval is the black whisker.</p>\n" +
                                     chart_div("breakdown")});
    }

    // The busiest resources.
    std::vector<std::pair<double, std::string>> busy, queued;
    for (const auto& key : resources.order) {
        const auto& k = resources.by_key.at(key);
        const auto& kind = resources.kind_id.at(key).first;
        if (kind == "weather") continue;
        const double u = stat_mean(k, "utilisation"), qm = stat_mean(k, "queue_mean");
        if (std::isfinite(u) && u > 0) busy.emplace_back(u, key);
        if (std::isfinite(qm) && qm > 0) queued.emplace_back(qm, key);
    }
    auto busiest_first = [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); };
    std::sort(busy.begin(), busy.end(), busiest_first);
    std::sort(queued.begin(), queued.end(), busiest_first);
    if (busy.size() > 15) busy.resize(15);
    if (queued.size() > 6) queued.resize(6);
    {
        Json rows = Json::array();
        for (const auto& [u, key] : busy) {
            const auto& s = resources.by_key.at(key).at("utilisation");
            rows.push_back({{"resource", key}, {"utilisation", num(s.mean)}, {"low", num(s.low)}, {"high", num(s.high)}});
        }
        page.specs["utilisation"] = detail::utilisation_spec(rows);
        page.sections.push_back({"The busiest resources",
                                 "<p class=\"note\">Utilisation: the share of capacity busy (a border's lanes, cranes, "
                                 "berths, a line's train paths, a vessel's time sailing or at a berth), with its 95% "
                                 "interval.</p>\n" + chart_div("utilisation")});
    }
    const double horizon_days = m.value("horizon_days", 0.0);
    const auto storms = detail::daily_storm_series(run.path, replications, problems);
    page.datasets["windows"] = windows_of(m, storms);
    const std::string windows = page.datasets["windows"].empty() ? "" : "windows";
    {
        std::vector<std::string> keys;
        keys.reserve(queued.size());
        for (const auto& [qm, key] : queued) keys.push_back(key);
        const auto series = detail::daily_resource_series(run.path, keys, replications, problems);
        std::string html = "<p class=\"note\">Vehicles or consignments waiting at the end of each day at the resources "
                           "with the longest mean queues (mean over replications, 95% band); shaded: disruptions, and "
                           "storms by the share of the day in storm.</p>\n";
        if (keys.empty()) {
            html += "<p class=\"note\">No resource had a queue in this run.</p>\n";
        } else {
            page.specs["queues"] = detail::series_spec(series_rows(series, keys), windows, "waiting at the day's end", horizon_days);
            html += chart_div("queues");
        }
        page.sections.push_back({"Queues day by day", html});
    }
    {
        const auto series = detail::daily_flow_series(run.path, replications, problems);
        page.specs["throughput"] = detail::series_spec(series_rows(series, flows.order), windows, "units a day (weekly mean)", horizon_days);
        page.sections.push_back({"Throughput day by day",
                                 "<p class=\"note\">Units delivered a day per flow, each week's mean (block trains and "
                                 "vessels deliver in lumps), with its 95% band; shaded as above.</p>\n" +
                                     chart_div("throughput")});
    }
    if (digest && !digest->by_month.empty()) {
        Json rows = Json::array();
        for (const auto& name : flows.order) {
            const auto it = digest->by_month.find(name);
            if (it == digest->by_month.end()) continue;
            for (const auto& [month, b] : it->second) {
                rows.push_back({{"flow", name}, {"month", month}, {"mean", num(b.mean)}, {"low", num(b.low)}, {"high", num(b.high)}});
            }
        }
        page.specs["months"] = detail::month_spec(rows);
        page.sections.push_back({"Transit time by month of creation",
                                 "<p class=\"note\">The seasonal signal: mean transit time of the consignments created in "
                                 "each month and delivered by the horizon (later months lose those still under way at the "
                                 "horizon), 95% interval over replications.</p>\n" + chart_div("months")});
    }
    return page;
}

// compare.csv as written by report::write_comparison.
detail::Page comparison_page(const std::filesystem::path& folder, std::vector<ResultsProblem>& problems) {
    auto table = detail::load_table(folder / "compare.csv",
                                    {"subject", "id", "direction", "kpi", "unit", "headline", "scenario", "reference", "mean",
                                     "reference_mean", "difference", "paired_ci95_low", "paired_ci95_high", "significant"},
                                    problems);
    detail::load_json(folder / "compare.json", problems);
    // The scenarios' own folders: "<index>_<name>", the reference first.
    std::vector<std::pair<int, std::filesystem::path>> parts;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const auto name = entry.path().filename().string();
        const auto digits = name.find_first_not_of("0123456789");
        if (entry.is_directory() && digits != std::string::npos && digits > 0 && digits < 9 && name[digits] == '_' &&
            digits + 1 < name.size() && name.find(".partial-") == std::string::npos) {
            parts.emplace_back(std::stoi(name.substr(0, digits)), entry.path());
        }
    }
    std::sort(parts.begin(), parts.end());
    std::vector<RunFolder> runs;
    for (const auto& [index, path] : parts) {
        if (auto run = detail::read_run_folder(path, problems)) runs.push_back(std::move(*run));
    }
    if (runs.size() < 2 && problems.empty()) problems.push_back({folder.string(), "fewer than two scenario folders"});
    if (!table || !problems.empty()) fail(problems);

    const auto& t = *table;
    detail::Page page;
    const std::string reference = runs.front().manifest.value("scenario", "");
    page.title = "comparison with " + reference;
    std::string others;
    for (std::size_t i = 1; i < runs.size(); ++i) others += (i > 1 ? ", " : "") + runs[i].manifest.value("scenario", std::string());
    page.subtitle = "corridor compare: " + others + " against " + reference + ", common random numbers, " +
                    std::to_string(runs.front().manifest.value("replications", 0)) + " paired replications";
    page.facts = run_facts(runs.front().manifest);
    page.facts.front().first = "reference scenario";
    for (std::size_t i = 1; i < runs.size(); ++i) {
        page.facts.emplace_back("compared scenario", escape(runs[i].manifest.value("scenario", "")) + "<br>" + hashes(runs[i].manifest));
    }

    // The headline KPIs: every flow's in the plot and the table; of the resources', the twelve
    // largest differences of each KPI in the plot (those whose interval excludes zero first),
    // every one in the table.
    struct Difference {
        std::string kpi, subject, scenario;
        double mean, reference_mean, difference, low, high;
        bool significant, flow;
    };
    std::vector<Difference> differences;
    for (const auto& row : t.rows) {
        if (row[t.col("headline")] != "1") continue;
        const bool is_flow = row[t.col("subject")] == "flow";
        Difference d;
        d.flow = is_flow;
        d.subject = is_flow ? row[t.col("id")]
                            : row[t.col("subject")] + " " + row[t.col("id")] +
                                  (row[t.col("direction")].empty() ? "" : " " + row[t.col("direction")]);
        d.kpi = (is_flow ? "flow " : "resource ") + row[t.col("kpi")] + " (" + row[t.col("unit")] + ")";
        d.scenario = row[t.col("scenario")];
        d.mean = cell_number(row[t.col("mean")]);
        d.reference_mean = cell_number(row[t.col("reference_mean")]);
        d.difference = cell_number(row[t.col("difference")]);
        d.low = cell_number(row[t.col("paired_ci95_low")]);
        d.high = cell_number(row[t.col("paired_ci95_high")]);
        d.significant = row[t.col("significant")] == "1";
        differences.push_back(std::move(d));
    }
    std::map<std::string, std::vector<const Difference*>> resource_rows; // kpi -> candidates
    for (const auto& d : differences) {
        if (!d.flow) resource_rows[d.kpi].push_back(&d);
    }
    std::set<const Difference*> plotted;
    for (auto& [kpi, candidates] : resource_rows) {
        std::stable_sort(candidates.begin(), candidates.end(), [](const Difference* a, const Difference* b) {
            if (a->significant != b->significant) return a->significant;
            return std::fabs(a->difference) > std::fabs(b->difference);
        });
        for (std::size_t i = 0; i < std::min<std::size_t>(12, candidates.size()); ++i) {
            if (std::fabs(candidates[i]->difference) > 0) plotted.insert(candidates[i]);
        }
    }
    // A KPI whose differences are all zero (costs under a weather change, say) is named, not drawn.
    std::map<std::string, bool> changed;
    for (const auto& d : differences) changed[d.kpi] = changed[d.kpi] || std::fabs(d.difference) > 0;
    std::string unchanged;
    for (const auto& [kpi, any] : changed) {
        if (!any) unchanged += (unchanged.empty() ? "" : ", ") + kpi;
    }
    Json forest = Json::array();
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : differences) {
        if ((d.flow && changed[d.kpi]) || plotted.contains(&d)) {
            forest.push_back({{"kpi", d.kpi}, {"subject", d.subject}, {"scenario", d.scenario}, {"mean", num(d.mean)},
                              {"reference_mean", num(d.reference_mean)}, {"difference", num(d.difference)},
                              {"low", num(d.low)}, {"high", num(d.high)},
                              {"significance", d.significant ? "excludes 0" : "includes 0"}});
        }
        rows.push_back({escape(d.subject), escape(d.kpi), escape(d.scenario), show(d.reference_mean), show(d.mean),
                        (d.significant ? "<b>" : std::string()) + show(d.difference) + (d.significant ? " *</b>" : std::string()),
                        std::isfinite(d.low) ? "[" + show(d.low) + ", " + show(d.high) + "]" : std::string()});
    }
    page.sections.push_back({"Paired differences",
                             "<p class=\"note\">Each headline KPI of each scenario against " + escape(reference) +
                                 ": the difference of the means and its paired 95% interval (replication by replication, "
                                 "common random numbers). Red: the interval excludes zero (* in the table). Every flow is "
                                 "plotted; of the resources, the twelve largest differences of each KPI." +
                                 (unchanged.empty() ? std::string() : " The same in every replication: " + escape(unchanged) + ".") +
                                 "</p>\n" +
                                 chart_div("forest") + "<details><summary>Every headline difference (" +
                                 std::to_string(rows.size()) + ")</summary>\n" +
                                 detail::html_table({"subject", "KPI", "scenario", "reference mean", "scenario mean",
                                                     "difference", "paired 95% interval"},
                                                    rows) +
                                 "</details>\n"});
    page.specs["forest"] = detail::forest_spec(forest);

    // Resilience: what the disturbance cost, scenario against reference (compare.csv's rows of
    // the resilience KPIs, when a scenario's disruptions or weather differ).
    {
        static const std::set<std::string> kResilienceKpis{"lost_throughput", "backlog_peak", "time_to_recover", "recovered"};
        std::vector<std::vector<std::string>> costs;
        for (const auto& row : t.rows) {
            if (!kResilienceKpis.contains(row[t.col("kpi")])) continue;
            const std::string subject = row[t.col("subject")] == "flow"
                                            ? row[t.col("id")]
                                            : row[t.col("subject")] + " " + row[t.col("id")] +
                                                  (row[t.col("direction")].empty() ? "" : " " + row[t.col("direction")]);
            const double low = cell_number(row[t.col("paired_ci95_low")]), high = cell_number(row[t.col("paired_ci95_high")]);
            costs.push_back({escape(subject), escape(row[t.col("kpi")]), escape(row[t.col("unit")]), escape(row[t.col("scenario")]),
                             show(cell_number(row[t.col("mean")])),
                             std::isfinite(low) ? "[" + show(low) + ", " + show(high) + "]" : std::string()});
        }
        if (!costs.empty()) {
            page.sections.push_back(
                {"Resilience",
                 "<p class=\"note\">What the scenario's disruptions or weather cost against " + escape(reference) +
                     ", each replication against its common-random-numbers twin: <b>lost_throughput</b>, the units the "
                     "reference delivered in the measured period and the scenario did not; <b>backlog_peak</b>, the largest "
                     "excess at a day's end of a flow's units in the system (or of a disrupted node's queue) over the "
                     "reference's; <b>time_to_recover</b>, days from the end of the last disruption until that excess "
                     "stays within a week of the flow's demand (a node's queue within the reference's largest), to the "
                     "horizon if never (<b>recovered</b> says how often it did). The extra transit time and cost are "
                     "transit_mean and cost above. Means over replications with the 95% interval.</p>\n" +
                     detail::html_table({"subject", "KPI", "unit", "scenario", "mean", "95% interval"}, costs)});
        }
    }

    // Difference maps, one per compared scenario.
    const auto& base = runs.front();
    const auto base_links = link_stats(base.flows_geo);
    const auto base_nodes = node_stats(resource_stats(base.resources));
    detail::MapLayers layers;
    layers.region = region_of(base.network);
    page.datasets["basemap"] = detail::clipped_countries(detail::assets().countries_topojson, around(layers.region))["features"];
    layers.basemap = "basemap";
    std::set<std::string> labelled;
    for (const auto& [flow, ends] : flow_stats(base.flows).ends) {
        labelled.insert(ends.first);
        labelled.insert(ends.second);
    }
    std::string options;
    std::string first_map;
    for (std::size_t i = 1; i < runs.size(); ++i) {
        const auto links = link_stats(runs[i].flows_geo);
        const auto nodes = node_stats(resource_stats(runs[i].resources));
        double link_extent = 0, node_extent = 0;
        layers.links = link_rows(runs[i].network, links, [&](const std::string& id, const LinkStats* s) {
            const auto b = base_links.find(id);
            const double d = (s ? s->units_per_day : 0.0) - (b == base_links.end() ? 0.0 : b->second.units_per_day);
            link_extent = std::max(link_extent, std::fabs(d));
            return std::fabs(d) < 1e-9 ? Json(nullptr) : num(d);
        });
        layers.nodes = node_rows(runs[i].network, labelled, [&](const std::string& id) -> std::pair<Json, Json> {
            const auto s = nodes.find(id);
            const auto b = base_nodes.find(id);
            const double q = s == nodes.end() ? 0.0 : s->second.queue;
            const double d = q - (b == base_nodes.end() ? 0.0 : b->second.queue);
            node_extent = std::max(node_extent, std::fabs(d));
            return {num(q), num(d)};
        });
        const std::string name = "map_" + std::to_string(i);
        page.specs[name] = detail::map_spec(layers, {"change in units a day", "change in mean queue", ",.1f", true,
                                                     round4(link_extent), round4(node_extent), "mean queue (scenario)"});
        options += "<option value=\"" + name + "\">" + escape(runs[i].manifest.value("scenario", "")) + "</option>";
        if (first_map.empty()) first_map = name;
    }
    page.sections.push_back(
        {"Difference map",
         "<p class=\"note\">Against " + escape(reference) + ": links coloured by the change in units carried a day "
         "(red more, blue less; grey unchanged), width by the scenario's volume; nodes coloured by the change in mean "
         "queue, sized by the scenario's queue.</p>\n" +
             (runs.size() > 2 ? "<label class=\"switch\">Scenario <select data-target=\"chart-" + first_map + "\">" + options +
                                    "</select></label>\n"
                              : std::string()) +
             chart_div(first_map)});
    return page;
}

// sweep.csv as written by report::write_sweep.
detail::Page sweep_page(const std::filesystem::path& folder, std::vector<ResultsProblem>& problems) {
    auto table = detail::load_table(folder / "sweep.csv",
                                    {"point", "folder", "flow", "kpi", "unit", "replications", "mean", "ci95_low", "ci95_high"},
                                    problems);
    if (!table) fail(problems);
    const auto& t = *table;
    std::vector<std::string> settings;
    for (std::size_t c = t.col("folder") + 1; c < t.col("flow"); ++c) settings.push_back(t.header[c]);
    std::set<std::string> folders;
    for (const auto& row : t.rows) folders.insert(row[t.col("folder")]);
    std::optional<RunFolder> first;
    for (const auto& f : folders) {
        std::error_code ec;
        if (!std::filesystem::is_directory(folder / f, ec)) problems.push_back({(folder / f).string(), "missing (sweep.csv names it)"});
    }
    if (!folders.empty()) first = detail::read_run_folder(folder / *folders.begin(), problems);
    if (!problems.empty() || !first) fail(problems);

    detail::Page page;
    page.title = first->manifest.value("scenario", std::string("sweep")) + " sweep";
    page.subtitle = "corridor sweep over " + std::to_string(folders.size()) + " points: each headline KPI against each "
                    "swept setting, 95% intervals over replications as bands";
    page.facts = run_facts(first->manifest);
    std::string settings_text;
    for (const auto& s : settings) {
        std::set<std::string> values;
        for (const auto& row : t.rows) values.insert(row[t.col(s)]);
        std::string list;
        for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
        settings_text += "<code>" + escape(s) + "</code> = " + escape(list) + "<br>";
    }
    page.facts.emplace_back("swept settings", settings_text);
    page.facts.erase(page.facts.begin() + 3); // seed and replications are the first point's; kept in each point's folder

    std::string html = "<p class=\"note\">Each headline flow KPI against each swept setting, a small multiple per flow; "
                       "with more than one setting swept, a line per combination of the others.</p>\n";
    int chart = 0;
    for (const auto& kpi : logistics::flow_kpis()) {
        if (!kpi.headline) continue;
        for (const auto& setting : settings) {
            Json rows = Json::array();
            bool numeric = true;
            std::string unit;
            for (const auto& row : t.rows) {
                if (row[t.col("kpi")] != kpi.name) continue;
                unit = row[t.col("unit")];
                std::string group;
                for (const auto& other : settings) {
                    if (other != setting) group += (group.empty() ? "" : ", ") + other + "=" + row[t.col(other)];
                }
                const double x = cell_number(row[t.col(setting)]);
                numeric &= std::isfinite(x);
                rows.push_back({{"flow", row[t.col("flow")] + " (" + unit + ")"}, {"x", std::isfinite(x) ? Json(x) : Json(row[t.col(setting)])},
                                {"group", group}, {"mean", num(cell_number(row[t.col("mean")]))},
                                {"low", num(cell_number(row[t.col("ci95_low")]))},
                                {"high", num(cell_number(row[t.col("ci95_high")]))}});
            }
            if (rows.empty()) continue;
            if (!numeric) {
                for (auto& r : rows) {
                    if (r["x"].is_number()) r["x"] = r["x"].dump();
                }
            }
            const std::string name = "sweep_" + std::to_string(chart++);
            const std::string title(kpi.name);
            page.specs[name] = detail::sweep_spec(rows, setting, title, numeric, settings.size() > 1);
            html += "<h3>" + escape(title) + " against <code>" + escape(setting) + "</code></h3>\n" + chart_div(name);
        }
    }
    page.sections.push_back({"Response to the swept settings", html});
    return page;
}

} // namespace

std::string report_html(const std::filesystem::path& folder) {
    std::vector<ResultsProblem> problems;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        problems.push_back({folder.string(), "not a folder"});
        fail(problems);
    }
    detail::Page page;
    if (std::filesystem::exists(folder / "compare.csv", ec)) {
        page = comparison_page(folder, problems);
    } else if (std::filesystem::exists(folder / "sweep.csv", ec)) {
        page = sweep_page(folder, problems);
    } else {
        if (!std::filesystem::exists(folder / "manifest.json", ec)) {
            problems.push_back({folder.string(), "not a results folder: no manifest.json (a run), compare.csv (a comparison) "
                                                 "or sweep.csv (a sweep)"});
            fail(problems);
        }
        auto run = detail::read_run_folder(folder, problems);
        if (!run) fail(problems);
        page = run_page(*run, problems);
    }
    if (!problems.empty()) fail(problems);
    return detail::render(page);
}

void write_report(const std::filesystem::path& folder) {
    const std::string html = report_html(folder);
    const auto temporary = folder / ("report.html.partial-" + std::to_string(::getpid()));
    detail::write_text(temporary, html);
    std::error_code ec;
    std::filesystem::rename(temporary, folder / "report.html", ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        throw OutputError("cannot write " + (folder / "report.html").string() + ": " + ec.message());
    }
}

} // namespace corridor::report
