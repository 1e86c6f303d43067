// State-expanded A*: a state is (node, carrier it arrived on), so that a change of gauge or mode
// costs the node's transfer and is forbidden where the node cannot transship. The search reads
// the packed LinkHot/NodeHot arrays; evaluate_route prices a found route step by step from the
// model itself, and the tests check that both agree.
#include "sim/network/routing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <bit>
#include <map>
#include <queue>
#include <set>
#include <span>
#include <tuple>

#include "sim/core/detail/wide_radix_heap.hpp"
#include "sim/network/detail/frontier_heap.hpp"
#include "sim/network/detail/graph.hpp"

namespace corridor::network {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

bool is_water(Mode mode) { return mode == Mode::ferry || mode == Mode::sea || mode == Mode::air; }

struct Cost {
    double hours = 0, usd = 0, kg = 0;
};

// Everything a query needs to price links and node processes.
class Pricer {
public:
    Pricer(const Network& network, const RouteQuery& query)
        : net_{network}, impl_{network.impl()}, query_{query} {
        tonnes_ = 1.0;
        if (query.cargo) tonnes_ = network.cargo_classes()[query.cargo->index()].tonnes_per_unit;
    }

    [[nodiscard]] double value(const Cost& c) const {
        switch (query_.metric) {
        case Metric::time: return c.hours;
        case Metric::cost: return c.usd;
        case Metric::co2: return c.kg;
        case Metric::generalised:
            return c.usd + query_.weights.value_of_time_usd_per_h * c.hours +
                   query_.weights.carbon_price_usd_per_t * c.kg / 1000.0;
        }
        return c.hours;
    }

    [[nodiscard]] Cost link(core::LinkId id) const {
        const Link& l = net_.link(id);
        const double km = l.length.value();
        return {km / l.speed.value(), l.cost_usd_per_unit_km * km, l.co2_g_per_tkm * tonnes_ * km / 1000.0};
    }

    [[nodiscard]] bool usable(core::LinkId id) const {
        return net_.is_open(id, query_.date) && net_.allows(id, query_.cargo);
    }

    // Border dwell on arriving at `node` by `via`.
    [[nodiscard]] std::optional<Cost> border(core::NodeId node, core::LinkId via) const {
        const Node& n = net_.node(node);
        if (!n.border) return std::nullopt;
        const bool inbound = net_.node(net_.link(via).from).country != n.country;
        const double queue_h = query_.node_waits.empty()
                                   ? 0.0
                                   : (inbound ? query_.node_waits[node.index()].border_in_h
                                              : query_.node_waits[node.index()].border_out_h);
        return Cost{n.border->expected_h(inbound) + queue_h, n.border->cost_usd_per_unit, 0};
    }

    // Loading or unloading a vessel at a port (origin, destination or transfer).
    [[nodiscard]] std::optional<Cost> port(core::NodeId node) const {
        const Node& n = net_.node(node);
        if (!n.port) return std::nullopt;
        const double queue_h = query_.node_waits.empty() ? 0.0 : query_.node_waits[node.index()].berths_h;
        return Cost{n.port->handling_h.mean() + queue_h, n.port->cost_usd_per_unit, 0};
    }

