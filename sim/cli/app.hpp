// The whole of `corridor` but its process set-up: the command line parsed, the command run, and
// every exception mapped to its stable exit code with its message on `err`.
#pragma once
#include <iosfwd>

namespace corridor::cli {

/// Runs `corridor` with `argv`, writing to `out` and `err`; returns the exit code (commands.hpp).
int run_command_line(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace corridor::cli
