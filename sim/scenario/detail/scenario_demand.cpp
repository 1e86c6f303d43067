// Demand: flows with their arrival settings and routes, and origin-destination matrices.
#include "sim/scenario/detail/scenario_reader.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>

#include "sim/logistics/od_matrix.hpp"
#include "sim/network/constraints.hpp"

namespace corridor::scenario::detail {

void ScenarioReader::read_demand(logistics::Scenario& sc, const network::Network& net) {
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
        flow.name = r_.id(item).value_or("");
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
        struct Period {
            const char* key;
            double days;
            const Range& range;
        };
        const Period periods[] = {{"units_per_day", 1, kUnitsPerDay},
                                  {"units_per_week", 7, kUnitsPerWeek},
                                  {"units_per_month", 365.25 / 12, kUnitsPerMonth},
                                  {"units_per_year", 365.25, kUnitsPerYear}};
        for (const auto& [key, days, range] : periods) {
            if (!item[key]) continue;
            ++rates; // given, even if out of range (that is its own error)
            if (const auto rate = r_.number(item, key, false, range)) flow.units_per_day = core::UnitsPerDay{*rate / days};
        }
        if (rates != 1) r_.error(item, what + " needs exactly one rate: units_per_day, units_per_week, units_per_month or units_per_year");
        read_settings(item, flow);
        bool route_refused = false; // a path or links given with an error of their own
        if (const YAML::Node routing = item["routing"]) {
            if (r_.expect_map(routing, "routing of " + what)) {
                r_.check_keys(routing, {"policy", "by", "k", "logit_scale", "path", "links", "avoid_countries", "only_countries",
                                        "avoid_links", "avoid_nodes"},
                              "routing of " + what);
                read_constraints(net, routing, flow, what);
                if (const auto p = policy_of(routing)) flow.policy = *p;
                if (const auto m = metric_of(routing)) flow.metric = *m;
                if (const auto k = r_.count(routing, "k", false)) flow.k = *k;
                if (const auto s = r_.number(routing, "logit_scale", false, kLogitScale)) flow.logit_scale = *s;
                // A fixed route is checked against the flow's ends, so only once both are known.
                if (from && to) {
                    const auto problems = r_.diagnostics().size();
                    if (const YAML::Node path = routing["path"]) read_path(net, path, flow, what);
                    if (const YAML::Node links = routing["links"]) read_links(net, links, flow, what);
                    route_refused = r_.diagnostics().size() > problems;
                }
            }
        }
        if (flow.policy == logistics::RoutingPolicy::fixed && flow.fixed_route.empty() && !route_refused && from && to &&
            *from != *to) {
            r_.error(item, what + " has policy fixed and needs 'routing: {path: [node, node, ...]}'");
        }
        sc.flows.push_back(flow);
        flow_nodes_.push_back(item);
    }
}

// Arrival, batch, seasonality, on-time target, custody and default routing of a flow or of
// every flow of an OD matrix.
void ScenarioReader::read_settings(const YAML::Node& item, logistics::Flow& flow) {
    if (const auto arrival = r_.text(item, "arrival", false)) {
        if (*arrival == "poisson") {
            flow.arrival = logistics::ArrivalProcess::poisson;
        } else if (*arrival == "fixed_interval") {
            flow.arrival = logistics::ArrivalProcess::fixed_interval;
        } else {
            r_.error(item["arrival"], "'arrival' must be poisson or fixed_interval, found '" + *arrival + "'");
        }
    }
    flow.batch_units = core::Units{r_.number(item, "batch_units", false, kBatchUnits).value_or(1)};
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
    if (const auto days = r_.number(item, "target_days", false, kPositiveDays)) flow.target_days = core::Days{*days};
    flow.custody = r_.flag(item, "custody").value_or(false);
    flow.policy = default_policy_.value_or(logistics::RoutingPolicy::shortest);
    flow.metric = default_metric_.value_or(network::Metric::time);
    flow.k = default_k_;
    flow.logit_scale = default_scale_;
}

