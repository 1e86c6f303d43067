#include "sim/logistics/simulate.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "sim/core/confidence.hpp"
#include "sim/logistics/weather.hpp"
#include "sim/scenario/model_loader.hpp"
#include "tests/support/seed.hpp"

using namespace corridor;
using logistics::Scenario;

namespace {

struct World {
    network::Network network;
    std::vector<logistics::ServiceSpec> services;
};

World world(const std::string& yaml) {
    auto model = scenario::load_model_text(yaml, "inline.yaml");
    return {network::Network::build(model.spec), model.services};
}

Scenario base(const World& w, double days) {
    Scenario sc;
    sc.name = "test";
    sc.start_date = *network::parse_date("2025-01-01");
    sc.horizon = core::to_ticks(core::Hours{24.0 * days});
    sc.seed = support::test_seed();
    sc.services = w.services;
    return sc;
}

logistics::Flow flow(const World& w, const char* from, const char* to, double units_per_day) {
    logistics::Flow f;
    f.name = std::string(from) + "-" + to;
    f.origin = *w.network.find_node(from);
    f.destination = *w.network.find_node(to);
    f.cargo = core::CargoClassId{0};
    f.units_per_day = core::UnitsPerDay{units_per_day};
    return f;
}

const logistics::ResourceResult& resource(const logistics::RunResult& r, const std::string& name) {
    for (const auto& x : r.resources) {
        if (x.name == name) return x;
    }
    throw std::runtime_error("no resource " + name);
}

// Mean over replications of a statistic, with its 99.9% Student-t half-width.
template <class Get>
core::ConfidenceInterval over_replications(const World& w, const Scenario& sc, int replications, Get get) {
    core::RunningStats stats;
    for (int rep = 0; rep < replications; ++rep) {
        logistics::RunConfig cfg;
        cfg.replication = static_cast<std::uint32_t>(rep);
        cfg.keep_shipments = false;
        stats.add(core::magnitude(get(logistics::simulate(w.network, sc, cfg))));
    }
    return core::mean_confidence_interval(stats, 0.999);
}

const char* kHeader = R"(
name: test
cargo_classes:
  - {id: container, unit: teu, tonnes_per_unit: 10, assumption: t}
)";

// Trucks from A cross a border at B (servers and dwell set per test) to C.
std::string border_model(int servers) {
    return std::string(kHeader) + R"(
nodes:
  - {id: A, country: X, kind: city, lat: 0, lon: 0, assumption: t}
  - {id: B, country: Y, kind: border, lat: 0, lon: 0.1, assumption: t,
     border: {dwell_h: {exponential: {mean_h: 1}}, servers: )" + std::to_string(servers) + R"(, assumption: t}}
  - {id: C, country: Y, kind: city, lat: 0, lon: 0.2, assumption: t}
links:
  - {id: AB, from: A, to: B, mode: road, length_km: 10, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: BC, from: B, to: C, mode: road, length_km: 10, speed_kmh: 50, bidirectional: true, assumption: t}
)";
}

// The same with a dwell of exactly 1 h and one lane, plus `extra` border keys ("key: value, ").
std::string one_hour_border_model(const std::string& extra) {
    return std::string(kHeader) + R"(
nodes:
  - {id: A, country: X, kind: city, lat: 0, lon: 0, assumption: t}
  - {id: B, country: Y, kind: border, lat: 0, lon: 0.1, assumption: t,
     border: {dwell_h: 1, )" + extra + R"(assumption: t}}
  - {id: C, country: Y, kind: city, lat: 0, lon: 0.2, assumption: t}
links:
  - {id: AB, from: A, to: B, mode: road, length_km: 10, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: BC, from: B, to: C, mode: road, length_km: 10, speed_kmh: 50, bidirectional: true, assumption: t}
)";
}

// Trucks from A to C, one every 12 h from t = 12 h: they reach the border at 12:12 and 00:12.
Scenario trucks_every_12_hours(const World& w, double days) {
    auto sc = base(w, days);
    auto f = flow(w, "A", "C", 2);
    f.arrival = logistics::ArrivalProcess::fixed_interval;
    sc.flows.push_back(f);
    return sc;
}

} // namespace

TEST(Simulate, BorderWithOneLaneMatchesMM1) {
    // λ = 0.5/h, μ = 1/h: ρ = 0.5 and the mean wait in queue Wq = ρ / (μ − λ) = 1 h.
    const auto w = world(border_model(1));
    auto sc = base(w, 2000);
    sc.warmup = core::to_ticks(core::Hours{24.0 * 20});
    sc.flows.push_back(flow(w, "A", "C", 12));
    const auto ci = over_replications(w, sc, 8, [](const logistics::RunResult& r) { return resource(r, "border B in").wait_mean_h; });
    EXPECT_NEAR(ci.mean, 1.0, std::max(ci.half_width, 0.05)) << "half-width " << ci.half_width;
}

