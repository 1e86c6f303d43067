// The result files of a run; the only file writer besides the run directory itself.
#include "sim/report/run_writer.hpp"

#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <type_traits>

#include "sim/core/confidence.hpp"
#include "sim/report/detail/text_files.hpp"
#include "sim/core/running_stats.hpp"
#include "sim/report/sha256.hpp"

namespace corridor::report {

using detail::csv_field;
using detail::num;
using detail::write_text;

namespace {


double hours_of(core::SimTime t) { return static_cast<double>(t.seconds()) / 3600.0; }

// Mean, sd and 95% interval of one KPI over replications.
nlohmann::json kpi(const std::vector<double>& values) {
    core::RunningStats stats;
    for (const double v : values) stats.add(v);
    nlohmann::json j;
    j["mean"] = stats.mean();
    j["values"] = values;
    if (stats.count() >= 2) {
        const auto ci = core::mean_confidence_interval(stats, 0.95);
        j["sd"] = stats.stddev();
        j["ci95_low"] = ci.low();
        j["ci95_high"] = ci.high();
    }
    return j;
}

// One KPI of flow or resource `index` in every replication.
template <class Get>
std::vector<double> over(const std::vector<logistics::RunResult>& reps, std::size_t index, Get get) {
    std::vector<double> values;
    for (const auto& r : reps) {
        if constexpr (std::is_invocable_v<Get, const logistics::FlowResult&>) {
            values.push_back(core::magnitude(get(r.flows[index])));
        } else {
            values.push_back(core::magnitude(get(r.resources[index])));
        }
    }
    return values;
}

double mean_of(const std::vector<double>& v) {
    double sum = 0;
    for (const double x : v) sum += x;
    return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

double half_width(const std::vector<double>& v) {
    if (v.size() < 2) return NAN;
    core::RunningStats stats;
    for (const double x : v) stats.add(x);
    return core::mean_confidence_interval(stats).half_width;
}

} // namespace

void write_run(const RunDirectory& dir, const RunInputs& inputs, const network::Network& network,
               const logistics::Scenario& scenario, const std::vector<logistics::RunResult>& reps) {
    using logistics::FlowResult;
    using logistics::ResourceResult;
    // manifest.json
    nlohmann::json manifest;
    manifest["program"] = "corridor";
    manifest["version"] = inputs.program_version;
    manifest["scenario"] = inputs.scenario_name;
    manifest["seed"] = scenario.seed;
    manifest["replications"] = reps.size();
    manifest["start_date"] = network::to_string(scenario.start_date);
    manifest["horizon_days"] = static_cast<double>(scenario.horizon.count()) / 86400.0;
    manifest["warmup_days"] = static_cast<double>(scenario.warmup.count()) / 86400.0;
    manifest["command"] = inputs.options;
    manifest["partial"] = inputs.partial;
    manifest["stopped"] = inputs.stop_reason;
    manifest["warmup"] = {{"method", inputs.warmup_method},
                          {"days", static_cast<double>(scenario.warmup.count()) / 86400.0},
                          {"mser5_days_by_replication", inputs.mser5_days}};
    if (inputs.precision_target > 0) {
        manifest["precision"] = {{"target_relative_half_width", inputs.precision_target},
                                 {"worst_relative_half_width", inputs.precision_reached}};
    }
    for (const auto& file : inputs.files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        manifest["inputs"].push_back({{"path", file}, {"sha256", sha256_hex(text.str())}});
    }
    write_text(dir.file("manifest.json"), manifest.dump(2) + "\n");

    // summary.json
    nlohmann::json summary;
    summary["scenario"] = inputs.scenario_name;
    summary["replications"] = reps.size();
    for (const auto& r : reps) {
        summary["totals"].push_back({{"created", r.created}, {"delivered", r.delivered}, {"in_system", r.in_system}, {"events", r.events},
                                     {"route_searches", r.route_searches}});
    }
    for (std::size_t f = 0; f < scenario.flows.size(); ++f) {
        nlohmann::json jf;
        jf["flow"] = scenario.flows[f].name;
        jf["created"] = kpi(over(reps, f, [](const FlowResult& x) { return static_cast<double>(x.created); }));
        jf["delivered"] = kpi(over(reps, f, [](const FlowResult& x) { return static_cast<double>(x.delivered); }));
        jf["in_system"] = kpi(over(reps, f, [](const FlowResult& x) { return static_cast<double>(x.in_system); }));
        jf["throughput_units_per_day"] = kpi(over(reps, f, [](const FlowResult& x) { return core::magnitude(x.throughput_units_per_day); }));
        jf["transit_mean_h"] = kpi(over(reps, f, [](const FlowResult& x) { return core::magnitude(x.transit_mean_h); }));
        jf["transit_p95_h"] = kpi(over(reps, f, [](const FlowResult& x) { return core::magnitude(x.transit_p95_h); }));
        jf["usd_per_unit"] = kpi(over(reps, f, [](const FlowResult& x) { return core::magnitude(x.usd_per_unit); }));
        jf["kg_co2e_per_unit"] = kpi(over(reps, f, [](const FlowResult& x) { return core::magnitude(x.kg_co2e_per_unit); }));
        if (reps.front().flows[f].on_time_share) {
            jf["on_time_share"] = kpi(over(reps, f, [](const FlowResult& x) { return x.on_time_share.value_or(NAN); }));
        }
        summary["flows"].push_back(jf);
    }
    write_text(dir.file("summary.json"), summary.dump(2) + "\n");

    // flows.csv: per flow, one row each for the mean, sd and 95% interval over replications,
    // then one row per replication.
    {
        struct Column {
            std::string name;
            std::function<double(const FlowResult&)> get;
        };
        std::vector<Column> columns = {
            {"created", [](const FlowResult& x) { return static_cast<double>(x.created); }},
            {"delivered", [](const FlowResult& x) { return static_cast<double>(x.delivered); }},
            {"in_system", [](const FlowResult& x) { return static_cast<double>(x.in_system); }},
            {"units_created", [](const FlowResult& x) { return core::magnitude(x.units_created); }},
            {"units_delivered", [](const FlowResult& x) { return core::magnitude(x.units_delivered); }},
            {"throughput_units_per_day", [](const FlowResult& x) { return core::magnitude(x.throughput_units_per_day); }},
            {"transit_mean_h", [](const FlowResult& x) { return core::magnitude(x.transit_mean_h); }},
            {"transit_p50_h", [](const FlowResult& x) { return core::magnitude(x.transit_p50_h); }},
            {"transit_p90_h", [](const FlowResult& x) { return core::magnitude(x.transit_p90_h); }},
            {"transit_p95_h", [](const FlowResult& x) { return core::magnitude(x.transit_p95_h); }},
            {"transit_max_h", [](const FlowResult& x) { return core::magnitude(x.transit_max_h); }},
            {"on_time_share", [](const FlowResult& x) { return x.on_time_share.value_or(NAN); }},
            {"usd_per_unit", [](const FlowResult& x) { return core::magnitude(x.usd_per_unit); }},
            {"kg_co2e_per_unit", [](const FlowResult& x) { return core::magnitude(x.kg_co2e_per_unit); }},
        };
        for (std::size_t u = 0; u < logistics::kTimeUses; ++u) {
            columns.push_back({std::string(logistics::kTimeUseNames[u]) + "_h", [u](const FlowResult& x) { return core::magnitude(x.mean_hours[u]); }});
        }
        std::string flows = "flow,statistic";
        for (const auto& c : columns) flows += "," + c.name;
        flows += "\n";
        for (std::size_t f = 0; f < scenario.flows.size(); ++f) {
            std::vector<std::vector<double>> values;
            values.reserve(columns.size());
            for (const auto& c : columns) values.push_back(over(reps, f, c.get));
            auto row = [&](const std::string& statistic, auto cell) {
                flows += csv_field(scenario.flows[f].name) + "," + statistic;
                for (std::size_t k = 0; k < columns.size(); ++k) flows += "," + num(cell(values[k]));
                flows += "\n";
            };
            row("mean", [](const std::vector<double>& v) { return mean_of(v); });
            row("sd", [](const std::vector<double>& v) {
                core::RunningStats st;
                for (const double x : v) st.add(x);
                return st.stddev();
            });
            row("ci95_low", [](const std::vector<double>& v) { return mean_of(v) - half_width(v); });
            row("ci95_high", [](const std::vector<double>& v) { return mean_of(v) + half_width(v); });
            for (std::size_t rep = 0; rep < reps.size(); ++rep) {
                row("replication_" + std::to_string(rep), [rep](const std::vector<double>& v) { return v[rep]; });
            }
        }
        write_text(dir.file("flows.csv"), flows);
    }

    // resources.csv
    std::string resources = "resource,kind,servers,utilisation,queue_mean,queue_max,wait_mean_h,wait_p95_h,served\n";
    for (std::size_t i = 0; i < reps.front().resources.size(); ++i) {
        auto col = [&](auto get) { return mean_of(over(reps, i, get)); };
        const auto& first = reps.front().resources[i];
        resources += csv_field(first.name) + "," + first.kind + "," + num(first.servers) + "," +
                     num(col([](const ResourceResult& x) { return core::magnitude(x.utilisation); })) + "," +
                     num(col([](const ResourceResult& x) { return core::magnitude(x.queue_mean); })) + "," +
                     num(col([](const ResourceResult& x) { return core::magnitude(x.queue_max); })) + "," +
                     num(col([](const ResourceResult& x) { return core::magnitude(x.wait_mean_h); })) + "," +
                     num(col([](const ResourceResult& x) { return core::magnitude(x.wait_p95_h); })) + "," +
                     num(col([](const ResourceResult& x) { return static_cast<double>(x.served); })) + "\n";
    }
    write_text(dir.file("resources.csv"), resources);

    // shipments.csv
    if (inputs.write_shipments) {
        std::ofstream out(dir.file("shipments.csv"), std::ios::binary);
        out << "replication,shipment,flow,units,created_h,delivered_h,transit_h,path";
        for (const auto* name : logistics::kTimeUseNames) out << ',' << name << "_h";
        out << ",usd,kg_co2e\n";
        for (std::size_t rep = 0; rep < reps.size(); ++rep) {
            const auto& r = reps[rep];
            for (std::size_t s = 0; s < r.shipments.size(); ++s) {
                const auto& sh = r.shipments[s];
                const auto& flow = scenario.flows[sh.flow.index()];
                std::string path = network.node(flow.origin).name;
                if (r.routes.contains(sh.route)) {
                    for (const auto l : r.routes[sh.route]) path += ">" + network.node(network.link(l).to).name;
                }
                out << rep << ',' << sh.id.index() << ',' << csv_field(flow.name) << ',' << num(sh.units) << ',' << num(hours_of(sh.created)) << ','
                    << (sh.delivered ? num(hours_of(*sh.delivered)) : "") << ','
                    << (sh.delivered ? num(hours_of(*sh.delivered) - hours_of(sh.created)) : "") << ',' << csv_field(path);
                for (const auto sec : sh.seconds) out << ',' << num(static_cast<double>(sec) / 3600.0);
                out << ',' << num(sh.usd) << ',' << num(sh.kg_co2e) << '\n';
            }
        }
        if (!out) throw std::runtime_error("cannot write shipments.csv");
    }

    // timeseries.csv
    {
        std::ofstream out(dir.file("timeseries.csv"), std::ios::binary);
        out << "replication,day,series,value\n";
        for (std::size_t rep = 0; rep < reps.size(); ++rep) {
            for (const auto& point : reps[rep].daily) {
                for (std::size_t i = 0; i < point.queue.size(); ++i) {
                    out << rep << ',' << point.day << ',' << csv_field("queue " + reps[rep].resources[i].name) << ',' << num(point.queue[i]) << '\n';
                }
                for (std::size_t f = 0; f < point.delivered.size(); ++f) {
                    out << rep << ',' << point.day << ',' << csv_field("delivered " + scenario.flows[f].name) << ',' << num(point.delivered[f]) << '\n';
                }
            }
        }
        if (!out) throw std::runtime_error("cannot write timeseries.csv");
    }

    // custody.csv: only when some flow keeps custody.
    bool custody = false;
    for (const auto& f : scenario.flows) custody |= f.custody;
    if (custody) {
        std::ofstream out(dir.file("custody.csv"), std::ios::binary);
        out << "replication,shipment,flow,time_h,node,event,holder\n";
        for (std::size_t rep = 0; rep < reps.size(); ++rep) {
            for (const auto& e : reps[rep].custody) {
                const auto& shipments = reps[rep].shipments;
                const auto flow = e.shipment.index() < shipments.size()
                                      ? scenario.flows[shipments[e.shipment.index()].flow.index()].name
                                      : std::string{};
                out << rep << ',' << e.shipment.index() << ',' << csv_field(flow) << ',' << num(hours_of(e.at)) << ','
                    << network.node(e.node).name << ',' << e.event << ',' << csv_field(e.holder) << '\n';
            }
        }
        if (!out) throw std::runtime_error("cannot write custody.csv");
    }
}

std::string summary_text(const logistics::Scenario& scenario, const std::vector<logistics::RunResult>& reps) {
    std::string text = fmt::format("{:<34} {:>9} {:>9} {:>9} {:>10} {:>10} {:>10}\n", "flow", "created", "delivered",
                                   "in system", "transit h", "p95 h", "USD/unit");
    for (std::size_t f = 0; f < scenario.flows.size(); ++f) {
        auto col = [&](auto get) { return mean_of(over(reps, f, get)); };
        text += fmt::format("{:<34} {:>9.0f} {:>9.0f} {:>9.0f} {:>10.1f} {:>10.1f} {:>10.0f}\n", scenario.flows[f].name,
                            col([](const logistics::FlowResult& x) { return static_cast<double>(x.created); }),
                            col([](const logistics::FlowResult& x) { return static_cast<double>(x.delivered); }),
                            col([](const logistics::FlowResult& x) { return static_cast<double>(x.in_system); }),
                            col([](const logistics::FlowResult& x) { return core::magnitude(x.transit_mean_h); }),
                            col([](const logistics::FlowResult& x) { return core::magnitude(x.transit_p95_h); }),
                            col([](const logistics::FlowResult& x) { return core::magnitude(x.usd_per_unit); }));
    }
    return text;
}

} // namespace corridor::report
