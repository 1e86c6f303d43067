// Weather: each sea area alternates calm and storm spells from its month's Markov chain; a storm
// holds vessels in its ports (vessels.cpp) until it ends.
#include <algorithm>

#include "sim/logistics/detail/simulation.hpp"
#include "sim/logistics/weather.hpp"

namespace corridor::logistics::detail {

void Simulation::start_weather(std::uint32_t a) {
    Area& area = areas_[a];
    // Start in the stationary state of the first month.
    const auto& month = sc_.areas[area.spec].months[static_cast<std::size_t>(month_of(sc_.start_date, SimTime{}))];
    area.storm = area_random_[a].uniform01() < stationary_distribution(month)[1];
    area.storm_level = core::TimeWeighted{SimTime{}, area.storm ? 1.0 : 0.0};
    schedule_spell(a);
}

void Simulation::schedule_spell(std::uint32_t a) {
    Area& area = areas_[a];
    const SimTime now = engine_.now();
    const int m = month_of(sc_.start_date, now);
    const auto spell = sample_spell(sc_.areas[area.spec].months[static_cast<std::size_t>(m)], area.storm, area_random_[a]);
    // Rates change with the month: at the month's end the remaining spell is drawn afresh
    // (exact for exponential spells, which have no memory).
    std::int64_t day = now.seconds() / 86400 + 1;
    while (month_of(sc_.start_date, core::at_seconds(day * 86400)) == m && day - now.seconds() / 86400 < 32) ++day;
    const SimTime month_end = core::at_seconds(day * 86400);
    area.spell_end = std::min(now + spell, month_end);
    const bool flips = now + spell <= month_end;
    if (area.spell_end <= SimTime{} + sc_.horizon) engine_.schedule_at(area.spell_end, h_weather_, a * 2U + (flips ? 1U : 0U));
}

void Simulation::on_weather(core::Engine& engine, std::uint64_t payload) {
    const auto a = static_cast<std::uint32_t>(payload / 2);
    const bool flips = payload % 2 == 1;
    Area& area = areas_[a];
    if (flips) {
        area.storm = !area.storm;
        area.storm_level.set(engine.now(), area.storm ? 1.0 : 0.0);
        if (!area.storm) {
            auto waiting = std::move(area.waiting);
            area.waiting.clear();
            for (const auto& [v, how] : waiting) resume(v, how);
        }
    }
    schedule_spell(a);
}

} // namespace corridor::logistics::detail
