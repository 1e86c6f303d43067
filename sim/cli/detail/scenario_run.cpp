// Loading, running and writing one scenario: the options applied, the warm-up chosen, the
// replications run with a progress line, the results written whole or not at all.
#include "sim/cli/detail/scenario_run.hpp"

#include <unistd.h>

#include <thread>

#include "sim/cli/commands.hpp"
#include "sim/cli/detail/diagnostics_output.hpp"
#include "sim/cli/detail/progress.hpp"
#include "sim/cli/version.hpp"
#include "sim/experiment/mser.hpp"
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

experiment::ReplicationOptions replication_options(const RunOptions& o, const logistics::Scenario& sc, bool keep_shipments) {
    experiment::ReplicationOptions r;
    r.replications = sc.replications;
    r.threads = o.threads > 0 ? o.threads : std::max(1U, std::thread::hardware_concurrency());
    r.keep_shipments = keep_shipments;
    r.relative_precision = parse_precision(o.precision);
    r.max_replications = o.max_replications;
    r.cancel = &interrupted();
    return r;
}

// MSER-5 on the daily throughput of a pilot replication run without warm-up.
std::vector<double> daily_throughput(const logistics::RunResult& r) {
    std::vector<double> series;
    for (const auto& point : r.daily) {
        double total = 0;
        for (const auto units : point.delivered) total += units.value();
        series.push_back(total);
    }
    return series;
}

} // namespace

std::string default_scenario() {
    std::string path = "scenarios/baseline_2025.yaml";
    if (!std::filesystem::exists(path)) path = std::string(kSourceDir) + "/scenarios/baseline_2025.yaml";
    return path;
}

std::filesystem::path output_folder(const RunOptions& o, const std::string& name) {
    std::filesystem::path folder =
        o.output.empty() ? std::filesystem::path(o.results_root) / name / report::utc_timestamp() : std::filesystem::path(o.output);
    if (std::filesystem::exists(folder)) {
        throw UsageError("the output folder " + folder.string() + " exists already; results are never overwritten");
    }
    return folder;
}

Ran run_one(const Options& options, const std::string& path, const std::vector<scenario::Setting>& settings,
            const std::filesystem::path& folder, std::ostream& err, bool progress) {
    const RunOptions& o = options.run;
    Ran ran{scenario::load_scenario(path, settings), {}, {}};
    auto& loaded = ran.loaded;
    print(err, loaded.warnings);
    auto& sc = loaded.scenario;
    if (o.seed) sc.seed = *o.seed;
    if (o.replications) sc.replications = *o.replications;
    auto& inputs = ran.inputs;
    inputs = report::RunInputs{kVersion, sc.name, loaded.input_files, options.command_line, loaded.write_shipments,
                               false, "", "scenario", {}, 0, 0};
    if (o.warmup == "auto") {
        logistics::Scenario pilot = sc;
        pilot.warmup = core::Duration{0};
        logistics::RunConfig config;
        config.keep_shipments = false;
        const auto result = logistics::simulate(loaded.network, pilot, config);
        const auto days = experiment::mser5_truncation(daily_throughput(result));
        sc.warmup = std::min(core::Duration{static_cast<std::int64_t>(days) * 86400}, sc.horizon / 2);
        inputs.warmup_method = "MSER-5 on daily units delivered, pilot replication 0";
    }
    Progress bar{err, progress, sc.name};
    auto reps_options = replication_options(o, sc, loaded.write_shipments);
    reps_options.progress = [&bar](std::uint32_t done, std::uint32_t planned, std::uint64_t events) { bar(done, planned, events); };
    ran.reps = experiment::run_replications(loaded.network, sc, reps_options);
    if (ran.reps.results.empty()) {
        throw Interrupted("interrupted before any replication completed; nothing written");
    }
    sc.replications = static_cast<std::uint32_t>(ran.reps.results.size());
    inputs.partial = ran.reps.cancelled;
    inputs.stop_reason = ran.reps.stop_reason;
    for (const auto& r : ran.reps.results) {
        inputs.mser5_days.push_back(static_cast<double>(experiment::mser5_truncation(daily_throughput(r))));
    }
    inputs.precision_target = reps_options.relative_precision;
    inputs.precision_reached = experiment::worst_relative_half_width(ran.reps.results);
    report::RunDirectory dir{folder};
    report::write_run(dir, inputs, loaded.network, sc, ran.reps.results);
    dir.commit();
    return ran;
}

bool show_progress(const RunOptions& o) { return !o.quiet && ::isatty(STDERR_FILENO) != 0; }

} // namespace detail

} // namespace corridor::cli
