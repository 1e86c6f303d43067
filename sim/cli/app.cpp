// `corridor` from argv to exit code: the only place that maps exceptions to exit codes.
#include "sim/cli/app.hpp"

#include <exception>
#include <ostream>

#include "sim/cli/commands.hpp"
#include "sim/cli/detail/diagnostics_output.hpp"
#include "sim/cli/huge_page_heap.hpp"
#include "sim/cli/options.hpp"
#include "sim/cli/version.hpp"
#include "sim/core/engine.hpp"
#include "sim/report/html_report.hpp"
#include "sim/report/output_error.hpp"
#include "sim/scenario/diagnostics.hpp"

namespace corridor::cli {

namespace {

int dispatch(const Options& options, std::ostream& out, std::ostream& err) {
    switch (options.command) {
    case Command::help: out << options.help_text; return kExitOk;
    case Command::version:
        out << "corridor " << kVersion << " (" << kCompiler << ", " << kBuildType << ")\n"
            << "heap: " << heap_description() << '\n';
        return kExitOk;
    case Command::validate: return run_validate(options, out, err);
    case Command::route: return run_route(options.route, out, err);
    case Command::run: return run_scenario(options, out, err);
    case Command::compare: return run_compare(options, out, err);
    case Command::sweep: return run_sweep(options, out, err);
    case Command::report: return run_report(options, out, err);
    case Command::export_geojson: return run_export_geojson(options, out, err);
    }
    return kExitOk;
}

} // namespace

int run_command_line(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    try {
        const Options options = parse(argc, argv);
        const int code = dispatch(options, out, err);
        return code == kExitOk && interrupted().load() ? kExitInterrupted : code;
    } catch (const Interrupted& e) {
        err << "corridor: " << e.what() << '\n';
        return kExitInterrupted;
    } catch (const UsageError& e) {
        err << "corridor: " << e.what() << "\nRun 'corridor --help' for usage.\n";
        return kExitUsage;
    } catch (const scenario::InputError& e) {
        detail::print(err, e.diagnostics());
        return kExitInput;
    } catch (const report::IncompleteResults& e) {
        for (const auto& problem : e.problems()) err << problem << '\n';
        err << "corridor: not a complete results folder; nothing written\n";
        return kExitInput;
    } catch (const report::OutputExists& e) {
        err << "corridor: " << e.what() << "\nRun 'corridor --help' for usage.\n";
        return kExitUsage;
    } catch (const report::OutputError& e) {
        err << "corridor: " << e.what() << "; nothing written\n";
        return kExitOutput;
    } catch (const core::SimulationError& e) {
        err << "corridor: the simulation failed " << e.what() << '\n';
        return kExitInternal;
    } catch (const std::exception& e) {
        err << "corridor: internal error: " << e.what() << '\n';
        return kExitInternal;
    }
}

} // namespace corridor::cli