TEST(Simulate, BorderWithThreeLanesMatchesErlangC) {
    // M/M/3 with λ = 2/h, μ = 1/h: a = 2, ρ = 2/3. Erlang C gives P(wait) = 4/9, so
    // Wq = P(wait) / (cμ − λ) = (4/9) / 1 h.
    const auto w = world(border_model(3));
    auto sc = base(w, 1000);
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

TEST(Simulate, TrainThatDepartsWhenFullWaitsAsBatchFormationPredicts) {
    // Units arrive as a Poisson stream of rate λ; a train leaves with the K-th. The i-th unit of
    // a train waits for K − i more arrivals, so the mean wait is (K − 1) / (2λ).
    const auto w = world(std::string(kHeader) + R"(
nodes:
  - {id: A, country: X, kind: rail_terminal, lat: 0, lon: 0, assumption: t}
  - {id: B, country: X, kind: rail_terminal, lat: 0, lon: 1, assumption: t}
links:
  - {id: AB, from: A, to: B, mode: rail, gauge_mm: 1520, length_km: 100, speed_kmh: 50, bidirectional: true, assumption: t}
services:
  - {id: block, kind: train, links: [AB], capacity_units: 10, depart: {when_full: true}, assumption: t}
)");
    auto sc = base(w, 200);
    sc.flows.push_back(flow(w, "A", "B", 120)); // λ = 5 per hour
    const auto ci = over_replications(w, sc, 6, [](const logistics::RunResult& r) {
        return r.flows[0].mean_hours[static_cast<std::size_t>(logistics::TimeUse::waiting)];
    });
    EXPECT_NEAR(ci.mean, 9.0 / 10.0, std::max(ci.half_width, 0.02));
    // And it rides: 2 h on the link.
    const auto r = logistics::simulate(w.network, sc, {});
    EXPECT_NEAR(r.flows[0].mean_hours[static_cast<std::size_t>(logistics::TimeUse::moving)].count(), 2.0, 1e-3);
}

TEST(Simulate, WeatherChainClosesForTheShareItsParametersImply) {
    logistics::WeatherMonth month{0.3, core::Hours{24}};
    const auto pi = logistics::stationary_distribution(month);
    EXPECT_NEAR(pi[1], 0.3, 1e-12);
    EXPECT_NEAR(pi[0], 0.7, 1e-12);
    const auto w = world(border_model(1));
    auto sc = base(w, 365);
    logistics::SeaArea area;
    area.name = "caspian";
    area.months.fill(month);
    sc.areas.push_back(area);
    const auto ci = over_replications(w, sc, 10, [](const logistics::RunResult& r) { return resource(r, "weather caspian").utilisation; });
    EXPECT_NEAR(ci.mean, 0.3, std::max(ci.half_width, 0.01));
}

namespace {
const char* kCorridor = R"(
nodes:
  - {id: CN, country: CN, kind: rail_terminal, lat: 45, lon: 80, assumption: t}
  - {id: DOS, country: KZ, kind: border, lat: 45, lon: 81, assumption: t,
     border: {dwell_h: 3, assumption: t},
     transshipment: {setup_h: 2, units_per_crane_h: 10, cranes: 2, assumption: t}}
  - {id: AKT, country: KZ, kind: seaport, lat: 44, lon: 51, assumption: t, port: {berths: 1, handling_h: 10, assumption: t}}
  - {id: ALAT, country: AZ, kind: seaport, lat: 40, lon: 49.5, assumption: t, port: {berths: 1, handling_h: 10, assumption: t}}
links:
  - {id: CN-DOS, from: CN, to: DOS, mode: rail, gauge_mm: 1435, length_km: 50, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: DOS-AKT, from: DOS, to: AKT, mode: rail, gauge_mm: 1520, length_km: 2000, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: AKT-ALAT, from: AKT, to: ALAT, mode: ferry, length_km: 440, speed_kmh: 20, bidirectional: true, assumption: t}
services:
  - {id: kz, kind: train, links: [DOS-AKT], capacity_units: 20, depart: {when_full: true, max_wait_h: 12}, assumption: t}
  - {id: ferries, kind: vessel, links: [AKT-ALAT], vessels: [{name: F1, capacity_units: 40}], load_factor: 0.75,
     depart: {when_full: true, max_wait_h: 24}, sea_area: caspian, assumption: t}
)";
} // namespace

