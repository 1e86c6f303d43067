// The freight simulation: one replication of a scenario on a network.
#pragma once
#include <atomic>
#include <cstdint>

#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"

namespace corridor::logistics {

struct RunConfig {
    std::uint32_t replication = 0; // selects the random streams (seed, replication, component)
    bool keep_shipments = true;    // per-consignment records (shipments.csv)
    /// Checked once a simulated day: when set, the run stops and returns with `cancelled`.
    const std::atomic<bool>* cancel = nullptr;
    /// Incremented once a simulated day, for progress shown while a replication runs. Null: none.
    std::atomic<std::uint64_t>* days_simulated = nullptr;
};

/// Runs the scenario to its horizon. Deterministic for a given scenario, seed and replication.
/// Throws core::SimulationError (with the simulation time and entity) if a run fails.
RunResult simulate(const network::Network& network, const Scenario& scenario, const RunConfig& config);

} // namespace corridor::logistics
