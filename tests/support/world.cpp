// Networks built in code for behaviour tests (world.hpp).
#include "tests/support/world.hpp"

#include <stdexcept>
#include <utility>

#include "tests/support/seed.hpp"

namespace corridor::support {

core::NodeId World::node(std::string_view name) const {
    if (const auto id = network.find_node(name)) return *id;
    throw std::invalid_argument("no node " + std::string(name));
}

core::LinkId World::link(std::string_view name) const {
    if (const auto id = network.find_link(name)) return *id;
    throw std::invalid_argument("no link " + std::string(name));
}

WorldBuilder& WorldBuilder::cargo(std::string name, std::string unit, double tonnes_per_unit) {
    network::CargoClass c;
    c.name = std::move(name);
    c.unit = std::move(unit);
    c.tonnes_per_unit = core::Tonnes{tonnes_per_unit};
    spec_.cargo_classes.push_back(std::move(c));
    return *this;
}

WorldBuilder& WorldBuilder::hazard_class(std::uint8_t un_class) {
    spec_.cargo_classes.back().hazardous = true;
    spec_.cargo_classes.back().hazard_class = un_class;
    return *this;
}

WorldBuilder& WorldBuilder::hazardous_inspection(core::Distribution extra_h) {
    last_node().border->hazardous_dwell_h = extra_h;
    return *this;
}

WorldBuilder& WorldBuilder::node(std::string id, std::string country, double lat, double lon, network::NodeKind kind) {
    network::Node n;
    n.name = std::move(id);
    n.label = n.name;
    n.country = std::move(country);
    n.kind = kind;
    n.lat = core::Degrees{lat};
    n.lon = core::Degrees{lon};
    spec_.nodes.push_back(std::move(n));
    return *this;
}

network::Node& WorldBuilder::last_node() {
    if (spec_.nodes.empty()) throw std::logic_error("a process needs a node first");
    return spec_.nodes.back();
}

WorldBuilder& WorldBuilder::border(core::Distribution dwell_h, std::uint32_t servers, double cost_usd_per_unit) {
    network::BorderProcess b;
    b.dwell_h = dwell_h;
    b.dwell_inbound_h = dwell_h;
    b.servers = servers;
    b.cost_usd_per_unit = core::Usd{cost_usd_per_unit};
    last_node().border = b;
    return *this;
}

WorldBuilder& WorldBuilder::opening_hours(double from_h, double until_h) {
    auto& border = last_node().border;
    if (!border) throw std::logic_error("opening hours need a border");
    border->hours = network::OpeningHours{core::Hours{from_h}, core::Hours{until_h}};
    return *this;
}

WorldBuilder& WorldBuilder::transshipment(double setup_h, double units_per_crane_h, std::uint32_t cranes) {
    network::TransshipmentProcess t;
    t.setup_h = fixed_h(setup_h);
    t.units_per_crane_h = core::UnitsPerHour{units_per_crane_h};
    t.cranes = cranes;
    last_node().transshipment = t;
    return *this;
}

WorldBuilder& WorldBuilder::port_cranes(std::uint32_t cranes_per_berth, double units_per_crane_h) {
    last_node().port->cranes_per_berth = cranes_per_berth;
    last_node().port->units_per_crane_h = core::UnitsPerHour{units_per_crane_h};
    return *this;
}

WorldBuilder& WorldBuilder::yard(std::string unit, std::uint32_t units) {
    last_node().port->yard.push_back({std::move(unit), units});
    return *this;
}

WorldBuilder& WorldBuilder::port(std::uint32_t berths, double handling_h, double cost_usd_per_unit) {
    network::PortProcess p;
    p.berths = berths;
    p.handling_h = fixed_h(handling_h);
    p.cost_usd_per_unit = core::Usd{cost_usd_per_unit};
    last_node().port = p;
    return *this;
}

core::NodeId WorldBuilder::node_id(std::string_view name) const {
    for (std::size_t i = 0; i < spec_.nodes.size(); ++i) {
        if (spec_.nodes[i].name == name) return core::NodeId{static_cast<std::uint32_t>(i)};
    }
    throw std::invalid_argument("no node " + std::string(name));
}

core::LinkId WorldBuilder::link_id(std::string_view name) const {
    for (std::size_t i = 0; i < spec_.links.size(); ++i) {
        if (spec_.links[i].name == name) return core::LinkId{static_cast<std::uint32_t>(i)};
    }
    throw std::invalid_argument("no link " + std::string(name));
}

WorldBuilder& WorldBuilder::link(std::string id, std::string_view from, std::string_view to, network::Mode mode,
                                 double length_km, double speed_kmh, LinkOptions options) {
    network::Link l;
    l.name = std::move(id);
    l.from = node_id(from);
    l.to = node_id(to);
    l.mode = mode;
    l.length = core::Km{length_km};
    l.speed = core::KmPerHour{speed_kmh};
    l.gauge_mm = mode == network::Mode::rail ? options.gauge_mm : 0;
    l.capacity_per_day = core::PerDay{options.capacity_per_day};
    l.cost_usd_per_unit_km = core::UsdPerUnitKm{options.cost_usd_per_unit_km};
    l.co2_g_per_tkm = core::GramsPerTonneKm{options.co2_g_per_tkm};
    if (options.opens) {
        l.status = network::LinkStatus::planned;
        l.opens = network::parse_date(*options.opens);
        if (!l.opens) throw std::invalid_argument("bad date " + *options.opens);
    }
    spec_.links.push_back(l);
    if (options.both_ways) {
        network::Link back = l;
        back.name = l.name + ":reverse";
        std::swap(back.from, back.to);
        spec_.links.push_back(std::move(back));
    }
    return *this;
}

logistics::ServiceSpec& WorldBuilder::service(std::string id, logistics::ServiceKind kind,
                                              std::initializer_list<std::string_view> links,
                                              const ServiceOptions& options) {
    logistics::ServiceSpec svc;
    svc.name = std::move(id);
    svc.kind = kind;
    for (const auto name : links) {
        svc.links.push_back(link_id(name));
        if (!options.both_directions) continue;
        const std::string reverse = std::string(name) + ":reverse";
        for (std::size_t i = 0; i < spec_.links.size(); ++i) {
            if (spec_.links[i].name == reverse) svc.links.emplace_back(static_cast<std::uint32_t>(i));
        }
    }
    svc.departure.when_full = options.when_full;
    if (options.max_wait_h) svc.departure.max_wait_h = core::Hours{*options.max_wait_h};
    if (options.every_h) svc.departure.every_h = core::Hours{*options.every_h};
    svc.departure.offset_h = core::Hours{options.offset_h};
    svc.load_factor = options.load_factor;
    svc.sea_area = options.sea_area;
    services_.push_back(std::move(svc));
    return services_.back();
}

WorldBuilder& WorldBuilder::train(std::string id, std::initializer_list<std::string_view> links, double capacity_units,
                                  ServiceOptions options) {
    service(std::move(id), logistics::ServiceKind::train, links, options).capacity_units = core::Units{capacity_units};
    return *this;
}

WorldBuilder& WorldBuilder::vessels(std::string id, std::initializer_list<std::string_view> links,
                                    std::initializer_list<std::pair<std::string, double>> fleet, ServiceOptions options) {
    auto& svc = service(std::move(id), logistics::ServiceKind::vessel, links, options);
    for (const auto& [name, capacity] : fleet) svc.vessels.push_back({name, core::Units{capacity}});
    return *this;
}

World WorldBuilder::build() const {
    network::NetworkSpec spec = spec_;
    spec.name = "test";
    if (spec.cargo_classes.empty()) {
        network::CargoClass container;
        container.name = "container";
        container.unit = "teu";
        container.tonnes_per_unit = core::Tonnes{10};
        spec.cargo_classes.push_back(container);
    }
    return World{network::Network::build(std::move(spec)), services_};
}

core::Distribution fixed_h(double hours) { return core::Distribution{core::Deterministic{hours}}; }
core::Distribution exponential_h(double mean) { return core::Distribution{core::Exponential{mean}}; }
core::Distribution lognormal_h(double mean, double sd) { return core::Distribution{core::Lognormal{mean, sd}}; }

logistics::Scenario scenario_on(const World& world, double days) {
    logistics::Scenario sc;
    sc.name = "test";
    sc.start_date = *network::parse_date("2025-01-01");
    sc.horizon = core::to_ticks(core::Hours{24.0 * days});
    sc.seed = test_seed();
    sc.services = world.services;
    return sc;
}

logistics::Flow flow(const World& world, std::string_view from, std::string_view to, double units_per_day) {
    logistics::Flow f;
    f.name = std::string(from) + "-" + std::string(to);
    f.origin = world.node(from);
    f.destination = world.node(to);
    f.cargo = core::CargoClassId{0};
    f.units_per_day = core::UnitsPerDay{units_per_day};
    return f;
}

logistics::Disruption closure_of(const World& world, std::string_view link, int from_day, int until_day) {
    logistics::Disruption closure;
    closure.target = world.link(link);
    closure.from = core::at_hours(24.0 * from_day);
    closure.until = core::at_hours(24.0 * until_day);
    return closure;
}

logistics::Disruption derating(logistics::DisruptionTarget target, double factor) {
    logistics::Disruption d;
    d.target = target;
    d.from = core::SimTime{};
    d.until = core::at_hours(24 * 1000); // beyond any test's horizon: in force throughout
    d.capacity_factor = factor;
    return d;
}

const logistics::ResourceResult& resource(const logistics::RunResult& run, std::string_view name) {
    for (const auto& r : run.resources) {
        if (r.key() == name) return r;
    }
    throw std::invalid_argument("no resource " + std::string(name));
}

} // namespace corridor::support
