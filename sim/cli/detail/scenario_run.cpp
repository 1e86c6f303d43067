// Loading, running and writing one scenario: the options applied, the warm-up chosen, the
// replications run with a progress line, the results written whole or not at all.
#include "sim/cli/detail/scenario_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <thread>

#include "sim/cli/commands.hpp"
#include "sim/cli/detail/diagnostics_output.hpp"
#include "sim/cli/detail/progress.hpp"
#include "sim/cli/version.hpp"
#include "sim/experiment/mser.hpp"
#include "sim/experiment/run_size.hpp"
#include "sim/logistics/simulate.hpp"
#include "sim/report/run_directory.hpp"

namespace corridor::cli {

std::atomic<bool>& interrupted() {
    static std::atomic<bool> flag{false};
    return flag;
}

namespace detail {

namespace {

double parse_precision(const std::string& text) {
    if (text.empty()) return 0;
    std::string digits = text;
    double scale = 1;
    if (digits.back() == '%') {
        digits.pop_back();
        scale = 0.01;
    }
    try {
        std::size_t used = 0;
        const double value = std::stod(digits, &used) * scale;
        if (used == digits.size() && value > 0 && value < 1) return value;
    } catch (const std::exception&) {
    }
    throw UsageError("--precision must be a share such as 5% or 0.05, found '" + text + "'");
}

experiment::ReplicationOptions replication_options(const RunOptions& o, bool keep_shipments) {
    experiment::ReplicationOptions r;
    r.threads = o.threads > 0 ? o.threads : std::max(1U, std::thread::hardware_concurrency());
    r.keep_shipments = keep_shipments;
    r.relative_precision = parse_precision(o.precision);
    r.max_replications = o.max_replications;
    r.cancel = &interrupted();
    return r;
}

} // namespace

std::string default_scenario() {
    std::string path = "scenarios/baseline_2025.yaml";
    if (!std::filesystem::exists(path)) path = std::string(kSourceDir) + "/scenarios/baseline_2025.yaml";
    return path;
}

report::RunDirectory claim_output(const RunOptions& o, const std::string& name) {
    if (!o.output.empty()) return report::RunDirectory{o.output, report::RunDirectory::Naming::exact};
    return report::RunDirectory{std::filesystem::path(o.results_root) / name / report::utc_timestamp(),
                                report::RunDirectory::Naming::numbered};
}

scenario::LoadedScenario prepare(const RunOptions& o, const std::string& path, const std::vector<scenario::Setting>& settings,
                                 std::ostream& err, bool progress) {
    // A large model takes seconds to load: say so, so the terminal is not silent meanwhile.
    if (progress) err << "\rloading " << path << " ..." << std::flush;
    auto loaded = scenario::load_scenario(path, settings);
    if (progress) err << "\r\033[K" << std::flush; // the line is the progress bar's now
    auto& sc = loaded.scenario;
    if (o.seed) sc.seed = *o.seed;
    if (o.replications) sc.replications = *o.replications;
    if (!o.allow_large) {
        const std::uint32_t most = o.precision.empty() ? sc.replications : std::max(sc.replications, o.max_replications);
        const auto threads = o.threads > 0 ? o.threads : std::max(1U, std::thread::hardware_concurrency());
        const auto size = experiment::estimate_run_size(loaded.network, sc, most, threads, loaded.write_shipments);
        if (const auto refusal = experiment::beyond_limits(size)) {
            throw scenario::InputError({scenario::file_error(path, *refusal)});
        }
    }
    return loaded;
}

Ran run_one(const Options& options, scenario::LoadedScenario loaded, report::RunDirectory& dir, std::ostream& err,
            bool progress) {
    const RunOptions& o = options.run;
    print(err, loaded.warnings);
    auto sc = loaded.scenario;
    Progress bar{err, progress, sc.name, static_cast<double>(sc.horizon.count()) / 86400.0, sc.replications};
    experiment::StudyOptions study_options;
    study_options.replications = replication_options(o, loaded.write_shipments);
    study_options.replications.days_simulated = bar.days();
    study_options.replications.progress = [&bar](std::uint32_t done, std::uint32_t planned, std::uint64_t events) {
        bar(done, planned, events);
    };
    study_options.auto_warmup = o.warmup == "auto";
    auto study = experiment::run_study(loaded.network, std::move(sc), study_options);
    if (study.reps.results.empty()) throw Interrupted("interrupted before any replication completed; nothing written");
    auto inputs = report::inputs_of(study, kVersion, loaded.input_files, options.command_line, loaded.write_shipments);
    const bool interrupted_before_writing = interrupted().load();
    report::write_run(dir, inputs, loaded.network, study.scenario, study.reps.results);
    if (!interrupted_before_writing && interrupted().load()) {
        throw Interrupted("interrupted while writing the results; nothing written");
    }
    dir.commit();
    return Ran{std::move(loaded), std::move(study), std::move(inputs)};
}

bool show_progress(const RunOptions& o) { return !o.quiet && ::isatty(STDERR_FILENO) != 0; }

} // namespace detail

} // namespace corridor::cli
