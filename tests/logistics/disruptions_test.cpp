// Disruptions and openings through the simulation: closures and deratings in force together,
// fixed routes held while adaptive ones go round, planned links from their opening day.
#include <gtest/gtest.h>

#include "sim/logistics/simulate.hpp"
#include "tests/logistics/worlds.hpp"

namespace corridor::support {
namespace {

TEST(Disruptions, OverlappingDisruptionsOfALinkMultiplySoAClosureHoldsUntilItEnds) {
    // AB (2 h) is closed on days 10-20 and derated on days 5-15: the derating's end must not
    // reopen it. Trucks that reach it while closed all enter at the closure's end.
    const auto w = detour_world();
    auto sc = scenario_on(w, 30);
    sc.disruptions.push_back(closure_of(w, "AB", 10, 20));
    auto half = closure_of(w, "AB", 5, 15);
    half.capacity_factor = 0.5;
    sc.disruptions.push_back(half);
    auto fixed = flow(w, "A", "B", 6);
    fixed.policy = logistics::RoutingPolicy::fixed;
    fixed.fixed_route = {w.link("AB")};
    sc.flows = {fixed};
    const auto r = logistics::simulate(w.network, sc, {});
    const auto ride = core::to_ticks(core::Hours{2.0});
    const auto closes = core::at_hours(24 * 10);
    const auto reopens = core::at_hours(24 * 20);
    std::size_t held = 0;
    for (const auto& s : r.shipments) {
        ASSERT_TRUE(s.delivered.has_value()) << "shipment " << s.id.index();
        EXPECT_FALSE(*s.delivered > closes + ride && *s.delivered < reopens + ride)
            << "shipment " << s.id.index() << " rode AB while it was closed";
        if (s.created >= closes && s.created < reopens) {
            ++held;
            EXPECT_EQ(*s.delivered, reopens + ride) << "shipment " << s.id.index();
        }
    }
    EXPECT_GT(held, 40U);
}

TEST(Disruptions, AClosureStopsFixedRoutesWhileAdaptiveOnesGoRound) {
    const auto w = detour_world();
    auto sc = scenario_on(w, 40);
    sc.disruptions.push_back(closure_of(w, "AB", 10, 20));
    auto fixed = flow(w, "A", "B", 6);
    fixed.name = "fixed";
    fixed.policy = logistics::RoutingPolicy::fixed;
    fixed.fixed_route = {w.link("AB")};
    auto adaptive = flow(w, "A", "B", 6);
    adaptive.name = "adaptive";
    adaptive.policy = logistics::RoutingPolicy::adaptive;
    sc.flows = {fixed, adaptive};
    const auto r = logistics::simulate(w.network, sc, {});
    const auto disruption = static_cast<std::size_t>(logistics::TimeUse::disruption);
    EXPECT_GT(r.flows[0].mean_hours[disruption].count(), 1.0);
    EXPECT_EQ(r.flows[1].mean_hours[disruption].count(), 0.0);
    bool detoured = false;
    for (const auto& s : r.shipments) {
        if (s.flow == core::FlowId{1} && r.routes[s.route].size() == 2) detoured = true;
    }
    EXPECT_TRUE(detoured);
}

// Border B1 closed on days 10-20.
logistics::Disruption closure_of_b1(const World& w) {
    auto d = closure_of(w, "XB1", 10, 20);
    d.target = w.node("B1");
    return d;
}

TEST(Disruptions, AClosedNodeIsRoutedAroundAsAClosedLinkIs) {
    const auto w = two_borders_world();
    auto sc = scenario_on(w, 30);
    sc.disruptions.push_back(closure_of_b1(w));
    sc.flows = {flow(w, "X", "D", 12)}; // by the shortest time: B1 (2.4 h) when open, else B2 (5 h)
    const auto r = logistics::simulate(w.network, sc, {});
    const auto disruption = static_cast<std::size_t>(logistics::TimeUse::disruption);
    std::size_t during = 0;
    for (const auto& s : r.shipments) {
        const bool in_closure = s.created > core::at_hours(24 * 10) && s.created < core::at_hours(24 * 20 - 1);
        const auto first = r.routes[s.route].front();
        if (in_closure) {
            ++during;
            EXPECT_EQ(first, w.link("XB2")) << "shipment " << s.id.index() << " was sent to the closed border";
            EXPECT_EQ(s.seconds[disruption], 0) << "shipment " << s.id.index();
        } else if (s.created < core::at_hours(24 * 10 - 1) || s.created > core::at_hours(24 * 20)) {
            EXPECT_EQ(first, w.link("XB1")) << "shipment " << s.id.index();
        }
    }
    EXPECT_GT(during, 100U);
}

TEST(Disruptions, VehiclesHeldAtAClosedNodeAreItsQueueUntilItReopens) {
    const auto w = two_borders_world();
    auto sc = scenario_on(w, 30);
    sc.disruptions.push_back(closure_of_b1(w));
    auto fixed = flow(w, "X", "D", 8);
    fixed.policy = logistics::RoutingPolicy::fixed;
    fixed.fixed_route = {w.link("XB1"), w.link("B1D")};
    fixed.arrival = logistics::ArrivalProcess::fixed_interval; // a truck every 3 h; the lane takes 2 h
    sc.flows = {fixed};
    const auto r = logistics::simulate(w.network, sc, {});
    std::size_t pool = r.resources.size();
    for (std::size_t i = 0; i < r.resources.size(); ++i) {
        if (r.resources[i].key() == "border B1 in") pool = i;
    }
    ASSERT_LT(pool, r.resources.size());
    const auto queue_at_end_of = [&](std::uint32_t day) { return r.daily[day - 1].queue[pool]; };
    EXPECT_EQ(queue_at_end_of(10), 0.0);
    EXPECT_EQ(queue_at_end_of(11), 8.0) << "a day of trucks held at the closed border";
    EXPECT_EQ(queue_at_end_of(19), 72.0);
    EXPECT_EQ(r.resources[pool].queue_max, 80.0) << "the ten days' trucks when it reopens";
    // Reopened, the lane serves 12 a day while 8 arrive: the backlog drains by 4 a day.
    EXPECT_LT(queue_at_end_of(25), queue_at_end_of(21));
    EXPECT_LT(queue_at_end_of(21), 80.0);
    EXPECT_GT(r.resources[pool].queue_mean, 20.0);
}

TEST(Disruptions, APlannedLinkIsUsedFromItsOpeningDate) {
    const auto w = detour_world();
    auto sc = scenario_on(w, 40);
    sc.flows.push_back(flow(w, "A", "N", 4));
    const auto r = logistics::simulate(w.network, sc, {});
    const auto opening = core::at_hours(24 * 20);
    std::size_t before_long = 0, after_short = 0, before = 0, after = 0;
    for (const auto& s : r.shipments) {
        const auto hops = r.routes[s.route].size();
        if (s.created < opening) {
            ++before;
            before_long += hops == 1; // AN directly (500 km)
        } else {
            ++after;
            after_short += hops == 2; // AB then the new BN
        }
    }
    EXPECT_EQ(before_long, before);
    EXPECT_EQ(after_short, after);
    EXPECT_GT(after, 0U);
}

TEST(Disruptions, AFixedRouteOverAPlannedLinkWaitsForItsOpeningThenGoes) {
    // A to N by AB (2 h) and the planned BN (0.2 h, opens on day 20): trucks sent before the
    // opening wait at B for it, then all go on at 00:00 of the opening day.
    const auto w = detour_world();
    auto sc = scenario_on(w, 30);
    auto f = flow(w, "A", "N", 4);
    f.policy = logistics::RoutingPolicy::fixed;
    f.fixed_route = {w.link("AB"), w.link("BN")};
    sc.flows.push_back(f);
    const auto r = logistics::simulate(w.network, sc, {});
    const auto opening = core::at_hours(24 * 20);
    const auto ride = core::to_ticks(core::Hours{0.2}); // BN: 10 km at 50 km/h
    const auto disruption = static_cast<std::size_t>(logistics::TimeUse::disruption);
    std::size_t early = 0;
    for (const auto& s : r.shipments) {
        ASSERT_TRUE(s.delivered.has_value() || s.created > opening) << "shipment " << s.id.index() << " was never delivered";
        if (s.created + core::to_ticks(core::Hours{2.0}) >= opening) continue; // at B after the opening
        ++early;
        EXPECT_EQ(*s.delivered, opening + ride) << "shipment " << s.id.index();
        EXPECT_EQ(s.seconds[disruption], (opening - (s.created + core::to_ticks(core::Hours{2.0}))).count())
            << "its wait for the opening is its disruption time";
    }
    EXPECT_GT(early, 50U);
    EXPECT_EQ(r.created, r.delivered + r.in_system);
}

} // namespace
} // namespace corridor::support
