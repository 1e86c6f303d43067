#include "sim/core/engine.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/core/random.hpp"
#include "tests/support/callbacks.hpp"

using namespace corridor::core;

namespace {
// Records (time, payload) of every event it handles.
struct Recorder {
    std::vector<std::pair<std::int64_t, std::uint64_t>> seen;
    void on_event(Engine& engine, std::uint64_t payload) {
        seen.emplace_back(engine.now().seconds(), payload);
    }
};
} // namespace

TEST(Engine, RunsEventsInTimeOrder) {
    Engine engine;
    Recorder recorder;
    const auto h = engine.add_handler<&Recorder::on_event>(recorder, "recorder");
    engine.schedule_at(at_seconds(30), h, 3);
    engine.schedule_at(at_seconds(10), h, 1);
    engine.schedule_at(at_seconds(20), h, 2);
    engine.run();
    EXPECT_EQ(recorder.seen, (std::vector<std::pair<std::int64_t, std::uint64_t>>{{10, 1}, {20, 2}, {30, 3}}));
    EXPECT_EQ(engine.now(), at_seconds(30));
    EXPECT_EQ(engine.events_processed(), 3U);
}

TEST(Engine, RunsSimultaneousEventsInSchedulingOrder) {
    Engine engine;
    Recorder recorder;
    const auto h = engine.add_handler<&Recorder::on_event>(recorder, "recorder");
    for (std::uint64_t i = 0; i < 100; ++i) {
        engine.schedule_at(at_seconds(i % 2 == 0 ? 10 : 5), h, i);
    }
    engine.run();
    ASSERT_EQ(recorder.seen.size(), 100U);
    std::vector<std::uint64_t> expected;
    for (std::uint64_t i = 1; i < 100; i += 2) expected.push_back(i);
    for (std::uint64_t i = 0; i < 100; i += 2) expected.push_back(i);
    for (std::size_t k = 0; k < 100; ++k) {
        EXPECT_EQ(recorder.seen[k].second, expected[k]) << "position " << k;
    }
}

