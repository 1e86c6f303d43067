// The scenario schema (scenarios/README.md): a scenario document (merged over the files it
// extends, with --set settings applied: detail/scenario_document) read into a typed Scenario, its
// model loaded with the scenario's overrides (detail/model_overrides).
#include "sim/scenario/scenario_loader.hpp"

#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "sim/logistics/od_matrix.hpp"
#include "sim/network/routing.hpp"
#include "sim/scenario/detail/model_node.hpp"
#include "sim/scenario/detail/model_overrides.hpp"
#include "sim/scenario/detail/scenario_document.hpp"
#include "sim/scenario/detail/yaml_reader.hpp"
#include "sim/scenario/model_loader.hpp"

namespace corridor::scenario {

namespace {

namespace fs = std::filesystem;
using detail::YamlReader;

const std::vector<std::string> kTopKeys = {"name", "description", "model", "extends", "overrides", "start_date",
                                           "horizon_days", "warmup_days", "seed", "replications", "demand",
                                           "od_matrices", "weather", "disruptions", "routing", "outputs"};
const std::vector<std::string> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};


class ScenarioReader {
public:
    explicit ScenarioReader(const detail::MergedScenario& merged) : merged_{merged}, r_{merged.first_file} {}

    LoadedScenario read() {
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
        if (const auto name = at("name")) sc.name = r_.text(wrap("name"), "name", true).value_or(sc.name);

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
        if (!fs::exists(model_path)) {
            r_.error(model_node, "'model' names '" + model_node.Scalar() + "', which does not exist (looked for " + out.model_path + ")");
            throw InputError(r_.diagnostics());
        }
        out.input_files.push_back(out.model_path);
        std::vector<Diagnostic> problems;
        const auto model_root = detail::parse_yaml(read_text_file(out.model_path), out.model_path, problems);
        if (!model_root) throw InputError(problems);
        YAML::Node model_doc = YAML::Clone(*model_root);
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
        sc.horizon = core::to_ticks(core::Hours{24.0 * number_of("horizon_days", true, true).value_or(1)});
        sc.warmup = core::to_ticks(core::Hours{24.0 * number_of("warmup_days", false, false).value_or(0)});
        if (sc.warmup >= sc.horizon && at("warmup_days")) {
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
        out.warnings.insert(out.warnings.end(), r_.diagnostics().begin(), r_.diagnostics().end());
        return out;
    }

private:
    // The node of a top-level key, with the reader pointed at the file it came from.
    std::optional<YAML::Node> at(const std::string& key) {
        const auto it = merged_.keys.find(key);
        if (it == merged_.keys.end()) return std::nullopt;
        r_.set_file(it->second.second);
        return it->second.first;
    }
    // A one-key map holding the top-level value, so the typed readers can be reused.
    YAML::Node wrap(const std::string& key) {
        YAML::Node map;
        if (const auto node = at(key)) map[key] = *node;
        return map;
    }
    std::optional<double> number_of(const std::string& key, bool required, bool positive) {
        const auto node = at(key);
        if (!node) {
            if (required) {
                r_.set_file(merged_.first_file);
                r_.error(merged_.first_root, "missing required key '" + key + "'");
            }
            return std::nullopt;
        }
        double x = 0;
        if (!node->IsScalar() || !YAML::convert<double>::decode(*node, x) || !std::isfinite(x) || (positive ? x <= 0 : x < 0)) {
            r_.error(*node, "'" + key + "' must be a number" + (positive ? " greater than 0" : " >= 0") + ", found '" +
                                (node->IsScalar() ? node->Scalar() : "?") + "'");
            return std::nullopt;
        }
        return x;
    }
    std::optional<network::Date> date_of(const std::string& key) {
        const auto node = at(key);
        if (!node) return std::nullopt;
        const auto date = node->IsScalar() ? network::parse_date(node->Scalar()) : std::nullopt;
        if (!date) r_.error(*node, "'" + key + "' must be a date YYYY-MM-DD, found '" + (node->IsScalar() ? node->Scalar() : "?") + "'");
        return date;
    }

    void read_routing(logistics::Scenario& sc) {
        const auto node = at("routing");
        if (!node) return;
        if (!r_.expect_map(*node, "routing")) return;
        r_.check_keys(*node, {"policy", "by", "k", "logit_scale", "value_of_time_usd_per_h", "carbon_price_usd_per_t"}, "routing");
        default_policy_ = policy_of(*node);
        default_metric_ = metric_of(*node);
        if (const auto k = r_.count(*node, "k", false)) default_k_ = *k;
        if (const auto s = r_.number(*node, "logit_scale", false, true)) default_scale_ = *s;
        sc.weights.value_of_time_usd_per_h = r_.number(*node, "value_of_time_usd_per_h", false, false).value_or(sc.weights.value_of_time_usd_per_h);
        sc.weights.carbon_price_usd_per_t = r_.number(*node, "carbon_price_usd_per_t", false, false).value_or(0);
    }

    std::optional<logistics::RoutingPolicy> policy_of(const YAML::Node& map) {
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

    std::optional<network::Metric> metric_of(const YAML::Node& map) {
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

    void read_outputs(LoadedScenario& out) {
        const auto node = at("outputs");
        if (!node) return;
        if (!r_.expect_map(*node, "outputs")) return;
        r_.check_keys(*node, {"shipments"}, "outputs");
        out.write_shipments = r_.flag(*node, "shipments").value_or(true);
    }

    void read_weather(logistics::Scenario& sc) {
        const auto node = at("weather");
        if (!node) return;
        if (!r_.expect_map(*node, "weather: {area: {months: {jan: {storm_share, mean_storm_h}}}}")) return;
        for (const auto& area : *node) {
            logistics::SeaArea sea;
            sea.name = area.first.Scalar();
            const std::string what = "weather area '" + sea.name + "'";
            if (!r_.expect_map(area.second, what)) continue;
            r_.check_keys(area.second, {"months", "all_year", "source", "assumption", "note"}, what);
            if (const YAML::Node all = area.second["all_year"]) {
                if (const auto m = month(all, what + " all_year")) sea.months.fill(*m);
            }
            if (const YAML::Node months = area.second["months"]) {
                if (r_.expect_map(months, "months of " + what)) {
                    r_.check_keys(months, kMonths, "months of " + what);
                    for (std::size_t i = 0; i < 12; ++i) {
                        if (const YAML::Node m = months[kMonths[i]]) {
                            if (const auto parsed = month(m, what + " " + kMonths[i])) sea.months[i] = *parsed;
                        }
                    }
                }
            }
            sc.areas.push_back(sea);
        }
        std::set<std::string> used;
        for (const auto& svc : sc.services) used.insert(svc.sea_area);
        for (const auto& sea : sc.areas) {
            if (!used.count(sea.name)) r_.warning(*node, "weather area '" + sea.name + "' is not the sea_area of any vessel service");
        }
    }

    std::optional<logistics::WeatherMonth> month(const YAML::Node& m, const std::string& what) {
        if (!r_.expect_map(m, what)) return std::nullopt;
        r_.check_keys(m, {"storm_share", "mean_storm_h"}, what);
        logistics::WeatherMonth w;
        w.storm_share = r_.number(m, "storm_share", true, false).value_or(0);
        if (w.storm_share >= 1) r_.error(m["storm_share"], "'storm_share' must be below 1 (a sea always calms), found " + m["storm_share"].Scalar());
        w.mean_storm_h = r_.number(m, "mean_storm_h", w.storm_share > 0, true).value_or(24);
        return w;
    }

    std::optional<core::NodeId> node_ref(const network::Network& net, const YAML::Node& map, const char* key,
                                         const std::string& what) {
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

    void read_demand(logistics::Scenario& sc, const network::Network& net) {
        const auto node = at("demand");
        if (!node) return;
        if (!r_.expect_sequence(*node, "demand: a list of flows")) return;
        std::set<std::string> names;
        for (const auto& item : *node) {
            if (!r_.expect_map(item, "a flow")) continue;
            r_.check_keys(item, {"id", "from", "to", "cargo", "units_per_day", "units_per_week", "units_per_month",
                                 "units_per_year", "arrival", "batch_units", "seasonal", "routing", "target_days",
                                 "custody", "source", "assumption", "note"},
                          "a flow");
            logistics::Flow flow;
            flow.name = r_.text(item, "id", true).value_or("");
            const std::string what = "flow '" + flow.name + "'";
            if (!flow.name.empty() && !names.insert(flow.name).second) r_.error(item["id"], "duplicate flow id '" + flow.name + "'");
            const auto from = node_ref(net, item, "from", what);
            const auto to = node_ref(net, item, "to", what);
            if (from) flow.origin = *from;
            if (to) flow.destination = *to;
            if (const auto cargo = r_.text(item, "cargo", true)) {
                if (const auto id = net.find_cargo_class(*cargo)) {
                    flow.cargo = *id;
                } else {
                    std::vector<std::string> classes;
                    for (const auto& c : net.cargo_classes()) classes.push_back(c.name);
                    std::string message = what + " refers to unknown cargo class '" + *cargo + "'";
                    if (const auto near = nearest(*cargo, classes); !near.empty()) message += "; did you mean '" + near + "'?";
                    r_.error(item["cargo"], message);
                }
            }
            int rates = 0;
            const std::pair<const char*, double> periods[] = {{"units_per_day", 1}, {"units_per_week", 7},
                                                               {"units_per_month", 365.25 / 12}, {"units_per_year", 365.25}};
            for (const auto& [key, days] : periods) {
                if (const auto rate = r_.number(item, key, false, false)) {
                    flow.units_per_day = *rate / days;
                    ++rates;
                }
            }
            if (rates != 1) r_.error(item, what + " needs exactly one rate: units_per_day, units_per_week, units_per_month or units_per_year");
            read_settings(item, flow);
            if (const YAML::Node routing = item["routing"]) {
                if (r_.expect_map(routing, "routing of " + what)) {
                    r_.check_keys(routing, {"policy", "by", "k", "logit_scale", "path", "links"}, "routing of " + what);
                    if (const auto p = policy_of(routing)) flow.policy = *p;
                    if (const auto m = metric_of(routing)) flow.metric = *m;
                    if (const auto k = r_.count(routing, "k", false)) flow.k = *k;
                    if (const auto s = r_.number(routing, "logit_scale", false, true)) flow.logit_scale = *s;
                    if (const YAML::Node path = routing["path"]) read_path(net, path, flow, what);
                    if (const YAML::Node links = routing["links"]) read_links(net, links, flow, what);
                }
            }
            if (flow.policy == logistics::RoutingPolicy::fixed && flow.fixed_route.empty() && from && to && *from != *to) {
                r_.error(item, what + " has policy fixed and needs 'routing: {path: [node, node, ...]}'");
            }
            sc.flows.push_back(flow);
        }
    }

    // Arrival, batch, seasonality, on-time target, custody and default routing of a flow or of
    // every flow of an OD matrix.
    void read_settings(const YAML::Node& item, logistics::Flow& flow) {
        if (const auto arrival = r_.text(item, "arrival", false)) {
            if (*arrival == "poisson") {
                flow.arrival = logistics::ArrivalProcess::poisson;
            } else if (*arrival == "fixed_interval") {
                flow.arrival = logistics::ArrivalProcess::fixed_interval;
            } else {
                r_.error(item["arrival"], "'arrival' must be poisson or fixed_interval, found '" + *arrival + "'");
            }
        }
        flow.batch_units = r_.number(item, "batch_units", false, true).value_or(1);
        if (const YAML::Node seasonal = item["seasonal"]) {
            if (r_.expect_sequence(seasonal, "seasonal: 12 monthly multipliers") ) {
                if (seasonal.size() != 12) {
                    r_.error(seasonal, "'seasonal' needs 12 monthly multipliers, found " + std::to_string(seasonal.size()));
                } else {
                    for (std::size_t i = 0; i < 12; ++i) {
                        double x = 0;
                        if (!YAML::convert<double>::decode(seasonal[i], x) || !std::isfinite(x) || x < 0) {
                            r_.error(seasonal[i], "'seasonal' multipliers must be numbers >= 0");
                        } else {
                            flow.seasonal[i] = x;
                        }
                    }
                }
            }
        }
        flow.target_days = r_.number(item, "target_days", false, true);
        flow.custody = r_.flag(item, "custody").value_or(false);
        flow.policy = default_policy_.value_or(logistics::RoutingPolicy::shortest);
        flow.metric = default_metric_.value_or(network::Metric::time);
        flow.k = default_k_;
        flow.logit_scale = default_scale_;
    }

    // A fixed path as node ids; consecutive nodes must be joined by a link (the fastest if several).
    void read_path(const network::Network& net, const YAML::Node& path, logistics::Flow& flow, const std::string& what) {
        if (!r_.expect_sequence(path, "path: a list of node ids")) return;
        std::optional<core::NodeId> previous;
        for (const auto& step : path) {
            const auto name = step.IsScalar() ? step.Scalar() : "";
            const auto id = net.find_node(name);
            if (!id) {
                r_.error(step, what + ": path refers to unknown node '" + name + "'");
                return;
            }
            if (previous) {
                std::optional<core::LinkId> best;
                for (const auto l : net.out_links(*previous)) {
                    if (net.link(l).to != *id) continue;
                    const auto& link = net.link(l);
                    if (!best || link.length.value() / link.speed.value() <
                                     net.link(*best).length.value() / net.link(*best).speed.value()) {
                        best = l;
                    }
                }
                if (!best) {
                    r_.error(step, what + ": no link from '" + net.node(*previous).name + "' to '" + name + "'");
                    return;
                }
                flow.fixed_route.push_back(*best);
            }
            previous = id;
        }
    }

    void read_od_matrices(logistics::Scenario& sc, const network::Network& net) {
        const auto node = at("od_matrices");
        if (!node) return;
        if (!r_.expect_sequence(*node, "od_matrices: a list of matrices")) return;
        for (const auto& item : *node) {
            if (!r_.expect_map(item, "an OD matrix")) continue;
            r_.check_keys(item, {"id", "cargo", "origins", "destinations", "units_per_day", "units_per_week",
                                 "units_per_month", "units_per_year", "arrival", "batch_units", "seasonal", "routing",
                                 "target_days", "custody", "source", "assumption", "note"},
                          "an OD matrix");
            logistics::OdMatrix od;
            od.name = r_.text(item, "id", true).value_or("");
            const std::string what = "OD matrix '" + od.name + "'";
            auto& flow = od.settings;
            if (const auto cargo = r_.text(item, "cargo", true)) {
                if (const auto id = net.find_cargo_class(*cargo)) {
                    flow.cargo = *id;
                } else {
                    r_.error(item["cargo"], what + " refers to unknown cargo class '" + *cargo + "'");
                }
            }
            std::vector<std::string> names[2];
            std::vector<core::NodeId>* ids[2] = {&od.origins, &od.destinations};
            const char* keys[2] = {"origins", "destinations"};
            for (int side = 0; side < 2; ++side) {
                const YAML::Node list = item[keys[side]];
                if (!list) {
                    r_.error(item, std::string("missing required key '") + keys[side] + "'");
                    continue;
                }
                if (!r_.expect_sequence(list, std::string(keys[side]) + ": node ids")) continue;
                for (const auto& n : list) {
                    const auto id = net.find_node(n.IsScalar() ? n.Scalar() : "");
                    if (!id) {
                        r_.error(n, what + " refers to unknown node '" + (n.IsScalar() ? n.Scalar() : "?") + "'");
                        continue;
                    }
                    ids[side]->push_back(*id);
                    names[side].push_back(n.Scalar());
                }
            }
            const std::pair<const char*, double> periods[] = {{"units_per_day", 1}, {"units_per_week", 7},
                                                               {"units_per_month", 365.25 / 12}, {"units_per_year", 365.25}};
            int rates = 0;
            for (const auto& [key, days] : periods) {
                const YAML::Node rows = item[key];
                if (!rows) continue;
                ++rates;
                if (!r_.expect_sequence(rows, std::string(key) + ": one row per origin")) continue;
                if (rows.size() != od.origins.size()) {
                    r_.error(rows, what + " needs one row per origin (" + std::to_string(od.origins.size()) + "), found " + std::to_string(rows.size()));
                    continue;
                }
                od.units_per_day = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(od.origins.size()), static_cast<Eigen::Index>(od.destinations.size()));
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    const YAML::Node row = rows[i];
                    if (!row.IsSequence() || row.size() != od.destinations.size()) {
                        r_.error(row, what + " row " + std::to_string(i + 1) + " needs one entry per destination (" +
                                          std::to_string(od.destinations.size()) + ")");
                        continue;
                    }
                    for (std::size_t j = 0; j < row.size(); ++j) {
                        double x = 0;
                        if (!YAML::convert<double>::decode(row[j], x) || !std::isfinite(x) || x < 0) {
                            r_.error(row[j], what + ": rates must be numbers >= 0");
                            continue;
                        }
                        od.units_per_day(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = x / days;
                    }
                }
            }
            if (rates != 1) r_.error(item, what + " needs exactly one matrix of rates: units_per_day, units_per_week, units_per_month or units_per_year");
            read_settings(item, flow);
            if (const YAML::Node routing = item["routing"]) {
                if (r_.expect_map(routing, "routing of " + what)) {
                    r_.check_keys(routing, {"policy", "by", "k", "logit_scale"}, "routing of " + what);
                    if (const auto p = policy_of(routing)) flow.policy = *p;
                    if (const auto m = metric_of(routing)) flow.metric = *m;
                    if (const auto k = r_.count(routing, "k", false)) flow.k = *k;
                    if (const auto sc_scale = r_.number(routing, "logit_scale", false, true)) flow.logit_scale = *sc_scale;
                    if (flow.policy == logistics::RoutingPolicy::fixed) r_.error(routing, what + ": an OD matrix cannot use policy fixed (one path per cell)");
                }
            }
            if (od.units_per_day.size() > 0) {
                for (auto& f : logistics::expand(od, names[0], names[1])) sc.flows.push_back(std::move(f));
            }
        }
    }

    // A fixed path as link ids, for where two nodes are joined by several links.
    void read_links(const network::Network& net, const YAML::Node& links, logistics::Flow& flow, const std::string& what) {
        if (!r_.expect_sequence(links, "links: a list of link ids")) return;
        if (!flow.fixed_route.empty()) {
            r_.error(links, what + ": give either 'path' (nodes) or 'links', not both");
            return;
        }
        std::optional<core::NodeId> at = flow.origin;
        for (const auto& step : links) {
            const auto name = step.IsScalar() ? step.Scalar() : "";
            const auto id = net.find_link(name);
            if (!id) {
                std::vector<std::string> names;
                for (std::uint32_t i = 0; i < net.link_count(); ++i) names.push_back(net.link(core::LinkId{i}).name);
                std::string message = what + ": links refers to unknown link '" + name + "'";
                if (const auto near = nearest(name, names); !near.empty()) message += "; did you mean '" + near + "'?";
                r_.error(step, message);
                return;
            }
            if (at && net.link(*id).from != *at) {
                r_.error(step, what + ": link '" + name + "' does not start where the previous one ends ('" + net.node(*at).name + "')");
                return;
            }
            if (!net.allows(*id, flow.cargo)) {
                r_.error(step, what + ": link '" + name + "' does not carry cargo class '" +
                                   net.cargo_classes()[flow.cargo.index()].name + "'");
                return;
            }
            flow.fixed_route.push_back(*id);
            at = net.link(*id).to;
        }
        if (at && *at != flow.destination) r_.error(links, what + ": the links end at '" + net.node(*at).name + "', not at the destination");
    }

    void read_disruptions(logistics::Scenario& sc, const network::Network& net) {
        const auto node = at("disruptions");
        if (!node) return;
        if (!r_.expect_sequence(*node, "disruptions")) return;
        for (const auto& item : *node) {
            if (!r_.expect_map(item, "a disruption")) continue;
            r_.check_keys(item, {"link", "node", "service", "vessel", "from_day", "from_date", "duration_days",
                                 "capacity_factor", "source", "assumption", "note"},
                          "a disruption");
            logistics::Disruption d;
            int targets = 0;
            if (const auto name = r_.text(item, "link", false)) {
                ++targets;
                d.target = logistics::DisruptionTarget::link;
                if (const auto id = net.find_link(*name)) {
                    d.index = id->index();
                } else {
                    std::vector<std::string> names;
                    for (std::uint32_t i = 0; i < net.link_count(); ++i) names.push_back(net.link(core::LinkId{i}).name);
                    std::string message = "disruption refers to unknown link '" + *name + "'";
                    if (const auto near = nearest(*name, names); !near.empty()) message += "; did you mean '" + near + "'?";
                    r_.error(item["link"], message);
                }
            }
            if (item["node"]) {
                ++targets;
                d.target = logistics::DisruptionTarget::node;
                if (const auto id = node_ref(net, item, "node", "disruption")) d.index = id->index();
            }
            if (const auto name = r_.text(item, "service", false)) {
                ++targets;
                d.target = logistics::DisruptionTarget::service;
                std::vector<std::string> names;
                bool found = false;
                for (std::uint32_t i = 0; i < sc.services.size(); ++i) {
                    names.push_back(sc.services[i].name);
                    if (sc.services[i].name == *name) {
                        d.index = i;
                        found = true;
                    }
                }
                if (!found) {
                    std::string message = "disruption refers to unknown service '" + *name + "'";
                    if (const auto near = nearest(*name, names); !near.empty()) message += "; did you mean '" + near + "'?";
                    r_.error(item["service"], message);
                }
            }
            if (const auto name = r_.text(item, "vessel", false)) {
                ++targets;
                d.target = logistics::DisruptionTarget::vessel;
                std::vector<std::string> names;
                bool found = false;
                std::uint32_t index = 0;
                for (const auto& svc : sc.services) {
                    for (const auto& v : svc.vessels) {
                        names.push_back(v.name);
                        if (v.name == *name && !found) {
                            d.index = index;
                            found = true;
                        }
                        ++index;
                    }
                }
                if (!found) {
                    std::string message = "disruption refers to unknown vessel '" + *name + "'";
                    if (const auto near = nearest(*name, names); !near.empty()) message += "; did you mean '" + near + "'?";
                    r_.error(item["vessel"], message);
                }
            }
            if (targets != 1) r_.error(item, "a disruption names exactly one of 'link', 'node', 'service' or 'vessel'");
            double from_day = r_.number(item, "from_day", false, false).value_or(0);
            if (const auto date = r_.text(item, "from_date", false)) {
                const auto parsed = network::parse_date(*date);
                if (!parsed) {
                    r_.error(item["from_date"], "'from_date' must be a date YYYY-MM-DD, found '" + *date + "'");
                } else {
                    from_day = parsed->days - sc.start_date.days;
                    if (from_day < 0) r_.error(item["from_date"], "'from_date' is before the scenario's start_date");
                }
            }
            const double duration = r_.number(item, "duration_days", true, true).value_or(1);
            d.from = core::SimTime{} + core::to_ticks(core::Hours{24.0 * std::max(0.0, from_day)});
            d.until = d.from + core::to_ticks(core::Hours{24.0 * duration});
            d.capacity_factor = r_.number(item, "capacity_factor", false, false).value_or(0);
            if (d.capacity_factor >= 1) r_.error(item["capacity_factor"], "'capacity_factor' must be below 1 (0 closes)");
            sc.disruptions.push_back(d);
        }
    }

    const detail::MergedScenario& merged_;
    std::vector<detail::ForeignNode> overridden_; // model nodes that overrides put there (apply_overrides)
    YamlReader r_;
    std::optional<logistics::RoutingPolicy> default_policy_;
    std::optional<network::Metric> default_metric_;
    std::size_t default_k_ = 3;
    double default_scale_ = 24.0;
};

} // namespace

LoadedScenario load_scenario(const std::string& path) { return load_scenario(path, {}); }

LoadedScenario load_scenario(const std::string& path, const std::vector<Setting>& settings) {
    detail::MergedScenario merged;
    std::vector<Diagnostic> problems;
    std::set<std::string> seen;
    if (!std::filesystem::exists(path)) {
        throw InputError({file_error(path, "cannot open the file")});
    }
    detail::merge_scenario_file(path, merged, problems, seen, 0);
    if (!problems.empty()) {
        bool errors = false;
        for (const auto& d : problems) errors |= d.severity == Severity::error;
        if (errors) throw InputError(problems);
    }
    detail::apply_settings(merged, settings);
    return ScenarioReader{merged}.read();
}

} // namespace corridor::scenario
