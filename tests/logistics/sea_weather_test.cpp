// Sea weather: the storm chain's share of time, storms holding vessels, and the calendar.
#include "sim/logistics/weather.hpp"

#include <gtest/gtest.h>

#include "sim/logistics/simulate.hpp"
#include "tests/logistics/worlds.hpp"

namespace corridor::support {
namespace {

TEST(SeaWeather, TheStormChainStormsForTheShareItsParametersImply) {
    logistics::WeatherMonth month{0.3, core::Hours{24}};
    const auto pi = logistics::stationary_distribution(month);
    EXPECT_NEAR(pi[1], 0.3, 1e-12);
    EXPECT_NEAR(pi[0], 0.7, 1e-12);
    const auto w = border_world(1);
    auto sc = scenario_on(w, 365);
    logistics::SeaArea area;
    area.name = "caspian";
    area.months.fill(month);
    sc.areas.push_back(area);
    const auto ci = over_replications(w, sc, 10, [](const logistics::RunResult& r) { return resource(r, "weather caspian").utilisation; });
    EXPECT_NEAR(ci.mean, 0.3, std::max(ci.half_width, 0.01));
}

TEST(SeaWeather, StormsHoldVessels) {
    const auto w = corridor_world();
    auto calm = scenario_on(w, 90);
    calm.flows.push_back(flow(w, "AKT", "ALAT", 20));
    auto stormy = calm;
    logistics::SeaArea area;
    area.name = "caspian";
    area.months.fill({0.4, core::Hours{36}});
    stormy.areas.push_back(area);
    const auto a = logistics::simulate(w.network, calm, {});
    const auto b = logistics::simulate(w.network, stormy, {});
    const auto weather = static_cast<std::size_t>(logistics::TimeUse::weather);
    EXPECT_EQ(a.flows[0].mean_hours[weather].count(), 0.0);
    EXPECT_GT(b.flows[0].mean_hours[weather].count(), 1.0);
    EXPECT_GT(b.flows[0].transit_mean_h, a.flows[0].transit_mean_h);
}

// A storm that begins while a vessel loads at its berth holds it there: it does not sail until
// the storm ends. January is calm and February all storm, so nothing sails after 1 February
// although vessels are at their berths, loading, when the storm begins.
TEST(SeaWeather, AStormThatBeginsDuringLoadingHoldsTheVessel) {
    const auto w = corridor_world(4, 100, 2);
    auto sc = scenario_on(w, 40);
    sc.start_date = *network::parse_date("2025-01-08");
    auto f = flow(w, "AKT", "ALAT", 400);
    f.custody = true;
    sc.flows.push_back(f);
    logistics::SeaArea area;
    area.name = "caspian";
    area.months.fill({0.0, core::Hours{24}});
    area.months[1] = {1.0, core::Hours{24}};
    sc.areas.push_back(area);
    const auto r = logistics::simulate(w.network, sc, {});
    const core::SimTime february = core::at_hours(24 * 24);
    int before = 0, after = 0;
    for (const auto& e : r.custody) {
        if (e.event != "departed") continue;
        (e.at <= february ? before : after) += 1;
    }
    EXPECT_GT(before, 0);
    EXPECT_EQ(after, 0);
}

TEST(SeaWeather, MonthOfFollowsTheCalendar) {
    const auto start = *network::parse_date("2024-12-31");
    EXPECT_EQ(logistics::month_of(start, core::SimTime{}), 11);             // 31 Dec
    EXPECT_EQ(logistics::month_of(start, core::at_hours(24)), 0);           // 1 Jan 2025
    EXPECT_EQ(logistics::month_of(start, core::at_hours(24 * 60)), 2);      // 1 Mar 2025
    EXPECT_EQ(logistics::month_of(start, core::at_hours(24 * 59 + 23)), 1); // 28 Feb 2025
    EXPECT_EQ(logistics::month_of(*network::parse_date("2024-02-29"), core::SimTime{}), 1);
}

} // namespace
} // namespace corridor::support
