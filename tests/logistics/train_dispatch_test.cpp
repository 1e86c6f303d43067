// Train dispatch through the simulation: trains that leave when full.
#include <gtest/gtest.h>

#include "sim/logistics/simulate.hpp"
#include "tests/logistics/worlds.hpp"

namespace corridor::support {
namespace {

// Two rail terminals 100 km apart (2 h at 50 km/h) and trains of 10 units between them.
World two_terminals(LinkOptions link = {}, ServiceOptions service = {}) {
    return WorldBuilder{}
        .node("A", "X", 0, 0, network::NodeKind::rail_terminal)
        .node("B", "X", 0, 1, network::NodeKind::rail_terminal)
        .link("AB", "A", "B", network::Mode::rail, 100, 50, link)
        .train("block", {"AB"}, 10, service)
        .build();
}

TEST(TrainDispatch, ATrainThatDepartsWhenFullWaitsAsBatchFormationPredicts) {
    // Units arrive as a Poisson stream of rate λ; a train leaves with the K-th. The i-th unit of
    // a train waits for K − i more arrivals, so the mean wait is (K − 1) / (2λ).
    const auto w = two_terminals();
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

// A line of 2 paths a day (a 12 h headway) takes trains of 10 units from 16 a day: about one
// train in three must wait for its path. The line's row says so in every KPI, and its queue and
// waits agree by Little's law.
TEST(TrainDispatch, TrainsWaitingForAPathAreTheLinesQueue) {
    const auto w = two_terminals({.both_ways = false, .capacity_per_day = 2}, {.both_directions = false});
    auto sc = scenario_on(w, 400);
    sc.warmup = core::Duration{30 * 86400};
    sc.flows.push_back(flow(w, "A", "B", 16));
    const auto r = logistics::simulate(w.network, sc, {});
    const auto& line = resource(r, "line AB");
    ASSERT_GT(line.wait_mean_h.count(), 0.0);
    EXPECT_GE(line.queue_max, 1.0);
    EXPECT_GT(line.wait_p95_h, line.wait_mean_h) << "most trains do not wait: the tail is longer than the mean";
    const double hours = 370.0 * 24.0;
    const double little = static_cast<double>(line.served) * line.wait_mean_h.count() / hours;
    // Exact but for the trains waiting across the warm-up's end or at the horizon.
    EXPECT_NEAR(line.queue_mean, little, 0.01 * little);
}

} // namespace
} // namespace corridor::support
