// The state search: A* over (node, carrier it arrived on), so that a change of gauge or mode
// costs the node's transfer and is forbidden where the node cannot transship. It reads the
// network's packed per-link and per-node arrays (detail/graph.hpp); its potential is the chord
// to the target, or the target's exact bound once bought (target_bounds.cpp).
#include "sim/network/detail/search.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/network/detail/target_bounds.hpp"

namespace corridor::network::detail {

namespace {

// A* over states. `start_carrier` is the carrier the route arrived on (Yen's spur searches).
// `heap`: the workspace's all_heap for one-to-all searches, target_heap otherwise.
// `bound`: the target's bound (Workspace::TargetBound::h) when Bounded, else the chord's. (A
// compile-time choice: a run-time one made GCC call the heap's push out of line, which
// BM_PointToPoint_Grid measures, bench/README.md.)
template <Metric M, class Heap, bool Bounded>
void search_with(const Network& network, Router::Workspace& ws, Heap& heap, const RouteQuery& query,
                 core::NodeId start, std::optional<std::uint8_t> start_carrier, std::optional<core::NodeId> target,
                 const Bans& bans, const float* bound) {
    const auto& impl = network.impl();
    const Weights w = weights_of(network, query);
    const LinkWeight<M> weight{impl.csr_hours.data(), impl.csr_usd.data(), impl.csr_co2_g_per_t.data(), w};
    const std::uint32_t width = ws.width;
    const std::uint32_t fresh_state = static_cast<std::uint32_t>(network.node_count()) * width;
    const auto* topo = impl.csr_topo.data();
    const auto* nodes = impl.node_hot.data();
    const auto* rows = impl.row_start.data();
    const auto* order = impl.link_order.data();
    auto* states = ws.states.data();
    const bool banning = bans.links != nullptr;
    const bool has_closures = !query.closed_links.empty();
    const NodeWait* waits = query.node_waits.empty() ? nullptr : query.node_waits.data(); // queues now
    // Borders' inspections of hazardous cargo, for a hazardous class where any border has one.
    const double* inspections = impl.any_hazard_inspection && query.cargo &&
                                        network.cargo_classes()[query.cargo->index()].hazardous
                                    ? impl.hazard_inspection_h.data()
                                    : nullptr;
    const bool border_extras = waits != nullptr || inspections != nullptr;
    // Links that need a closer look (not open, or restricted) go through the slow check.
    auto usable = [&](std::uint32_t i) {
        const core::LinkId id = order[i];
        return network.is_open(id, query.date) && network.allows(id, query.cargo);
    };

    // Potential: a lower bound of the metric per km of straight line (chord <= arc, so it
    // stays admissible and consistent), times the chord to the target.
    double per_chord = 0;
    std::array<double, 3> goal{};
    if (target) {
        per_chord = w.of(impl.min_hours_per_gc_km, impl.min_usd_per_gc_km, impl.min_co2_g_per_t_per_gc_km) * 6371.0;
        goal = impl.node_xyz[target->index()];
    }
    const auto* xyz = impl.node_xyz.data();
    // The potential of state (v, arrived on `carrier`; width: the start, not moved yet).
    // Infinite where even the bound's network cannot reach the target.
    auto potential = [&](std::uint32_t v, std::uint32_t carrier) {
        if constexpr (Bounded) return static_cast<double>(bound[v * (width + 1) + carrier]);
        if (per_chord <= 0) return 0.0;
        const double dx = xyz[v][0] - goal[0], dy = xyz[v][1] - goal[1], dz = xyz[v][2] - goal[2];
        return per_chord * std::sqrt(dx * dx + dy * dy + dz * dz);
    };
    auto water = [&](std::uint32_t carrier) { return loads_at_port(impl.carrier_mode[carrier]); };
    // The queues a simulation sees now (adaptive routing), on top of the processes' mean times.
    auto berths_wait = [&](std::uint32_t v) { return waits != nullptr ? waits[v].berths_h.count() : 0.0; };
    auto cranes_wait = [&](std::uint32_t v) { return waits != nullptr ? waits[v].cranes_h.count() : 0.0; };

    ws.begin();
    heap.clear();
    const std::uint32_t first_carrier = start_carrier ? *start_carrier : width; // width: not moved yet
    const std::uint32_t first = start_carrier ? start.index() * width + *start_carrier : fresh_state;
    states[first] = {0.0, kNone, ws.stamp << 1U};
    ws.pops = 0;
    std::uint64_t pops = 0; // kept here, stored once at the end (a store per pop otherwise)
    const double start_potential = potential(start.index(), first_carrier);
    if (Bounded && start_potential == kInf) return; // the target cannot be reached from here
    heap.push({fixed_key(start_potential), start.index(), first_carrier});
    const std::uint32_t goal_node = target ? target->index() : kNone;
    std::uint64_t stop_above = std::numeric_limits<std::uint64_t>::max();
    while (!heap.empty()) {
        const Entry top = heap.top();
        if (top.key > stop_above) break; // the goal's distance is final
        heap.pop();
        ++pops;
        // Keys must not fall below the popped one (rounding of g + h can try): clamp.
        const std::uint64_t floor_key = top.key;
        if (const Entry* next = heap.peek_cheap()) {
            // The walk is memory-bound: fetch the next node's row and state while this one works.
            __builtin_prefetch(&rows[next->node]);
            __builtin_prefetch(&states[next->node * width + (next->carrier == width ? 0 : next->carrier)]);
        }
        const bool fresh = top.carrier == width;
        const std::uint32_t state = fresh ? fresh_state : top.node * width + top.carrier;
        auto& current = states[state];
        if (ws.done(current)) continue;
        current.mark |= 1U;
        if (top.node == goal_node) {
            // Finish the keys equal to this one first: they may still improve the goal.
            ws.reached = state;
            stop_above = top.key;
            continue;
        }
        const double base = current.dist;
        const NodeHot& here = nodes[top.node]; // read only at a start or a change of carrier
        const std::uint32_t end = rows[top.node + 1];
        for (std::uint32_t i = rows[top.node]; i < end; ++i) {
            const LinkTopo link = topo[i];
            if ((link.flags & (LinkTopo::kNotOpen | LinkTopo::kRestricted)) != 0 && !usable(i)) [[unlikely]] {
                continue;
            }
            if (banning && ((*bans.links)[order[i].index()] || (*bans.nodes)[link.to])) continue;
            if (has_closures && query.closed_links[order[i].index()] != 0) continue;
            double add = weight(i);
            const bool by_water_link = (link.flags & LinkTopo::kWater) != 0;
            if (fresh) {
                if (by_water_link && here.port) add += w.of(here.port_h + berths_wait(top.node), here.port_usd, 0);
            } else if (top.carrier != link.carrier) {
                const Transfer transfer =
                    transfer_between(false, by_water_link || water(top.carrier), here.port, here.transshipment);
                if (transfer == Transfer::impossible) continue; // no way to change gauge or mode here
                if (transfer == Transfer::port) {
                    add += w.of(here.port_h + berths_wait(top.node), here.port_usd, 0);
                } else {
                    add += w.of(here.transfer_h + cranes_wait(top.node), here.transfer_usd, 0);
                }
            }
            if (link.to == goal_node && by_water_link && nodes[link.to].port) {
                add += w.of(nodes[link.to].port_h + berths_wait(link.to), nodes[link.to].port_usd, 0);
            }
            if (border_extras) [[unlikely]] { // one test on the hot path for both extras below
                if (waits != nullptr) { // a border's queue, in the direction the link enters it
                    if ((link.flags & LinkTopo::kBorderIn) != 0) add += w.of(waits[link.to].border_in_h.count(), 0, 0);
                    if ((link.flags & LinkTopo::kBorderOut) != 0) add += w.of(waits[link.to].border_out_h.count(), 0, 0);
                }
                if (inspections != nullptr && (link.flags & (LinkTopo::kBorderIn | LinkTopo::kBorderOut)) != 0) {
                    add += w.of(inspections[link.to], 0, 0);
                }
            }
            const std::uint32_t next = link.to * width + link.carrier;
            const double candidate = base + add;
            auto& target_state = states[next];
            if (!ws.seen(target_state) || candidate < target_state.dist) {
                const double h = potential(link.to, link.carrier);
                if constexpr (Bounded) {
                    if (h == kInf) continue; // a dead end for this target
                }
                target_state.dist = candidate;
                target_state.parent_link = i; // CSR index; links_to maps it to a LinkId
                target_state.mark = (top.carrier << 24U) | (ws.stamp << 1U);
                heap.push({std::max(fixed_key(candidate + h), floor_key), link.to, link.carrier});
            }
        }
    }
    ws.pops = pops;
    if (ws.reached != kNone) {
        // The goal may be reached on several carriers: the best of them.
        for (std::uint32_t c = 0; c < width; ++c) {
            const std::uint32_t state = goal_node * width + c;
            if (ws.distance(state) < ws.distance(ws.reached)) ws.reached = state;
        }
    }
}

template <class Heap, bool Bounded>
void search_on(const Network& network, Router::Workspace& ws, Heap& heap, const RouteQuery& query,
               core::NodeId start, std::optional<std::uint8_t> start_carrier, std::optional<core::NodeId> target,
               const Bans& bans, const float* bound) {
    switch (query.metric) {
    case Metric::time:
        return search_with<Metric::time, Heap, Bounded>(network, ws, heap, query, start, start_carrier, target, bans, bound);
    case Metric::cost:
        return search_with<Metric::cost, Heap, Bounded>(network, ws, heap, query, start, start_carrier, target, bans, bound);
    case Metric::co2:
        return search_with<Metric::co2, Heap, Bounded>(network, ws, heap, query, start, start_carrier, target, bans, bound);
    case Metric::generalised:
        return search_with<Metric::generalised, Heap, Bounded>(network, ws, heap, query, start, start_carrier, target,
                                                                bans, bound);
    }
}

} // namespace

void search(const Network& network, Router::Workspace& ws, const RouteQuery& query, core::NodeId start,
            std::optional<std::uint8_t> start_carrier, std::optional<core::NodeId> target, const Bans& bans) {
    if (!target) {
        search_on<decltype(ws.all_heap), false>(network, ws, ws.all_heap, query, start, start_carrier, target, bans,
                                                nullptr);
        return;
    }
    const Weights w = weights_of(network, query);
    if (ws.bounds.size() >= Router::Workspace::kMaxTracked) [[unlikely]] {
        // Many targets, each asked rarely: forget the counts of those without a bound.
        std::erase_if(ws.bounds, [](const auto& entry) { return entry.second.h.empty(); });
    }
    auto& entry = ws.bounds[{target->index(), w.per_hour, w.per_usd, w.per_co2_g_per_t}];
    const float* bound = bound_of(network, ws, query, *target, entry, w);
    using TargetHeap = decltype(ws.target_heap);
    if (bound != nullptr) {
        search_on<TargetHeap, true>(network, ws, ws.target_heap, query, start, start_carrier, target, bans, bound);
    } else {
        search_on<TargetHeap, false>(network, ws, ws.target_heap, query, start, start_carrier, target, bans, nullptr);
    }
    if (bound == nullptr) entry.pops += ws.pops;
}

std::vector<core::LinkId> links_to(const Network& network, const Router::Workspace& ws, std::uint32_t state) {
    const auto& impl = network.impl();
    std::vector<core::LinkId> links;
    while (ws.states[state].parent_link != kNone) {
        const Router::Workspace::State& st = ws.states[state];
        links.push_back(impl.link_order[st.parent_link]);
        const std::uint32_t carrier = st.mark >> 24U;
        const std::uint32_t from = impl.csr_from[st.parent_link];
        state = carrier == ws.width ? static_cast<std::uint32_t>(network.node_count()) * ws.width
                                    : from * ws.width + carrier;
    }
    std::reverse(links.begin(), links.end());
    return links;
}

} // namespace corridor::network::detail
