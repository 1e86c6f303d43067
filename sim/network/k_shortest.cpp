// Yen's k shortest loopless routes (Yen 1971): each accepted route's nodes in turn are the spur
// of a search that bans the links the accepted routes sharing that root take next, and the
// root's other nodes; the best candidate not yet seen is accepted next.
#include <algorithm>
#include <set>
#include <span>

#include "sim/network/detail/route_evaluation.hpp"
#include "sim/network/detail/search.hpp"
#include "sim/network/routing.hpp"

namespace corridor::network {

// Reliability is priced by the spread of a route's time, which does not add link by link: the
// best kReliabilityCandidates routes (or k, if more) by the cost without it are re-ranked by the
// cost with it (exact when the best so priced is among them).
std::vector<Route> Router::k_shortest_routes(core::NodeId from, core::NodeId to, std::size_t k,
                                             const RouteQuery& query) {
    if (query.metric == Metric::generalised && query.weights.value_of_reliability_usd_per_h.value() > 0) {
        RouteQuery additive = query;
        additive.weights.value_of_reliability_usd_per_h = core::UsdPerHour{0};
        auto routes = additive_k_shortest(from, to, std::max(k, kReliabilityCandidates), additive);
        for (auto& r : routes) r = *evaluate_route(*network_, from, r.links, query);
        std::stable_sort(routes.begin(), routes.end(), [](const Route& a, const Route& b) {
            return a.generalised_usd.value() < b.generalised_usd.value();
        });
        if (routes.size() > k) routes.resize(k);
        return routes;
    }
    return additive_k_shortest(from, to, k, query);
}

std::vector<Route> Router::additive_k_shortest(core::NodeId from, core::NodeId to, std::size_t k, const RouteQuery& query) {
    const Network& network = *network_;
    std::vector<Route> accepted;
    if (k == 0) return accepted;
    auto first = additive_shortest(from, to, query);
    if (!first) return accepted;
    accepted.push_back(std::move(*first));
    // One route asked for: no Yen's bookkeeping (its per-network arrays cost more than the search
    // on large networks: 0.8 MB zeroed per call at 10^5 nodes).
    if (k == 1) return accepted;
    const auto& impl = network.impl();
    // Candidates ordered by metric value, then by link ids, so ties resolve the same every run.
    auto order = [&](const Route& a, const Route& b) {
        const double va = a.metric_value(query.metric);
        const double vb = b.metric_value(query.metric);
        if (va != vb) return va < vb;
        return std::lexicographical_compare(a.links.begin(), a.links.end(), b.links.begin(), b.links.end());
    };
    std::vector<Route> candidates;
    std::set<std::vector<core::LinkId>> seen{accepted.front().links};
    std::vector<char> banned_links(network.link_count(), 0);
    std::vector<char> banned_nodes(network.node_count(), 0);
    std::vector<std::uint32_t> visited(network.node_count(), 0); // by candidate_mark
    std::uint32_t candidate_mark = 0;
    std::vector<std::uint32_t> set_links;
    std::vector<std::size_t> common; // per accepted route: links it shares with the last, from the start
    while (accepted.size() < k) {
        const Route& last = accepted.back();
        // Root nodes are banned incrementally as the spur moves along the last route, and
        // unbanned at the end: O(route length), not O(network), per accepted route.
        banned_nodes[from.index()] = 1;
        // How many first links each accepted route shares with the last: the root (the last
        // route's first i links) is a prefix of those with common[r] >= i. O(k × route length)
        // here instead of comparing every root with every accepted route.
        common.clear();
        for (const Route& r : accepted) {
            const auto differ = std::mismatch(r.links.begin(), r.links.end(), last.links.begin(), last.links.end()).first;
            common.push_back(static_cast<std::size_t>(differ - r.links.begin()));
        }
        for (std::size_t i = 0; i < last.links.size(); ++i) {
            const auto root = std::span{last.links}.first(i);
            const core::NodeId spur = i == 0 ? from : network.link(root.back()).to;
            banned_nodes[spur.index()] = 0; // the spur itself is where the detour starts
            for (std::size_t a = 0; a < accepted.size(); ++a) {
                const Route& r = accepted[a];
                if (r.links.size() > i && common[a] >= i) {
                    banned_links[r.links[i].index()] = 1;
                    set_links.push_back(r.links[i].index());
                }
            }
            std::optional<std::uint8_t> carrier;
            if (!root.empty()) carrier = impl.link_carrier[root.back().index()];
            detail::search(network, *ws_, query, spur, carrier, to, {&banned_links, &banned_nodes});
            for (const auto l : set_links) banned_links[l] = 0;
            set_links.clear();
            banned_nodes[spur.index()] = 1; // part of the root from the next spur on
            if (ws_->reached == detail::kNone) continue;
            std::vector<core::LinkId> path(root.begin(), root.end());
            const auto tail = detail::links_to(*network_, *ws_, ws_->reached);
            path.insert(path.end(), tail.begin(), tail.end());
            // Loopless at the node level (a state path may revisit a node on another carrier).
            // The root's other nodes were banned from the spur search, so only the tail, from
            // the spur on, can repeat one: marked with this candidate's number, O(tail).
            ++candidate_mark;
            visited[spur.index()] = candidate_mark;
            bool loop = false;
            for (const auto l : tail) {
                auto& mark = visited[network.link(l).to.index()];
                loop = loop || mark == candidate_mark;
                mark = candidate_mark;
            }
            if (loop) continue;
            if (!seen.insert(path).second) continue;
            if (auto route = detail::evaluate_sums(network, from, path, query)) {
                route->links = std::move(path);
                candidates.push_back(std::move(*route));
            }
        }
        banned_nodes[from.index()] = 0;
        for (const auto l : last.links) banned_nodes[network.link(l).to.index()] = 0;
        if (candidates.empty()) break;
        const auto best = std::min_element(candidates.begin(), candidates.end(), order);
        accepted.push_back(*evaluate_route(network, from, best->links, query)); // with its steps
        candidates.erase(best);
    }
    return accepted;
}

std::vector<Route> k_shortest_routes(const Network& network, core::NodeId from, core::NodeId to,
                                     std::size_t k, const RouteQuery& query) {
    return Router{network}.k_shortest_routes(from, to, k, query);
}

} // namespace corridor::network
