// The model schema (models/README.md): sources, cargo classes, nodes with their processes, links.
#include "sim/scenario/model_loader.hpp"

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "sim/scenario/detail/model_node.hpp"
#include "sim/scenario/detail/yaml_reader.hpp"

namespace corridor::scenario {

namespace {

using detail::ForeignNode;
using detail::YamlReader;
using network::Link;
using network::LinkStatus;
using network::Mode;
using network::Node;
using network::NodeKind;

template <class Enum>
std::optional<Enum> enum_value(YamlReader& r, const YAML::Node& map, const char* key,
                               const std::vector<std::pair<std::string, Enum>>& names, bool required,
                               std::optional<Enum> fallback = std::nullopt) {
    const auto text = r.text(map, key, required);
    if (!text) return fallback;
    std::vector<std::string> options;
    for (const auto& [name, value] : names) {
        if (name == *text) return value;
        options.push_back(name);
    }
    std::string list;
    for (const auto& o : options) list += (list.empty() ? "" : ", ") + o;
    std::string message = "'" + std::string(key) + "' must be one of " + list + "; found '" + *text + "'";
    if (const auto near = nearest(*text, options); !near.empty()) message += "; did you mean '" + near + "'?";
    r.error(map[key], message);
    return std::nullopt;
}

const std::vector<std::pair<std::string, Mode>> kModes = {
    {"rail", Mode::rail}, {"road", Mode::road}, {"ferry", Mode::ferry}, {"sea", Mode::sea}, {"air", Mode::air}};
const std::vector<std::pair<std::string, NodeKind>> kKinds = {
    {"rail_terminal", NodeKind::rail_terminal}, {"seaport", NodeKind::seaport}, {"dry_port", NodeKind::dry_port},
    {"border", NodeKind::border}, {"junction", NodeKind::junction}, {"city", NodeKind::city},
    {"airport", NodeKind::airport}};
const std::vector<std::pair<std::string, LinkStatus>> kStatuses = {
    {"open", LinkStatus::open}, {"planned", LinkStatus::planned}, {"closed", LinkStatus::closed}};

class ModelReader {
public:
    explicit ModelReader(std::string file) : r_{std::move(file)} {}
    void set_foreign(const std::vector<ForeignNode>& foreign) { r_.set_foreign(foreign); }

    LoadedModel read(const YAML::Node& root) {
        LoadedModel model;
        if (!r_.expect_map(root, "the model")) return finish(model);
        r_.check_keys(root, {"name", "description", "sources", "cargo_classes", "nodes", "links", "services"}, "the model");
        model.spec.name = r_.text(root, "name", true).value_or("");
        read_sources(root["sources"]);
        read_cargo_classes(root["cargo_classes"], model.spec);
        read_nodes(root, model.spec);
        read_links(root, model.spec);
        read_services(root["services"], model);
        if (!r_.has_errors()) check_graph(model.spec);
        return finish(model);
    }

private:
    LoadedModel& finish(LoadedModel& model) {
        if (r_.has_errors()) throw InputError(r_.diagnostics());
        model.warnings = InputError(r_.diagnostics()).diagnostics(); // in file order
        return model;
    }

    void read_sources(const YAML::Node& sources) {
        if (!sources) return;
        if (!r_.expect_map(sources, "sources: key -> {title, publisher, year, url}")) return;
        for (const auto& entry : sources) {
            const std::string key = entry.first.Scalar();
            source_keys_.push_back(key);
            if (!r_.expect_map(entry.second, "source '" + key + "'")) continue;
            r_.check_keys(entry.second, {"title", "publisher", "year", "url", "note"}, "source '" + key + "'");
            r_.text(entry.second, "title", true);
            r_.number(entry.second, "year", true, true);
        }
    }

