// Sea weather: each sea area alternates calm and storm spells from its month's Markov chain
// (weather.hpp), and a storm holds the vessels of the services that sail there until it ends.
// Owns the areas' states, their random streams and the vessels each storm holds. Touches nothing
// of other components: what a held vessel does next is the simulation's (Resume).
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/core/engine.hpp"
#include "sim/core/id_vector.hpp"
#include "sim/core/random.hpp"
#include "sim/core/time_weighted.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"

namespace corridor::logistics::detail {

/// What a vessel held by a storm does when it ends.
enum class Resume : std::uint8_t { ready, depart_vessel, berth_vessel };

class SeaWeather {
public:
    /// `handler`: the engine's handler that calls back change (payload: area × 2 + flips).
    SeaWeather(const Scenario& sc, std::uint32_t replication, core::HandlerId handler);

    /// Draws every area's state for the run's start and schedules its first change.
    void start(core::Engine& engine, core::SimTime horizon);
    /// An area's spell ended (payload of the handler). Returns the vessels a storm that just
    /// ended let go, in the order it held them; schedule_next must follow.
    std::vector<std::pair<VehicleId, Resume>> change(std::uint64_t payload, core::SimTime now);
    /// Schedules the area's next change (after change()).
    void schedule_next(std::uint64_t payload, core::Engine& engine, core::SimTime horizon);

    /// Is the sea area that service `s` sails in under a storm now?
    [[nodiscard]] bool storm_for(ServiceId s) const {
        if (!s.valid()) return false;
        const AreaId a = area_of_service_[s];
        return a.valid() && areas_[a].storm;
    }
    /// A storm holds vehicle `v` of service `s` until it ends.
    void hold(ServiceId s, VehicleId v, Resume how) { areas_[area_of_service_[s]].waiting.emplace_back(v, how); }

    void add_results(core::SimTime end, std::vector<ResourceResult>& out) const;
    /// Appends each area's share of the day ending at `now` spent in storm (scenario order), and
    /// starts the next day.
    void end_day(core::SimTime now, std::vector<double>& shares);

private:
    struct Area {
        bool storm = false;
        core::SimTime spell_end;
        std::vector<std::pair<VehicleId, Resume>> waiting; // vehicles held by the storm
        core::TimeWeighted storm_level;
        core::TimeWeighted today; // storm level since the day began
    };
    void schedule_spell(AreaId a, core::Engine& engine, core::SimTime horizon);

    const Scenario& sc_;
    core::HandlerId handler_;
    core::IdVector<AreaId, Area> areas_; // by scenario.areas
    core::IdVector<AreaId, core::RandomStream> random_;
    core::IdVector<ServiceId, AreaId> area_of_service_; // none: it sails in no area (or is a train)
};

} // namespace corridor::logistics::detail
