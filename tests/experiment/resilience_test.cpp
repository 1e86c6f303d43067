// Resilience KPIs against a case worked out by hand: two replications of ten days, a flow of 10
// units a day and a border whose queue builds while the scenario's disruption lasts (days 3-5).
#include "sim/experiment/resilience.hpp"

#include <gtest/gtest.h>

using namespace corridor;

namespace {

// A run of one flow and one border pool, day by day: units created and delivered, the queue.
logistics::RunResult run(const std::vector<double>& created, const std::vector<double>& delivered,
                         const std::vector<double>& queue, double units_delivered) {
    logistics::RunResult r;
    logistics::FlowResult f;
    f.name = "a_b";
    f.unit = "teu";
    f.units_delivered = core::Units{units_delivered};
    r.flows.push_back(f);
    logistics::ResourceResult border;
    border.kind = "border";
    border.id = "B";
    border.direction = "in";
    border.served_unit = "vehicles";
    r.resources.push_back(border);
    for (std::size_t d = 0; d < created.size(); ++d) {
        logistics::DailyPoint p;
        p.day = static_cast<std::uint32_t>(d + 1);
        p.created = {core::Units{created[d]}};
        p.delivered = {core::Units{delivered[d]}};
        p.queue = {queue[d]};
        r.daily.push_back(p);
    }
    return r;
}

const experiment::KpiComparison& row(const std::vector<experiment::KpiComparison>& rows, const std::string& subject,
                                     const std::string& kpi) {
    for (const auto& r : rows) {
        if (r.subject == subject && r.kpi == kpi) return r;
    }
    throw std::runtime_error("no row " + subject + " " + kpi);
}

TEST(Resilience, KpisOfAHandWorkedCase) {
    const std::vector<double> ten(10, 10.0);
    const std::vector<double> calm_queue{0, 1, 2, 0, 1, 0, 2, 1, 0, 1}; // the reference's band: 2
    // Replication 0: nothing delivered on days 3-5, then 20 a day on days 6-8. The units in the
    // system in excess of the reference's: 10, 20, 30 (days 3-5), 20, 10, 0: the peak is 30. A
    // week of demand is 70, so the excess stays within it from the disruption's end (day 5):
    // recovered after 0 days. The queue: 5, 10, 15 on days 3-5, then 9, 4, 2, 0, 1: within the
    // reference's largest (2) from the end of day 8 on, 3 days after the end.
    const auto r0 = run(ten, {10, 10, 0, 0, 0, 20, 20, 20, 10, 10}, {0, 1, 5, 10, 15, 9, 4, 2, 0, 1}, 100);
    // Replication 1: nothing delivered on days 3-10 (80 units short at the horizon, excess peak
    // 80, beyond a week of demand on the last day: not recovered, the 5 days to the horizon
    // counted, though it was within the week at the disruption's end). The queue never falls
    // back to 2: 5 days, not recovered.
    const auto r1 = run(ten, {10, 10, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 5, 10, 15, 16, 17, 18, 19, 20}, 20);
    const auto reference = run(ten, ten, calm_queue, 100);
    const std::vector<std::vector<logistics::RunResult>> runs{{reference, reference}, {r0, r1}};
    const std::vector<experiment::Disturbance> disturbances{{false, std::nullopt, {}}, {true, 5.0, {"B"}}};
    const auto rows = experiment::resilience(runs, disturbances);

    const auto& lost = row(rows, "flow", "lost_throughput");
    EXPECT_EQ(lost.unit, "teu");
    EXPECT_DOUBLE_EQ(lost.means[1], (0.0 + 80.0) / 2);
    EXPECT_DOUBLE_EQ(lost.means[0], 0.0);
    EXPECT_DOUBLE_EQ(row(rows, "flow", "backlog_peak").means[1], (30.0 + 80.0) / 2);
    EXPECT_DOUBLE_EQ(row(rows, "flow", "time_to_recover").means[1], (0.0 + 5.0) / 2);
    EXPECT_EQ(row(rows, "flow", "time_to_recover").unit, "days");
    EXPECT_DOUBLE_EQ(row(rows, "flow", "recovered").means[1], 0.5);
    // The border: excess queue peaks at 15 - 1 (day 5) and 20 - 1 (day 10).
    EXPECT_DOUBLE_EQ(row(rows, "border", "backlog_peak").means[1], (14.0 + 19.0) / 2);
    EXPECT_EQ(row(rows, "border", "backlog_peak").unit, "vehicles");
    EXPECT_DOUBLE_EQ(row(rows, "border", "time_to_recover").means[1], (3.0 + 5.0) / 2);
    EXPECT_TRUE(row(rows, "flow", "backlog_peak").headline);
}

TEST(Resilience, NothingToReportWhenNoScenarioIsDisturbedOtherwise) {
    const std::vector<double> ten(10, 10.0);
    const auto r = run(ten, ten, std::vector<double>(10, 0.0), 100);
    const std::vector<std::vector<logistics::RunResult>> runs{{r}, {r}};
    EXPECT_TRUE(experiment::resilience(runs, {{false, std::nullopt, {}}, {false, std::nullopt, {}}}).empty());
}

TEST(Resilience, WeatherAloneHasNoEndToRecoverFrom) {
    const std::vector<double> ten(10, 10.0);
    const auto reference = run(ten, ten, std::vector<double>(10, 0.0), 100);
    const auto stormy = run(ten, {10, 0, 0, 20, 10, 10, 10, 10, 10, 10}, std::vector<double>(10, 0.0), 100);
    const auto rows = experiment::resilience({{reference}, {stormy}}, {{false, std::nullopt, {}}, {true, std::nullopt, {}}});
    EXPECT_DOUBLE_EQ(row(rows, "flow", "backlog_peak").means[1], 20.0);
    EXPECT_DOUBLE_EQ(row(rows, "flow", "lost_throughput").means[1], 0.0);
    for (const auto& r : rows) EXPECT_NE(r.kpi, "time_to_recover");
}

} // namespace
