// Comparing scenarios run with common random numbers: per KPI (sim/logistics/kpis.hpp), the
// paired difference to the first scenario replication by replication, with its 95% Student-t
// interval, and for reference the unpaired (Welch) interval that independent runs would have
// given.
#pragma once
#include <string>
#include <vector>

#include "sim/logistics/result.hpp"

namespace corridor::experiment {

struct KpiComparison {
    std::string subject;   // "flow", or the resource's kind (border, cranes, berths, line, vessel, weather)
    std::string id;        // the flow's name, or the resource's id
    std::string direction; // a border's "in" or "out"; else empty
    std::string kpi;       // "transit_mean", "utilisation", ...
    std::string unit;      // as the result files name it ("h", "teu_per_day", "share", ...)
    bool headline = false;
    std::vector<double> means;               // per scenario
    std::vector<double> differences;         // scenario i − scenario 0 (index 0: 0)
    std::vector<double> paired_half_width;   // 95%, of the differences (index 0: 0)
    std::vector<double> unpaired_half_width; // 95% Welch interval of the difference of means
    std::vector<bool> significant;           // the paired interval excludes 0
};

/// `runs[s]` are scenario s's replications, paired by index (same seeds and streams). Subjects
/// (flows by name, resources by kind, id and direction) are matched across scenarios; those
/// missing from any scenario, or with a KPI undefined in any replication, are left out.
std::vector<KpiComparison> compare(const std::vector<std::vector<logistics::RunResult>>& runs);

/// Fills in `c`'s means, differences to scenario 0 and intervals from each scenario's values
/// (paired by replication index).
void fill_statistics(KpiComparison& c, const std::vector<std::vector<double>>& values);

/// 95% half-width of the mean of paired differences a[i] − b[i].
double paired_half_width(const std::vector<double>& a, const std::vector<double>& b);
/// 95% Welch half-width of mean(a) − mean(b) for independent samples.
double welch_half_width(const std::vector<double>& a, const std::vector<double>& b);

} // namespace corridor::experiment
