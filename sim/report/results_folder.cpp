// Reading a run's results folder back for the report.
#include "sim/report/detail/results_folder.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <sstream>

#include "sim/logistics/kpis.hpp"
#include "sim/network/network.hpp"
#include "sim/report/detail/summary_statistics.hpp"

namespace corridor::report::detail {

namespace {

constexpr logistics::FeasibleRange kAtLeastZero{0, std::numeric_limits<double>::infinity()};

std::string where(const std::filesystem::path& path, std::size_t line) { return path.string() + ":" + std::to_string(line); }

// A number in a results table; a cell that is not one is noted and reads as nullopt.
std::optional<double> number_at(std::string_view text, const std::filesystem::path& path, std::size_t line,
                                std::vector<ResultsProblem>& problems) {
    try {
        return parse_number(text);
    } catch (const std::invalid_argument& e) {
        problems.push_back({where(path, line), e.what()});
        return std::nullopt;
    }
}

} // namespace

std::size_t LoadedTable::col(std::string_view name) const {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
}
bool LoadedTable::has(std::string_view name) const { return std::find(header.begin(), header.end(), name) != header.end(); }

std::optional<LoadedTable> load_table(const std::filesystem::path& path, const std::vector<std::string>& required,
                                      std::vector<ResultsProblem>& problems) {
    auto reader = CsvReader::open(path, problems);
    if (!reader) return std::nullopt;
    bool ok = true;
    for (const auto& name : required) ok &= reader->column(name, problems).has_value();
    LoadedTable table;
    table.header = reader->header();
    ok &= reader->for_each([&](std::span<const std::string_view> fields, std::size_t) {
        table.rows.emplace_back(fields.begin(), fields.end());
    }, problems);
    if (!ok) return std::nullopt;
    return table;
}

std::optional<nlohmann::json> load_json(const std::filesystem::path& path, std::vector<ResultsProblem>& problems) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        problems.push_back({path.string(), "missing"});
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error& e) {
        problems.push_back({path.string(), std::string("not whole JSON (") + e.what() + ")"});
        return std::nullopt;
    }
}

Band band_of(const std::vector<double>& values) {
    const auto s = summarise(values, kAtLeastZero);
    Band b;
    b.mean = values.empty() ? 0.0 : s.mean;
    if (values.size() >= 2) {
        b.low = s.ci95_low;
        b.high = s.ci95_high;
    }
    return b;
}

std::optional<RunFolder> read_run_folder(const std::filesystem::path& path, std::vector<ResultsProblem>& problems) {
    const std::size_t before = problems.size();
    RunFolder run;
    run.path = path;
    auto manifest = load_json(path / "manifest.json", problems);
    if (manifest) {
        run.manifest = std::move(*manifest);
        if (!run.manifest.contains("files") || !run.manifest["files"].is_array()) {
            problems.push_back({(path / "manifest.json").string(),
                                "no list of files (written by a corridor older than the report; run it again)"});
        } else {
            for (const auto& file : run.manifest["files"]) {
                const auto name = file.value("name", std::string());
                const auto bytes = file.value("bytes", std::uintmax_t{0});
                std::error_code ec;
                const auto size = std::filesystem::file_size(path / name, ec);
                if (ec) {
                    problems.push_back({(path / name).string(), "missing (the manifest lists it)"});
                } else if (size != bytes) {
                    problems.push_back({(path / name).string(), "has " + std::to_string(size) + " bytes where the manifest says " +
                                                                    std::to_string(bytes) + " (truncated or changed)"});
                }
            }
        }
    }
    if (auto j = load_json(path / "summary.json", problems)) run.summary = std::move(*j);
    if (auto j = load_json(path / "network.geojson", problems)) run.network = std::move(*j);
    if (auto j = load_json(path / "flows.geojson", problems)) run.flows_geo = std::move(*j);
    if (auto t = load_table(path / "flows.csv", {"flow", "kpi", "unit", "mean", "ci95_low", "ci95_high"}, problems)) {
        run.flows = std::move(*t);
    }
    if (auto t = load_table(path / "resources.csv", {"kind", "id", "direction", "kpi", "unit", "mean", "ci95_low", "ci95_high"},
                            problems)) {
        run.resources = std::move(*t);
    }
    if (problems.size() != before) return std::nullopt;
    return run;
}

