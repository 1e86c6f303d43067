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

} // namespace corridor::scenario
