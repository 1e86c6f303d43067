// What a run records: each consignment's costs, its chain of custody, and runs that repeat
// exactly for a seed and replication.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/core/quantiles.hpp"
#include "sim/logistics/simulate.hpp"
#include "tests/logistics/worlds.hpp"

namespace corridor::support {
namespace {

TEST(Results, EachConsignmentPaysItsLinksBordersAndBerthsOnce) {
    // A train A-B-C through a border at B (fee 40), then a ferry C-D with berth fees at both
    // ports (30 and 35). Per unit: 100 km x 1.5 + 40 + 200 km x 1.0 + 30 + 50 km x 2 + 35 = 555 USD,
    // and (100 x 20 + 200 x 25 + 50 x 60) g per tonne x 10 t = 100 kg CO2e, whatever the waits.
    const auto w = WorldBuilder{}
                       .node("A", "X", 0, 0, network::NodeKind::rail_terminal)
                       .node("B", "Y", 0, 1, network::NodeKind::border)
                       .border(exponential_h(2), 1, 40)
                       .node("C", "Y", 0, 2, network::NodeKind::seaport)
                       .port(1, 4, 30)
                       .node("D", "Z", 0, 3, network::NodeKind::seaport)
                       .port(1, 4, 35)
                       .link("AB", "A", "B", network::Mode::rail, 100, 50,
                             {.capacity_per_day = 24, .cost_usd_per_unit_km = 1.5, .co2_g_per_tkm = 20})
                       .link("BC", "B", "C", network::Mode::rail, 200, 50, {.cost_usd_per_unit_km = 1.0, .co2_g_per_tkm = 25})
                       .link("CD", "C", "D", network::Mode::ferry, 50, 20, {.cost_usd_per_unit_km = 2, .co2_g_per_tkm = 60})
                       .train("line", {"AB", "BC"}, 10, {.max_wait_h = 6})
                       .vessels("ferry", {"CD"}, {{"F", 30}}, {.max_wait_h = 12})
                       .build();
    auto sc = scenario_on(w, 30);
    sc.flows.push_back(flow(w, "A", "D", 8));
    const auto r = logistics::simulate(w.network, sc, {});
    ASSERT_GT(r.flows[0].delivered, 150U);
    for (const auto& s : r.shipments) {
        if (!s.delivered) continue;
        EXPECT_DOUBLE_EQ(s.usd.value(), 555.0 * s.units.value());
        EXPECT_DOUBLE_EQ(s.kg_co2e.value(), 100.0 * s.units.value());
    }
}

// A train from A crosses the border at B (2 h) to C, where the container is craned onto a truck
// to D. One container a day from 24:00.
World train_border_truck_world() {
    return WorldBuilder{}
        .node("A", "X", 0, 0, network::NodeKind::rail_terminal)
        .node("B", "Y", 0, 0.5, network::NodeKind::border)
        .border(fixed_h(2))
        .node("C", "Y", 0, 1, network::NodeKind::rail_terminal)
        .transshipment(1, 1, 1)
        .node("D", "Y", 0, 1.5)
        .link("AB", "A", "B", network::Mode::rail, 50, 50)
        .link("BC", "B", "C", network::Mode::rail, 50, 50)
        .link("CD", "C", "D", network::Mode::road, 100, 50)
        .train("line", {"AB", "BC"}, 1)
        .build();
}

TEST(Results, ACustodyLogNamesEveryHandoverWithItsVehicle) {
    // The log of the first container, event by event.
    const auto w = train_border_truck_world();
    auto sc = scenario_on(w, 3);
    auto f = flow(w, "A", "D", 1);
    f.arrival = logistics::ArrivalProcess::fixed_interval;
    f.custody = true;
    sc.flows.push_back(f);
    const auto r = logistics::simulate(w.network, sc, {});
    std::vector<std::string> log;
    for (const auto& e : r.custody) {
        if (e.shipment != core::ShipmentId{0}) continue;
        log.push_back(std::to_string(e.at.seconds() / 3600) + " h " + w.network.node(e.node).name + " " + e.event + " " +
                      e.holder);
    }
    // 24 h created, and away on a train of one; 25 h at the border, 2 h dwell; 28 h at C; 1 h
    // setup and 1 h crane; 30 h on the truck; 32 h at D.
    EXPECT_EQ(log, (std::vector<std::string>{
                       "24 h A created A-D", "24 h A boarded line", "24 h A loaded line / train 1",
                       "27 h B cleared line / train 1", "28 h C arrived line / train 1", "30 h C transshipped C",
                       "30 h C loaded truck 1", "32 h D arrived truck 1", "32 h D delivered D"}));
}

// A consignment still aboard a train at the horizon has its time so far where it went: the
// run ends at 26:30, an hour and a half into the 2 h border check at B (reached at 25:00).
TEST(Results, TimeAboardAVehicleAtTheHorizonIsAccountedByUse) {
    const auto w = train_border_truck_world();
    auto sc = scenario_on(w, 26.5 / 24);
    auto f = flow(w, "A", "D", 1);
    f.arrival = logistics::ArrivalProcess::fixed_interval;
    sc.flows.push_back(f);
    const auto r = logistics::simulate(w.network, sc, {});
    ASSERT_EQ(r.shipments.size(), 1U);
    const auto& s = r.shipments[0];
    EXPECT_FALSE(s.delivered);
    std::array<std::int64_t, logistics::kTimeUses> expected{};
    expected[static_cast<std::size_t>(logistics::TimeUse::moving)] = 3600;
    expected[static_cast<std::size_t>(logistics::TimeUse::border)] = 5400;
    EXPECT_EQ(s.seconds, expected);
}

// Below kExactTransits deliveries a flow's quantiles are the exact type-7 quantiles of its
// consignments' transit times (no sketch error: p95 is never printed below where it is).
TEST(Results, AFlowsTransitQuantilesAreExactBelowTheBound) {
    const auto w = corridor_world();
    auto sc = scenario_on(w, 60);
    sc.flows.push_back(flow(w, "CN", "ALAT", 15));
    const auto r = logistics::simulate(w.network, sc, {});
    std::vector<double> transit;
    for (const auto& s : r.shipments) {
        if (s.delivered) transit.push_back(static_cast<double>((*s.delivered - s.created).count()) / 3600.0);
    }
    ASSERT_GT(transit.size(), 400U);
    ASSERT_EQ(transit.size(), r.flows[0].delivered);
    EXPECT_TRUE(r.flows[0].transit_quantiles_exact);
    EXPECT_EQ(r.flows[0].transit_p50_h.count(), core::quantile_in_place(transit, 0.5));
    EXPECT_EQ(r.flows[0].transit_p90_h.count(), core::quantile_in_place(transit, 0.9));
    EXPECT_EQ(r.flows[0].transit_p95_h.count(), core::quantile_in_place(transit, 0.95));
}

TEST(Results, TheSameSeedGivesTheSameRunAndReplicationsDiffer) {
    const auto w = corridor_world();
    auto sc = scenario_on(w, 30);
    sc.flows.push_back(flow(w, "CN", "ALAT", 15));
    logistics::SeaArea area;
    area.name = "caspian";
    area.months.fill({0.2, core::Hours{24}});
    sc.areas.push_back(area);
    const auto a = logistics::simulate(w.network, sc, {});
    const auto b = logistics::simulate(w.network, sc, {});
    ASSERT_EQ(a.shipments.size(), b.shipments.size());
    for (std::size_t i = 0; i < a.shipments.size(); ++i) {
        EXPECT_EQ(a.shipments[i].created, b.shipments[i].created);
        EXPECT_EQ(a.shipments[i].delivered, b.shipments[i].delivered);
        EXPECT_EQ(a.shipments[i].seconds, b.shipments[i].seconds);
    }
    EXPECT_EQ(a.events, b.events);
    logistics::RunConfig other;
    other.replication = 1;
    const auto c = logistics::simulate(w.network, sc, other);
    EXPECT_NE(a.events, c.events);
}

} // namespace
} // namespace corridor::support
