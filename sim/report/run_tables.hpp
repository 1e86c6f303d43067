// The tables of a run, built from its replications: what the CSV files hold and what the Python
// module gives as DataFrames (scenarios/README.md documents every column). Long tables give each
// KPI's statistics over the replications a row each (kpi, unit, mean, sd, ci95_low, ci95_high);
// wide ones a row per subject and replication, each KPI a column with its unit in the name.
#pragma once
#include <cstddef>
#include <vector>

#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"
#include "sim/report/table.hpp"

namespace corridor::report {

struct RunTables {
    Table flows{"flows"};                                 // per flow and KPI, over replications
    Table flow_replications{"flow_replications"};         // per flow and replication
    Table resources{"resources"};                         // per resource and KPI, over replications
    Table resource_replications{"resource_replications"}; // per resource and replication
    Table daily_flows{"daily_flows"};                     // per replication, day and flow
    Table daily_resources{"daily_resources"};             // per replication, day and resource
    Table daily_weather{"daily_weather"};                 // per replication, day and sea area
};

/// Precondition: every replication ran the same scenario (its flows and resources in the same order).
RunTables run_tables(const network::Network& network, const logistics::Scenario& scenario,
                     const std::vector<logistics::RunResult>& replications);

/// Replication `replication`'s consignments, one row each (the run's shipments.csv holds every
/// replication's in turn).
Table shipments_table(const network::Network& network, const logistics::Scenario& scenario,
                      const logistics::RunResult& result, std::size_t replication);
/// Its chain-of-custody events, one row each (custody.csv).
Table custody_table(const network::Network& network, const logistics::Scenario& scenario,
                    const logistics::RunResult& result, std::size_t replication);

} // namespace corridor::report
