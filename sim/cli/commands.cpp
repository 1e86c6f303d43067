// `corridor validate` and `corridor route`.
#include "sim/cli/commands.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <ostream>

#include <chrono>
#include <filesystem>
#include <thread>
#include <unistd.h>

#include "sim/cli/version.hpp"
#include "sim/experiment/comparison.hpp"
#include "sim/experiment/mser.hpp"
#include "sim/experiment/replications.hpp"
#include "sim/logistics/simulate.hpp"
#include "sim/network/routing.hpp"
#include "sim/report/run_directory.hpp"
#include "sim/report/compare_writer.hpp"
#include "sim/report/run_writer.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/scenario/model_loader.hpp"

namespace corridor::cli {

namespace {

void print(std::ostream& err, const std::vector<scenario::Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) err << scenario::to_string(d) << '\n';
}

const char* step_name(network::RouteStep::Kind kind) {
    switch (kind) {
    case network::RouteStep::Kind::link: return "link";
    case network::RouteStep::Kind::border: return "border";
    case network::RouteStep::Kind::transshipment: return "transshipment";
    case network::RouteStep::Kind::port: return "port";
    }
    return "?";
}

} // namespace

int run_validate(const Options& options, std::ostream& out, std::ostream& err) {
    int code = kExitOk;
    for (const auto& file : options.files) {
        try {
            const auto model = scenario::load_model(file);
            network::Network::build(model.spec);
            print(err, model.warnings);
            out << file << ": ok (" << model.spec.nodes.size() << " nodes, " << model.spec.links.size()
                << " directed links, " << model.warnings.size() << " warnings)\n";
        } catch (const scenario::InputError& e) {
            print(err, e.diagnostics());
            code = kExitInput;
        }
    }
    return code;
}

int run_route(const RouteOptions& o, std::ostream& out, std::ostream& err) {
    const auto model = scenario::load_model(o.model);
    print(err, model.warnings);
    const auto net = network::Network::build(model.spec);
    std::vector<scenario::Diagnostic> problems;
    auto problem = [&](const std::string& message) {
        problems.push_back(scenario::file_error(o.model, message));
    };
    auto node = [&](const std::string& name, const char* flag) -> core::NodeId {
        if (const auto id = net.find_node(name)) return *id;
        std::vector<std::string> names;
        for (std::size_t i = 0; i < net.node_count(); ++i) names.push_back(net.node(core::NodeId{static_cast<std::uint32_t>(i)}).name);
        std::string message = std::string(flag) + ": model '" + net.name() + "' has no node '" + name + "'";
        if (const auto near = scenario::nearest(name, names); !near.empty()) message += "; did you mean '" + near + "'?";
        problem(message);
        return {};
    };
    network::RouteQuery query;
    const auto from = node(o.from, "--from");
    const auto to = node(o.to, "--to");
    query.metric = o.by == "cost" ? network::Metric::cost
                   : o.by == "co2" ? network::Metric::co2
                   : o.by == "generalised" ? network::Metric::generalised
                                           : network::Metric::time;
    if (!o.date.empty()) {
        query.date = network::parse_date(o.date);
        if (!query.date) problem("--date must be YYYY-MM-DD, found '" + o.date + "'");
    }
    if (!o.cargo.empty()) {
        query.cargo = net.find_cargo_class(o.cargo);
        if (!query.cargo) problem("--cargo: model '" + net.name() + "' has no cargo class '" + o.cargo + "'");
    }
    query.weights = {o.value_of_time, o.carbon_price};
    if (!problems.empty()) throw scenario::InputError(problems);

    const auto routes = network::k_shortest_routes(net, from, to, o.k, query);
    if (routes.empty()) {
        err << "corridor route: no route from " << o.from << " to " << o.to
            << (query.date ? " on " + o.date : std::string(" with the links open now")) << '\n';
        return kExitInput;
    }
    if (o.format == "json") {
        nlohmann::json doc;
        doc["model"] = net.name();
        doc["from"] = o.from;
        doc["to"] = o.to;
        doc["by"] = o.by;
        for (const auto& r : routes) {
            nlohmann::json jr;
            jr["km"] = r.length.value();
            jr["hours"] = r.hours.count();
            jr["usd"] = r.usd;
            jr["kg_co2e"] = r.kg_co2e;
            jr["generalised_usd"] = r.generalised_usd;
            for (const auto& s : r.steps) {
                nlohmann::json js;
                js["kind"] = step_name(s.kind);
                js["node"] = net.node(s.node).name;
                if (s.kind == network::RouteStep::Kind::link) {
                    const auto& l = net.link(s.link);
                    js["link"] = l.name;
                    js["mode"] = std::string(network::to_string(l.mode));
                    js["km"] = l.length.value();
                }
                js["hours"] = s.hours.count();
                js["usd"] = s.usd;
                js["kg_co2e"] = s.kg_co2e;
                jr["steps"].push_back(js);
            }
            doc["routes"].push_back(jr);
        }
        out << doc.dump(2) << '\n';
        return kExitOk;
    }
    for (std::size_t i = 0; i < routes.size(); ++i) {
        const auto& r = routes[i];
        out << fmt::format("route {} of {}: {} -> {} by {}: {:.0f} km, {:.1f} h ({:.1f} d), {:.0f} USD, {:.1f} kg CO2e, generalised {:.0f} USD\n",
                           i + 1, routes.size(), o.from, o.to, o.by, r.length.value(), r.hours.count(),
                           r.hours.count() / 24, r.usd, r.kg_co2e, r.generalised_usd);
        out << fmt::format("  {:<14} {:<26} {:<6} {:>7} {:>8} {:>8} {:>8}\n", "step", "where", "mode", "km", "hours", "USD", "kg CO2e");
        for (const auto& s : r.steps) {
            if (s.kind == network::RouteStep::Kind::link) {
                const auto& l = net.link(s.link);
                out << fmt::format("  {:<14} {:<26} {:<6} {:>7.0f} {:>8.1f} {:>8.0f} {:>8.1f}\n", "link", l.name,
                                   network::to_string(l.mode), l.length.value(), s.hours.count(), s.usd, s.kg_co2e);
            } else {
                out << fmt::format("  {:<14} {:<26} {:<6} {:>7} {:>8.1f} {:>8.0f} {:>8.1f}\n", step_name(s.kind),
                                   net.node(s.node).name, "", "", s.hours.count(), s.usd, s.kg_co2e);
            }
        }
    }
    return kExitOk;
}

