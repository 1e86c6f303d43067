// Command-line options: what the user asked for, parsed from argv by CLI11.
#pragma once
#include <stdexcept>
#include <string>

namespace corridor::cli {

enum class Command { help, version };

struct Options {
    Command command = Command::help;
    std::string help_text; // filled when the user asked for help (or gave no command)
};

/// Bad command-line usage; main prints it with the usage and exits 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Throws UsageError on bad usage.
Options parse(int argc, const char* const* argv);

} // namespace corridor::cli