    // Every figure needs a source key or an assumption; warn (naming the object) when neither.
    void check_provenance(const YAML::Node& map, const std::string& what) {
        const YAML::Node source = map["source"];
        const YAML::Node assumption = map["assumption"];
        if (assumption && (!assumption.IsScalar() || assumption.Scalar().empty())) {
            r_.error(assumption, "'assumption' must be a non-empty text giving the reason, in " + what);
        }
        if (source) {
            std::vector<YAML::Node> keys;
            if (source.IsSequence()) {
                for (const auto& k : source) keys.push_back(k);
            } else {
                keys.push_back(source);
            }
            for (const auto& k : keys) {
                if (!k.IsScalar()) {
                    r_.error(k, "'source' must be a key of 'sources:' or a list of them, in " + what);
                    continue;
                }
                if (std::find(source_keys_.begin(), source_keys_.end(), k.Scalar()) == source_keys_.end()) {
                    std::string message = what + " cites unknown source '" + k.Scalar() + "'";
                    if (const auto near = nearest(k.Scalar(), source_keys_); !near.empty()) {
                        message += "; did you mean '" + near + "'?";
                    }
                    r_.error(k, message);
                }
            }
        }
        if (!source && !assumption) {
            r_.warning(map, what + " has figures with neither 'source' nor 'assumption'");
        }
    }

    void read_cargo_classes(const YAML::Node& list, network::NetworkSpec& spec) {
        if (!list) return;
        if (!r_.expect_sequence(list, "cargo_classes")) return;
        for (const auto& item : list) {
            if (!r_.expect_map(item, "a cargo class")) continue;
            r_.check_keys(item, {"id", "unit", "tonnes_per_unit", "hazardous", "modes", "source", "assumption", "note"},
                          "a cargo class");
            network::CargoClass c;
            c.name = r_.text(item, "id", true).value_or("");
            c.unit = r_.text(item, "unit", true).value_or("teu");
            c.tonnes_per_unit = r_.number(item, "tonnes_per_unit", true, true).value_or(1);
            c.hazardous = r_.flag(item, "hazardous").value_or(false);
            if (const YAML::Node modes = item["modes"]) {
                if (r_.expect_sequence(modes, "modes: the modes the class may use")) {
                    for (const auto& m : modes) {
                        bool known = false;
                        for (const auto& [name, mode] : kModes) {
                            if (m.IsScalar() && m.Scalar() == name) {
                                c.modes.push_back(mode);
                                known = true;
                            }
                        }
                        if (!known) r_.error(m, "'modes' entries must be rail, road, ferry, sea or air, found '" + (m.IsScalar() ? m.Scalar() : "?") + "'");
                    }
                }
            }
            check_provenance(item, "cargo class '" + c.name + "'");
            for (const auto& other : spec.cargo_classes) {
                if (other.name == c.name && !c.name.empty()) r_.error(item["id"], "duplicate cargo class '" + c.name + "'");
            }
            spec.cargo_classes.push_back(c);
        }
    }

