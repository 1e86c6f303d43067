// Scenarios, their runs, comparisons and sweeps from Python: the same layers as the command line
// (scenario, experiment, report), with the GIL released while replications run and Ctrl-C
// stopping them.
#include "sim/python/run_bindings.hpp"

#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "sim/experiment/comparison.hpp"
#include "sim/experiment/resilience.hpp"
#include "sim/experiment/study.hpp"
#include "sim/python/tables.hpp"
#include "sim/report/compare_writer.hpp"
#include "sim/experiment/run_size.hpp"
#include "sim/report/run_directory.hpp"
#include "sim/report/run_tables.hpp"
#include "sim/report/run_writer.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace corridor::python {

namespace py = pybind11;

namespace {

constexpr const char* kProgram = "corridor (Python)";

struct Scenario {
    std::string path;
    std::vector<scenario::Setting> settings;
    std::shared_ptr<const scenario::LoadedScenario> loaded;
};

struct Results {
    std::shared_ptr<const scenario::LoadedScenario> loaded;
    experiment::Study study;
    std::string command;
};

struct Comparison {
    std::vector<Results> runs;
    std::vector<std::string> labels;
    std::vector<experiment::KpiComparison> kpis;
};

struct SweepPoint {
    std::vector<scenario::Setting> settings;
    Results results;
};
struct Sweep {
    std::vector<SweepPoint> points;
};

struct RunSettings {
    std::optional<std::uint32_t> replications;
    std::optional<std::uint64_t> seed;
    std::uint32_t threads = 0;
    double precision = 0;
    std::uint32_t max_replications = 100;
    bool auto_warmup = false;
    bool allow_large = false;
};

// As `corridor run`: a run beyond experiment::RunLimits is an InputError unless allowed.
void check_size(const Scenario& sc, const RunSettings& s) {
    if (s.allow_large) return;
    const auto& scenario = sc.loaded->scenario;
    const std::uint32_t replications = s.replications.value_or(scenario.replications);
    const std::uint32_t most = s.precision > 0 ? std::max(replications, s.max_replications) : replications;
    const std::uint32_t threads = s.threads > 0 ? s.threads : std::max(1U, std::thread::hardware_concurrency());
    const auto size = experiment::estimate_run_size(sc.loaded->network, scenario, most, threads, sc.loaded->write_shipments);
    if (const auto refusal = experiment::beyond_limits(size)) {
        throw scenario::InputError({scenario::file_error(sc.path, *refusal + " (allow_large=True)")});
    }
}

// Runs `work` on a thread of its own with the GIL released, checking for Ctrl-C (Python's
// signal handlers) every tenth of a second: on one, `cancel` stops the replications at their
// next simulated day and KeyboardInterrupt is raised.
template <class Work>
auto interruptible(std::atomic<bool>& cancel, Work work) {
    using Result = decltype(work());
    std::optional<Result> result;
    std::exception_ptr failure;
    bool interrupted = false;
    {
        py::gil_scoped_release free;
        std::mutex mutex;
        std::condition_variable finished;
        bool done = false;
        std::thread worker([&] {
            try {
                result.emplace(work());
            } catch (...) {
                failure = std::current_exception();
            }
            std::lock_guard lock{mutex};
            done = true;
            finished.notify_one();
        });
        for (;;) {
            std::unique_lock lock{mutex};
            if (finished.wait_for(lock, std::chrono::milliseconds(100), [&] { return done; })) break;
            lock.unlock();
            py::gil_scoped_acquire gil;
            if (!interrupted && PyErr_CheckSignals() != 0) {
                interrupted = true;
                cancel.store(true);
            }
        }
        worker.join();
    }
    if (interrupted) throw py::error_already_set();
    if (failure) std::rethrow_exception(failure);
    return std::move(*result);
}

Results run_scenario(const Scenario& sc, const RunSettings& s, const std::string& command) {
    check_size(sc, s);
    auto scenario = sc.loaded->scenario;
    if (s.seed) scenario.seed = *s.seed;
    if (s.replications) scenario.replications = *s.replications;
    std::atomic<bool> cancel{false};
    experiment::StudyOptions options;
    options.replications.threads = s.threads > 0 ? s.threads : std::max(1U, std::thread::hardware_concurrency());
    options.replications.keep_shipments = sc.loaded->write_shipments;
    options.replications.relative_precision = s.precision;
    options.replications.max_replications = s.max_replications;
    options.replications.cancel = &cancel;
    options.auto_warmup = s.auto_warmup;
    auto study = interruptible(cancel, [&] { return experiment::run_study(sc.loaded->network, scenario, options); });
    return Results{sc.loaded, std::move(study), command};
}

void write_results(const Results& r, const std::filesystem::path& folder) {
    const auto inputs = report::inputs_of(r.study, kProgram, r.loaded->input_files, r.command, r.loaded->write_shipments);
    report::RunDirectory dir{folder};
    report::write_run(dir, inputs, r.loaded->network, r.study.scenario, r.study.reps.results);
    dir.commit();
}

py::object table_of(const Results& r, const std::string& name) {
    const auto& net = r.loaded->network;
    const auto& sc = r.study.scenario;
    const auto& reps = r.study.reps.results;
    if (name == "shipments" || name == "custody") {
        std::vector<report::Table> parts;
        for (std::size_t rep = 0; rep < reps.size(); ++rep) {
            parts.push_back(name == "shipments" ? report::shipments_table(net, sc, reps[rep], rep)
                                                : report::custody_table(net, sc, reps[rep], rep));
        }
        return to_python(report::concatenate(parts));
    }
    const auto tables = report::run_tables(net, sc, reps);
    for (const auto* t : {&tables.flows, &tables.flow_replications, &tables.resources, &tables.resource_replications,
                          &tables.daily_flows, &tables.daily_resources, &tables.daily_weather}) {
        if (t->name() == name) return to_python(*t);
    }
    throw py::key_error("no table '" + name + "'");
}

std::vector<scenario::Setting> settings_of(const std::map<std::string, std::string>& set) {
    std::vector<scenario::Setting> settings;
    settings.reserve(set.size());
    for (const auto& [path, value] : set) settings.push_back({path, value});
    return settings;
}

std::shared_ptr<const scenario::LoadedScenario> load(const std::string& path, const std::vector<scenario::Setting>& settings) {
    return std::make_shared<const scenario::LoadedScenario>(scenario::load_scenario(path, settings));
}

} // namespace

