// Closures as engine events, for tests: the engine dispatches plain registered handlers (no
// allocation per event); a test writes its events as lambdas through this one handler.
#pragma once
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "sim/core/engine.hpp"

namespace corridor::support {

class Callbacks {
public:
    explicit Callbacks(core::Engine& engine) : handler_{engine.add_handler<&Callbacks::run>(*this, "callback")} {}

    /// Schedules `action` at `when` (cancellable, as any event).
    core::EventId at(core::Engine& engine, core::SimTime when, std::function<void(core::Engine&)> action) {
        actions_.push_back(std::move(action));
        return engine.schedule_cancellable_at(when, handler_, actions_.size() - 1);
    }

private:
    void run(core::Engine& engine, std::uint64_t payload) {
        const auto action = std::move(actions_[payload]); // an action may schedule more
        action(engine);
    }

    core::HandlerId handler_;
    std::vector<std::function<void(core::Engine&)>> actions_;
};

} // namespace corridor::support
