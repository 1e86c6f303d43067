// A model document's top level: sources and provenance, cargo classes, and the graph check.
#include "sim/scenario/detail/model_reader.hpp"

#include <algorithm>
#include <cmath>

namespace corridor::scenario::detail {

LoadedModel ModelReader::read(const YAML::Node& root) {
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

LoadedModel& ModelReader::finish(LoadedModel& model) {
    if (r_.has_errors()) throw InputError(r_.diagnostics());
    model.warnings = InputError(r_.diagnostics()).diagnostics(); // in file order
    return model;
}

void ModelReader::read_sources(const YAML::Node& sources) {
    if (!sources) return;
    if (!r_.expect_map(sources, "sources: key -> {title, publisher, year, url}")) return;
    for (const auto& entry : sources) {
        const std::string key = entry.first.Scalar();
        source_keys_.push_back(key);
        if (!r_.expect_map(entry.second, "source '" + key + "'")) continue;
        r_.check_keys(entry.second, {"title", "publisher", "year", "url", "note"}, "source '" + key + "'");
        r_.text(entry.second, "title", true);
        r_.number(entry.second, "year", true, kYear);
    }
}

// Every figure needs a source key or an assumption; warn (naming the object) when neither.
void ModelReader::check_provenance(const YAML::Node& map, const std::string& what) {
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

std::optional<network::HazardRule> ModelReader::read_hazard_rule(const YAML::Node& map, const std::string& what) {
    const YAML::Node value = map["hazardous"];
    if (!value) return std::nullopt;
    if (value.IsSequence()) {
        network::HazardRule rule = network::HazardRule::none();
        for (const auto& k : value) {
            const auto n = r_.number_value(k, "hazardous", kHazardClass);
            if (n && *n != std::floor(*n)) r_.error(k, what + ": 'hazardous' lists UN classes, whole numbers 1 to 9, found " + k.Scalar());
            if (n) rule.classes.push_back(static_cast<std::uint8_t>(*n));
        }
        return rule;
    }
    bool all = false;
    if (!value.IsScalar() || !YAML::convert<bool>::decode(value, all)) {
        r_.error(value, what + ": 'hazardous' must be true (every class), false (none) or a list of UN classes 1 to 9");
        return std::nullopt;
    }
    return all ? network::HazardRule{} : network::HazardRule::none();
}

void ModelReader::read_cargo_classes(const YAML::Node& list, network::NetworkSpec& spec) {
    if (!list) return;
    if (!r_.expect_sequence(list, "cargo_classes")) return;
    for (const auto& item : list) {
        if (!r_.expect_map(item, "a cargo class")) continue;
        r_.check_keys(item, {"id", "unit", "tonnes_per_unit", "hazardous", "hazard_class", "modes", "source", "assumption", "note"},
                      "a cargo class");
        network::CargoClass c;
        c.name = r_.id(item).value_or("");
        c.unit = r_.text(item, "unit", true).value_or("teu");
        if (std::find(cargo_units_.begin(), cargo_units_.end(), c.unit) == cargo_units_.end()) cargo_units_.push_back(c.unit);
        c.tonnes_per_unit = core::Tonnes{r_.number(item, "tonnes_per_unit", true, kTonnesPerUnit).value_or(1)};
        c.hazardous = r_.flag(item, "hazardous").value_or(false);
        if (const auto k = r_.count(item, "hazard_class", false, 9)) {
            c.hazard_class = static_cast<std::uint8_t>(*k);
            if (item["hazardous"] && !c.hazardous) {
                r_.error(item["hazard_class"], "cargo class '" + c.name + "' has a 'hazard_class' but 'hazardous: false'");
            }
            c.hazardous = true;
        }
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

std::optional<core::NodeId> ModelReader::node_ref(const YAML::Node& map, const char* key, const std::string& what) {
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

// Graph-level checks: gauge breaks need a transshipment, and every node must be reached.
void ModelReader::check_graph(const network::NetworkSpec& spec) {
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

} // namespace corridor::scenario::detail