    // Changing from carrier `from` to carrier `to` at `node`; nullopt if the node cannot.
    enum class TransferKind { none, transshipment, port, impossible };
    [[nodiscard]] TransferKind transfer_kind(core::NodeId node, std::uint8_t from, std::uint8_t to) const {
        if (from == to) return TransferKind::none;
        const Node& n = net_.node(node);
        const bool water = is_water(impl_.carrier_mode[from]) || is_water(impl_.carrier_mode[to]);
        if (water && n.port) return TransferKind::port;
        if (n.transshipment) return TransferKind::transshipment;
        if (n.port) return TransferKind::port;
        return TransferKind::impossible;
    }
    [[nodiscard]] Cost transfer(core::NodeId node, TransferKind kind) const {
        const Node& n = net_.node(node);
        if (kind == TransferKind::port) return *port(node);
        const auto& t = *n.transshipment;
        const double queue_h = query_.node_waits.empty() ? 0.0 : query_.node_waits[node.index()].cranes_h;
        return {t.setup_h.mean() + 1.0 / (t.units_per_crane_h * t.cranes) + queue_h, t.cost_usd_per_unit, 0};
    }


private:
    const Network& net_;
    const Network::Impl& impl_;
    const RouteQuery& query_;
    double tonnes_ = 1;
};

// Linear weights of the metric over (hours, usd, g CO2e per tonne).
struct Weights {
    double per_hour = 0, per_usd = 0, per_co2_g_per_t = 0;
    [[nodiscard]] double of(double hours, double usd, double co2_g_per_t) const {
        return per_hour * hours + per_usd * usd + per_co2_g_per_t * co2_g_per_t;
    }
};

Weights weights_of(const Network& network, const RouteQuery& q) {
    const double tonnes = q.cargo ? network.cargo_classes()[q.cargo->index()].tonnes_per_unit : 1.0;
    switch (q.metric) {
    case Metric::time: return {1, 0, 0};
    case Metric::cost: return {0, 1, 0};
    case Metric::co2: return {0, 0, tonnes / 1000.0};
    case Metric::generalised:
        return {q.weights.value_of_time_usd_per_h, 1, q.weights.carbon_price_usd_per_t * tonnes / 1e6};
    }
    return {1, 0, 0};
}

// Heap keys are fixed-point: floor(metric × 2^20), so that a radix heap can order them with few
// bucket moves. Entries whose true keys differ by less than 2^-20 may come out of order; the
// search stays exact because a state whose distance improves after it was expanded is expanded
// again, and the goal is only final once every key up to its own has been expanded.
constexpr double kKeyScale = 1048576.0; // 2^20
constexpr double kMaxKey = 4.0e12;      // (2^62) / 2^20: larger keys are clamped
std::uint64_t fixed_key(double key) {
    return static_cast<std::uint64_t>(std::min(key, kMaxKey) * kKeyScale);
}

struct Entry {
    std::uint64_t key;
    std::uint32_t node;
    std::uint32_t carrier;
};

// Exclusions for Yen's spur searches.
struct Bans {
    const std::vector<char>* links = nullptr;
    const std::vector<char>* nodes = nullptr;
};

} // namespace

// Per-state data, valid where its stamp equals the current query's. A state is (node, carrier
// arrived on): index node × carriers + carrier, plus one extra state for the start node before
// it has moved (index node_count × carriers). One struct per state keeps a relaxation to one
// cache line.
struct Router::Workspace {
    // 16 bytes. `mark` packs: bit 0 settled, bits 1-23 the query stamp (valid when equal to
    // the current one), bits 24-31 the carrier of the parent state. The parent state is then
    // (source node of parent_link, that carrier), or the start when parent_link is kNone.
    struct State {
        double dist;
        std::uint32_t parent_link; // CSR index
        std::uint32_t mark;
    };
    static constexpr std::uint32_t kStampMask = 0x7FFFFFU;
    std::uint32_t width = 1;
    std::uint32_t stamp = 0;
    std::vector<State> states;
    // Dijkstra and A* with a consistent potential pop keys in non-decreasing order, so a
    // monotone radix heap applies: one-to-all searches use it. A search towards a target often
    // keeps few states open, where a 4-ary heap is faster; its frontier starts on one and moves
    // to a radix heap if it grows large (detail::FrontierHeap).
    struct KeyOf {
        std::uint64_t operator()(const Entry& e) const { return e.key; }
    };
    core::detail::WideRadixHeap<Entry, KeyOf> all_heap; // one-to-all searches
    detail::FrontierHeap<Entry, KeyOf> target_heap;     // searches towards a target
    std::uint32_t reached = kNone;
    std::uint64_t pops = 0; // states taken from the frontier by the last search

