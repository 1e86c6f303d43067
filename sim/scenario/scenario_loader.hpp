// Loading a scenario (scenarios/*.yaml): the model it names (with its overrides applied), the
// demand, weather, disruptions, routing and run settings, all problems reported at once.
#pragma once
#include <string>
#include <vector>

#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"
#include "sim/scenario/diagnostics.hpp"

namespace corridor::scenario {

struct LoadedScenario {
    logistics::Scenario scenario;
    network::Network network;
    std::string model_path;
    std::vector<std::string> input_files; // the scenario, what it extends, the model
    std::vector<Diagnostic> warnings;
    bool write_shipments = true;
};

/// Throws InputError with every problem found (in the scenario, the files it extends, the model).
LoadedScenario load_scenario(const std::string& path);

/// Whether the file at `path` reads as a scenario (a map with `model:` or `extends:`) rather
/// than a model; false for anything that does not read, whose problems load_model reports.
bool is_scenario_file(const std::string& path);

/// A change to a scenario given on the command line (`corridor sweep --set PATH=VALUE`):
///   nodes|links|services.<id>.<key>[.<key>...]   a model value, as in `overrides:`
///   services.<id>.vessel_count                   the fleet cut or grown (copies of the last vessel)
///   vessels.<service id>.count                   the same, as planners write it
///   weather.<area>.storm_share|mean_storm_h      every month of that area
///   demand.<flow id>.<key>                       a key of that flow (e.g. units_per_year)
///   horizon_days|warmup_days|seed|replications|start_date
struct Setting {
    std::string path;
    std::string value;
};

/// A sweep's axis: a setting's path and the values it takes.
struct Axis {
    std::string path;
    std::vector<std::string> values;
};
/// The grid of settings over the axes' product, the last axis varying fastest.
std::vector<std::vector<Setting>> grid(const std::vector<Axis>& axes);

/// As load_scenario, with `settings` applied on top; a bad setting is an InputError on "--set".
LoadedScenario load_scenario(const std::string& path, const std::vector<Setting>& settings);

} // namespace corridor::scenario
