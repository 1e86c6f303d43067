// Writing a run's results: manifest.json, summary.json, and the tables of run_tables.hpp as CSV
// (flows, flow_replications, resources, resource_replications, daily_flows, daily_resources,
// shipments, custody). KPIs over replications are means with their sd and 95% Student-t
// interval where there are two or more. scenarios/README.md documents every file.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/experiment/study.hpp"
#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"
#include "sim/report/run_directory.hpp"

namespace corridor::report {

/// The version of the result files' schema, in each manifest ("format").
inline constexpr const char* kResultsFormat = "corridor-results-2";

struct RunInputs {
    std::string program_version;
    std::string scenario_name;
    std::vector<std::string> files;   // scenario chain and model, hashed into the manifest
    std::string options;              // the command line as given
    bool write_shipments = true;
    bool partial = false;             // stopped early (Ctrl-C): only complete replications written
    std::string stop_reason;          // why the replications stopped
    std::string warmup_method = "scenario"; // "scenario" (warmup_days) or "MSER-5"
    std::vector<double> mser5_days;   // MSER-5 truncation suggested by each replication's daily throughput
    double precision_target = 0;      // --precision, 0 if none
    double precision_reached = 0;     // worst relative half-width of the headline KPIs
};

/// The manifest's account of a study: how its replications ended and what was asked of them.
RunInputs inputs_of(const experiment::Study& study, std::string program_version, std::vector<std::string> files,
                    std::string command, bool write_shipments);

void write_run(const RunDirectory& dir, const RunInputs& inputs, const network::Network& network,
               const logistics::Scenario& scenario, const std::vector<logistics::RunResult>& replications);

/// summary.json's text.
std::string summary_document(const network::Network& network, const logistics::Scenario& scenario,
                             const std::vector<logistics::RunResult>& replications);

/// A short readable summary of the run, one line per flow.
std::string summary_text(const logistics::Scenario& scenario, const std::vector<logistics::RunResult>& replications);

} // namespace corridor::report
