// Disruptions: close or derate a link, node, service or vessel over a time window; those held by
// a closure go on when it ends.
#include <algorithm>

#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

namespace {

// Derating: a factor in (0, 1) while a disruption is in force. Several on one target
// multiply; the product is worked out afresh from those in force, so it returns to exactly 1.
// A node's processes then take 1 / factor as long (border dwell, transshipment setup and
// crane time, berth handling; those under way when it starts or ends keep their time); a
// service's trains and vessels, or one vessel, load factor × their capacity.
double product_of(const std::vector<double>& in_force) {
    double product = 1;
    for (const double f : in_force) product *= f;
    return product;
}

double update(std::vector<double>& in_force, double factor, bool starting) {
    if (starting) {
        in_force.push_back(factor);
    } else {
        in_force.erase(std::find(in_force.begin(), in_force.end(), factor));
    }
    return product_of(in_force);
}

} // namespace

void Simulation::on_disruption_start(core::Engine&, std::uint64_t payload) { apply(sc_.disruptions[payload], true); }

// A disruption's end may open a way (its start only closes or derates: no retry then).
void Simulation::on_disruption_end(core::Engine&, std::uint64_t payload) {
    apply(sc_.disruptions[payload], false);
    retry_unrouted();
}

// Consignments that found no route wait at their origin; a disruption's end or a planned link's
// opening may give them one. They are tried in creation order.
void Simulation::retry_unrouted() {
    if (unrouted_.empty()) return;
    const auto waiting = std::move(unrouted_);
    unrouted_.clear();
    std::vector<char> stuck(sc_.flows.size(), 0); // flows found still without a route: asked once
    for (const auto c : waiting) {
        const auto f = cons_[c].flow;
        bool drawn = false;
        const std::uint32_t route = stuck[f] != 0 ? kNone : choose_route(f, cons_[c].at, drawn);
        if (route == kNone) {
            stuck[f] = 1;
            unrouted_.push_back(c);
            continue;
        }
        cons_[c].route = route;
        if (routes_[route].empty()) {
            deliver(c);
        } else {
            start_leg(c);
        }
    }
}

void Simulation::set_vessel_capacity(std::uint32_t i) {
    FleetVessel& vessel = fleet_[i];
    const auto own = vessel_derates_.find(i);
    vessel.capacity = vessel.base_capacity * product_of(service_derates_[vessel.service]) *
                      (own == vessel_derates_.end() ? 1.0 : product_of(own->second));
}

// Ready again: each asks for the link afresh (and waits again if it is still shut).
void Simulation::release_link(std::uint32_t link) {
    const auto it = link_waiting_.find(link);
    if (it == link_waiting_.end()) return;
    const auto waiting = std::move(it->second);
    link_waiting_.erase(it);
    for (const auto v : waiting) ready(v);
}

void Simulation::apply(const Disruption& d, bool starting) {
    ++network_version_;
    switch (d.target) {
    case DisruptionTarget::link: {
        LinkState& state = link_state_[d.index];
        state.factor = update(link_derates_[d.index], d.capacity_factor, starting); // a closure's factor is 0
        set_headway(links_[d.index], state);
        closed_mask_[d.index] = state.factor <= 0 ? 1 : 0;
        if (state.factor > 0) release_link(d.index);
        return;
    }
    case DisruptionTarget::node: {
        if (d.capacity_factor > 0) {
            node_speed_[d.index] = update(node_derates_[d.index], d.capacity_factor, starting);
            return;
        }
        node_closed_[d.index] += starting ? 1 : -1;
        if (node_closed_[d.index] == 0) {
            if (const auto it = node_waiting_.find(d.index); it != node_waiting_.end()) {
                const auto waiting = std::move(it->second);
                node_waiting_.erase(it);
                for (const auto& [v, via] : waiting) arrive_at_node(v, via);
            }
        }
        return;
    }
    case DisruptionTarget::vessel: {
        if (d.capacity_factor > 0) {
            update(vessel_derates_[d.index], d.capacity_factor, starting);
            set_vessel_capacity(d.index);
            return;
        }
        fleet_[d.index].closed += starting ? 1 : -1;
        if (fleet_[d.index].closed == 0) load_here(d.index);
        return;
    }
    case DisruptionTarget::service: {
        if (d.capacity_factor > 0) {
            const double factor = update(service_derates_[d.index], d.capacity_factor, starting);
            rules_[d.index].capacity_units = sc_.services[d.index].capacity_units * factor;
            for (const auto i : fleet_of_service_[d.index]) set_vessel_capacity(i);
            return;
        }
        service_closed_[d.index] += starting ? 1 : -1;
        if (service_closed_[d.index] == 0) {
            auto waiting = std::move(service_waiting_[d.index]);
            service_waiting_[d.index].clear();
            for (const auto v : waiting) ready(v);
        }
        return;
    }
    }
}

} // namespace corridor::logistics::detail
