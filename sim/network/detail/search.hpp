// The state search's workspace and entry point: A* over (node, carrier) states, shared by the
// Router's queries and Yen's spur searches (k_shortest.cpp).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

#include "sim/core/detail/wide_radix_heap.hpp"
#include "sim/network/detail/frontier_heap.hpp"
#include "sim/network/detail/pricing.hpp"
#include "sim/network/routing.hpp"

namespace corridor::network {

namespace detail {
// Heap keys are fixed-point: floor(metric × 2^20), so that a radix heap can order them with few
// bucket moves. Entries whose true keys differ by less than 2^-20 may come out of order; the
// search stays exact because a state whose distance improves after it was expanded is expanded
// again, and the goal is only final once every key up to its own has been expanded.
constexpr double kKeyScale = 1048576.0; // 2^20
constexpr double kMaxKey = 4.0e12;      // (2^62) / 2^20: larger keys are clamped
inline std::uint64_t fixed_key(double key) {
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

} // namespace detail

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
        std::uint64_t operator()(const detail::Entry& e) const { return e.key; }
    };
    core::detail::WideRadixHeap<detail::Entry, KeyOf> all_heap; // one-to-all searches
    detail::FrontierHeap<detail::Entry, KeyOf> target_heap;     // searches towards a target
    std::uint32_t reached = detail::kNone;
    std::uint64_t pops = 0; // states taken from the frontier by the last search

    // Target bounds: for one target and one metric (its weights), the least cost from every
    // state to the target on the network with every link usable, no closures and no queues.
    // Those only remove links or add cost, so this is a lower bound for every query towards
    // the target, and a consistent A* potential; unlike the chord's, it counts the gauge
    // breaks' transfers and follows the lines, so a search explores little beyond the route.
    // `h` has width + 1 entries per node: by the carrier a state arrived on, then the start
    // state (not moved yet). Working one out costs about a one-to-all search, so it is bought
    // by a rent-or-buy rule (target_bounds.cpp). Least recently used bounds are dropped beyond a
    // memory budget.
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
        reached = detail::kNone;
    }
    [[nodiscard]] bool seen(const State& st) const { return ((st.mark >> 1U) & kStampMask) == stamp; }
    [[nodiscard]] bool done(const State& st) const { return seen(st) && (st.mark & 1U) != 0; }
    [[nodiscard]] double distance(std::uint32_t state) const {
        return seen(states[state]) ? states[state].dist : detail::kInf;
    }
};

namespace detail {

/// A* from `start` (arrived on `start_carrier`, or not moved yet) towards `target`, or to every
/// state when there is none; the result is in `ws` (reached, distances, parents).
void search(const Network& network, Router::Workspace& ws, const RouteQuery& query, core::NodeId start,
            std::optional<std::uint8_t> start_carrier, std::optional<core::NodeId> target, const Bans& bans);

/// The links of the path to `state` found by the last search.
std::vector<core::LinkId> links_to(const Network& network, const Router::Workspace& ws, std::uint32_t state);

} // namespace detail

} // namespace corridor::network
