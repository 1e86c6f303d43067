// A sea area's weather as the simulation keeps it: storm or calm, and the vessels a storm holds.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/core/time_weighted.hpp"

namespace corridor::logistics::detail {

enum class Resume : std::uint8_t { ready, depart_vessel, berth_vessel };

struct Area {
    std::uint32_t spec;      // index in scenario.areas
    bool storm = false;
    core::SimTime spell_end;
    std::vector<std::pair<std::uint32_t, Resume>> waiting; // vehicles held by the storm
    core::TimeWeighted storm_level;
};

} // namespace corridor::logistics::detail
