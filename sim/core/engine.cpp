// The event loop: pop the earliest live record, free its slot, call its handler.
#include "sim/core/engine.hpp"

#include <limits>
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

Engine::Engine() { callback_handler_ = add_handler(&Engine::run_callback, this, "callback"); }

HandlerId Engine::add_handler(HandlerFn fn, void* context, std::string name) {
    SIM_ASSERT(fn != nullptr, "a handler needs a function");
    handlers_.push_back(Handler{fn, context, std::move(name)});
    return HandlerId{static_cast<std::uint32_t>(handlers_.size() - 1)};
}

EventId Engine::schedule_at(SimTime when, HandlerId handler, std::uint64_t payload) {
    if (when < now_) {
        throw SchedulingError("cannot schedule an event at " + to_string(when) + " (" +
                              std::to_string(when.seconds()) + " s), before now " +
                              to_string(now_) + " (" + std::to_string(now_.seconds()) + " s)");
    }
    SIM_ASSERT(handler.index < handlers_.size(), "unknown handler");
    std::uint32_t slot = 0;
    if (free_slots_.empty()) {
        slot = static_cast<std::uint32_t>(slots_.size());
        slots_.push_back(Slot{0, 0, 0});
    } else {
        slot = free_slots_.back();
        free_slots_.pop_back();
    }
    Slot& entry = slots_[slot];
    entry.payload = payload;
    entry.handler = handler.index;
    ++live_;
    heap_.push(Record{static_cast<std::uint64_t>(when.seconds()), slot, entry.generation});
    return EventId{slot, entry.generation};
}

EventId Engine::schedule_callback_at(SimTime when, std::function<void(Engine&)> action) {
    std::uint32_t index = 0;
    if (free_callbacks_.empty()) {
        index = static_cast<std::uint32_t>(callbacks_.size());
        callbacks_.emplace_back();
    } else {
        index = free_callbacks_.back();
        free_callbacks_.pop_back();
    }
    callbacks_[index] = std::move(action);
    try {
        return schedule_at(when, callback_handler_, index);
    } catch (...) {
        callbacks_[index] = nullptr;
        free_callbacks_.push_back(index);
        throw;
    }
}

void Engine::run_callback(void* context, Engine& engine, std::uint64_t payload) {
    auto* self = static_cast<Engine*>(context);
    const auto index = static_cast<std::uint32_t>(payload);
    std::function<void(Engine&)> action = std::move(self->callbacks_[index]);
    self->callbacks_[index] = nullptr;
    self->free_callbacks_.push_back(index);
    action(engine);
}

bool Engine::cancel(EventId id) {
    if (id.slot >= slots_.size() || slots_[id.slot].generation != id.generation) {
        return false;
    }
    // The record stays in the heap and is skipped when it reaches the top.
    const Slot& entry = slots_[id.slot];
    if (entry.handler == callback_handler_.index) {
        callbacks_[static_cast<std::size_t>(entry.payload)] = nullptr;
        free_callbacks_.push_back(static_cast<std::uint32_t>(entry.payload));
    }
    free_slot(id.slot);
    --live_;
    return true;
}

void Engine::free_slot(std::uint32_t slot) {
    ++slots_[slot].generation;
    free_slots_.push_back(slot);
}

void Engine::discard_cancelled_top() {
    while (!heap_.empty()) {
        const Record& top = heap_.top();
        if (slots_[top.slot].generation == top.generation) {
            return;
        }
        heap_.pop();
    }
}

std::optional<SimTime> Engine::next_event_time() {
    discard_cancelled_top();
    if (heap_.empty()) {
        return std::nullopt;
    }
    return at_seconds(heap_.top().time);
}

bool Engine::run_next(std::int64_t horizon) {
    discard_cancelled_top();
    if (heap_.empty() || heap_.top().time > static_cast<std::uint64_t>(horizon)) {
        return false;
    }
    const Record record = heap_.top();
    heap_.pop();
    const Slot entry = slots_[record.slot];
    free_slot(record.slot);
    --live_;
    now_ = at_seconds(static_cast<std::int64_t>(record.time));
    dispatch(entry.handler, entry.payload);
    ++processed_;
    return true;
}

void Engine::dispatch(std::uint32_t handler_index, std::uint64_t payload) {
    const Handler& handler = handlers_[handler_index];
    try {
        handler.fn(handler.context, *this, payload);
    } catch (const SimulationError&) {
        throw;
    } catch (const std::exception& e) {
        throw SimulationError(e.what(), now_,
                              "handler '" + handlers_[handler_index].name + "' (payload " +
                                  std::to_string(payload) + ")");
    }
}

bool Engine::step() { return run_next(std::numeric_limits<std::int64_t>::max()); }

void Engine::run_until(SimTime horizon) {
    if (horizon < now_) {
        throw SchedulingError("cannot run until " + to_string(horizon) + ", before now " +
                              to_string(now_));
    }
    stop_requested_ = false;
    while (!stop_requested_ && run_next(horizon.seconds())) {
    }
    if (!stop_requested_) {
        now_ = horizon;
    }
}

void Engine::run() {
    stop_requested_ = false;
    while (!stop_requested_ && run_next(std::numeric_limits<std::int64_t>::max())) {
    }
}

} // namespace corridor::core
