// Route planning: route caches per question and network state, logit draws among k routes, and
// adaptive re-plans kept while nothing they depend on changed.
#include "sim/logistics/detail/route_planner.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>

namespace corridor::logistics::detail {

RoutePlanner::RoutePlanner(const network::Network& net, const Scenario& sc, std::uint32_t replication)
    : net_{net}, sc_{sc}, router_{net} {
    // One route cache per distinct question: flows with the same origin, destination, cargo
    // class and policy (metric, k and logit scale included) share it.
    // A flow with route constraints asks its own question (its mask's index is in the key).
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, RoutingPolicy, network::Metric, std::size_t, double,
                        std::uint32_t>,
             std::uint32_t>
        questions;
    for (const auto& flow : sc.flows) {
        std::uint32_t mask = 0;
        if (!flow.constraints.empty() && flow.policy != RoutingPolicy::fixed) {
            auto banned = network::banned_links(net, flow.constraints);
            constrained_.push_back({banned, banned});
            mask = static_cast<std::uint32_t>(constrained_.size());
        }
        mask_of_flow_.push_back(mask);
        const bool k = flow.policy == RoutingPolicy::k_shortest;
        const auto key = std::tuple{flow.origin.index(), flow.destination.index(), flow.cargo.index(), flow.policy,
                                    flow.metric, k ? flow.k : std::size_t{1}, k ? flow.logit_scale : 1.0, mask};
        const auto it = questions.emplace(key, static_cast<std::uint32_t>(questions.size())).first;
        cache_of_flow_.push_back(it->second);
        random_.push_back(core::RandomStream::for_component(sc.seed, replication, core::component_key("route:" + flow.name)));
        batch_route_.push_back(BatchRoute{});
        watch_waits_ = watch_waits_ || flow.policy == RoutingPolicy::adaptive;
    }
    caches_.resize(questions.size());
    replans_.resize(questions.size());
    closed_mask_.assign(net.link_count(), 0);
    link_closed_.assign(net.link_count(), 0);
    node_closed_.assign(net.node_count(), 0);
    wait_due_.assign(net.node_count(), 0);
}

network::RouteQuery RoutePlanner::query_for(FlowId f, network::Date today) const {
    const Flow& flow = sc_.flows[f.index()];
    network::RouteQuery q;
    q.metric = flow.metric;
    q.date = today;
    q.cargo = flow.cargo;
    q.weights = sc_.weights;
    q.closed_links = closed_mask_.items(); // kept up to date by set_closed, not rebuilt per query
    if (const auto m = mask_of_flow_[f]; m != 0) q.closed_links = constrained_[m - 1].effective;
    return q;
}

void RoutePlanner::update_mask(LinkId link) {
    closed_mask_[link] = link_closed_[link] | node_closed_[net_.link(link).to];
    for (auto& mask : constrained_) mask.effective[link.index()] = mask.banned[link.index()] | closed_mask_[link];
}

RouteId RoutePlanner::intern(const std::vector<LinkId>& links) {
    const auto it = route_index_.find(links);
    if (it != route_index_.end()) return it->second;
    const RouteId id = routes_.push_back(links);
    route_index_.emplace(links, id);
    return id;
}

RouteId RoutePlanner::route_for_batch(FlowId f, network::Date today) {
    BatchRoute& memo = batch_route_[f];
    if (memo.version == network_version_) return memo.route;
    bool drawn = false; // one of k routes by lot: chosen afresh for each batch, not kept
    const RouteId route = choose(f, sc_.flows[f.index()].origin, today, drawn);
    if (!drawn) memo = BatchRoute{route, network_version_};
    return route;
}

// Routes are computed once per (origin, destination, cargo class, policy) and network state
// (closures, openings), then reused: flows that ask the same share one cache.
RouteId RoutePlanner::choose(FlowId f, NodeId from, network::Date today, bool& drawn) {
    drawn = false;
    const Flow& flow = sc_.flows[f.index()];
    if (flow.policy == RoutingPolicy::fixed) return intern(flow.fixed_route);
    if (from == flow.destination) return intern({});
    auto& cache = caches_[cache_of_flow_[f]];
    if (cache.version != network_version_ || !cache.valid) {
        ++searches_;
        cache = RouteCache{};
        cache.valid = true;
        cache.version = network_version_;
        const auto q = query_for(f, today);
        const std::size_t k = flow.policy == RoutingPolicy::k_shortest ? flow.k : 1;
        const auto found = router_.k_shortest_routes(flow.origin, flow.destination, k, q);
        double total = 0;
        const double best = found.empty() ? 0 : found.front().metric_value(flow.metric);
        for (const auto& r : found) {
            cache.routes.push_back(intern(r.links));
            total += std::exp(-(r.metric_value(flow.metric) - best) / flow.logit_scale);
            cache.cumulative.push_back(total);
        }
    }
    if (cache.routes.empty()) return RouteId{};
    if (cache.routes.size() == 1) return cache.routes.front();
    drawn = true;
    const double u = random_[f].uniform01() * cache.cumulative.back();
    const auto it = std::upper_bound(cache.cumulative.begin(), cache.cumulative.end(), u);
    return cache.routes[std::min<std::size_t>(static_cast<std::size_t>(it - cache.cumulative.begin()),
                                              cache.routes.size() - 1)];
}

// The answer is kept per route question and reused while the node, the day, the closures and
// the queues are all unchanged: the load of a train re-plans with one search, not one per
// consignment.
std::optional<RouteId> RoutePlanner::replan(FlowId f, NodeId at, RouteId route, std::uint32_t pos,
                                            network::Date today) {
    const Flow& flow = sc_.flows[f.index()];
    ReplanCache& cache = replans_[cache_of_flow_[f]];
    if (!cache.valid || cache.at != at || cache.day != today.days || cache.network_version != network_version_ ||
        cache.waits_version != waits_version_) {
        auto q = query_for(f, today);
        q.node_waits = node_waits_.items();
        ++searches_;
        cache = ReplanCache{true, at, today.days, network_version_, waits_version_,
                            router_.shortest_links(at, flow.destination, q)};
    }
    if (!cache.links) return std::nullopt; // nothing open: keep the plan and wait where it blocks
    const auto& plan = routes_[route];
    const auto& fresh = *cache.links;
    if (plan.size() - pos == fresh.size() && std::equal(fresh.begin(), fresh.end(), plan.begin() + pos)) {
        return route; // the plan stands (the usual answer): no new route to build and look up
    }
    std::vector<LinkId> links(plan.begin(), plan.begin() + pos);
    links.insert(links.end(), fresh.begin(), fresh.end());
    return intern(links);
}

void RoutePlanner::set_node_closed(NodeId node, bool closed) {
    node_closed_[node] = closed ? 1 : 0;
    // Closures are rare: a pass over the links finds those into the node.
    for (std::uint32_t i = 0; i < net_.link_count(); ++i) {
        const LinkId l{i};
        if (net_.link(l).to == node) update_mask(l);
    }
}

} // namespace corridor::logistics::detail