void bind_runs(py::module_& m) {
    py::class_<Scenario>(m, "Scenario", "A scenario (scenarios/README.md) with its model, loaded and checked.")
        .def_readonly("path", &Scenario::path)
        .def_property_readonly("name", [](const Scenario& s) { return s.loaded->scenario.name; })
        .def_property_readonly("seed", [](const Scenario& s) { return s.loaded->scenario.seed; })
        .def_property_readonly("replications", [](const Scenario& s) { return s.loaded->scenario.replications; })
        .def_property_readonly("horizon_days", [](const Scenario& s) { return static_cast<double>(s.loaded->scenario.horizon.count()) / 86400.0; })
        .def_property_readonly("warmup_days", [](const Scenario& s) { return static_cast<double>(s.loaded->scenario.warmup.count()) / 86400.0; })
        .def_property_readonly("start_date", [](const Scenario& s) { return network::to_string(s.loaded->scenario.start_date); })
        .def_property_readonly("model_path", [](const Scenario& s) { return s.loaded->model_path; })
        .def_property_readonly("input_files", [](const Scenario& s) { return s.loaded->input_files; })
        .def_property_readonly("flows", [](const Scenario& s) {
            std::vector<std::string> names;
            for (const auto& f : s.loaded->scenario.flows) names.push_back(f.name);
            return names;
        })
        .def_property_readonly("warnings", [](const Scenario& s) {
            std::vector<std::string> out;
            for (const auto& w : s.loaded->warnings) out.push_back(scenario::to_string(w));
            return out;
        })
        .def("__repr__", [](const Scenario& s) { return "<corridor.Scenario '" + s.loaded->scenario.name + "'>"; });

    m.def(
        "load_scenario",
        [](const std::string& path, const std::map<std::string, std::string>& set) {
            auto settings = settings_of(set);
            return Scenario{path, settings, load(path, settings)};
        },
        py::arg("path"), py::arg("set") = std::map<std::string, std::string>{},
        "Reads a scenario, the files it extends and its model, with `set` applied (as `corridor sweep --set "
        "PATH=VALUE`); raises InputError with every problem found.");

    py::class_<Results>(m, "Results")
        .def_property_readonly("scenario", [](const Results& r) { return r.study.scenario.name; })
        .def_property_readonly("replications", [](const Results& r) { return r.study.reps.results.size(); })
        .def_property_readonly("stopped", [](const Results& r) { return r.study.reps.stop_reason; })
        .def_property_readonly("seed", [](const Results& r) { return r.study.scenario.seed; })
        .def("table", &table_of, py::arg("name"))
        .def("summary_json", [](const Results& r) {
            return report::summary_document(r.loaded->network, r.study.scenario, r.study.reps.results);
        })
        .def("write", [](const Results& r, const std::string& folder) { write_results(r, folder); }, py::arg("folder"));

    m.def(
        "run",
        [](const Scenario& sc, std::optional<std::uint32_t> replications, std::optional<std::uint64_t> seed,
           std::uint32_t threads, double precision, std::uint32_t max_replications, bool auto_warmup, bool allow_large) {
            return run_scenario(sc, {replications, seed, threads, precision, max_replications, auto_warmup, allow_large},
                                "corridor.run('" + sc.path + "')");
        },
        py::arg("scenario"), py::arg("replications") = py::none(), py::arg("seed") = py::none(), py::arg("threads") = 0,
        py::arg("precision") = 0.0, py::arg("max_replications") = 100, py::arg("auto_warmup") = false,
        py::arg("allow_large") = false);

    py::class_<Comparison>(m, "Comparison")
        .def_readonly("labels", &Comparison::labels)
        .def_property_readonly("runs", [](const Comparison& c) { return c.runs; })
        .def("table", [](const Comparison& c) { return to_python(report::comparison_table(c.labels, c.kpis)); })
        .def("write", [](const Comparison& c, const std::string& folder) {
            report::RunDirectory dir{folder};
            for (std::size_t i = 0; i < c.runs.size(); ++i) {
                write_results(c.runs[i], dir.file(std::to_string(i) + "_" + c.labels[i]));
            }
            report::write_comparison(dir, c.labels, c.kpis);
            dir.commit();
        }, py::arg("folder"));

    m.def(
        "compare",
        [](const std::vector<Scenario>& scenarios, std::optional<std::uint32_t> replications, std::optional<std::uint64_t> seed,
           std::uint32_t threads, bool allow_large) {
            if (scenarios.size() < 2) throw py::value_error("compare needs two scenarios or more");
            const RunSettings settings{replications, seed, threads, 0, 100, false, allow_large};
            for (const auto& sc : scenarios) check_size(sc, settings); // before anything runs
            Comparison c;
            std::vector<std::vector<logistics::RunResult>> runs;
            for (const auto& sc : scenarios) {
                auto r = run_scenario(sc, settings, "corridor.compare('" + sc.path + "')");
                if (!c.runs.empty() && r.study.scenario.seed != c.runs.front().study.scenario.seed) {
                    throw py::value_error("compare needs the same seed for every scenario (pass seed=)");
                }
                if (!c.runs.empty() && r.study.reps.results.size() != c.runs.front().study.reps.results.size()) {
                    throw py::value_error("compare needs the same number of replications for every scenario (pass replications=)");
                }
                c.labels.push_back(r.study.scenario.name);
                runs.push_back(r.study.reps.results);
                c.runs.push_back(std::move(r));
            }
            std::vector<experiment::ComparedScenario> compared;
            for (const auto& r : c.runs) compared.push_back({&r.study.scenario, &r.loaded->network});
            c.kpis = experiment::compare_with_resilience(runs, compared);
            return c;
        },
        py::arg("scenarios"), py::arg("replications") = py::none(), py::arg("seed") = py::none(), py::arg("threads") = 0,
        py::arg("allow_large") = false);

    py::class_<SweepPoint>(m, "SweepPoint")
        .def_property_readonly("settings", [](const SweepPoint& p) {
            std::map<std::string, std::string> out;
            for (const auto& s : p.settings) out[s.path] = s.value;
            return out;
        })
        .def_readonly("results", &SweepPoint::results);
    py::class_<Sweep>(m, "Sweep")
        .def_readonly("points", &Sweep::points)
        .def("table", [](const Sweep& s) {
            std::vector<report::SweepPoint> rows;
            for (std::size_t p = 0; p < s.points.size(); ++p) rows.push_back(report::SweepPoint{"point_" + std::to_string(p), {}, s.points[p].results.study.scenario.flows, s.points[p].results.study.reps.results});
            for (std::size_t p = 0; p < s.points.size(); ++p) {
                for (const auto& set : s.points[p].settings) rows[p].settings.emplace_back(set.path, set.value);
            }
            return to_python(report::sweep_table(rows));
        })
        .def("write", [](const Sweep& s, const std::string& folder) {
            report::RunDirectory dir{folder};
            std::vector<report::SweepPoint> rows;
            for (std::size_t p = 0; p < s.points.size(); ++p) {
                const std::string label = "point_" + std::to_string(p);
                write_results(s.points[p].results, dir.file(label));
                report::SweepPoint row{label, {}, s.points[p].results.study.scenario.flows, s.points[p].results.study.reps.results};
                for (const auto& set : s.points[p].settings) row.settings.emplace_back(set.path, set.value);
                rows.push_back(std::move(row));
            }
            report::write_sweep(dir, rows);
            dir.commit();
        }, py::arg("folder"));

    m.def(
        "sweep",
        [](const std::string& path, const std::vector<std::pair<std::string, std::vector<std::string>>>& grid,
           std::optional<std::uint32_t> replications, std::optional<std::uint64_t> seed, std::uint32_t threads,
           bool allow_large) {
            const RunSettings settings{replications, seed, threads, 0, 100, false, allow_large};
            std::vector<scenario::Axis> axes;
            axes.reserve(grid.size());
            for (const auto& [setting, values] : grid) axes.push_back({setting, values});
            const auto points = scenario::grid(axes);
            std::vector<Scenario> loaded; // every point must load before anything runs
            loaded.reserve(points.size());
            for (const auto& point : points) {
                loaded.push_back(Scenario{path, point, load(path, point)});
                check_size(loaded.back(), settings);
            }
            Sweep s;
            for (auto& sc : loaded) {
                s.points.push_back(SweepPoint{sc.settings, run_scenario(sc, settings,
                                                                        "corridor.sweep('" + path + "')")});
            }
            return s;
        },
        py::arg("scenario"), py::arg("grid"), py::arg("replications") = py::none(), py::arg("seed") = py::none(),
        py::arg("threads") = 0, py::arg("allow_large") = false);
}

} // namespace corridor::python
