// Disruptions in force: products of deratings, closure counts and the vehicles held.
#include "sim/logistics/detail/disruptions.hpp"

#include <algorithm>

namespace corridor::logistics::detail {

Disruptions::Disruptions(const network::Network& net, const Scenario& sc) {
    services_.resize(sc.services.size());
    node_closed_.assign(net.node_count(), 0);
    service_closed_.assign(sc.services.size(), 0);
    for_service_.resize(sc.services.size());
}

double Disruptions::product_of(const std::vector<double>& in_force) {
    double product = 1;
    for (const double f : in_force) product *= f;
    return product;
}

double Disruptions::update(std::vector<double>& in_force, double factor, bool starting) {
    if (starting) {
        in_force.push_back(factor);
    } else {
        in_force.erase(std::find(in_force.begin(), in_force.end(), factor));
    }
    return product_of(in_force);
}

double Disruptions::vessel_capacity_factor(VesselId i, ServiceId s) const {
    const auto own = vessels_.find(i.index());
    return product_of(services_[s]) * (own == vessels_.end() ? 1.0 : product_of(own->second));
}

bool Disruptions::close_node(NodeId node, bool starting) {
    node_closed_[node] += starting ? 1 : -1;
    return node_closed_[node] == 0;
}

bool Disruptions::close_service(ServiceId s, bool starting) {
    service_closed_[s] += starting ? 1 : -1;
    return service_closed_[s] == 0;
}

std::vector<VehicleId> Disruptions::release_link(LinkId link) {
    const auto it = at_link_.find(link.index());
    if (it == at_link_.end()) return {};
    auto held = std::move(it->second);
    at_link_.erase(it);
    return held;
}

std::vector<std::pair<VehicleId, LinkId>> Disruptions::release_node(NodeId node) {
    const auto it = at_node_.find(node.index());
    if (it == at_node_.end()) return {};
    auto held = std::move(it->second);
    at_node_.erase(it);
    return held;
}

std::vector<VehicleId> Disruptions::release_service(ServiceId s) {
    auto held = std::move(for_service_[s]);
    for_service_[s].clear();
    return held;
}

} // namespace corridor::logistics::detail
