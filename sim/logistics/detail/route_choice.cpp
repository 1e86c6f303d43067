// Route choice: the routes for a question (origin, destination, cargo class, policy) are worked
// out once per network state (closures, openings) and shared by the flows that ask it; adaptive
// consignments re-plan at each leg's end from closures and queues.
#include <algorithm>
#include <cmath>

#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

network::RouteQuery Simulation::query_for(const Flow& flow) {
    network::RouteQuery q;
    q.metric = flow.metric;
    q.date = today();
    q.cargo = flow.cargo;
    q.weights = sc_.weights;
    q.closed_links = closed_mask_; // kept up to date by apply(), not rebuilt per query
    return q;
}

network::Date Simulation::today() const {
    return network::Date{sc_.start_date.days + static_cast<std::int32_t>(engine_.now().seconds() / 86400)};
}

std::uint32_t Simulation::intern_route(const std::vector<core::LinkId>& links) {
    const auto it = route_index_.find(links);
    if (it != route_index_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(routes_.size());
    routes_.push_back(links);
    route_index_.emplace(links, id);
    return id;
}

// Routes are computed once per (origin, destination, cargo class, policy) and network state
// (closures, openings), then reused: flows that ask the same share one cache (run()).
std::uint32_t Simulation::choose_route(std::uint32_t f, core::NodeId from, bool& drawn) {
    drawn = false;
    const Flow& flow = sc_.flows[f]; // read only when the route is worked out
    if (flow_starts_[f].fixed) return intern_route(flow.fixed_route);
    if (from == flow_ends_[f].destination) return intern_route({});
    auto& cache = route_cache_[route_cache_of_flow_[f]];
    if (cache.version != network_version_ || !cache.valid) {
        ++route_searches_;
        cache = RouteCache{};
        cache.valid = true;
        cache.version = network_version_;
        const auto q = query_for(flow);
        const std::size_t k = flow.policy == RoutingPolicy::k_shortest ? flow.k : 1;
        const auto found = router_.k_shortest_routes(flow.origin, flow.destination, k, q);
        double total = 0;
        const double best = found.empty() ? 0 : found.front().metric_value(flow.metric);
        for (const auto& r : found) {
            cache.routes.push_back(intern_route(r.links));
            total += std::exp(-(r.metric_value(flow.metric) - best) / flow.logit_scale);
            cache.cumulative.push_back(total);
        }
    }
    if (cache.routes.empty()) return kNone;
    if (cache.routes.size() == 1) return cache.routes.front();
    drawn = true;
    const double u = route_random_[f].uniform01() * cache.cumulative.back();
    const auto it = std::upper_bound(cache.cumulative.begin(), cache.cumulative.end(), u);
    return cache.routes[std::min<std::size_t>(static_cast<std::size_t>(it - cache.cumulative.begin()), cache.routes.size() - 1)];
}

// What one arriving now can expect to queue at each node's processes before being served:
// those queued in front × the mean service time ÷ servers (for cranes, per unit, as routing
// prices a lift). Worked out afresh at each re-plan for the nodes whose queues changed since
// the last (queue_changed); waits_version_ counts the calls that found a wait changed.
std::span<const network::NodeWait> Simulation::current_node_waits() {
    if (node_waits_.empty()) node_waits_.resize(net_.node_count()); // all queues empty: no waits
    bool changed = false;
    for (const auto v : waits_due_) {
        wait_due_[v] = 0;
        const auto& node = net_.node(core::NodeId{v});
        network::NodeWait wait = node_waits_[v];
        if (node.border) {
            const ServerPool& in = pools_[border_in_[v]];
            const ServerPool& out = pools_[border_out_[v]];
            wait.border_in_h = static_cast<double>(in.queued()) * node.border->dwell_inbound_h.mean() / in.servers();
            wait.border_out_h = static_cast<double>(out.queued()) * node.border->dwell_h.mean() / out.servers();
        }
        if (node.transshipment) {
            const ServerPool& cranes = pools_[cranes_[v].pool];
            wait.cranes_h = static_cast<double>(cranes.queued()) / cranes_[v].units_per_crane_h / cranes.servers();
        }
        if (node.port) {
            const ServerPool& berths = pools_[berths_[v]];
            wait.berths_h = static_cast<double>(berths.queued()) * node.port->handling_h.mean() / berths.servers();
        }
        if (!(wait == node_waits_[v])) {
            node_waits_[v] = wait;
            changed = true;
        }
    }
    waits_due_.clear();
    if (changed) ++waits_version_;
    return node_waits_;
}

// Adaptive consignments re-plan at the end of each leg from the state of the network now:
// closures, and the queues at borders, cranes and berths. The answer is kept per route question
// and reused while the node, the day, the closures and the queues are all unchanged: the load of
// a train re-plans with one search, not one per consignment.
void Simulation::replan(std::uint32_t c) {
    Consignment& con = cons_[c];
    const Flow& flow = sc_.flows[con.flow];
    const auto waits = current_node_waits();
    ReplanCache& cache = replan_cache_[route_cache_of_flow_[con.flow]];
    const auto day = today().days;
    if (!cache.valid || cache.at != con.at || cache.day != day || cache.network_version != network_version_ ||
        cache.waits_version != waits_version_) {
        auto q = query_for(flow);
        q.node_waits = waits;
        ++route_searches_;
        cache = ReplanCache{true, con.at, day, network_version_, waits_version_,
                            router_.shortest_links(con.at, flow.destination, q)};
    }
    if (!cache.links) return; // nothing open: keep the plan and wait where it blocks
    con.leg = kNone;
    const auto& plan = routes_[con.route];
    const auto& fresh = *cache.links;
    if (plan.size() - con.pos == fresh.size() && std::equal(fresh.begin(), fresh.end(), plan.begin() + con.pos)) {
        return; // the plan stands (the usual answer): no new route to build and look up
    }
    std::vector<core::LinkId> links(plan.begin(), plan.begin() + con.pos);
    links.insert(links.end(), fresh.begin(), fresh.end());
    con.route = intern_route(links);
}

} // namespace corridor::logistics::detail
