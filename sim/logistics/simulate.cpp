// The freight simulation. Consignments follow routes split into legs (runs of links served by
// one service on one carrier); trains consolidate and depart by their rule, vessels shuttle and
// wait out storms, unserved links carry each consignment alone. Borders, cranes and berths are
// server pools. Every state change is an engine event; handlers get an entity index as payload.
#include "sim/logistics/simulate.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <stdexcept>

#include "sim/core/assert.hpp"
#include "sim/core/engine.hpp"
#include "sim/core/quantiles.hpp"
#include "sim/core/random.hpp"
#include "sim/logistics/detail/chunked_vector.hpp"
#include "sim/logistics/resource.hpp"
#include "sim/logistics/weather.hpp"
#include "sim/network/routing.hpp"

namespace corridor::logistics {

namespace {

using core::Duration;
using core::SimTime;
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

bool is_water(network::Mode m) {
    return m == network::Mode::ferry || m == network::Mode::sea || m == network::Mode::air;
}

Duration hours(double h) { return std::max(Duration{0}, core::to_ticks(core::Hours{h})); }

// In-flight state; its slot is reused once the consignment is delivered, so memory follows the
// consignments in the system, not all those ever created. 96 bytes on a 32-byte boundary: two
// cache lines, which a leg's end reads and writes together.
struct alignas(32) Consignment {
    std::uint32_t id;    // shipment number: creation order, stable in outputs
    std::uint32_t flow;
    std::uint32_t route; // index into routes_
    std::uint32_t pos;   // next link of the route to ride
    core::NodeId at;
    TimeUse use;
    bool counted;        // created after warm-up: counts in the flow statistics
    bool live;           // the slot holds a consignment in the system
    bool custody;        // its flow keeps a chain-of-custody log
    SimTime since;       // start of the current time use
    double units;
    // Its ledger, turned into a ShipmentRecord when it leaves (or at the horizon).
    SimTime created;
    double usd = 0;
    double kg_co2e = 0;
    std::array<std::uint32_t, kTimeUses> seconds{}; // up to 136 years each
    // The leg it starts at `pos` of its route, when known without a look-up (kNone: look it
    // up): a consignment's own line is in cache when it starts a leg, the route's is not.
    std::uint32_t leg;
};
static_assert(sizeof(Consignment) == 96);

enum class VehicleKind : std::uint8_t { train, vessel, solo };

enum class BerthWork : std::uint8_t { load, unload };

// Aligned to cache lines: a link step (arrive, ask for a path, enter the next link) reads and
// writes the first line only; the trip's time account (written when what the vehicle does
// changes) is the second; what a leg's start and end need is the third.
struct alignas(64) Vehicle {
    VehicleKind kind = VehicleKind::solo;
    bool on_trip = false;                  // see the trip's account below
    TimeUse use = TimeUse::waiting;
    bool inbound_border = false;           // the border it queues at, in or out
    BerthWork berth_work = BerthWork::load; // what it queues for at a berth (vessels)
    bool next_plain = false;               // nothing can hold it at next_at (plain_node_)
    std::uint32_t leg_base = 0;            // where the leg's positions start in leg_pos_
    std::uint32_t leg_len = 0;             // how many links the leg has
    std::uint32_t pos = 0;                 // next link of the leg
    std::uint32_t run_end = 0;             // leg position after the link (or free run) being ridden
    core::NodeId at;
    core::NodeId next_at;                  // where the link (or free run) being ridden ends
    // The link it asks for next (before entering) or rides (after: the last of a free run).
    core::LinkId link;
    // A trip's account, kept once for the whole load and shared out at the end of the leg, so
    // that a link or a border costs O(1) per vehicle, not per consignment aboard. The time in
    // `use` since `since` is added to `seconds` when the use changes (or the trip ends).
    SimTime since;
    std::uint32_t leg = kNone;             // the leg it rides (a land trip's cost is the leg's)
    // Second line.
    alignas(64) std::array<std::int64_t, kTimeUses> seconds{};
    std::uint32_t service = kNone;
    std::uint32_t vessel = kNone;          // index in the service's fleet
    // Third line.
    std::vector<std::uint32_t> load;       // consignments aboard
    double units = 0;
    SimTime requested;                     // when it asked for a line path it had to wait for
    // The trip's cost: a vessel's summed as it goes, a train's or a truck's its leg's (end_trip).
    double usd_per_unit = 0;
    double co2_g_per_t = 0;                // g CO2e per tonne carried
};
static_assert(sizeof(Vehicle) == 192 && offsetof(Vehicle, seconds) == 64 && offsetof(Vehicle, load) == 128,
              "a link step's fields fill the first cache line of a Vehicle");

// A position of a leg, as a vehicle at it reads it: all legs' positions in one flat pool, so that
// a link step reads one record instead of three vectors of vectors, and a free run (below) reads
// its links in one sequential sweep.
// Its own link is the previous position's `next` (the first one's is the leg's first link, on
// the vehicle from the start): a link step then reads the positions it rides and no further.
// What riding the leg costs is not here: a train's or a truck's trip is always its whole leg, so
// its cost is the leg's (worked out once per leg, LegCost), and a link step reads a quarter line.
struct alignas(16) LegPos {
    core::LinkId next;            // the link of the next position; none at the leg's last
    std::uint32_t run_end : 31;   // the position after the free run from here (here + 1 if not free)
    std::uint32_t plain_to : 1;   // nothing can hold a vehicle at `to` (plain_node_)
    std::int32_t ride_s;   // riding time in ticks, rounded link by link (checked to fit when built)
    core::NodeId to;       // where the position's link ends
};
static_assert(sizeof(LegPos) == 16, "four leg positions to a cache line");

// What a train or a truck riding a whole leg adds per unit and per tonne: the links' costs and
// the borders' fees (at every node after a link that has a border process), summed in the order
// they are met, so the sums equal those of adding them on the way.
struct LegCost {
    double usd_per_unit = 0;
    double co2_g_per_t = 0; // g CO2e per tonne carried
};

// What boarding and departing read of a service, in a small array that stays in cache.
struct ServiceRule {
    double capacity_units;
    Duration max_wait;     // the longest a train waits to fill; negative: no limit
    bool when_full;        // departs as soon as it is full
    bool train;            // a train service (else vessels)
};

// Trains boarding at the same place for the same leg of a service. One cache line each: a
// consignment boarding touches one.
struct alignas(64) Consolidator {
    std::uint32_t service;
    std::uint32_t leg; // the leg the trains ride
    std::vector<std::uint32_t> waiting;
    double units = 0;
    core::EventId timer{};
    bool timer_set = false;
};

// Consignments waiting at a port for a vessel of a service over one link.
struct PortQueue {
    std::uint32_t service;
    core::LinkId link;
    std::vector<std::uint32_t> waiting; // FIFO: boarded from the front
    std::size_t head = 0;
    double units = 0;
};

enum class VesselState : std::uint8_t { idle, loading, busy };
struct FleetVessel {
    std::uint32_t service;
    std::string name;
    double capacity;                 // what it loads now: base × its service's and its own derating
    double base_capacity;            // capacity × load factor
    core::NodeId at;
    VesselState state = VesselState::idle;
    std::uint32_t vehicle = kNone;   // while loading or busy
    std::uint32_t queue = kNone;     // the port queue it loads from
    core::EventId timer{};
    bool timer_set = false;
    core::TimeWeighted busy;         // 1 while sailing or at berth
    int closed = 0;                  // disruptions in force: not chosen for a trip while > 0
    bool repositioning = false;      // sailing empty to `target` to fetch waiting cargo
    core::NodeId target;
};

enum class Resume : std::uint8_t { ready, depart_vessel, berth_vessel };

struct Area {
    std::uint32_t spec;      // index in scenario.areas
    bool storm = false;
    SimTime spell_end;
    std::vector<std::pair<std::uint32_t, Resume>> waiting; // vehicles held by the storm
    core::TimeWeighted storm_level;
};

// Everything a vehicle reads and writes about a link as it asks for a path and enters it, in half
// a cache line: on large networks each link step is otherwise a cache miss per array touched, and
// the records of the links in use should stay in cache together. (What a ride costs is in the
// leg's LegSteps; what changes only with a disruption, and the path waits, are in LinkState;
// vehicles held by a closure wait in a separate list.)
struct alignas(32) LinkRec {
    SimTime next_free;             // next train path
    Duration headway{0};           // 86,400 s / (capacity × factor), kept with the factor
    std::int64_t busy_seconds = 0; // paths taken × headway (links with a capacity)
    std::uint32_t trains = 0;      // vehicles that entered it since the warm-up
    bool closed = false;           // a disruption's factor <= 0
    bool paced = false;            // it has a capacity: trains take a path
    bool always_open = false;      // status open: no calendar check needed
};
static_assert(sizeof(LinkRec) == 32);

// The rest of a link's state, read when a disruption starts or ends or a train had to wait.
struct LinkState {
    double factor = 1;            // disruptions: 0 closes, (0, 1) derates
    double capacity_per_day = 0;  // 0: unlimited
    double path_wait_h = 0;       // summed waits for a path (links with a capacity)
};

// What riding a link costs, read once per leg to build its LegSteps.
struct LinkRide {
    double hours;        // riding time
    double usd_per_unit; // riding cost per unit
    double co2_g_per_t;  // g CO2e per tonne carried
    core::NodeId to;
};

class Simulation {
public:
    Simulation(const network::Network& net, const Scenario& sc, const RunConfig& cfg)
        : net_{net}, sc_{sc}, cfg_{cfg}, router_{net} {
        links_.resize(net.link_count());
        link_state_.resize(net.link_count());
        crossing_leg_.assign(net.link_count(), kNone);
        port_queue_of_link_.assign(net.link_count(), kNone);
        closed_mask_.assign(net.link_count(), 0);
        link_waiting_.resize(net.link_count());
        for (std::uint32_t l = 0; l < net.link_count(); ++l) {
            if (const auto& opens = net.link(core::LinkId{l}).opens) opening_days_.push_back(opens->days);
        }
        std::sort(opening_days_.begin(), opening_days_.end());
        link_service_.assign(net.link_count(), kNone);
        for (std::uint32_t s = 0; s < sc.services.size(); ++s) {
            for (const auto l : sc.services[s].links) {
                if (link_service_[l.index()] == kNone) link_service_[l.index()] = s;
            }
        }
        // Compact copies of what every event reads, so the hot path stays in cache.
        for (std::uint32_t l = 0; l < net.link_count(); ++l) {
            const auto& link = net.link(core::LinkId{l});
            LinkRec& rec = links_[l];
            link_state_[l].capacity_per_day = link.capacity_per_day;
            rec.paced = link.capacity_per_day > 0;
            set_headway(rec, link_state_[l]);
            rec.always_open = link.status == network::LinkStatus::open;
            rides_.push_back(LinkRide{link.length.value() / link.speed.value(), link.cost_usd_per_unit_km * link.length.value(),
                                      link.co2_g_per_tkm * link.length.value(), link.to});
            carrier_.push_back((std::uint64_t{static_cast<std::uint8_t>(link.mode)} << 32U) | link.gauge_mm);
        }
        for (std::uint32_t v = 0; v < net.node_count(); ++v) node_border_.push_back(net.node(core::NodeId{v}).border ? 1 : 0);
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
        node_waiting_.resize(net.node_count());
        service_closed_.assign(sc.services.size(), 0);
        node_speed_.assign(net.node_count(), 1.0);
        service_derates_.resize(sc.services.size());
        service_waiting_.resize(sc.services.size());
        build_resources();
        build_fleets();
        register_handlers();
    }

