// The simulation's set-up: per-link and per-node state, server pools, fleets, the event handlers;
// and the run from the first events to the results.
#include <algorithm>
#include <map>
#include <tuple>
#include <string>

#include "sim/logistics/detail/simulation.hpp"

namespace corridor::logistics::detail {

Simulation::Simulation(const network::Network& net, const Scenario& sc, const RunConfig& cfg)
    : net_{net}, sc_{sc}, cfg_{cfg}, router_{net} {
    links_.resize(net.link_count());
    link_state_.resize(net.link_count());
    crossing_leg_.assign(net.link_count(), kNone);
    port_queue_of_link_.assign(net.link_count(), kNone);
    closed_mask_.assign(net.link_count(), 0);
    for (std::uint32_t l = 0; l < net.link_count(); ++l) {
        if (const auto& opens = net.link(core::LinkId{l}).opens) openings_.emplace_back(opens->days, l);
    }
    std::sort(openings_.begin(), openings_.end());
    link_service_.assign(net.link_count(), kNone);
    for (std::uint32_t s = 0; s < sc.services.size(); ++s) {
        for (const auto l : sc.services[s].links) {
            if (link_service_[l.index()] == kNone) link_service_[l.index()] = s;
        }
    }
    // Compact copies of what every event reads, so the hot path stays in cache.
    for (std::uint32_t v = 0; v < net.node_count(); ++v) node_border_.push_back(net.node(core::NodeId{v}).border ? 1 : 0);
    rides_.reserve(net.link_count());
    carrier_.reserve(net.link_count());
    for (std::uint32_t l = 0; l < net.link_count(); ++l) {
        const auto& link = net.link(core::LinkId{l});
        LinkRec& rec = links_[l];
        link_state_[l].capacity_per_day = link.capacity_per_day;
        rec.paced = link.capacity_per_day > 0;
        set_headway(rec, link_state_[l]);
        rec.always_open = link.status == network::LinkStatus::open;
        rec.enters_country =
            node_border_[link.to.index()] != 0 && net.node(link.from).country != net.node(link.to).country;
        rides_.push_back(LinkRide{link.length.value() / link.speed.value(), link.cost_usd_per_unit_km * link.length.value(),
                                  link.co2_g_per_tkm * link.length.value(), link.to});
        carrier_.push_back((std::uint64_t{static_cast<std::uint8_t>(link.mode)} << 32U) | link.gauge_mm);
    }
    // Free runs: links nothing can hold a vehicle on (no path capacity, always open, never
    // disrupted) through nodes nothing can hold it at (no border, never closed) are ridden
    // in one event. Disruptions are known in advance, so this is decided once.
    free_link_.assign(net.link_count(), 0);
    for (std::uint32_t l = 0; l < net.link_count(); ++l) {
        free_link_[l] = !links_[l].paced && links_[l].always_open ? 1 : 0;
    }
    plain_node_.assign(net.node_count(), 0);
    for (std::uint32_t v = 0; v < net.node_count(); ++v) plain_node_[v] = node_border_[v] ? 0 : 1;
    for (const auto& d : sc.disruptions) {
        if (d.target == DisruptionTarget::link) free_link_[d.index] = 0;
        if (d.target == DisruptionTarget::node) plain_node_[d.index] = 0;
    }
    node_closed_.assign(net.node_count(), 0);
    service_closed_.assign(sc.services.size(), 0);
    trains_run_.assign(sc.services.size(), 0);
    node_speed_.assign(net.node_count(), 1.0);
    service_derates_.resize(sc.services.size());
    service_waiting_.resize(sc.services.size());
    build_resources();
    build_fleets();
    register_handlers();
}

RunResult Simulation::run() {
    // One route cache per distinct question: flows with the same origin, destination, cargo
    // class and policy (metric, k and logit scale included) share it.
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, RoutingPolicy, network::Metric, std::size_t, double>,
             std::uint32_t>
        caches;
    for (const auto& flow : sc_.flows) {
        const bool k = flow.policy == RoutingPolicy::k_shortest;
        const auto key = std::tuple{flow.origin.index(), flow.destination.index(), flow.cargo.index(), flow.policy,
                                    flow.metric, k ? flow.k : std::size_t{1}, k ? flow.logit_scale : 1.0};
        const auto it = caches.emplace(key, static_cast<std::uint32_t>(caches.size())).first;
        route_cache_of_flow_.push_back(it->second);
    }
    route_cache_.resize(caches.size());
    replan_cache_.resize(caches.size());
    today_delivered_.assign(sc_.flows.size(), 0.0);
    for (std::uint32_t f = 0; f < sc_.flows.size(); ++f) {
        route_random_.push_back(stream("route:" + sc_.flows[f].name));
        flow_stats_.emplace_back();
        const Flow& flow = sc_.flows[f];
        FlowStart start{stream("flow:" + flow.name), flow.batch_units, flow.origin, 0,
                        flow.arrival == ArrivalProcess::poisson, flow.custody,
                        flow.policy == RoutingPolicy::fixed, {}};
        for (std::size_t m = 0; m < 12; ++m) {
            start.rate[m] = flow.units_per_day * flow.seasonal[m] / flow.batch_units;
            if (flow.seasonal[m] > 0) start.active_months |= static_cast<std::uint16_t>(1U << m);
        }
        flow_starts_.push_back(start);
        watch_waits_ = watch_waits_ || flow.policy == RoutingPolicy::adaptive;
        flow_ends_.push_back(FlowEnd{flow.destination, flow.policy == RoutingPolicy::adaptive,
                                     flow.target_days.has_value(),
                                     net_.cargo_classes()[flow.cargo.index()].tonnes_per_unit,
                                     flow.target_days ? *flow.target_days * 24.0 : 0.0});
        if (sc_.flows[f].units_per_day > 0) {
            engine_.schedule_at(SimTime{} + next_gap(f), h_arrival_, f);
        }
    }
    for (std::uint32_t a = 0; a < areas_.size(); ++a) start_weather(a);
    start_border_hours();
    start_vessel_timetables();
    for (std::uint32_t d = 0; d < sc_.disruptions.size(); ++d) {
        const auto& dis = sc_.disruptions[d];
        if (dis.from <= SimTime{} + sc_.horizon) engine_.schedule_at(dis.from, h_disruption_start_, d);
        if (dis.until <= SimTime{} + sc_.horizon) engine_.schedule_at(dis.until, h_disruption_end_, d);
    }
    engine_.schedule_at(SimTime{} + Duration{86400}, h_day_, 1);
    if (sc_.warmup.count() > 0 && sc_.warmup < sc_.horizon) {
        engine_.schedule_at(SimTime{} + sc_.warmup, h_warmup_, 0);
    }
    engine_.run_until(SimTime{} + sc_.horizon);
    return finish();
}

core::RandomStream Simulation::stream(const std::string& component) const {
    return core::RandomStream::for_component(sc_.seed, cfg_.replication, core::component_key(component));
}

void Simulation::build_resources() {
    border_in_.assign(net_.node_count(), kNone);
    border_out_.assign(net_.node_count(), kNone);
    cranes_.assign(net_.node_count(), CraneSet{kNone, 1, 0});
    berths_.assign(net_.node_count(), kNone);
    wait_due_.assign(net_.node_count(), 0);
    node_random_.reserve(net_.node_count());
    for (std::uint32_t v = 0; v < net_.node_count(); ++v) {
        const auto& node = net_.node(core::NodeId{v});
        if (node.border) {
            border_in_[v] = add_pool("border " + node.name + " in", "border", node.border->servers);
            border_out_[v] = add_pool("border " + node.name + " out", "border", node.border->servers);
        }
        if (node.transshipment) {
            cranes_[v] = CraneSet{add_pool("cranes " + node.name, "cranes", node.transshipment->cranes),
                                  node.transshipment->units_per_crane_h, node.transshipment->cost_usd_per_unit};
        }
        if (node.port) berths_[v] = add_pool("berths " + node.name, "berths", node.port->berths);
        pool_node_.resize(pools_.size(), v);
        // Only a node's processes sample (border dwell, setup, berth handling): a node without
        // one gets a placeholder, not a stream keyed by its name (a hash per node at start-up).
        const bool samples = node.border || node.transshipment || node.port;
        node_random_.push_back(samples ? stream("node:" + node.name) : core::RandomStream{0});
    }
    for (const auto& area : sc_.areas) {
        areas_.push_back(Area{static_cast<std::uint32_t>(&area - sc_.areas.data()), false, {}, {}, core::TimeWeighted{}});
        area_random_.push_back(stream("weather:" + area.name));
    }
}

std::uint32_t Simulation::add_pool(std::string name, std::string kind, std::uint32_t servers) {
    pools_.emplace_back(std::move(name), std::move(kind), servers);
    return static_cast<std::uint32_t>(pools_.size() - 1);
}

void Simulation::build_fleets() {
    fleet_of_service_.resize(sc_.services.size());
    queues_of_service_.resize(sc_.services.size());
    for (std::uint32_t s = 0; s < sc_.services.size(); ++s) {
        const auto& svc = sc_.services[s];
        service_random_.push_back(stream("service:" + svc.name));
        rules_.push_back(ServiceRule{svc.capacity_units,
                                     svc.departure.max_wait_h ? hours(*svc.departure.max_wait_h) : Duration{-1},
                                     svc.departure.when_full, svc.kind == ServiceKind::train});
        service_area_.push_back(kNone);
        for (std::uint32_t a = 0; a < sc_.areas.size(); ++a) {
            if (sc_.areas[a].name == svc.sea_area) service_area_[s] = a;
        }
        if (svc.kind != ServiceKind::vessel || svc.links.empty()) continue;
        // Vessels start alternately at the departure ports of the service's links.
        std::vector<core::NodeId> ports;
        for (const auto l : svc.links) {
            const auto from = net_.link(l).from;
            if (std::find(ports.begin(), ports.end(), from) == ports.end()) ports.push_back(from);
        }
        for (std::size_t i = 0; i < svc.vessels.size(); ++i) {
            fleet_of_service_[s].push_back(static_cast<std::uint32_t>(fleet_.size()));
            const double capacity = svc.vessels[i].capacity_units * svc.load_factor;
            fleet_.push_back(FleetVessel{s, svc.vessels[i].name, capacity, capacity, ports[i % ports.size()], VesselState::idle, kNone, kNone, {}, false, core::TimeWeighted{}, 0, false, core::NodeId{}});
        }
    }
}

void Simulation::register_handlers() {
    h_arrival_ = engine_.add_handler<&Simulation::on_arrival>(*this, "flow arrival");
    register_movement_handlers();
    h_border_done_ = engine_.add_handler<&Simulation::on_border_done>(*this, "border done");
    h_crane_done_ = engine_.add_handler<&Simulation::on_crane_done>(*this, "crane done");
    h_setup_done_ = engine_.add_handler<&Simulation::on_setup_done>(*this, "transshipment setup done");
    h_train_timer_ = engine_.add_handler<&Simulation::on_train_timer>(*this, "train departure timer");
    h_timetable_ = engine_.add_handler<&Simulation::on_timetable>(*this, "train timetable");
    h_vessel_timer_ = engine_.add_handler<&Simulation::on_vessel_timer>(*this, "vessel departure timer");
    h_vessel_loaded_ = engine_.add_handler<&Simulation::on_vessel_loaded>(*this, "vessel loaded");
    h_vessel_unloaded_ = engine_.add_handler<&Simulation::on_vessel_unloaded>(*this, "vessel unloaded");
    h_weather_ = engine_.add_handler<&Simulation::on_weather>(*this, "weather change");
    h_disruption_start_ = engine_.add_handler<&Simulation::on_disruption_start>(*this, "disruption starts");
    h_disruption_end_ = engine_.add_handler<&Simulation::on_disruption_end>(*this, "disruption ends");
    h_day_ = engine_.add_handler<&Simulation::on_day>(*this, "daily snapshot");
    h_warmup_ = engine_.add_handler<&Simulation::on_warmup>(*this, "end of warm-up");
    h_border_hours_ = engine_.add_handler<&Simulation::on_border_hours>(*this, "border opens or closes");
    h_vessel_timetable_ = engine_.add_handler<&Simulation::on_vessel_timetable>(*this, "vessel timetable");
}

} // namespace corridor::logistics::detail
