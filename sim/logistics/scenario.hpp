// The typed what-if that simulate() runs: demand, weather, disruptions, routing, run settings.
// Built by sim/scenario from YAML, with names resolved to ids; no YAML here.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/time.hpp"
#include "sim/logistics/service.hpp"
#include "sim/network/constraints.hpp"
#include "sim/network/routing.hpp"

namespace corridor::logistics {

/// Poisson: exponential gaps; fixed_interval: equal gaps. Each arrival brings batch_units, as
/// consignments of one unit each that share one route choice.
enum class ArrivalProcess : std::uint8_t { poisson, fixed_interval };
enum class RoutingPolicy : std::uint8_t { fixed, shortest, k_shortest, adaptive };

struct Flow {
    std::string name;
    core::NodeId origin, destination;
    core::CargoClassId cargo;
    core::UnitsPerDay units_per_day{0}; // mean rate (TEU, wagons, trucks: the cargo class unit)
    ArrivalProcess arrival = ArrivalProcess::poisson;
    core::Units batch_units{1};         // per arrival (e.g. a 41-FEU block train = 82 TEU)
    std::array<double, 12> seasonal{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}; // multipliers by month
    RoutingPolicy policy = RoutingPolicy::shortest;
    network::Metric metric = network::Metric::time;
    std::vector<core::LinkId> fixed_route; // policy fixed
    std::size_t k = 3;                     // policy k_shortest
    double logit_scale = 1.0;              // k_shortest: choice probability ∝ exp(−value / scale), in the metric's unit
    std::optional<core::Days> target_days; // on-time threshold
    bool custody = false;                  // keep a chain-of-custody log per consignment
    network::RouteConstraints constraints; // countries, links and nodes its routes keep out of
};

/// A two-state (calm/storm) weather chain for a sea area, by month. `storm_share` is the long-run
/// fraction of time in storm, `mean_storm_h` the mean storm length; calm spells then have mean
/// mean_storm_h × (1 − share) / share (weather.hpp).
struct WeatherMonth {
    double storm_share = 0;
    core::Hours mean_storm_h{24};
};
struct SeaArea {
    std::string name;
    std::array<WeatherMonth, 12> months{};
};

/// What a disruption closes or derates: a link, a node (its processes), a service (its trains
/// or vessels), or one vessel.
using DisruptionTarget = std::variant<core::LinkId, core::NodeId, core::ServiceId, core::VesselId>;

struct Disruption {
    DisruptionTarget target;
    core::SimTime from, until;
    double capacity_factor = 0;       // 0 closes; (0, 1) derates
};

struct Scenario {
    std::string name;
    network::Date start_date;
    core::Duration horizon{0};
    core::Duration warmup{0};
    std::uint64_t seed = 1;
    std::uint32_t replications = 1;
    std::vector<ServiceSpec> services;
    std::vector<Flow> flows;
    std::vector<SeaArea> areas;
    std::vector<Disruption> disruptions;
    network::CostWeights weights;
};

} // namespace corridor::logistics
