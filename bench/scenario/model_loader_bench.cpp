// Loading model YAML: how long does a 10^5-node model take to parse, check and build?
#include <benchmark/benchmark.h>

#include "bench/support/networks.hpp"
#include "sim/network/network.hpp"
#include "sim/scenario/model_loader.hpp"

using namespace corridor;

namespace {

void BM_LoadModel_Grid(benchmark::State& state) {
    const auto side = static_cast<std::uint32_t>(state.range(0));
    const std::string text = bench::to_yaml(bench::make_grid(side, 7));
    for (auto _ : state) {
        auto model = scenario::load_model_text(text, "grid.yaml");
        auto net = network::Network::build(std::move(model.spec));
        benchmark::DoNotOptimize(net);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(side) * side);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
    state.SetComplexityN(static_cast<std::int64_t>(side) * side);
}
BENCHMARK(BM_LoadModel_Grid)->Arg(32)->Arg(100)->Arg(316)->Unit(benchmark::kMillisecond)->Complexity();

} // namespace
