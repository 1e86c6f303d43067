// End-to-end freight simulation on generated networks: how many events and consignments per
// second does simulate() sustain, and how much memory does a consignment cost?
#include <benchmark/benchmark.h>

#include <cmath>

#include "bench/support/heap_counter.hpp"
#include "bench/support/hold_model.hpp"
#include "bench/support/networks.hpp"
#include "sim/core/engine.hpp"
#include "sim/core/random.hpp"
#include "sim/logistics/simulate.hpp"

using namespace corridor;

namespace {

// A corridor of `length` nodes (gauge breaks every 100, ferries every 250) with one train service
// over all rail links and one two-vessel service per ferry link; `per_day` units a day in all,
// for `days` days, spread over origin-destination pairs 50-300 nodes apart.
struct CorridorCase {
    network::Network network;
    logistics::Scenario scenario;
};

CorridorCase corridor_case(std::uint32_t length, double per_day, double days, bool long_haul = false,
                           double paths_per_day = 0,
                           logistics::RoutingPolicy policy = logistics::RoutingPolicy::shortest) {
    auto spec = bench::make_corridor(length, 7);
    // Path capacity on every rail link (0: none). With it, as on the bundled corridor model's
    // rail lines, trains take a path link by link; without it they ride free runs in one event.
    for (auto& link : spec.links) {
        if (link.mode == network::Mode::rail) link.capacity_per_day = core::PerDay{paths_per_day};
    }
    network::CargoClass container;
    container.name = "container";
    container.unit = "teu";
    container.tonnes_per_unit = core::Tonnes{14};
    spec.cargo_classes.push_back(container);
    for (auto& node : spec.nodes) {
        if (node.transshipment) {
            network::BorderProcess border;
            border.dwell_h = core::Distribution{core::Lognormal{6, 3}};
            border.dwell_inbound_h = border.dwell_h;
            border.servers = 8;
            node.border = border;
        }
    }
    CorridorCase out{network::Network::build(spec), {}};
    auto& sc = out.scenario;
    sc.name = "bench";
    sc.start_date = *network::parse_date("2025-01-01");
    sc.horizon = core::to_ticks(core::Hours{24 * days});
    sc.seed = 3;
    logistics::ServiceSpec trains;
    trains.name = "trains";
    trains.kind = logistics::ServiceKind::train;
    trains.capacity_units = core::Units{40};
    trains.departure.max_wait_h = core::Hours{12};
    for (std::uint32_t l = 0; l < out.network.link_count(); ++l) {
        const auto& link = out.network.link(core::LinkId{l});
        if (link.mode == network::Mode::rail) trains.links.emplace_back(l);
    }
    sc.services.push_back(trains);
    for (std::uint32_t l = 0; l < out.network.link_count(); ++l) {
        const auto& link = out.network.link(core::LinkId{l});
        if (link.mode != network::Mode::ferry || link.from.index() > link.to.index()) continue;
        logistics::ServiceSpec ferry;
        ferry.name = "ferry " + link.name;
        ferry.kind = logistics::ServiceKind::vessel;
        ferry.links = {core::LinkId{l}, core::LinkId{l + 1}}; // the pair: make_corridor adds both ways together
        ferry.vessels = {{"a", core::Units{400}}, {"b", core::Units{400}}};
        ferry.departure.max_wait_h = core::Hours{24};
        sc.services.push_back(ferry);
    }
    // Origin-destination pairs a few hundred nodes apart (corridor legs, not the whole chain),
    // one per 50 nodes: the load grows with the network, each consignment's trip does not.
    const std::uint32_t pairs = std::max<std::uint32_t>(20, length / 50);
    core::RandomStream random{11};
    for (std::uint32_t p = 0; p < pairs; ++p) {
        logistics::Flow f;
        f.name = "flow " + std::to_string(p);
        auto from = static_cast<std::uint32_t>(random.below(length - 301));
        auto to = from + 50 + static_cast<std::uint32_t>(random.below(250));
        if (long_haul) { // end to end: consignments stay in the system for weeks
            from = static_cast<std::uint32_t>(random.below(length / 10));
            to = length - 1 - static_cast<std::uint32_t>(random.below(length / 10));
        }
        f.origin = core::NodeId{p % 2 == 0 ? from : to};
        f.destination = core::NodeId{p % 2 == 0 ? to : from};
        f.cargo = core::CargoClassId{0};
        f.units_per_day = core::UnitsPerDay{per_day / pairs};
        f.policy = policy;
        sc.flows.push_back(f);
    }
    return out;
}

// Runs simulate() on `c` once per iteration and reports events/s, consignments/s, route searches
// and heap bytes per consignment in flight.
void simulate_case(benchmark::State& state, const CorridorCase& c, bool keep_shipments) {
    logistics::RunConfig config;
    config.keep_shipments = keep_shipments;
    std::uint64_t events = 0, created = 0;
    double bytes_per_consignment = 0;
    for (auto _ : state) {
        const std::size_t before = bench::heap_bytes();
        bench::reset_heap_peak();
        auto result = logistics::simulate(c.network, c.scenario, config);
        const std::size_t peak = bench::heap_peak_bytes();
        events += result.events;
        created += result.created;
        bytes_per_consignment = static_cast<double>(peak - before) / static_cast<double>(result.peak_in_system);
        state.counters["peak_in_flight"] = static_cast<double>(result.peak_in_system);
        state.counters["peak_pending_events"] = static_cast<double>(result.peak_pending_events);
        state.counters["route_searches"] = static_cast<double>(result.route_searches);
        benchmark::DoNotOptimize(result);
    }
    state.counters["events_per_s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.counters["consignments_per_s"] = benchmark::Counter(static_cast<double>(created), benchmark::Counter::kIsRate);
    state.counters["bytes_per_consignment"] = bytes_per_consignment;
    state.SetItemsProcessed(static_cast<std::int64_t>(events));
}

// Events and consignments per second through the whole simulation, and heap bytes per
// consignment in flight: (peak heap during the run - heap before) / most consignments in the
// system at once, with per-consignment records (shipments.csv) kept or not.
void BM_Simulate_Corridor(benchmark::State& state) {
    const double days = 365;
    const auto c = corridor_case(static_cast<std::uint32_t>(state.range(0)), static_cast<double>(state.range(1)) / days,
                                 days, false, static_cast<double>(state.range(3)));
    simulate_case(state, c, state.range(2) != 0);
}
// The fourth argument: train paths a day on every rail link (0: no limit, free runs).
BENCHMARK(BM_Simulate_Corridor)
    ->Args({1000, 100000, 0, 0})
    ->Args({1000, 100000, 1, 0})
    ->Args({10000, 1000000, 0, 0})
    ->Args({100000, 1000000, 0, 0})
    ->Args({1000, 100000, 0, 60})
    ->Args({10000, 1000000, 0, 60})
    ->Args({100000, 1000000, 0, 60})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The same paced corridor with every flow `adaptive`: each consignment re-plans at each leg's end
// from the closures and queues of the moment, a route search whenever anything has changed since
// the last answer for its question at that node (route_searches counts them).
void BM_Simulate_CorridorAdaptive(benchmark::State& state) {
    const double days = 365;
    const auto c = corridor_case(static_cast<std::uint32_t>(state.range(0)), static_cast<double>(state.range(1)) / days,
                                 days, false, 60, logistics::RoutingPolicy::adaptive);
    simulate_case(state, c, false);
}
BENCHMARK(BM_Simulate_CorridorAdaptive)
    ->Args({1000, 10000})
    ->Args({10000, 100000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// What does one more consignment in flight cost? The same network at two loads, with
// end-to-end flows so that many are in flight: the growth of the peak heap over the growth of
// the peak number in flight (fixed costs such as the network, pools, statistics cancel out).
void BM_MemoryPerConsignmentInFlight(benchmark::State& state) {
    const auto length = static_cast<std::uint32_t>(state.range(0));
    logistics::RunConfig config;
    config.keep_shipments = false;
    double marginal = 0;
    for (auto _ : state) {
        double peaks[2], flights[2];
        for (int i = 0; i < 2; ++i) {
            const auto c = corridor_case(length, (i == 0 ? 200.0 : 800.0), 120, /*long_haul=*/true);
            const std::size_t before = bench::heap_bytes();
            bench::reset_heap_peak();
            const auto result = logistics::simulate(c.network, c.scenario, config);
            peaks[i] = static_cast<double>(bench::heap_peak_bytes() - before);
            flights[i] = static_cast<double>(result.peak_in_system);
        }
        marginal = (peaks[1] - peaks[0]) / (flights[1] - flights[0]);
        state.counters["peak_bytes_low"] = peaks[0];
        state.counters["peak_bytes_high"] = peaks[1];
        state.counters["in_flight_low"] = flights[0];
        state.counters["in_flight_high"] = flights[1];
    }
    state.counters["bytes_per_consignment_in_flight"] = marginal;
}
BENCHMARK(BM_MemoryPerConsignmentInFlight)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(1);

// Yardstick, same binary and run: the bare engine's hold model, the same code as
// bench/core's BM_Hold_EngineRunUntil.
void BM_Yardstick_EngineHold(benchmark::State& state) {
    core::Engine engine;
    bench::HoldModel model;
    model.start(engine, state.range(0));
    std::uint64_t events = 0;
    for (auto _ : state) events += bench::run_hold_slice(engine);
    benchmark::DoNotOptimize(model.checksum);
    state.SetItemsProcessed(static_cast<std::int64_t>(events));
}
BENCHMARK(BM_Yardstick_EngineHold)->Arg(1000)->Arg(100000);

} // namespace
