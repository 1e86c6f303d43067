// A run's result files: manifest.json, summary.json and the tables (run_tables.hpp) as CSV.
#include "sim/report/run_writer.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <exception>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "sim/logistics/kpis.hpp"
#include "sim/report/detail/summary_statistics.hpp"
#include "sim/report/detail/text_files.hpp"
#include "sim/report/geojson.hpp"
#include "sim/report/html_report.hpp"
#include "sim/report/run_tables.hpp"
#include "sim/report/sha256.hpp"

namespace corridor::report {

using detail::write_text;

namespace {

nlohmann::json number(double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); }

// A KPI over replications: unit, mean, sd, interval and every replication's value.
nlohmann::json kpi_json(const std::string& unit, const std::vector<double>& values, logistics::FeasibleRange range) {
    const auto s = detail::summarise(values, range);
    nlohmann::json j;
    j["unit"] = unit;
    j["mean"] = number(s.mean);
    j["sd"] = number(s.sd);
    j["ci95_low"] = number(s.ci95_low);
    j["ci95_high"] = number(s.ci95_high);
    j["by_replication"] = nlohmann::json::array();
    for (const double v : values) j["by_replication"].push_back(number(v));
    return j;
}

// What a disruption acts on, as the scenario names it.
std::string disruption_target(const network::Network& network, const logistics::Scenario& scenario,
                              const logistics::DisruptionTarget& target) {
    if (const auto* link = std::get_if<core::LinkId>(&target)) return "link " + network.link(*link).name;
    if (const auto* node = std::get_if<core::NodeId>(&target)) return "node " + network.node(*node).name;
    if (const auto* service = std::get_if<core::ServiceId>(&target)) {
        return "service " + scenario.services[service->index()].name;
    }
    std::uint32_t index = 0;
    for (const auto& svc : scenario.services) {
        for (const auto& v : svc.vessels) {
            if (index++ == std::get<core::VesselId>(target).index()) return "vessel " + v.name;
        }
    }
    return "vessel";
}

nlohmann::json manifest_json(const RunInputs& inputs, const network::Network& network, const logistics::Scenario& scenario,
                             std::size_t replications, const RunDirectory& dir, const std::vector<std::string>& files) {
    nlohmann::json manifest;
    manifest["program"] = "corridor";
    manifest["version"] = inputs.program_version;
    manifest["format"] = kResultsFormat;
    manifest["scenario"] = inputs.scenario_name;
    manifest["seed"] = scenario.seed;
    manifest["replications"] = replications;
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
    manifest["inputs"] = nlohmann::json::array();
    for (const auto& file : inputs.files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        manifest["inputs"].push_back({{"path", file}, {"sha256", sha256_hex(text.str())}});
    }
    manifest["disruptions"] = nlohmann::json::array();
    for (const auto& d : scenario.disruptions) {
        manifest["disruptions"].push_back(
            {{"what", (d.capacity_factor > 0 ? "derate " : "close ") + disruption_target(network, scenario, d.target)},
             {"capacity_factor", d.capacity_factor},
             {"from_day", static_cast<double>(d.from.since_start.count()) / 86400.0},
             {"until_day", static_cast<double>(d.until.since_start.count()) / 86400.0}});
    }
    // The files the run wrote with their sizes: a reader (corridor report) can tell a whole
    // folder from a truncated one.
    manifest["files"] = nlohmann::json::array();
    for (const auto& name : files) {
        manifest["files"].push_back({{"name", name}, {"bytes", std::filesystem::file_size(dir.file(name))}});
    }
    return manifest;
}

nlohmann::json summary_json(const network::Network& network, const logistics::Scenario& scenario,
                            const std::vector<logistics::RunResult>& reps) {
    nlohmann::json summary;
    summary["scenario"] = scenario.name;
    summary["replications"] = reps.size();
    const logistics::FeasibleRange counts{0, std::numeric_limits<double>::infinity()};
    auto total = [&](auto get) {
        std::vector<double> values;
        values.reserve(reps.size());
        for (const auto& r : reps) values.push_back(static_cast<double>(get(r)));
        return values;
    };
    summary["totals"] = {
        {"created", kpi_json("consignments", total([](const auto& r) { return r.created; }), counts)},
        {"delivered", kpi_json("consignments", total([](const auto& r) { return r.delivered; }), counts)},
        {"in_system", kpi_json("consignments", total([](const auto& r) { return r.in_system; }), counts)},
        {"peak_in_system", kpi_json("consignments", total([](const auto& r) { return r.peak_in_system; }), counts)},
        {"events", kpi_json("events", total([](const auto& r) { return r.events; }), counts)},
        {"route_searches", kpi_json("searches", total([](const auto& r) { return r.route_searches; }), counts)},
    };
    summary["flows"] = nlohmann::json::array();
    for (std::size_t f = 0; f < scenario.flows.size(); ++f) {
        const auto& first = reps.front().flows[f];
        nlohmann::json jf;
        jf["flow"] = scenario.flows[f].name;
        jf["origin"] = network.node(scenario.flows[f].origin).name;
        jf["destination"] = network.node(scenario.flows[f].destination).name;
        jf["cargo_class"] = first.cargo_class;
        jf["unit"] = first.unit;
        for (const auto& kpi : logistics::flow_kpis()) {
            std::vector<double> values;
            for (const auto& r : reps) {
                if (const auto v = kpi.value(r.flows[f])) values.push_back(*v);
            }
            if (values.empty()) continue;
            jf["kpis"][std::string(kpi.name)] =
                kpi_json(logistics::unit_name(kpi.unit, first.unit), values, logistics::feasible_range(kpi.unit));
        }
        summary["flows"].push_back(jf);
    }
    summary["resources"] = nlohmann::json::array();
    for (std::size_t i = 0; i < reps.front().resources.size(); ++i) {
        const auto& res = reps.front().resources[i];
        nlohmann::json jr;
        jr["kind"] = res.kind;
        jr["id"] = res.id;
        jr["direction"] = res.direction;
        for (const auto& kpi : logistics::resource_kpis(res)) {
            std::vector<double> values;
            values.reserve(reps.size());
            for (const auto& r : reps) values.push_back(kpi.value(r.resources[i]));
            jr["kpis"][std::string(kpi.name)] =
                kpi_json(logistics::unit_name(kpi.unit, "", &res), values, logistics::feasible_range(kpi.unit));
        }
        summary["resources"].push_back(jr);
    }
    return summary;
}

} // namespace