    // Target bounds: for one target and one metric (its weights), the least cost from every
    // state to the target on the network with every link usable, no closures and no queues.
    // Those only remove links or add cost, so this is a lower bound for every query towards
    // the target, and a consistent A* potential; unlike the chord's, it counts the gauge
    // breaks' transfers and follows the lines, so a search explores little beyond the route.
    // `h` has width + 1 entries per node: by the carrier a state arrived on, then the start
    // state (not moved yet). Working one out costs about a one-to-all search, so it is done
    // once the searches towards that target have popped as many states as the network has
    // (a rent-or-buy rule: never more than twice the work without it). Least recently used
    // bounds are dropped beyond a memory budget.
    using BoundKey = std::tuple<std::uint32_t, double, double, double>; // target, weights
    struct TargetBound {
        std::uint64_t pops = 0;      // popped by searches towards it so far
        std::uint32_t asked = 0;     // searches towards it so far
        std::uint64_t last_use = 0;  // a search counter, for dropping the least recently used
        std::vector<float> h;        // empty until worked out; rounded down (half a double's memory)
    };
    static constexpr std::size_t kBoundBudgetBytes = std::size_t{64} << 20U;
    static constexpr std::size_t kMaxTracked = 4096; // targets counted at once
    static constexpr std::uint32_t kAskedBeforeBound = 4;
    std::map<BoundKey, TargetBound> bounds;
    std::size_t bound_bytes = 0;
    std::uint64_t searches = 0;
    // Links into each node, for the backward searches (built on first use): CSR indices of
    // the links into v are in_links[in_start[v] .. in_start[v + 1]).
    std::vector<std::uint32_t> in_start;
    std::vector<std::uint32_t> in_links;

    void begin() {
        stamp = (stamp + 1) & kStampMask;
        if (stamp == 0) { // wrapped: clear once every 2^23 queries
            for (auto& st : states) st.mark = 0;
            stamp = 1;
        }
        reached = kNone;
    }
    [[nodiscard]] bool seen(const State& st) const { return ((st.mark >> 1U) & kStampMask) == stamp; }
    [[nodiscard]] bool done(const State& st) const { return seen(st) && (st.mark & 1U) != 0; }
    [[nodiscard]] double distance(std::uint32_t state) const {
        return seen(states[state]) ? states[state].dist : kInf;
    }
};

