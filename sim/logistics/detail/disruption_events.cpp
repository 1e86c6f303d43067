// Disruptions: a closure or a derating of a link, node, service or vessel starts and ends at its
// scheduled times; what it holds goes on when it ends, and routes are chosen afresh.
#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

void Simulation::on_disruption_start(core::Engine&, std::uint64_t payload) { apply(sc_.disruptions[payload], true); }

// A disruption's end may open a way (its start only closes or derates: no retry then).
void Simulation::on_disruption_end(core::Engine&, std::uint64_t payload) {
    apply(sc_.disruptions[payload], false);
    retry_unrouted();
}

// Ready again: each asks for the link afresh (and waits again if it is still shut).
void Simulation::release_link(LinkId link) {
    for (const auto v : disruptions_.release_link(link)) ready(v);
}

// A node's processes take 1 / factor as long while derated (those under way when it starts or
// ends keep their time); a service's trains and vessels, or one vessel, load factor × their
// capacity; a link's paths come factor × as often.
void Simulation::apply(const Disruption& d, bool starting) {
    routes_.network_changed();
    const double factor = d.capacity_factor;
    if (const auto* l = std::get_if<LinkId>(&d.target)) {
        const double in_force = disruptions_.link_factor(*l, factor, starting); // a closure's factor is 0
        links_.set_factor(*l, in_force);
        routes_.set_closed(*l, in_force <= 0);
        if (in_force > 0) release_link(*l);
    } else if (const auto* node = std::get_if<NodeId>(&d.target)) {
        if (factor > 0) {
            nodes_.set_speed(*node, disruptions_.node_factor(*node, factor, starting));
        } else {
            const bool open = disruptions_.close_node(*node, starting);
            routes_.set_node_closed(*node, !open);
            if (open) {
                for (const auto& [v, via] : disruptions_.release_node(*node)) {
                    nodes_.hold(*node, links_[via].enters_country, -1, vehicles_[v].load.size(), engine_.now());
                    arrive_at_node(v, via);
                }
            }
        }
    } else if (const auto* vessel = std::get_if<VesselId>(&d.target)) {
        if (factor > 0) {
            disruptions_.vessel_factor(*vessel, factor, starting);
            fleet_.set_capacity_factor(*vessel, disruptions_.vessel_capacity_factor(*vessel, fleet_.service(*vessel)));
        } else if (fleet_.set_closed(*vessel, starting)) {
            load_here(*vessel);
        }
    } else if (const auto* s = std::get_if<ServiceId>(&d.target)) {
        if (factor > 0) {
            trains_.set_capacity_factor(*s, disruptions_.service_factor(*s, factor, starting));
            for (const auto i : fleet_.of_service(*s)) {
                fleet_.set_capacity_factor(i, disruptions_.vessel_capacity_factor(i, *s));
            }
        } else if (disruptions_.close_service(*s, starting)) {
            for (const auto v : disruptions_.release_service(*s)) ready(v);
        }
    }
}

} // namespace corridor::logistics::detail