TEST(Simulate, GaugeBreakForcesTransshipmentAndCountsBalance) {
    const auto w = world(std::string(kHeader) + kCorridor);
    auto sc = base(w, 60);
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

TEST(Simulate, StormsHoldVessels) {
    const auto w = world(std::string(kHeader) + kCorridor);
    auto calm = base(w, 90);
    calm.flows.push_back(flow(w, "AKT", "ALAT", 20));
    auto stormy = calm;
    logistics::SeaArea area;
    area.name = "caspian";
    area.months.fill({0.4, core::Hours{36}});
    stormy.areas.push_back(area);
    const auto a = logistics::simulate(w.network, calm, {});
    const auto b = logistics::simulate(w.network, stormy, {});
    const auto weather = static_cast<std::size_t>(logistics::TimeUse::weather);
    EXPECT_EQ(a.flows[0].mean_hours[weather].count(), 0.0);
    EXPECT_GT(b.flows[0].mean_hours[weather].count(), 1.0);
    EXPECT_GT(b.flows[0].transit_mean_h, a.flows[0].transit_mean_h);
}

namespace {
const char* kDetour = R"(
nodes:
  - {id: A, country: X, kind: city, lat: 0, lon: 0, assumption: t}
  - {id: B, country: X, kind: city, lat: 0, lon: 1, assumption: t}
  - {id: C, country: X, kind: city, lat: 1, lon: 0.5, assumption: t}
links:
  - {id: AB, from: A, to: B, mode: road, length_km: 100, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: AC, from: A, to: C, mode: road, length_km: 150, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: CB, from: C, to: B, mode: road, length_km: 150, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: BN, from: B, to: N, mode: road, length_km: 10, speed_kmh: 50, status: planned, opens: "2025-01-21", assumption: t}
  - {id: NB, from: N, to: B, mode: road, length_km: 10, speed_kmh: 50, assumption: t}
  - {id: AN, from: A, to: N, mode: road, length_km: 500, speed_kmh: 50, bidirectional: true, assumption: t}
)";

// kDetour with the node N that BN and AN reach.
World detour_world() {
    return world(std::string(kHeader) + std::string(kDetour).replace(std::string(kDetour).find("  - {id: C,"), 0,
                                                                       "  - {id: N, country: X, kind: city, lat: 0, lon: 2, assumption: t}\n"));
}

logistics::Disruption link_closure(const World& w, const char* link, int from_day, int until_day) {
    logistics::Disruption closure;
    closure.target = *w.network.find_link(link);
    closure.from = core::at_hours(24.0 * from_day);
    closure.until = core::at_hours(24.0 * until_day);
    return closure;
}
} // namespace

