// The hold model (Vaucher & Duval 1975): N pending events; each event, when it runs, schedules
// one new event after an exponential delay (mean 1 h). It measures the pending-event set and
// the dispatch overhead of the engine at a steady queue size N.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <queue>
#include <tuple>
#include <vector>

#include "bench/support/pairing_heap.hpp"
#include "sim/core/detail/dary_heap.hpp"
#include "bench/support/binary_radix_heap.hpp"
#include "bench/support/chunked_radix_heap.hpp"
#include "sim/core/detail/wide_radix_heap.hpp"
#include "sim/core/engine.hpp"
#include "sim/core/random.hpp"

using namespace corridor;

namespace {

constexpr double kMeanDelaySeconds = 3600;

std::int64_t next_delay(core::RandomStream& random) {
    return static_cast<std::int64_t>(-kMeanDelaySeconds * std::log(random.uniform_open01()));
}

struct Rec {
    std::int64_t time;
    std::uint64_t sequence;
    std::uint64_t payload;
};
struct Earlier {
    bool operator()(const Rec& a, const Rec& b) const {
        // Bitwise, not short-circuit, so that the compiler can emit a branch-free select.
            return (a.time < b.time) | ((a.time == b.time) & (a.sequence < b.sequence));
    }
};

// What does drawing the delay alone cost? Every hold loop below pays it once per event.
void BM_Hold_DelayOnly(benchmark::State& state) {
    core::RandomStream random{1};
    std::int64_t sum = 0;
    for (auto _ : state) {
        sum += next_delay(random);
    }
    benchmark::DoNotOptimize(sum);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Hold_DelayOnly);

// Yardstick: the plain standard-library way, std::priority_queue of (time, seq, payload).
// How much faster than the obvious code is our engine, dispatch and cancellation support included?
void BM_Hold_StdPriorityQueue(benchmark::State& state) {
    using Entry = std::tuple<std::int64_t, std::uint64_t, std::uint64_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    core::RandomStream random{1};
    std::uint64_t sequence = 0;
    for (std::int64_t i = 0; i < state.range(0); ++i) {
        queue.emplace(next_delay(random), sequence++, static_cast<std::uint64_t>(i));
    }
    std::uint64_t checksum = 0;
    for (auto _ : state) {
        const auto [now, seq, payload] = queue.top();
        queue.pop();
        checksum += payload;
        queue.emplace(now + next_delay(random), sequence++, payload);
    }
    benchmark::DoNotOptimize(checksum);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Hold_StdPriorityQueue)->Arg(1000)->Arg(100000);

// Which structure should hold pending events? Each candidate runs the same hold loop (pop the
// earliest, push its successor), without the engine around it.
template <class Queue>
void hold_on(benchmark::State& state) {
    Queue queue;
    core::RandomStream random{1};
    std::uint64_t sequence = 0;
    for (std::int64_t i = 0; i < state.range(0); ++i) {
        queue.push(Rec{next_delay(random), sequence++, static_cast<std::uint64_t>(i)});
    }
    std::uint64_t checksum = 0;
    for (auto _ : state) {
        const Rec top = queue.top();
        queue.pop();
        checksum += top.payload;
        queue.push(Rec{top.time + next_delay(random), sequence++, top.payload});
    }
    benchmark::DoNotOptimize(checksum);
    state.SetItemsProcessed(state.iterations());
}

void BM_Hold_BinaryHeap(benchmark::State& state) {
    hold_on<core::detail::DaryHeap<Rec, 2, Earlier>>(state);
}
BENCHMARK(BM_Hold_BinaryHeap)->Arg(1000)->Arg(100000);

void BM_Hold_QuaternaryHeap(benchmark::State& state) {
    hold_on<core::detail::DaryHeap<Rec, 4, Earlier>>(state);
}
BENCHMARK(BM_Hold_QuaternaryHeap)->Arg(1000)->Arg(100000);

void BM_Hold_OctonaryHeap(benchmark::State& state) {
    hold_on<core::detail::DaryHeap<Rec, 8, Earlier>>(state);
}
BENCHMARK(BM_Hold_OctonaryHeap)->Arg(1000)->Arg(100000);

struct KeyOfRec {
    std::uint64_t operator()(const Rec& r) const { return static_cast<std::uint64_t>(r.time); }
};
void BM_Hold_RadixHeap(benchmark::State& state) {
    hold_on<bench::RadixHeap<Rec, KeyOfRec>>(state);
}
BENCHMARK(BM_Hold_RadixHeap)->Arg(1000)->Arg(100000);

struct Rec16 {
    std::int64_t time;
    std::uint64_t payload;
};
struct KeyOfRec16 {
    std::uint64_t operator()(const Rec16& r) const { return static_cast<std::uint64_t>(r.time); }
};
// The hold loop on 16-byte records (time, payload), for radix heaps, which need no sequence
// number to keep ties first-in first-out.
template <class Queue>
void hold16_on(benchmark::State& state) {
    Queue queue;
    core::RandomStream random{1};
    for (std::int64_t i = 0; i < state.range(0); ++i) {
        queue.push(Rec16{next_delay(random), static_cast<std::uint64_t>(i)});
    }
    std::uint64_t checksum = 0;
    for (auto _ : state) {
        const Rec16 top = queue.top();
        queue.pop();
        checksum += top.payload;
        queue.push(Rec16{top.time + next_delay(random), top.payload});
    }
    benchmark::DoNotOptimize(checksum);
    state.SetItemsProcessed(state.iterations());
}

void BM_Hold_RadixHeap16(benchmark::State& state) {
    hold16_on<bench::RadixHeap<Rec16, KeyOfRec16>>(state);
}
BENCHMARK(BM_Hold_RadixHeap16)->Arg(1000)->Arg(100000);

void BM_Hold_WideRadixHeap(benchmark::State& state) {
    hold_on<core::detail::WideRadixHeap<Rec, KeyOfRec>>(state);
}
BENCHMARK(BM_Hold_WideRadixHeap)->Arg(1000)->Arg(100000);

// The same with 16-byte records (time, payload), the size of the engine's records.
void BM_Hold_WideRadixHeap16(benchmark::State& state) {
    hold16_on<core::detail::WideRadixHeap<Rec16, KeyOfRec16>>(state);
}
BENCHMARK(BM_Hold_WideRadixHeap16)->Arg(1000)->Arg(100000);

// The same radix heap with the buckets above level 0 chained from a shared chunk pool.
void BM_Hold_ChunkedRadixHeap(benchmark::State& state) {
    hold_on<bench::ChunkedRadixHeap<Rec, KeyOfRec>>(state);
}
BENCHMARK(BM_Hold_ChunkedRadixHeap)->Arg(1000)->Arg(100000);

void BM_Hold_PairingHeap(benchmark::State& state) {
    hold_on<bench::PairingHeap<Rec, Earlier>>(state);
}
BENCHMARK(BM_Hold_PairingHeap)->Arg(1000)->Arg(100000);

// The 4-ary heap with pop+push fused into one sift (what the engine does when a handler
// schedules while its own record is still at the top).
void BM_Hold_QuaternaryHeapReplaceTop(benchmark::State& state) {
    core::detail::DaryHeap<Rec, 4, Earlier> queue;
    core::RandomStream random{1};
    std::uint64_t sequence = 0;
    for (std::int64_t i = 0; i < state.range(0); ++i) {
        queue.push(Rec{next_delay(random), sequence++, static_cast<std::uint64_t>(i)});
    }
    std::uint64_t checksum = 0;
    for (auto _ : state) {
        const Rec top = queue.top();
        checksum += top.payload;
        queue.replace_top(Rec{top.time + next_delay(random), sequence++, top.payload});
    }
    benchmark::DoNotOptimize(checksum);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Hold_QuaternaryHeapReplaceTop)->Arg(1000)->Arg(100000);

// The engine itself: handler dispatch, cancellable event ids and the pending set together.
struct HoldModel {
    core::RandomStream random{1};
    core::HandlerId handler{};
    std::uint64_t checksum = 0;
    void on_event(core::Engine& engine, std::uint64_t payload) {
        checksum += payload;
        engine.schedule_in(core::Duration{next_delay(random)}, handler, payload);
    }
};

void BM_Hold_Engine(benchmark::State& state) {
    core::Engine engine;
    HoldModel model;
    model.handler = engine.add_handler<&HoldModel::on_event>(model, "hold");
    for (std::int64_t i = 0; i < state.range(0); ++i) {
        engine.schedule_at(core::at_seconds(next_delay(model.random)), model.handler,
                           static_cast<std::uint64_t>(i));
    }
    for (auto _ : state) {
        engine.step();
    }
    benchmark::DoNotOptimize(model.checksum);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Hold_Engine)->Arg(1000)->Arg(10000)->Arg(100000);

// The engine driven by run_until over whole simulated days, as simulate() drives it.
void BM_Hold_EngineRunUntil(benchmark::State& state) {
    core::Engine engine;
    HoldModel model;
    model.handler = engine.add_handler<&HoldModel::on_event>(model, "hold");
    for (std::int64_t i = 0; i < state.range(0); ++i) {
        engine.schedule_at(core::at_seconds(next_delay(model.random)), model.handler,
                           static_cast<std::uint64_t>(i));
    }
    std::uint64_t events = 0;
    for (auto _ : state) {
        const auto before = engine.events_processed();
        engine.run_until(engine.now() + core::Duration{600});
        events += engine.events_processed() - before;
    }
    benchmark::DoNotOptimize(model.checksum);
    state.SetItemsProcessed(static_cast<std::int64_t>(events));
}
BENCHMARK(BM_Hold_EngineRunUntil)->Arg(1000)->Arg(10000)->Arg(100000);

} // namespace
