// Reads a merged scenario document (detail/scenario_document) into a typed Scenario, with its
// model loaded and the scenario's overrides applied (detail/model_overrides). One class, defined
// one part of the schema (scenarios/README.md) per file: scenario_reader.cpp (the top-level keys,
// routing, outputs), scenario_demand.cpp (flows, paths, OD matrices), scenario_weather.cpp and
// scenario_disruptions.cpp. Every problem goes to the YamlReader with its file, line and column.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"
#include "sim/network/routing.hpp"
#include "sim/scenario/detail/model_node.hpp"
#include "sim/scenario/detail/scenario_document.hpp"
#include "sim/scenario/detail/yaml_reader.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace corridor::scenario::detail {

class ScenarioReader {
public:
    explicit ScenarioReader(const MergedScenario& merged)
        : merged_{merged}, overridden_{merged.set_nodes}, r_{merged.first_file} {
        r_.set_foreign(merged.set_nodes);
    }
    /// Throws InputError with every problem found; warnings go with the result.
    LoadedScenario read();

private:
    // ---- the top-level keys, routing and outputs (scenario_reader.cpp)
    // The node of a top-level key, with the reader pointed at the file it came from.
    std::optional<YAML::Node> at(const std::string& key);
    // A one-key map holding the top-level value, so the typed readers can be reused.
    YAML::Node wrap(const std::string& key);
    std::optional<double> number_of(const std::string& key, bool required, const Range& range);
    std::optional<network::Date> date_of(const std::string& key);
    void read_routing(logistics::Scenario& sc);
    std::optional<logistics::RoutingPolicy> policy_of(const YAML::Node& map);
    std::optional<network::Metric> metric_of(const YAML::Node& map);
    void read_outputs(LoadedScenario& out);
    std::optional<core::NodeId> node_ref(const network::Network& net, const YAML::Node& map, const char* key,
                                         const std::string& what);

    // ---- demand: flows, their settings and paths, OD matrices (scenario_demand.cpp)
    void read_demand(logistics::Scenario& sc, const network::Network& net);
    // Arrival, batch, seasonality, on-time target, custody and default routing of a flow or of
    // every flow of an OD matrix.
    void read_settings(const YAML::Node& item, logistics::Flow& flow);
    // A fixed path as node ids; consecutive nodes must be joined by a link (the fastest if several).
    void read_path(const network::Network& net, const YAML::Node& path, logistics::Flow& flow, const std::string& what);
    void read_constraints(const network::Network& net, const YAML::Node& routing, logistics::Flow& flow, const std::string& what);
    static std::string why_not(const network::Network& net, core::LinkId link, const logistics::Flow& flow);
    void read_od_matrices(logistics::Scenario& sc, const network::Network& net);
    void warn_unroutable(const logistics::Scenario& sc, const network::Network& net);
    // A fixed path as link ids, for where two nodes are joined by several links.
    void read_links(const network::Network& net, const YAML::Node& links, logistics::Flow& flow, const std::string& what);

    // ---- weather: storm chains per sea area (scenario_weather.cpp)
    void read_weather(logistics::Scenario& sc);
    std::optional<logistics::WeatherMonth> month(const YAML::Node& m, const std::string& what);

    // ---- disruptions (scenario_disruptions.cpp)
    void read_disruptions(logistics::Scenario& sc, const network::Network& net);

    const MergedScenario& merged_;
    std::vector<ForeignNode> overridden_; // model nodes that overrides put there (apply_overrides)
    YamlReader r_;
    std::optional<logistics::RoutingPolicy> default_policy_;
    std::optional<network::Metric> default_metric_;
    std::size_t default_k_ = 3;
    std::vector<YAML::Node> flow_nodes_; // the demand or od_matrices item of each flow, in order
    double default_scale_ = 24.0;
};

} // namespace corridor::scenario::detail
