// Target bounds: for a target asked often, the exact least cost from every (node, carrier)
// state to it on the network with every link usable and no queues, worked out backwards once and
// used as the A* potential of the searches towards it.
#include "sim/network/detail/target_bounds.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <utility>

namespace corridor::network::detail {

namespace {

// The links into each node, by CSR index (once per Router).
void build_in_links(const Network& network, Router::Workspace& ws) {
    const auto& impl = network.impl();
    const std::size_t n = network.node_count();
    const std::size_t m = impl.csr_topo.size();
    ws.in_start.assign(n + 1, 0);
    for (std::size_t i = 0; i < m; ++i) ++ws.in_start[impl.csr_topo[i].to + 1];
    for (std::size_t v = 0; v < n; ++v) ws.in_start[v + 1] += ws.in_start[v];
    ws.in_links.resize(m);
    std::vector<std::uint32_t> fill(ws.in_start.begin(), ws.in_start.end() - 1);
    for (std::size_t i = 0; i < m; ++i) ws.in_links[fill[impl.csr_topo[i].to]++] = static_cast<std::uint32_t>(i);
}

// Works out a target bound (Workspace::TargetBound): Dijkstra backwards from the target over
// states, pricing each step as search_with does with every link usable and no queues.
template <Metric M>
std::vector<float> work_out_bound(const Network& network, Router::Workspace& ws, core::NodeId target,
                                  const Weights& w) {
    const auto& impl = network.impl();
    if (ws.in_start.empty()) build_in_links(network, ws);
    const LinkWeight<M> weight{impl.csr_hours.data(), impl.csr_usd.data(), impl.csr_co2_g_per_t.data(), w};
    const std::uint32_t width = ws.width;
    const std::uint32_t stride = width + 1;
    const auto* nodes = impl.node_hot.data();
    auto water = [&](std::uint32_t carrier) { return loads_at_port(impl.carrier_mode[carrier]); };
    std::vector<double> h(network.node_count() * stride, kInf);
    using Item = std::pair<double, std::uint32_t>; // (cost to the target, node × width + carrier)
    std::priority_queue<Item, std::vector<Item>, std::greater<>> frontier;
    const std::uint32_t goal = target.index();
    for (std::uint32_t c = 0; c <= width; ++c) h[goal * stride + c] = 0;
    for (std::uint32_t c = 0; c < width; ++c) frontier.push({0.0, goal * width + c});
    while (!frontier.empty()) {
        const auto [d, state] = frontier.top();
        frontier.pop();
        const std::uint32_t at = state / width;
        const std::uint32_t carrier = state % width;
        if (d > h[at * stride + carrier]) continue;
        // Every link into `at` on this carrier: its source's states reach the target through it.
        for (std::uint32_t k = ws.in_start[at]; k < ws.in_start[at + 1]; ++k) {
            const std::uint32_t i = ws.in_links[k];
            const LinkTopo link = impl.csr_topo[i];
            if (link.carrier != carrier) continue;
            const std::uint32_t from = impl.csr_from[i];
            if (from == goal) continue; // a search stops at the target
            const bool by_water_link = (link.flags & LinkTopo::kWater) != 0;
            double add = weight(i);
            if (at == goal && by_water_link && nodes[goal].port) add += w.of(nodes[goal].port_h, nodes[goal].port_usd, 0);
            const double via = d + add;
            const NodeHot& here = nodes[from];
            // Arrived at `from` on carrier c, then this link: the change of carrier, if any.
            for (std::uint32_t c = 0; c < width; ++c) {
                double cost = via;
                if (c != carrier) {
                    const Transfer transfer =
                        transfer_between(false, by_water_link || water(c), here.port, here.transshipment);
                    if (transfer == Transfer::impossible) continue;
                    cost += transfer == Transfer::port ? w.of(here.port_h, here.port_usd, 0)
                                                       : w.of(here.transfer_h, here.transfer_usd, 0);
                }
                if (cost < h[from * stride + c]) {
                    h[from * stride + c] = cost;
                    frontier.push({cost, from * width + c});
                }
            }
            // Starting at `from` with this link (a vessel loads first).
            const double start = via + (by_water_link && here.port ? w.of(here.port_h, here.port_usd, 0) : 0.0);
            h[from * stride + width] = std::min(h[from * stride + width], start);
        }
    }
    // Summed backwards, the bound may differ from a forward sum in the last bits: shade it so
    // that it stays below every true cost (far below the heap keys' resolution, 2^-20), and
    // round it down to a float.
    std::vector<float> out(h.size());
    for (std::size_t i = 0; i < h.size(); ++i) {
        const double x = h[i] * (1.0 - 1e-9);
        float f = static_cast<float>(x);
        if (static_cast<double>(f) > x) f = std::nextafter(f, 0.0F);
        out[i] = f;
    }
    return out;
}


} // namespace

// The target's bound for this query (`bound`, its entry), worked out once the searches
// towards it have done enough work; nullptr until then.
const float* bound_of(const Network& network, Router::Workspace& ws, const RouteQuery& query, core::NodeId target,
                      Router::Workspace::TargetBound& bound, const Weights& w) {
    bound.last_use = ++ws.searches;
    if (!bound.h.empty()) return bound.h.data();
    // Working a bound out costs less per state than a search per state popped (about a third,
    // BM_Simulate_CorridorAdaptive, bench/README.md): buy it once the searches have popped half as many states,
    // and the target has been asked a few times (a target asked once or twice, as random pairs
    // on a grid are, is seldom asked again).
    const std::uint64_t states = static_cast<std::uint64_t>(network.node_count()) * ws.width;
    if (++bound.asked < Router::Workspace::kAskedBeforeBound || bound.pops < states / 2) return nullptr;
    switch (query.metric) {
    case Metric::time: bound.h = work_out_bound<Metric::time>(network, ws, target, w); break;
    case Metric::cost: bound.h = work_out_bound<Metric::cost>(network, ws, target, w); break;
    case Metric::co2: bound.h = work_out_bound<Metric::co2>(network, ws, target, w); break;
    case Metric::generalised: bound.h = work_out_bound<Metric::generalised>(network, ws, target, w); break;
    }
    ws.bound_bytes += bound.h.size() * sizeof(float);
    while (ws.bound_bytes > Router::Workspace::kBoundBudgetBytes) { // drop the least recently used other
        Router::Workspace::TargetBound* oldest = nullptr;
        for (auto& [key, b] : ws.bounds) {
            if (!b.h.empty() && &b != &bound && (oldest == nullptr || b.last_use < oldest->last_use)) oldest = &b;
        }
        if (oldest == nullptr) break;
        ws.bound_bytes -= oldest->h.size() * sizeof(float);
        oldest->h = {};
        oldest->pops = 0;
        oldest->asked = 0;
    }
    return bound.h.data();
}
} // namespace corridor::network::detail
