// The scenario's top-level keys, its model with the overrides, routing defaults and outputs.
#include "sim/scenario/detail/scenario_reader.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "sim/scenario/detail/model_overrides.hpp"
#include "sim/scenario/model_loader.hpp"

namespace corridor::scenario::detail {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kTopKeys = {"name", "description", "model", "extends", "overrides", "start_date",
                                           "horizon_days", "warmup_days", "seed", "replications", "demand",
                                           "od_matrices", "weather", "disruptions", "routing", "outputs"};

} // namespace

LoadedScenario ScenarioReader::read() {
    for (const auto& [key, entry] : merged_.keys) {
        if (std::find(kTopKeys.begin(), kTopKeys.end(), key) != kTopKeys.end()) continue;
        r_.set_file(entry.second);
        std::string message = "unknown key '" + key + "' in the scenario";
        if (const auto near = nearest(key, kTopKeys); !near.empty()) message += "; did you mean '" + near + "'?";
        r_.error(entry.first, message);
    }
    LoadedScenario out{logistics::Scenario{}, network::Network::build({}), {}, merged_.files, {}, true};
    auto& sc = out.scenario;
    sc.name = fs::path(merged_.first_file).stem().string();
    if (const auto name = at("name")) {
        // The name is the default results folder's name: it must stay one folder inside it.
        const auto text = r_.text(wrap("name"), "name", true);
        const bool safe = text && text->size() <= 64 && text->front() != '.' &&
                          text->find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") ==
                              std::string::npos;
        if (text && !safe) {
            r_.error(wrap("name")["name"], "'name' must be 1 to 64 letters, digits, '_', '-' or '.', not starting with "
                                           "'.' (it names the results folder), found " + describe(wrap("name")["name"]));
        }
        if (safe) sc.name = *text;
    }

    // The model, with overrides merged in by id.
    const auto model_entry = merged_.keys.find("model");
    if (model_entry == merged_.keys.end()) {
        r_.set_file(merged_.first_file);
        r_.error(merged_.first_root, "missing required key 'model' (the path of a model file, e.g. ../models/middle_corridor.yaml)");
        throw InputError(r_.diagnostics());
    }
    r_.set_file(model_entry->second.second);
    const YAML::Node model_node = model_entry->second.first;
    if (!model_node.IsScalar()) {
        r_.error(model_node, "'model' must be the path of a model file");
        throw InputError(r_.diagnostics());
    }
    const fs::path model_path = fs::path(model_entry->second.second).parent_path() / model_node.Scalar();
    out.model_path = model_path.lexically_normal().string();
    if (const auto problem = input_file_problem(out.model_path)) {
        r_.error(model_node, "'model' names '" + model_node.Scalar() + "', which " + *problem + " (looked for " + out.model_path + ")");
        throw InputError(r_.diagnostics());
    }
    out.input_files.push_back(out.model_path);
    std::vector<Diagnostic> problems;
    const auto model_root = detail::parse_yaml(read_text_file(out.model_path), out.model_path, problems);
    if (!model_root) throw InputError(problems);
    // The parsed model is this load's own: overrides change it in place. (YAML::Clone would drop
    // every mark, and the model's own problems would all be reported at 1:1.)
    YAML::Node model_doc = *model_root;
    if (const auto overrides = at("overrides")) {
        detail::apply_overrides(*overrides, merged_.keys.at("overrides").second, r_, model_doc, overridden_);
    }
    LoadedModel model;
    try {
        model = detail::load_model_node(model_doc, out.model_path, overridden_);
    } catch (const InputError& e) {
        // Without a model the scenario's references cannot be checked: report what we have.
        auto all = r_.diagnostics();
        all.insert(all.end(), e.diagnostics().begin(), e.diagnostics().end());
        throw InputError(all);
    }
    out.warnings = model.warnings;
    out.network = network::Network::build(model.spec);
    sc.services = model.services;
    const network::Network& net = out.network;

    sc.start_date = date_of("start_date").value_or(network::Date{*network::parse_date("2025-01-01")});
    const auto horizon_days = number_of("horizon_days", true, kHorizonDays);
    sc.horizon = core::to_ticks(core::Hours{24.0 * horizon_days.value_or(1)});
    sc.warmup = core::to_ticks(core::Hours{24.0 * number_of("warmup_days", false, kDays).value_or(0)});
    if (horizon_days && sc.warmup >= sc.horizon && at("warmup_days")) {
        r_.error(wrap("warmup_days")["warmup_days"], "'warmup_days' must be shorter than 'horizon_days'");
    }
    if (const auto seed = at("seed")) {
        long long value = 0;
        if (!seed->IsScalar() || !YAML::convert<long long>::decode(*seed, value) || value < 0) {
            r_.error(*seed, "'seed' must be a whole number >= 0, found '" + (seed->IsScalar() ? seed->Scalar() : "?") + "'");
        } else {
            sc.seed = static_cast<std::uint64_t>(value);
        }
    }
    if (at("replications")) sc.replications = r_.count(wrap("replications"), "replications", true).value_or(1);
    read_routing(sc);
    read_outputs(out);
    read_weather(sc);
    read_demand(sc, net);
    read_od_matrices(sc, net);
    read_disruptions(sc, net);
    if (r_.has_errors()) throw InputError(r_.diagnostics());
    warn_unroutable(sc, net);
    out.warnings.insert(out.warnings.end(), r_.diagnostics().begin(), r_.diagnostics().end());
    return out;
}

