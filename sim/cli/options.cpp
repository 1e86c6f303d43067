// The command-line grammar of `corridor`, declared with CLI11.
#include "sim/cli/options.hpp"

#include <CLI/CLI.hpp>

#include <charconv>

namespace corridor::cli {

namespace {

// A seed as the scenario file takes it: a whole number from 0 to 2^63 - 1, digits only (CLI11's
// own conversion wraps -1 and saturates 2^70 to 2^64 - 1).
std::uint64_t parse_seed(const std::string& text) {
    std::int64_t seed = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, seed);
    if (text.empty() || text.front() == '-' || ec != std::errc{} || ptr != end) {
        throw CLI::ValidationError("--seed", "must be a whole number from 0 to 9223372036854775807, found '" + text + "'");
    }
    return static_cast<std::uint64_t>(seed);
}

} // namespace

Options parse(int argc, const char* const* argv) {
    CLI::App app{"corridor: discrete-event simulation of freight transport corridors", "corridor"};
    app.set_help_all_flag("--help-all", "Print help for every command");
    app.require_subcommand(0, 1);
    auto* version = app.add_subcommand("version", "Print the program version and build");
    Options options;
    for (int i = 0; i < argc; ++i) options.command_line += (i ? " " : "") + std::string(argv[i]);

    auto* validate = app.add_subcommand("validate", "Check model and scenario files without running anything; print every problem as file:line:column");
    validate->add_option("files", options.files, "Model or scenario YAML files (a scenario has model: or extends:)")->required();

    auto* run = app.add_subcommand("run", "Run a scenario (default: the bundled baseline) and write its results");
    run->add_option("scenario", options.run.scenario, "Scenario YAML file");
    run->add_option("-o,--output", options.run.output, "Run folder to create (must not exist)");
    run->add_option("--results-root", options.run.results_root, "Where run folders go by default");
    run->add_option("--replications", options.run.replications, "Replications (overrides the scenario)")->check(CLI::Range(1, 100000));
    const auto seed_option = [&options](const std::string& text) { options.run.seed = parse_seed(text); };
    run->add_option_function<std::string>("--seed", seed_option, "Seed (overrides the scenario)");
    const char* allow_large_help = "Run even when the estimate of consignments or result bytes is beyond the limits";
    run->add_flag("-q,--quiet", options.run.quiet, "Print only the run folder");
    run->add_flag("--allow-large", options.run.allow_large, allow_large_help);
    auto add_experiment_options = [&options, &seed_option, allow_large_help](CLI::App* cmd) {
        cmd->add_option("-o,--output", options.run.output, "Folder to create (must not exist)");
        cmd->add_option("--results-root", options.run.results_root, "Where result folders go by default");
        cmd->add_option("--replications", options.run.replications, "Replications (overrides the scenario)")->check(CLI::Range(1, 100000));
        cmd->add_option_function<std::string>("--seed", seed_option, "Seed (overrides the scenario)");
        cmd->add_flag("--allow-large", options.run.allow_large, allow_large_help);
        cmd->add_option("--threads", options.run.threads, "Threads for replications (default: all cores)")->check(CLI::Range(1, 256));
        cmd->add_flag("-q,--quiet", options.run.quiet, "No progress bar, only the results folder");
    };
    run->add_option("--threads", options.run.threads, "Threads for replications (default: all cores)")->check(CLI::Range(1, 256));
    run->add_option("--precision", options.run.precision,
                    "Add replications until every headline KPI's 95% half-width is below this share of its mean, e.g. 5%");
    run->add_option("--max-replications", options.run.max_replications, "Cap for --precision")->check(CLI::Range(2, 100000));
    run->add_option("--warmup", options.run.warmup, "auto: choose the warm-up by MSER-5 from a pilot replication")
        ->check(CLI::IsMember({"auto"}));

    auto* compare = app.add_subcommand("compare", "Run scenarios with common random numbers and compare their KPIs");
    compare->add_option("scenarios", options.run.scenarios, "Two or more scenario files; the first is the reference")
        ->required()->expected(2, 64);
    add_experiment_options(compare);

    auto* sweep = app.add_subcommand("sweep", "Run a scenario over a grid of settings");
    sweep->add_option("scenario", options.run.scenario, "Scenario file")->required();
    sweep->add_option("--set", options.run.sets, "PATH=V1,V2,... (repeatable): services.ID.KEY, links.ID.KEY, vessels.SERVICE.count, weather.AREA.storm_share, demand.FLOW.KEY, ...")
        ->required();
    add_experiment_options(sweep);

    auto* report = app.add_subcommand("report", "(Re)build report.html in a results folder of run, compare or sweep");
    report->add_option("folder", options.folder, "Results folder")->required();

    auto* geojson = app.add_subcommand("export-geojson", "Write a model's nodes and links as GeoJSON (RFC 7946) for GIS tools");
    geojson->add_option("model", options.model, "Model YAML file")->required();
    geojson->add_option("-o,--output", options.geojson_output, "File to create (default: MODEL's name with .geojson, in the working folder)");

    auto* route = app.add_subcommand("route", "Best routes between two nodes of a model, leg by leg");
    auto& r = options.route;
    route->add_option("model", r.model, "Model YAML file")->required();
    route->add_option("--from", r.from, "Origin node id")->required();
    route->add_option("--to", r.to, "Destination node id")->required();
    route->add_option("--by", r.by, "Metric to minimise")->check(CLI::IsMember({"time", "cost", "co2", "generalised"}));
    route->add_option("-k", r.k, "Number of loopless routes (Yen)")->check(CLI::Range(1, 100));
    route->add_option("--date", r.date, "Date YYYY-MM-DD: planned links open by then are usable");
    route->add_option("--cargo", r.cargo, "Cargo class id: its restrictions and tonnes per unit apply");
    route->add_option("--format", r.format, "Output format")->check(CLI::IsMember({"text", "json"}));
    route->add_option("--value-of-time", r.value_of_time, "USD per unit-hour in the generalised cost")->check(CLI::NonNegativeNumber);
    route->add_option("--carbon-price", r.carbon_price, "USD per tonne CO2e in the generalised cost")->check(CLI::NonNegativeNumber);
    route->add_option("--value-of-reliability", r.value_of_reliability,
                      "USD per unit-hour of the route time's standard deviation in the generalised cost")
        ->check(CLI::NonNegativeNumber);
    route->add_option("--avoid", r.avoid, "Countries the route may not pass through, ISO codes: RU,IR")->delimiter(',');
    route->add_option("--only", r.only, "The only countries the route may pass through, ISO codes")->delimiter(',');
    route->add_option("--avoid-links", r.avoid_links, "Link ids the route may not use")->delimiter(',');
    route->add_option("--avoid-nodes", r.avoid_nodes, "Node ids the route may not pass through")->delimiter(',');

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        options.command = Command::help;
        options.help_text = app.help();
        return options;
    } catch (const CLI::CallForAllHelp&) {
        options.command = Command::help;
        options.help_text = app.help("", CLI::AppFormatMode::All);
        return options;
    } catch (const CLI::ParseError& e) {
        throw UsageError(e.what());
    }
    if (version->parsed()) {
        options.command = Command::version;
    } else if (validate->parsed()) {
        options.command = Command::validate;
    } else if (route->parsed()) {
        options.command = Command::route;
    } else if (run->parsed()) {
        options.command = Command::run;
    } else if (compare->parsed()) {
        options.command = Command::compare;
    } else if (sweep->parsed()) {
        options.command = Command::sweep;
    } else if (report->parsed()) {
        options.command = Command::report;
    } else if (geojson->parsed()) {
        options.command = Command::export_geojson;
    } else {
        options.command = Command::help;
        options.help_text = app.help();
    }
    return options;
}

} // namespace corridor::cli
