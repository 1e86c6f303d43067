// Loading, running and writing one scenario: what `run`, `compare` and `sweep` share.
#pragma once
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "sim/cli/options.hpp"
#include "sim/experiment/study.hpp"
#include "sim/report/run_directory.hpp"
#include "sim/report/run_writer.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace corridor::cli::detail {

/// The bundled baseline scenario, from the working folder or else the source tree.
std::string default_scenario();

/// The results folder of a run named `name`, claimed before anything runs: -o exactly (an
/// existing folder is refused: results are never overwritten), or else
/// <results-root>/<name>/<UTC timestamp>, numbered _2, _3, ... when that is taken.
/// Throws report::OutputError naming the reason when it cannot be created.
report::RunDirectory claim_output(const RunOptions& o, const std::string& name);

/// The scenario at `path` with `settings` and the command line's seed and replications applied.
/// Unless --allow-large, a run whose estimated consignments or result bytes are beyond
/// experiment::RunLimits is an InputError at the scenario file, before anything runs.
/// With `progress`, "loading PATH ..." shows on `err` meanwhile.
scenario::LoadedScenario prepare(const RunOptions& o, const std::string& path,
                                 const std::vector<scenario::Setting>& settings, std::ostream& err, bool progress);

/// Whether a progress line goes to stderr (a terminal, and not -q).
bool show_progress(const RunOptions& o);

struct Ran {
    scenario::LoadedScenario loaded; // as prepared: the command line's seed and replications applied
    experiment::Study study;         // as run
    report::RunInputs inputs;
};

/// Runs the prepared scenario's replications (with the options' warm-up and precision) and
/// writes the results into `folder`, committing it. Throws Interrupted if Ctrl-C came before any
/// replication completed, or while the results were being written (then nothing is written).
Ran run_one(const Options& options, scenario::LoadedScenario loaded, report::RunDirectory& folder, std::ostream& err,
            bool progress);

} // namespace corridor::cli::detail
