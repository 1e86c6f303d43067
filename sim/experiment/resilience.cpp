// Resilience KPIs: lost throughput, excess backlog and time to recover, against the reference.
#include "sim/experiment/resilience.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <variant>

namespace corridor::experiment {

namespace {

bool same_weather(const logistics::Scenario& a, const logistics::Scenario& b) {
    if (a.areas.size() != b.areas.size()) return false;
    for (std::size_t i = 0; i < a.areas.size(); ++i) {
        if (a.areas[i].name != b.areas[i].name) return false;
        for (std::size_t m = 0; m < 12; ++m) {
            const auto& x = a.areas[i].months[m];
            const auto& y = b.areas[i].months[m];
            if (x.storm_share != y.storm_share || x.mean_storm_h != y.mean_storm_h) return false;
        }
    }
    return true;
}

bool same_disruptions(const logistics::Scenario& a, const logistics::Scenario& b) {
    if (a.disruptions.size() != b.disruptions.size()) return false;
    for (std::size_t i = 0; i < a.disruptions.size(); ++i) {
        const auto& x = a.disruptions[i];
        const auto& y = b.disruptions[i];
        if (x.target != y.target || x.from != y.from || x.until != y.until || x.capacity_factor != y.capacity_factor) return false;
    }
    return true;
}

// The units of a flow in the system at each day's end: created less delivered, so far.
std::vector<double> in_system(const logistics::RunResult& run, std::size_t flow) {
    std::vector<double> out;
    out.reserve(run.daily.size());
    double level = 0;
    for (const auto& day : run.daily) {
        if (flow < day.created.size()) level += day.created[flow].value();
        if (flow < day.delivered.size()) level -= day.delivered[flow].value();
        out.push_back(level);
    }
    return out;
}

std::vector<double> queue_of(const logistics::RunResult& run, std::size_t pool) {
    std::vector<double> out;
    out.reserve(run.daily.size());
    for (const auto& day : run.daily) out.push_back(pool < day.queue.size() ? day.queue[pool] : 0.0);
    return out;
}

struct Recovery {
    double days = 0;
    bool recovered = true;
};

// Days from `end_day` to the first day's end from which `level` stays at or below `within` to
// the horizon (0 if it already does); if it is above on the last day, the days to the horizon,
// not recovered. (Back below once is not enough: a backlog still growing would read recovered.)
Recovery recovery(const std::vector<double>& level, double within, double end_day) {
    std::size_t last_above = 0; // a day number (1-based); 0: none
    for (std::size_t d = 0; d < level.size(); ++d) {
        if (level[d] > within) last_above = d + 1;
    }
    const auto days = static_cast<double>(level.size());
    if (last_above == level.size() && last_above > 0) return {std::max(0.0, days - end_day), false};
    const std::size_t first_within = last_above + 1; // the day whose end it is within from then on
    return {last_above == 0 ? 0.0 : std::max(0.0, static_cast<double>(first_within) - end_day), true};
}

double peak(const std::vector<double>& a, const std::vector<double>& b) {
    double most = 0;
    for (std::size_t d = 0; d < std::min(a.size(), b.size()); ++d) most = std::max(most, a[d] - b[d]);
    return most;
}

template <class Items, class Match>
std::optional<std::size_t> find(const Items& items, Match match) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (match(items[i])) return i;
    }
    return std::nullopt;
}

} // namespace

Disturbance disturbance_of(const network::Network& net, const logistics::Scenario& reference, const logistics::Scenario& scenario) {
    Disturbance d;
    d.differs = !same_disruptions(reference, scenario) || !same_weather(reference, scenario);
    std::set<std::string> nodes;
    for (const auto& dis : scenario.disruptions) {
        const double until = static_cast<double>(dis.until.since_start.count()) / 86400.0;
        d.end_day = std::max(d.end_day.value_or(0.0), until);
        if (const auto* node = std::get_if<core::NodeId>(&dis.target)) nodes.insert(net.node(*node).name);
    }
    d.nodes.assign(nodes.begin(), nodes.end());
    return d;
}

