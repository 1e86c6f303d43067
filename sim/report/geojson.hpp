// GeoJSON (RFC 7946: WGS 84, [longitude, latitude]) for GIS tools such as QGIS:
// network.geojson, the model as points and lines, and flows.geojson, what a run carried on each
// link. A link is drawn as the straight line between its nodes' coordinates.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"

namespace corridor::report {

/// Nodes as Points (id, name, country, kind, processes) and links as LineStrings (id, from, to,
/// mode, gauge_mm, length_km, speed_kmh, capacity_per_day, status, opens).
std::string network_geojson(const network::Network& network);
/// Writes network_geojson() to `file`, whole or not at all (a temporary name, then a rename);
/// an existing file is refused (OutputExists). Throws OutputError with the system's reason.
void write_network_geojson(const std::filesystem::path& file, const network::Network& network);

/// One LineString per link and flow that used it: the units of the flow's consignments created
/// after the warm-up and delivered by the horizon whose route rode the link, per replication
/// (mean) and per day of the measured period; with the link's line utilisation and mean wait
/// where the link has a capacity of train paths (null elsewhere).
std::string flows_geojson(const network::Network& network, const logistics::Scenario& scenario,
                          const std::vector<logistics::RunResult>& replications);

} // namespace corridor::report