    RunResult run() {
        route_cache_.resize(sc_.flows.size());
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

private:
    // ---- set-up -------------------------------------------------------------------------
    core::RandomStream stream(const std::string& component) const {
        return core::RandomStream::for_component(sc_.seed, cfg_.replication, core::component_key(component));
    }

    void build_resources() {
        border_in_.assign(net_.node_count(), kNone);
        border_out_.assign(net_.node_count(), kNone);
        cranes_.assign(net_.node_count(), CraneSet{kNone, 1, 0});
        berths_.assign(net_.node_count(), kNone);
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
            if (node.border || node.transshipment || node.port) process_nodes_.push_back(v);
            node_random_.push_back(stream("node:" + node.name));
        }
        for (const auto& area : sc_.areas) {
            areas_.push_back(Area{static_cast<std::uint32_t>(&area - sc_.areas.data()), false, {}, {}, core::TimeWeighted{}});
            area_random_.push_back(stream("weather:" + area.name));
        }
    }

    std::uint32_t add_pool(std::string name, std::string kind, std::uint32_t servers) {
        pools_.emplace_back(std::move(name), std::move(kind), servers);
        return static_cast<std::uint32_t>(pools_.size() - 1);
    }

    void build_fleets() {
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

    void register_handlers() {
        h_arrival_ = engine_.add_handler<&Simulation::on_arrival>(*this, "flow arrival");
        h_ready_ = engine_.add_handler<&Simulation::on_ready>(*this, "vehicle ready");
        h_enter_ = engine_.add_handler<&Simulation::on_enter>(*this, "vehicle enters link");
        h_arrive_ = engine_.add_handler<&Simulation::on_arrive>(*this, "vehicle arrives");
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

    // ---- demand --------------------------------------------------------------------------
    Duration next_gap(std::uint32_t f) {
        FlowStart& start = flow_starts_[f];
        const double rate = start.rate[static_cast<std::size_t>(this_month())];
        if (rate <= 0) return Duration{86400}; // an empty month: look again tomorrow
        const double mean_h = 24.0 / rate;
        if (start.poisson) {
            return std::max(Duration{1}, hours(-mean_h * std::log(start.random.uniform_open01())));
        }
        return std::max(Duration{1}, hours(mean_h));
    }

    // The month of now, worked out once a day (twice per flow arrival otherwise).
    int this_month() {
        const std::int64_t day = engine_.now().seconds() / 86400;
        if (day != month_day_) {
            month_day_ = day;
            month_ = month_of(sc_.start_date, engine_.now());
        }
        return month_;
    }

    void on_arrival(core::Engine& engine, std::uint64_t payload) {
        const auto f = static_cast<std::uint32_t>(payload);
        const FlowStart& start = flow_starts_[f];
        if ((start.active_months >> this_month()) & 1U) create_batch(f, start.batch_units);
        const SimTime next = engine.now() + next_gap(f);
        if (next <= SimTime{} + sc_.horizon) engine.schedule_at(next, h_arrival_, f);
    }

    // A batch (a block train of 82 TEU) arrives as consignments of one unit each (the last
    // takes a fractional remainder), so a vessel or a train can take part of it; they share one
    // route choice, as a block train is routed as a whole.
    void create_batch(std::uint32_t f, double units) {
        const std::uint32_t route = choose_route(f, flow_starts_[f].origin);
        for (double left = units; left > 1e-9; left -= 1.0) create(f, std::min(left, 1.0), route);
    }

    void create(std::uint32_t f, double units, std::uint32_t route) {
        const FlowStart& start = flow_starts_[f];
        const bool counted = engine_.now() >= SimTime{} + sc_.warmup;
        const auto id = static_cast<std::uint32_t>(created_);
        const Consignment state{id,    f,      route,         0,   start.origin, TimeUse::waiting, counted, true,
                                start.custody, engine_.now(), units, engine_.now(), 0.0, 0.0, {},
                                route < route_first_leg_.size() ? route_first_leg_[route] : kNone};
        std::uint32_t c = 0;
        if (free_cons_.empty()) {
            c = static_cast<std::uint32_t>(cons_.size());
            cons_.push_back(state);
        } else {
            c = free_cons_.back();
            free_cons_.pop_back();
            cons_[c] = state;
        }
        ++created_;
        peak_in_system_ = std::max(peak_in_system_, created_ - delivered_);
        if (counted) {
            ++flow_stats_[f].created;
            flow_stats_[f].units_created += units;
        }
        if (start.custody) log_custody(c, "created", sc_.flows[f].name);
        if (route == kNone) {
            // Unreachable: it waits at its origin for a route (counted in the system).
            unrouted_.push_back(c);
            return;
        }
        if (routes_[route].empty()) {
            deliver(c);
            return;
        }
        start_leg(c);
    }

    // ---- routing -------------------------------------------------------------------------
    network::RouteQuery query_for(const Flow& flow) {
        network::RouteQuery q;
        q.metric = flow.metric;
        q.date = today();
        q.cargo = flow.cargo;
        q.weights = sc_.weights;
        q.closed_links = closed_mask_; // kept up to date by apply(), not rebuilt per query
        return q;
    }

    network::Date today() const {
        return network::Date{sc_.start_date.days + static_cast<std::int32_t>(engine_.now().seconds() / 86400)};
    }

    std::uint32_t intern_route(const std::vector<core::LinkId>& links) {
        const auto it = route_index_.find(links);
        if (it != route_index_.end()) return it->second;
        const auto id = static_cast<std::uint32_t>(routes_.size());
        routes_.push_back(links);
        route_index_.emplace(links, id);
        return id;
    }

    // Routes are computed once per flow and network state (closures, openings), then reused.
    std::uint32_t choose_route(std::uint32_t f, core::NodeId from) {
        const Flow& flow = sc_.flows[f]; // read only when the route is worked out
        if (flow_starts_[f].fixed) return intern_route(flow.fixed_route);
        if (from == flow_ends_[f].destination) return intern_route({});
        auto& cache = route_cache_[f];
        if (cache.version != network_version_ || !cache.valid) {
            cache = RouteCache{};
            cache.valid = true;
            cache.version = network_version_;
            const auto q = query_for(flow);
            const std::size_t k = flow.policy == RoutingPolicy::k_shortest ? flow.k : 1;
            const auto found = router_.k_shortest_routes(flow.origin, flow.destination, k, q);
            double total = 0;
            const double best = found.empty() ? 0 : found.front().metric_value(flow.metric);
            for (const auto& r : found) {
                cache.routes.push_back(intern_route(r.links));
                total += std::exp(-(r.metric_value(flow.metric) - best) / flow.logit_scale);
                cache.cumulative.push_back(total);
            }
        }
        if (cache.routes.empty()) return kNone;
        if (cache.routes.size() == 1) return cache.routes.front();
        const double u = route_random_[f].uniform01() * cache.cumulative.back();
        const auto it = std::upper_bound(cache.cumulative.begin(), cache.cumulative.end(), u);
        return cache.routes[std::min<std::size_t>(static_cast<std::size_t>(it - cache.cumulative.begin()), cache.routes.size() - 1)];
    }

    // What one arriving now can expect to queue at each node's processes before being served:
    // those queued in front × the mean service time ÷ servers (for cranes, per unit, as routing
    // prices a lift). Worked out afresh for each re-plan over the nodes that have processes.
    std::span<const network::NodeWait> current_node_waits() {
        if (node_waits_.empty()) node_waits_.resize(net_.node_count());
        for (const auto v : process_nodes_) {
            const auto& node = net_.node(core::NodeId{v});
            network::NodeWait& wait = node_waits_[v];
            if (node.border) {
                const ServerPool& in = pools_[border_in_[v]];
                const ServerPool& out = pools_[border_out_[v]];
                wait.border_in_h = static_cast<double>(in.queued()) * node.border->dwell_inbound_h.mean() / in.servers();
                wait.border_out_h = static_cast<double>(out.queued()) * node.border->dwell_h.mean() / out.servers();
            }
            if (node.transshipment) {
                const ServerPool& cranes = pools_[cranes_[v].pool];
                wait.cranes_h = static_cast<double>(cranes.queued()) / cranes_[v].units_per_crane_h / cranes.servers();
            }
            if (node.port) {
                const ServerPool& berths = pools_[berths_[v]];
                wait.berths_h = static_cast<double>(berths.queued()) * node.port->handling_h.mean() / berths.servers();
            }
        }
        return node_waits_;
    }

    // Adaptive consignments re-plan at the end of each leg from the state of the network now:
    // closures, and the queues at borders, cranes and berths.
    void replan(std::uint32_t c) {
        Consignment& con = cons_[c];
        const Flow& flow = sc_.flows[con.flow];
        auto q = query_for(flow);
        q.node_waits = current_node_waits();
        auto found = router_.shortest_route(con.at, flow.destination, q);
        if (!found) return; // nothing open: keep the plan and wait where it blocks
        std::vector<core::LinkId> links(routes_[con.route].begin(), routes_[con.route].begin() + con.pos);
        links.insert(links.end(), found->links.begin(), found->links.end());
        con.route = intern_route(links);
        con.leg = kNone;
    }

    // ---- time accounting -----------------------------------------------------------------
    void use(std::uint32_t c, TimeUse next) {
        Consignment& con = cons_[c];
        const SimTime now = engine_.now();
        con.seconds[static_cast<std::size_t>(con.use)] += static_cast<std::uint32_t>((now - con.since).count());
        con.since = now;
        con.use = next;
    }
    void use_all(Vehicle& v, TimeUse next) {
        if (!v.on_trip) {
            for (const auto c : v.load) use(c, next);
            return;
        }
        if (v.use == next) return; // the same use goes on: its time is added when it ends
        close_use(v);
        v.use = next;
    }
    // Adds the time in the current use to the trip's account (integer seconds: adding it in one
    // piece or in several gives the same sum).
    void close_use(Vehicle& v) {
        const SimTime now = engine_.now();
        v.seconds[static_cast<std::size_t>(v.use)] += (now - v.since).count();
        v.since = now;
    }

    // The load's own clocks stop here; the vehicle keeps one account for all of them.
    void start_trip(std::uint32_t v) {
        Vehicle& veh = vehicles_[v];
        SIM_ASSERT(veh.pos == 0, "a trip starts at its leg's first position: end_trip counts the links it rode by pos");
        for (const auto c : veh.load) use(c, TimeUse::moving);
        veh.on_trip = true;
        veh.use = TimeUse::waiting;
        veh.since = engine_.now();
        veh.seconds = {};
        veh.usd_per_unit = 0;
        veh.co2_g_per_t = 0;
    }

    // Shares the trip's time, cost, CO2e and progress out to every consignment aboard.
    void end_trip(std::uint32_t v) {
        Vehicle& veh = vehicles_[v];
        if (!veh.on_trip) return;
        if (veh.kind != VehicleKind::vessel) {
            // A train or a truck ends its trip at its leg's end (leg_end), having ridden it all.
            SIM_ASSERT(veh.pos == veh.leg_len, "a land trip ends at its leg's end");
            veh.usd_per_unit = leg_cost_[veh.leg].usd_per_unit;
            veh.co2_g_per_t = leg_cost_[veh.leg].co2_g_per_t;
        }
        close_use(veh);
        veh.use = TimeUse::waiting;
        const SimTime now = engine_.now();
        for (const auto c : veh.load) {
            Consignment& con = cons_[c];
            for (std::size_t u = 0; u < kTimeUses; ++u) con.seconds[u] += static_cast<std::uint32_t>(veh.seconds[u]);
            con.since = now; // its own clock resumes, the trip being accounted above
            con.use = TimeUse::waiting;
            const double tonnes = flow_ends_[con.flow].tonnes_per_unit;
            con.usd += veh.usd_per_unit * con.units;
            con.kg_co2e += veh.co2_g_per_t * tonnes / 1000.0 * con.units;
            con.pos += veh.pos; // a trip starts at its leg's first position (start_trip)
            con.leg = kNone;
            con.at = veh.at;
        }
        veh.on_trip = false;
    }

    bool custodial(std::uint32_t c) const { return cons_[c].custody; }
    void log_custody(std::uint32_t c, const char* event, const std::string& holder) {
        if (!custodial(c)) return;
        custody_.push_back(CustodyEvent{cons_[c].id, engine_.now(), cons_[c].at, event, holder});
    }

    // ---- legs ----------------------------------------------------------------------------
    // The leg from the consignment's position: consecutive links with the same service and
    // the same carrier (mode, gauge).
    // Legs are computed once per (route, position) and shared by content, so vehicles and
    // consolidators hold an index, not a copy. With the leg, each (route, position) keeps
    // whether a consignment arriving there needs cranes before it (below): a leg's end reads
    // the word its next leg's start reads.
    static constexpr std::uint32_t kLegBits = 30;
    static constexpr std::uint32_t kLegUnknown = (std::uint32_t{1} << kLegBits) - 1;
    static constexpr std::uint32_t kCranes = std::uint32_t{1} << 30;      // cranes needed here
    static constexpr std::uint32_t kCranesKnown = std::uint32_t{1} << 31; // kCranes is set

    std::uint32_t& route_step(const Consignment& con) {
        if (route_legs_.size() <= con.route) route_legs_.resize(con.route + 1);
        auto& by_pos = route_legs_[con.route];
        if (by_pos.empty()) by_pos.assign(routes_[con.route].size(), kLegUnknown);
        return by_pos[con.pos];
    }

    std::uint32_t leg_id_of(const Consignment& con) {
        std::uint32_t& step = route_step(con);
        if ((step & kLegUnknown) == kLegUnknown) {
            const auto leg = intern_leg(leg_of(con));
            if (leg >= kLegUnknown) throw std::length_error("more than 2^30 - 1 distinct legs");
            step = (step & ~kLegUnknown) | leg;
        }
        return step & kLegUnknown;
    }

    std::uint32_t intern_leg(const std::vector<core::LinkId>& leg) {
        const auto it = leg_ids_.find(leg);
        if (it != leg_ids_.end()) return it->second;
        if (leg.size() >= (std::size_t{1} << 31U)) throw std::length_error("a leg of more than 2^31 - 1 links");
        const auto id = static_cast<std::uint32_t>(leg_service_.size());
        leg_service_.push_back(link_service_[leg.front().index()]);
        const auto base = static_cast<std::uint32_t>(leg_pos_.size());
        leg_base_.push_back(base);
        leg_len_.push_back(static_cast<std::uint32_t>(leg.size()));
        leg_first_.push_back(leg.front());
        for (std::size_t i = 0; i < leg.size(); ++i) {
            const auto l = leg[i];
            const LinkRide& ride = rides_[l.index()];
            const Duration ride_time = hours(ride.hours);
            if (ride_time.count() > std::numeric_limits<std::int32_t>::max()) {
                throw std::runtime_error("link '" + net_.link(l).name + "' takes " + std::to_string(ride.hours) +
                                         " h to ride: more than the 68 years a leg can hold");
            }
            const core::LinkId next = i + 1 < leg.size() ? leg[i + 1] : core::LinkId{};
            leg_pos_.push_back(LegPos{next, 0, plain_node_[ride.to.index()] != 0 ? 1U : 0U,
                                      static_cast<std::int32_t>(ride_time.count()), ride.to});
        }
        // The order of a ride: the link, then a border at its end (arrive_at_node).
        LegCost cost;
        for (const auto l : leg) {
            const LinkRide& ride = rides_[l.index()];
            cost.usd_per_unit += ride.usd_per_unit;
            cost.co2_g_per_t += ride.co2_g_per_t;
            if (node_border_[ride.to.index()] != 0) cost.usd_per_unit += net_.node(ride.to).border->cost_usd_per_unit;
        }
        leg_cost_.push_back(cost);
        // run_end of position i: the position after the longest free run from i (i + 1 if i is
        // not free).
        for (std::size_t i = leg.size(); i-- > 0;) {
            const bool free = free_link_[leg[i].index()] != 0;
            const bool joins_next = i + 1 < leg.size() && free && free_link_[leg[i + 1].index()] != 0 &&
                                    plain_node_[rides_[leg[i].index()].to.index()] != 0;
            const std::uint32_t run_end = joins_next ? leg_pos_[base + i + 1].run_end : static_cast<std::uint32_t>(i + 1);
            leg_pos_[base + i].run_end = run_end & 0x7FFF'FFFFU; // legs are shorter than 2^31 links (checked above)
        }
        consolidator_of_leg_.push_back(kNone);
        leg_ids_.emplace(leg, id);
        return id;
    }

    // A vessel's leg: one crossing, interned once per link (a map lookup per sailing showed in
    // profiles of large networks).
    std::uint32_t crossing_leg(core::LinkId link) {
        std::uint32_t& leg = crossing_leg_[link.index()];
        if (leg == kNone) leg = intern_leg({link});
        return leg;
    }

    void set_leg(Vehicle& veh, std::uint32_t leg) {
        veh.leg = leg;
        veh.leg_base = leg_base_[leg];
        veh.leg_len = leg_len_[leg];
        veh.link = leg_first_[leg];
    }

    std::vector<core::LinkId> leg_of(const Consignment& con) const {
        const auto& route = routes_[con.route];
        std::vector<core::LinkId> leg{route[con.pos]};
        const auto service = link_service_[route[con.pos].index()];
        const auto& first = net_.link(route[con.pos]);
        for (std::size_t i = con.pos + 1; i < route.size(); ++i) {
            const auto& l = net_.link(route[i]);
            if (link_service_[route[i].index()] != service || l.mode != first.mode || l.gauge_mm != first.gauge_mm) break;
            if (service != kNone && sc_.services[service].kind == ServiceKind::vessel) break; // one crossing per sailing
            leg.push_back(route[i]);
        }
        return leg;
    }

    void start_leg(std::uint32_t c) {
        Consignment& con = cons_[c];
        std::uint32_t leg_id = con.leg;
        if (leg_id == kNone) {
            leg_id = leg_id_of(con);
            if (con.pos == 0) {
                if (route_first_leg_.size() <= con.route) route_first_leg_.resize(con.route + 1, kNone);
                route_first_leg_[con.route] = leg_id;
            }
        }
        const auto service = leg_service_[leg_id];
        use(c, TimeUse::waiting);
        if (service == kNone) {
            const auto v = new_vehicle(VehicleKind::solo, kNone, con.at);
            vehicles_[v].load.push_back(c);
            vehicles_[v].units = con.units;
            set_leg(vehicles_[v], leg_id);
            start_trip(v);
            ready(v);
            return;
        }
        if (rules_[service].train) {
            board_train(c, service, leg_id);
        } else {
            board_vessel(c, service, leg_first_[leg_id]);
        }
    }

    std::uint32_t new_vehicle(VehicleKind kind, std::uint32_t service, core::NodeId at) {
        std::uint32_t v = 0;
        if (free_vehicles_.empty()) {
            v = static_cast<std::uint32_t>(vehicles_.size());
            vehicles_.emplace_back();
        } else {
            v = free_vehicles_.back();
            free_vehicles_.pop_back();
        }
        Vehicle& veh = vehicles_[v];
        veh.kind = kind;
        veh.service = service;
        veh.vessel = kNone;
        veh.load.clear();
        veh.units = 0;
        veh.pos = 0;
        veh.at = at;
        veh.on_trip = false;
        return v;
    }

    void free_vehicle(std::uint32_t v) {
        vehicles_[v].load.clear();
        vehicles_[v].on_trip = false;
        free_vehicles_.push_back(v);
    }

    // ---- trains --------------------------------------------------------------------------
    void board_train(std::uint32_t c, std::uint32_t service, std::uint32_t leg) {
        // A leg has one service, so the leg alone names its consolidator.
        if (consolidator_of_leg_[leg] == kNone) {
            consolidator_of_leg_[leg] = static_cast<std::uint32_t>(consolidators_.size());
            consolidators_.push_back(Consolidator{service, leg, {}, 0, {}, false});
            const auto& policy = sc_.services[service].departure;
            if (policy.every_h && *policy.every_h > 0) {
                engine_.schedule_at(next_on_timetable(policy), h_timetable_, consolidator_of_leg_[leg]);
            }
        }
        const auto k = consolidator_of_leg_[leg];
        Consolidator& con = consolidators_[k];
        con.waiting.push_back(c);
        con.units += cons_[c].units;
        log_custody(c, "boarded", sc_.services[service].name);
        const ServiceRule& rule = rules_[service];
        if (rule.when_full && con.units >= rule.capacity_units) {
            depart_train(k);
            return;
        }
        if (!con.timer_set && rule.max_wait >= Duration{0}) {
            con.timer = engine_.schedule_cancellable_in(rule.max_wait, h_train_timer_, k);
            con.timer_set = true;
        }
    }

    void on_train_timer(core::Engine&, std::uint64_t payload) {
        const auto k = static_cast<std::uint32_t>(payload);
        consolidators_[k].timer_set = false;
        if (!consolidators_[k].waiting.empty()) depart_train(k);
    }

    void on_timetable(core::Engine& engine, std::uint64_t payload) {
        const auto k = static_cast<std::uint32_t>(payload);
        if (!consolidators_[k].waiting.empty()) depart_train(k);
        const auto& policy = sc_.services[consolidators_[k].service].departure;
        const SimTime next = engine.now() + hours(*policy.every_h);
        if (next <= SimTime{} + sc_.horizon) engine.schedule_at(next, h_timetable_, k);
    }

    void depart_train(std::uint32_t k) {
        Consolidator& con = consolidators_[k];
        const ServiceRule& rule = rules_[con.service];
        if (con.timer_set) {
            engine_.cancel(con.timer);
            con.timer_set = false;
        }
        // Board in arrival order up to the capacity.
        const auto v = new_vehicle(VehicleKind::train, con.service, cons_[con.waiting.front()].at);
        Vehicle& train = vehicles_[v];
        set_leg(train, con.leg);
        // Those left behind stay in the consolidator's own list, in order.
        std::size_t left = 0;
        for (const auto c : con.waiting) {
            if (train.load.empty() || train.units + cons_[c].units <= rule.capacity_units) {
                train.load.push_back(c);
                train.units += cons_[c].units;
            } else {
                con.waiting[left++] = c;
            }
        }
        con.waiting.resize(left);
        con.units = 0;
        for (const auto c : con.waiting) con.units += cons_[c].units;
        if (!con.waiting.empty()) {
            if (rule.when_full && con.units >= rule.capacity_units) {
                depart_train(k); // one more full train
            } else if (rule.max_wait >= Duration{0}) {
                con.timer = engine_.schedule_cancellable_in(rule.max_wait, h_train_timer_, k);
                con.timer_set = true;
            }
        }
        start_trip(v);
        if (service_closed_[train.service] > 0) {
            use_all(train, TimeUse::disruption);
            service_waiting_[train.service].push_back(v);
            return;
        }
        ready(v);
    }

    // ---- vessels -------------------------------------------------------------------------
    void board_vessel(std::uint32_t c, std::uint32_t service, core::LinkId link) {
        // A link has one service (link_service_), so the link alone names its queue.
        SIM_ASSERT(service == link_service_[link.index()], "a vessel leg's service is its link's");
        std::uint32_t& queue = port_queue_of_link_[link.index()];
        if (queue == kNone) {
            queue = static_cast<std::uint32_t>(port_queues_.size());
            queues_of_service_[service].push_back(queue);
            port_queues_.push_back(PortQueue{service, link, {}, 0, 0});
        }
        const auto q = queue;
        port_queues_[q].waiting.push_back(c);
        port_queues_[q].units += cons_[c].units;
        // A vessel loading here for this link takes it now; else an idle vessel starts loading.
        for (const auto i : fleet_of_service_[service]) {
            if (fleet_[i].state == VesselState::loading && fleet_[i].queue == q) {
                load_vessel(i);
                return;
            }
        }
        const auto port = net_.link(link).from;
        for (const auto i : fleet_of_service_[service]) {
            if (fleet_[i].state == VesselState::idle && fleet_[i].closed == 0 && fleet_[i].at == port) {
                start_loading(i, q);
                return;
            }
        }
        // No vessel here: bring idle ones over, empty, enough for what waits.
        summon(service, port);
    }

    // Cargo waiting at `port` for the service, against the room of the vessels there or on
    // their way: idle vessels elsewhere sail over, empty, until the cargo is covered.
    void summon(std::uint32_t service, core::NodeId port) {
        double waiting = 0;
        for (const auto q : queues_of_service_[service]) {
            if (net_.link(port_queues_[q].link).from == port) waiting += port_queues_[q].units;
        }
        double covered = 0;
        for (const auto i : fleet_of_service_[service]) {
            const FleetVessel& vessel = fleet_[i];
            const bool here = vessel.at == port && vessel.state != VesselState::busy;
            const bool coming = vessel.state == VesselState::busy && vessel.repositioning && vessel.target == port;
            if (here || coming) covered += vessel.capacity;
        }
        for (const auto i : fleet_of_service_[service]) {
            if (covered >= waiting) break;
            const FleetVessel& vessel = fleet_[i];
            if (vessel.state != VesselState::idle || vessel.closed > 0 || vessel.at == port) continue;
            for (const auto l : sc_.services[service].links) {
                if (net_.link(l).from == vessel.at && net_.link(l).to == port) {
                    covered += vessel.capacity;
                    reposition(i, l);
                    break;
                }
            }
        }
    }

    double slots(std::uint32_t c, std::uint32_t service) const {
        for (const auto& s : sc_.services[service].slots_per_unit) {
            if (s.cargo == sc_.flows[cons_[c].flow].cargo) return s.slots * cons_[c].units;
        }
        return cons_[c].units;
    }

    void start_loading(std::uint32_t i, std::uint32_t q) {
        FleetVessel& vessel = fleet_[i];
        vessel.state = VesselState::loading;
        vessel.queue = q;
        const auto v = new_vehicle(VehicleKind::vessel, vessel.service, vessel.at);
        vehicles_[v].vessel = i;
        set_leg(vehicles_[v], crossing_leg(port_queues_[q].link));
        vessel.vehicle = v;
        load_vessel(i);
    }

    void load_vessel(std::uint32_t i) {
        FleetVessel& vessel = fleet_[i];
        PortQueue& queue = port_queues_[vessel.queue];
        Vehicle& veh = vehicles_[vessel.vehicle];
        const auto& svc = sc_.services[vessel.service];
        bool next_does_not_fit = false;
        while (queue.head < queue.waiting.size()) {
            const auto c = queue.waiting[queue.head];
            const double room = slots(c, vessel.service);
            if (!veh.load.empty() && veh.units + room > vessel.capacity) {
                next_does_not_fit = true; // as full as it gets: waiting would not fill it
                break;
            }
            veh.load.push_back(c);
            veh.units += room; // a vessel counts slots
            queue.units -= cons_[c].units;
            ++queue.head;
            if (custodial(c)) log_custody(c, "boarded", svc.name + " / " + vessel.name);
        }
        if (queue.head == queue.waiting.size()) {
            queue.waiting.clear();
            queue.head = 0;
        } else if (queue.head > 1024 && queue.head * 2 > queue.waiting.size()) {
            // Drop the boarded prefix so a queue that never drains does not grow forever.
            queue.waiting.erase(queue.waiting.begin(), queue.waiting.begin() + static_cast<std::ptrdiff_t>(queue.head));
            queue.head = 0;
        }
        const bool full = veh.units >= vessel.capacity - 1e-9 || next_does_not_fit;
        if (svc.departure.when_full && full) {
            depart_vessel(i);
        } else if (!vessel.timer_set && !veh.load.empty() && svc.departure.max_wait_h) {
            vessel.timer = engine_.schedule_cancellable_in(hours(*svc.departure.max_wait_h), h_vessel_timer_, i);
            vessel.timer_set = true;
        } else if (!svc.departure.when_full && !svc.departure.max_wait_h && !timetabled(svc) && !veh.load.empty()) {
            depart_vessel(i); // no rule to wait by: sail with what is there
        }
    }

    static bool timetabled(const ServiceSpec& svc) { return svc.departure.every_h && *svc.departure.every_h > 0; }

    // The first departure on a timetable at or after now (offset_h + k × every_h).
    SimTime next_on_timetable(const DeparturePolicy& policy) const {
        const double period = *policy.every_h * 3600.0;
        const double now = static_cast<double>(engine_.now().seconds());
        const double k = std::ceil((now - policy.offset_h * 3600.0) / period);
        const auto at = static_cast<std::int64_t>(policy.offset_h * 3600.0 + std::max(0.0, k) * period);
        return core::at_seconds(std::max<std::int64_t>(at, engine_.now().seconds()));
    }

    // A vessel service's timetable: at each departure time every vessel of the service that is
    // loading with cargo aboard sails (one without cargo waits for some, as without a timetable).
    void start_vessel_timetables() {
        for (std::uint32_t s = 0; s < sc_.services.size(); ++s) {
            const auto& svc = sc_.services[s];
            if (svc.kind != ServiceKind::vessel || !timetabled(svc) || fleet_of_service_[s].empty()) continue;
            engine_.schedule_at(next_on_timetable(svc.departure), h_vessel_timetable_, s);
        }
    }

    void on_vessel_timetable(core::Engine& engine, std::uint64_t payload) {
        const auto s = static_cast<std::uint32_t>(payload);
        for (const auto i : fleet_of_service_[s]) {
            if (fleet_[i].state == VesselState::loading && !vehicles_[fleet_[i].vehicle].load.empty()) depart_vessel(i);
        }
        const SimTime next = engine.now() + hours(*sc_.services[s].departure.every_h);
        if (next <= SimTime{} + sc_.horizon) engine.schedule_at(next, h_vessel_timetable_, s);
    }

    void on_vessel_timer(core::Engine&, std::uint64_t payload) {
        const auto i = static_cast<std::uint32_t>(payload);
        fleet_[i].timer_set = false;
        if (fleet_[i].state == VesselState::loading && !vehicles_[fleet_[i].vehicle].load.empty()) depart_vessel(i);
    }

    void depart_vessel(std::uint32_t i) {
        FleetVessel& vessel = fleet_[i];
        if (vessel.timer_set) {
            engine_.cancel(vessel.timer);
            vessel.timer_set = false;
        }
        vessel.state = VesselState::busy;
        vessel.busy.set(engine_.now(), 1);
        const auto v = vessel.vehicle;
        start_trip(v);
        resume(v, Resume::depart_vessel);
        summon(vessel.service, vessel.at); // cargo left behind calls for another vessel
    }

    void reposition(std::uint32_t i, core::LinkId link) {
        FleetVessel& vessel = fleet_[i];
        vessel.repositioning = true;
        vessel.target = net_.link(link).to;
        vessel.state = VesselState::busy;
        vessel.busy.set(engine_.now(), 1);
        const auto v = new_vehicle(VehicleKind::vessel, vessel.service, vessel.at);
        vehicles_[v].vessel = i;
        set_leg(vehicles_[v], crossing_leg(link));
        vessel.vehicle = v;
        resume(v, Resume::depart_vessel);
    }

    // Departure: wait out a storm, load at a berth, then sail.
    void vessel_departure(std::uint32_t v) {
        if (storm_holds(v, Resume::depart_vessel)) return;
        if (!to_berth(v, BerthWork::load)) ready(v);
    }

    // A laden vessel at a port with berths queues for one to load or unload; false if it has
    // nothing to handle or the port has no berths.
    bool to_berth(std::uint32_t v, BerthWork work) {
        Vehicle& veh = vehicles_[v];
        const auto port = veh.at.index();
        if (berths_[port] == kNone || veh.load.empty()) return false;
        use_all(veh, TimeUse::port);
        veh.berth_work = work;
        if (pools_[berths_[port]].request(engine_.now(), v)) start_berth_work(v);
        return true;
    }

    void start_berth_work(std::uint32_t v) {
        Vehicle& veh = vehicles_[v];
        const auto& node = net_.node(veh.at);
        // handling_h is a whole port call: unloading what arrived and loading what leaves, half
        // each (a vessel that only unloads, or only loads, takes half a call).
        const auto& own = sc_.services[veh.service].port_handling_h;
        const double h = 0.5 * (own ? own->sample(node_random_[veh.at.index()])
                                    : node.port->handling_h.sample(node_random_[veh.at.index()]));
        engine_.schedule_in(hours(h / node_speed_[veh.at.index()]),
                            veh.berth_work == BerthWork::load ? h_vessel_loaded_ : h_vessel_unloaded_, v);
    }

    void release_berth(std::uint32_t v) {
        const auto port = vehicles_[v].at.index();
        if (const auto next = pools_[berths_[port]].release(engine_.now())) start_berth_work(*next);
    }

    void on_vessel_loaded(core::Engine&, std::uint64_t payload) {
        const auto v = static_cast<std::uint32_t>(payload);
        release_berth(v);
        Vehicle& veh = vehicles_[v];
        veh.usd_per_unit += net_.node(veh.at).port->cost_usd_per_unit;
        ready(v);
    }

    void vessel_arrival(std::uint32_t v) {
        if (storm_holds(v, Resume::berth_vessel)) return;
        if (!to_berth(v, BerthWork::unload)) vessel_done(v);
    }

    void on_vessel_unloaded(core::Engine&, std::uint64_t payload) {
        const auto v = static_cast<std::uint32_t>(payload);
        release_berth(v);
        vehicles_[v].usd_per_unit += net_.node(vehicles_[v].at).port->cost_usd_per_unit;
        vessel_done(v);
    }

    void vessel_done(std::uint32_t v) {
        end_trip(v);
        Vehicle& veh = vehicles_[v];
        const auto i = veh.vessel;
        FleetVessel& vessel = fleet_[i];
        vessel.at = veh.at;
        vessel.repositioning = false;
        vessel.state = VesselState::idle;
        vessel.busy.set(engine_.now(), 0);
        vessel.vehicle = kNone;
        const auto load = veh.load;
        free_vehicle(v);
        for (const auto c : load) {
            // The holder's name is built only for consignments that keep a custody log.
            if (custodial(c)) log_custody(c, "arrived", sc_.services[vessel.service].name + " / " + vessel.name);
            transfer(c);
        }
        load_here(i);
        if (fleet_[i].state == VesselState::idle) {
            // Nothing to take here: offer it to ports whose cargo no vessel covers.
            std::vector<core::NodeId> ports;
            for (const auto q : queues_of_service_[fleet_[i].service]) {
                const auto& queue = port_queues_[q];
                const auto from = net_.link(queue.link).from;
                if (queue.units > 0 && from != fleet_[i].at &&
                    std::find(ports.begin(), ports.end(), from) == ports.end()) {
                    ports.push_back(from);
                }
            }
            for (const auto port : ports) summon(fleet_[i].service, port);
        }
    }

    // An idle vessel takes the cargo waiting at its port, the longest-waiting queue first.
    void load_here(std::uint32_t i) {
        FleetVessel& vessel = fleet_[i];
        if (vessel.state != VesselState::idle || vessel.closed > 0) return;
        std::uint32_t best = kNone;
        for (const auto q : queues_of_service_[vessel.service]) {
            const auto& queue = port_queues_[q];
            if (queue.head >= queue.waiting.size()) continue;
            if (net_.link(queue.link).from != vessel.at) continue;
            if (best == kNone || cons_[queue.waiting[queue.head]].since < cons_[port_queues_[best].waiting[port_queues_[best].head]].since) best = q;
        }
        bool loading_here = false;
        for (const auto o : fleet_of_service_[vessel.service]) {
            loading_here |= fleet_[o].state == VesselState::loading && fleet_[o].at == vessel.at;
        }
        if (best != kNone && !loading_here) start_loading(i, best);
    }

    // Vessels neither leave nor berth in a storm.
    bool storm_holds(std::uint32_t v, Resume how) {
        const auto service = vehicles_[v].service;
        if (service == kNone) return false;
        const auto a = service_area_[service];
        if (a == kNone || !areas_[a].storm) return false;
        use_all(vehicles_[v], TimeUse::weather);
        areas_[a].waiting.emplace_back(v, how);
        return true;
    }

    void resume(std::uint32_t v, Resume how) {
        switch (how) {
        case Resume::ready: ready(v); return;
        case Resume::depart_vessel: vessel_departure(v); return;
        case Resume::berth_vessel: vessel_arrival(v); return;
        }
    }

    // ---- moving along a leg --------------------------------------------------------------
    void ready(std::uint32_t v) {
        Vehicle& veh = vehicles_[v];
        if (veh.pos == veh.leg_len) {
            leg_end(v);
            return;
        }
        const auto l = veh.link;
        LinkRec& link = links_[l.index()];
        if (link.closed || (!link.always_open && !net_.is_open(l, today()))) {
            use_all(veh, TimeUse::disruption);
            link_waiting_[l.index()].push_back(v);
            return;
        }
        if (link.paced && veh.kind != VehicleKind::vessel) {
            const SimTime enter = std::max(engine_.now(), link.next_free);
            link.next_free = enter + link.headway;
            link.busy_seconds += link.headway.count();
            if (enter > engine_.now()) {
                use_all(veh, TimeUse::waiting);
                veh.requested = engine_.now();
                engine_.schedule_at(enter, h_enter_, v);
                return;
            }
        }
        enter(v, false);
    }

    // A path every 86,400 s / (capacity × factor); only read while capacity and factor are > 0.
    static void set_headway(LinkRec& link, const LinkState& state) {
        link.closed = state.factor <= 0;
        if (state.capacity_per_day > 0 && state.factor > 0) {
            link.headway = Duration{static_cast<std::int64_t>(86400.0 / (state.capacity_per_day * state.factor))};
        }
    }

    void on_ready(core::Engine&, std::uint64_t payload) { ready(static_cast<std::uint32_t>(payload)); }
    void on_enter(core::Engine&, std::uint64_t payload) { enter(static_cast<std::uint32_t>(payload), true); }

    // `waited`: it waited for a line path since `requested` (else it enters as it asks).
    void enter(std::uint32_t v, bool waited) {
        Vehicle& veh = vehicles_[v];
        const LegPos* const at = leg_pos_.data() + veh.leg_base; // this leg's positions
        const auto l = veh.link;
        LinkRec& link = links_[l.index()];
        if (waited && link.paced) {
            link_state_[l.index()].path_wait_h += static_cast<double>((engine_.now() - veh.requested).count()) / 3600.0;
        }
        ++link.trains;
        use_all(veh, TimeUse::moving);
        // The ride's cost and where it ends go on the vehicle now, so that the arrival need not
        // read the link again. A free run is ridden link by link in one go: the same times (each
        // link's rounded to ticks), the same sums in the same order, one event.
        const auto end = at[veh.pos].run_end; // a vessel's leg is one crossing, so one link
        Duration ride{0};
        for (std::size_t i = veh.pos; i < end; ++i) ride += Duration{at[i].ride_s};
        veh.next_at = at[end - 1].to;
        veh.next_plain = at[end - 1].plain_to != 0;
        veh.run_end = end;
        if (veh.kind == VehicleKind::vessel) {
            // A vessel's trip adds its berths' fees around the crossing, so it sums as it goes.
            veh.usd_per_unit += rides_[l.index()].usd_per_unit;
            veh.co2_g_per_t += rides_[l.index()].co2_g_per_t;
            if (sc_.services[veh.service].sailing_h) {
                ride = hours(sc_.services[veh.service].sailing_h->sample(service_random_[veh.service]));
            }
        }
        // The payload also names the link the vehicle will ask for next (+1; 0: none).
        const std::uint64_t next = end < veh.leg_len ? at[end - 1].next.index() + std::uint64_t{1} : 0;
        if (end > veh.pos + 1) veh.link = at[end - 2].next; // the run's last link: the arrival's
        // The positions and the link the next step will read, a whole ride ahead.
        if (end < veh.leg_len) {
            __builtin_prefetch(at + end);
            __builtin_prefetch(&links_[next - 1]);
        }
        engine_.schedule_in(ride, h_arrive_, v | (next << 32U));
    }

    void add_cost(std::uint32_t c, double usd_per_unit) { cons_[c].usd += usd_per_unit * cons_[c].units; }

    ShipmentRecord record_of(const Consignment& con, std::optional<SimTime> delivered) const {
        ShipmentRecord r;
        r.id = con.id;
        r.flow = con.flow;
        r.units = con.units;
        r.created = con.created;
        r.delivered = delivered;
        r.route = con.route;
        for (std::size_t u = 0; u < kTimeUses; ++u) r.seconds[u] = con.seconds[u];
        r.usd = con.usd;
        r.kg_co2e = con.kg_co2e;
        return r;
    }

    void on_arrive(core::Engine&, std::uint64_t payload) {
        const auto v = static_cast<std::uint32_t>(payload); // the upper half: the next link + 1
        Vehicle& veh = vehicles_[v];
        const auto l = veh.link; // the link it arrives by
        if (const auto next = payload >> 32U; next != 0) veh.link = core::LinkId{static_cast<std::uint32_t>(next - 1)};
        veh.at = veh.next_at;
        veh.pos = veh.run_end;
        if (veh.kind == VehicleKind::vessel) {
            vessel_arrival(v);
            return;
        }
        if (veh.next_plain) { // the common case, known from the leg position read at entry
            ready(v);
            return;
        }
        arrive_at_node(v, l);
    }

    void arrive_at_node(std::uint32_t v, core::LinkId via) {
        Vehicle& veh = vehicles_[v];
        const auto node = veh.at.index();
        if (plain_node_[node] != 0) { // no border, never closed: the common case, one byte read
            ready(v);
            return;
        }
        if (node_closed_[node] > 0) {
            use_all(veh, TimeUse::disruption);
            node_waiting_[node].emplace_back(v, via);
            return;
        }
        if (node_border_[node]) {
            const auto& n = net_.node(veh.at);
            veh.inbound_border = net_.node(net_.link(via).from).country != n.country;
            const auto pool = veh.inbound_border ? border_in_[node] : border_out_[node];
            use_all(veh, TimeUse::border); // its fee is in the leg's cost (LegCost)
            if (pools_[pool].request(engine_.now(), v)) start_border(v);
            return;
        }
        ready(v);
    }

    // A border with opening hours opens at its from-hour and closes at its until-hour every
    // day (two chains of daily events per node, payload: node, and bit 32 set for opening). It
    // starts open if 00:00 of the first day is inside its hours.
    void start_border_hours() {
        for (std::uint32_t node = 0; node < net_.node_count(); ++node) {
            const auto& border = net_.node(core::NodeId{node}).border;
            if (!border || !border->hours) continue;
            const std::int64_t from = hours(border->hours->from_h).count();
            const std::int64_t until = hours(border->hours->until_h).count();
            if (from == 0 && until == 86400) continue; // around the clock
            const bool open_at_start = from < until ? from == 0 : until > 0;
            pools_[border_in_[node]].set_open(open_at_start);
            pools_[border_out_[node]].set_open(open_at_start);
            engine_.schedule_at(SimTime{} + Duration{from}, h_border_hours_, node | (std::uint64_t{1} << 32U));
            engine_.schedule_at(SimTime{} + Duration{until}, h_border_hours_, node);
        }
    }

    void on_border_hours(core::Engine& engine, std::uint64_t payload) {
        const auto node = static_cast<std::uint32_t>(payload);
        const bool opening = (payload >> 32U) != 0;
        for (const auto pool : {border_in_[node], border_out_[node]}) {
            pools_[pool].set_open(opening);
            if (!opening) continue;
            while (const auto v = pools_[pool].admit(engine.now())) start_border(*v); // those queued, in order
        }
        const SimTime next = engine.now() + Duration{86400};
        if (next <= SimTime{} + sc_.horizon) engine.schedule_at(next, h_border_hours_, payload);
    }

    void start_border(std::uint32_t v) {
        Vehicle& veh = vehicles_[v];
        const auto& b = *net_.node(veh.at).border;
        const auto& dwell = veh.inbound_border ? b.dwell_inbound_h : b.dwell_h;
        engine_.schedule_in(hours(dwell.sample(node_random_[veh.at.index()]) / node_speed_[veh.at.index()]),
                            h_border_done_, v);
    }

    void on_border_done(core::Engine&, std::uint64_t payload) {
        const auto v = static_cast<std::uint32_t>(payload);
        Vehicle& veh = vehicles_[v];
        const auto node = veh.at.index();
        const auto pool = veh.inbound_border ? border_in_[node] : border_out_[node];
        if (const auto next = pools_[pool].release(engine_.now())) start_border(*next);
        ready(v);
    }

    void leg_end(std::uint32_t v) {
        if (vehicles_[v].kind == VehicleKind::vessel) return; // vessels unload through vessel_arrival
        end_trip(v);
        // The load leaves the vehicle (which takes an empty buffer in its place): what follows
        // may board other vehicles, even this one again.
        auto load = spare_list();
        load.swap(vehicles_[v].load);
        const auto at = vehicles_[v].at;
        free_vehicle(v);
        // A train's cargo that must change carrier here waits for the node's setup first.
        auto to_transship = spare_list();
        for (const auto c : load) {
            cons_[c].at = at;
            if (needs_cranes(c)) {
                to_transship.push_back(c);
            } else {
                transfer(c);
            }
        }
        if (!to_transship.empty()) {
            const auto& t = *net_.node(at).transshipment;
            const double setup = t.setup_h.sample(node_random_[at.index()]);
            std::uint32_t batch = 0;
            if (free_batches_.empty()) {
                batch = static_cast<std::uint32_t>(setup_batches_.size());
                setup_batches_.emplace_back();
            } else {
                batch = free_batches_.back();
                free_batches_.pop_back();
            }
            setup_batches_[batch].swap(to_transship); // the batch's old buffer goes back below
            for (const auto c : setup_batches_[batch]) use(c, TimeUse::transshipment);
            engine_.schedule_in(hours(setup / node_speed_[at.index()]), h_setup_done_, batch);
        }
        return_list(std::move(to_transship));
        return_list(std::move(load));
    }

    // Buffers for lists of consignments that live for one call, kept for reuse: a leg's end
    // would otherwise allocate and free two.
    std::vector<std::uint32_t> spare_list() {
        if (spare_lists_.empty()) return {};
        auto list = std::move(spare_lists_.back());
        spare_lists_.pop_back();
        return list;
    }
    void return_list(std::vector<std::uint32_t>&& list) {
        if (list.capacity() == 0) return;
        list.clear();
        spare_lists_.push_back(std::move(list));
    }

    // Cranes are needed where the carrier changes at a node that transships and the change is
    // not a vessel's (vessels load and unload at their berths). Worked out once per (route,
    // position).
    bool needs_cranes(std::uint32_t c) {
        Consignment& con = cons_[c];
        if (con.pos == 0 || con.pos >= routes_[con.route].size()) return false;
        std::uint32_t& step = route_step(con);
        if ((step & kCranesKnown) == 0) step |= kCranesKnown | (cranes_between(con.route, con.pos) ? kCranes : 0);
        if ((step & kLegUnknown) != kLegUnknown) con.leg = step & kLegUnknown; // for start_leg, later
        return (step & kCranes) != 0;
    }

    bool cranes_between(std::uint32_t route_id, std::uint32_t pos) const {
        const auto& route = routes_[route_id];
        if (carrier_[route[pos - 1].index()] == carrier_[route[pos].index()]) return false;
        const auto& before = net_.link(route[pos - 1]);
        const auto& after = net_.link(route[pos]);
        const auto& node = net_.node(before.to);
        if ((is_water(before.mode) || is_water(after.mode)) && node.port) return false;
        return node.transshipment.has_value();
    }

    void on_setup_done(core::Engine&, std::uint64_t payload) {
        const auto batch = static_cast<std::uint32_t>(payload);
        for (const auto c : setup_batches_[batch]) {
            const auto pool = cranes_[cons_[c].at.index()].pool;
            if (pools_[pool].request(engine_.now(), c)) start_crane(c);
        }
        setup_batches_[batch].clear();
        free_batches_.push_back(batch);
    }

    void start_crane(std::uint32_t c) {
        const auto node = cons_[c].at.index();
        engine_.schedule_in(hours(cons_[c].units / cranes_[node].units_per_crane_h / node_speed_[node]), h_crane_done_, c);
    }

    void on_crane_done(core::Engine&, std::uint64_t payload) {
        const auto c = static_cast<std::uint32_t>(payload);
        const auto node = cons_[c].at;
        const CraneSet& cranes = cranes_[node.index()];
        if (const auto next = pools_[cranes.pool].release(engine_.now())) start_crane(*next);
        add_cost(c, cranes.cost_usd_per_unit);
        if (custodial(c)) log_custody(c, "transshipped", net_.node(node).name);
        start_next(c);
    }

    // After a leg (and any transfer at its end): deliver, or set off on the next leg.
    void transfer(std::uint32_t c) { start_next(c); }

    void start_next(std::uint32_t c) {
        Consignment& con = cons_[c];
        const FlowEnd& end = flow_ends_[con.flow];
        if (con.at == end.destination) {
            deliver(c);
            return;
        }
        if (end.adaptive) replan(c);
        if (con.pos >= routes_[con.route].size()) {
            deliver(c);
            return;
        }
        start_leg(c);
    }

    void deliver(std::uint32_t c) {
        use(c, TimeUse::waiting);
        Consignment& con = cons_[c];
        ++delivered_;
        if (con.custody) log_custody(c, "delivered", net_.node(con.at).name);
        if (con.counted) {
            auto& fs = flow_stats_[con.flow];
            ++fs.delivered;
            fs.units_delivered += con.units;
            const double h = static_cast<double>((engine_.now() - con.created).count()) / 3600.0;
            fs.transit.add(h);
            fs.transit_stats.add(h);
            fs.usd.add(con.usd / con.units);
            fs.kg.add(con.kg_co2e / con.units);
            for (std::size_t u = 0; u < kTimeUses; ++u) fs.hours[u] += static_cast<double>(con.seconds[u]) / 3600.0;
            const FlowEnd& end = flow_ends_[con.flow];
            if (end.has_target && h <= end.target_h) ++fs.on_time;
        }
        today_delivered_[con.flow] += con.units;
        if (cfg_.keep_shipments) shipments_.push_back(record_of(con, engine_.now()));
        con.live = false;
        free_cons_.push_back(c);
    }

    // ---- weather -------------------------------------------------------------------------
    void start_weather(std::uint32_t a) {
        Area& area = areas_[a];
        // Start in the stationary state of the first month.
        const auto& month = sc_.areas[area.spec].months[static_cast<std::size_t>(month_of(sc_.start_date, SimTime{}))];
        area.storm = area_random_[a].uniform01() < stationary_distribution(month)[1];
        area.storm_level = core::TimeWeighted{SimTime{}, area.storm ? 1.0 : 0.0};
        schedule_spell(a);
    }

    void schedule_spell(std::uint32_t a) {
        Area& area = areas_[a];
        const SimTime now = engine_.now();
        const int m = month_of(sc_.start_date, now);
        const auto spell = sample_spell(sc_.areas[area.spec].months[static_cast<std::size_t>(m)], area.storm, area_random_[a]);
        // Rates change with the month: at the month's end the remaining spell is drawn afresh
        // (exact for exponential spells, which have no memory).
        std::int64_t day = now.seconds() / 86400 + 1;
        while (month_of(sc_.start_date, core::at_seconds(day * 86400)) == m && day - now.seconds() / 86400 < 32) ++day;
        const SimTime month_end = core::at_seconds(day * 86400);
        area.spell_end = std::min(now + spell, month_end);
        const bool flips = now + spell <= month_end;
        if (area.spell_end <= SimTime{} + sc_.horizon) engine_.schedule_at(area.spell_end, h_weather_, a * 2U + (flips ? 1U : 0U));
    }

    void on_weather(core::Engine& engine, std::uint64_t payload) {
        const auto a = static_cast<std::uint32_t>(payload / 2);
        const bool flips = payload % 2 == 1;
        Area& area = areas_[a];
        if (flips) {
            area.storm = !area.storm;
            area.storm_level.set(engine.now(), area.storm ? 1.0 : 0.0);
            if (!area.storm) {
                auto waiting = std::move(area.waiting);
                area.waiting.clear();
                for (const auto& [v, how] : waiting) resume(v, how);
            }
        }
        schedule_spell(a);
    }

    // ---- disruptions ---------------------------------------------------------------------
    void on_disruption_start(core::Engine&, std::uint64_t payload) { apply(sc_.disruptions[payload], true); }
    void on_disruption_end(core::Engine&, std::uint64_t payload) { apply(sc_.disruptions[payload], false); }

    // Derating: a factor in (0, 1) while a disruption is in force. Several on one target
    // multiply; the product is worked out afresh from those in force, so it returns to exactly 1.
    // A node's processes then take 1 / factor as long (border dwell, transshipment setup and
    // crane time, berth handling; those under way when it starts or ends keep their time); a
    // service's trains and vessels, or one vessel, load factor × their capacity.
    static double update(std::vector<double>& in_force, double factor, bool starting) {
        if (starting) {
            in_force.push_back(factor);
        } else {
            in_force.erase(std::find(in_force.begin(), in_force.end(), factor));
        }
        return product_of(in_force);
    }
    static double product_of(const std::vector<double>& in_force) {
        double product = 1;
        for (const double f : in_force) product *= f;
        return product;
    }
    void set_vessel_capacity(std::uint32_t i) {
        FleetVessel& vessel = fleet_[i];
        const auto own = vessel_derates_.find(i);
        vessel.capacity = vessel.base_capacity * product_of(service_derates_[vessel.service]) *
                          (own == vessel_derates_.end() ? 1.0 : product_of(own->second));
    }

    void apply(const Disruption& d, bool starting) {
        ++network_version_;
        switch (d.target) {
        case DisruptionTarget::link: {
            LinkState& state = link_state_[d.index];
            state.factor = starting ? d.capacity_factor : 1.0;
            set_headway(links_[d.index], state);
            closed_mask_[d.index] = state.factor <= 0 ? 1 : 0;
            if (state.factor > 0) {
                auto waiting = std::move(link_waiting_[d.index]);
                link_waiting_[d.index].clear();
                for (const auto v : waiting) ready(v);
            }
            return;
        }
        case DisruptionTarget::node: {
            if (d.capacity_factor > 0) {
                node_speed_[d.index] = update(node_derates_[d.index], d.capacity_factor, starting);
                return;
            }
            node_closed_[d.index] += starting ? 1 : -1;
            if (node_closed_[d.index] == 0) {
                auto waiting = std::move(node_waiting_[d.index]);
                node_waiting_[d.index].clear();
                for (const auto& [v, via] : waiting) arrive_at_node(v, via);
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

    // ---- daily series, warm-up, results -------------------------------------------------
    void on_day(core::Engine& engine, std::uint64_t payload) {
        peak_pending_ = std::max<std::uint64_t>(peak_pending_, engine.pending());
        if (cfg_.cancel && cfg_.cancel->load(std::memory_order_relaxed)) {
            cancelled_ = true;
            engine.stop();
            return;
        }
        DailyPoint point;
        point.day = static_cast<std::uint32_t>(payload);
        for (const auto& pool : pools_) point.queue.push_back(static_cast<double>(pool.queued()));
        point.delivered = today_delivered_;
        std::fill(today_delivered_.begin(), today_delivered_.end(), 0.0);
        daily_.push_back(std::move(point));
        // A planned link opening today changes the routes to choose.
        if (std::binary_search(opening_days_.begin(), opening_days_.end(), today().days)) ++network_version_;
        const SimTime next = engine.now() + Duration{86400};
        if (next <= SimTime{} + sc_.horizon) engine.schedule_at(next, h_day_, payload + 1);
    }

    void on_warmup(core::Engine& engine, std::uint64_t) {
        for (auto& pool : pools_) pool.reset_statistics(engine.now());
        for (auto& link : links_) {
            link.trains = 0;
            link.busy_seconds = 0;
        }
        for (auto& state : link_state_) state.path_wait_h = 0;
        for (auto& vessel : fleet_) vessel.busy.reset(engine.now());
    }

    RunResult finish() {
        const SimTime end = SimTime{} + sc_.horizon;
        RunResult result;
        result.cancelled = cancelled_;
        if (cancelled_) return result;
        result.events = engine_.events_processed();
        result.created = created_;
        result.delivered = delivered_;
        result.in_system = created_ - delivered_;
        result.peak_in_system = peak_in_system_;
        result.peak_pending_events = peak_pending_;
        const double days = static_cast<double>((sc_.horizon - sc_.warmup).count()) / 86400.0;
        for (std::uint32_t f = 0; f < sc_.flows.size(); ++f) {
            auto& fs = flow_stats_[f];
            FlowResult r;
            r.name = sc_.flows[f].name;
            r.created = fs.created;
            r.delivered = fs.delivered;
            r.in_system = fs.created - fs.delivered;
            r.units_created = fs.units_created;
            r.units_delivered = fs.units_delivered;
            r.throughput_units_per_day = days > 0 ? fs.units_delivered / days : 0;
            if (fs.delivered > 0) {
                r.transit_mean_h = fs.transit_stats.mean();
                r.transit_p50_h = fs.transit.quantile(0.5);
                r.transit_p90_h = fs.transit.quantile(0.9);
                r.transit_p95_h = fs.transit.quantile(0.95);
                r.transit_max_h = fs.transit_stats.max();
                r.usd_per_unit = fs.usd.mean();
                r.kg_co2e_per_unit = fs.kg.mean();
                for (std::size_t u = 0; u < kTimeUses; ++u) r.mean_hours[u] = fs.hours[u] / static_cast<double>(fs.delivered);
                if (sc_.flows[f].target_days) r.on_time_share = static_cast<double>(fs.on_time) / static_cast<double>(fs.delivered);
            }
            result.flows.push_back(r);
        }
        for (const auto& pool : pools_) {
            ResourceResult r;
            r.name = pool.name();
            r.kind = pool.kind();
            r.servers = pool.servers();
            r.utilisation = pool.utilisation(end);
            r.queue_mean = pool.queue_mean(end);
            r.queue_max = pool.queue_max();
            r.wait_mean_h = pool.waits_h().count() ? pool.waits_h().mean() : 0;
            r.wait_p95_h = pool.waits_h().count() ? pool.wait_quantile_h(0.95) : 0;
            r.served = pool.served();
            result.resources.push_back(r);
        }
        const double span = static_cast<double>((sc_.horizon - sc_.warmup).count());
        for (std::uint32_t l = 0; l < net_.link_count(); ++l) {
            const auto& link = links_[l];
            const auto& spec = net_.link(core::LinkId{l});
            if (spec.capacity_per_day <= 0 || link.trains == 0) continue;
            ResourceResult r;
            r.name = "line " + spec.name;
            r.kind = "line";
            r.servers = spec.capacity_per_day;
            r.utilisation = span > 0 ? std::min(1.0, static_cast<double>(link.busy_seconds) / span) : 0;
            r.wait_mean_h = link_state_[l].path_wait_h / static_cast<double>(link.trains);
            r.served = link.trains;
            result.resources.push_back(r);
        }
        for (const auto& vessel : fleet_) {
            ResourceResult r;
            r.name = "vessel " + vessel.name;
            r.kind = "vessel";
            r.utilisation = vessel.busy.mean(end);
            result.resources.push_back(r);
        }
        for (std::uint32_t a = 0; a < areas_.size(); ++a) {
            ResourceResult r;
            r.name = "weather " + sc_.areas[areas_[a].spec].name;
            r.kind = "storm";
            r.utilisation = areas_[a].storm_level.mean(end); // share of time in storm
            result.resources.push_back(r);
        }
        // Close the books: time in system up to the horizon for those still moving.
        for (std::uint32_t c = 0; c < cons_.size(); ++c) {
            if (!cons_[c].live) continue;
            use(c, cons_[c].use);
            if (cfg_.keep_shipments) shipments_.push_back(record_of(cons_[c], std::nullopt));
        }
        std::sort(shipments_.begin(), shipments_.end(),
                  [](const ShipmentRecord& a, const ShipmentRecord& b) { return a.id < b.id; });
        result.routes = routes_;
        if (cfg_.keep_shipments) result.shipments = std::move(shipments_);
        result.custody = std::move(custody_);
        result.daily = std::move(daily_);
        return result;
    }

    struct alignas(64) FlowStats { // a delivery updates it all: five whole cache lines
        std::uint64_t created = 0, delivered = 0, on_time = 0;
        double units_created = 0, units_delivered = 0;
        core::QuantileSketch transit{0.01, 1e-3}; // transit-time quantiles to within 1%
        core::RunningStats transit_stats, usd, kg;
        std::array<double, kTimeUses> hours{};
    };
    struct RouteCache {
        bool valid = false;
        std::uint64_t version = 0;
        std::vector<std::uint32_t> routes;
        std::vector<double> cumulative;
    };

    const network::Network& net_;
    const Scenario& sc_;
    RunConfig cfg_;
    core::Engine engine_;
    network::Router router_;
    detail::ChunkedVector<Consignment> cons_; // grows without copying, so peaks stay low
    std::vector<std::uint32_t> free_cons_;
    std::vector<ShipmentRecord> shipments_; // delivered (and, at the end, undelivered) records
    std::vector<CustodyEvent> custody_;
    std::vector<Vehicle> vehicles_;
    std::vector<std::uint32_t> free_vehicles_;
    std::vector<std::vector<std::uint32_t>> setup_batches_;
    std::vector<std::uint32_t> free_batches_;
    std::vector<LinkRec> links_;
    std::vector<LinkState> link_state_;
    std::vector<ServiceRule> rules_; // per service
    std::vector<std::vector<std::uint32_t>> spare_lists_; // see spare_list()
    // What a flow's arrivals read of it, per flow: its rate by month (units a day × the month's
    // factor / units per batch, worked out as the arrival would) and what a new consignment takes.
    struct alignas(64) FlowStart {
        core::RandomStream random;   // its arrivals' gaps
        double batch_units = 1;
        core::NodeId origin;
        std::uint16_t active_months = 0; // bit m: the seasonal factor of month m is > 0
        bool poisson = true;
        bool custody = false;
        bool fixed = false;          // routing policy fixed
        std::array<double, 12> rate{};
    };
    std::vector<FlowStart> flow_starts_;
    // What a leg's end reads of a consignment's flow, per flow, in a small array.
    struct FlowEnd {
        core::NodeId destination;
        bool adaptive;          // re-plans at each leg's end
        bool has_target;        // an on-time target is set
        double tonnes_per_unit; // of its cargo class
        double target_h;        // the on-time target in hours (target_days × 24)
    };
    std::vector<FlowEnd> flow_ends_;
    std::int64_t month_day_ = -1; // the day this_month() last worked out, and its month
    int month_ = 0;
    std::vector<std::uint32_t> crossing_leg_; // per link: its one-link leg, once interned
    std::vector<LinkRide> rides_; // per link: what riding it costs (read when a leg is built)
    std::vector<std::vector<std::uint32_t>> link_waiting_; // vehicles held by a closure, per link
    std::vector<std::int32_t> opening_days_;               // planned links' first days, sorted
    std::vector<std::uint32_t> link_service_;
    std::vector<std::uint8_t> node_border_;
    std::vector<std::uint32_t> route_first_leg_; // per route: the leg it starts with (kNone: not yet)
    std::vector<std::vector<std::uint32_t>> route_legs_; // per route, per position: leg id and cranes (route_step)
    std::vector<int> node_closed_;
    std::vector<std::uint32_t> process_nodes_;   // nodes with a border, transshipment or port
    std::vector<network::NodeWait> node_waits_;  // by node, for adaptive re-plans (current_node_waits)
    std::vector<double> node_speed_; // per node: its processes' speed, the product of its derating (1: none)
    std::map<std::uint32_t, std::vector<double>> node_derates_;   // derating factors in force, by node
    std::vector<std::vector<double>> service_derates_;            // by service
    std::map<std::uint32_t, std::vector<double>> vessel_derates_; // by vessel (fleet index)
    std::vector<std::vector<std::pair<std::uint32_t, core::LinkId>>> node_waiting_;
    std::vector<int> service_closed_;
    std::vector<std::vector<std::uint32_t>> service_waiting_;
    std::vector<ServerPool> pools_;
    std::vector<std::uint32_t> border_in_, border_out_, berths_;
    // A transshipment node's crane pool and what its cranes' work takes and costs.
    struct CraneSet {
        std::uint32_t pool;
        double units_per_crane_h;
        double cost_usd_per_unit;
    };
    std::vector<CraneSet> cranes_; // per node (pool kNone: no cranes)
    std::vector<Consolidator> consolidators_;
    std::vector<std::uint32_t> consolidator_of_leg_; // per leg: its trains' consolidator (kNone: none yet)
    std::vector<std::uint32_t> leg_service_;         // per leg: the service riding it (kNone: none)
    std::vector<LegPos> leg_pos_;                      // every leg's positions, leg after leg
    std::vector<std::uint32_t> leg_base_;              // per leg: where its positions start
    std::vector<LegCost> leg_cost_;                    // per leg: what riding it all costs
    std::vector<std::uint32_t> leg_len_;               // per leg: how many links it has
    std::vector<core::LinkId> leg_first_;              // per leg: its first link
    std::vector<std::uint8_t> free_link_;             // per link: nothing can hold a vehicle on it
    std::vector<std::uint64_t> carrier_;              // per link: mode << 32 | gauge (mm)
    std::vector<std::uint8_t> plain_node_;            // per node: nothing can hold a vehicle at it
    std::map<std::vector<core::LinkId>, std::uint32_t> leg_ids_;

    std::vector<PortQueue> port_queues_;
    std::vector<std::uint32_t> port_queue_of_link_; // per link: its port queue (kNone: none yet)
    std::vector<FleetVessel> fleet_;
    std::vector<std::uint32_t> service_area_;
    std::vector<Area> areas_;
    std::vector<std::vector<core::LinkId>> routes_;
    std::map<std::vector<core::LinkId>, std::uint32_t> route_index_;
    std::vector<RouteCache> route_cache_; // per flow
    std::vector<std::uint8_t> closed_mask_;
    std::vector<std::vector<std::uint32_t>> fleet_of_service_;  // per service: its vessels in fleet order
    std::vector<std::vector<std::uint32_t>> queues_of_service_; // per service: its port queues in creation order
    std::vector<std::uint32_t> unrouted_;
    std::uint64_t network_version_ = 0;
    std::vector<core::RandomStream> route_random_, node_random_, service_random_, area_random_;
    std::vector<FlowStats> flow_stats_;
    std::vector<double> today_delivered_; // per flow, units delivered since the last daily point
    std::vector<DailyPoint> daily_;
    std::uint64_t created_ = 0, delivered_ = 0, peak_in_system_ = 0;
    std::uint64_t peak_pending_ = 0; // most events pending at a daily snapshot
    bool cancelled_ = false;

    core::HandlerId h_arrival_, h_ready_, h_enter_, h_arrive_, h_border_done_, h_crane_done_, h_setup_done_,
        h_train_timer_, h_timetable_, h_vessel_timer_, h_vessel_loaded_, h_vessel_unloaded_, h_weather_,
        h_disruption_start_, h_disruption_end_, h_day_, h_warmup_, h_border_hours_,
        h_vessel_timetable_;
};

} // namespace

RunResult simulate(const network::Network& network, const Scenario& scenario, const RunConfig& config) {
    Simulation simulation{network, scenario, config};
    return simulation.run();
}

} // namespace corridor::logistics