namespace {

// The metric's weight of the link at CSR index i: a compile-time choice, so a one-metric query
// reads one cost array.
template <Metric M>
struct LinkWeight {
    const double* hours;
    const double* usd;
    const double* co2;
    Weights w;
    [[nodiscard]] double operator()(std::uint32_t i) const {
        if constexpr (M == Metric::time) return hours[i];
        if constexpr (M == Metric::cost) return usd[i];
        if constexpr (M == Metric::co2) return w.per_co2_g_per_t * co2[i];
        if constexpr (M == Metric::generalised) return w.of(hours[i], usd[i], co2[i]);
        return 0;
    }
};

// A* over states. `start_carrier` is the carrier the route arrived on (Yen's spur searches).
// `heap`: the workspace's all_heap for one-to-all searches, target_heap otherwise.
// `bound`: the target's bound (Workspace::TargetBound::h) when Bounded, else the chord's. (A
// compile-time choice: a run-time one made GCC call the heap's push out of line, +15% on grids.)
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
    auto water = [&](std::uint32_t carrier) {
        const Mode m = impl.carrier_mode[carrier];
        return m == Mode::ferry || m == Mode::sea || m == Mode::air;
    };
    // The queues a simulation sees now (adaptive routing), on top of the processes' mean times.
    auto berths_wait = [&](std::uint32_t v) { return waits != nullptr ? waits[v].berths_h : 0.0; };
    auto cranes_wait = [&](std::uint32_t v) { return waits != nullptr ? waits[v].cranes_h : 0.0; };

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
                if ((by_water_link || water(top.carrier)) && here.port) {
                    add += w.of(here.port_h + berths_wait(top.node), here.port_usd, 0);
                } else if (here.transshipment) {
                    add += w.of(here.transfer_h + cranes_wait(top.node), here.transfer_usd, 0);
                } else if (here.port) {
                    add += w.of(here.port_h + berths_wait(top.node), here.port_usd, 0);
                } else {
                    continue; // no way to change gauge or mode here
                }
            }
            if (link.to == goal_node && by_water_link && nodes[link.to].port) {
                add += w.of(nodes[link.to].port_h + berths_wait(link.to), nodes[link.to].port_usd, 0);
            }
            if (waits != nullptr) [[unlikely]] { // a border's queue, in the direction the link enters it
                if ((link.flags & LinkTopo::kBorderIn) != 0) add += w.of(waits[link.to].border_in_h, 0, 0);
                if ((link.flags & LinkTopo::kBorderOut) != 0) add += w.of(waits[link.to].border_out_h, 0, 0);
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
    auto water = [&](std::uint32_t carrier) {
        const Mode m = impl.carrier_mode[carrier];
        return m == Mode::ferry || m == Mode::sea || m == Mode::air;
    };
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
                    if ((by_water_link || water(c)) && here.port) {
                        cost += w.of(here.port_h, here.port_usd, 0);
                    } else if (here.transshipment) {
                        cost += w.of(here.transfer_h, here.transfer_usd, 0);
                    } else if (here.port) {
                        cost += w.of(here.port_h, here.port_usd, 0);
                    } else {
                        continue;
                    }
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

// The target's bound for this query (`bound`, its entry), worked out once the searches
// towards it have done enough work; nullptr until then.
const float* bound_of(const Network& network, Router::Workspace& ws, const RouteQuery& query, core::NodeId target,
                      Router::Workspace::TargetBound& bound, const Weights& w) {
    bound.last_use = ++ws.searches;
    if (!bound.h.empty()) return bound.h.data();
    // Working a bound out costs less per state than a search per state popped (on the 10^4-node
    // corridor 19 ns against 51 ns): buy it once the searches have popped half as many states,
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

} // namespace

double Route::metric_value(Metric metric) const {
    switch (metric) {
    case Metric::time: return hours.count();
    case Metric::cost: return usd;
    case Metric::co2: return kg_co2e;
    case Metric::generalised: return generalised_usd;
    }
    return hours.count();
}

namespace {

// evaluate_route, and (WithSteps false) the same sums without the steps or the links: what
// Yen's candidates need to be ordered; the one accepted is evaluated again in full.
template <bool WithSteps>
std::optional<Route> evaluate(const Network& network, core::NodeId from, const std::vector<core::LinkId>& links,
                              const RouteQuery& query) {
    const Pricer pricer{network, query};
    const auto& impl = network.impl();
    Route route;
    route.from = from;
    route.to = from;
    if constexpr (WithSteps) route.links = links;
    auto add = [&](RouteStep::Kind kind, core::NodeId node, core::LinkId link, const Cost& c) {
        if constexpr (WithSteps) route.steps.push_back({kind, node, link, core::Hours{c.hours}, c.usd, c.kg});
        route.hours += core::Hours{c.hours};
        route.usd += c.usd;
        route.kg_co2e += c.kg;
    };
    core::NodeId at = from;
    for (std::size_t i = 0; i < links.size(); ++i) {
        const core::LinkId l = links[i];
        if (l.index() >= network.link_count()) return std::nullopt;
        const Link& link = network.link(l);
        if (link.from != at || !pricer.usable(l)) return std::nullopt;
        if (!query.closed_links.empty() && query.closed_links[l.index()] != 0) return std::nullopt;
        if (i == 0) {
            if (is_water(link.mode)) {
                if (const auto c = pricer.port(at)) add(RouteStep::Kind::port, at, {}, *c);
            }
        } else {
            const auto kind = pricer.transfer_kind(at, impl.link_carrier[links[i - 1].index()],
                                                   impl.link_carrier[l.index()]);
            if (kind == Pricer::TransferKind::impossible) return std::nullopt;
            if (kind != Pricer::TransferKind::none) {
                add(kind == Pricer::TransferKind::port ? RouteStep::Kind::port : RouteStep::Kind::transshipment,
                    at, {}, pricer.transfer(at, kind));
            }
        }
        add(RouteStep::Kind::link, link.to, l, pricer.link(l));
        route.length += link.length;
        if (const auto b = pricer.border(link.to, l)) add(RouteStep::Kind::border, link.to, {}, *b);
        at = link.to;
        if (i + 1 == links.size() && is_water(link.mode)) {
            if (const auto c = pricer.port(at)) add(RouteStep::Kind::port, at, {}, *c);
        }
    }
    route.to = at;
    RouteQuery generalised = query;
    generalised.metric = Metric::generalised;
    route.generalised_usd = Pricer{network, generalised}.value({route.hours.count(), route.usd, route.kg_co2e});
    return route;
}

} // namespace

std::optional<Route> evaluate_route(const Network& network, core::NodeId from,
                                    const std::vector<core::LinkId>& links, const RouteQuery& query) {
    return evaluate<true>(network, from, links, query);
}

Router::Router(const Network& network) : network_{&network}, ws_{std::make_unique<Workspace>()} {
    const std::size_t width = std::max<std::size_t>(1, network.impl().carrier_mode.size());
    ws_->width = static_cast<std::uint32_t>(width);
    if (width >= 255) throw InvalidNetwork("routing supports at most 254 (mode, gauge) carriers");
    ws_->states.assign(network.node_count() * width + 1, Workspace::State{kInf, kNone, 0});
}
Router::~Router() = default;

std::size_t Router::target_bounds() const {
    return static_cast<std::size_t>(
        std::count_if(ws_->bounds.begin(), ws_->bounds.end(), [](const auto& entry) { return !entry.second.h.empty(); }));
}

Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

std::optional<Route> Router::shortest_route(core::NodeId from, core::NodeId to, const RouteQuery& query) {
    auto links = shortest_links(from, to, query);
    if (!links) return std::nullopt;
    return evaluate_route(*network_, from, *links, query);
}

std::optional<std::vector<core::LinkId>> Router::shortest_links(core::NodeId from, core::NodeId to,
                                                                const RouteQuery& query) {
    search(*network_, *ws_, query, from, std::nullopt, to, {});
    if (ws_->reached == kNone) return std::nullopt;
    return links_to(*network_, *ws_, ws_->reached);
}

std::vector<double> Router::shortest_from(core::NodeId from, const RouteQuery& query) {
    std::vector<double> best;
    shortest_from(from, query, best);
    return best;
}

void Router::shortest_from(core::NodeId from, const RouteQuery& query, std::vector<double>& best) {
    search(*network_, *ws_, query, from, std::nullopt, std::nullopt, {});
    const std::size_t width = ws_->width;
    const std::size_t n = network_->node_count();
    best.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        double d = kInf;
        for (std::size_t c = 0; c < width; ++c) {
            d = std::min(d, ws_->distance(static_cast<std::uint32_t>(v * width + c)));
        }
        best[v] = d;
    }
    best[from.index()] = 0;
}