std::atomic<bool>& interrupted() {
    static std::atomic<bool> flag{false};
    return flag;
}

namespace {

std::string default_scenario() {
    std::string path = "scenarios/baseline_2025.yaml";
    if (!std::filesystem::exists(path)) path = std::string(kSourceDir) + "/scenarios/baseline_2025.yaml";
    return path;
}

std::filesystem::path output_folder(const RunOptions& o, const std::string& name) {
    const std::filesystem::path folder =
        o.output.empty() ? std::filesystem::path(o.results_root) / name / report::utc_timestamp() : std::filesystem::path(o.output);
    if (std::filesystem::exists(folder)) {
        throw UsageError("the output folder " + folder.string() + " exists already; results are never overwritten");
    }
    return folder;
}

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

// A progress line on stderr when it is a terminal: replications done, events/s, time left.
class Progress {
public:
    Progress(std::ostream& err, bool enabled, std::string label)
        : err_{err}, enabled_{enabled}, label_{std::move(label)}, start_{std::chrono::steady_clock::now()} {}
    void operator()(std::uint32_t done, std::uint32_t planned, std::uint64_t events) {
        events_ += events;
        if (!enabled_) return;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        const double rate = seconds > 0 ? static_cast<double>(events_) / seconds : 0;
        const double left = done > 0 ? seconds / done * (planned - done) : 0;
        err_ << fmt::format("\r{} {}/{} replications, {:.1f} M events/s, about {:.0f} s left   ", label_, done, planned,
                            rate / 1e6, left)
             << std::flush;
        if (done == planned) err_ << "\n";
    }

private:
    std::ostream& err_;
    bool enabled_;
    std::string label_;
    std::chrono::steady_clock::time_point start_;
    std::uint64_t events_ = 0;
};

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
        for (const double units : point.delivered) total += units;
        series.push_back(total);
    }
    return series;
}

struct Ran {
    scenario::LoadedScenario loaded;
    experiment::Replications reps;
    report::RunInputs inputs;
};

// Loads, runs and writes one scenario into `folder`. Shared by run, compare and sweep.
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

} // namespace

