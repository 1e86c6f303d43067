// The vessel fleet through the simulation: closures and deratings of vessels and services,
// timetables, slots per unit, vessels that sail back empty, and batches split across sailings.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "sim/logistics/simulate.hpp"
#include "tests/logistics/worlds.hpp"

namespace corridor::support {
namespace {

// The largest number of consignments delivered at one moment: a train's or a sailing's load.
std::size_t largest_load(const logistics::RunResult& r) {
    std::map<std::int64_t, std::size_t> at;
    std::size_t most = 0;
    for (const auto& s : r.shipments) {
        if (s.delivered) most = std::max(most, ++at[s.delivered->seconds()]);
    }
    return most;
}

TEST(VesselFleet, AVesselOutOfServiceCarriesNothing) {
    const auto w = corridor_world();
    auto sc = scenario_on(w, 60);
    sc.flows.push_back(flow(w, "AKT", "ALAT", 10));
    const auto normal = logistics::simulate(w.network, sc, {});
    logistics::Disruption dock;
    dock.target = core::VesselId{0}; // F1, the only ferry
    dock.from = core::SimTime{};
    dock.until = core::at_hours(24 * 30);
    sc.disruptions.push_back(dock);
    const auto docked = logistics::simulate(w.network, sc, {});
    for (const auto& s : docked.shipments) {
        if (s.delivered) {
            EXPECT_GE(*s.delivered, dock.until);
        }
    }
    EXPECT_LT(docked.flows[0].delivered, normal.flows[0].delivered);
    EXPECT_GT(docked.flows[0].delivered, 0U); // it sails again after the 30 days
}

TEST(VesselFleet, ADeratedVesselOrServiceLoadsThatShareOfItsCapacity) {
    // The ferry takes 40 x 0.75 = 30 units; the kz trains 20. Demand keeps both full.
    const auto w = corridor_world();
    auto sc = scenario_on(w, 30);
    sc.flows.push_back(flow(w, "AKT", "ALAT", 60));
    sc.flows.push_back(flow(w, "DOS", "AKT", 60));
    ASSERT_EQ(largest_load(logistics::simulate(w.network, sc, {})), 30U);
    auto ferry = sc;
    ferry.flows.pop_back();
    auto trains = sc;
    trains.flows.erase(trains.flows.begin());
    EXPECT_EQ(largest_load(logistics::simulate(w.network, trains, {})), 20U);

    auto vessel = ferry;
    vessel.disruptions.push_back(derating(core::VesselId{0}, 0.5)); // F1
    EXPECT_EQ(largest_load(logistics::simulate(w.network, vessel, {})), 15U);
    auto service = ferry;
    service.disruptions.push_back(derating(core::ServiceId{1}, 0.4)); // ferries
    EXPECT_EQ(largest_load(logistics::simulate(w.network, service, {})), 12U);
    auto both = ferry; // several in force multiply: 30 x 0.5 x 0.4
    both.disruptions.push_back(derating(core::VesselId{0}, 0.5));
    both.disruptions.push_back(derating(core::ServiceId{1}, 0.4));
    EXPECT_EQ(largest_load(logistics::simulate(w.network, both, {})), 6U);
    trains.disruptions.push_back(derating(core::ServiceId{0}, 0.25)); // kz
    EXPECT_EQ(largest_load(logistics::simulate(w.network, trains, {})), 5U);
}

TEST(VesselFleet, ATimetabledVesselSailsAtItsHoursWithWhatItHas) {
    // One ferry, never full, sails at 06:00 every day: loading 1 h (half a 2 h call), crossing
    // 2 h, unloading 1 h, so every consignment is delivered at 10:00, one sailing a day.
    const auto w = WorldBuilder{}
                       .node("P1", "X", 0, 0, network::NodeKind::seaport)
                       .port(1, 2)
                       .node("P2", "X", 0, 0.4, network::NodeKind::seaport)
                       .port(1, 2)
                       .link("P1P2", "P1", "P2", network::Mode::ferry, 44, 22)
                       .vessels("ferry", {"P1P2"}, {{"F", 1000}}, {.when_full = false, .every_h = 24, .offset_h = 6})
                       .build();
    auto sc = scenario_on(w, 30);
    sc.flows.push_back(flow(w, "P1", "P2", 4));
    const auto r = logistics::simulate(w.network, sc, {});
    ASSERT_GT(r.flows[0].delivered, 90U);
    std::set<std::int64_t> days;
    for (const auto& s : r.shipments) {
        if (!s.delivered) continue;
        EXPECT_EQ(s.delivered->seconds() % 86400, 10 * 3600) << "delivered at " << s.delivered->seconds();
        days.insert(s.delivered->seconds() / 86400);
    }
    EXPECT_GE(days.size(), 28U); // a sailing nearly every day (none on a day nothing waited)
}

TEST(VesselFleet, CranesHandleAVesselByTheUnitOnTopOfItsTimePerCall) {
    // As above, but the ports' one crane moves 3 units an hour on top of the 2 h call: 3 units
    // a day take 1 + 1 h to load and to unload (delivered at 12:00), 6 units 1 + 2 h (14:00).
    const auto w = WorldBuilder{}
                       .node("P1", "X", 0, 0, network::NodeKind::seaport)
                       .port(1, 2)
                       .port_cranes(1, 3)
                       .node("P2", "X", 0, 0.4, network::NodeKind::seaport)
                       .port(1, 2)
                       .port_cranes(1, 3)
                       .link("P1P2", "P1", "P2", network::Mode::ferry, 44, 22)
                       .vessels("ferry", {"P1P2"}, {{"F", 1000}}, {.when_full = false, .every_h = 24, .offset_h = 6})
                       .build();
    for (const auto& [per_day, delivered_at_h] : {std::pair{3.0, 12}, std::pair{6.0, 14}}) {
        auto sc = scenario_on(w, 30);
        auto f = flow(w, "P1", "P2", per_day);
        f.arrival = logistics::ArrivalProcess::fixed_interval;
        sc.flows.push_back(f);
        const auto r = logistics::simulate(w.network, sc, {});
        ASSERT_GT(r.flows[0].delivered, 80U);
        for (const auto& s : r.shipments) {
            // The first sailing, day 0, takes only what came since the start.
            if (!s.delivered || s.delivered->seconds() < 86400) continue;
            EXPECT_EQ(s.delivered->seconds() % 86400, delivered_at_h * 3600) << per_day << " a day: delivered at " << s.delivered->seconds();
        }
    }
}

TEST(VesselFleet, SlotsPerUnitFillVesselsSooner) {
    // A ferry of 40 × 0.75 = 30 slots leaves when full: 30 units of one slot, or 15 of two.
    const auto w = corridor_world();
    auto sc = scenario_on(w, 60);
    sc.flows.push_back(flow(w, "AKT", "ALAT", 60));
    const auto one = logistics::simulate(w.network, sc, {});
    sc.services[1].slots_per_unit.push_back({core::CargoClassId{0}, 2.0});
    const auto two = logistics::simulate(w.network, sc, {});
    EXPECT_LT(two.flows[0].delivered, one.flows[0].delivered);
}

TEST(VesselFleet, AOneWayFleetSailsBackEmptyAndKeepsUp) {
    // Four ferries of 80 × 0.75 = 60 slots carry cargo one way, Aktau to Alat, so they must
    // come back empty; two start at each port. A round trip is 22 h laden + 10 h unloading +
    // 22 h empty + 10 h loading = 64 h, so the fleet can carry 4 × 60 / (64 / 24) = 90 units
    // a day; 75 are offered.
    const auto w = corridor_world(4, 80, 4);
    auto sc = scenario_on(w, 120);
    sc.flows.push_back(flow(w, "AKT", "ALAT", 75));
    const auto r = logistics::simulate(w.network, sc, {});
    const auto& f = r.flows[0];
    EXPECT_EQ(f.created, f.delivered + f.in_system);
    // Kept up: a crossing with handling at both ends is 42 h, so by Little's law some 130 units
    // are in the system at any time; a growing backlog would add days to each wait.
    EXPECT_LT(f.transit_mean_h.count(), 60.0);
    EXPECT_LT(f.in_system, 3U * 75U);
    // The fleet works about 75 / 90 of its time, less the slack in the 64 h estimate. (Idle
    // vessels are taken in fleet order, so the share of each vessel is not asserted.)
    double busy = 0;
    for (const char* name : {"vessel F1", "vessel F2", "vessel F3", "vessel F4"}) busy += resource(r, name).utilisation;
    EXPECT_GT(busy, 4 * 0.6);
}

TEST(VesselFleet, NoVesselSailsEmptyForCargoAnotherAlreadyCovers) {
    // Four ferries of 30 slots; F1 and F3 start at Aktau, F2 and F4 at Alat. At 3 units a day (a
    // departure at least every 24 h by max_wait) the cargo waiting at Aktau never nears one
    // vessel's 30 slots, so one vessel on its way covers it: F4, last in fleet order, is never
    // needed and must never sail empty.
    const auto w = corridor_world(4, 40, 4);
    auto sc = scenario_on(w, 120);
    sc.flows.push_back(flow(w, "AKT", "ALAT", 3));
    const auto r = logistics::simulate(w.network, sc, {});
    EXPECT_EQ(r.flows[0].created, r.flows[0].delivered + r.flows[0].in_system);
    EXPECT_GT(r.flows[0].delivered, 300U);
    EXPECT_EQ(resource(r, "vessel F4").utilisation, 0.0);
    EXPECT_GT(resource(r, "vessel F1").utilisation, 0.0);
    EXPECT_GT(resource(r, "vessel F2").utilisation, 0.0);
}

TEST(VesselFleet, ABlockTrainBatchIsSplitAcrossSailings) {
    // One ferry of 40 × 0.75 = 30 slots; a single batch of 45 units arrives at Aktau on day 20.
    // The batch is 45 one-unit consignments with one route: the ferry sails full with 30 and
    // comes back for the other 15 (it never sails overloaded with all 45 as one lot).
    const auto w = corridor_world();
    auto sc = scenario_on(w, 30);
    auto f = flow(w, "AKT", "ALAT", 45.0 / 20.0);
    f.batch_units = core::Units{45};
    f.arrival = logistics::ArrivalProcess::fixed_interval;
    sc.flows.push_back(f);
    const auto r = logistics::simulate(w.network, sc, {});
    EXPECT_EQ(r.flows[0].created, 45U);
    EXPECT_EQ(r.flows[0].delivered, 45U);
    std::map<std::int64_t, int> by_delivery;
    for (const auto& s : r.shipments) {
        EXPECT_EQ(s.units.value(), 1.0);
        EXPECT_EQ(s.created, core::SimTime{} + core::to_ticks(core::Hours{24.0 * 20}));
        ASSERT_TRUE(s.delivered.has_value());
        ++by_delivery[s.delivered->seconds()];
    }
    ASSERT_EQ(by_delivery.size(), 2U);
    EXPECT_EQ(by_delivery.begin()->second, 30);
    EXPECT_EQ(by_delivery.rbegin()->second, 15);
}

} // namespace
} // namespace corridor::support