namespace {

// Values by key, day and replication, read from a daily table.
using ByDay = std::map<std::string, std::vector<std::vector<double>>>; // key -> day -> replication values

DailySeries bands(const ByDay& values, std::size_t replications, bool weekly) {
    DailySeries out;
    for (const auto& [key, days] : values) {
        std::vector<std::vector<double>> series = days;
        for (auto& reps : series) reps.resize(replications, 0.0);
        auto& points = out[key];
        if (!weekly) {
            for (std::size_t d = 0; d < series.size(); ++d) points.emplace_back(static_cast<double>(d + 1), band_of(series[d]));
            continue;
        }
        for (std::size_t first = 0; first + 7 <= series.size(); first += 7) {
            std::vector<double> week(replications, 0.0);
            for (std::size_t d = first; d < first + 7; ++d) {
                for (std::size_t r = 0; r < replications; ++r) week[r] += series[d][r] / 7.0;
            }
            points.emplace_back(static_cast<double>(first + 7), band_of(week));
        }
    }
    return out;
}

void note(ByDay& values, const std::string& key, std::size_t day, std::size_t replication, double value) {
    auto& days = values[key];
    if (days.size() < day) days.resize(day);
    auto& reps = days[day - 1];
    if (reps.size() <= replication) reps.resize(replication + 1, 0.0);
    reps[replication] = value;
}

} // namespace

namespace {

// A daily table's values by key ("kind id direction": the key columns' non-empty values joined
// by spaces), day and replication, for the keys `keep` accepts.
ByDay read_daily(const std::filesystem::path& path, const std::vector<std::string>& key_columns, const std::string& value_column,
                 const std::function<bool(const std::string&)>& keep, std::size_t replications,
                 std::vector<ResultsProblem>& problems) {
    auto reader = CsvReader::open(path, problems);
    if (!reader) return {};
    const auto rep = reader->column("replication", problems), day = reader->column("day", problems),
               value = reader->column(value_column, problems);
    std::vector<std::size_t> keys;
    for (const auto& name : key_columns) {
        if (const auto c = reader->column(name, problems)) keys.push_back(*c);
    }
    if (!rep || !day || !value || keys.size() != key_columns.size()) return {};
    ByDay values;
    std::string key;
    reader->for_each([&](std::span<const std::string_view> f, std::size_t line) {
        key.clear();
        for (const auto c : keys) {
            if (f[c].empty()) continue;
            if (!key.empty()) key += ' ';
            key += f[c];
        }
        if (!keep(key)) return;
        const auto r = number_at(f[*rep], path, line, problems), d = number_at(f[*day], path, line, problems),
                   v = number_at(f[*value], path, line, problems);
        if (!r || !d || !v || *d < 1 || *r < 0 || *r >= static_cast<double>(replications)) return;
        note(values, key, static_cast<std::size_t>(*d), static_cast<std::size_t>(*r), *v);
    }, problems);
    return values;
}

bool every_key(const std::string&) { return true; }

} // namespace

DailySeries daily_flow_series(const std::filesystem::path& folder, std::size_t replications,
                              std::vector<ResultsProblem>& problems) {
    return bands(read_daily(folder / "daily_flows.csv", {"flow"}, "units_delivered", every_key, replications, problems),
                 replications, true);
}

DailySeries daily_resource_series(const std::filesystem::path& folder, const std::vector<std::string>& keys,
                                  std::size_t replications, std::vector<ResultsProblem>& problems) {
    const auto wanted = [&](const std::string& key) { return std::find(keys.begin(), keys.end(), key) != keys.end(); };
    return bands(read_daily(folder / "daily_resources.csv", {"kind", "id", "direction"}, "queue", wanted, replications, problems),
                 replications, false);
}

