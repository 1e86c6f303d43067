// Resilience: what a disruption (or a harsher weather) costs, scenario against reference, each
// replication against its common-random-numbers twin. scenarios/README.md defines every KPI:
//
// - flow `lost_throughput` (cargo units): units delivered in the measured period by the
//   reference less those the scenario delivered;
// - flow `backlog_peak` (cargo units): the largest excess, at a day's end, of the flow's units
//   in the system over the reference's that day;
// - flow `time_to_recover` (days): from the end of the scenario's last disruption to the first
//   day's end from which that excess stays within a week of the flow's demand (the reference's
//   units created a day, × 7: block trains and vessels move a flow in lumps of days), that is,
//   when the deliveries lost have been made up to within a week; if it is not by the horizon,
//   the days to the horizon (a lower bound), and `recovered` (the share of replications that
//   recovered) says how often;
// - for each node a disruption targets, per process (border lanes by direction, cranes,
//   berths): `backlog_peak` (its served unit), the largest excess of its day's-end queue over
//   the reference's, and `time_to_recover` (days) from the end of the last disruption until its
//   day's-end queue stays within the largest of the reference's.
//
// The extra transit time and cost borne are the paired differences of transit_mean and cost in
// the comparison itself.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sim/experiment/comparison.hpp"
#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"

namespace corridor::experiment {

/// How a scenario differs from the reference in what disturbs it.
struct Disturbance {
    bool differs = false;            // its disruptions or weather are not the reference's
    std::optional<double> end_day;   // the end of its last disruption (days from the start); none: weather only
    std::vector<std::string> nodes;  // the nodes its disruptions target
};

/// What disturbs `scenario` that does not disturb `reference` (both on `network`).
Disturbance disturbance_of(const network::Network& network, const logistics::Scenario& reference,
                           const logistics::Scenario& scenario);

/// The resilience KPIs of every scenario against scenario 0 (runs[s], paired by replication),
/// when some scenario's disturbance differs; none otherwise. Scenario 0's own values are 0.
std::vector<KpiComparison> resilience(const std::vector<std::vector<logistics::RunResult>>& runs,
                                      const std::vector<Disturbance>& disturbances);

/// A scenario of a comparison: its replications' results, what it ran and on which network.
struct ComparedScenario {
    const logistics::Scenario* scenario;
    const network::Network* network;
};

/// compare(runs), then the resilience KPIs of the scenarios disturbed unlike scenarios[0].
std::vector<KpiComparison> compare_with_resilience(const std::vector<std::vector<logistics::RunResult>>& runs,
                                                   const std::vector<ComparedScenario>& scenarios);

} // namespace corridor::experiment
