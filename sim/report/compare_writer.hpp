// Writing comparisons (compare.csv, compare.json) and sweeps (sweep.csv), and their short
// readable tables for stdout.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "sim/experiment/comparison.hpp"
#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/report/run_directory.hpp"
#include "sim/report/table.hpp"

namespace corridor::report {

/// compare.csv's rows: one per KPI and scenario other than the reference (the first).
Table comparison_table(const std::vector<std::string>& scenarios, const std::vector<experiment::KpiComparison>& comparisons);
void write_comparison(const RunDirectory& dir, const std::vector<std::string>& scenarios,
                      const std::vector<experiment::KpiComparison>& comparisons);
/// Headline KPIs side by side with paired differences; `*` marks an interval excluding 0.
std::string comparison_text(const std::vector<std::string>& scenarios,
                            const std::vector<experiment::KpiComparison>& comparisons);

struct SweepPoint {
    std::string folder;                                    // the point's own results
    std::vector<std::pair<std::string, std::string>> settings;
    std::vector<logistics::Flow> flows;
    std::vector<logistics::RunResult> results;             // its replications
};

/// sweep.csv's rows: one per point, flow and KPI, over the point's replications.
Table sweep_table(const std::vector<SweepPoint>& points);
void write_sweep(const RunDirectory& dir, const std::vector<SweepPoint>& points);
std::string sweep_text(const std::vector<SweepPoint>& points);

} // namespace corridor::report