// A fixed path as node ids; consecutive nodes must be joined by a link (the fastest if several).
void ScenarioReader::read_path(const network::Network& net, const YAML::Node& path, logistics::Flow& flow, const std::string& what) {
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
            // The fastest link between the two that the flow may use; if there are links but the
            // flow may use none, why not (its cargo class, its constraints).
            std::optional<core::LinkId> best;
            std::string refusal;
            for (const auto l : net.out_links(*previous)) {
                if (net.link(l).to != *id) continue;
                if (const auto why = why_not(net, l, flow); !why.empty()) {
                    if (refusal.empty()) refusal = why;
                    continue;
                }
                const auto& link = net.link(l);
                if (!best || link.length.value() / link.speed.value() <
                                 net.link(*best).length.value() / net.link(*best).speed.value()) {
                    best = l;
                }
            }
            if (!best) {
                r_.error(step, what + ": no link from '" + net.node(*previous).name + "' to '" + name + "'" +
                                   (refusal.empty() ? "" : " the flow may use: " + refusal));
                return;
            }
            flow.fixed_route.push_back(*best);
        }
        previous = id;
    }
}

void ScenarioReader::read_od_matrices(logistics::Scenario& sc, const network::Network& net) {
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
        od.name = r_.id(item).value_or("");
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
                if (std::find(ids[side]->begin(), ids[side]->end(), *id) != ids[side]->end()) {
                    r_.error(n, what + " names node '" + n.Scalar() + "' twice in " + keys[side] +
                                    " (each cell is one flow, named after its ends)");
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
                r_.check_keys(routing, {"policy", "by", "k", "logit_scale", "avoid_countries", "only_countries", "avoid_links",
                                        "avoid_nodes"},
                              "routing of " + what);
                read_constraints(net, routing, flow, what);
                if (const auto p = policy_of(routing)) flow.policy = *p;
                if (const auto m = metric_of(routing)) flow.metric = *m;
                if (const auto k = r_.count(routing, "k", false)) flow.k = *k;
                if (const auto sc_scale = r_.number(routing, "logit_scale", false, kLogitScale)) flow.logit_scale = *sc_scale;
                if (flow.policy == logistics::RoutingPolicy::fixed) r_.error(routing, what + ": an OD matrix cannot use policy fixed (one path per cell)");
            }
        }
        if (od.units_per_day.size() > 0) {
            for (auto& f : logistics::expand(od, names[0], names[1])) {
                sc.flows.push_back(std::move(f));
                flow_nodes_.push_back(item);
            }
        }
    }
}

// Why `flow` may not use `link` ("does not carry cargo class 'uranium': ...", "breaks the flow's
// constraints: ..."); empty if it may.
std::string ScenarioReader::why_not(const network::Network& net, core::LinkId link, const logistics::Flow& flow) {
    if (flow.cargo.valid() && flow.cargo.index() < net.cargo_classes().size() && !net.allows(link, flow.cargo)) {
        return "does not carry cargo class '" + net.cargo_classes()[flow.cargo.index()].name + "': " + net.refusal(link, flow.cargo);
    }
    if (const auto why = network::constraint_refusal(net, flow.constraints, link); !why.empty()) {
        return "breaks the flow's constraints: " + why;
    }
    return {};
}

