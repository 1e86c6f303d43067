// corridor: the command-line entry point. Exit codes: 0 ok, 1 internal error, 2 usage, 3 input.
#include <exception>
#include <iostream>

#include "sim/cli/options.hpp"
#include "sim/cli/version.hpp"

int main(int argc, char** argv) try {
    using namespace corridor::cli;
    const Options options = parse(argc, argv);
    switch (options.command) {
    case Command::help:
        std::cout << options.help_text;
        return 0;
    case Command::version:
        std::cout << "corridor " << kVersion << " (" << kCompiler << ", " << kBuildType << ")\n";
        return 0;
    }
    return 0;
} catch (const corridor::cli::UsageError& e) {
    std::cerr << "corridor: " << e.what() << "\nRun 'corridor --help' for usage.\n";
    return 2;
} catch (const std::exception& e) {
    std::cerr << "corridor: internal error: " << e.what() << '\n';
    return 1;
}
