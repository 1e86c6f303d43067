// Route planning: the routes a flow's consignments follow. The routes for a question (origin,
// destination, cargo class, policy) are worked out once per network state (closures, openings)
// and shared by the flows that ask it; adaptive consignments re-plan at each leg's end from the
// closures and the queues at borders, cranes and berths. Owns the router, the interned routes,
// the route caches, the closed-link mask the router reads, and the queue-aware waits by node.
// Touches nothing of other components: queues come in through refresh_waits.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "sim/core/id_vector.hpp"
#include "sim/core/random.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"
#include "sim/network/routing.hpp"

namespace corridor::logistics::detail {

class RoutePlanner {
public:
    RoutePlanner(const network::Network& net, const Scenario& sc, std::uint32_t replication);

    /// The route for a new batch of flow `f` from its origin: the one chosen for the network's
    /// state if that choice drew no lot, else chosen afresh (by lot among k). Invalid: no route.
    RouteId route_for_batch(FlowId f, network::Date today);
    /// A route for flow `f` from `from` now; `drawn`: it was drawn by lot among k (else it is
    /// the only answer for the network's state). Invalid: no route.
    RouteId choose(FlowId f, NodeId from, network::Date today, bool& drawn);

    /// An adaptive re-plan of a consignment of flow `f` at `at`, at position `pos` of `route`,
    /// from the closures and the queues (refresh_waits first): nullopt when nothing is open
    /// (keep the plan); else the route to follow, `route` itself when the plan stands.
    std::optional<RouteId> replan(FlowId f, NodeId at, RouteId route, std::uint32_t pos, network::Date today);

    /// A queue at `node` grew or shrank: its wait is worked out afresh at the next re-plan.
    /// Called wherever a pool queues or admits; does nothing unless some flow is adaptive.
    void queue_changed(NodeId node) {
        if (!watch_waits_ || wait_due_[node] != 0) return;
        wait_due_[node] = 1;
        waits_due_.push_back(node);
    }
    /// Works out the waits of the nodes whose queues changed: `wait_of(node)` gives a node's
    /// wait now (NodeProcesses::wait_at).
    template <class WaitOf>
    void refresh_waits(WaitOf&& wait_of) {
        if (node_waits_.empty()) node_waits_.resize(net_.node_count()); // all queues empty: no waits
        bool changed = false;
        for (const auto v : waits_due_) {
            wait_due_[v] = 0;
            const network::NodeWait wait = wait_of(v);
            if (!(wait == node_waits_[v])) {
                node_waits_[v] = wait;
                changed = true;
            }
        }
        waits_due_.clear();
        if (changed) ++waits_version_;
    }

    /// A disruption closed or reopened a link (the router avoids closed ones).
    void set_closed(LinkId link, bool closed) {
        link_closed_[link] = closed ? 1 : 0;
        update_mask(link);
    }
    /// A disruption closed or reopened a node: routes avoid it as they avoid a closed link (the
    /// links into it are closed to the router; a route may still start there).
    void set_node_closed(NodeId node, bool closed);
    /// The network's state changed (a disruption, an opening): routes go stale.
    void network_changed() { ++network_version_; }

    [[nodiscard]] std::span<const LinkId> links(RouteId route) const { return routes_[route]; }
    [[nodiscard]] bool empty(RouteId route) const { return routes_[route].empty(); }
    [[nodiscard]] std::uint64_t searches() const { return searches_; }
    /// The routes interned so far, handed over at the end of a run.
    core::IdVector<RouteId, std::vector<LinkId>> take_routes() { return std::move(routes_); }

private:
    RouteId intern(const std::vector<LinkId>& links);
    network::RouteQuery query_for(FlowId f, network::Date today) const;
    void update_mask(LinkId link); // after a closure of the link or of the node it enters

    // A flow's routes for the network's state (version): one, or k with their logit shares.
    struct RouteCache {
        bool valid = false;
        std::uint64_t version = 0;
        std::vector<RouteId> routes;
        std::vector<double> cumulative;
    };
    // The last re-plan of an adaptive route question: from `at`, on `day`, with the closures and
    // the queues as they were (versions); no links: nothing was open.
    struct ReplanCache {
        bool valid = false;
        NodeId at;
        std::int32_t day = 0;
        std::uint64_t network_version = 0;
        std::uint64_t waits_version = 0;
        std::optional<std::vector<LinkId>> links;
    };
    // A flow's route while the network's state is the one it was chosen for, when that choice
    // drew no lot (a batch then reads no cache).
    struct BatchRoute {
        RouteId route;
        std::uint64_t version = ~std::uint64_t{0}; // none: choose afresh
    };

    const network::Network& net_;
    const Scenario& sc_;
    network::Router router_;
    core::IdVector<RouteId, std::vector<LinkId>> routes_;
    std::map<std::vector<LinkId>, RouteId> route_index_;
    std::vector<RouteCache> caches_;               // per distinct (origin, destination, class, policy)
    core::IdVector<FlowId, std::uint32_t> cache_of_flow_;
    std::vector<ReplanCache> replans_;             // per route question: its last adaptive re-plan
    core::IdVector<FlowId, BatchRoute> batch_route_;
    core::IdVector<FlowId, core::RandomStream> random_; // a flow's draws among k routes
    std::uint64_t searches_ = 0;                   // searches made: cache refills and re-plans
    core::IdVector<LinkId, std::uint8_t> closed_mask_; // closed to routing: the link, or the node it enters
    // Flows with route constraints: each its banned links, and those or-ed with closed_mask_
    // (what its queries read); mask_of_flow_ is 0 for a flow without constraints, else 1 + its
    // index here.
    struct ConstrainedMask {
        std::vector<std::uint8_t> banned;
        std::vector<std::uint8_t> effective;
    };
    std::vector<ConstrainedMask> constrained_;
    core::IdVector<FlowId, std::uint32_t> mask_of_flow_;
    core::IdVector<LinkId, std::uint8_t> link_closed_; // closed by a disruption of the link
    core::IdVector<NodeId, std::uint8_t> node_closed_; // closed by a disruption of the node
    std::uint64_t network_version_ = 0;
    core::IdVector<NodeId, network::NodeWait> node_waits_; // for adaptive re-plans
    std::uint64_t waits_version_ = 0;              // bumped when refresh_waits finds them changed
    bool watch_waits_ = false;                     // some flow is adaptive: queue changes are noted
    std::vector<NodeId> waits_due_;                // nodes whose queues changed since the last re-plan
    core::IdVector<NodeId, std::uint8_t> wait_due_; // it is in waits_due_
};

} // namespace corridor::logistics::detail
