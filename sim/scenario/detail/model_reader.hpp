// Reads a model document (models/README.md) into a NetworkSpec and services, every problem with
// its file, line and column. One class, defined one part of the schema per file: model_reader.cpp
// (the document, sources, cargo classes, the graph check), model_nodes.cpp, model_links.cpp and
// model_services.cpp.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "sim/network/network.hpp"
#include "sim/scenario/detail/yaml_reader.hpp"
#include "sim/scenario/model_loader.hpp"

namespace corridor::scenario::detail {

using network::Link;
using network::LinkStatus;
using network::Mode;
using network::Node;
using network::NodeKind;

// The value of `key` among `names`; an error with a did-you-mean if it is none of them.
template <class Enum>
inline std::optional<Enum> enum_value(YamlReader& r, const YAML::Node& map, const char* key,
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

inline const std::vector<std::pair<std::string, Mode>> kModes = {
    {"rail", Mode::rail}, {"road", Mode::road}, {"ferry", Mode::ferry}, {"sea", Mode::sea}, {"air", Mode::air}};
inline const std::vector<std::pair<std::string, NodeKind>> kKinds = {
    {"rail_terminal", NodeKind::rail_terminal}, {"seaport", NodeKind::seaport}, {"dry_port", NodeKind::dry_port},
    {"border", NodeKind::border}, {"junction", NodeKind::junction}, {"city", NodeKind::city},
    {"airport", NodeKind::airport}};
inline const std::vector<std::pair<std::string, LinkStatus>> kStatuses = {
    {"open", LinkStatus::open}, {"planned", LinkStatus::planned}, {"closed", LinkStatus::closed}};

class ModelReader {
public:
    explicit ModelReader(std::string file) : r_{std::move(file)} {}
    void set_foreign(const std::vector<ForeignNode>& foreign) { r_.set_foreign(foreign); }
    /// Throws InputError with every problem found; warnings go with the result.
    LoadedModel read(const YAML::Node& root);

private:
    // ---- the document, sources and provenance, cargo classes, the graph check (model_reader.cpp)
    LoadedModel& finish(LoadedModel& model);
    void read_sources(const YAML::Node& sources);
    // Every figure needs a source key or an assumption; warn (naming the object) when neither.
    void check_provenance(const YAML::Node& map, const std::string& what);
    void read_cargo_classes(const YAML::Node& list, network::NetworkSpec& spec);
    std::optional<core::NodeId> node_ref(const YAML::Node& map, const char* key, const std::string& what);
    // `hazardous:` of a link or a node: true (every class), false (none) or a list of UN classes.
    std::optional<network::HazardRule> read_hazard_rule(const YAML::Node& map, const std::string& what);
    // Graph-level checks: gauge breaks need a transshipment, and every node must be reached.
    void check_graph(const network::NetworkSpec& spec);

    // ---- nodes and their processes: borders, opening hours, transshipment, ports (model_nodes.cpp)
    void read_nodes(const YAML::Node& root, network::NetworkSpec& spec);
    void read_border(const YAML::Node& b, const std::string& owner, Node& n);
    // open_from_h and open_until_h: both or neither (open around the clock).
    std::optional<network::OpeningHours> read_opening_hours(const YAML::Node& b, const std::string& what);
    void read_transshipment(const YAML::Node& t, const std::string& owner, Node& n);
    void read_port(const YAML::Node& t, const std::string& owner, Node& n);

    // ---- links (model_links.cpp)
    void read_links(const YAML::Node& root, network::NetworkSpec& spec);

    // ---- services and their departure rules (model_services.cpp)
    std::optional<logistics::DeparturePolicy> read_departure(const YAML::Node& d, const std::string& what);
    void read_services(const YAML::Node& list, LoadedModel& model);

    YamlReader r_;
    std::set<std::string> vessel_names_;
    std::vector<std::string> source_keys_;
    std::map<std::string, std::size_t> node_index_;
    std::vector<std::string> node_names_;
    std::vector<std::string> cargo_units_; // the cargo classes' units, for yards
    std::vector<YAML::Node> node_marks_;
    std::vector<YAML::Node> link_marks_;
};

} // namespace corridor::scenario::detail