std::vector<KpiComparison> resilience(const std::vector<std::vector<logistics::RunResult>>& runs,
                                      const std::vector<Disturbance>& disturbances) {
    std::vector<KpiComparison> out;
    if (runs.size() < 2 || runs.front().empty() || disturbances.size() != runs.size()) return out;
    if (std::none_of(disturbances.begin(), disturbances.end(), [](const Disturbance& d) { return d.differs; })) return out;
    const auto& reference = runs.front();
    const std::size_t reps = reference.size();
    for (const auto& run : runs) {
        if (run.size() != reps) return out;
    }
    // One row per subject and KPI; `value(s, r)` is scenario s's against the reference in
    // replication r (nullopt: undefined there, which leaves the row out).
    auto add = [&](std::string subject, std::string id, std::string direction, std::string kpi, std::string unit, bool headline,
                   const auto& value) {
        std::vector<std::vector<double>> values(runs.size(), std::vector<double>(reps, 0.0));
        for (std::size_t s = 1; s < runs.size(); ++s) {
            for (std::size_t r = 0; r < reps; ++r) {
                const std::optional<double> v = value(s, r);
                if (!v) return;
                values[s][r] = *v;
            }
        }
        KpiComparison c{std::move(subject), std::move(id), std::move(direction), std::move(kpi), std::move(unit), headline,
                        {}, {}, {}, {}, {}};
        fill_statistics(c, values);
        out.push_back(std::move(c));
    };
    const bool any_end = std::any_of(disturbances.begin() + 1, disturbances.end(), [](const Disturbance& d) { return d.end_day.has_value(); });
    for (std::size_t f = 0; f < reference.front().flows.size(); ++f) {
        const auto& flow = reference.front().flows[f];
        std::vector<std::size_t> where{f};
        for (std::size_t s = 1; s < runs.size(); ++s) {
            const auto i = find(runs[s].front().flows, [&](const auto& x) { return x.name == flow.name; });
            if (!i) break;
            where.push_back(*i);
        }
        if (where.size() != runs.size()) continue;
        add("flow", flow.name, "", "lost_throughput", flow.unit, true, [&](std::size_t s, std::size_t r) -> std::optional<double> {
            return reference[r].flows[f].units_delivered.value() - runs[s][r].flows[where[s]].units_delivered.value();
        });
        add("flow", flow.name, "", "backlog_peak", flow.unit, true, [&](std::size_t s, std::size_t r) -> std::optional<double> {
            return peak(in_system(runs[s][r], where[s]), in_system(reference[r], f));
        });
        // A day of the flow's demand: the reference's units created a day. The band is a week of
        // it: block trains and vessels move a flow in lumps of days.
        auto day_of_demand = [&](std::size_t r) {
            double created = 0;
            for (const auto& day : reference[r].daily) created += f < day.created.size() ? day.created[f].value() : 0.0;
            return reference[r].daily.empty() ? 0.0 : created / static_cast<double>(reference[r].daily.size());
        };
        auto flow_recovery = [&](std::size_t s, std::size_t r) -> std::optional<Recovery> {
            if (!disturbances[s].end_day) return std::nullopt;
            const auto a = in_system(runs[s][r], where[s]);
            const auto b = in_system(reference[r], f);
            std::vector<double> excess(std::min(a.size(), b.size()));
            for (std::size_t d = 0; d < excess.size(); ++d) excess[d] = a[d] - b[d];
            return recovery(excess, 7.0 * day_of_demand(r), *disturbances[s].end_day);
        };
        if (!any_end) continue;
        add("flow", flow.name, "", "time_to_recover", "days", true, [&](std::size_t s, std::size_t r) -> std::optional<double> {
            const auto rec = flow_recovery(s, r);
            return rec ? std::optional<double>(rec->days) : std::optional<double>(0.0);
        });
        add("flow", flow.name, "", "recovered", "share", false, [&](std::size_t s, std::size_t r) -> std::optional<double> {
            const auto rec = flow_recovery(s, r);
            return rec ? (rec->recovered ? 1.0 : 0.0) : 1.0;
        });
    }
    // The processes of the nodes a disruption targets: those with a day's-end queue (the node
    // pools come first among the resources, in the daily series' order).
    std::set<std::string> targeted;
    for (const auto& d : disturbances) targeted.insert(d.nodes.begin(), d.nodes.end());
    const std::size_t pools = reference.front().daily.empty() ? 0 : reference.front().daily.front().queue.size();
    for (std::size_t i = 0; i < std::min(pools, reference.front().resources.size()); ++i) {
        const auto& res = reference.front().resources[i];
        if (!targeted.contains(res.id)) continue;
        std::vector<std::size_t> where{i};
        for (std::size_t s = 1; s < runs.size(); ++s) {
            const auto j = find(runs[s].front().resources, [&](const auto& x) { return x.key() == res.key(); });
            if (!j) break;
            where.push_back(*j);
        }
        if (where.size() != runs.size()) continue;
        add(res.kind, res.id, res.direction, "backlog_peak", res.served_unit, true, [&](std::size_t s, std::size_t r) -> std::optional<double> {
            return peak(queue_of(runs[s][r], where[s]), queue_of(reference[r], i));
        });
        if (!any_end) continue;
        add(res.kind, res.id, res.direction, "time_to_recover", "days", true, [&](std::size_t s, std::size_t r) -> std::optional<double> {
            if (!disturbances[s].end_day) return 0.0;
            const auto q = queue_of(reference[r], i);
            const double band = q.empty() ? 0.0 : *std::max_element(q.begin(), q.end());
            return recovery(queue_of(runs[s][r], where[s]), band, *disturbances[s].end_day).days;
        });
    }
    return out;
}

std::vector<KpiComparison> compare_with_resilience(const std::vector<std::vector<logistics::RunResult>>& runs,
                                                   const std::vector<ComparedScenario>& scenarios) {
    auto comparisons = compare(runs);
    if (scenarios.size() != runs.size() || scenarios.empty()) return comparisons;
    std::vector<Disturbance> disturbances;
    disturbances.reserve(scenarios.size());
    for (const auto& s : scenarios) disturbances.push_back(disturbance_of(*s.network, *scenarios.front().scenario, *s.scenario));
    for (auto& c : resilience(runs, disturbances)) comparisons.push_back(std::move(c));
    return comparisons;
}

} // namespace corridor::experiment
