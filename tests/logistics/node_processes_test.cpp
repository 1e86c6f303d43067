// Node processes through the simulation: border lanes as server pools (queueing theory's
// answers), opening hours, deratings of a node, and gauge breaks' transshipment.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "sim/logistics/simulate.hpp"
#include "tests/logistics/worlds.hpp"

namespace corridor::support {
namespace {

TEST(Borders, OneLaneMatchesMM1) {
    // λ = 0.5/h, μ = 1/h: ρ = 0.5 and the mean wait in queue Wq = ρ / (μ − λ) = 1 h.
    const auto w = border_world(1);
    auto sc = scenario_on(w, 2000);
    sc.warmup = core::to_ticks(core::Hours{24.0 * 20});
    sc.flows.push_back(flow(w, "A", "C", 12));
    const auto ci = over_replications(w, sc, 8, [](const logistics::RunResult& r) { return resource(r, "border B in").wait_mean_h; });
    EXPECT_NEAR(ci.mean, 1.0, std::max(ci.half_width, 0.05)) << "half-width " << ci.half_width;
}

TEST(Borders, ThreeLanesMatchErlangC) {
    // M/M/3 with λ = 2/h, μ = 1/h: a = 2, ρ = 2/3. Erlang C gives P(wait) = 4/9, so
    // Wq = P(wait) / (cμ − λ) = (4/9) / 1 h.
    const auto w = border_world(3);
    auto sc = scenario_on(w, 1000);
    sc.warmup = core::to_ticks(core::Hours{24.0 * 20});
    sc.flows.push_back(flow(w, "A", "C", 48));
    const double a = 2, c = 3;
    double sum = 0;
    for (int k = 0; k < 3; ++k) sum += std::pow(a, k) / std::tgamma(k + 1);
    const double top = std::pow(a, c) / std::tgamma(c + 1) * c / (c - a);
    const double wq = top / (sum + top) / (c * 1.0 - 2.0);
    const auto ci = over_replications(w, sc, 8, [](const logistics::RunResult& r) { return resource(r, "border B in").wait_mean_h; });
    EXPECT_NEAR(ci.mean, wq, std::max(ci.half_width, 0.03)) << "Erlang C Wq " << wq;
    const auto util = over_replications(w, sc, 4, [](const logistics::RunResult& r) { return resource(r, "border B in").utilisation; });
    EXPECT_NEAR(util.mean, 2.0 / 3.0, std::max(util.half_width, 0.01));
}

TEST(Borders, StartCrossingsOnlyWithinTheirOpeningHours) {
    // A truck every 12 h from t = 12 h reaches the border 0.2 h later: at 12:12 and at 00:12 of
    // each day. Open 08:00-20:00, the 12:12 trucks cross at once and the 00:12 ones wait 7.8 h
    // for 08:00; open 20:00-08:00 (overnight) it is the other way round. Dwell is 1 h exactly.
    for (const auto& [hours, wait_at_noon] : {std::pair{std::pair{8.0, 20.0}, false}, std::pair{std::pair{20.0, 8.0}, true}}) {
        const auto w = one_hour_border_world(hours);
        const auto r = logistics::simulate(w.network, trucks_every_12_hours(w, 10), {});
        // 19 trucks reach the border within the 10 days: 10 at 12:12 (days 1-10), 9 at 00:12.
        const auto& border = resource(r, "border B in");
        ASSERT_EQ(border.served, 19U) << hours.first;
        const double waits = wait_at_noon ? 10 * 7.8 : 9 * 7.8;
        EXPECT_NEAR(border.wait_mean_h.count(), waits / 19, 1e-9) << hours.first;
        int waited = 0;
        ASSERT_EQ(r.shipments.size(), 20U); // the last, created at the horizon, still at its origin
        for (const auto& s : r.shipments) {
            if (!s.delivered) continue;
            const auto at_border = s.seconds[static_cast<std::size_t>(logistics::TimeUse::border)];
            const bool noon = (s.created.seconds() / 3600) % 24 == 12;
            EXPECT_EQ(at_border, noon == wait_at_noon ? 3600 + 28080 : 3600) << hours.first << " created " << s.created.seconds();
            waited += at_border > 3600 ? 1 : 0;
        }
        EXPECT_EQ(waited, wait_at_noon ? 10 : 9) << hours.first;
    }
}

// A border that inspects hazardous cargo adds its inspection to the dwell of the vehicles that
// carry it, and to nothing else: trucks of fuel (class 3) take 1 + 2 h, of containers 1 h.
TEST(Borders, HazardousCargoIsInspectedForItsExtraTime) {
    const auto w = WorldBuilder{}
                       .cargo("container", "teu", 10)
                       .cargo("fuel", "teu", 20)
                       .hazard_class(3)
                       .node("A", "X", 0, 0)
                       .node("B", "Y", 0, 0.1, network::NodeKind::border)
                       .border(fixed_h(1), 10)
                       .hazardous_inspection(fixed_h(2))
                       .node("C", "Y", 0, 0.2)
                       .link("AB", "A", "B", network::Mode::road, 10, 50)
                       .link("BC", "B", "C", network::Mode::road, 10, 50)
                       .build();
    auto sc = scenario_on(w, 20);
    auto containers = flow(w, "A", "C", 4);
    auto fuel = flow(w, "A", "C", 4);
    fuel.cargo = *w.network.find_cargo_class("fuel");
    containers.arrival = fuel.arrival = logistics::ArrivalProcess::fixed_interval;
    sc.flows = {containers, fuel};
    const auto r = logistics::simulate(w.network, sc, {});
    const auto border = static_cast<std::size_t>(logistics::TimeUse::border);
    ASSERT_GT(r.flows[1].delivered, 70U);
    EXPECT_DOUBLE_EQ(r.flows[0].mean_hours[border].count(), 1.0);
    EXPECT_DOUBLE_EQ(r.flows[1].mean_hours[border].count(), 3.0);
}

TEST(Borders, ADeratedNodeWorksSlowerWhileTheDeratingLasts) {
    // Trucks reach the border at 12:12 and 00:12 (a truck every 12 h, 0.2 h away); the dwell is
    // 1 h, and 2 h while the node is derated to half from day 2 to day 5 (48 h to 120 h): the
    // trucks that reach it at 48.2, 60.2, ... 108.2 h.
    const auto w = one_hour_border_world();
    auto sc = trucks_every_12_hours(w, 10);
    auto slow = derating(w.node("B"), 0.5);
    slow.from = core::at_hours(48);
    slow.until = core::at_hours(120);
    sc.disruptions.push_back(slow);
    const auto r = logistics::simulate(w.network, sc, {});
    int derated = 0;
    for (const auto& s : r.shipments) {
        if (!s.delivered) continue;
        const auto reaches_h = static_cast<double>(s.created.seconds()) / 3600 + 0.2;
        const bool during = reaches_h >= 48 && reaches_h < 120;
        EXPECT_EQ(s.seconds[static_cast<std::size_t>(logistics::TimeUse::border)], during ? 7200 : 3600)
            << "created at " << s.created.seconds() << " s";
        derated += during ? 1 : 0;
    }
    EXPECT_EQ(derated, 6);
}

TEST(Transshipment, AGaugeBreakLiftsEveryUnitAndCountsBalance) {
    const auto w = corridor_world();
    auto sc = scenario_on(w, 60);
    sc.flows.push_back(flow(w, "CN", "ALAT", 15));
    const auto r = logistics::simulate(w.network, sc, {});
    const auto& f = r.flows[0];
    ASSERT_GT(f.delivered, 100U);
    EXPECT_EQ(f.created, f.delivered + f.in_system);
    EXPECT_EQ(r.created, r.delivered + r.in_system);
    // Every delivered unit was lifted at Dostyk: setup 2 h + 0.1 h of crane time at least.
    EXPECT_GE(f.mean_hours[static_cast<std::size_t>(logistics::TimeUse::transshipment)].count(), 2.1 - 1e-9);
    EXPECT_GT(resource(r, "cranes DOS").served, f.delivered - 1);
    // Each consignment's time by use sums to its time in the system.
    const core::SimTime end = core::SimTime{} + sc.horizon;
    for (const auto& s : r.shipments) {
        const auto total = std::accumulate(s.seconds.begin(), s.seconds.end(), std::int64_t{0});
        EXPECT_EQ(total, ((s.delivered ? *s.delivered : end) - s.created).count());
    }
}

// Trains of 20 TEU reach port P at 02:00 and 14:00 (two block trains a day); a vessel takes
// whatever waits there at 12:00 each day. A yard of room for 30 TEU holds one trainload: the
// 02:00 train cannot unload beside the 14:00 one's 20 TEU until the vessel clears the yard, so
// trains wait, the port's throughput falls to a trainload a day, and the waiting time is port
// time. With room for 1,000 TEU no train waits.
World yard_world(std::uint32_t yard_teu) {
    return WorldBuilder{}
        .node("A", "X", 0, 0, network::NodeKind::rail_terminal)
        .node("P", "X", 0, 1, network::NodeKind::seaport)
        .port(1, 2)
        .yard("teu", yard_teu)
        .node("Q", "X", 0, 1.4, network::NodeKind::seaport)
        .port(1, 2)
        .link("AP", "A", "P", network::Mode::rail, 100, 50)
        .link("PQ", "P", "Q", network::Mode::ferry, 44, 22)
        .train("line", {"AP"}, 20)
        .vessels("ferry", {"PQ"}, {{"F", 1000}}, {.when_full = false, .every_h = 24, .offset_h = 12})
        .build();
}

logistics::RunResult run_yard_world(const World& w) {
    auto sc = scenario_on(w, 40);
    auto f = flow(w, "A", "Q", 40);
    f.arrival = logistics::ArrivalProcess::fixed_interval;
    f.batch_units = core::Units{20};
    sc.flows.push_back(f);
    return logistics::simulate(w.network, sc, {});
}

TEST(Yards, TrainsWaitToUnloadUntilThePortsYardHasRoom) {
    const auto roomy = run_yard_world(yard_world(1000));
    const auto& big = resource(roomy, "yard P teu");
    EXPECT_EQ(big.kind, "yard");
    EXPECT_EQ(big.capacity, 1000);
    EXPECT_EQ(big.capacity_unit, "teu");
    EXPECT_EQ(big.served_unit, "vehicles");
    EXPECT_EQ(big.queue_max, 0);
    EXPECT_EQ(big.wait_mean_h.count(), 0);
    EXPECT_GE(big.served, 78U); // every train: two a day for 40 days
    const auto tight = run_yard_world(yard_world(30));
    const auto& small = resource(tight, "yard P teu");
    EXPECT_EQ(small.capacity, 30);
    EXPECT_GE(small.queue_max, 2); // the backlog of trains grows: two come a day, one unloads
    EXPECT_GT(small.wait_mean_h.count(), 10);
    EXPECT_LE(small.utilisation, 1.0);
    EXPECT_GT(small.utilisation, 0.5);
    const auto port = static_cast<std::size_t>(logistics::TimeUse::port);
    EXPECT_GT(tight.flows[0].mean_hours[port].count(), roomy.flows[0].mean_hours[port].count() + 10);
    // A trainload a day gets through (20 TEU), not two.
    EXPECT_NEAR(tight.flows[0].throughput_units_per_day.value(), 20, 1);
    EXPECT_NEAR(roomy.flows[0].throughput_units_per_day.value(), 40, 2);
    EXPECT_EQ(tight.flows[0].created, tight.flows[0].delivered + tight.flows[0].in_system);
}

} // namespace
} // namespace corridor::support
