// Route legs through the simulation: free runs ridden in one event with the same times and
// costs, and links too slow for a leg to hold.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "sim/logistics/simulate.hpp"
#include "tests/logistics/worlds.hpp"

namespace corridor::support {
namespace {

// A six-station rail line A-F with block trains, a border at D (Y from X) and odd link lengths,
// so that rounding each link's time to ticks matters; `capacity` paths a day on every link (0:
// none).
World line_world(double capacity) {
    WorldBuilder b;
    const char* names[] = {"A", "B", "C", "D", "E", "F"};
    for (int i = 0; i < 6; ++i) {
        b.node(names[i], i < 3 ? "X" : "Y", 0, i, network::NodeKind::rail_terminal);
        if (i == 3) b.border(fixed_h(2));
    }
    for (int i = 0; i < 5; ++i) {
        b.link(std::string("L") + names[i] + names[i + 1], names[i], names[i + 1], network::Mode::rail, 97.3 + 11.1 * i,
               61.7, {.capacity_per_day = capacity, .cost_usd_per_unit_km = 1.13, .co2_g_per_tkm = 27.9});
    }
    return b.train("trains", {"LAB", "LBC", "LCD", "LDE", "LEF"}, 5, {.max_wait_h = 6}).build();
}

TEST(RouteLegs, FreeRunsRideInOneEventWithTheSameTimesAndCosts) {
    // Links nothing can hold a vehicle on (no path capacity) between nodes nothing can hold it at
    // are ridden in one event; with a path capacity too large to bind, every link is its own
    // event. Each consignment must arrive at the same second with the same cost and CO2e either
    // way; only the number of events differs (the border at D still stops the train).
    const auto free_world = line_world(0);
    const auto paced_world = line_world(1e9);
    auto sc = scenario_on(free_world, 30);
    sc.flows.push_back(flow(free_world, "A", "F", 12));
    const auto free = logistics::simulate(free_world.network, sc, {});
    sc.services = paced_world.services;
    const auto paced = logistics::simulate(paced_world.network, sc, {});
    ASSERT_EQ(free.shipments.size(), paced.shipments.size());
    ASSERT_GT(free.flows[0].delivered, 300U);
    for (std::size_t i = 0; i < free.shipments.size(); ++i) {
        EXPECT_EQ(free.shipments[i].delivered, paced.shipments[i].delivered) << i;
        EXPECT_EQ(free.shipments[i].seconds, paced.shipments[i].seconds) << i;
        EXPECT_EQ(free.shipments[i].usd, paced.shipments[i].usd) << i;
        EXPECT_EQ(free.shipments[i].kg_co2e, paced.shipments[i].kg_co2e) << i;
    }
    // Per train: A-D in one event instead of three, D-F in one instead of two.
    EXPECT_LT(free.events, paced.events);
}

TEST(RouteLegs, ALinkTooSlowToRideInALifetimeIsAnErrorNamingIt) {
    // A leg keeps each link's riding time in 32-bit seconds (68 years); a model that asks for
    // more (here 1,000 km at 1 m/h: 114 years) is refused by name, not silently wrapped.
    const auto w = WorldBuilder{}
                       .node("A", "X", 0, 0)
                       .node("B", "X", 0, 1)
                       .link("AB", "A", "B", network::Mode::road, 1000, 0.001)
                       .build();
    auto sc = scenario_on(w, 2);
    sc.flows.push_back(flow(w, "A", "B", 5));
    try {
        (void)logistics::simulate(w.network, sc, {});
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("link 'AB' takes 1000000.000000 h to ride: more than the 68 years a leg can hold"),
                  std::string::npos)
            << e.what();
    }
}

} // namespace
} // namespace corridor::support
