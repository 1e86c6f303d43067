// Weather: a calm/storm chain per sea area, its parameters by month.
#include "sim/scenario/detail/scenario_reader.hpp"

namespace corridor::scenario::detail {

namespace {

const std::vector<std::string> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};

} // namespace

void ScenarioReader::read_weather(logistics::Scenario& sc) {
    const auto node = at("weather");
    if (!node) return;
    if (!r_.expect_map(*node, "weather: {area: {months: {jan: {storm_share, mean_storm_h}}}}")) return;
    for (const auto& area : *node) {
        logistics::SeaArea sea;
        sea.name = area.first.Scalar();
        const std::string what = "weather area '" + sea.name + "'";
        if (!r_.expect_map(area.second, what)) continue;
        r_.check_keys(area.second, {"months", "all_year", "source", "assumption", "note"}, what);
        if (const YAML::Node all = area.second["all_year"]) {
            if (const auto m = month(all, what + " all_year")) sea.months.fill(*m);
        }
        if (const YAML::Node months = area.second["months"]) {
            if (r_.expect_map(months, "months of " + what)) {
                r_.check_keys(months, kMonths, "months of " + what);
                for (std::size_t i = 0; i < 12; ++i) {
                    if (const YAML::Node m = months[kMonths[i]]) {
                        if (const auto parsed = month(m, what + " " + kMonths[i])) sea.months[i] = *parsed;
                    }
                }
            }
        }
        sc.areas.push_back(sea);
    }
    std::set<std::string> used;
    for (const auto& svc : sc.services) used.insert(svc.sea_area);
    for (const auto& sea : sc.areas) {
        if (!used.count(sea.name)) r_.warning(*node, "weather area '" + sea.name + "' is not the sea_area of any vessel service");
    }
}

std::optional<logistics::WeatherMonth> ScenarioReader::month(const YAML::Node& m, const std::string& what) {
    if (!r_.expect_map(m, what)) return std::nullopt;
    r_.check_keys(m, {"storm_share", "mean_storm_h"}, what);
    logistics::WeatherMonth w;
    w.storm_share = r_.number(m, "storm_share", true, kShare).value_or(0);
    if (w.storm_share >= 1) r_.error(m["storm_share"], "'storm_share' must be below 1 (a sea always calms), found " + m["storm_share"].Scalar());
    w.mean_storm_h = core::Hours{r_.number(m, "mean_storm_h", w.storm_share > 0, kPositiveProcessHours).value_or(24)};
    return w;
}

} // namespace corridor::scenario::detail
