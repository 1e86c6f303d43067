// Train dispatch through the simulation: trains that leave when full.
#include <gtest/gtest.h>

#include "sim/logistics/simulate.hpp"
#include "tests/logistics/worlds.hpp"

namespace corridor::support {
namespace {

TEST(TrainDispatch, ATrainThatDepartsWhenFullWaitsAsBatchFormationPredicts) {
    // Units arrive as a Poisson stream of rate λ; a train leaves with the K-th. The i-th unit of
    // a train waits for K − i more arrivals, so the mean wait is (K − 1) / (2λ).
    const auto w = WorldBuilder{}
                       .node("A", "X", 0, 0, network::NodeKind::rail_terminal)
                       .node("B", "X", 0, 1, network::NodeKind::rail_terminal)
                       .link("AB", "A", "B", network::Mode::rail, 100, 50)
                       .train("block", {"AB"}, 10)
                       .build();
    auto sc = scenario_on(w, 200);
    sc.flows.push_back(flow(w, "A", "B", 120)); // λ = 5 per hour
    const auto ci = over_replications(w, sc, 6, [](const logistics::RunResult& r) {
        return r.flows[0].mean_hours[static_cast<std::size_t>(logistics::TimeUse::waiting)];
    });
    EXPECT_NEAR(ci.mean, 9.0 / 10.0, std::max(ci.half_width, 0.02));
    // And it rides: 2 h on the link.
    const auto r = logistics::simulate(w.network, sc, {});
    EXPECT_NEAR(r.flows[0].mean_hours[static_cast<std::size_t>(logistics::TimeUse::moving)].count(), 2.0, 1e-3);
}

} // namespace
} // namespace corridor::support
