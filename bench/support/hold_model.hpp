// The hold model (Vaucher & Duval 1975): N pending events; each event, when it runs, schedules
// its successor after an exponential delay (mean 1 h, integer seconds). The engine's yardstick
// in bench/core and, in the same binary and run, in bench/logistics.
#pragma once
#include <cmath>
#include <cstdint>

#include "sim/core/engine.hpp"
#include "sim/core/random.hpp"

namespace corridor::bench {

inline std::int64_t hold_delay(core::RandomStream& random) {
    return static_cast<std::int64_t>(-3600.0 * std::log(random.uniform_open01()));
}

struct HoldModel {
    core::RandomStream random{1};
    core::HandlerId handler{};
    std::uint64_t checksum = 0;
    void on_event(core::Engine& engine, std::uint64_t payload) {
        checksum += payload;
        engine.schedule_in(core::Duration{hold_delay(random)}, handler, payload);
    }
    /// Registers the model's handler and schedules its `n` events.
    void start(core::Engine& engine, std::int64_t n) {
        handler = engine.add_handler<&HoldModel::on_event>(*this, "hold");
        for (std::int64_t i = 0; i < n; ++i) {
            engine.schedule_at(core::at_seconds(hold_delay(random)), handler, static_cast<std::uint64_t>(i));
        }
    }
};

/// Runs the engine in 10-minute slices, as simulate() drives it, for one benchmark iteration;
/// returns the events run.
inline std::uint64_t run_hold_slice(core::Engine& engine) {
    const auto before = engine.events_processed();
    engine.run_until(engine.now() + core::Duration{600});
    return engine.events_processed() - before;
}

} // namespace corridor::bench
