// Routes through the network by time, money, CO2e or generalised cost, counting the expected
// dwell at borders, transshipments (gauge breaks, mode changes) and ports on the way.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/units.hpp"
#include "sim/network/network.hpp"

namespace corridor::network {

enum class Metric : std::uint8_t { time, cost, co2, generalised };

/// Weights of the generalised cost: money + value_of_time × hours + carbon_price × tonnes CO2e.
struct CostWeights {
    double value_of_time_usd_per_h = 2.0; // per unit (TEU) and hour
    double carbon_price_usd_per_t = 0.0;  // per tonne CO2e
};

struct RouteQuery {
    Metric metric = Metric::time;
    std::optional<Date> date;                // planned links count once open; none: only open links
    std::optional<core::CargoClassId> cargo; // restrictions and tonnes per unit of this class
    CostWeights weights;
};

/// One step of a route: riding a link, or a process at a node.
struct RouteStep {
    enum class Kind : std::uint8_t { link, border, transshipment, port };
    Kind kind = Kind::link;
    core::NodeId node;  // the node of a process, or the node a link arrives at
    core::LinkId link;  // valid for Kind::link
    core::Hours hours{0};
    double usd = 0;
    double kg_co2e = 0;
};

struct Route {
    core::NodeId from, to;
    std::vector<core::LinkId> links;
    std::vector<RouteStep> steps;
    core::Km length{0};
    core::Hours hours{0};
    double usd = 0;
    double kg_co2e = 0;
    double generalised_usd = 0;
    /// The value of the query's metric for this route.
    [[nodiscard]] double metric_value(Metric metric) const;
};

/// The costs of riding `links` in order from `from` with the query's cargo and weights;
/// nullopt if the links do not chain, one is closed on the date, forbids the cargo, or a change
/// of gauge or mode happens at a node that cannot transship.
std::optional<Route> evaluate_route(const Network& network, core::NodeId from,
                                    const std::vector<core::LinkId>& links, const RouteQuery& query);

/// The best route by the query's metric (A* with a great-circle lower bound, exact);
/// nullopt when `to` cannot be reached.
std::optional<Route> shortest_route(const Network& network, core::NodeId from, core::NodeId to,
                                    const RouteQuery& query);

/// Up to k loopless routes in increasing metric order (Yen 1971).
std::vector<Route> k_shortest_routes(const Network& network, core::NodeId from, core::NodeId to,
                                     std::size_t k, const RouteQuery& query);

/// Metric value of the best route from `from` to every node (infinity where unreachable).
std::vector<double> shortest_from(const Network& network, core::NodeId from, const RouteQuery& query);

} // namespace corridor::network
