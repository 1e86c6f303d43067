// The report's chart specifications: exact Vega-Lite JSON for small inputs.
#include "sim/report/detail/report_charts.hpp"

#include <gtest/gtest.h>

namespace corridor::report::detail {
namespace {

TEST(ReportCharts, UtilisationBarsWithTheirIntervals) {
    const Json rows = Json::parse(R"([{"resource": "border DOS in", "utilisation": 0.5, "low": 0.4, "high": 0.6}])");
    EXPECT_EQ(utilisation_spec(rows).dump(),
              R"({"data":{"values":[{"high":0.6,"low":0.4,"resource":"border DOS in","utilisation":0.5}]},)"
              R"("layer":[{"encoding":{"tooltip":[{"field":"resource","title":"resource"},)"
              R"({"field":"utilisation","format":".1%","title":"utilisation","type":"quantitative"},)"
              R"({"field":"low","format":".1%","title":"95% low","type":"quantitative"},)"
              R"({"field":"high","format":".1%","title":"95% high","type":"quantitative"}],)"
              R"("x":{"axis":{"format":".0%"},"field":"utilisation","scale":{"domain":[0,1]},"title":"utilisation","type":"quantitative"},)"
              R"("y":{"field":"resource","sort":null,"title":null,"type":"nominal"}},"mark":{"color":"#f58518","type":"bar"}},)"
              R"({"encoding":{"x":{"field":"low","type":"quantitative"},"x2":{"field":"high"},)"
              R"("y":{"field":"resource","sort":null,"type":"nominal"}},"mark":{"color":"#222222","type":"rule"},)"
              R"("transform":[{"filter":"datum.low != null"}]}],"width":560})");
}

TEST(ReportCharts, AScaleBarIsARoundFifthOfTheMap) {
    EXPECT_EQ(scale_bar_km(10000), 2000);
    EXPECT_EQ(scale_bar_km(2600), 500);
    EXPECT_EQ(scale_bar_km(900), 100);
    EXPECT_EQ(scale_bar_km(8), 1);
}

TEST(ReportCharts, TheMapFitsTheRegionAndDrawsTheBasemapByName) {
    MapLayers layers{{40, 30, 60, 50}, "basemap", Json::array(), Json::array()};
    const auto spec = map_spec(layers, {"line utilisation", "mean wait h", ".0%", false, 0, 0, "mean queue"});
    EXPECT_EQ(spec["projection"]["fit"]["geometry"]["coordinates"].dump(), "[[40.0,30.0],[60.0,50.0],[40.0,50.0],[60.0,30.0]]");
    EXPECT_EQ(spec["layer"][1]["data"].dump(), R"({"name":"basemap"})");
    EXPECT_EQ(spec["width"], 1060);
    // The scale bar: along 31°N the map's 20° are about 1,900 km; a fifth, rounded down to 1, 2 or
    // 5 times a power of ten, is 200 km.
    EXPECT_EQ(spec["layer"][8]["data"]["values"][0]["label"], "200 km");
}

} // namespace
} // namespace corridor::report::detail
