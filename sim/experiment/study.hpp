// A study of one scenario: its warm-up chosen (as given, or by MSER-5 on a pilot replication),
// its replications run (a fixed number, or until a precision is reached), and what the
// manifest reports of them. What `corridor run` and `corridor.run()` share.
#pragma once
#include <string>
#include <vector>

#include "sim/experiment/replications.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"

namespace corridor::experiment {

struct StudyOptions {
    ReplicationOptions replications; // replications is taken from the scenario
    bool auto_warmup = false;        // MSER-5 on a pilot replication's daily throughput
};

struct Study {
    logistics::Scenario scenario;       // as run: the warm-up chosen, the replications completed
    Replications reps;
    std::string warmup_method;          // "scenario", or how MSER-5 chose it
    std::vector<double> mser5_days;     // MSER-5's suggestion from each replication's daily throughput
    double precision_target = 0;        // relative half-width asked for (0: none)
    double precision_reached = 0;       // worst relative half-width of the headline KPIs
};

/// Runs the study; reps.results may be empty (cancelled before any replication completed).
Study run_study(const network::Network& network, logistics::Scenario scenario, const StudyOptions& options);

/// A replication's units delivered per day, summed over its flows: the series MSER-5 reads.
std::vector<double> daily_throughput(const logistics::RunResult& result);

} // namespace corridor::experiment
