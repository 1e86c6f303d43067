// The subcommands of `corridor`, each returning its exit code.
#pragma once
#include <iosfwd>

#include "sim/cli/options.hpp"

namespace corridor::cli {

/// Exit codes (stable): 0 ok, 1 internal error, 2 usage, 3 input errors.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInput = 3;

int run_validate(const Options& options, std::ostream& out, std::ostream& err);
int run_route(const RouteOptions& options, std::ostream& out, std::ostream& err);
int run_scenario(const Options& options, std::ostream& out, std::ostream& err);

} // namespace corridor::cli