// The node of a top-level key, with the reader pointed at the file it came from.
std::optional<YAML::Node> ScenarioReader::at(const std::string& key) {
    const auto it = merged_.keys.find(key);
    if (it == merged_.keys.end()) return std::nullopt;
    r_.set_file(it->second.second);
    return it->second.first;
}

// A one-key map holding the top-level value, so the typed readers can be reused.
YAML::Node ScenarioReader::wrap(const std::string& key) {
    YAML::Node map;
    if (const auto node = at(key)) map[key] = *node;
    return map;
}

std::optional<double> ScenarioReader::number_of(const std::string& key, bool required, const Range& range) {
    const auto node = at(key);
    if (!node) {
        if (required) {
            r_.set_file(merged_.first_file);
            r_.error(merged_.first_root, "missing required key '" + key + "'");
        }
        return std::nullopt;
    }
    return r_.number_value(*node, key, range);
}

std::optional<network::Date> ScenarioReader::date_of(const std::string& key) {
    const auto node = at(key);
    if (!node) return std::nullopt;
    const auto date = node->IsScalar() ? network::parse_date(node->Scalar()) : std::nullopt;
    if (!date) r_.error(*node, "'" + key + "' must be a date YYYY-MM-DD, found '" + (node->IsScalar() ? node->Scalar() : "?") + "'");
    return date;
}

void ScenarioReader::read_routing(logistics::Scenario& sc) {
    const auto node = at("routing");
    if (!node) return;
    if (!r_.expect_map(*node, "routing")) return;
    r_.check_keys(*node, {"policy", "by", "k", "logit_scale", "value_of_time_usd_per_h", "carbon_price_usd_per_t",
                          "value_of_reliability_usd_per_h"},
                  "routing");
    default_policy_ = policy_of(*node);
    default_metric_ = metric_of(*node);
    if (const auto k = r_.count(*node, "k", false)) default_k_ = *k;
    if (const auto s = r_.number(*node, "logit_scale", false, kLogitScale)) default_scale_ = *s;
    sc.weights.value_of_time_usd_per_h = core::UsdPerHour{
        r_.number(*node, "value_of_time_usd_per_h", false, kUsdPerHour).value_or(sc.weights.value_of_time_usd_per_h.value())};
    sc.weights.carbon_price_usd_per_t =
        core::UsdPerTonne{r_.number(*node, "carbon_price_usd_per_t", false, kUsdPerTonne).value_or(0)};
    sc.weights.value_of_reliability_usd_per_h =
        core::UsdPerHour{r_.number(*node, "value_of_reliability_usd_per_h", false, kUsdPerHour).value_or(0)};
}

std::optional<logistics::RoutingPolicy> ScenarioReader::policy_of(const YAML::Node& map) {
    const auto text = r_.text(map, "policy", false);
    if (!text) return std::nullopt;
    const std::vector<std::pair<std::string, logistics::RoutingPolicy>> names = {
        {"fixed", logistics::RoutingPolicy::fixed}, {"shortest", logistics::RoutingPolicy::shortest},
        {"k_shortest", logistics::RoutingPolicy::k_shortest}, {"adaptive", logistics::RoutingPolicy::adaptive}};
    for (const auto& [n, v] : names) {
        if (n == *text) return v;
    }
    std::string message = "'policy' must be one of fixed, shortest, k_shortest, adaptive; found '" + *text + "'";
    if (const auto near = nearest(*text, {"fixed", "shortest", "k_shortest", "adaptive"}); !near.empty()) message += "; did you mean '" + near + "'?";
    r_.error(map["policy"], message);
    return std::nullopt;
}

std::optional<network::Metric> ScenarioReader::metric_of(const YAML::Node& map) {
    const auto text = r_.text(map, "by", false);
    if (!text) return std::nullopt;
    if (*text == "time") return network::Metric::time;
    if (*text == "cost") return network::Metric::cost;
    if (*text == "co2") return network::Metric::co2;
    if (*text == "generalised") return network::Metric::generalised;
    std::string message = "'by' must be one of time, cost, co2, generalised; found '" + *text + "'";
    if (const auto near = nearest(*text, {"time", "cost", "co2", "generalised"}); !near.empty()) message += "; did you mean '" + near + "'?";
    r_.error(map["by"], message);
    return std::nullopt;
}

void ScenarioReader::read_outputs(LoadedScenario& out) {
    const auto node = at("outputs");
    if (!node) return;
    if (!r_.expect_map(*node, "outputs")) return;
    r_.check_keys(*node, {"shipments"}, "outputs");
    out.write_shipments = r_.flag(*node, "shipments").value_or(true);
}

std::optional<core::NodeId> ScenarioReader::node_ref(const network::Network& net, const YAML::Node& map,
                                                     const char* key, const std::string& what) {
    const auto name = r_.text(map, key, true);
    if (!name) return std::nullopt;
    if (const auto id = net.find_node(*name)) return id;
    std::vector<std::string> names;
    for (std::uint32_t i = 0; i < net.node_count(); ++i) names.push_back(net.node(core::NodeId{i}).name);
    std::string message = what + " refers to unknown node '" + *name + "'";
    if (const auto near = nearest(*name, names); !near.empty()) message += "; did you mean '" + near + "'?";
    r_.error(map[key], message);
    return std::nullopt;
}

} // namespace corridor::scenario::detail