RunInputs inputs_of(const experiment::Study& study, std::string program_version, std::vector<std::string> files,
                    std::string command, bool write_shipments) {
    RunInputs inputs;
    inputs.program_version = std::move(program_version);
    inputs.scenario_name = study.scenario.name;
    inputs.files = std::move(files);
    inputs.options = std::move(command);
    inputs.write_shipments = write_shipments;
    inputs.partial = study.reps.cancelled;
    inputs.stop_reason = study.reps.stop_reason;
    inputs.warmup_method = study.warmup_method;
    inputs.mser5_days = study.mser5_days;
    inputs.precision_target = study.precision_target;
    inputs.precision_reached = study.precision_reached;
    return inputs;
}

void write_run(const RunDirectory& dir, const RunInputs& inputs, const network::Network& network,
               const logistics::Scenario& scenario, const std::vector<logistics::RunResult>& reps) {
    if (reps.empty()) throw std::invalid_argument("a run to write needs a replication");
    std::vector<std::string> files{"summary.json", "network.geojson", "flows.geojson"};
    write_text(dir.file("summary.json"), summary_document(network, scenario, reps));
    write_text(dir.file("network.geojson"), network_geojson(network));
    write_text(dir.file("flows.geojson"), flows_geojson(network, scenario, reps));
    const auto tables = run_tables(network, scenario, reps);
    for (const Table* t : {&tables.flows, &tables.flow_replications, &tables.resources, &tables.resource_replications,
                           &tables.daily_flows, &tables.daily_resources, &tables.daily_weather}) {
        write_csv(dir.file(t->name() + ".csv"), *t);
        files.push_back(t->name() + ".csv");
    }
    // The consignments replication by replication, a replication a core at once (formatting
    // numbers is most of a run's write), written in replication order while the next window
    // formats: the file does not depend on the core count, and at most two windows of
    // replications' rows are in memory as text.
    if (inputs.write_shipments) {
        CsvFile shipments{dir.file("shipments.csv")};
        const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
        const auto format_window = [&](std::size_t first) {
            const std::size_t last = std::min(reps.size(), first + cores);
            std::vector<std::string> parts(last - first);
            std::vector<std::exception_ptr> failures(last - first);
            {
                std::vector<std::jthread> workers;
                for (std::size_t rep = first; rep < last; ++rep) {
                    workers.emplace_back([&, rep] {
                        try {
                            parts[rep - first] = csv_rows(shipments_table(network, scenario, reps[rep], rep), rep == 0);
                        } catch (...) {
                            failures[rep - first] = std::current_exception();
                        }
                    });
                }
            }
            for (const auto& failure : failures) {
                if (failure) std::rethrow_exception(failure);
            }
            return parts;
        };
        auto next = std::async(std::launch::async, format_window, std::size_t{0});
        for (std::size_t first = 0; first < reps.size(); first += cores) {
            const auto parts = next.get();
            if (first + cores < reps.size()) next = std::async(std::launch::async, format_window, first + cores);
            for (const auto& part : parts) shipments.append_rows(part);
        }
        shipments.close();
        files.emplace_back("shipments.csv");
    }
    bool custody = false;
    for (const auto& f : scenario.flows) custody |= f.custody;
    if (custody) {
        CsvFile file{dir.file("custody.csv")};
        for (std::size_t rep = 0; rep < reps.size(); ++rep) file.append(custody_table(network, scenario, reps[rep], rep));
        file.close();
        files.emplace_back("custody.csv");
    }
    // The manifest last, with the list of what was written; then the report, from the files.
    write_text(dir.file("manifest.json"), manifest_json(inputs, network, scenario, reps.size(), dir, files).dump(2) + "\n");
    write_report(dir.temporary_path());
}

