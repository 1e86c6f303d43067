// Services: how vehicles run on links. Trains consolidate and depart by a rule; vessels are a
// named fleet shuttling between two ports; links with no service carry each consignment alone
// (trucks, or any link a model leaves unserved).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/distributions.hpp"
#include "sim/core/ids.hpp"
#include "sim/core/units.hpp"

namespace corridor::logistics {

enum class ServiceKind : std::uint8_t { train, vessel };

/// When a consolidating service leaves: when full, after a maximum wait since the first unit
/// boarded, and/or on a timetable; whichever comes first.
struct DeparturePolicy {
    bool when_full = true;
    std::optional<core::Hours> max_wait_h;  // since the first unit boarded
    std::optional<core::Hours> every_h;     // timetable period
    core::Hours offset_h{0};                // timetable phase
};

struct Vessel {
    std::string name;
    core::Units capacity_units{0};
};

/// How many capacity slots one unit of a cargo class takes on a vessel service (default 1):
/// with capacities counted in TEU-equivalent slots, a wagon carrying two TEU takes 2.
struct SlotsPerUnit {
    core::CargoClassId cargo;
    double slots = 1; // capacity slots a unit takes
};

struct ServiceSpec {
    std::string name;
    ServiceKind kind = ServiceKind::train;
    std::vector<core::LinkId> links;  // the links it runs on (a train rides consecutive ones)
    core::Units capacity_units{0};    // per train (TEU, wagons, trucks: the cargo class unit)
    std::vector<Vessel> vessels;      // vessel services
    std::vector<SlotsPerUnit> slots_per_unit; // vessel services: classes that take more or less room
    double load_factor = 1.0;         // usable share of vessel capacity (draft limits)
    DeparturePolicy departure;
    std::optional<core::Distribution> sailing_h; // vessel sailing time; default: link time
    std::optional<core::Distribution> port_handling_h; // per call at a berth; default: the port's
    std::string sea_area;             // vessel services: the weather area they sail in
};

} // namespace corridor::logistics
