// `corridor run`, `corridor compare` and `corridor sweep`: commands that run scenarios.
#include <filesystem>
#include <ostream>

#include "sim/cli/commands.hpp"
#include "sim/cli/detail/scenario_run.hpp"
#include "sim/experiment/comparison.hpp"
#include "sim/experiment/resilience.hpp"
#include "sim/report/compare_writer.hpp"
#include "sim/report/run_directory.hpp"
#include "sim/report/run_writer.hpp"

namespace corridor::cli {

using detail::claim_output;
using detail::prepare;
using detail::run_one;
using detail::show_progress;

int run_scenario(const Options& options, std::ostream& out, std::ostream& err) {
    const RunOptions& o = options.run;
    const std::string path = o.scenario.empty() ? detail::default_scenario() : o.scenario;
    auto loaded = prepare(o, path, {}, err, show_progress(o));
    report::RunDirectory dir = claim_output(o, loaded.scenario.name);
    const auto folder = dir.final_path();
    auto ran = run_one(options, std::move(loaded), dir, err, show_progress(o));
    const auto& sc = ran.study.scenario;
    if (!o.quiet) {
        const auto n = ran.study.reps.results.size();
        out << "scenario " << sc.name << ": " << n << (n == 1 ? " replication" : " replications");
        if (ran.study.reps.stop_reason != "replications") out << " (" << ran.study.reps.stop_reason << ")"; // precision or cap reached
        out << ", " << static_cast<double>(sc.horizon.count()) / 86400.0 << " days from "
            << network::to_string(sc.start_date) << ", seed " << sc.seed << "\n";
        out << report::summary_text(sc, ran.study.reps.results);
    }
    out << "results: " << folder.string() << (ran.study.reps.cancelled ? " (partial: interrupted)" : "") << "\n";
    if (!o.quiet) out << "report: " << (folder / "report.html").string() << "\n";
    return kExitOk;
}

int run_compare(const Options& options, std::ostream& out, std::ostream& err) {
    const RunOptions& o = options.run;
    // Every scenario must load (and be of a size to run) before anything runs.
    std::vector<std::string> names;
    for (const auto& path : o.scenarios) names.push_back(prepare(o, path, {}, err, show_progress(o)).scenario.name);
    report::RunDirectory dir = claim_output(o, "compare");
    const auto folder = dir.final_path();
    std::vector<std::string> labels;
    std::vector<std::vector<logistics::RunResult>> runs;
    std::vector<scenario::LoadedScenario> loaded; // what each ran, for the resilience KPIs
    std::vector<logistics::Scenario> scenarios;
    std::uint64_t seed = 0;
    std::uint32_t replications = 0;
    for (std::size_t i = 0; i < o.scenarios.size(); ++i) {
        const std::string label = std::to_string(i) + "_" + names[i];
        report::RunDirectory part{dir.file(label)};
        auto ran = run_one(options, prepare(o, o.scenarios[i], {}, err, show_progress(o)), part, err, show_progress(o));
        if (ran.study.reps.cancelled) throw Interrupted("interrupted: a comparison needs every scenario complete; nothing written");
        if (i == 0) {
            seed = ran.study.scenario.seed;
            replications = static_cast<std::uint32_t>(ran.study.reps.results.size());
        } else if (ran.study.scenario.seed != seed || ran.study.reps.results.size() != replications) {
            throw UsageError("compare needs the same seed and number of replications for every scenario (use --seed and "
                             "--replications); " + names[i] + " differs from " + names[0]);
        }
        scenarios.push_back(ran.study.scenario);
        loaded.push_back(std::move(ran.loaded));
        labels.push_back(names[i]);
        runs.push_back(std::move(ran.study.reps.results));
    }
    std::vector<experiment::ComparedScenario> compared;
    for (std::size_t i = 0; i < scenarios.size(); ++i) compared.push_back({&scenarios[i], &loaded[i].network});
    const auto comparisons = experiment::compare_with_resilience(runs, compared);
    report::write_comparison(dir, labels, comparisons);
    if (interrupted().load()) throw Interrupted("interrupted while writing the comparison; nothing written");
    dir.commit();
    out << report::comparison_text(labels, comparisons);
    out << "results: " << folder.string() << "\n";
    if (!o.quiet) out << "report: " << (folder / "report.html").string() << "\n";
    return kExitOk;
}

// A sweep's grid beyond this many points is refused without --allow-large (a 2^20-point grid
// would load 2^20 scenarios before the first point runs).
constexpr std::size_t kMaxSweepPoints = 10000;

int run_sweep(const Options& options, std::ostream& out, std::ostream& err) {
    const RunOptions& o = options.run;
    // Each --set PATH=V1,V2 is an axis; the grid is their product, the last axis fastest.
    std::vector<scenario::Axis> axes;
    for (const auto& set : o.sets) {
        const auto eq = set.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == set.size()) {
            throw UsageError("--set must be PATH=V1,V2,..., found '" + set + "'");
        }
        std::vector<std::string> values;
        std::size_t start = eq + 1;
        for (;;) {
            const auto comma = set.find(',', start);
            values.push_back(set.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        axes.push_back({set.substr(0, eq), values});
    }
    const auto points = scenario::grid(axes);
    if (points.size() > kMaxSweepPoints && !o.allow_large) {
        throw UsageError("the sweep's grid has " + std::to_string(points.size()) + " points, beyond the limit of " +
                         std::to_string(kMaxSweepPoints) + ": fewer values, or pass --allow-large");
    }
    // Every point must load (and be of a size to run) before anything runs.
    std::string name;
    for (const auto& point : points) name = prepare(o, o.scenario, point, err, show_progress(o)).scenario.name;
    report::RunDirectory dir = claim_output(o, name + "_sweep");
    const auto folder = dir.final_path();
    std::vector<report::SweepPoint> rows;
    for (std::size_t p = 0; p < points.size(); ++p) {
        const std::string label = "point_" + std::to_string(p);
        report::RunDirectory part{dir.file(label)};
        auto ran = run_one(options, prepare(o, o.scenario, points[p], err, show_progress(o)), part, err, show_progress(o));
        if (ran.study.reps.cancelled) throw Interrupted("interrupted: a sweep needs every point complete; nothing written");
        report::SweepPoint row;
        row.folder = label;
        for (const auto& s : points[p]) row.settings.emplace_back(s.path, s.value);
        row.flows = ran.study.scenario.flows;
        row.results = std::move(ran.study.reps.results);
        rows.push_back(std::move(row));
    }
    report::write_sweep(dir, rows);
    if (interrupted().load()) throw Interrupted("interrupted while writing the sweep; nothing written");
    dir.commit();
    out << report::sweep_text(rows);
    out << "results: " << folder.string() << "\n";
    if (!o.quiet) out << "report: " << (folder / "report.html").string() << "\n";
    return kExitOk;
}

} // namespace corridor::cli
