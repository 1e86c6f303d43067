// Do replications scale with threads? The same batch of replications of a generated corridor
// scenario on 1 and on 2 threads (this machine has 2 cores): replications per second.
#include <benchmark/benchmark.h>

#include "bench/support/networks.hpp"
#include "sim/experiment/replications.hpp"

using namespace corridor;

namespace {

struct Case {
    network::Network network;
    logistics::Scenario scenario;
};

Case make_case() {
    auto spec = bench::make_corridor(1000, 7);
    network::CargoClass container;
    container.name = "container";
    container.tonnes_per_unit = core::Tonnes{14};
    spec.cargo_classes.push_back(container);
    Case c{network::Network::build(spec), {}};
    auto& sc = c.scenario;
    sc.name = "bench";
    sc.start_date = *network::parse_date("2025-01-01");
    sc.horizon = core::to_ticks(core::Hours{24.0 * 180});
    sc.seed = 5;
    logistics::ServiceSpec trains;
    trains.name = "trains";
    trains.capacity_units = core::Units{40};
    trains.departure.max_wait_h = core::Hours{12};
    for (std::uint32_t l = 0; l < c.network.link_count(); ++l) {
        if (c.network.link(core::LinkId{l}).mode == network::Mode::rail) trains.links.emplace_back(l);
    }
    sc.services.push_back(trains);
    for (std::uint32_t p = 0; p < 20; ++p) {
        logistics::Flow f;
        f.name = "flow " + std::to_string(p);
        f.origin = core::NodeId{p * 40};
        f.destination = core::NodeId{p * 40 + 200};
        f.cargo = core::CargoClassId{0};
        f.units_per_day = core::UnitsPerDay{20};
        sc.flows.push_back(f);
    }
    return c;
}

void BM_Replications_Threads(benchmark::State& state) {
    static const Case c = make_case();
    experiment::ReplicationOptions o;
    o.replications = 8;
    o.threads = static_cast<std::uint32_t>(state.range(0));
    o.keep_shipments = false;
    std::int64_t replications = 0;
    for (auto _ : state) {
        auto r = experiment::run_replications(c.network, c.scenario, o);
        replications += static_cast<std::int64_t>(r.results.size());
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(replications);
}
BENCHMARK(BM_Replications_Threads)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
