// A results folder read back for the report: what `corridor run` wrote (manifest, summary,
// tables, GeoJSON), with every missing, truncated or malformed file noted as a ResultsProblem.
// The report is built from these files, never from memory, so `corridor report DIR` rebuilds
// the same report byte for byte.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/report/detail/csv_reader.hpp"

namespace corridor::report::detail {

/// A small CSV table held whole (flows.csv, resources.csv, compare.csv, sweep.csv).
struct LoadedTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    /// The column's index; the loader checked that the required ones exist.
    [[nodiscard]] std::size_t col(std::string_view name) const;
    [[nodiscard]] bool has(std::string_view name) const;
};
std::optional<LoadedTable> load_table(const std::filesystem::path& path, const std::vector<std::string>& required,
                                      std::vector<ResultsProblem>& problems);

/// A JSON file parsed whole; nullopt after noting a problem.
std::optional<nlohmann::json> load_json(const std::filesystem::path& path, std::vector<ResultsProblem>& problems);

/// A statistic over replications for one x (a day, a quantile level, a month).
struct Band {
    double mean = 0;
    std::optional<double> low, high; // the 95% interval, with two replications or more
};

// nlohmann::json default-constructs to null without throwing; the check cannot see through it.
struct RunFolder { // NOLINT(bugprone-exception-escape)
    std::filesystem::path path;
    nlohmann::json manifest, summary, network, flows_geo;
    LoadedTable flows, resources;
};

/// The files of a run folder that the report needs, checked against the manifest's list of
/// files and their sizes.
std::optional<RunFolder> read_run_folder(const std::filesystem::path& path, std::vector<ResultsProblem>& problems);

/// Per key, (day, band) points over replications: daily_flows.csv's units a day as each week's
/// mean (at the week's last day, so that block trains do not read as spikes), or
/// daily_resources.csv's queue day by day (for the resources named in `keys`: "kind id
/// direction").
using DailySeries = std::map<std::string, std::vector<std::pair<double, Band>>>;
DailySeries daily_flow_series(const std::filesystem::path& folder, std::size_t replications,
                              std::vector<ResultsProblem>& problems);
DailySeries daily_resource_series(const std::filesystem::path& folder, const std::vector<std::string>& keys,
                                  std::size_t replications, std::vector<ResultsProblem>& problems);
/// Per sea area and day: the share of the day in storm, mean over replications.
DailySeries daily_storm_series(const std::filesystem::path& folder, std::size_t replications,
                               std::vector<ResultsProblem>& problems);

/// From shipments.csv, per flow: the transit time at each percentile 0..100 of the consignments
/// delivered (over replications: mean and interval of each replication's quantile), and the mean
/// transit by month of creation ("YYYY-MM").
struct ShipmentDigest {
    std::map<std::string, std::vector<Band>> quantiles;                // flow -> 101 levels
    std::map<std::string, std::map<std::string, Band>> by_month;       // flow -> month -> transit h
};
std::optional<ShipmentDigest> shipment_digest(const std::filesystem::path& folder, const nlohmann::json& manifest,
                                              std::vector<ResultsProblem>& problems);

/// The mean and 95% interval of `values` (one per replication), clipped at 0 below.
Band band_of(const std::vector<double>& values);

} // namespace corridor::report::detail