DailySeries daily_storm_series(const std::filesystem::path& folder, std::size_t replications,
                               std::vector<ResultsProblem>& problems) {
    return bands(read_daily(folder / "daily_weather.csv", {"area"}, "storm_share", every_key, replications, problems),
                 replications, false);
}

std::optional<ShipmentDigest> shipment_digest(const std::filesystem::path& folder, const nlohmann::json& manifest,
                                              std::vector<ResultsProblem>& problems) {
    const auto path = folder / "shipments.csv";
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt; // outputs: {shipments: false}
    auto reader = CsvReader::open(path, problems);
    if (!reader) return std::nullopt;
    const auto rep = reader->column("replication", problems), flow = reader->column("flow", problems),
               created = reader->column("created_h", problems), transit = reader->column("transit_h", problems);
    if (!rep || !flow || !created || !transit) return std::nullopt;
    const std::size_t replications = manifest.value("replications", std::size_t{1});
    const double warmup_h = manifest.value("warmup_days", 0.0) * 24.0;
    const auto start = network::parse_date(manifest.value("start_date", std::string("2025-01-01")));
    std::map<std::string, std::vector<std::vector<double>>> transits; // flow -> replication -> hours
    // flow -> month -> replication -> (sum, count)
    std::map<std::string, std::map<std::string, std::vector<std::pair<double, double>>>> months;
    std::map<std::int32_t, std::string> month_of_day; // memo: day index -> "YYYY-MM"
    const bool whole = reader->for_each([&](std::span<const std::string_view> f, std::size_t line) {
        if (f[*transit].empty()) return; // still in the system at the horizon
        const auto r = number_at(f[*rep], path, line, problems), c = number_at(f[*created], path, line, problems),
                   t = number_at(f[*transit], path, line, problems);
        if (!r || !c || !t || *r < 0 || *r >= static_cast<double>(replications) || *c < warmup_h) return;
        const auto ri = static_cast<std::size_t>(*r);
        auto& per_rep = transits[std::string(f[*flow])];
        if (per_rep.size() < replications) per_rep.resize(replications);
        per_rep[ri].push_back(*t);
        const auto day = static_cast<std::int32_t>(std::floor(*c / 24.0));
        auto memo = month_of_day.find(day);
        if (memo == month_of_day.end()) {
            const auto date = network::Date{(start ? start->days : 0) + day};
            memo = month_of_day.emplace(day, network::to_string(date).substr(0, 7)).first;
        }
        auto& cell = months[std::string(f[*flow])][memo->second];
        if (cell.size() < replications) cell.resize(replications, {0.0, 0.0});
        cell[ri].first += *t;
        cell[ri].second += 1;
    }, problems);
    if (!whole) return std::nullopt;
    ShipmentDigest digest;
    for (auto& [name, per_rep] : transits) {
        std::vector<std::vector<double>> levels(101);
        for (auto& hours : per_rep) {
            if (hours.empty()) continue;
            std::sort(hours.begin(), hours.end());
            for (std::size_t q = 0; q <= 100; ++q) {
                // The nearest-rank quantile: the smallest value with at least q% at or below it.
                const auto rank = static_cast<std::size_t>(std::ceil(static_cast<double>(q) / 100.0 * static_cast<double>(hours.size())));
                levels[q].push_back(hours[rank == 0 ? 0 : rank - 1]);
            }
        }
        auto& out = digest.quantiles[name];
        for (const auto& values : levels) out.push_back(band_of(values));
    }
    for (const auto& [name, by_month] : months) {
        for (const auto& [month, cells] : by_month) {
            std::vector<double> means;
            for (const auto& [sum, count] : cells) {
                if (count > 0) means.push_back(sum / count);
            }
            if (!means.empty()) digest.by_month[name][month] = band_of(means);
        }
    }
    return digest;
}

} // namespace corridor::report::detail
