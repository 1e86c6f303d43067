// Paired and Welch intervals for differences of KPI means.
#include "sim/experiment/comparison.hpp"

#include <cmath>
#include <limits>
#include <optional>

#include "sim/core/confidence.hpp"
#include "sim/logistics/kpis.hpp"

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

void fill_statistics(KpiComparison& c, const std::vector<std::vector<double>>& values) {
    for (const auto& v : values) {
        core::RunningStats stats;
        for (const double x : v) stats.add(x);
        c.means.push_back(stats.mean());
    }
    for (std::size_t s = 0; s < values.size(); ++s) {
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
}

namespace {

template <class Subjects, class Key>
std::optional<std::size_t> index_of(const Subjects& subjects, const Key& key) {
    for (std::size_t i = 0; i < subjects.size(); ++i) {
        if (key(subjects[i])) return i;
    }
    return std::nullopt;
}

} // namespace

std::vector<KpiComparison> compare(const std::vector<std::vector<logistics::RunResult>>& runs) {
    std::vector<KpiComparison> out;
    if (runs.empty() || runs.front().empty()) return out;
    for (const auto& run : runs) {
        if (run.empty()) return out;
    }
    const auto& first = runs.front().front();
    for (const auto& flow : first.flows) {
        std::vector<std::size_t> where;
        for (const auto& reps : runs) {
            const auto i = index_of(reps.front().flows, [&](const auto& f) { return f.name == flow.name; });
            if (!i) break;
            where.push_back(*i);
        }
        if (where.size() != runs.size()) continue;
        for (const auto& kpi : logistics::flow_kpis()) {
            std::vector<std::vector<double>> values(runs.size());
            bool defined = true;
            for (std::size_t s = 0; s < runs.size() && defined; ++s) {
                for (const auto& r : runs[s]) {
                    const auto v = kpi.value(r.flows[where[s]]);
                    defined = defined && v.has_value();
                    if (v) values[s].push_back(*v);
                }
            }
            if (!defined) continue;
            KpiComparison c{"flow", flow.name, "", std::string(kpi.name), logistics::unit_name(kpi.unit, flow.unit),
                            kpi.headline, {}, {}, {}, {}, {}};
            fill_statistics(c, values);
            out.push_back(std::move(c));
        }
    }
    for (const auto& resource : first.resources) {
        const auto key = resource.key();
        std::vector<std::size_t> where;
        for (const auto& reps : runs) {
            const auto i = index_of(reps.front().resources, [&](const auto& r) { return r.key() == key; });
            if (!i) break;
            where.push_back(*i);
        }
        if (where.size() != runs.size()) continue;
        for (const auto& kpi : logistics::resource_kpis(resource)) {
            std::vector<std::vector<double>> values(runs.size());
            for (std::size_t s = 0; s < runs.size(); ++s) {
                for (const auto& r : runs[s]) values[s].push_back(kpi.value(r.resources[where[s]]));
            }
            KpiComparison c{resource.kind, resource.id, resource.direction, std::string(kpi.name),
                            logistics::unit_name(kpi.unit, "", &resource), kpi.headline, {}, {}, {}, {}, {}};
            fill_statistics(c, values);
            out.push_back(std::move(c));
        }
    }
    return out;
}

} // namespace corridor::experiment
