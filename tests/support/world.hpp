// Small networks and their services built in code, for behaviour tests that need no YAML: a
// builder that reads like the model files it stands for, and the scenario helpers the
// simulation's tests share.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/confidence.hpp"
#include "sim/core/distributions.hpp"
#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/logistics/simulate.hpp"
#include "sim/network/network.hpp"

namespace corridor::support {

/// A built network and the services that run on it.
struct World {
    network::Network network;
    std::vector<logistics::ServiceSpec> services;
    [[nodiscard]] core::NodeId node(std::string_view name) const;
    [[nodiscard]] core::LinkId link(std::string_view name) const;
};

/// What a link may say beyond its ends, mode, length and speed (the model's keys).
struct LinkOptions {
    bool both_ways = true;         // bidirectional: the reverse is "<id>:reverse"
    std::uint32_t gauge_mm = 1520; // rail only
    double capacity_per_day = 0;
    double cost_usd_per_unit_km = 0;
    double co2_g_per_tkm = 0;
    std::optional<std::string> opens{}; // planned, first open on this date (YYYY-MM-DD)
};

/// What a service may say beyond its links and capacity.
struct ServiceOptions {
    bool both_directions = true; // the links' reverses too
    bool when_full = true;
    std::optional<double> max_wait_h{};
    std::optional<double> every_h{};
    double offset_h = 0;
    double load_factor = 1;      // vessels
    std::string sea_area{};      // vessels
};

class WorldBuilder {
public:
    /// The first cargo class is "container" (TEU, 10 t) unless cargo() adds one first.
    WorldBuilder& cargo(std::string name, std::string unit, double tonnes_per_unit);
    /// The cargo class added last is hazardous, of UN class `un_class`.
    WorldBuilder& hazard_class(std::uint8_t un_class);

    WorldBuilder& node(std::string id, std::string country, double lat, double lon,
                       network::NodeKind kind = network::NodeKind::city);
    // Processes of the node added last.
    WorldBuilder& border(core::Distribution dwell_h, std::uint32_t servers = 1, double cost_usd_per_unit = 0);
    WorldBuilder& opening_hours(double from_h, double until_h);
    WorldBuilder& hazardous_inspection(core::Distribution extra_h); // of the border added last
    WorldBuilder& transshipment(double setup_h, double units_per_crane_h, std::uint32_t cranes);
    WorldBuilder& port(std::uint32_t berths, double handling_h, double cost_usd_per_unit = 0);
    WorldBuilder& port_cranes(std::uint32_t cranes_per_berth, double units_per_crane_h); // of the port added last
    WorldBuilder& yard(std::string unit, std::uint32_t units);                            // of the port added last

    WorldBuilder& link(std::string id, std::string_view from, std::string_view to, network::Mode mode, double length_km,
                       double speed_kmh, LinkOptions options = {});
    WorldBuilder& train(std::string id, std::initializer_list<std::string_view> links, double capacity_units,
                        ServiceOptions options = {});
    WorldBuilder& vessels(std::string id, std::initializer_list<std::string_view> links,
                          std::initializer_list<std::pair<std::string, double>> fleet, ServiceOptions options = {});

    /// Throws network::InvalidNetwork if the network is not one (as Network::build does).
    [[nodiscard]] World build() const;

private:
    network::Node& last_node();
    [[nodiscard]] core::NodeId node_id(std::string_view name) const;
    [[nodiscard]] core::LinkId link_id(std::string_view name) const;
    logistics::ServiceSpec& service(std::string id, logistics::ServiceKind kind, std::initializer_list<std::string_view> links,
                                    const ServiceOptions& options);

    network::NetworkSpec spec_;
    std::vector<logistics::ServiceSpec> services_;
};

// Distributions of hours, as the model writes them.
core::Distribution fixed_h(double hours);
core::Distribution exponential_h(double mean);
core::Distribution lognormal_h(double mean, double sd);

/// A scenario on `world` of `days`, starting 2025-01-01, with the world's services, the test seed
/// (tests/support/seed.hpp) and no demand yet.
logistics::Scenario scenario_on(const World& world, double days);
/// A flow of containers (cargo class 0), Poisson, routed by the shortest time: "<from>-<to>".
logistics::Flow flow(const World& world, std::string_view from, std::string_view to, double units_per_day);
/// A closure of `link` from the start of day `from_day` to the start of day `until_day`.
logistics::Disruption closure_of(const World& world, std::string_view link, int from_day, int until_day);
/// A derating by `factor` in force for the whole run.
logistics::Disruption derating(logistics::DisruptionTarget target, double factor);
/// The run's row for the resource named `name` ("border B in"); throws if there is none.
const logistics::ResourceResult& resource(const logistics::RunResult& run, std::string_view name);

/// The mean of `statistic` over `replications` replications, with its 99.9% Student-t interval.
template <class Statistic>
core::ConfidenceInterval over_replications(const World& world, const logistics::Scenario& sc, int replications,
                                           Statistic statistic) {
    core::RunningStats stats;
    for (int rep = 0; rep < replications; ++rep) {
        logistics::RunConfig config;
        config.replication = static_cast<std::uint32_t>(rep);
        config.keep_shipments = false;
        stats.add(core::magnitude(statistic(logistics::simulate(world.network, sc, config))));
    }
    return core::mean_confidence_interval(stats, 0.999);
}

} // namespace corridor::support
