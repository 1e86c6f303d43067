// corridor: the command-line entry point. Exit codes: 0 ok, 1 internal error, 2 usage, 3 input,
// 130 interrupted.
#include <csignal>
#include <exception>
#include <iostream>

#include "sim/cli/commands.hpp"
#include "sim/cli/huge_page_heap.hpp"
#include "sim/cli/options.hpp"
#include "sim/cli/version.hpp"
#include "sim/core/engine.hpp"
#include "sim/scenario/diagnostics.hpp"

namespace {

int dispatch(const corridor::cli::Options& options) {
    using namespace corridor::cli;
    switch (options.command) {
    case Command::help:
        std::cout << options.help_text;
        return kExitOk;
    case Command::version:
        std::cout << "corridor " << kVersion << " (" << kCompiler << ", " << kBuildType << ")\n"
                  << "heap: " << heap_description() << '\n';
        return kExitOk;
    case Command::validate:
        return run_validate(options, std::cout, std::cerr);
    case Command::route:
        return run_route(options.route, std::cout, std::cerr);
    case Command::run:
        return run_scenario(options, std::cout, std::cerr);
    case Command::compare:
        return run_compare(options, std::cout, std::cerr);
    case Command::sweep:
        return run_sweep(options, std::cout, std::cerr);
    }
    return kExitOk;
}

} // namespace

int main(int argc, char** argv) try {
    using namespace corridor::cli;
    use_huge_page_heap(argv); // before anything is allocated that a re-execution would waste
    const Options options = parse(argc, argv);
    // Ctrl-C: finish cleanly with the replications completed so far (marked partial), then
    // exit 130 so that scripts can tell a partial result from a complete one.
    std::signal(SIGINT, [](int) { interrupted().store(true); });
    const int code = dispatch(options);
    return code == kExitOk && interrupted().load() ? kExitInterrupted : code;
} catch (const corridor::cli::Interrupted& e) {
    std::cerr << "corridor: " << e.what() << '\n';
    return corridor::cli::kExitInterrupted;
} catch (const corridor::cli::UsageError& e) {
    std::cerr << "corridor: " << e.what() << "\nRun 'corridor --help' for usage.\n";
    return corridor::cli::kExitUsage;
} catch (const corridor::scenario::InputError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << corridor::scenario::to_string(d) << '\n';
    return corridor::cli::kExitInput;
} catch (const corridor::core::SimulationError& e) {
    std::cerr << "corridor: the simulation failed " << e.what() << '\n';
    return corridor::cli::kExitInternal;
} catch (const std::exception& e) {
    std::cerr << "corridor: internal error: " << e.what() << '\n';
    return corridor::cli::kExitInternal;
}