    void read_nodes(const YAML::Node& root, network::NetworkSpec& spec) {
        const YAML::Node list = root["nodes"];
        if (!list) {
            r_.error(root, "missing required key 'nodes'");
            return;
        }
        if (!r_.expect_sequence(list, "nodes")) return;
        for (const auto& item : list) {
            if (!r_.expect_map(item, "a node")) continue;
            r_.check_keys(item, {"id", "name", "country", "kind", "lat", "lon", "coords", "border", "transshipment",
                                 "port", "source", "assumption", "note"},
                          "a node");
            Node n;
            n.name = r_.text(item, "id", true).value_or("");
            n.label = r_.text(item, "name", false).value_or(n.name);
            n.country = r_.text(item, "country", true).value_or("");
            n.kind = enum_value(r_, item, "kind", kKinds, true).value_or(NodeKind::junction);
            n.lat = r_.number(item, "lat", true, false, true).value_or(0);
            n.lon = r_.number(item, "lon", true, false, true).value_or(0);
            if (n.lat < -90 || n.lat > 90) r_.error(item["lat"], "'lat' must be within -90..90 degrees");
            if (n.lon < -180 || n.lon > 180) r_.error(item["lon"], "'lon' must be within -180..180 degrees");
            const std::string what = "node '" + n.name + "'";
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

    void read_border(const YAML::Node& b, const std::string& owner, Node& n) {
        const std::string what = "the border process of " + owner;
        if (!r_.expect_map(b, what)) return;
        r_.check_keys(b, {"dwell_h", "dwell_inbound_h", "servers", "cost_usd_per_unit", "open_from_h", "open_until_h",
                          "source", "assumption", "note"},
                      what);
        network::BorderProcess p;
        p.dwell_h = r_.hours_distribution(b, "dwell_h", true).value_or(core::Distribution{});
        p.dwell_inbound_h = r_.hours_distribution(b, "dwell_inbound_h", false).value_or(p.dwell_h);
        p.servers = r_.count(b, "servers", false).value_or(1);
        p.cost_usd_per_unit = r_.number(b, "cost_usd_per_unit", false, false).value_or(0);
        p.hours = read_opening_hours(b, what);
        check_provenance(b, what);
        n.border = p;
    }

    // open_from_h and open_until_h: both or neither (open around the clock).
    std::optional<network::OpeningHours> read_opening_hours(const YAML::Node& b, const std::string& what) {
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
        const auto from = r_.number(b, "open_from_h", true, false);
        const auto until = r_.number(b, "open_until_h", true, false);
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
        return network::OpeningHours{*from, *until};
    }

    void read_transshipment(const YAML::Node& t, const std::string& owner, Node& n) {
        const std::string what = "the transshipment process of " + owner;
        if (!r_.expect_map(t, what)) return;
        r_.check_keys(t, {"setup_h", "units_per_crane_h", "cranes", "cost_usd_per_unit", "source", "assumption", "note"}, what);
        network::TransshipmentProcess p;
        p.setup_h = r_.hours_distribution(t, "setup_h", true).value_or(core::Distribution{});
        p.units_per_crane_h = r_.number(t, "units_per_crane_h", true, true).value_or(1);
        p.cranes = r_.count(t, "cranes", true).value_or(1);
        p.cost_usd_per_unit = r_.number(t, "cost_usd_per_unit", false, false).value_or(0);
        check_provenance(t, what);
        n.transshipment = p;
    }

    void read_port(const YAML::Node& t, const std::string& owner, Node& n) {
        const std::string what = "the port process of " + owner;
        if (!r_.expect_map(t, what)) return;
        r_.check_keys(t, {"berths", "handling_h", "cost_usd_per_unit", "source", "assumption", "note"}, what);
        network::PortProcess p;
        p.berths = r_.count(t, "berths", true).value_or(1);
        p.handling_h = r_.hours_distribution(t, "handling_h", true).value_or(core::Distribution{});
        p.cost_usd_per_unit = r_.number(t, "cost_usd_per_unit", false, false).value_or(0);
        check_provenance(t, what);
        n.port = p;
    }

    std::optional<core::NodeId> node_ref(const YAML::Node& map, const char* key, const std::string& what) {
        const auto name = r_.text(map, key, true);
        if (!name) return std::nullopt;
        const auto it = node_index_.find(*name);
        if (it == node_index_.end()) {
            std::string message = what + " refers to unknown node '" + *name + "' in '" + key + "'";
            if (const auto near = nearest(*name, node_names_); !near.empty()) message += "; did you mean '" + near + "'?";
            r_.error(map[key], message);
            return std::nullopt;
        }
        return core::NodeId{static_cast<std::uint32_t>(it->second)};
    }

    void read_links(const YAML::Node& root, network::NetworkSpec& spec) {
        const YAML::Node list = root["links"];
        if (!list) {
            r_.error(root, "missing required key 'links'");
            return;
        }
        if (!r_.expect_sequence(list, "links")) return;
        std::vector<std::string> cargo_names;
        for (const auto& c : spec.cargo_classes) cargo_names.push_back(c.name);
        std::set<std::string> link_names;
        for (const auto& item : list) {
            if (!r_.expect_map(item, "a link")) continue;
            r_.check_keys(item, {"id", "from", "to", "mode", "length_km", "speed_kmh", "gauge_mm", "capacity_per_day",
                                 "cost_usd_per_unit_km", "co2_g_per_tkm", "status", "opens", "bidirectional",
                                 "forbid_cargo", "source", "assumption", "note"},
                          "a link");
            Link l;
            l.name = r_.text(item, "id", true).value_or("");
            const std::string what = "link '" + l.name + "'";
            const auto from = node_ref(item, "from", what);
            const auto to = node_ref(item, "to", what);
            l.mode = enum_value(r_, item, "mode", kModes, true).value_or(Mode::rail);
            l.length = core::Km{r_.number(item, "length_km", true, true).value_or(1)};
            l.speed = core::KmPerHour{r_.number(item, "speed_kmh", true, true).value_or(1)};
            const auto gauge = r_.number(item, "gauge_mm", false, true);
            if (l.mode == Mode::rail && !item["gauge_mm"]) {
                r_.error(item, what + " is rail and needs 'gauge_mm' (1435 or 1520 on this corridor)");
            }
            if (l.mode != Mode::rail && gauge) {
                r_.error(item["gauge_mm"], what + " is " + std::string(to_string(l.mode)) + ", so 'gauge_mm' does not apply");
            }
            l.gauge_mm = gauge ? static_cast<std::uint32_t>(*gauge) : 0;
            l.capacity_per_day = r_.number(item, "capacity_per_day", false, true).value_or(0);
            l.cost_usd_per_unit_km = r_.number(item, "cost_usd_per_unit_km", false, false).value_or(0);
            l.co2_g_per_tkm = r_.number(item, "co2_g_per_tkm", false, false).value_or(0);
            l.status = enum_value(r_, item, "status", kStatuses, false, std::optional{LinkStatus::open}).value_or(LinkStatus::open);
            if (const auto opens = r_.text(item, "opens", false)) {
                l.opens = network::parse_date(*opens);
                if (!l.opens) r_.error(item["opens"], "'opens' must be a date YYYY-MM-DD, found '" + *opens + "'");
                if (l.status != LinkStatus::planned) {
                    r_.error(item["opens"], what + " has 'opens' but its status is not 'planned'");
                }
            } else if (l.status == LinkStatus::planned) {
                r_.error(item, what + " is planned and needs 'opens: YYYY-MM-DD'");
            }
            if (const YAML::Node forbid = item["forbid_cargo"]) {
                if (r_.expect_sequence(forbid, "forbid_cargo: cargo class ids")) {
                    for (const auto& c : forbid) {
                        const auto it = std::find(cargo_names.begin(), cargo_names.end(), c.Scalar());
                        if (!c.IsScalar() || it == cargo_names.end()) {
                            std::string message = what + " forbids unknown cargo class '" + (c.IsScalar() ? c.Scalar() : "?") + "'";
                            if (const auto near = nearest(c.Scalar(), cargo_names); !near.empty()) message += "; did you mean '" + near + "'?";
                            r_.error(c, message);
                            continue;
                        }
                        l.forbidden.emplace_back(static_cast<std::uint32_t>(it - cargo_names.begin()));
                    }
                }
            }
            check_provenance(item, what);
            const bool both = r_.flag(item, "bidirectional").value_or(false);
            if (!l.name.empty() && !link_names.insert(l.name).second) {
                r_.error(item["id"], "duplicate link id '" + l.name + "'");
            }
            if (from && to && *from == *to) r_.error(item["to"], what + " starts and ends at the same node");
            if (!from || !to) continue;
            l.from = *from;
            l.to = *to;
            link_marks_.push_back(item);
            spec.links.push_back(l);
            if (both) {
                Link back = l;
                back.name = l.name + ":reverse";
                std::swap(back.from, back.to);
                if (!link_names.insert(back.name).second) r_.error(item["id"], "duplicate link id '" + back.name + "'");
                link_marks_.push_back(item);
                spec.links.push_back(back);
            }
        }
    }

    std::optional<logistics::DeparturePolicy> read_departure(const YAML::Node& d, const std::string& what) {
        logistics::DeparturePolicy p;
        if (!d) return p;
        if (!r_.expect_map(d, "depart: {when_full, max_wait_h, every_h, offset_h} of " + what)) return std::nullopt;
        r_.check_keys(d, {"when_full", "max_wait_h", "every_h", "offset_h"}, "depart of " + what);
        p.when_full = r_.flag(d, "when_full").value_or(true);
        p.max_wait_h = r_.number(d, "max_wait_h", false, true);
        p.every_h = r_.number(d, "every_h", false, true);
        p.offset_h = r_.number(d, "offset_h", false, false).value_or(0);
        if (!p.when_full && !p.max_wait_h && !p.every_h) {
            r_.error(d, what + " needs a departure rule: when_full, max_wait_h or every_h");
        }
        return p;
    }

    void read_services(const YAML::Node& list, LoadedModel& model) {
        if (!list) return;
        if (!r_.expect_sequence(list, "services")) return;
        std::map<std::string, std::size_t> link_index;
        std::vector<std::string> link_names;
        for (std::size_t i = 0; i < model.spec.links.size(); ++i) {
            link_index.emplace(model.spec.links[i].name, i);
            link_names.push_back(model.spec.links[i].name);
        }
        std::set<std::string> names;
        for (const auto& item : list) {
            if (!r_.expect_map(item, "a service")) continue;
            r_.check_keys(item, {"id", "kind", "links", "both_directions", "capacity_units", "vessels", "load_factor",
                                 "slots_per_unit", "depart", "sailing_h", "port_handling_h", "sea_area", "source", "assumption",
                                 "note"},
                          "a service");
            logistics::ServiceSpec svc;
            svc.name = r_.text(item, "id", true).value_or("");
            const std::string what = "service '" + svc.name + "'";
            if (!svc.name.empty() && !names.insert(svc.name).second) r_.error(item["id"], "duplicate service id '" + svc.name + "'");
            svc.kind = enum_value(r_, item, "kind", std::vector<std::pair<std::string, logistics::ServiceKind>>{
                                                        {"train", logistics::ServiceKind::train},
                                                        {"vessel", logistics::ServiceKind::vessel}},
                                  true).value_or(logistics::ServiceKind::train);
            const bool both = r_.flag(item, "both_directions").value_or(true);
            const YAML::Node links = item["links"];
            if (!links) {
                r_.error(item, "missing required key 'links'");
            } else if (r_.expect_sequence(links, "links of " + what)) {
                for (const auto& l : links) {
                    const auto it = link_index.find(l.IsScalar() ? l.Scalar() : "");
                    if (it == link_index.end()) {
                        std::string message = what + " runs on unknown link '" + (l.IsScalar() ? l.Scalar() : "?") + "'";
                        if (const auto near = nearest(l.Scalar(), link_names); !near.empty()) message += "; did you mean '" + near + "'?";
                        r_.error(l, message);
                        continue;
                    }
                    svc.links.emplace_back(static_cast<std::uint32_t>(it->second));
                    const auto reverse = link_index.find(l.Scalar() + ":reverse");
                    if (both && reverse != link_index.end()) svc.links.emplace_back(static_cast<std::uint32_t>(reverse->second));
                }
            }
            if (svc.kind == logistics::ServiceKind::train) {
                svc.capacity_units = r_.number(item, "capacity_units", true, true).value_or(1);
                for (const auto l : svc.links) {
                    if (model.spec.links[l.index()].mode != Mode::rail) {
                        r_.error(item["links"], what + " is a train service but link '" + model.spec.links[l.index()].name + "' is not rail");
                    }
                }
            } else {
                const YAML::Node vessels = item["vessels"];
                if (!vessels) {
                    r_.error(item, "missing required key 'vessels' (a vessel service needs a fleet)");
                } else if (r_.expect_sequence(vessels, "vessels of " + what)) {
                    for (const auto& v : vessels) {
                        if (!r_.expect_map(v, "a vessel")) continue;
                        r_.check_keys(v, {"name", "capacity_units"}, "a vessel of " + what);
                        const auto name = r_.text(v, "name", true).value_or("");
                        if (!name.empty() && !vessel_names_.insert(name).second) r_.error(v["name"], "duplicate vessel name '" + name + "'");
                        svc.vessels.push_back({name, r_.number(v, "capacity_units", true, true).value_or(1)});
                    }
                }
                if (const YAML::Node slots = item["slots_per_unit"]) {
                    if (r_.expect_map(slots, "slots_per_unit: {cargo class: slots}")) {
                        for (const auto& entry : slots) {
                            const std::string cls = entry.first.Scalar();
                            std::size_t index = model.spec.cargo_classes.size();
                            for (std::size_t i = 0; i < model.spec.cargo_classes.size(); ++i) {
                                if (model.spec.cargo_classes[i].name == cls) index = i;
                            }
                            double x = 0;
                            if (index == model.spec.cargo_classes.size()) {
                                r_.error(entry.first, what + ": slots_per_unit names unknown cargo class '" + cls + "'");
                            } else if (!YAML::convert<double>::decode(entry.second, x) || !(x > 0) || !std::isfinite(x)) {
                                r_.error(entry.second, what + ": slots_per_unit must be numbers > 0");
                            } else {
                                svc.slots_per_unit.push_back({core::CargoClassId{static_cast<std::uint32_t>(index)}, x});
                            }
                        }
                    }
                }
                svc.load_factor = r_.number(item, "load_factor", false, true).value_or(1.0);
                if (svc.load_factor > 1) r_.error(item["load_factor"], "'load_factor' must be at most 1, found " + item["load_factor"].Scalar());
                svc.sailing_h = r_.hours_distribution(item, "sailing_h", false);
                svc.port_handling_h = r_.hours_distribution(item, "port_handling_h", false);
                svc.sea_area = r_.text(item, "sea_area", false).value_or("");
                for (const auto l : svc.links) {
                    const auto mode = model.spec.links[l.index()].mode;
                    if (mode != Mode::ferry && mode != Mode::sea) {
                        r_.error(item["links"], what + " is a vessel service but link '" + model.spec.links[l.index()].name + "' is not ferry or sea");
                    }
                }
            }
            if (auto dep = read_departure(item["depart"], what)) svc.departure = *dep;
            check_provenance(item, what);
            model.services.push_back(std::move(svc));
        }
    }

    // Graph-level checks: gauge breaks need a transshipment, and every node must be reached.
    void check_graph(const network::NetworkSpec& spec) {
        std::vector<std::set<std::uint32_t>> in_gauges(spec.nodes.size()), out_gauges(spec.nodes.size());
        std::vector<std::size_t> in_degree(spec.nodes.size(), 0);
        for (const auto& l : spec.links) {
            ++in_degree[l.to.index()];
            if (l.mode != Mode::rail) continue;
            in_gauges[l.to.index()].insert(l.gauge_mm);
            out_gauges[l.from.index()].insert(l.gauge_mm);
        }
        for (std::size_t v = 0; v < spec.nodes.size(); ++v) {
            const Node& n = spec.nodes[v];
            std::set<std::uint32_t> all = in_gauges[v];
            all.insert(out_gauges[v].begin(), out_gauges[v].end());
            if (all.size() > 1 && !n.transshipment) {
                std::string gauges;
                for (const auto g : all) gauges += (gauges.empty() ? "" : " and ") + std::to_string(g) + " mm";
                r_.error(node_marks_[v], "node '" + n.name + "' joins rail of " + gauges +
                                             " (a gauge break) but has no 'transshipment' process to handle it");
            }
            if (in_degree[v] == 0) {
                r_.error(node_marks_[v], "node '" + n.name + "' is not reached by any link");
            }
        }
    }

    YamlReader r_;
    std::set<std::string> vessel_names_;
    std::vector<std::string> source_keys_;
    std::map<std::string, std::size_t> node_index_;
    std::vector<std::string> node_names_;
    std::vector<YAML::Node> node_marks_;
    std::vector<YAML::Node> link_marks_;
};

} // namespace

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError({file_error(path, "cannot open the file")});
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size > static_cast<std::streamoff>(detail::kMaxFileBytes)) {
        throw InputError({detail::file_too_large(path, static_cast<std::uintmax_t>(size))});
    }
    in.seekg(0);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

LoadedModel load_model_text(const std::string& text, const std::string& file) {
    std::vector<Diagnostic> parse_problems;
    const auto root = detail::parse_yaml(text, file, parse_problems);
    if (!root) throw InputError(parse_problems);
    return ModelReader{file}.read(*root);
}

namespace detail {
LoadedModel load_model_node(const YAML::Node& root, const std::string& file, const std::vector<ForeignNode>& foreign) {
    ModelReader reader{file};
    reader.set_foreign(foreign);
    return reader.read(root);
}
} // namespace detail

LoadedModel load_model(const std::string& path) { return load_model_text(read_text_file(path), path); }

} // namespace corridor::scenario
