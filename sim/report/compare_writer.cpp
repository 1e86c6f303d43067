// compare.csv / compare.json / sweep.csv, and their short tables for stdout.
#include "sim/report/compare_writer.hpp"

#include "sim/report/html_report.hpp"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sim/logistics/kpis.hpp"
#include "sim/report/detail/summary_statistics.hpp"
#include "sim/report/detail/text_files.hpp"
#include "sim/report/table.hpp"

namespace corridor::report {

using detail::write_text;

namespace {

nlohmann::json number(double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); }

std::string subject_label(const experiment::KpiComparison& c) {
    if (c.subject == "flow") return c.id;
    return c.subject + " " + c.id + (c.direction.empty() ? "" : " " + c.direction);
}

} // namespace

Table comparison_table(const std::vector<std::string>& scenarios, const std::vector<experiment::KpiComparison>& comparisons) {
    Table t{"compare"};
    auto& subject = t.categories("subject");
    auto& id = t.categories("id");
    auto& direction = t.categories("direction");
    auto& kpi = t.categories("kpi");
    auto& unit = t.categories("unit");
    auto& headline = t.integers("headline");
    auto& scenario = t.categories("scenario");
    auto& reference = t.categories("reference");
    auto& mean = t.numbers("mean");
    auto& reference_mean = t.numbers("reference_mean");
    auto& difference = t.numbers("difference");
    auto& paired_low = t.numbers("paired_ci95_low");
    auto& paired_high = t.numbers("paired_ci95_high");
    auto& paired_half = t.numbers("paired_ci95_half_width");
    auto& unpaired_half = t.numbers("unpaired_ci95_half_width");
    auto& significant = t.integers("significant");
    for (const auto& c : comparisons) {
        for (std::size_t s = 1; s < c.means.size(); ++s) {
            subject.push_back(c.subject);
            id.push_back(c.id);
            direction.push_back(c.direction);
            kpi.push_back(c.kpi);
            unit.push_back(c.unit);
            headline.push_back(c.headline ? 1 : 0);
            scenario.push_back(scenarios[s]);
            reference.push_back(scenarios[0]);
            mean.push_back(c.means[s]);
            reference_mean.push_back(c.means[0]);
            difference.push_back(c.differences[s]);
            paired_low.push_back(c.differences[s] - c.paired_half_width[s]);
            paired_high.push_back(c.differences[s] + c.paired_half_width[s]);
            paired_half.push_back(c.paired_half_width[s]);
            unpaired_half.push_back(c.unpaired_half_width[s]);
            significant.push_back(c.significant[s] ? 1 : 0);
        }
    }
    return t;
}

void write_comparison(const RunDirectory& dir, const std::vector<std::string>& scenarios,
                      const std::vector<experiment::KpiComparison>& comparisons) {
    write_csv(dir.file("compare.csv"), comparison_table(scenarios, comparisons));
    nlohmann::json json;
    json["format"] = "corridor-compare-2";
    json["reference"] = scenarios.front();
    json["scenarios"] = scenarios;
    json["kpis"] = nlohmann::json::array();
    for (const auto& c : comparisons) {
        nlohmann::json jc{{"subject", c.subject}, {"id", c.id}, {"direction", c.direction}, {"kpi", c.kpi},
                          {"unit", c.unit}, {"headline", c.headline}};
        for (std::size_t s = 0; s < c.means.size(); ++s) jc["means"][scenarios[s]] = number(c.means[s]);
        jc["differences"] = nlohmann::json::array();
        for (std::size_t s = 1; s < c.means.size(); ++s) {
            jc["differences"].push_back({{"scenario", scenarios[s]},
                                         {"difference", number(c.differences[s])},
                                         {"paired_ci95_low", number(c.differences[s] - c.paired_half_width[s])},
                                         {"paired_ci95_high", number(c.differences[s] + c.paired_half_width[s])},
                                         {"paired_ci95_half_width", number(c.paired_half_width[s])},
                                         {"unpaired_ci95_half_width", number(c.unpaired_half_width[s])},
                                         {"significant", static_cast<bool>(c.significant[s])}});
        }
        json["kpis"].push_back(jc);
    }
    write_text(dir.file("compare.json"), json.dump(2) + "\n");
    write_report(dir.temporary_path());
}

