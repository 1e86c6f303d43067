// The freight simulation's entry point: one run of a scenario on a network. The simulation itself
// is detail::Simulation (sim/logistics/detail/simulation.hpp), defined one concept per file there.
#include "sim/logistics/simulate.hpp"

#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics {

RunResult simulate(const network::Network& network, const Scenario& scenario, const RunConfig& config) {
    detail::Simulation simulation{network, scenario, config};
    return simulation.run();
}

} // namespace corridor::logistics
