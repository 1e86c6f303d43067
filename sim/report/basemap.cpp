// Decoding world-atlas TopoJSON and clipping its countries to a region.
#include "sim/report/detail/basemap.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace corridor::report::detail {

namespace {

using Point = std::pair<double, double>; // lon, lat
using Ring = std::vector<Point>;

// Sutherland–Hodgman against one edge of the region: keeps the part where inside(p) holds.
template <class Inside, class Cross>
Ring clip_edge(const Ring& ring, Inside inside, Cross cross) {
    Ring out;
    if (ring.empty()) return out;
    Point prev = ring.back();
    bool prev_in = inside(prev);
    for (const Point& p : ring) {
        const bool in = inside(p);
        if (in != prev_in) out.push_back(cross(prev, p));
        if (in) out.push_back(p);
        prev = p;
        prev_in = in;
    }
    return out;
}

Ring clip(Ring ring, const Region& r) {
    auto at_lon = [](double lon) {
        return [lon](Point a, Point b) { return Point{lon, a.second + (b.second - a.second) * (lon - a.first) / (b.first - a.first)}; };
    };
    auto at_lat = [](double lat) {
        return [lat](Point a, Point b) { return Point{a.first + (b.first - a.first) * (lat - a.second) / (b.second - a.second), lat}; };
    };
    ring = clip_edge(ring, [&](Point p) { return p.first >= r.west; }, at_lon(r.west));
    ring = clip_edge(ring, [&](Point p) { return p.first <= r.east; }, at_lon(r.east));
    ring = clip_edge(ring, [&](Point p) { return p.second >= r.south; }, at_lat(r.south));
    ring = clip_edge(ring, [&](Point p) { return p.second <= r.north; }, at_lat(r.north));
    return ring;
}

// d3-geo draws a polygon's edges as great circles: a long edge along the region's northern
// parallel would bulge towards the pole, so edges longer than half a degree get points between.
Ring densify(const Ring& ring) {
    Ring out;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const Point a = ring[i];
        const Point b = ring[(i + 1) % ring.size()];
        out.push_back(a);
        const double span = std::max(std::fabs(b.first - a.first), std::fabs(b.second - a.second));
        const int steps = static_cast<int>(std::ceil(span / 0.5));
        for (int k = 1; k < steps; ++k) {
            const double t = static_cast<double>(k) / steps;
            out.emplace_back(a.first + (b.first - a.first) * t, a.second + (b.second - a.second) * t);
        }
    }
    return out;
}

double round2(double x) { return std::round(x * 100.0) / 100.0; }

// A closed ring of rounded coordinates without repeated points; empty if it has no area left.
nlohmann::json ring_json(const Ring& ring) {
    nlohmann::json out = nlohmann::json::array();
    Point last{NAN, NAN};
    for (const auto& p : ring) {
        const Point q{round2(p.first), round2(p.second)};
        // Points closer than 0.06° (a pixel or less on a corridor-wide map) to the last are dropped.
        if (std::fabs(q.first - last.first) < 0.06 && std::fabs(q.second - last.second) < 0.06) continue;
        out.push_back({q.first, q.second});
        last = q;
    }
    if (out.size() < 3) return nlohmann::json::array();
    if (out.front() != out.back()) out.push_back(out.front());
    return out.size() >= 4 ? out : nlohmann::json::array();
}

} // namespace

nlohmann::json clipped_countries(std::string_view topojson, const Region& region) {
    const auto topo = nlohmann::json::parse(topojson);
    const double sx = topo["transform"]["scale"][0], sy = topo["transform"]["scale"][1];
    const double tx = topo["transform"]["translate"][0], ty = topo["transform"]["translate"][1];
    // Arcs are delta-encoded quantised positions.
    std::vector<Ring> arcs;
    for (const auto& arc : topo["arcs"]) {
        Ring points;
        long x = 0, y = 0;
        for (const auto& d : arc) {
            x += d[0].get<long>();
            y += d[1].get<long>();
            points.emplace_back(static_cast<double>(x) * sx + tx, static_cast<double>(y) * sy + ty);
        }
        arcs.push_back(std::move(points));
    }
    auto ring_of = [&](const nlohmann::json& indices) {
        Ring ring;
        for (const auto& index : indices) {
            const long i = index.get<long>();
            const Ring& arc = arcs[static_cast<std::size_t>(i < 0 ? ~i : i)];
            Ring part = arc;
            if (i < 0) std::reverse(part.begin(), part.end());
            ring.insert(ring.end(), part.begin() + (ring.empty() ? 0 : 1), part.end());
        }
        return ring;
    };
    nlohmann::json features = nlohmann::json::array();
    for (const auto& geometry : topo["objects"]["countries"]["geometries"]) {
        if (!geometry.contains("arcs")) continue;
        std::vector<nlohmann::json> polygons;
        if (geometry["type"] == "Polygon") {
            polygons.push_back(geometry["arcs"]);
        } else if (geometry["type"] == "MultiPolygon") {
            for (const auto& p : geometry["arcs"]) polygons.push_back(p);
        }
        nlohmann::json coordinates = nlohmann::json::array();
        for (const auto& polygon : polygons) {
            nlohmann::json rings = nlohmann::json::array();
            bool exterior = true;
            for (const auto& indices : polygon) {
                const Ring ring = ring_of(indices);
                // An exterior ring wholly outside the region may still enclose it (a country
                // larger than the map), so every exterior is clipped; the test only saves work.
                auto clipped = ring_json(densify(clip(ring, region)));
                if (exterior && clipped.empty()) break;
                if (!clipped.empty()) rings.push_back(std::move(clipped));
                exterior = false;
            }
            if (!rings.empty()) coordinates.push_back(std::move(rings));
        }
        if (coordinates.empty()) continue;
        features.push_back({{"type", "Feature"},
                            {"properties", {{"name", geometry["properties"].value("name", "")}}},
                            {"geometry", {{"type", "MultiPolygon"}, {"coordinates", std::move(coordinates)}}}});
    }
    return {{"type", "FeatureCollection"}, {"features", std::move(features)}};
}

} // namespace corridor::report::detail
