// Disruptions in force: the deratings and closures of links, nodes, services and vessels (several
// on one target multiply), and the vehicles a closure holds until it ends. Owns those lists.
// Touches nothing of other components: what a factor does (a link's headway, a node's speed, a
// service's capacity) and where a released vehicle goes are the simulation's.
#pragma once
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "sim/core/id_vector.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"

namespace corridor::logistics::detail {

class Disruptions {
public:
    Disruptions(const network::Network& net, const Scenario& sc);

    /// A derating (factor in (0, 1)) or closure (0) starts or ends; returns the product of the
    /// factors now in force on the target (1: none; 0: closed). The product is worked out afresh
    /// from those in force, so it returns to exactly 1.
    double link_factor(LinkId link, double factor, bool starting) { return update(links_[link.index()], factor, starting); }
    double node_factor(NodeId node, double factor, bool starting) { return update(nodes_[node.index()], factor, starting); }
    double service_factor(ServiceId s, double factor, bool starting) { return update(services_[s], factor, starting); }
    double vessel_factor(VesselId i, double factor, bool starting) { return update(vessels_[i.index()], factor, starting); }
    /// What vessel i of service s loads: its service's deratings × its own.
    [[nodiscard]] double vessel_capacity_factor(VesselId i, ServiceId s) const;

    /// A closure of a node or a service starts or ends; true if it is open again.
    bool close_node(NodeId node, bool starting);
    bool close_service(ServiceId s, bool starting);
    [[nodiscard]] bool node_closed(NodeId node) const { return node_closed_[node] > 0; }
    [[nodiscard]] bool service_closed(ServiceId s) const { return service_closed_[s] > 0; }

    // Vehicles held: at a closed (or not yet open) link, at a closed node (with the link they
    // came by), by a closed service. Few at any time: kept by key, not in a list per link.
    void hold_at_link(LinkId link, VehicleId v) { at_link_[link.index()].push_back(v); }
    void hold_at_node(NodeId node, VehicleId v, LinkId via) { at_node_[node.index()].emplace_back(v, via); }
    void hold_for_service(ServiceId s, VehicleId v) { for_service_[s].push_back(v); }
    /// The vehicles held, in the order they came, and no longer held.
    std::vector<VehicleId> release_link(LinkId link);
    std::vector<std::pair<VehicleId, LinkId>> release_node(NodeId node);
    std::vector<VehicleId> release_service(ServiceId s);

private:
    static double update(std::vector<double>& in_force, double factor, bool starting);
    static double product_of(const std::vector<double>& in_force);

    std::map<std::uint32_t, std::vector<double>> links_, nodes_, vessels_; // factors in force, by target
    core::IdVector<ServiceId, std::vector<double>> services_;
    core::IdVector<NodeId, int> node_closed_;
    core::IdVector<ServiceId, int> service_closed_;
    std::map<std::uint32_t, std::vector<VehicleId>> at_link_;
    std::map<std::uint32_t, std::vector<std::pair<VehicleId, LinkId>>> at_node_;
    core::IdVector<ServiceId, std::vector<VehicleId>> for_service_;
};

} // namespace corridor::logistics::detail
