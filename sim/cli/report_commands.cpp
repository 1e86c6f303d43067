// `corridor report` (report.html of a results folder) and `corridor export-geojson` (a model).
#include <filesystem>
#include <ostream>

#include "sim/cli/commands.hpp"
#include "sim/network/network.hpp"
#include "sim/report/geojson.hpp"
#include "sim/report/html_report.hpp"
#include "sim/scenario/model_loader.hpp"

namespace corridor::cli {

int run_report(const Options& options, std::ostream& out, std::ostream&) {
    report::write_report(options.folder);
    out << "report: " << (std::filesystem::path(options.folder) / "report.html").string() << "\n";
    return kExitOk;
}

int run_export_geojson(const Options& options, std::ostream& out, std::ostream&) {
    const auto model = scenario::load_model(options.model);
    const auto network = network::Network::build(model.spec);
    const std::filesystem::path file = options.geojson_output.empty()
                                           ? std::filesystem::path(std::filesystem::path(options.model).stem().string() + ".geojson")
                                           : std::filesystem::path(options.geojson_output);
    report::write_network_geojson(file, network);
    out << "network: " << network.node_count() << " nodes, " << network.link_count() << " links: " << file.string() << "\n";
    return kExitOk;
}

} // namespace corridor::cli