std::string comparison_text(const std::vector<std::string>& scenarios,
                            const std::vector<experiment::KpiComparison>& comparisons) {
    std::string text = fmt::format("{:<40} {:<20}", "subject", "kpi");
    for (const auto& s : scenarios) text += fmt::format(" {:>14.14}", s);
    for (std::size_t i = 1; i < scenarios.size(); ++i) text += fmt::format(" {:>24}", "diff ± 95% (paired)");
    text += "\n";
    for (const auto& c : comparisons) {
        if (!c.headline) continue;
        text += fmt::format("{:<40.40} {:<20}", subject_label(c), c.kpi + " " + c.unit);
        for (const double m : c.means) text += fmt::format(" {:>14.3f}", m);
        for (std::size_t i = 1; i < c.means.size(); ++i) {
            text += fmt::format(" {:>+11.3f} ± {:<9.3f}{}", c.differences[i], c.paired_half_width[i], c.significant[i] ? "*" : " ");
        }
        text += "\n";
    }
    text += "* the paired 95% interval of the difference excludes 0\n";
    return text;
}

Table sweep_table(const std::vector<SweepPoint>& points) {
    Table t{"sweep"};
    auto& point = t.integers("point");
    auto& folder = t.categories("folder");
    std::vector<Categories*> settings;
    if (!points.empty()) {
        for (const auto& [path, value] : points.front().settings) settings.push_back(&t.categories(path));
    }
    auto& flow = t.categories("flow");
    auto& kpi = t.categories("kpi");
    auto& unit = t.categories("unit");
    auto& replications = t.integers("replications");
    auto& mean = t.numbers("mean");
    auto& sd = t.numbers("sd");
    auto& low = t.numbers("ci95_low");
    auto& high = t.numbers("ci95_high");
    for (std::size_t p = 0; p < points.size(); ++p) {
        const auto& pt = points[p];
        for (std::size_t f = 0; f < pt.flows.size(); ++f) {
            const auto& first = pt.results.front().flows[f];
            for (const auto& k : logistics::flow_kpis()) {
                std::vector<double> values;
                for (const auto& r : pt.results) {
                    if (const auto v = k.value(r.flows[f])) values.push_back(*v);
                }
                if (values.empty()) continue;
                const auto s = detail::summarise(values, logistics::feasible_range(k.unit));
                point.push_back(static_cast<std::int64_t>(p));
                folder.push_back(pt.folder);
                for (std::size_t i = 0; i < settings.size(); ++i) settings[i]->push_back(pt.settings[i].second);
                flow.push_back(pt.flows[f].name);
                kpi.push_back(k.name);
                unit.push_back(logistics::unit_name(k.unit, first.unit));
                replications.push_back(static_cast<std::int64_t>(s.n));
                mean.push_back(s.mean);
                sd.push_back(s.sd);
                low.push_back(s.ci95_low);
                high.push_back(s.ci95_high);
            }
        }
    }
    return t;
}

void write_sweep(const RunDirectory& dir, const std::vector<SweepPoint>& points) {
    write_csv(dir.file("sweep.csv"), sweep_table(points));
    write_report(dir.temporary_path());
}

std::string sweep_text(const std::vector<SweepPoint>& points) {
    std::string text;
    for (std::size_t p = 0; p < points.size(); ++p) {
        std::string label;
        for (const auto& [path, value] : points[p].settings) label += (label.empty() ? "" : ", ") + path + "=" + value;
        text += fmt::format("point {}: {}\n", p, label);
        for (std::size_t f = 0; f < points[p].flows.size(); ++f) {
            core::RunningStats transit, throughput;
            for (const auto& r : points[p].results) {
                transit.add(r.flows[f].transit_mean_h.count());
                throughput.add(r.flows[f].throughput_units_per_day.value());
            }
            text += fmt::format("  {:<32.32} transit {:>9.1f} h   throughput {:>9.1f} units/day\n", points[p].flows[f].name,
                                transit.mean(), throughput.mean());
        }
    }
    return text;
}

} // namespace corridor::report
