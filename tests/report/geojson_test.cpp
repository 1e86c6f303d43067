// GeoJSON for GIS tools: the model as points and lines in [longitude, latitude], and what a run
// carried on each link by flow.
#include "sim/report/geojson.hpp"

#include <gtest/gtest.h>

#include "tests/support/world.hpp"

namespace corridor::report {
namespace {

support::World two_nodes() {
    return support::WorldBuilder{}
        .node("A", "KZ", 43.5, 51.25, network::NodeKind::seaport)
        .port(2, 6)
        .node("B", "AZ", 40.0, 49.5)
        .link("AB", "A", "B", network::Mode::ferry, 400, 20, {.both_ways = false, .gauge_mm = 0})
        .build();
}

TEST(NetworkGeojson, NodesArePointsAndLinksLineStringsWithLongitudeFirst) {
    EXPECT_EQ(network_geojson(two_nodes().network),
              R"({
 "type": "FeatureCollection",
 "name": "test",
 "features": [
  {
   "type": "Feature",
   "geometry": {
    "type": "Point",
    "coordinates": [
     51.25,
     43.5
    ]
   },
   "properties": {
    "feature": "node",
    "id": "A",
    "name": "A",
    "country": "KZ",
    "kind": "seaport",
    "processes": "port"
   }
  },
  {
   "type": "Feature",
   "geometry": {
    "type": "Point",
    "coordinates": [
     49.5,
     40.0
    ]
   },
   "properties": {
    "feature": "node",
    "id": "B",
    "name": "B",
    "country": "AZ",
    "kind": "city",
    "processes": ""
   }
  },
  {
   "type": "Feature",
   "geometry": {
    "type": "LineString",
    "coordinates": [
     [
      51.25,
      43.5
     ],
     [
      49.5,
      40.0
     ]
    ]
   },
   "properties": {
    "feature": "link",
    "id": "AB",
    "from": "A",
    "to": "B",
    "mode": "ferry",
    "gauge_mm": null,
    "length_km": 400.0,
    "speed_kmh": 20.0,
    "capacity_per_day": null,
    "status": "open",
    "opens": null
   }
  }
 ]
}
)");
}

// A replication's record of one consignment of flow 0 on route 0 (the link AB).
logistics::ShipmentRecord shipment(double created_h, std::optional<double> delivered_h, double units) {
    logistics::ShipmentRecord s;
    s.flow = core::FlowId{0};
    s.route = core::RouteId{0};
    s.units = core::Units{units};
    s.created = core::SimTime{} + core::to_ticks(core::Hours{created_h});
    if (delivered_h) s.delivered = core::SimTime{} + core::to_ticks(core::Hours{*delivered_h});
    return s;
}

TEST(FlowsGeojson, CountsTheUnitsOfDeliveredConsignmentsCreatedAfterTheWarmupPerReplication) {
    const auto world = two_nodes();
    auto sc = support::scenario_on(world, 10);
    sc.warmup = core::Duration{86400};
    sc.flows.push_back(support::flow(world, "A", "B", 1));
    logistics::RunResult first;
    first.routes.push_back({world.link("AB")});
    first.shipments = {shipment(2, 30, 1),    // in the warm-up: not counted
                       shipment(30, 60, 2),   // counted
                       shipment(40, 70, 1),   // counted
                       shipment(50, {}, 5)};  // not delivered: not counted
    logistics::RunResult second = first;
    second.shipments.resize(2); // 2 units
    const std::string text = flows_geojson(world.network, sc, {first, second});
    // (3 + 2) / 2 replications = 2.5 units; over 9 measured days.
    EXPECT_NE(text.find(R"("units": 2.5,)"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("units_per_day": 0.2777777777777778,)"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("flow": "A-B",)"), std::string::npos) << text;
    EXPECT_NE(text.find(R"("utilisation": null,)"), std::string::npos) << "a ferry link has no train paths: " << text;
    EXPECT_NE(text.find(R"("coordinates": [)"), std::string::npos);
}

} // namespace
} // namespace corridor::report
