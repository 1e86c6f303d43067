// The subcommands of `corridor`, each returning its exit code.
#pragma once
#include <atomic>
#include <iosfwd>
#include <stdexcept>

#include "sim/cli/options.hpp"

namespace corridor::cli {

/// Exit codes (stable): 0 ok, 1 internal error, 2 usage, 3 input errors, 130 interrupted by
/// Ctrl-C (128 + SIGINT, as shells report it; completed replications are written, marked partial).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInput = 3;
inline constexpr int kExitOutput = 4; // the results cannot be written (the reason is named)
inline constexpr int kExitInterrupted = 130;

/// Ctrl-C came before anything could be written.
class Interrupted : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

int run_validate(const Options& options, std::ostream& out, std::ostream& err);
int run_route(const RouteOptions& options, std::ostream& out, std::ostream& err);
int run_scenario(const Options& options, std::ostream& out, std::ostream& err);
int run_compare(const Options& options, std::ostream& out, std::ostream& err);
int run_sweep(const Options& options, std::ostream& out, std::ostream& err);
int run_report(const Options& options, std::ostream& out, std::ostream& err);
int run_export_geojson(const Options& options, std::ostream& out, std::ostream& err);

/// Set by SIGINT: replications in progress stop at their next simulated day.
std::atomic<bool>& interrupted();

} // namespace corridor::cli
