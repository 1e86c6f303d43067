// The report map's basemap: Natural Earth's countries (world-atlas, TopoJSON) decoded and clipped
// to the region a network covers, as GeoJSON with coordinates rounded to 0.01° and points closer
// than 0.06° (about a pixel on a corridor-wide map) dropped, so that a report stays small enough
// to email.
#pragma once
#include <string_view>

#include <nlohmann/json.hpp>

namespace corridor::report::detail {

struct Region {
    double west = 0, south = 0, east = 0, north = 0; // degrees
};

/// The countries of `topojson` (a world-atlas Topology with an object "countries") that reach
/// into `region`, each clipped to it: a FeatureCollection of MultiPolygons with the country's
/// name. Rings keep the source's winding (clockwise exteriors, as d3-geo and Vega draw them).
nlohmann::json clipped_countries(std::string_view topojson, const Region& region);

} // namespace corridor::report::detail
