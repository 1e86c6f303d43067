// Replications of one scenario on a pool of threads. Each replication's random streams come
// from (seed, replication index, component), never from thread timing, so the results are the
// same whatever the thread count; they are collected by replication index.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/logistics/simulate.hpp"

namespace corridor::experiment {

struct ReplicationOptions {
    std::uint32_t replications = 1;     // to run (the first batch, when a precision is asked)
    std::uint32_t threads = 1;
    bool keep_shipments = true;
    /// Keep adding replications until every headline KPI's 95% half-width is below this share
    /// of its mean (e.g. 0.05), or max_replications is reached. 0: off.
    double relative_precision = 0;
    std::uint32_t max_replications = 100;
    /// Set from another thread (Ctrl-C): no new replication starts, running ones stop at their
    /// next simulated day and are dropped.
    const std::atomic<bool>* cancel = nullptr;
    /// Called (from worker threads, serialised) after each replication: done, planned, events.
    std::function<void(std::uint32_t, std::uint32_t, std::uint64_t)> progress;
    /// Incremented once a simulated day of any replication (logistics::RunConfig). Null: none.
    std::atomic<std::uint64_t>* days_simulated = nullptr;
};

struct Replications {
    std::vector<logistics::RunResult> results; // by replication index 0..n−1, all complete
    bool cancelled = false;                    // stopped early by the cancel flag
    std::string stop_reason;                   // "replications", "precision reached", "cap reached", "cancelled"
};

Replications run_replications(const network::Network& network, const logistics::Scenario& scenario,
                              const ReplicationOptions& options);

/// The largest 95% relative half-width over the headline KPIs (per flow: mean transit time and
/// throughput); 0 with fewer than two replications or nothing delivered.
double worst_relative_half_width(const std::vector<logistics::RunResult>& results);

} // namespace corridor::experiment
