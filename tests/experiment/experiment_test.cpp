#include <gtest/gtest.h>

#include <cmath>

#include "sim/experiment/comparison.hpp"
#include "sim/experiment/mser.hpp"
#include "sim/experiment/replications.hpp"
#include "sim/experiment/run_size.hpp"
#include "sim/scenario/model_loader.hpp"
#include "tests/support/seed.hpp"

using namespace corridor;

namespace {

struct World {
    network::Network network;
    logistics::Scenario scenario;
};

// Trucks cross a border with `servers` lanes (exponential dwell, mean `dwell_h`) at 40 a day.
World border_world(int servers, double dwell_h = 1.0) {
    const auto model = scenario::load_model_text(R"(
name: border
cargo_classes: [{id: truck, unit: truck, tonnes_per_unit: 20, assumption: t}]
nodes:
  - {id: A, country: X, kind: city, lat: 0, lon: 0, assumption: t}
  - {id: B, country: Y, kind: border, lat: 0, lon: 0.1, assumption: t,
     border: {dwell_h: {exponential: {mean_h: )" + std::to_string(dwell_h) + R"(}}, servers: )" + std::to_string(servers) + R"(, assumption: t}}
  - {id: C, country: Y, kind: city, lat: 0, lon: 0.2, assumption: t}
links:
  - {id: AB, from: A, to: B, mode: road, length_km: 10, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: BC, from: B, to: C, mode: road, length_km: 10, speed_kmh: 50, bidirectional: true, assumption: t}
)", "border.yaml");
    World w{network::Network::build(model.spec), {}};
    auto& sc = w.scenario;
    sc.name = "border";
    sc.start_date = *network::parse_date("2025-01-01");
    sc.horizon = core::to_ticks(core::Hours{24.0 * 60});
    sc.seed = support::test_seed();
    logistics::Flow f;
    f.name = "trucks";
    f.origin = *w.network.find_node("A");
    f.destination = *w.network.find_node("C");
    f.cargo = core::CargoClassId{0};
    f.units_per_day = core::UnitsPerDay{40};
    sc.flows.push_back(f);
    return w;
}

experiment::ReplicationOptions options(std::uint32_t replications, std::uint32_t threads) {
    experiment::ReplicationOptions o;
    o.replications = replications;
    o.threads = threads;
    o.keep_shipments = false;
    return o;
}

} // namespace

TEST(Replications, ResultsDoNotDependOnTheThreadCount) {
    const auto w = border_world(2);
    const auto one = experiment::run_replications(w.network, w.scenario, options(6, 1));
    const auto two = experiment::run_replications(w.network, w.scenario, options(6, 2));
    ASSERT_EQ(one.results.size(), 6U);
    ASSERT_EQ(two.results.size(), 6U);
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_EQ(one.results[i].events, two.results[i].events) << "replication " << i;
        EXPECT_EQ(one.results[i].flows[0].transit_mean_h, two.results[i].flows[0].transit_mean_h);
    }
    EXPECT_NE(one.results[0].events, one.results[1].events); // replications differ
    EXPECT_EQ(one.stop_reason, "replications");
}

TEST(Replications, CommonRandomNumbersMakeThePairedIntervalMuchNarrower) {
    // Two scenarios that differ only in the border's clearance time (10% faster). Their trucks
    // arrive and dwell on the same random streams (the flow's and the node's), so the paired
    // difference cancels most of the noise that an unpaired comparison keeps.
    const auto a = border_world(3, 1.0);
    const auto b = border_world(3, 0.9);
    const auto ra = experiment::run_replications(a.network, a.scenario, options(12, 2));
    const auto rb = experiment::run_replications(b.network, b.scenario, options(12, 2));
    const auto rows = experiment::compare({ra.results, rb.results});
    const experiment::KpiComparison* transit = nullptr;
    for (const auto& row : rows) {
        if (row.subject == "flow" && row.id == "trucks" && row.kpi == "transit_mean") transit = &row;
    }
    ASSERT_NE(transit, nullptr);
    EXPECT_LT(transit->differences[1], 0.0); // faster clearance shortens the crossing
    EXPECT_TRUE(transit->significant[1]);
    EXPECT_LT(transit->paired_half_width[1], 0.5 * transit->unpaired_half_width[1])
        << "paired " << transit->paired_half_width[1] << " unpaired " << transit->unpaired_half_width[1];
}

TEST(Replications, PrecisionTargetAddsReplicationsUntilReachedOrCapped) {
    const auto w = border_world(3);
    auto o = options(2, 2);
    o.relative_precision = 0.05;
    o.max_replications = 60;
    const auto reached = experiment::run_replications(w.network, w.scenario, o);
    EXPECT_EQ(reached.stop_reason, "precision reached");
    EXPECT_LE(experiment::worst_relative_half_width(reached.results), 0.05);
    EXPECT_GT(reached.results.size(), 2U);
    o.relative_precision = 1e-6;
    o.max_replications = 6;
    const auto capped = experiment::run_replications(w.network, w.scenario, o);
    EXPECT_EQ(capped.stop_reason, "cap reached");
    EXPECT_EQ(capped.results.size(), 6U);
}

