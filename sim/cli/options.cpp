// The command-line grammar of `corridor`, declared with CLI11.
#include "sim/cli/options.hpp"

#include <CLI/CLI.hpp>

namespace corridor::cli {

Options parse(int argc, const char* const* argv) {
    CLI::App app{"corridor: discrete-event simulation of freight transport corridors", "corridor"};
    app.set_help_all_flag("--help-all", "Print help for every command");
    app.require_subcommand(0, 1);
    auto* version = app.add_subcommand("version", "Print the program version and build");

    Options options;
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
    } else {
        options.command = Command::help;
        options.help_text = app.help();
    }
    return options;
}

} // namespace corridor::cli