TEST(Engine, EventScheduledForNowRunsAfterEventsAlreadyDueNow) {
    Engine engine;
    corridor::support::Callbacks calls{engine};
    std::vector<int> order;
    calls.at(engine, at_seconds(5), [&](Engine& e) {
        order.push_back(1);
        calls.at(e, e.now(), [&](Engine&) { order.push_back(3); });
    });
    calls.at(engine, at_seconds(5), [&](Engine&) { order.push_back(2); });
    engine.run();
    EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST(Engine, CancelledEventDoesNotRun) {
    Engine engine;
    Recorder recorder;
    const auto h = engine.add_handler<&Recorder::on_event>(recorder, "recorder");
    engine.schedule_at(at_seconds(1), h, 1);
    const auto doomed = engine.schedule_cancellable_at(at_seconds(2), h, 2);
    engine.schedule_at(at_seconds(3), h, 3);
    EXPECT_EQ(engine.pending(), 3U);
    EXPECT_TRUE(engine.cancel(doomed));
    EXPECT_EQ(engine.pending(), 2U);
    engine.run();
    EXPECT_EQ(recorder.seen, (std::vector<std::pair<std::int64_t, std::uint64_t>>{{1, 1}, {3, 3}}));
}

TEST(Engine, CancellingTwiceOrAfterRunningReturnsFalse) {
    Engine engine;
    Recorder recorder;
    const auto h = engine.add_handler<&Recorder::on_event>(recorder, "recorder");
    const auto a = engine.schedule_cancellable_at(at_seconds(1), h, 1);
    const auto b = engine.schedule_cancellable_at(at_seconds(2), h, 2);
    EXPECT_TRUE(engine.cancel(a));
    EXPECT_FALSE(engine.cancel(a));
    engine.run();
    EXPECT_FALSE(engine.cancel(b));
    EXPECT_FALSE(engine.cancel(EventId{}));
}

TEST(Engine, CancelAfterSlotReuseDoesNotHitTheNewEvent) {
    Engine engine;
    Recorder recorder;
    const auto h = engine.add_handler<&Recorder::on_event>(recorder, "recorder");
    const auto old = engine.schedule_cancellable_at(at_seconds(1), h, 1);
    ASSERT_TRUE(engine.cancel(old));
    engine.run_until(at_seconds(1)); // drops the cancelled record and frees its slot
    const auto reused = engine.schedule_cancellable_at(at_seconds(2), h, 2); // takes that slot
    EXPECT_EQ(reused.slot, old.slot);
    EXPECT_FALSE(engine.cancel(old));
    engine.run();
    EXPECT_EQ(recorder.seen, (std::vector<std::pair<std::int64_t, std::uint64_t>>{{2, 2}}));
}

TEST(Engine, CancellingTheRunningEventReturnsFalse) {
    Engine engine;
    corridor::support::Callbacks calls{engine};
    EventId self{};
    bool cancel_result = true;
    self = calls.at(engine, at_seconds(4), [&](Engine& e) { cancel_result = e.cancel(self); });
    engine.run();
    EXPECT_FALSE(cancel_result);
    EXPECT_EQ(engine.events_processed(), 1U);
}

TEST(Engine, EventCanCancelALaterEvent) {
    Engine engine;
    corridor::support::Callbacks calls{engine};
    std::vector<int> order;
    const auto later = calls.at(engine, at_seconds(9), [&](Engine&) { order.push_back(9); });
    calls.at(engine, at_seconds(3), [&](Engine& e) {
        order.push_back(3);
        EXPECT_TRUE(e.cancel(later));
    });
    engine.run();
    EXPECT_EQ(order, (std::vector<int>{3}));
    EXPECT_EQ(engine.pending(), 0U);
}

TEST(Engine, RunUntilIncludesEventsAtTheHorizonAndStopsThere) {
    Engine engine;
    Recorder recorder;
    const auto h = engine.add_handler<&Recorder::on_event>(recorder, "recorder");
    engine.schedule_at(at_seconds(99), h, 1);
    engine.schedule_at(at_seconds(100), h, 2);
    engine.schedule_at(at_seconds(101), h, 3);
    engine.run_until(at_seconds(100));
    EXPECT_EQ(recorder.seen, (std::vector<std::pair<std::int64_t, std::uint64_t>>{{99, 1}, {100, 2}}));
    EXPECT_EQ(engine.now(), at_seconds(100));
    EXPECT_EQ(engine.pending(), 1U);
    EXPECT_EQ(engine.next_event_time(), at_seconds(101));
    engine.run_until(at_seconds(101));
    EXPECT_EQ(recorder.seen.size(), 3U);
}

TEST(Engine, RunUntilRunsEventsScheduledAtTheHorizonDuringTheRun) {
    Engine engine;
    corridor::support::Callbacks calls{engine};
    int ran = 0;
    calls.at(engine, at_seconds(50), [&](Engine& e) {
        calls.at(e, at_seconds(60), [&](Engine&) { ++ran; });
        calls.at(e, at_seconds(61), [&](Engine&) { ran += 100; });
    });
    engine.run_until(at_seconds(60));
    EXPECT_EQ(ran, 1);
}

TEST(Engine, RunUntilAdvancesTheClockWhenNothingIsPending) {
    Engine engine;
    engine.run_until(at_hours(24));
    EXPECT_EQ(engine.now(), at_seconds(86400));
    EXPECT_THROW(engine.run_until(at_seconds(10)), SchedulingError);
}

TEST(Engine, SchedulingInThePastIsAnError) {
    Engine engine;
    engine.run_until(at_seconds(100));
    Recorder recorder;
    const auto h = engine.add_handler<&Recorder::on_event>(recorder, "recorder");
    try {
        engine.schedule_at(at_seconds(99), h);
        FAIL() << "expected SchedulingError";
    } catch (const SchedulingError& e) {
        EXPECT_STREQ(e.what(), "cannot schedule an event at d0 00:01:39 (99 s), before now d0 00:01:40 (100 s)");
    }
    EXPECT_EQ(engine.pending(), 0U);
}

TEST(Engine, TimesStopAt2To47SecondsAndPayloadsKeepAll64Bits) {
    // A record packs its time into 48 bits with the handler below it; the payload is whole,
    // for plain and cancellable events alike (a cancellable one keeps it in its slot).
    Engine engine;
    Recorder recorder;
    const auto h = engine.add_handler<&Recorder::on_event>(recorder, "recorder");
    const std::int64_t last = (std::int64_t{1} << 47) - 1;
    try {
        engine.schedule_at(at_seconds(last + 1), h);
        FAIL() << "expected SchedulingError";
    } catch (const SchedulingError& e) {
        EXPECT_STREQ(e.what(), "cannot schedule an event at 140737488355328 s: times stop at 2^47 s");
    }
    EXPECT_THROW(engine.schedule_cancellable_at(at_seconds(last + 1), h), SchedulingError);
    engine.schedule_at(at_seconds(last), h, ~std::uint64_t{0});
    engine.schedule_cancellable_at(at_seconds(last), h, std::uint64_t{0xFEDCBA9876543210});
    engine.schedule_at(at_seconds(5), h, std::uint64_t{1} << 63);
    engine.run();
    const std::vector<std::pair<std::int64_t, std::uint64_t>> expected{
        {5, std::uint64_t{1} << 63}, {last, ~std::uint64_t{0}}, {last, 0xFEDCBA9876543210}};
    EXPECT_EQ(recorder.seen, expected);
    EXPECT_EQ(engine.now(), at_seconds(last));
}

TEST(Engine, ExceptionInAnEventSurfacesWithTimeAndHandler) {
    struct Failing {
        void on_event(Engine&, std::uint64_t payload) {
            if (payload == 7) throw std::runtime_error("berth 7 has no crane");
        }
    } failing;
    Engine engine;
    const auto h = engine.add_handler<&Failing::on_event>(failing, "port.berth_free");
    engine.schedule_at(at_hours(1), h, 6);
    engine.schedule_at(at_hours(2), h, 7);
    engine.schedule_at(at_hours(3), h, 8);
    try {
        engine.run();
        FAIL() << "expected SimulationError";
    } catch (const SimulationError& e) {
        EXPECT_EQ(e.at(), at_hours(2));
        EXPECT_EQ(e.entity(), "handler 'port.berth_free' (payload 7)");
        EXPECT_EQ(e.cause(), "berth 7 has no crane");
        EXPECT_STREQ(e.what(), "at simulation time d0 02:00:00 (7200 s), in handler "
                               "'port.berth_free' (payload 7): berth 7 has no crane");
    }
    // The failed event is consumed; the rest of the queue is intact.
    EXPECT_EQ(engine.pending(), 1U);
    engine.run();
    EXPECT_EQ(engine.now(), at_hours(3));
}

TEST(Engine, SchedulingInThePastFromAnEventSurfacesAsSimulationError) {
    Engine engine;
    corridor::support::Callbacks calls{engine};
    calls.at(engine, at_seconds(10), [&](Engine& e) { calls.at(e, at_seconds(5), [](Engine&) {}); });
    EXPECT_THROW(engine.run(), SimulationError);
}

TEST(Engine, StopReturnsAfterTheCurrentEvent) {
    Engine engine;
    corridor::support::Callbacks calls{engine};
    int ran = 0;
    calls.at(engine, at_seconds(1), [&](Engine& e) { ++ran; e.stop(); });
    calls.at(engine, at_seconds(2), [&](Engine&) { ++ran; });
    engine.run_until(at_seconds(10));
    EXPECT_EQ(ran, 1);
    EXPECT_EQ(engine.now(), at_seconds(1));
    engine.run_until(at_seconds(10));
    EXPECT_EQ(ran, 2);
}

TEST(Engine, RunsTiesInSchedulingOrderAcrossTheQueueLevels) {
    // Ties scheduled from far away (high radix levels) and from close by (level 0) must still
    // run first-in first-out.
    Engine engine;
    corridor::support::Callbacks calls{engine};
    Recorder recorder;
    const auto h = engine.add_handler<&Recorder::on_event>(recorder, "recorder");
    const auto target = at_seconds(70000);
    engine.schedule_at(target, h, 1);                 // scheduled at t = 0, 70000 s ahead
    calls.at(engine, at_seconds(69990), [&](Engine& e) {
        e.schedule_at(target, h, 2);                  // scheduled 10 s ahead
    });
    calls.at(engine, at_seconds(300), [&](Engine& e) { e.schedule_at(target, h, 3); });
    engine.run();
    EXPECT_EQ(recorder.seen, (std::vector<std::pair<std::int64_t, std::uint64_t>>{{70000, 1}, {70000, 3}, {70000, 2}}));
}

TEST(Engine, SchedulingBeforeAPeekedEventAfterRunUntilKeepsOrder) {
    // run_until peeks at an event beyond the horizon; scheduling before it afterwards is legal.
    Engine engine;
    Recorder recorder;
    const auto h = engine.add_handler<&Recorder::on_event>(recorder, "recorder");
    engine.schedule_at(at_seconds(1000000), h, 1);
    engine.run_until(at_seconds(10));
    engine.schedule_at(at_seconds(20), h, 2);
    engine.schedule_at(at_seconds(1000000), h, 3);
    engine.run();
    EXPECT_EQ(recorder.seen, (std::vector<std::pair<std::int64_t, std::uint64_t>>{{20, 2}, {1000000, 1}, {1000000, 3}}));
}

TEST(Engine, MatchesAReferenceQueueUnderRandomScheduleAndCancel) {
    // A std::multimap keyed by (time, sequence) is the oracle; the engine must pop the same
    // events in the same order through a random mix of schedules, cancels and self-reschedules.
    struct Model {
        RandomStream random{99};
        std::map<std::pair<std::int64_t, std::uint64_t>, std::uint64_t> oracle;
        std::vector<std::pair<EventId, std::pair<std::int64_t, std::uint64_t>>> handles;
        std::vector<std::uint64_t> ran;
        std::uint64_t next_payload = 0;
        std::uint64_t sequence = 0;
        HandlerId handler{};

        void schedule(Engine& engine) {
            // Delays from 0 s to about 11 days reach every level of the radix queue.
            const std::int64_t when = engine.now().seconds() + static_cast<std::int64_t>(random.below(2) ? random.below(50) : random.below(1000000));
            const auto key = std::make_pair(when, sequence++);
            if (random.below(2) == 0) { // a mix of plain and cancellable events
                engine.schedule_at(at_seconds(when), handler, next_payload);
            } else {
                const auto id = engine.schedule_cancellable_at(at_seconds(when), handler, next_payload);
                handles.emplace_back(id, key);
            }
            oracle.emplace(key, next_payload++);
        }
        void on_event(Engine& engine, std::uint64_t payload) {
            ASSERT_FALSE(oracle.empty());
            EXPECT_EQ(oracle.begin()->second, payload);
            EXPECT_EQ(oracle.begin()->first.first, engine.now().seconds());
            oracle.erase(oracle.begin());
            ran.push_back(payload);
            const auto children = random.below(3);
            for (std::uint64_t i = 0; i < children && next_payload < 20000; ++i) schedule(engine);
            if (random.below(4) == 0 && !handles.empty()) {
                const auto pick = random.below(handles.size());
                const bool cancelled = engine.cancel(handles[pick].first);
                EXPECT_EQ(cancelled, oracle.erase(handles[pick].second) == 1);
            }
        }
    } model;
    Engine engine;
    model.handler = engine.add_handler<&Model::on_event>(model, "model");
    for (int i = 0; i < 200; ++i) model.schedule(engine);
    // Run in slices, peeking between them and scheduling from outside any event: a peek moves
    // records down the radix levels, and what is scheduled after it may be earlier.
    while (engine.pending() > 0) {
        const auto next = engine.next_event_time();
        ASSERT_TRUE(next.has_value());
        EXPECT_EQ(next->seconds(), model.oracle.begin()->first.first);
        engine.run_until(engine.now() + Duration{static_cast<std::int64_t>(model.random.below(20000))});
        if (model.next_payload < 20000) model.schedule(engine);
    }
    EXPECT_TRUE(model.oracle.empty());
    EXPECT_GT(model.ran.size(), 1000U);
    EXPECT_EQ(engine.pending(), 0U);
}

namespace {
// An event that schedules itself again `step` seconds later, for ever; after `raise_after`
// events it raises the interrupt flag, as a Ctrl-C handler on another thread would.
struct Forever {
    HandlerId self{};
    std::int64_t step = 0;
    std::atomic<bool>* flag = nullptr;
    std::uint64_t raise_after = 0;
    void on_event(Engine& engine, std::uint64_t n) {
        if (flag != nullptr && n == raise_after) flag->store(true);
        engine.schedule_at(engine.now() + Duration{step}, self, n + 1);
    }
};
} // namespace

TEST(Engine, AnInterruptStopsARunThatWouldNeverEnd) {
    Engine engine;
    std::atomic<bool> flag{false};
    Forever forever{{}, 1, &flag, 1000};
    forever.self = engine.add_handler<&Forever::on_event>(forever, "forever");
    engine.set_interrupt(&flag);
    engine.schedule_at(at_seconds(0), forever.self, 0);
    engine.run();
    EXPECT_TRUE(engine.interrupted());
    EXPECT_EQ(engine.events_processed(), Engine::kWatchEvery); // the first watch after the flag
}

TEST(Engine, EventsThatTakeNoTimeForEverAreAnErrorNotAHang) {
    Engine engine;
    Forever forever{{}, 0, nullptr, 0};
    forever.self = engine.add_handler<&Forever::on_event>(forever, "forever");
    engine.schedule_at(at_seconds(5), forever.self, 0);
    try {
        engine.run_until(at_seconds(100));
        FAIL() << "expected SimulationError";
    } catch (const SimulationError& e) {
        EXPECT_NE(std::string(e.what()).find("simulated time stands still"), std::string::npos) << e.what();
    }
    EXPECT_EQ(engine.now(), at_seconds(5));
    EXPECT_EQ(engine.events_processed(), Engine::kWatchEvery * (Engine::kStillWatches + 1));
}
