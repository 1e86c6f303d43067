// The event loop: pop the earliest live record, free its slot, call its handler.
#include "sim/core/engine.hpp"

#include <stdexcept>
#include <utility>

#include "sim/core/assert.hpp"

namespace corridor::core {

namespace {
std::string describe(SimTime at, const std::string& entity, const std::string& cause) {
    return "at simulation time " + to_string(at) + " (" + std::to_string(at.seconds()) +
           " s), in " + entity + ": " + cause;
}
} // namespace

SimulationError::SimulationError(const std::string& what, SimTime at, std::string entity)
    : std::runtime_error(describe(at, entity, what)), at_{at}, entity_{std::move(entity)},
      cause_{what} {}

HandlerId Engine::add_handler(HandlerFn fn, void* context, std::string name) {
    SIM_ASSERT(fn != nullptr, "a handler needs a function");
    // The handler's index shares a record's first word with the time (engine.hpp).
    if (handlers_.size() >= kHandlerMask) throw std::length_error("an engine takes at most 32767 handlers");
    handlers_.push_back(Handler{fn, context});
    handler_names_.push_back(std::move(name));
    return HandlerId{static_cast<std::uint32_t>(handlers_.size() - 1)};
}

void Engine::throw_past(SimTime when) const {
    if (when.seconds() >= kTimeLimit) {
        throw SchedulingError("cannot schedule an event at " + std::to_string(when.seconds()) +
                              " s: times stop at 2^47 s");
    }
    throw SchedulingError("cannot schedule an event at " + to_string(when) + " (" +
                          std::to_string(when.seconds()) + " s), before now " + to_string(now_) +
                          " (" + std::to_string(now_.seconds()) + " s)");
}

EventId Engine::schedule_cancellable_at(SimTime when, HandlerId handler, std::uint64_t payload) {
    check_not_past(when);
    SIM_ASSERT(handler.index < handlers_.size(), "unknown handler");
    std::uint32_t slot = free_slot_;
    if (slot == kNoSlot) {
        slot = static_cast<std::uint32_t>(slots_.size());
        slots_.push_back(Slot{0, 0, kNoSlot, false});
    } else {
        free_slot_ = slots_[slot].next_free;
    }
    slots_[slot].cancelled = false;
    slots_[slot].payload = payload;
    push(when, handler.index | kCancellable, slot);
    return EventId{slot, slots_[slot].generation};
}

bool Engine::cancel(EventId id) {
    if (id.slot >= slots_.size()) {
        return false;
    }
    Slot& entry = slots_[id.slot];
    if (entry.generation != id.generation || entry.cancelled) {
        return false; // ran (or is running) already, or cancelled before
    }
    // The record stays in the heap and is dropped when it reaches the top; its slot is freed
    // then.
    entry.cancelled = true;
    ++cancelled_in_heap_;
    return true;
}

void Engine::free_slot(std::uint32_t slot) {
    Slot& entry = slots_[slot];
    ++entry.generation;
    entry.next_free = free_slot_;
    free_slot_ = slot;
}

const Engine::Record* Engine::next_live() {
    while (!heap_.empty()) {
        const Record& top = heap_.top();
        if (!top.cancellable() || !slots_[top.payload].cancelled) {
            return &top;
        }
        const auto slot = static_cast<std::uint32_t>(top.payload);
        free_slot(slot);
        --cancelled_in_heap_;
        heap_.pop();
    }
    return nullptr;
}

std::optional<SimTime> Engine::next_event_time() {
    const Record* top = next_live();
    if (top == nullptr) {
        return std::nullopt;
    }
    return at_seconds(static_cast<std::int64_t>(top->time()));
}

std::uint64_t Engine::last_key_of(std::int64_t horizon) {
    if (horizon >= kTimeLimit) return ~std::uint64_t{0};
    return (static_cast<std::uint64_t>(horizon) << kTimeShift) | ((std::uint64_t{1} << kTimeShift) - 1);
}

bool Engine::run_next(std::uint64_t limit) {
    // Fast path: a plain record already in the heap's lowest level; else refill, drop cancelled.
    const Record* top = heap_.peek_cheap();
    if (top == nullptr || top->cancellable()) [[unlikely]] {
        top = next_live();
    }
    if (top == nullptr || top->key > limit) {
        return false;
    }
    running_ = *top;
    heap_.pop_cheap(); // top is in the heap's lowest level: peek_cheap() or next_live() put it there
    if (running_.cancellable()) {
        const auto slot = static_cast<std::uint32_t>(running_.payload);
        running_.payload = slots_[slot].payload;
        free_slot(slot);
    }
    now_ = at_seconds(static_cast<std::int64_t>(running_.time()));
    const Handler& handler = handlers_[running_.handler()];
    handler.fn(handler.context, *this, running_.payload);
    ++processed_;
    return true;
}

void Engine::rethrow_with_context(const std::exception& e) const {
    throw SimulationError(e.what(), now_,
                          "handler '" + handler_names_[running_.handler()] + "' (payload " +
                              std::to_string(running_.payload) + ")");
}

template <class Loop>
auto Engine::guarded(Loop loop) {
    try {
        return loop();
    } catch (const SimulationError&) {
        throw;
    } catch (const std::exception& e) {
        rethrow_with_context(e);
    }
}

bool Engine::step() {
    return guarded([this] { return run_next(~std::uint64_t{0}); });
}

void Engine::run_until(SimTime horizon) {
    if (horizon < now_) {
        throw SchedulingError("cannot run until " + to_string(horizon) + ", before now " +
                              to_string(now_));
    }
    stop_requested_ = false;
    guarded([this, limit = last_key_of(horizon.seconds())] {
        while (!stop_requested_ && run_next(limit)) {
            if ((processed_ & (kWatchEvery - 1)) == 0) [[unlikely]] watch();
        }
    });
    if (!stop_requested_) {
        now_ = horizon;
    }
}

void Engine::run() {
    stop_requested_ = false;
    guarded([this] {
        while (!stop_requested_ && run_next(~std::uint64_t{0})) {
            if ((processed_ & (kWatchEvery - 1)) == 0) [[unlikely]] watch();
        }
    });
}

void Engine::watch() {
    if (interrupted()) stop_requested_ = true;
    if (now_ != watched_at_) {
        watched_at_ = now_;
        still_watches_ = 0;
        return;
    }
    if (++still_watches_ >= kStillWatches) {
        throw SchedulingError("simulated time stands still at " + to_string(now_) + ": " +
                              std::to_string(kStillWatches * kWatchEvery) +
                              " events at that instant (a loop of steps that take no time)");
    }
}

} // namespace corridor::core
