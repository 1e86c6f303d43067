// Loading, running and writing one scenario: what `run`, `compare` and `sweep` share.
#pragma once
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "sim/cli/options.hpp"
#include "sim/experiment/study.hpp"
#include "sim/report/run_writer.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace corridor::cli::detail {

/// The bundled baseline scenario, from the working folder or else the source tree.
std::string default_scenario();

/// The results folder for a run named `name`: -o, or results/<name>/<UTC timestamp>. A folder
/// that exists already is a usage error: results are never overwritten.
std::filesystem::path output_folder(const RunOptions& o, const std::string& name);

/// Whether a progress line goes to stderr (a terminal, and not -q).
bool show_progress(const RunOptions& o);

struct Ran {
    scenario::LoadedScenario loaded; // as loaded, before the command line's seed and replications
    experiment::Study study;         // as run
    report::RunInputs inputs;
};

/// Loads the scenario at `path` with `settings` applied, runs its replications (with the
/// options' seed, replications, warm-up and precision) and writes the results into `folder`.
/// Throws Interrupted if Ctrl-C came before any replication completed.
Ran run_one(const Options& options, const std::string& path, const std::vector<scenario::Setting>& settings,
            const std::filesystem::path& folder, std::ostream& err, bool progress);

} // namespace corridor::cli::detail
