// corridor: the process. Its heap, Ctrl-C, and the command line (app.hpp).
#include <csignal>
#include <iostream>

#include "sim/cli/app.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/huge_page_heap.hpp"

int main(int argc, char** argv) {
    corridor::cli::use_huge_page_heap(argv); // before anything is allocated that a re-execution would waste
    // Ctrl-C (and SIGTERM, as a scheduler or `kill` sends it): finish cleanly with the
    // replications completed so far (marked partial), then exit 130 so that scripts can tell a
    // partial result from a complete one.
    const auto on_signal = [](int) { corridor::cli::interrupted().store(true); };
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    return corridor::cli::run_command_line(argc, argv, std::cout, std::cerr);
}
