// Nodes and their processes: borders (with opening hours), transshipment, ports.
#include "sim/scenario/detail/model_reader.hpp"

#include <algorithm>
#include <cmath>

namespace corridor::scenario::detail {

void ModelReader::read_nodes(const YAML::Node& root, network::NetworkSpec& spec) {
    const YAML::Node list = root["nodes"];
    if (!list) {
        r_.error(root, "missing required key 'nodes'");
        return;
    }
    if (!r_.expect_sequence(list, "nodes")) return;
    for (const auto& item : list) {
        if (!r_.expect_map(item, "a node")) continue;
        r_.check_keys(item, {"id", "name", "country", "kind", "lat", "lon", "coords", "border", "transshipment",
                             "port", "hazardous", "source", "assumption", "note"},
                      "a node");
        Node n;
        n.name = r_.id(item).value_or("");
        n.label = r_.text(item, "name", false).value_or(n.name);
        n.country = r_.text(item, "country", true).value_or("");
        n.kind = enum_value(r_, item, "kind", kKinds, true).value_or(NodeKind::junction);
        n.lat = core::Degrees{r_.number(item, "lat", true, kLatitude).value_or(0)};
        n.lon = core::Degrees{r_.number(item, "lon", true, kLongitude).value_or(0)};
        const std::string what = "node '" + n.name + "'";
        n.hazardous = read_hazard_rule(item, what).value_or(network::HazardRule{});
        check_provenance(item, what);
        if (const YAML::Node b = item["border"]) read_border(b, what, n);
        if (const YAML::Node t = item["transshipment"]) read_transshipment(t, what, n);
        if (const YAML::Node p = item["port"]) read_port(p, what, n);
        if (!n.name.empty()) {
            if (!node_index_.emplace(n.name, spec.nodes.size()).second) {
                r_.error(item["id"], "duplicate node id '" + n.name + "'");
            }
            node_names_.push_back(n.name);
        }
        node_marks_.push_back(item);
        spec.nodes.push_back(std::move(n));
    }
}

void ModelReader::read_border(const YAML::Node& b, const std::string& owner, Node& n) {
    const std::string what = "the border process of " + owner;
    if (!r_.expect_map(b, what)) return;
    r_.check_keys(b, {"dwell_h", "dwell_inbound_h", "hazardous_dwell_h", "servers", "cost_usd_per_unit", "open_from_h",
                      "open_until_h", "source", "assumption", "note"},
                  what);
    network::BorderProcess p;
    p.dwell_h = r_.hours_distribution(b, "dwell_h", true).value_or(core::Distribution{});
    p.dwell_inbound_h = r_.hours_distribution(b, "dwell_inbound_h", false).value_or(p.dwell_h);
    p.hazardous_dwell_h = r_.hours_distribution(b, "hazardous_dwell_h", false);
    p.servers = r_.count(b, "servers", false).value_or(1);
    p.cost_usd_per_unit = core::Usd{r_.number(b, "cost_usd_per_unit", false, kUsdPerUnit).value_or(0)};
    p.hours = read_opening_hours(b, what);
    check_provenance(b, what);
    n.border = p;
}

// open_from_h and open_until_h: both or neither (open around the clock).
std::optional<network::OpeningHours> ModelReader::read_opening_hours(const YAML::Node& b, const std::string& what) {
    const YAML::Node from_node = b["open_from_h"];
    const YAML::Node until_node = b["open_until_h"];
    if (!from_node && !until_node) return std::nullopt;
    if (!from_node || !until_node) {
        r_.error(from_node ? from_node : until_node,
                 what + " gives '" + (from_node ? "open_from_h" : "open_until_h") + "' without '" +
                     (from_node ? "open_until_h" : "open_from_h") +
                     "': give both (hours of the day), or neither for a border open around the clock");
        return std::nullopt;
    }
    const auto from = r_.number(b, "open_from_h", true, kProcessHours);
    const auto until = r_.number(b, "open_until_h", true, kProcessHours);
    if (!from || !until) return std::nullopt;
    bool ok = true;
    if (*from >= 24) {
        r_.error(from_node, "'open_from_h' must be an hour of the day below 24, found " + from_node.Scalar());
        ok = false;
    }
    if (*until <= 0 || *until > 24) {
        r_.error(until_node, "'open_until_h' must be an hour of the day above 0 and at most 24, found " +
                                 until_node.Scalar());
        ok = false;
    }
    if (ok && std::llround(*from * 3600) == std::llround(*until * 3600)) {
        r_.error(until_node, "'open_until_h' equals 'open_from_h' (" + until_node.Scalar() +
                                 ") to the second: leave both out for a border open around the clock");
        ok = false;
    }
    if (!ok) return std::nullopt;
    return network::OpeningHours{core::Hours{*from}, core::Hours{*until}};
}

void ModelReader::read_transshipment(const YAML::Node& t, const std::string& owner, Node& n) {
    const std::string what = "the transshipment process of " + owner;
    if (!r_.expect_map(t, what)) return;
    r_.check_keys(t, {"setup_h", "units_per_crane_h", "cranes", "cost_usd_per_unit", "source", "assumption", "note"}, what);
    network::TransshipmentProcess p;
    p.setup_h = r_.hours_distribution(t, "setup_h", true).value_or(core::Distribution{});
    p.units_per_crane_h = core::UnitsPerHour{r_.number(t, "units_per_crane_h", true, kUnitsPerCraneHour).value_or(1)};
    p.cranes = r_.count(t, "cranes", true).value_or(1);
    p.cost_usd_per_unit = core::Usd{r_.number(t, "cost_usd_per_unit", false, kUsdPerUnit).value_or(0)};
    check_provenance(t, what);
    n.transshipment = p;
}

void ModelReader::read_port(const YAML::Node& t, const std::string& owner, Node& n) {
    const std::string what = "the port process of " + owner;
    if (!r_.expect_map(t, what)) return;
    r_.check_keys(t, {"berths", "handling_h", "cranes_per_berth", "units_per_crane_h", "yard", "cost_usd_per_unit", "source",
                      "assumption", "note"},
                  what);
    network::PortProcess p;
    p.berths = r_.count(t, "berths", true).value_or(1);
    p.handling_h = r_.hours_distribution(t, "handling_h", true).value_or(core::Distribution{});
    if (t["cranes_per_berth"] || t["units_per_crane_h"]) {
        if (!t["cranes_per_berth"] || !t["units_per_crane_h"]) {
            r_.error(t["cranes_per_berth"] ? t["cranes_per_berth"] : t["units_per_crane_h"],
                     what + " gives '" + (t["cranes_per_berth"] ? "cranes_per_berth" : "units_per_crane_h") + "' without '" +
                         (t["cranes_per_berth"] ? "units_per_crane_h" : "cranes_per_berth") +
                         "': give both for handling by the unit, or neither for a time per call");
        }
        p.cranes_per_berth = r_.count(t, "cranes_per_berth", false, 100).value_or(0);
        p.units_per_crane_h = core::UnitsPerHour{r_.number(t, "units_per_crane_h", false, kUnitsPerCraneHour).value_or(1)};
        if (!t["units_per_crane_h"]) p.cranes_per_berth = 0;
    }
    if (const YAML::Node yard = t["yard"]) {
        if (r_.expect_map(yard, "yard: the units it holds by cargo unit, as {teu: 1200, wagon: 300}")) {
            for (const auto& entry : yard) {
                const std::string unit = entry.first.IsScalar() ? entry.first.Scalar() : "";
                if (std::find(cargo_units_.begin(), cargo_units_.end(), unit) == cargo_units_.end()) {
                    std::string message = what + ": the yard holds '" + unit + "', which is no cargo class's unit";
                    if (const auto near = nearest(unit, cargo_units_); !near.empty()) message += "; did you mean '" + near + "'?";
                    r_.error(entry.first, message);
                    continue;
                }
                if (const auto units = r_.count(yard, unit.c_str(), true, 10000000)) p.yard.push_back({unit, *units});
            }
        }
    }
    p.cost_usd_per_unit = core::Usd{r_.number(t, "cost_usd_per_unit", false, kUsdPerUnit).value_or(0)};
    check_provenance(t, what);
    n.port = p;
}

} // namespace corridor::scenario::detail
