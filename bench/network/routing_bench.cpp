// Routing on generated networks, against the stock way as yardstick: boost::dijkstra_shortest_paths
// on a boost::adjacency_list of the same graph and weights, measured in the same binary.
#include <benchmark/benchmark.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <map>
#include <memory>

#include "bench/support/networks.hpp"
#include "sim/core/random.hpp"
#include "sim/network/routing.hpp"

using namespace corridor;

namespace {

// Networks are built once per size and shared by the benchmarks (building 10^6 nodes takes seconds).
const network::Network& grid(std::uint32_t side) {
    static std::map<std::uint32_t, std::unique_ptr<network::Network>> cache;
    auto& slot = cache[side];
    if (!slot) slot = std::make_unique<network::Network>(network::Network::build(bench::make_grid(side, 7)));
    return *slot;
}

const network::Network& corridor_network(std::uint32_t length) {
    static std::map<std::uint32_t, std::unique_ptr<network::Network>> cache;
    auto& slot = cache[length];
    if (!slot) slot = std::make_unique<network::Network>(network::Network::build(bench::make_corridor(length, 7)));
    return *slot;
}

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                         boost::property<boost::edge_weight_t, double>>;

const BoostGraph& boost_grid(std::uint32_t side) {
    static std::map<std::uint32_t, std::unique_ptr<BoostGraph>> cache;
    auto& slot = cache[side];
    if (!slot) {
        const auto& net = grid(side);
        slot = std::make_unique<BoostGraph>(net.node_count());
        for (std::uint32_t l = 0; l < net.link_count(); ++l) {
            const auto& link = net.link(core::LinkId{l});
            boost::add_edge(link.from.index(), link.to.index(), link.length.value() / link.speed.value(), *slot);
        }
    }
    return *slot;
}

// Does one-to-all stay O(E log V) and beat the stock Boost Dijkstra on the same grid?
void BM_OneToAll_Grid(benchmark::State& state) {
    const auto side = static_cast<std::uint32_t>(state.range(0));
    const auto& net = grid(side);
    network::Router router{net};
    std::vector<double> times;
    for (auto _ : state) {
        router.shortest_from(core::NodeId{0}, {}, times);
        benchmark::DoNotOptimize(times);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(net.node_count()));
    state.SetComplexityN(static_cast<std::int64_t>(net.node_count()));
}
BENCHMARK(BM_OneToAll_Grid)->Arg(32)->Arg(100)->Arg(316)->Arg(1000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oNLogN);

// Yardstick: boost::dijkstra_shortest_paths on an adjacency_list with the same travel times.
void BM_OneToAll_Grid_BoostDijkstra(benchmark::State& state) {
    const auto side = static_cast<std::uint32_t>(state.range(0));
    const auto& g = boost_grid(side);
    std::vector<double> dist(boost::num_vertices(g));
    std::vector<BoostGraph::vertex_descriptor> pred(boost::num_vertices(g));
    for (auto _ : state) {
        boost::dijkstra_shortest_paths(g, 0, boost::distance_map(dist.data()).predecessor_map(pred.data()));
        benchmark::DoNotOptimize(dist);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(boost::num_vertices(g)));
    state.SetComplexityN(static_cast<std::int64_t>(boost::num_vertices(g)));
}
BENCHMARK(BM_OneToAll_Grid_BoostDijkstra)->Arg(32)->Arg(100)->Arg(316)->Arg(1000)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oNLogN);

// How much does the goal-directed bound save on point-to-point queries between random nodes?
void BM_PointToPoint_Grid(benchmark::State& state) {
    const auto side = static_cast<std::uint32_t>(state.range(0));
    const auto& net = grid(side);
    network::Router router{net};
    core::RandomStream random{11};
    const auto n = static_cast<std::uint64_t>(net.node_count());
    for (auto _ : state) {
        const core::NodeId from{static_cast<std::uint32_t>(random.below(n))};
        const core::NodeId to{static_cast<std::uint32_t>(random.below(n))};
        auto route = router.shortest_route(from, to, {});
        benchmark::DoNotOptimize(route);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PointToPoint_Grid)->Arg(32)->Arg(100)->Arg(316)->Arg(1000)->Unit(benchmark::kMillisecond);

// The same random pairs by one-to-all Boost Dijkstra stopped at nothing: what a user of the
// stock library pays per point-to-point query without writing their own early exit.
void BM_PointToPoint_Grid_BoostDijkstra(benchmark::State& state) {
    const auto side = static_cast<std::uint32_t>(state.range(0));
    const auto& g = boost_grid(side);
    std::vector<double> dist(boost::num_vertices(g));
    core::RandomStream random{11};
    const auto n = static_cast<std::uint64_t>(boost::num_vertices(g));
    for (auto _ : state) {
        const auto from = random.below(n);
        const auto to = random.below(n);
        boost::dijkstra_shortest_paths(g, from, boost::distance_map(dist.data()));
        benchmark::DoNotOptimize(dist[to]);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PointToPoint_Grid_BoostDijkstra)->Arg(32)->Arg(100)->Arg(316)->Arg(1000)->Unit(benchmark::kMillisecond);

// Yen's k = 5 along a corridor with gauge breaks, ferries and branch lines: cost per k-query.
void BM_KShortest_Corridor(benchmark::State& state) {
    const auto length = static_cast<std::uint32_t>(state.range(0));
    const auto& net = corridor_network(length);
    network::Router router{net};
    for (auto _ : state) {
        auto routes = router.k_shortest_routes(core::NodeId{0}, core::NodeId{length - 1}, 5, {});
        benchmark::DoNotOptimize(routes);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetComplexityN(static_cast<std::int64_t>(net.node_count()));
}
BENCHMARK(BM_KShortest_Corridor)->Arg(100)->Arg(1000)->Arg(3000)->Unit(benchmark::kMillisecond)->Complexity();

} // namespace
