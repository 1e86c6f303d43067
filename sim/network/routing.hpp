// Routes through the network by time, money, CO2e or generalised cost, counting the expected
// dwell at borders, transshipments (gauge breaks, mode changes) and ports on the way.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/units.hpp"
#include "sim/network/network.hpp"

namespace corridor::network {

enum class Metric : std::uint8_t { time, cost, co2, generalised };

/// Weights of the generalised cost: money + value_of_time × hours + carbon_price × tonnes CO2e.
struct CostWeights {
    core::UsdPerHour value_of_time_usd_per_h{2.0}; // per unit (TEU)
    core::UsdPerTonne carbon_price_usd_per_t{0.0}; // per tonne CO2e
    /// Per unit and hour of the standard deviation of the route's time (its spread, from the
    /// processes' dwell distributions). 0: reliability is not priced.
    core::UsdPerHour value_of_reliability_usd_per_h{0.0};
};

/// Hours one can expect to queue at a node's processes now, before being served: what a
/// simulation knows and a plan does not (adaptive routing).
struct NodeWait {
    core::Hours border_in_h{0};  // entering the node's country
    core::Hours border_out_h{0}; // leaving it, or within it
    core::Hours cranes_h{0};     // transshipment, per unit
    core::Hours berths_h{0};     // a vessel at the port
    friend bool operator==(const NodeWait&, const NodeWait&) = default;
};

struct RouteQuery {
    Metric metric = Metric::time;
    std::optional<Date> date;                // planned links count once open; none: only open links
    std::optional<core::CargoClassId> cargo; // restrictions and tonnes per unit of this class
    CostWeights weights;
    std::span<const std::uint8_t> closed_links; // by LinkId, non-zero = closed now (disruptions); empty = none
    std::span<const NodeWait> node_waits;       // by NodeId, added to the processes' mean times; empty = none
};

/// One step of a route: riding a link, or a process at a node.
struct RouteStep {
    enum class Kind : std::uint8_t { link, border, transshipment, port };
    Kind kind = Kind::link;
    core::NodeId node;  // the node of a process, or the node a link arrives at
    core::LinkId link;  // valid for Kind::link
    core::Hours hours{0};
    core::Usd usd{0};
    core::KgCo2e kg_co2e{0};
};

struct Route {
    core::NodeId from, to;
    std::vector<core::LinkId> links;
    std::vector<RouteStep> steps;
    core::Km length{0};
    core::Hours hours{0};
    core::Usd usd{0};
    core::KgCo2e kg_co2e{0};
    core::Usd generalised_usd{0};      // includes value_of_reliability × hours_sd
    /// The spread of its time: the standard deviation of the sum of its processes' times
    /// (border dwells and inspections, transshipment setups, port calls; independent draws;
    /// links, queues and weather count as fixed), and the 95th percentile by the normal
    /// approximation, hours + 1.645 × sd.
    core::Hours hours_sd{0};
    [[nodiscard]] core::Hours hours_p95() const { return hours + hours_sd * 1.6448536269514722; }
    /// The value of the query's metric for this route.
    [[nodiscard]] double metric_value(Metric metric) const;
};

/// A reusable routing workspace over one network (RoutingKit's query-object pattern): repeated
/// queries reuse its per-state arrays, reset in O(1) by a query stamp. Not thread-safe; use one
/// per thread. The network must outlive it.
class Router {
public:
    explicit Router(const Network& network);
    ~Router();
    Router(Router&&) noexcept;
    Router& operator=(Router&&) noexcept;

    /// The best route by the query's metric (A* with a chord-length lower bound, or a target
    /// bound, below; exact); nullopt when `to` cannot be reached. With a value of reliability
    /// (generalised metric), the best of kReliabilityCandidates by the cost without it,
    /// re-ranked with it.
    std::optional<Route> shortest_route(core::NodeId from, core::NodeId to, const RouteQuery& query);
    /// The links of the best route by the additive cost (the value of reliability is not
    /// priced), without working out its steps and costs (a simulation's re-plan needs only
    /// these); nullopt when `to` cannot be reached.
    std::optional<std::vector<core::LinkId>> shortest_links(core::NodeId from, core::NodeId to,
                                                            const RouteQuery& query);
    /// Up to k loopless routes in increasing metric order (Yen 1971); with a value of
    /// reliability, the best max(k, kReliabilityCandidates) by the cost without it re-ranked
    /// with it.
    std::vector<Route> k_shortest_routes(core::NodeId from, core::NodeId to, std::size_t k,
                                         const RouteQuery& query);
    static constexpr std::size_t kReliabilityCandidates = 8;
    /// Metric value of the best route from `from` to every node (infinity where unreachable).
    std::vector<double> shortest_from(core::NodeId from, const RouteQuery& query);
    /// The same into `out` (resized to the node count), reusing its storage across queries.
    void shortest_from(core::NodeId from, const RouteQuery& query, std::vector<double>& out);

    /// How many target bounds it holds: exact costs to a target on the network with every
    /// link usable and no queues, worked out for a target once the searches towards it have
    /// done about a one-to-all search's work, and then the A* potential of its searches in
    /// place of the chord's (the same routes' costs, far fewer states explored). They take a
    /// float per (node, carrier) state each, up to 64 MiB per Router (least recently used
    /// dropped first).
    [[nodiscard]] std::size_t target_bounds() const;

    struct Workspace;

private:
    std::optional<Route> additive_shortest(core::NodeId from, core::NodeId to, const RouteQuery& query);
    std::vector<Route> additive_k_shortest(core::NodeId from, core::NodeId to, std::size_t k, const RouteQuery& query);
    const Network* network_;
    std::unique_ptr<Workspace> ws_;
};

/// The costs of riding `links` in order from `from` with the query's cargo and weights;
/// nullopt if the links do not chain, one is closed on the date, forbids the cargo, or a change
/// of gauge or mode happens at a node that cannot transship.
std::optional<Route> evaluate_route(const Network& network, core::NodeId from,
                                    const std::vector<core::LinkId>& links, const RouteQuery& query);

/// One-off queries through a temporary Router (see Router for the semantics).
std::optional<Route> shortest_route(const Network& network, core::NodeId from, core::NodeId to,
                                    const RouteQuery& query);

std::vector<Route> k_shortest_routes(const Network& network, core::NodeId from, core::NodeId to,
                                     std::size_t k, const RouteQuery& query);

std::vector<double> shortest_from(const Network& network, core::NodeId from, const RouteQuery& query);

} // namespace corridor::network
