// The Router: a reusable workspace over one network and its queries (the search itself is in
// search.cpp, its bounds in target_bounds.cpp, Yen's routes in k_shortest.cpp, the costs of a
// found route in route_evaluation.cpp).
#include "sim/network/routing.hpp"

#include <algorithm>

#include "sim/network/detail/search.hpp"

namespace corridor::network {

Router::Router(const Network& network) : network_{&network}, ws_{std::make_unique<Workspace>()} {
    const std::size_t width = std::max<std::size_t>(1, network.impl().carrier_mode.size());
    ws_->width = static_cast<std::uint32_t>(width);
    if (width >= 255) throw InvalidNetwork("routing supports at most 254 (mode, gauge) carriers");
    ws_->states.assign(network.node_count() * width + 1, Workspace::State{detail::kInf, detail::kNone, 0});
}
Router::~Router() = default;

std::size_t Router::target_bounds() const {
    return static_cast<std::size_t>(
        std::count_if(ws_->bounds.begin(), ws_->bounds.end(), [](const auto& entry) { return !entry.second.h.empty(); }));
}

Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

std::optional<Route> Router::shortest_route(core::NodeId from, core::NodeId to, const RouteQuery& query) {
    if (query.metric == Metric::generalised && query.weights.value_of_reliability_usd_per_h.value() > 0) {
        auto routes = k_shortest_routes(from, to, 1, query); // re-ranked with reliability
        if (routes.empty()) return std::nullopt;
        return std::move(routes.front());
    }
    return additive_shortest(from, to, query);
}

std::optional<Route> Router::additive_shortest(core::NodeId from, core::NodeId to, const RouteQuery& query) {
    auto links = shortest_links(from, to, query);
    if (!links) return std::nullopt;
    return evaluate_route(*network_, from, *links, query);
}

std::optional<std::vector<core::LinkId>> Router::shortest_links(core::NodeId from, core::NodeId to,
                                                                const RouteQuery& query) {
    detail::search(*network_, *ws_, query, from, std::nullopt, to, {});
    if (ws_->reached == detail::kNone) return std::nullopt;
    return detail::links_to(*network_, *ws_, ws_->reached);
}

std::vector<double> Router::shortest_from(core::NodeId from, const RouteQuery& query) {
    std::vector<double> best;
    shortest_from(from, query, best);
    return best;
}

void Router::shortest_from(core::NodeId from, const RouteQuery& query, std::vector<double>& best) {
    detail::search(*network_, *ws_, query, from, std::nullopt, std::nullopt, {});
    const std::size_t width = ws_->width;
    const std::size_t n = network_->node_count();
    best.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        double d = detail::kInf;
        for (std::size_t c = 0; c < width; ++c) {
            d = std::min(d, ws_->distance(static_cast<std::uint32_t>(v * width + c)));
        }
        best[v] = d;
    }
    best[from.index()] = 0;
}

std::optional<Route> shortest_route(const Network& network, core::NodeId from, core::NodeId to,
                                    const RouteQuery& query) {
    return Router{network}.shortest_route(from, to, query);
}

std::vector<double> shortest_from(const Network& network, core::NodeId from, const RouteQuery& query) {
    return Router{network}.shortest_from(from, query);
}

} // namespace corridor::network