int run_scenario(const Options& options, std::ostream& out, std::ostream& err) {
    const RunOptions& o = options.run;
    const std::string path = o.scenario.empty() ? default_scenario() : o.scenario;
    // The name (and so the default folder) is known only after loading: load once to learn it.
    const auto name = scenario::load_scenario(path).scenario.name;
    const auto folder = output_folder(o, name);
    auto ran = run_one(options, path, {}, folder, err, show_progress(o));
    const auto& sc = ran.loaded.scenario;
    if (!o.quiet) {
        const auto n = ran.reps.results.size();
        out << "scenario " << sc.name << ": " << n << (n == 1 ? " replication" : " replications");
        if (ran.reps.stop_reason != "replications") out << " (" << ran.reps.stop_reason << ")"; // precision or cap reached
        out << ", " << static_cast<double>(sc.horizon.count()) / 86400.0 << " days from "
            << network::to_string(sc.start_date) << ", seed " << sc.seed << "\n";
        out << report::summary_text(sc, ran.reps.results);
    }
    out << "results: " << folder.string() << (ran.reps.cancelled ? " (partial: interrupted)" : "") << "\n";
    return kExitOk;
}

int run_compare(const Options& options, std::ostream& out, std::ostream& err) {
    const RunOptions& o = options.run;
    const auto folder = output_folder(o, "compare");
    // Every scenario must load before anything runs.
    std::vector<std::string> names;
    for (const auto& path : o.scenarios) names.push_back(scenario::load_scenario(path).scenario.name);
    std::vector<std::string> labels;
    std::vector<std::vector<logistics::RunResult>> runs;
    std::filesystem::create_directories(folder.parent_path().empty() ? "." : folder.parent_path());
    report::RunDirectory dir{folder};
    std::uint64_t seed = 0;
    std::uint32_t replications = 0;
    for (std::size_t i = 0; i < o.scenarios.size(); ++i) {
        const std::string label = std::to_string(i) + "_" + names[i];
        auto ran = run_one(options, o.scenarios[i], {}, dir.file(label), err, show_progress(o));
        if (ran.reps.cancelled) throw Interrupted("interrupted: a comparison needs every scenario complete; nothing written");
        if (i == 0) {
            seed = ran.loaded.scenario.seed;
            replications = static_cast<std::uint32_t>(ran.reps.results.size());
        } else if (ran.loaded.scenario.seed != seed || ran.reps.results.size() != replications) {
            throw UsageError("compare needs the same seed and number of replications for every scenario (use --seed and "
                             "--replications); " + names[i] + " differs from " + names[0]);
        }
        labels.push_back(names[i]);
        runs.push_back(std::move(ran.reps.results));
    }
    const auto comparisons = experiment::compare(runs);
    report::write_comparison(dir, labels, comparisons);
    dir.commit();
    out << report::comparison_text(labels, comparisons);
    out << "results: " << folder.string() << "\n";
    return kExitOk;
}

int run_sweep(const Options& options, std::ostream& out, std::ostream& err) {
    const RunOptions& o = options.run;
    // Each --set PATH=V1,V2 is an axis; the grid is their product, the last axis fastest.
    std::vector<std::pair<std::string, std::vector<std::string>>> axes;
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
        axes.emplace_back(set.substr(0, eq), values);
    }
    std::vector<std::vector<scenario::Setting>> points{{}};
    for (const auto& [path, values] : axes) {
        std::vector<std::vector<scenario::Setting>> next;
        for (const auto& point : points) {
            for (const auto& value : values) {
                auto extended = point;
                extended.push_back({path, value});
                next.push_back(extended);
            }
        }
        points = std::move(next);
    }
    // Every point must load before anything runs.
    std::string name;
    for (const auto& point : points) name = scenario::load_scenario(o.scenario, point).scenario.name;
    const auto folder = output_folder(o, name + "_sweep");
    std::filesystem::create_directories(folder.parent_path().empty() ? "." : folder.parent_path());
    report::RunDirectory dir{folder};
    std::vector<report::SweepPoint> rows;
    for (std::size_t p = 0; p < points.size(); ++p) {
        const std::string label = "point_" + std::to_string(p);
        auto ran = run_one(options, o.scenario, points[p], dir.file(label), err, show_progress(o));
        if (ran.reps.cancelled) throw Interrupted("interrupted: a sweep needs every point complete; nothing written");
        report::SweepPoint row;
        row.folder = label;
        for (const auto& s : points[p]) row.settings.emplace_back(s.path, s.value);
        row.flows = ran.loaded.scenario.flows;
        row.results = std::move(ran.reps.results);
        rows.push_back(std::move(row));
    }
    report::write_sweep(dir, rows);
    dir.commit();
    out << report::sweep_text(rows);
    out << "results: " << folder.string() << "\n";
    return kExitOk;
}

} // namespace corridor::cli