TEST(Simulate, OverlappingDisruptionsOfALinkMultiplySoAClosureHoldsUntilItEnds) {
    // AB (2 h) is closed on days 10-20 and derated on days 5-15: the derating's end must not
    // reopen it. Trucks that reach it while closed all enter at the closure's end.
    const auto w = detour_world();
    auto sc = base(w, 30);
    sc.disruptions.push_back(link_closure(w, "AB", 10, 20));
    auto derating = link_closure(w, "AB", 5, 15);
    derating.capacity_factor = 0.5;
    sc.disruptions.push_back(derating);
    auto fixed = flow(w, "A", "B", 6);
    fixed.policy = logistics::RoutingPolicy::fixed;
    fixed.fixed_route = {*w.network.find_link("AB")};
    sc.flows = {fixed};
    logistics::RunConfig config;
    config.keep_shipments = true;
    const auto r = logistics::simulate(w.network, sc, config);
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

TEST(Simulate, DisruptionStopsFixedRoutesWhileAdaptiveOnesGoRound) {
    const auto w = detour_world();
    auto sc = base(w, 40);
    sc.disruptions.push_back(link_closure(w, "AB", 10, 20));
    auto fixed = flow(w, "A", "B", 6);
    fixed.name = "fixed";
    fixed.policy = logistics::RoutingPolicy::fixed;
    fixed.fixed_route = {*w.network.find_link("AB")};
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

namespace {
// Trains bring containers from S to X, where they go on by truck to D: through border B1
// (0.2 + 2 + 0.2 h, one lane) or B2 (2 + 1 + 2 h, twenty lanes).
const char* kTwoBorders = R"(
nodes:
  - {id: S, country: X, kind: rail_terminal, lat: 0, lon: 0, assumption: t}
  - {id: X, country: X, kind: rail_terminal, lat: 0, lon: 0.5, assumption: t,
     transshipment: {setup_h: 0.1, units_per_crane_h: 1000, cranes: 50, assumption: t}}
  - {id: B1, country: Y, kind: border, lat: 0, lon: 1, assumption: t, border: {dwell_h: 2, assumption: t}}
  - {id: B2, country: Y, kind: border, lat: 1, lon: 1, assumption: t, border: {dwell_h: 1, servers: 20, assumption: t}}
  - {id: D, country: Y, kind: city, lat: 0, lon: 2, assumption: t}
links:
  - {id: SX, from: S, to: X, mode: rail, gauge_mm: 1520, length_km: 50, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: XB1, from: X, to: B1, mode: road, length_km: 10, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: B1D, from: B1, to: D, mode: road, length_km: 10, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: XB2, from: X, to: B2, mode: road, length_km: 100, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: B2D, from: B2, to: D, mode: road, length_km: 100, speed_kmh: 50, bidirectional: true, assumption: t}
services:
  - {id: line, kind: train, links: [SX], capacity_units: 10, depart: {when_full: true, max_wait_h: 2}, assumption: t}
)";
} // namespace

TEST(Simulate, AdaptiveRoutesGoRoundAQueueThatShortestOnesJoin) {
    // kTwoBorders: empty, B1 is quicker; at one truck an hour B1's queue grows without end.
    // Adaptive consignments re-plan at X knowing the queues (each waiting truck adds 2 h to B1).
    const auto w = world(std::string(kHeader) + kTwoBorders);
    auto run = [&](logistics::RoutingPolicy policy, double per_day) {
        auto sc = base(w, 20);
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

TEST(Simulate, FlowsAskingTheSameRouteShareOneSearchPerNetworkState) {
    // Three network states with arrivals in each: AB closed on days 10-20, BN opens on day 20.
    const auto w = detour_world();
    auto sc = base(w, 30);
    sc.disruptions.push_back(link_closure(w, "AB", 10, 20));
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

TEST(Simulate, ATrainLoadReplansWithOneSearchWhileNothingChanges) {
    // kTwoBorders. A block of 10 containers a day fills one train from S; at X
    // each container's crane finishes in the same second and re-plans with the queues, closures
    // and day unchanged: one search per train, not per container.
    const auto w = world(std::string(kHeader) + kTwoBorders);
    auto sc = base(w, 10.5);
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

TEST(Simulate, PlannedLinkIsUsedFromItsOpeningDate) {
    const auto w = detour_world();
    auto sc = base(w, 40);
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

TEST(Simulate, FixedRouteOverAPlannedLinkWaitsForItsOpeningThenGoes) {
    // A to N by AB (2 h) and the planned BN (0.2 h, opens on day 20): trucks sent before the
    // opening wait at B for it, then all go on at 00:00 of the opening day.
    const auto w = detour_world();
    auto sc = base(w, 30);
    auto f = flow(w, "A", "N", 4);
    f.policy = logistics::RoutingPolicy::fixed;
    f.fixed_route = {*w.network.find_link("AB"), *w.network.find_link("BN")};
    sc.flows.push_back(f);
    logistics::RunConfig config;
    config.keep_shipments = true;
    const auto r = logistics::simulate(w.network, sc, config);
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

TEST(Simulate, ConsignmentsWithNoRouteGoWhenAPlannedLinkOpens) {
    // From P, Q is reached only by the planned PQ (2 h, opens on day 10): what is sent before then has
    // no route, waits at P, and sets off at 00:00 of the opening day; what is sent later goes at once.
    const auto w = world(std::string(kHeader) + R"(
nodes:
  - {id: P, country: X, kind: city, lat: 0, lon: 0, assumption: t}
  - {id: Q, country: X, kind: city, lat: 0, lon: 1, assumption: t}
links:
  - {id: PQ, from: P, to: Q, mode: road, length_km: 100, speed_kmh: 50, status: planned, opens: "2025-01-11", assumption: t}
  - {id: QP, from: Q, to: P, mode: road, length_km: 100, speed_kmh: 50, assumption: t}
)");
    auto sc = base(w, 20);
    sc.flows.push_back(flow(w, "P", "Q", 5));
    logistics::RunConfig config;
    config.keep_shipments = true;
    const auto r = logistics::simulate(w.network, sc, config);
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

TEST(Simulate, SameSeedGivesTheSameRunAndReplicationsDiffer) {
    const auto w = world(std::string(kHeader) + kCorridor);
    auto sc = base(w, 30);
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

TEST(Weather, MonthOfFollowsTheCalendar) {
    const auto start = *network::parse_date("2024-12-31");
    EXPECT_EQ(logistics::month_of(start, core::SimTime{}), 11);               // 31 Dec
    EXPECT_EQ(logistics::month_of(start, core::at_hours(24)), 0);             // 1 Jan 2025
    EXPECT_EQ(logistics::month_of(start, core::at_hours(24 * 60)), 2);        // 1 Mar 2025
    EXPECT_EQ(logistics::month_of(start, core::at_hours(24 * 59 + 23)), 1);   // 28 Feb 2025
    EXPECT_EQ(logistics::month_of(*network::parse_date("2024-02-29"), core::SimTime{}), 1);
}

TEST(Simulate, AVesselOutOfServiceCarriesNothing) {
    const auto w = world(std::string(kHeader) + kCorridor);
    auto sc = base(w, 60);
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

logistics::Disruption derate(logistics::DisruptionTarget target, double factor) {
    logistics::Disruption d;
    d.target = target;
    d.from = core::SimTime{};
    d.until = core::at_hours(24 * 1000); // beyond the horizon: in force throughout
    d.capacity_factor = factor;
    return d;
}
} // namespace

TEST(Simulate, ADeratedVesselOrServiceLoadsThatShareOfItsCapacity) {
    // The ferry takes 40 x 0.75 = 30 units; the kz trains 20. Demand keeps both full.
    const auto w = world(std::string(kHeader) + kCorridor);
    auto sc = base(w, 30);
    sc.flows.push_back(flow(w, "AKT", "ALAT", 60));
    sc.flows.push_back(flow(w, "DOS", "AKT", 60));
    ASSERT_EQ(largest_load(logistics::simulate(w.network, sc, {})), 30U);
    auto ferry = sc;
    ferry.flows.pop_back();
    auto trains = sc;
    trains.flows.erase(trains.flows.begin());
    EXPECT_EQ(largest_load(logistics::simulate(w.network, trains, {})), 20U);

    auto vessel = ferry;
    vessel.disruptions.push_back(derate(core::VesselId{0}, 0.5)); // F1
    EXPECT_EQ(largest_load(logistics::simulate(w.network, vessel, {})), 15U);
    auto service = ferry;
    service.disruptions.push_back(derate(core::ServiceId{1}, 0.4)); // ferries
    EXPECT_EQ(largest_load(logistics::simulate(w.network, service, {})), 12U);
    auto both = ferry; // several in force multiply: 30 x 0.5 x 0.4
    both.disruptions.push_back(derate(core::VesselId{0}, 0.5));
    both.disruptions.push_back(derate(core::ServiceId{1}, 0.4));
    EXPECT_EQ(largest_load(logistics::simulate(w.network, both, {})), 6U);
    trains.disruptions.push_back(derate(core::ServiceId{0}, 0.25)); // kz
    EXPECT_EQ(largest_load(logistics::simulate(w.network, trains, {})), 5U);
}

TEST(Simulate, ADeratedNodeWorksSlowerWhileTheDeratingLasts) {
    // Trucks reach the border at 12:12 and 00:12 (a truck every 12 h, 0.2 h away); the dwell is
    // 1 h, and 2 h while the node is derated to half from day 2 to day 5 (48 h to 120 h): the
    // trucks that reach it at 48.2, 60.2, ... 108.2 h.
    const auto w = world(one_hour_border_model(""));
    auto sc = trucks_every_12_hours(w, 10);
    auto slow = derate(core::NodeId{1}, 0.5); // B
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

TEST(Simulate, ATimetabledVesselSailsAtItsHoursWithWhatItHas) {
    // One ferry, never full, sails at 06:00 every day: loading 1 h (half a 2 h call), crossing
    // 2 h, unloading 1 h, so every consignment is delivered at 10:00, one sailing a day.
    const auto w = world(std::string(kHeader) + R"(
nodes:
  - {id: P1, country: X, kind: seaport, lat: 0, lon: 0, assumption: t, port: {berths: 1, handling_h: 2, assumption: t}}
  - {id: P2, country: X, kind: seaport, lat: 0, lon: 0.4, assumption: t, port: {berths: 1, handling_h: 2, assumption: t}}
links:
  - {id: P1P2, from: P1, to: P2, mode: ferry, length_km: 44, speed_kmh: 22, bidirectional: true, assumption: t}
services:
  - {id: ferry, kind: vessel, links: [P1P2, "P1P2:reverse"], vessels: [{name: F, capacity_units: 1000}],
     depart: {when_full: false, every_h: 24, offset_h: 6}, assumption: t}
)");
    auto sc = base(w, 30);
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

TEST(Simulate, SlotsPerUnitFillVesselsSooner) {
    // A ferry of 40 × 0.75 = 30 slots leaves when full: 30 units of one slot, or 15 of two.
    auto w = world(std::string(kHeader) + kCorridor);
    auto sc = base(w, 60);
    sc.flows.push_back(flow(w, "AKT", "ALAT", 60));
    const auto one = logistics::simulate(w.network, sc, {});
    sc.services[1].slots_per_unit.push_back({core::CargoClassId{0}, 2.0});
    const auto two = logistics::simulate(w.network, sc, {});
    EXPECT_LT(two.flows[0].delivered, one.flows[0].delivered);
}

namespace {
// kCorridor with four ferries F1-F4 of `capacity_units` each (F1 and F3 start at Aktau, F2 and
// F4 at Alat) and four berths at each port, so that berths never hold the fleet back.
std::string four_ferries(int capacity_units) {
    std::string yaml = std::string(kHeader) + kCorridor;
    const std::string one = "vessels: [{name: F1, capacity_units: 40}]";
    std::string fleet = "vessels: [";
    for (int i = 1; i <= 4; ++i) {
        fleet += (i > 1 ? ", " : "") + std::string("{name: F") + std::to_string(i) +
                 ", capacity_units: " + std::to_string(capacity_units) + "}";
    }
    yaml.replace(yaml.find(one), one.size(), fleet + "]");
    for (const char* port : {"AKT", "ALAT"}) {
        const auto at = yaml.find("berths: 1", yaml.find(std::string("id: ") + port + ", country: "));
        yaml.replace(at, 9, "berths: 4");
    }
    return yaml;
}
} // namespace

TEST(Simulate, OneWayFleetSailsBackEmptyAndKeepsUp) {
    // Four ferries of 80 × 0.75 = 60 slots carry cargo one way, Aktau to Alat, so they must
    // come back empty; two start at each port. A round trip is 22 h laden + 10 h unloading +
    // 22 h empty + 10 h loading = 64 h, so the fleet can carry 4 × 60 / (64 / 24) = 90 units
    // a day; 75 are offered.
    const auto w = world(four_ferries(80));
    auto sc = base(w, 120);
    sc.flows.push_back(flow(w, "AKT", "ALAT", 75));
    const auto r = logistics::simulate(w.network, sc, {});
    const auto& f = r.flows[0];
    EXPECT_EQ(f.created, f.delivered + f.in_system);
    // Kept up: a crossing with handling at both ends is 42 h, so by Little's law some 130
    // units are in the system at any time; a growing backlog would add days to each wait.
    EXPECT_LT(f.transit_mean_h.count(), 60.0);
    EXPECT_LT(f.in_system, 3U * 75U);
    // The fleet works about 75 / 90 of its time, less the slack in the 64 h estimate. (Idle
    // vessels are taken in fleet order, so the share of each vessel is not asserted.)
    double busy = 0;
    for (const char* name : {"vessel F1", "vessel F2", "vessel F3", "vessel F4"}) busy += resource(r, name).utilisation;
    EXPECT_GT(busy, 4 * 0.6);
}

TEST(Simulate, NoVesselSailsEmptyForCargoAnotherAlreadyCovers) {
    // Four ferries of 30 slots; F1 and F3 start at Aktau, F2 and F4 at Alat. At 3 units a day
    // (a departure at least every 24 h by max_wait) the cargo waiting at Aktau never nears one
    // vessel's 30 slots, so one vessel on its way covers it: F4, last in fleet order, is never
    // needed and must never sail empty. (Before, every arrival finding no vessel at Aktau
    // called another idle one, and F4 spent a fifth of its time sailing for nothing.)
    const auto w = world(four_ferries(40));
    auto sc = base(w, 120);
    sc.flows.push_back(flow(w, "AKT", "ALAT", 3));
    const auto r = logistics::simulate(w.network, sc, {});
    EXPECT_EQ(r.flows[0].created, r.flows[0].delivered + r.flows[0].in_system);
    EXPECT_GT(r.flows[0].delivered, 300U);
    EXPECT_EQ(resource(r, "vessel F4").utilisation, 0.0);
    EXPECT_GT(resource(r, "vessel F1").utilisation, 0.0);
    EXPECT_GT(resource(r, "vessel F2").utilisation, 0.0);
}

TEST(Simulate, BlockTrainBatchIsSplitAcrossSailings) {
    // One ferry of 40 × 0.75 = 30 slots; a single batch of 45 units arrives at Aktau on day 20.
    // The batch is 45 one-unit consignments with one route: the ferry sails full with 30 and
    // comes back for the other 15 (it never sails overloaded with all 45 as one lot).
    const auto w = world(std::string(kHeader) + kCorridor);
    auto sc = base(w, 30);
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

namespace {
// A six-station rail line A-F with block trains, a border at D (Y from X) and odd link lengths,
// so that rounding each link's time to ticks matters. `capacity` (paths a day) on every link,
// or none.
std::string line_model(const std::string& capacity) {
    std::string yaml = std::string(kHeader) + "nodes:\n";
    const char* names = "ABCDEF";
    for (int i = 0; i < 6; ++i) {
        yaml += std::string("  - {id: ") + names[i] + ", country: " + (i < 3 ? "X" : "Y") +
                ", kind: rail_terminal, lat: 0, lon: " + std::to_string(i) + ", assumption: t" +
                (i == 3 ? ", border: {dwell_h: 2, assumption: t}" : "") + "}\n";
    }
    yaml += "links:\n";
    for (int i = 0; i < 5; ++i) {
        yaml += std::string("  - {id: L") + names[i] + names[i + 1] + ", from: " + names[i] + ", to: " + names[i + 1] +
                ", mode: rail, gauge_mm: 1520, length_km: " + std::to_string(97.3 + 11.1 * i) +
                ", speed_kmh: 61.7, cost_usd_per_unit_km: 1.13, co2_g_per_tkm: 27.9" + capacity + ", bidirectional: true, assumption: t}\n";
    }
    yaml += "services:\n  - {id: trains, kind: train, links: [LAB, LBC, LCD, LDE, LEF], capacity_units: 5, "
            "depart: {when_full: true, max_wait_h: 6}, assumption: t}\n";
    return yaml;
}
} // namespace

TEST(Simulate, FreeRunsRideInOneEventWithTheSameTimesAndCosts) {
    // Links nothing can hold a vehicle on (no path capacity) between nodes nothing can hold it at
    // are ridden in one event; with a path capacity too large to bind, every link is its own
    // event. Each consignment must arrive at the same second with the same cost and CO2e either
    // way; only the number of events differs (the border at D still stops the train).
    const auto free_world = world(line_model(""));
    const auto paced_world = world(line_model(", capacity_per_day: 1000000000"));
    auto sc = base(free_world, 30);
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

TEST(Simulate, EachConsignmentPaysItsLinksBordersAndBerthsOnce) {
    // A train A-B-C through a border at B (fee 40), then a ferry C-D with berth fees at both
    // ports (30 and 35). Per unit: 100 km x 1.5 + 40 + 200 km x 1.0 + 30 + 50 km x 2 + 35 = 555 USD,
    // and (100 x 20 + 200 x 25 + 50 x 60) g per tonne x 10 t = 100 kg CO2e, whatever the waits.
    const auto w = world(std::string(kHeader) + R"(
nodes:
  - {id: A, country: X, kind: rail_terminal, lat: 0, lon: 0, assumption: t}
  - {id: B, country: Y, kind: border, lat: 0, lon: 1, assumption: t,
     border: {dwell_h: {exponential: {mean_h: 2}}, cost_usd_per_unit: 40, assumption: t}}
  - {id: C, country: Y, kind: seaport, lat: 0, lon: 2, assumption: t,
     port: {berths: 1, handling_h: 4, cost_usd_per_unit: 30, assumption: t}}
  - {id: D, country: Z, kind: seaport, lat: 0, lon: 3, assumption: t,
     port: {berths: 1, handling_h: 4, cost_usd_per_unit: 35, assumption: t}}
links:
  - {id: AB, from: A, to: B, mode: rail, gauge_mm: 1520, length_km: 100, speed_kmh: 50, capacity_per_day: 24,
     cost_usd_per_unit_km: 1.5, co2_g_per_tkm: 20, bidirectional: true, assumption: t}
  - {id: BC, from: B, to: C, mode: rail, gauge_mm: 1520, length_km: 200, speed_kmh: 50,
     cost_usd_per_unit_km: 1.0, co2_g_per_tkm: 25, bidirectional: true, assumption: t}
  - {id: CD, from: C, to: D, mode: ferry, length_km: 50, speed_kmh: 20, cost_usd_per_unit_km: 2,
     co2_g_per_tkm: 60, bidirectional: true, assumption: t}
services:
  - {id: line, kind: train, links: [AB, BC], capacity_units: 10, depart: {when_full: true, max_wait_h: 6}, assumption: t}
  - {id: ferry, kind: vessel, links: [CD, "CD:reverse"], vessels: [{name: F, capacity_units: 30}],
     depart: {when_full: true, max_wait_h: 12}, assumption: t}
)");
    auto sc = base(w, 30);
    sc.flows.push_back(flow(w, "A", "D", 8));
    const auto r = logistics::simulate(w.network, sc, {});
    ASSERT_GT(r.flows[0].delivered, 150U);
    for (const auto& s : r.shipments) {
        if (!s.delivered) continue;
        EXPECT_DOUBLE_EQ(s.usd.value(), 555.0 * s.units.value());
        EXPECT_DOUBLE_EQ(s.kg_co2e.value(), 100.0 * s.units.value());
    }
}

TEST(Simulate, ABorderStartsCrossingsOnlyWithinItsOpeningHours) {
    // A truck every 12 h from t = 12 h reaches the border 0.2 h later: at 12:12 and at 00:12 of
    // each day. Open 08:00-20:00, the 12:12 trucks cross at once and the 00:12 ones wait 7.8 h
    // for 08:00; open 20:00-08:00 (overnight) it is the other way round. Dwell is 1 h exactly.
    for (const auto& [hours, wait_at_noon] : {std::pair{"open_from_h: 8, open_until_h: 20, ", false},
                                              std::pair{"open_from_h: 20, open_until_h: 8, ", true}}) {
        const auto w = world(one_hour_border_model(hours));
        const auto r = logistics::simulate(w.network, trucks_every_12_hours(w, 10), {});
        // 19 trucks reach the border within the 10 days: 10 at 12:12 (days 1-10), 9 at 00:12.
        const auto& border = resource(r, "border B in");
        ASSERT_EQ(border.served, 19U) << hours;
        const double waits = wait_at_noon ? 10 * 7.8 : 9 * 7.8;
        EXPECT_NEAR(border.wait_mean_h.count(), waits / 19, 1e-9) << hours;
        int waited = 0;
        ASSERT_EQ(r.shipments.size(), 20U); // the last, created at the horizon, still at its origin
        for (const auto& s : r.shipments) {
            if (!s.delivered) continue;
            const auto at_border = s.seconds[static_cast<std::size_t>(logistics::TimeUse::border)];
            const bool noon = (s.created.seconds() / 3600) % 24 == 12;
            EXPECT_EQ(at_border, noon == wait_at_noon ? 3600 + 28080 : 3600) << hours << " created " << s.created.seconds();
            waited += at_border > 3600 ? 1 : 0;
        }
        EXPECT_EQ(waited, wait_at_noon ? 10 : 9) << hours;
    }
}

TEST(Simulate, ALinkTooSlowToRideInALifetimeIsAnErrorNamingIt) {
    // A leg keeps each link's riding time in 32-bit seconds (68 years); a model that asks for
    // more (here 1,000 km at 1 m/h: 114 years) is refused by name, not silently wrapped.
    const auto w = world(std::string(kHeader) + R"(
nodes:
  - {id: A, country: X, kind: city, lat: 0, lon: 0, assumption: t}
  - {id: B, country: X, kind: city, lat: 0, lon: 1, assumption: t}
links:
  - {id: AB, from: A, to: B, mode: road, length_km: 1000, speed_kmh: 0.001, bidirectional: true, assumption: t}
)");
    auto sc = base(w, 2);
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

TEST(Simulate, ACustodyLogNamesEveryHandoverWithItsVehicle) {
    // A train from A crosses the border at B to C, where the container is craned onto a truck
    // to D. One container a day from 24:00; the log of the first, event by event.
    const auto w = world(std::string(kHeader) + R"(
nodes:
  - {id: A, country: X, kind: rail_terminal, lat: 0, lon: 0, assumption: t}
  - {id: B, country: Y, kind: border, lat: 0, lon: 0.5, assumption: t, border: {dwell_h: 2, assumption: t}}
  - {id: C, country: Y, kind: rail_terminal, lat: 0, lon: 1, assumption: t,
     transshipment: {setup_h: 1, units_per_crane_h: 1, cranes: 1, assumption: t}}
  - {id: D, country: Y, kind: city, lat: 0, lon: 1.5, assumption: t}
links:
  - {id: AB, from: A, to: B, mode: rail, gauge_mm: 1520, length_km: 50, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: BC, from: B, to: C, mode: rail, gauge_mm: 1520, length_km: 50, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: CD, from: C, to: D, mode: road, length_km: 100, speed_kmh: 50, bidirectional: true, assumption: t}
services:
  - {id: line, kind: train, links: [AB, BC], capacity_units: 1, depart: {when_full: true}, assumption: t}
)");
    auto sc = base(w, 3);
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
