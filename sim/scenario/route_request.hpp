// A route question as a user asks it, by names (`corridor route`, `corridor.route()`), resolved
// against a model into the router's typed query; every problem reported at once.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/network/constraints.hpp"
#include "sim/network/network.hpp"
#include "sim/network/routing.hpp"

namespace corridor::scenario {

struct RouteRequest {
    std::string from, to;        // node ids
    std::string by = "time";     // time | cost | co2 | generalised
    std::string date;            // YYYY-MM-DD; empty: only the links open now
    std::string cargo;           // a cargo class id; empty: none (tonnes per unit 1)
    double value_of_time_usd_per_h = 2.0;
    double carbon_price_usd_per_t = 0.0;
    std::vector<std::string> avoid_countries, only_countries; // ISO codes
    std::vector<std::string> avoid_links, avoid_nodes;        // ids
    double value_of_reliability_usd_per_h = 0.0;
};

/// The typed question. `query.closed_links` points into `banned` (the links the constraints
/// ban; empty without any): keep the ResolvedRoute alive while the query is used, and move it,
/// never copy it.
struct ResolvedRoute {
    core::NodeId from, to;
    network::RouteQuery query;
    network::RouteConstraints constraints;
    std::vector<std::uint8_t> banned;
};

/// Throws InputError (on `file`, the model) naming each unknown node or link (with a
/// did-you-mean), country the model does not have, bad metric, date or cargo class, and each
/// value of time or carbon price that is not a finite number at least 0.
ResolvedRoute resolve(const network::Network& network, const RouteRequest& request, const std::string& file);

} // namespace corridor::scenario
