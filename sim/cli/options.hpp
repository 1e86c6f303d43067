// Command-line options: what the user asked for, parsed from argv by CLI11.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace corridor::cli {

enum class Command { help, version, validate, route, run, compare, sweep, report, export_geojson };

struct RouteOptions {
    std::string model;
    std::string from, to;
    std::string by = "time"; // time | cost | co2 | generalised
    std::size_t k = 1;
    std::string date;        // YYYY-MM-DD, empty: only links open today
    std::string cargo;
    std::string format = "text"; // text | json
    double value_of_time = 2.0;
    double carbon_price = 0.0;
    std::vector<std::string> avoid, only, avoid_links, avoid_nodes; // route constraints
    double value_of_reliability = 0.0;
};

struct RunOptions {
    std::string scenario;          // empty: the bundled baseline
    std::vector<std::string> scenarios; // compare: two or more
    std::vector<std::string> sets;      // sweep: PATH=V1,V2,...
    std::string output;            // -o: the run folder; empty: <results-root>/<scenario>/<UTC time>
    std::string results_root = "results";
    std::optional<std::uint32_t> replications;
    std::optional<std::uint64_t> seed;
    std::uint32_t threads = 0;     // 0: the machine's cores
    std::string precision;         // e.g. "5%": add replications until reached
    std::uint32_t max_replications = 100;
    std::string warmup;            // "auto": MSER-5
    bool quiet = false;
    bool allow_large = false;      // run beyond experiment::RunLimits
};

struct Options {
    Command command = Command::help;
    std::string help_text; // filled when the user asked for help (or gave no command)
    std::vector<std::string> files; // validate
    std::string folder;             // report: a results folder
    std::string model;              // export-geojson: a model file
    std::string geojson_output;     // export-geojson: the file to write ("-": stdout)
    RouteOptions route;
    RunOptions run;
    std::string command_line;
};

/// Bad command-line usage; main prints it with the usage and exits 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Throws UsageError on bad usage.
Options parse(int argc, const char* const* argv);

} // namespace corridor::cli