std::string summary_document(const network::Network& network, const logistics::Scenario& scenario,
                             const std::vector<logistics::RunResult>& replications) {
    return summary_json(network, scenario, replications).dump(2) + "\n";
}

std::string summary_text(const logistics::Scenario& scenario, const std::vector<logistics::RunResult>& reps) {
    std::string text = fmt::format("{:<34} {:>9} {:>9} {:>9} {:>10} {:>10} {:>10}\n", "flow", "created", "delivered",
                                   "in system", "transit h", "p95 h", "USD/unit");
    for (std::size_t f = 0; f < scenario.flows.size(); ++f) {
        auto mean = [&](auto get) {
            double sum = 0;
            for (const auto& r : reps) sum += get(r.flows[f]);
            return sum / static_cast<double>(reps.size());
        };
        text += fmt::format("{:<34} {:>9.0f} {:>9.0f} {:>9.0f} {:>10.1f} {:>10.1f} {:>10.0f}\n", scenario.flows[f].name,
                            mean([](const auto& x) { return static_cast<double>(x.created); }),
                            mean([](const auto& x) { return static_cast<double>(x.delivered); }),
                            mean([](const auto& x) { return static_cast<double>(x.in_system); }),
                            mean([](const auto& x) { return x.transit_mean_h.count(); }),
                            mean([](const auto& x) { return x.transit_p95_h.count(); }),
                            mean([](const auto& x) { return x.usd_per_unit.value(); }));
    }
    return text;
}

} // namespace corridor::report
