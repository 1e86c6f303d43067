// Sea weather: storm spells by month and the vessels they hold.
#include "sim/logistics/detail/sea_weather.hpp"

#include <algorithm>
#include <string>

#include "sim/logistics/weather.hpp"

namespace corridor::logistics::detail {

SeaWeather::SeaWeather(const Scenario& sc, std::uint32_t replication, core::HandlerId handler)
    : sc_{sc}, handler_{handler} {
    for (const auto& area : sc.areas) {
        areas_.push_back(Area{false, {}, {}, core::TimeWeighted{}, core::TimeWeighted{}});
        random_.push_back(core::RandomStream::for_component(sc.seed, replication, core::component_key("weather:" + area.name)));
    }
    for (const auto& svc : sc.services) {
        AreaId area;
        for (const auto a : areas_.ids()) {
            if (sc.areas[a.index()].name == svc.sea_area) area = a;
        }
        area_of_service_.push_back(area);
    }
}

void SeaWeather::start(core::Engine& engine, core::SimTime horizon) {
    for (const auto a : areas_.ids()) {
        Area& area = areas_[a];
        // Start in the stationary state of the first month.
        const auto& month =
            sc_.areas[a.index()].months[static_cast<std::size_t>(month_of(sc_.start_date, core::SimTime{}))];
        area.storm = random_[a].uniform01() < stationary_distribution(month)[1];
        area.storm_level = core::TimeWeighted{core::SimTime{}, area.storm ? 1.0 : 0.0};
        area.today = area.storm_level;
        schedule_spell(a, engine, horizon);
    }
}

void SeaWeather::schedule_spell(AreaId a, core::Engine& engine, core::SimTime horizon) {
    Area& area = areas_[a];
    const core::SimTime now = engine.now();
    const int m = month_of(sc_.start_date, now);
    const auto spell = sample_spell(sc_.areas[a.index()].months[static_cast<std::size_t>(m)], area.storm, random_[a]);
    // Rates change with the month: at the month's end the remaining spell is drawn afresh (exact
    // for exponential spells, which have no memory).
    std::int64_t day = now.seconds() / 86400 + 1;
    while (month_of(sc_.start_date, core::at_seconds(day * 86400)) == m && day - now.seconds() / 86400 < 32) ++day;
    const core::SimTime month_end = core::at_seconds(day * 86400);
    area.spell_end = std::min(now + spell, month_end);
    const bool flips = now + spell <= month_end;
    if (area.spell_end <= horizon) engine.schedule_at(area.spell_end, handler_, a.index() * 2U + (flips ? 1U : 0U));
}

std::vector<std::pair<VehicleId, Resume>> SeaWeather::change(std::uint64_t payload, core::SimTime now) {
    Area& area = areas_[AreaId{static_cast<std::uint32_t>(payload / 2)}];
    if (payload % 2 == 0) return {}; // the month ended: only the rates change
    area.storm = !area.storm;
    area.storm_level.set(now, area.storm ? 1.0 : 0.0);
    area.today.set(now, area.storm ? 1.0 : 0.0);
    if (area.storm) return {};
    auto waiting = std::move(area.waiting);
    area.waiting.clear();
    return waiting;
}

void SeaWeather::schedule_next(std::uint64_t payload, core::Engine& engine, core::SimTime horizon) {
    schedule_spell(AreaId{static_cast<std::uint32_t>(payload / 2)}, engine, horizon);
}

void SeaWeather::end_day(core::SimTime now, std::vector<double>& shares) {
    for (auto& area : areas_) {
        shares.push_back(area.today.mean(now));
        area.today.reset(now);
    }
}

void SeaWeather::add_results(core::SimTime end, std::vector<ResourceResult>& out) const {
    for (const auto a : areas_.ids()) {
        ResourceResult r;
        r.kind = "weather";
        r.id = sc_.areas[a.index()].name;
        r.utilisation = areas_[a].storm_level.mean(end); // share of time in storm
        out.push_back(std::move(r));
    }
}

} // namespace corridor::logistics::detail
