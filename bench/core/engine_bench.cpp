// The pending-event set and the engine, on the hold model (bench/support/hold_model.hpp): how
// many events a second does the engine run at a steady queue of N events, against the plain
// standard-library way?
#include <benchmark/benchmark.h>

#include <cstdint>
#include <functional>
#include <queue>
#include <tuple>
#include <vector>

#include "bench/support/hold_model.hpp"
#include "sim/core/detail/wide_radix_heap.hpp"
#include "sim/core/engine.hpp"
#include "sim/core/random.hpp"

using namespace corridor;

namespace {

// What does drawing the delay alone cost? Every hold loop below pays it once per event.
void BM_Hold_DelayOnly(benchmark::State& state) {
    core::RandomStream random{1};
    std::int64_t sum = 0;
    for (auto _ : state) sum += bench::hold_delay(random);
    benchmark::DoNotOptimize(sum);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Hold_DelayOnly);

// Yardstick: the plain standard-library way, std::priority_queue of (time, seq, payload).
void BM_Hold_StdPriorityQueue(benchmark::State& state) {
    using Entry = std::tuple<std::int64_t, std::uint64_t, std::uint64_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    core::RandomStream random{1};
    std::uint64_t sequence = 0;
    for (std::int64_t i = 0; i < state.range(0); ++i) {
        queue.emplace(bench::hold_delay(random), sequence++, static_cast<std::uint64_t>(i));
    }
    std::uint64_t checksum = 0;
    for (auto _ : state) {
        const auto [now, seq, payload] = queue.top();
        queue.pop();
        checksum += payload;
        queue.emplace(now + bench::hold_delay(random), sequence++, payload);
    }
    benchmark::DoNotOptimize(checksum);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Hold_StdPriorityQueue)->Arg(1000)->Arg(100000);

// The engine's pending-event set alone (16-byte records, as the engine's), without dispatch:
// what the engine adds on top of its heap.
void BM_Hold_WideRadixHeap(benchmark::State& state) {
    struct Rec {
        std::int64_t time;
        std::uint64_t payload;
    };
    struct KeyOf {
        std::uint64_t operator()(const Rec& r) const { return static_cast<std::uint64_t>(r.time); }
    };
    core::detail::WideRadixHeap<Rec, KeyOf> queue;
    core::RandomStream random{1};
    for (std::int64_t i = 0; i < state.range(0); ++i) queue.push(Rec{bench::hold_delay(random), static_cast<std::uint64_t>(i)});
    std::uint64_t checksum = 0;
    for (auto _ : state) {
        const Rec top = queue.top();
        queue.pop();
        checksum += top.payload;
        queue.push(Rec{top.time + bench::hold_delay(random), top.payload});
    }
    benchmark::DoNotOptimize(checksum);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Hold_WideRadixHeap)->Arg(1000)->Arg(100000);

// The engine: handler dispatch, cancellable event ids and the pending set, one step() an event.
void BM_Hold_Engine(benchmark::State& state) {
    core::Engine engine;
    bench::HoldModel model;
    model.start(engine, state.range(0));
    for (auto _ : state) engine.step();
    benchmark::DoNotOptimize(model.checksum);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Hold_Engine)->Arg(1000)->Arg(10000)->Arg(100000);

// The engine driven by run_until in 10-minute slices, as simulate() drives it.
void BM_Hold_EngineRunUntil(benchmark::State& state) {
    core::Engine engine;
    bench::HoldModel model;
    model.start(engine, state.range(0));
    std::uint64_t events = 0;
    for (auto _ : state) events += bench::run_hold_slice(engine);
    benchmark::DoNotOptimize(model.checksum);
    state.SetItemsProcessed(static_cast<std::int64_t>(events));
}
BENCHMARK(BM_Hold_EngineRunUntil)->Arg(1000)->Arg(10000)->Arg(100000);

} // namespace
