// Paired and Welch intervals for differences of KPI means.
#include "sim/experiment/comparison.hpp"

#include <cmath>
#include <functional>
#include <limits>

#include "sim/core/confidence.hpp"

namespace corridor::experiment {

double paired_half_width(const std::vector<double>& a, const std::vector<double>& b) {
    core::RunningStats d;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) d.add(a[i] - b[i]);
    return core::mean_confidence_interval(d, 0.95).half_width;
}

double welch_half_width(const std::vector<double>& a, const std::vector<double>& b) {
    core::RunningStats sa, sb;
    for (const double x : a) sa.add(x);
    for (const double x : b) sb.add(x);
    if (sa.count() < 2 || sb.count() < 2) return std::numeric_limits<double>::quiet_NaN();
    const double va = sa.variance() / static_cast<double>(sa.count());
    const double vb = sb.variance() / static_cast<double>(sb.count());
    const double se = std::sqrt(va + vb);
    if (!(se > 0)) return 0;
    // Welch–Satterthwaite degrees of freedom.
    const double dof = (va + vb) * (va + vb) /
                       (va * va / static_cast<double>(sa.count() - 1) + vb * vb / static_cast<double>(sb.count() - 1));
    return core::student_t_quantile(0.975, dof) * se;
}

std::vector<KpiComparison> compare(const std::vector<std::vector<logistics::RunResult>>& runs) {
    std::vector<KpiComparison> out;
    if (runs.empty() || runs.front().empty()) return out;
    using Getter = std::function<double(const logistics::RunResult&, std::size_t)>;
    struct Kpi {
        const char* name;
        Getter get;
    };
    const std::vector<Kpi> flow_kpis = {
        {"transit_mean_h", [](const logistics::RunResult& r, std::size_t i) { return r.flows[i].transit_mean_h.count(); }},
        {"transit_p95_h", [](const logistics::RunResult& r, std::size_t i) { return r.flows[i].transit_p95_h.count(); }},
        {"throughput_units_per_day", [](const logistics::RunResult& r, std::size_t i) { return r.flows[i].throughput_units_per_day.value(); }},
        {"in_system", [](const logistics::RunResult& r, std::size_t i) { return static_cast<double>(r.flows[i].in_system); }},
        {"usd_per_unit", [](const logistics::RunResult& r, std::size_t i) { return r.flows[i].usd_per_unit.value(); }},
        {"kg_co2e_per_unit", [](const logistics::RunResult& r, std::size_t i) { return r.flows[i].kg_co2e_per_unit.value(); }},
    };
    const std::vector<Kpi> resource_kpis = {
        {"utilisation", [](const logistics::RunResult& r, std::size_t i) { return r.resources[i].utilisation; }},
        {"queue_mean", [](const logistics::RunResult& r, std::size_t i) { return r.resources[i].queue_mean; }},
        {"wait_mean_h", [](const logistics::RunResult& r, std::size_t i) { return r.resources[i].wait_mean_h.count(); }},
    };
    // Index of each subject by name in each scenario.
    auto index_of = [](const std::vector<logistics::RunResult>& reps, bool flows, const std::string& name) -> long {
        const auto& r = reps.front();
        const std::size_t n = flows ? r.flows.size() : r.resources.size();
        for (std::size_t i = 0; i < n; ++i) {
            if ((flows ? r.flows[i].name : r.resources[i].name) == name) return static_cast<long>(i);
        }
        return -1;
    };
    for (const bool flows : {true, false}) {
        const auto& first = runs.front().front();
        const std::size_t n = flows ? first.flows.size() : first.resources.size();
        for (std::size_t i = 0; i < n; ++i) {
            const std::string name = flows ? first.flows[i].name : first.resources[i].name;
            std::vector<long> where;
            bool everywhere = true;
            for (const auto& reps : runs) {
                where.push_back(index_of(reps, flows, name));
                everywhere &= where.back() >= 0;
            }
            if (!everywhere) continue;
            for (const auto& kpi : flows ? flow_kpis : resource_kpis) {
                KpiComparison c;
                c.subject = std::string(flows ? "flow " : "resource ") + name;
                c.kpi = kpi.name;
                std::vector<std::vector<double>> values;
                for (std::size_t s = 0; s < runs.size(); ++s) {
                    std::vector<double> v;
                    for (const auto& r : runs[s]) v.push_back(kpi.get(r, static_cast<std::size_t>(where[s])));
                    core::RunningStats stats;
                    for (const double x : v) stats.add(x);
                    c.means.push_back(stats.mean());
                    values.push_back(std::move(v));
                }
                for (std::size_t s = 0; s < runs.size(); ++s) {
                    if (s == 0) {
                        c.differences.push_back(0);
                        c.paired_half_width.push_back(0);
                        c.unpaired_half_width.push_back(0);
                        c.significant.push_back(false);
                        continue;
                    }
                    const double diff = c.means[s] - c.means[0];
                    const double hw = paired_half_width(values[s], values[0]);
                    c.differences.push_back(diff);
                    c.paired_half_width.push_back(hw);
                    c.unpaired_half_width.push_back(welch_half_width(values[s], values[0]));
                    c.significant.push_back(std::isfinite(hw) && std::fabs(diff) > hw);
                }
                out.push_back(std::move(c));
            }
        }
    }
    return out;
}

} // namespace corridor::experiment
