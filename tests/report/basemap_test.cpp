// The report's basemap: TopoJSON decoded and each country clipped to the map's region.
#include "sim/report/detail/basemap.hpp"

#include <gtest/gtest.h>

namespace corridor::report::detail {
namespace {

// One square country from (0, 0) to (10, 10) degrees, quantised at 0.1° and delta-encoded, and
// one far away.
constexpr const char* kTopology = R"({"type": "Topology",
  "transform": {"scale": [0.1, 0.1], "translate": [0, 0]},
  "objects": {"countries": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Square"}},
    {"type": "Polygon", "arcs": [[1]], "properties": {"name": "Far"}}]}},
  "arcs": [[[0, 0], [0, 100], [100, 0], [0, -100], [-100, 0]],
           [[1000, 1000], [0, 10], [10, 0], [0, -10], [-10, 0]]]})";

TEST(Basemap, CountriesAreClippedToTheRegionAndThoseOutsideLeftOut) {
    const auto countries = clipped_countries(kTopology, Region{5, 5, 20, 20});
    ASSERT_EQ(countries["features"].size(), 1U);
    const auto& feature = countries["features"][0];
    EXPECT_EQ(feature["properties"]["name"], "Square");
    const auto& ring = feature["geometry"]["coordinates"][0][0];
    double west = 180, east = -180, south = 90, north = -90;
    for (const auto& p : ring) {
        west = std::min(west, p[0].get<double>());
        east = std::max(east, p[0].get<double>());
        south = std::min(south, p[1].get<double>());
        north = std::max(north, p[1].get<double>());
    }
    EXPECT_EQ(west, 5);
    EXPECT_EQ(east, 10);
    EXPECT_EQ(south, 5);
    EXPECT_EQ(north, 10);
    EXPECT_EQ(ring.front(), ring.back()) << "a closed ring";
    // Edges longer than half a degree get points between, so a long clipped edge keeps to its
    // parallel when drawn: 5° of edge on each of four sides.
    EXPECT_EQ(ring.size(), 4U * 10U + 1U);
}

} // namespace
} // namespace corridor::report::detail
