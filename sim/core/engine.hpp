// The discrete-event engine: a pending-event set ordered by time, ties first-in first-out, and
// dispatch to registered handlers. Time is integer seconds (time.hpp).
#pragma once
#include <atomic>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/core/detail/wide_radix_heap.hpp"
#include "sim/core/time.hpp"

namespace corridor::core {

class Engine;

/// What an event calls: a plain function with the context given at registration and the
/// event's 64-bit payload (an entity index, usually). No allocation per event.
using HandlerFn = void (*)(void* context, Engine& engine, std::uint64_t payload);

struct HandlerId {
    std::uint32_t index = 0;
};

/// Names one cancellable event for cancel(). Stays valid (and harmless) after the event ran:
/// its slot's generation has moved on. (A stale id could match again only after 2^32 reuses of
/// the same slot.)
struct EventId {
    std::uint32_t slot = ~std::uint32_t{0};
    std::uint32_t generation = 0;
};

/// An exception thrown by an event handler, with the simulation time and the entity attached.
class SimulationError : public std::runtime_error {
public:
    SimulationError(const std::string& what, SimTime at, std::string entity);
    [[nodiscard]] SimTime at() const { return at_; }
    [[nodiscard]] const std::string& entity() const { return entity_; }
    /// The message of the original exception, without time and entity.
    [[nodiscard]] const std::string& cause() const { return cause_; }

private:
    SimTime at_;
    std::string entity_;
    std::string cause_;
};

/// Scheduling before now() is a bug in the model code that asked for it.
class SchedulingError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

class Engine {
public:

    /// Registers a handler; `name` appears in SimulationError messages.
    HandlerId add_handler(HandlerFn fn, void* context, std::string name);

    /// Registers `object.*Method(engine, payload)` as a handler.
    template <auto Method, class T>
    HandlerId add_handler(T& object, std::string name) {
        return add_handler(
            [](void* context, Engine& engine, std::uint64_t payload) {
                (static_cast<T*>(context)->*Method)(engine, payload);
            },
            &object, std::move(name));
    }

    /// Schedules an event that cannot be cancelled: the common case, and the cheapest.
    /// Precondition: when >= now(), else SchedulingError. Equal times run in scheduling order.
    void schedule_at(SimTime when, HandlerId handler, std::uint64_t payload = 0) {
        check_not_past(when);
        push(when, handler.index, payload);
    }
    void schedule_in(Duration delay, HandlerId handler, std::uint64_t payload = 0) {
        schedule_at(now_ + delay, handler, payload);
    }

    /// Schedules an event that cancel() can withdraw (it takes a slot in the id table).
    EventId schedule_cancellable_at(SimTime when, HandlerId handler, std::uint64_t payload = 0);
    EventId schedule_cancellable_in(Duration delay, HandlerId handler, std::uint64_t payload = 0) {
        return schedule_cancellable_at(now_ + delay, handler, payload);
    }

    /// True if the event was pending and is now cancelled; false if it already ran (or is
    /// running), was cancelled before, or the id is invalid. O(1), no lookup.
    bool cancel(EventId id);

    /// Runs every event with time <= horizon (including ones scheduled at the horizon while
    /// running), then sets now() to the horizon. Throws SimulationError from a failing event.
    void run_until(SimTime horizon);
    /// Runs until no event is pending; now() is the time of the last event.
    void run();
    /// Runs one event; false if none is pending.
    bool step();
    /// Asks a running run()/run_until() to return after the current event.
    void stop() { stop_requested_ = true; }
    /// A flag another thread may set (Ctrl-C): run()/run_until() then return within
    /// kWatchEvery events, however the simulated time moves. Null: none.
    void set_interrupt(const std::atomic<bool>* flag) { interrupt_ = flag; }
    [[nodiscard]] bool interrupted() const { return interrupt_ != nullptr && interrupt_->load(std::memory_order_relaxed); }
    /// The watch runs every kWatchEvery events; after kStillWatches watches without the clock
    /// moving (about ten million events at one instant: a loop of steps that take no time)
    /// run()/run_until() throw SimulationError instead of running for ever.
    static constexpr std::uint64_t kWatchEvery = std::uint64_t{1} << 16;
    static constexpr std::uint32_t kStillWatches = 160;