// avoid_countries, only_countries (ISO codes the model has), avoid_links and avoid_nodes (ids).
void ScenarioReader::read_constraints(const network::Network& net, const YAML::Node& routing, logistics::Flow& flow,
                                      const std::string& what) {
    const auto countries = network::countries_of(net);
    for (const char* key : {"avoid_countries", "only_countries"}) {
        const YAML::Node list = routing[key];
        if (!list || !r_.expect_sequence(list, std::string(key) + ": ISO country codes")) continue;
        auto& out = std::string_view{key} == "avoid_countries" ? flow.constraints.avoid_countries : flow.constraints.only_countries;
        for (const auto& c : list) {
            const std::string code = c.IsScalar() ? c.Scalar() : "";
            if (std::find(countries.begin(), countries.end(), code) == countries.end()) {
                std::string message = what + ": " + key + " names '" + code + "', a country no node or link of the model is in";
                if (const auto near = nearest(code, countries); !near.empty()) message += "; did you mean '" + near + "'?";
                r_.error(c, message);
                continue;
            }
            out.push_back(code);
        }
    }
    // Ids of links or nodes: each found, or an error with a did-you-mean.
    auto ids = [&](const char* key, const char* kind, std::size_t count, const auto& name_of, const auto& find, auto& out) {
        const YAML::Node list = routing[key];
        if (!list || !r_.expect_sequence(list, std::string(key) + ": " + kind + " ids")) return;
        for (const auto& item : list) {
            const std::string name = item.IsScalar() ? item.Scalar() : "";
            if (const auto id = find(name)) {
                out.push_back(*id);
                continue;
            }
            std::vector<std::string> names;
            for (std::uint32_t i = 0; i < count; ++i) names.push_back(name_of(i));
            std::string message = what + ": " + key + " refers to unknown " + kind + " '" + name + "'";
            if (const auto near = nearest(name, names); !near.empty()) message += "; did you mean '" + near + "'?";
            r_.error(item, message);
        }
    };
    ids("avoid_links", "link", net.link_count(), [&](std::uint32_t i) { return net.link(core::LinkId{i}).name; },
        [&](const std::string& n) { return net.find_link(n); }, flow.constraints.avoid_links);
    ids("avoid_nodes", "node", net.node_count(), [&](std::uint32_t i) { return net.node(core::NodeId{i}).name; },
        [&](const std::string& n) { return net.find_node(n); }, flow.constraints.avoid_nodes);
}

// A fixed path as link ids, for where two nodes are joined by several links.
void ScenarioReader::read_links(const network::Network& net, const YAML::Node& links, logistics::Flow& flow, const std::string& what) {
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
        if (const auto why = why_not(net, *id, flow); !why.empty()) {
            r_.error(step, what + ": link '" + name + "' " + why);
            return;
        }
        flow.fixed_route.push_back(*id);
        at = net.link(*id).to;
    }
    if (at && *at != flow.destination) r_.error(links, what + ": the links end at '" + net.node(*at).name + "', not at the destination");
}

// A flow whose destination no link sequence reaches for its cargo class, with the links open by
// the horizon's end, can never be delivered: say so at load. Reachability only (mode changes
// and processes aside), so the warning never fires for a flow that can be routed.
void ScenarioReader::warn_unroutable(const logistics::Scenario& sc, const network::Network& net) {
    const network::Date last{sc.start_date.days + static_cast<std::int32_t>(sc.horizon.count() / 86400)};
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<char>> reached; // (origin, cargo) -> nodes
    for (std::size_t f = 0; f < sc.flows.size() && f < flow_nodes_.size(); ++f) {
        const auto& flow = sc.flows[f];
        if (flow.origin == flow.destination) continue;
        // Flows with constraints search alone (their reach is their own).
        std::vector<char> own;
        const auto banned = network::banned_links(net, flow.constraints);
        auto& seen = flow.constraints.empty() ? reached[{flow.origin.index(), flow.cargo.index()}] : own;
        if (seen.empty()) {
            seen.assign(net.node_count(), 0);
            std::vector<core::NodeId> stack{flow.origin};
            seen[flow.origin.index()] = 1;
            while (!stack.empty()) {
                const auto at = stack.back();
                stack.pop_back();
                for (const auto l : net.out_links(at)) {
                    const auto to = net.link(l).to;
                    if (seen[to.index()] == 0 && net.allows(l, flow.cargo) && net.is_open(l, last) && banned[l.index()] == 0) {
                        seen[to.index()] = 1;
                        stack.push_back(to);
                    }
                }
            }
        }
        if (seen[flow.destination.index()] == 0) {
            r_.warning(flow_nodes_[f], "flow '" + flow.name + "' can never be delivered: no links from '" +
                                           net.node(flow.origin).name + "' reach '" + net.node(flow.destination).name +
                                           "' for cargo class '" + net.cargo_classes()[flow.cargo.index()].name + "'" +
                                           (flow.constraints.empty() ? "" : " within its constraints") +
                                           " by the horizon's end; its consignments will wait at the origin");
        }
    }
}

} // namespace corridor::scenario::detail
