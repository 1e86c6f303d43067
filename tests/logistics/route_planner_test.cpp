// Route planning through the simulation: adaptive re-plans around queues, searches shared by
// flows that ask the same question, and consignments waiting for a route.
#include <gtest/gtest.h>

#include <algorithm>

#include "sim/logistics/simulate.hpp"
#include "tests/logistics/worlds.hpp"

namespace corridor::support {
namespace {

TEST(RoutePlanner, AdaptiveRoutesGoRoundAQueueThatShortestOnesJoin) {
    // Empty, B1 is quicker; at one truck an hour B1's queue grows without end. Adaptive
    // consignments re-plan at X knowing the queues (each waiting truck adds 2 h to B1).
    const auto w = two_borders_world();
    auto run = [&](logistics::RoutingPolicy policy, double per_day) {
        auto sc = scenario_on(w, 20);
        auto f = flow(w, "S", "D", per_day);
        f.policy = policy;
        sc.flows.push_back(f);
        return logistics::simulate(w.network, sc, {});
    };
    const auto shortest = run(logistics::RoutingPolicy::shortest, 24);
    const auto adaptive = run(logistics::RoutingPolicy::adaptive, 24);
    EXPECT_EQ(resource(shortest, "border B2 in").served, 0U);
    EXPECT_GT(resource(shortest, "border B1 in").wait_mean_h.count(), 24.0); // 20 days of a growing queue
    EXPECT_GT(resource(adaptive, "border B2 in").served, 100U);
    EXPECT_GT(resource(adaptive, "border B1 in").served, 100U);
    EXPECT_LT(resource(adaptive, "border B1 in").wait_mean_h.count(), 12.0);
    EXPECT_LT(adaptive.flows[0].transit_mean_h, shortest.flows[0].transit_mean_h / 2);
    // Where no queue forms, adaptive consignments take the plan's route: all through B1.
    const auto light = run(logistics::RoutingPolicy::adaptive, 2);
    EXPECT_GT(resource(light, "border B1 in").served, 30U);
    EXPECT_EQ(resource(light, "border B2 in").served, 0U);
}

TEST(RoutePlanner, FlowsAskingTheSameRouteShareOneSearchPerNetworkState) {
    // Three network states with arrivals in each: AB closed on days 10-20, BN opens on day 20.
    const auto w = detour_world();
    auto sc = scenario_on(w, 30);
    sc.disruptions.push_back(closure_of(w, "AB", 10, 20));
    auto one = flow(w, "A", "B", 6);
    one.name = "one";
    auto two = one;
    two.name = "two";
    auto cheapest = one;
    cheapest.name = "cheapest";
    cheapest.metric = network::Metric::cost;
    sc.flows = {one, cheapest};
    const auto alone = logistics::simulate(w.network, sc, {});
    sc.flows = {one, two, cheapest};
    const auto shared = logistics::simulate(w.network, sc, {});
    // Two questions (by time, by cost) in three states, whether one flow or two ask by time.
    EXPECT_EQ(alone.route_searches, 6U);
    EXPECT_EQ(shared.route_searches, 6U);
    EXPECT_GT(shared.flows[1].delivered, 100U);
}

TEST(RoutePlanner, ATrainLoadReplansWithOneSearchWhileNothingChanges) {
    // A block of 10 containers a day fills one train from S; at X each container's crane
    // finishes in the same second and re-plans with the queues, closures and day unchanged:
    // one search per train, not per container.
    const auto w = two_borders_world();
    auto sc = scenario_on(w, 10.5);
    auto f = flow(w, "S", "D", 10);
    f.policy = logistics::RoutingPolicy::adaptive;
    f.arrival = logistics::ArrivalProcess::fixed_interval;
    f.batch_units = core::Units{10};
    sc.flows.push_back(f);
    const auto r = logistics::simulate(w.network, sc, {});
    // Trains leave at 24 h, 48 h, ... 240 h and reach X an hour later: the first route, then one
    // search at X per train (101 if each container searched).
    EXPECT_EQ(r.created, 100U);
    EXPECT_EQ(r.route_searches, 1U + 10U);
    EXPECT_GT(r.delivered, 80U);
}

TEST(RoutePlanner, ConsignmentsWithNoRouteGoWhenAPlannedLinkOpens) {
    // From P, Q is reached only by the planned PQ (2 h, opens on day 10): what is sent before then
    // has no route, waits at P, and sets off at 00:00 of the opening day; what is sent later goes
    // at once.
    const auto w = WorldBuilder{}
                       .node("P", "X", 0, 0)
                       .node("Q", "X", 0, 1)
                       .link("PQ", "P", "Q", network::Mode::road, 100, 50, {.both_ways = false, .opens = "2025-01-11"})
                       .link("QP", "Q", "P", network::Mode::road, 100, 50, {.both_ways = false})
                       .build();
    auto sc = scenario_on(w, 20);
    sc.flows.push_back(flow(w, "P", "Q", 5));
    const auto r = logistics::simulate(w.network, sc, {});
    const auto opening = core::at_hours(24 * 10);
    const auto ride = core::to_ticks(core::Hours{2.0});
    const auto waiting = static_cast<std::size_t>(logistics::TimeUse::waiting);
    std::size_t early = 0, late = 0;
    for (const auto& s : r.shipments) {
        ASSERT_TRUE(s.delivered.has_value() || s.created + ride > core::at_hours(24 * 20)) << "shipment " << s.id.index();
        if (!s.delivered) continue;
        if (s.created < opening) {
            ++early;
            EXPECT_EQ(*s.delivered, opening + ride) << "shipment " << s.id.index();
            EXPECT_EQ(s.seconds[waiting], (opening - s.created).count()) << "it waited at its origin for a route";
        } else {
            ++late;
            EXPECT_EQ(*s.delivered, s.created + ride) << "shipment " << s.id.index();
        }
    }
    EXPECT_GT(early, 25U);
    EXPECT_GT(late, 25U);
    EXPECT_EQ(r.created, r.delivered + r.in_system);
}

// A flow kept out of country Y never goes through B (in Y), however the network changes: when
// its own way A-D-C is closed for days 5 to 10, its consignments wait for it rather than take
// the short way through B that an unconstrained flow takes all along.
TEST(RoutePlanner, AConstrainedFlowKeepsOutOfItsCountriesThroughClosures) {
    const auto w = WorldBuilder{}
                       .node("A", "X", 0, 0)
                       .node("B", "Y", 0, 1)
                       .node("C", "X", 0, 2)
                       .node("D", "X", 1, 1)
                       .link("AB", "A", "B", network::Mode::road, 100, 50)
                       .link("BC", "B", "C", network::Mode::road, 100, 50)
                       .link("AD", "A", "D", network::Mode::road, 200, 50)
                       .link("DC", "D", "C", network::Mode::road, 200, 50)
                       .build();
    auto sc = scenario_on(w, 20);
    auto kept_out = flow(w, "A", "C", 5);
    kept_out.name = "kept_out";
    kept_out.constraints.avoid_countries = {"Y"};
    auto free = flow(w, "A", "C", 5);
    free.name = "free";
    sc.flows = {kept_out, free};
    sc.disruptions.push_back(closure_of(w, "AD", 5, 10));
    const auto r = logistics::simulate(w.network, sc, {});
    const auto ab = w.link("AB");
    std::size_t waited = 0;
    for (const auto& s : r.shipments) {
        const auto& links = r.routes[s.route];
        const bool through_b = std::find(links.begin(), links.end(), ab) != links.end();
        EXPECT_EQ(through_b, s.flow == core::FlowId{1}) << "shipment " << s.id.index();
        if (s.flow == core::FlowId{0} && s.created > core::at_hours(24 * 5) && s.created < core::at_hours(24 * 9)) {
            ASSERT_TRUE(s.delivered.has_value());
            EXPECT_GE(*s.delivered, core::at_hours(24 * 10)) << "it waited for the closure to end";
            ++waited;
        }
    }
    EXPECT_GT(waited, 10U);
    EXPECT_EQ(r.created, r.delivered + r.in_system);
}

} // namespace
} // namespace corridor::support