TEST(Replications, ThePrecisionRuleStopsAtTheSameCountWhateverTheThreads) {
    // Batches grow with the thread count, but the rule is checked on each prefix of the
    // replications in index order, so the count (and every file) cannot depend on threads.
    const auto w = border_world(3);
    std::vector<std::size_t> counts;
    for (const std::uint32_t threads : {1U, 3U, 5U}) {
        auto o = options(2, threads);
        o.relative_precision = 0.05;
        o.max_replications = 60;
        counts.push_back(experiment::run_replications(w.network, w.scenario, o).results.size());
    }
    EXPECT_GT(counts[0], 2U);
    EXPECT_EQ(counts[1], counts[0]);
    EXPECT_EQ(counts[2], counts[0]);
}

TEST(Replications, CancellingKeepsOnlyCompleteReplications) {
    const auto w = border_world(2);
    std::atomic<bool> cancel{true};
    auto o = options(4, 2);
    o.cancel = &cancel;
    const auto r = experiment::run_replications(w.network, w.scenario, o);
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(r.stop_reason, "cancelled");
    EXPECT_TRUE(r.results.empty());
}

TEST(Comparison, PairedAndWelchHalfWidthsOfKnownData) {
    const std::vector<double> a = {10, 12, 14, 16};
    const std::vector<double> b = {9, 11, 13, 15}; // a − b = 1 exactly: no spread
    EXPECT_DOUBLE_EQ(experiment::paired_half_width(a, b), 0.0);
    // Welch with equal variances (20/3 each) and n = 4: se = sqrt(2 × 20/3 / 4), dof = 6.
    EXPECT_NEAR(experiment::welch_half_width(a, b), 2.4469118511449692 * std::sqrt(2 * (20.0 / 3) / 4), 1e-9);
}

TEST(Mser5, FindsTheEndOfAnInitialTransient) {
    // 40 observations decaying from 100 to the steady level 10, then 360 of steady noise.
    std::vector<double> series;
    core::RandomStream random{5};
    for (int i = 0; i < 400; ++i) {
        const double transient = i < 40 ? 90.0 * (40 - i) / 40.0 : 0.0;
        series.push_back(10 + transient + (random.uniform01() - 0.5));
    }
    const auto cut = experiment::mser5_truncation(series);
    EXPECT_GE(cut, 30U);
    EXPECT_LE(cut, 60U);
    EXPECT_EQ(cut % 5, 0U);
    EXPECT_EQ(experiment::mser5_truncation(std::vector<double>(10, 1.0)), 0U); // too short
}

TEST(RunSize, ExpectedConsignmentsAreTheFlowsUnitsOverTheHorizon) {
    const auto w = border_world(3);
    // 40 trucks a day for 60 days: 2,400 consignments a replication; 10 replications, 2 at once.
    const auto size = experiment::estimate_run_size(w.network, w.scenario, 10, 2, true);
    EXPECT_DOUBLE_EQ(size.consignments_per_replication, 2400);
    EXPECT_DOUBLE_EQ(size.shipment_rows, 24000);
    EXPECT_FALSE(experiment::beyond_limits(size));
    const auto without = experiment::estimate_run_size(w.network, w.scenario, 10, 2, false);
    EXPECT_DOUBLE_EQ(without.shipment_rows, 0);
    EXPECT_LT(without.output_bytes, size.output_bytes);
}

TEST(RunSize, TheEstimateMatchesTheRowsARunCreates) {
    const auto w = border_world(3);
    auto o = options(1, 1);
    o.keep_shipments = true;
    const auto run = experiment::run_replications(w.network, w.scenario, o);
    const auto size = experiment::estimate_run_size(w.network, w.scenario, 1, 1, true);
    // Poisson arrivals: 2,400 expected, sd 49; 4 sd is 8%.
    EXPECT_NEAR(static_cast<double>(run.results.front().shipments.size()), size.shipment_rows, 0.08 * size.shipment_rows);
}

TEST(RunSize, ARunBeyondTheLimitsIsRefusedWithWhatToChange) {
    auto w = border_world(3);
    w.scenario.flows.front().units_per_day = core::UnitsPerDay{1e6}; // 6e7 consignments a replication
    const auto size = experiment::estimate_run_size(w.network, w.scenario, 100, 4, false);
    const auto refusal = experiment::beyond_limits(size);
    ASSERT_TRUE(refusal);
    EXPECT_EQ(*refusal,
              "the run would need about 31.3 GiB of memory (6e+07 consignments a replication), beyond the limit of "
              "16.0 GiB: lower the demand, shorten horizon_days, use fewer --threads, or pass --allow-large");
}