    [[nodiscard]] SimTime now() const { return now_; }
    /// Events scheduled and neither run nor cancelled.
    [[nodiscard]] std::size_t pending() const { return heap_.size() - cancelled_in_heap_; }
    [[nodiscard]] std::uint64_t events_processed() const { return processed_; }
    [[nodiscard]] std::optional<SimTime> next_event_time();

private:
    static constexpr std::uint32_t kNoSlot = ~std::uint32_t{0};
    // A record's first word is its time in the upper 48 bits and below them its handler's index
    // (15 bits) and whether it is cancellable (bit 15). A cancellable record's payload lives in
    // its slot and the record carries the slot's index instead.
    static constexpr unsigned kTimeShift = 16;
    static constexpr std::int64_t kTimeLimit = std::int64_t{1} << 47; // 4.5 million years
    static constexpr std::uint64_t kCancellable = std::uint64_t{1} << 15;
    static constexpr std::uint64_t kHandlerMask = kCancellable - 1;
    // 16 bytes, trivially copyable.
    struct Record {
        std::uint64_t key; // time << kTimeShift | cancellable | handler
        std::uint64_t payload;
        [[nodiscard]] std::uint64_t time() const { return key >> kTimeShift; }
        [[nodiscard]] std::uint32_t handler() const {
            return static_cast<std::uint32_t>(key & kHandlerMask);
        }
        [[nodiscard]] bool cancellable() const { return (key & kCancellable) != 0; }
    };
    struct TimeOf {
        std::uint64_t operator()(const Record& r) const { return r.time(); }
    };
    // The id table of cancellable events. A slot belongs to one record from scheduling until
    // that record leaves the heap (run or dropped); cancel() only marks it, in O(1).
    struct Slot {
        std::uint64_t payload;    // the event's payload
        std::uint32_t generation; // bumped when the slot is freed: older EventIds stop matching
        std::uint32_t next_free;  // while free: the next free slot
        bool cancelled;
    };
    struct Handler {
        HandlerFn fn;
        void* context;
    };

    void check_not_past(SimTime when) const {
        if (when < now_ || when.seconds() >= kTimeLimit) [[unlikely]] {
            throw_past(when);
        }
    }
    [[noreturn]] void throw_past(SimTime when) const;
    void push(SimTime when, std::uint64_t handler_bits, std::uint64_t payload) {
        heap_.push(Record{(static_cast<std::uint64_t>(when.seconds()) << kTimeShift) | handler_bits,
                          payload});
    }

    void free_slot(std::uint32_t slot);
    /// The next live record, dropping cancelled ones on the way; nullptr when none is pending.
    const Record* next_live();
    /// Runs the next event if its record's key is at most `limit` (a time's last key).
    bool run_next(std::uint64_t limit);
    static std::uint64_t last_key_of(std::int64_t horizon);
    /// Runs `loop` and turns an exception from the event that was running into a
    /// SimulationError naming it (one try block around the whole loop, none per event).
    template <class Loop>
    auto guarded(Loop loop);
    [[noreturn]] void rethrow_with_context(const std::exception& e) const;
    // Every kWatchEvery events: the interrupt flag, and whether the clock still moves.
    void watch();

    // Time never runs backwards, so a monotone radix heap (8-bit digits) serves as the
    // pending-event set; it keeps ties first-in first-out (bench/README.md: why this one).
    detail::WideRadixHeap<Record, TimeOf> heap_;
    // A record is live while its generation equals its slot's: cancel() is one indexed compare.
    std::vector<Slot> slots_;
    std::uint32_t free_slot_ = kNoSlot; // head of the free list threaded through Slot::next_free
    std::vector<Handler> handlers_;
    std::vector<std::string> handler_names_;
    SimTime now_{};
    std::uint64_t processed_ = 0;
    std::size_t cancelled_in_heap_ = 0; // cancelled records not yet dropped from the heap
    Record running_{};                  // the event being run (its payload resolved), for errors
    bool stop_requested_ = false;
    const std::atomic<bool>* interrupt_ = nullptr;
    SimTime watched_at_{SimTime{} - Duration{1}};
    std::uint32_t still_watches_ = 0;
};

} // namespace corridor::core
