// Resolving a route question's names against a model.
#include "sim/scenario/route_request.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

#include "sim/scenario/diagnostics.hpp"

namespace corridor::scenario {

ResolvedRoute resolve(const network::Network& net, const RouteRequest& r, const std::string& file) {
    std::vector<Diagnostic> problems;
    auto problem = [&](const std::string& message) { problems.push_back(argument_error(file, message)); };
    auto node = [&](const std::string& name, const char* what) -> core::NodeId {
        if (const auto id = net.find_node(name)) return *id;
        std::vector<std::string> names;
        for (std::size_t i = 0; i < net.node_count(); ++i) names.push_back(net.node(core::NodeId{static_cast<std::uint32_t>(i)}).name);
        std::string message = std::string(what) + ": model '" + net.name() + "' has no node '" + name + "'";
        if (const auto near = nearest(name, names); !near.empty()) message += "; did you mean '" + near + "'?";
        problem(message);
        return {};
    };
    ResolvedRoute out;
    out.from = node(r.from, "--from");
    out.to = node(r.to, "--to");
    auto& query = out.query;
    if (r.by == "time") {
        query.metric = network::Metric::time;
    } else if (r.by == "cost") {
        query.metric = network::Metric::cost;
    } else if (r.by == "co2") {
        query.metric = network::Metric::co2;
    } else if (r.by == "generalised") {
        query.metric = network::Metric::generalised;
    } else {
        problem("--by must be one of time, cost, co2, generalised; found '" + r.by + "'");
    }
    if (!r.date.empty()) {
        query.date = network::parse_date(r.date);
        if (!query.date) problem("--date must be YYYY-MM-DD, found '" + r.date + "'");
    }
    if (!r.cargo.empty()) {
        query.cargo = net.find_cargo_class(r.cargo);
        if (!query.cargo) problem("--cargo: model '" + net.name() + "' has no cargo class '" + r.cargo + "'");
    }
    for (const auto& [value, name] : {std::pair{r.value_of_time_usd_per_h, "--value-of-time"}, std::pair{r.carbon_price_usd_per_t, "--carbon-price"},
                                      std::pair{r.value_of_reliability_usd_per_h, "--value-of-reliability"}}) {
        if (!std::isfinite(value) || value < 0) problem(std::string(name) + " must be a finite number at least 0, found " + std::to_string(value));
    }
    query.weights = {core::UsdPerHour{r.value_of_time_usd_per_h}, core::UsdPerTonne{r.carbon_price_usd_per_t},
                     core::UsdPerHour{r.value_of_reliability_usd_per_h}};
    const auto countries = network::countries_of(net);
    for (const auto& [list, into, option] : {std::tuple{&r.avoid_countries, &out.constraints.avoid_countries, "--avoid"},
                                            std::tuple{&r.only_countries, &out.constraints.only_countries, "--only"}}) {
        for (const auto& code : *list) {
            if (std::find(countries.begin(), countries.end(), code) != countries.end()) {
                into->push_back(code);
                continue;
            }
            std::string message = std::string(option) + ": model '" + net.name() + "' has no node or link in country '" + code + "'";
            if (const auto near = nearest(code, countries); !near.empty()) message += "; did you mean '" + near + "'?";
            problem(message);
        }
    }
    for (const auto& name : r.avoid_links) {
        if (const auto id = net.find_link(name)) {
            out.constraints.avoid_links.push_back(*id);
        } else {
            problem("--avoid-links: model '" + net.name() + "' has no link '" + name + "'");
        }
    }
    for (const auto& name : r.avoid_nodes) {
        if (const auto id = net.find_node(name)) {
            out.constraints.avoid_nodes.push_back(*id);
        } else {
            node(name, "--avoid-nodes");
        }
    }
    if (!problems.empty()) throw InputError(problems);
    if (!out.constraints.empty()) {
        out.banned = network::banned_links(net, out.constraints);
        query.closed_links = out.banned;
    }
    return out;
}

} // namespace corridor::scenario
