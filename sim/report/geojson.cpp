// network.geojson and flows.geojson.
#include "sim/report/geojson.hpp"

#include <unistd.h>

#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "sim/report/detail/text_files.hpp"
#include "sim/report/output_error.hpp"

namespace corridor::report {

namespace {

using Json = nlohmann::ordered_json;

Json point(const network::Node& n) { return {{"type", "Point"}, {"coordinates", {n.lon.value(), n.lat.value()}}}; }

Json line(const network::Network& net, const network::Link& l) {
    const auto& a = net.node(l.from);
    const auto& b = net.node(l.to);
    return {{"type", "LineString"},
            {"coordinates", {{a.lon.value(), a.lat.value()}, {b.lon.value(), b.lat.value()}}}};
}

Json feature(Json geometry, Json properties) {
    return {{"type", "Feature"}, {"geometry", std::move(geometry)}, {"properties", std::move(properties)}};
}

std::string collection(std::string_view name, Json features) {
    Json doc{{"type", "FeatureCollection"}, {"name", name}, {"features", std::move(features)}};
    return doc.dump(1) + "\n";
}

} // namespace

std::string network_geojson(const network::Network& net) {
    Json features = Json::array();
    for (std::uint32_t i = 0; i < net.node_count(); ++i) {
        const auto& n = net.node(core::NodeId{i});
        std::string processes;
        auto add = [&](bool has, const char* name) {
            if (!has) return;
            if (!processes.empty()) processes += ",";
            processes += name;
        };
        add(n.border.has_value(), "border");
        add(n.transshipment.has_value(), "transshipment");
        add(n.port.has_value(), "port");
        features.push_back(feature(point(n), {{"feature", "node"},
                                              {"id", n.name},
                                              {"name", n.label},
                                              {"country", n.country},
                                              {"kind", network::to_string(n.kind)},
                                              {"processes", processes}}));
    }
    for (std::uint32_t i = 0; i < net.link_count(); ++i) {
        const auto& l = net.link(core::LinkId{i});
        features.push_back(feature(
            line(net, l),
            {{"feature", "link"},
             {"id", l.name},
             {"from", net.node(l.from).name},
             {"to", net.node(l.to).name},
             {"mode", network::to_string(l.mode)},
             {"gauge_mm", l.gauge_mm > 0 ? Json(l.gauge_mm) : Json(nullptr)},
             {"length_km", l.length.value()},
             {"speed_kmh", l.speed.value()},
             {"capacity_per_day", l.capacity_per_day.value() > 0 ? Json(l.capacity_per_day.value()) : Json(nullptr)},
             {"status", network::to_string(l.status)},
             {"opens", l.opens ? Json(network::to_string(*l.opens)) : Json(nullptr)}}));
    }
    return collection(net.name(), std::move(features));
}

void write_network_geojson(const std::filesystem::path& file, const network::Network& net) {
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) throw OutputExists(file.string() + " exists already: results are never overwritten");
    const auto temporary = std::filesystem::path(file.string() + ".partial-" + std::to_string(::getpid()));
    detail::write_text(temporary, network_geojson(net));
    std::filesystem::rename(temporary, file, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        throw OutputError("cannot write " + file.string() + ": " + ec.message());
    }
}

std::string flows_geojson(const network::Network& net, const logistics::Scenario& sc,
                          const std::vector<logistics::RunResult>& reps) {
    // Units by (link, flow), summed over replications; and each line's utilisation and wait.
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> units;
    std::map<std::string, std::pair<double, double>> lines; // link name -> (utilisation, wait h) sums
    for (const auto& rep : reps) {
        std::map<std::pair<std::uint32_t, std::uint32_t>, double> by_route; // (route, flow) -> units
        for (const auto& s : rep.shipments) {
            if (!s.delivered || s.created.since_start < sc.warmup || !s.route.valid()) continue;
            by_route[{s.route.index(), s.flow.index()}] += s.units.value();
        }
        for (const auto& [key, u] : by_route) {
            for (const auto link : rep.routes[core::RouteId{key.first}]) units[{link.index(), key.second}] += u;
        }
        for (const auto& r : rep.resources) {
            if (r.kind != "line") continue;
            auto& sum = lines[r.id];
            sum.first += r.utilisation;
            sum.second += r.wait_mean_h.count();
        }
    }
    const double n = reps.empty() ? 1.0 : static_cast<double>(reps.size());
    const double days = static_cast<double>((sc.horizon - sc.warmup).count()) / 86400.0;
    Json features = Json::array();
    for (const auto& [key, total] : units) {
        const auto& l = net.link(core::LinkId{key.first});
        const auto& flow = sc.flows[key.second];
        const auto& cargo = net.cargo_classes()[flow.cargo.index()];
        const auto line_stats = lines.find(l.name);
        const bool has_line = line_stats != lines.end();
        features.push_back(feature(
            line(net, l),
            {{"link", l.name},
             {"from", net.node(l.from).name},
             {"to", net.node(l.to).name},
             {"mode", network::to_string(l.mode)},
             {"flow", flow.name},
             {"cargo_class", cargo.name},
             {"unit", cargo.unit},
             {"units", total / n},
             {"units_per_day", days > 0 ? total / n / days : 0.0},
             {"utilisation", has_line ? Json(line_stats->second.first / n) : Json(nullptr)},
             {"wait_mean_h", has_line ? Json(line_stats->second.second / n) : Json(nullptr)}}));
    }
    return collection("flows", std::move(features));
}

} // namespace corridor::report