std::vector<Route> Router::k_shortest_routes(core::NodeId from, core::NodeId to, std::size_t k,
                                             const RouteQuery& query) {
    const Network& network = *network_;
    std::vector<Route> accepted;
    if (k == 0) return accepted;
    auto first = shortest_route(from, to, query);
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
            search(network, *ws_, query, spur, carrier, to, {&banned_links, &banned_nodes});
            for (const auto l : set_links) banned_links[l] = 0;
            set_links.clear();
            banned_nodes[spur.index()] = 1; // part of the root from the next spur on
            if (ws_->reached == kNone) continue;
            std::vector<core::LinkId> path(root.begin(), root.end());
            const auto tail = links_to(*network_, *ws_, ws_->reached);
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
            if (auto route = evaluate<false>(network, from, path, query)) {
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

std::optional<Route> shortest_route(const Network& network, core::NodeId from, core::NodeId to,
                                    const RouteQuery& query) {
    return Router{network}.shortest_route(from, to, query);
}

std::vector<Route> k_shortest_routes(const Network& network, core::NodeId from, core::NodeId to,
                                     std::size_t k, const RouteQuery& query) {
    return Router{network}.k_shortest_routes(from, to, k, query);
}

std::vector<double> shortest_from(const Network& network, core::NodeId from, const RouteQuery& query) {
    return Router{network}.shortest_from(from, query);
}

} // namespace corridor::network
