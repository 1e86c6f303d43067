// compare.csv / compare.json / sweep.csv.
#include "sim/report/compare_writer.hpp"

#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "sim/core/confidence.hpp"
#include "sim/report/detail/text_files.hpp"

namespace corridor::report {

using detail::csv_field;
using detail::num;
using detail::write_text;

namespace {


bool headline(const std::string& kpi) {
    return kpi == "transit_mean_h" || kpi == "throughput_units_per_day" || kpi == "utilisation" || kpi == "wait_mean_h";
}

} // namespace

void write_comparison(const RunDirectory& dir, const std::vector<std::string>& scenarios,
                      const std::vector<experiment::KpiComparison>& comparisons) {
    std::string csv = "subject,kpi";
    for (const auto& s : scenarios) csv += "," + csv_field(s);
    for (std::size_t i = 1; i < scenarios.size(); ++i) {
        const auto& s = scenarios[i];
        csv += "," + csv_field(s + " - " + scenarios[0]) + "," + csv_field(s + " paired ci95") + "," +
               csv_field(s + " unpaired ci95") + "," + csv_field(s + " significant");
    }
    csv += "\n";
    nlohmann::json json;
    json["scenarios"] = scenarios;
    json["reference"] = scenarios.front();
    for (const auto& c : comparisons) {
        csv += csv_field(c.subject) + "," + c.kpi;
        for (const double m : c.means) csv += "," + num(m);
        nlohmann::json jc{{"subject", c.subject}, {"kpi", c.kpi}, {"means", c.means}};
        for (std::size_t i = 1; i < c.means.size(); ++i) {
            csv += "," + num(c.differences[i]) + "," + num(c.paired_half_width[i]) + "," + num(c.unpaired_half_width[i]) + "," +
                   (c.significant[i] ? "yes" : "no");
            jc["differences"].push_back({{"scenario", scenarios[i]},
                                         {"difference", c.differences[i]},
                                         {"paired_ci95_half_width", c.paired_half_width[i]},
                                         {"unpaired_ci95_half_width", c.unpaired_half_width[i]},
                                         {"significant", static_cast<bool>(c.significant[i])}});
        }
        csv += "\n";
        json["kpis"].push_back(jc);
    }
    write_text(dir.file("compare.csv"), csv);
    write_text(dir.file("compare.json"), json.dump(2) + "\n");
}

std::string comparison_text(const std::vector<std::string>& scenarios,
                            const std::vector<experiment::KpiComparison>& comparisons) {
    std::string text = fmt::format("{:<40} {:<26}", "subject", "kpi");
    for (const auto& s : scenarios) text += fmt::format(" {:>14.14}", s);
    for (std::size_t i = 1; i < scenarios.size(); ++i) text += fmt::format(" {:>24}", "diff ± 95% (paired)");
    text += "\n";
    for (const auto& c : comparisons) {
        if (!headline(c.kpi)) continue;
        text += fmt::format("{:<40.40} {:<26}", c.subject, c.kpi);
        for (const double m : c.means) text += fmt::format(" {:>14.3f}", m);
        for (std::size_t i = 1; i < c.means.size(); ++i) {
            text += fmt::format(" {:>+11.3f} ± {:<9.3f}{}", c.differences[i], c.paired_half_width[i], c.significant[i] ? "*" : " ");
        }
        text += "\n";
    }
    text += "* the paired 95% interval of the difference excludes 0\n";
    return text;
}

void write_sweep(const RunDirectory& dir, const std::vector<SweepPoint>& points) {
    std::string csv = "point,folder";
    if (!points.empty()) {
        for (const auto& [path, value] : points.front().settings) csv += "," + csv_field(path);
    }
    csv += ",flow,replications,created_mean,delivered_mean,in_system_mean,throughput_units_per_day,throughput_ci95,"
           "transit_mean_h,transit_mean_ci95,transit_p95_h,usd_per_unit,kg_co2e_per_unit\n";
    for (std::size_t p = 0; p < points.size(); ++p) {
        const auto& point = points[p];
        for (std::size_t f = 0; f < point.flows.size(); ++f) {
            core::RunningStats created, delivered, in_system, throughput, transit, p95, usd, kg;
            for (const auto& r : point.results) {
                created.add(static_cast<double>(r.flows[f].created));
                delivered.add(static_cast<double>(r.flows[f].delivered));
                in_system.add(static_cast<double>(r.flows[f].in_system));
                throughput.add(core::magnitude(r.flows[f].throughput_units_per_day));
                transit.add(core::magnitude(r.flows[f].transit_mean_h));
                p95.add(core::magnitude(r.flows[f].transit_p95_h));
                usd.add(core::magnitude(r.flows[f].usd_per_unit));
                kg.add(core::magnitude(r.flows[f].kg_co2e_per_unit));
            }
            csv += std::to_string(p) + "," + point.folder;
            for (const auto& [path, value] : point.settings) csv += "," + csv_field(value);
            csv += "," + csv_field(point.flows[f].name) + "," + std::to_string(point.results.size()) + "," + num(created.mean()) +
                   "," + num(delivered.mean()) + "," + num(in_system.mean()) + "," + num(throughput.mean()) + "," +
                   num(core::mean_confidence_interval(throughput).half_width) + "," + num(transit.mean()) + "," +
                   num(core::mean_confidence_interval(transit).half_width) + "," + num(p95.mean()) + "," + num(usd.mean()) +
                   "," + num(kg.mean()) + "\n";
        }
    }
    write_text(dir.file("sweep.csv"), csv);
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
                transit.add(core::magnitude(r.flows[f].transit_mean_h));
                throughput.add(core::magnitude(r.flows[f].throughput_units_per_day));
            }
            text += fmt::format("  {:<32.32} transit {:>9.1f} h   throughput {:>9.1f} units/day\n", points[p].flows[f].name,
                                transit.mean(), throughput.mean());
        }
    }
    return text;
}

} // namespace corridor::report
