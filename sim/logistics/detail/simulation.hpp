// The freight simulation's state and its event handlers, one class whose parts are defined in one
// file per concept beside this one (named in each group below). Consignments follow routes split
// into legs (runs of links served by one service on one carrier); trains consolidate and depart by
// their rule, vessels shuttle and wait out storms, unserved links carry each consignment alone.
// Borders, cranes and berths are server pools. Every state change is an engine event; handlers
// get an entity index as payload.
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "sim/core/engine.hpp"
#include "sim/core/random.hpp"
#include "sim/core/time.hpp"
#include "sim/logistics/detail/chunked_vector.hpp"
#include "sim/logistics/detail/consignment.hpp"
#include "sim/logistics/detail/consolidator.hpp"
#include "sim/logistics/detail/crane_set.hpp"
#include "sim/logistics/detail/fleet.hpp"
#include "sim/logistics/detail/free_slots.hpp"
#include "sim/logistics/detail/flow_state.hpp"
#include "sim/logistics/detail/indices.hpp"
#include "sim/logistics/detail/leg.hpp"
#include "sim/logistics/detail/link_record.hpp"
#include "sim/logistics/detail/sea_area.hpp"
#include "sim/logistics/detail/vehicle.hpp"
#include "sim/logistics/resource.hpp"
#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/logistics/simulate.hpp"
#include "sim/network/network.hpp"
#include "sim/network/routing.hpp"

namespace corridor::logistics::detail {

using core::Duration;
using core::SimTime;

// Model hours to ticks, rounded once, never negative.
inline Duration hours(double h) { return std::max(Duration{0}, core::to_ticks(core::Hours{h})); }

class Simulation {
public:
    Simulation(const network::Network& net, const Scenario& sc, const RunConfig& cfg);
    RunResult run();

private:
    // ---- set-up and the run (simulation.cpp)
    core::RandomStream stream(const std::string& component) const;
    void build_resources();
    std::uint32_t add_pool(std::string name, std::string kind, std::uint32_t servers);
    void build_fleets();
    void register_handlers();

    // ---- demand: flows' arrivals and new consignments (demand.cpp)
    Duration next_gap(std::uint32_t f);
    int this_month();
    void on_arrival(core::Engine& engine, std::uint64_t payload);
    void create_batch(std::uint32_t f, double units);
    void create(std::uint32_t f, double units, std::uint32_t route);

    // ---- route choice: cached routes per flow and network state, adaptive re-plans (route_choice.cpp)
    network::RouteQuery query_for(const Flow& flow);
    network::Date today() const;
    std::uint32_t intern_route(const std::vector<core::LinkId>& links);
    // `drawn`: the route was drawn by lot among k (else it is the only answer for the network's state).
    std::uint32_t choose_route(std::uint32_t f, core::NodeId from, bool& drawn);
    std::span<const network::NodeWait> current_node_waits();
    void replan(std::uint32_t c);
    // A pool's queue grew or shrank: its node's wait is worked out afresh at the next re-plan.
    // Called wherever a pool queues or admits; does nothing unless some flow is adaptive.
    void queue_changed(std::uint32_t pool) {
        if (!watch_waits_) return;
        const auto node = pool_node_[pool];
        if (wait_due_[node] != 0) return;
        wait_due_[node] = 1;
        waits_due_.push_back(node);
    }

    // ---- legs and trips: a route split into legs, vehicles and their trip accounts (legs.cpp)
    // A leg is the run of links from a consignment's position with the same service and carrier
    // (mode, gauge). Legs are computed once per (route, position) and shared by content, so
    // vehicles and consolidators hold an index, not a copy. route_step keeps, per (route,
    // position), the leg's index and whether a consignment arriving there needs cranes first
    // (transshipment.cpp): a leg's end reads the word its next leg's start reads.
    static constexpr std::uint32_t kLegBits = 30;
    static constexpr std::uint32_t kLegUnknown = (std::uint32_t{1} << kLegBits) - 1;
    static constexpr std::uint32_t kCranes = std::uint32_t{1} << 30;      // cranes needed here
    static constexpr std::uint32_t kCranesKnown = std::uint32_t{1} << 31; // kCranes is set
    void start_trip(std::uint32_t v);
    void end_trip(std::uint32_t v);
    std::uint32_t& route_step(const Consignment& con);
    std::uint32_t leg_id_of(const Consignment& con);
    std::uint32_t intern_leg(const std::vector<core::LinkId>& leg);
    std::uint32_t crossing_leg(core::LinkId link);
    std::vector<core::LinkId> leg_of(const Consignment& con) const;
    void start_leg(std::uint32_t c);
    std::uint32_t new_vehicle(VehicleKind kind, std::uint32_t service, core::NodeId at);
    void free_vehicle(std::uint32_t v);
    std::string holder_of(const Vehicle& veh) const;
    void log_custodial_load(std::uint32_t v, const char* event, core::NodeId where);

    // ---- trains: consolidation and departure rules (trains.cpp)
    void board_train(std::uint32_t c, std::uint32_t service, std::uint32_t leg);
    void on_train_timer(core::Engine&, std::uint64_t payload);
    void on_timetable(core::Engine& engine, std::uint64_t payload);
    void depart_train(std::uint32_t k);
    SimTime next_on_timetable(const DeparturePolicy& policy) const;

    // ---- vessels: fleets, port queues, sailings, storms (vessels.cpp)
    void board_vessel(std::uint32_t c, std::uint32_t service, core::LinkId link);
    void summon(std::uint32_t service, core::NodeId port);
    double slots(std::uint32_t c, std::uint32_t service) const;
    void start_loading(std::uint32_t i, std::uint32_t q);
    void load_vessel(std::uint32_t i);
    static bool timetabled(const ServiceSpec& svc);
    void start_vessel_timetables();
    void on_vessel_timetable(core::Engine& engine, std::uint64_t payload);
    void on_vessel_timer(core::Engine&, std::uint64_t payload);
    void depart_vessel(std::uint32_t i);
    void reposition(std::uint32_t i, core::LinkId link);
    void vessel_departure(std::uint32_t v);
    void vessel_arrival(std::uint32_t v);
    void vessel_done(std::uint32_t v);
    void load_here(std::uint32_t i);
    bool storm_holds(std::uint32_t v, Resume how);
    void resume(std::uint32_t v, Resume how);

    // ---- berths: vessels loading and unloading at ports (berths.cpp)
    bool to_berth(std::uint32_t v, BerthWork work);
    void start_berth_work(std::uint32_t v);
    void release_berth(std::uint32_t v);
    void on_vessel_loaded(core::Engine&, std::uint64_t payload);
    void on_vessel_unloaded(core::Engine&, std::uint64_t payload);

    // ---- moving along a leg: link paths, arrivals, a leg's end, delivery (movement.cpp)
    void register_movement_handlers();
    void ready(std::uint32_t v);
    void on_ready(core::Engine&, std::uint64_t payload);
    void on_enter(core::Engine&, std::uint64_t payload);
    // Defined and called in movement.cpp only, and inlined into its two callers there: the link
    // step's hot path (a call per link ridden measured about 5% at 10^3 nodes).
    [[gnu::always_inline]] inline void enter(std::uint32_t v, bool waited);
    void on_arrive(core::Engine&, std::uint64_t payload);
    void arrive_at_node(std::uint32_t v, core::LinkId via);
    void leg_end(std::uint32_t v);
    std::vector<std::uint32_t> spare_list();
    void return_list(std::vector<std::uint32_t>&& list);
    void transfer(std::uint32_t c);
    void start_next(std::uint32_t c);
    void deliver(std::uint32_t c);

    // ---- borders: crossings and opening hours (borders.cpp)
    void start_border_hours();
    void on_border_hours(core::Engine& engine, std::uint64_t payload);
    void start_border(std::uint32_t v);
    void on_border_done(core::Engine&, std::uint64_t payload);

    // ---- transshipment: gauge breaks and mode changes, setup and cranes (transshipment.cpp)
    bool needs_cranes(std::uint32_t c);
    bool cranes_between(std::uint32_t route_id, std::uint32_t pos) const;
    void start_setup(core::NodeId at, std::vector<std::uint32_t>& consignments);
    void on_setup_done(core::Engine&, std::uint64_t payload);
    void start_crane(std::uint32_t c);
    void on_crane_done(core::Engine&, std::uint64_t payload);

    // ---- weather: storm spells per sea area (storms.cpp)
    void start_weather(std::uint32_t a);
    void schedule_spell(std::uint32_t a);
    void on_weather(core::Engine& engine, std::uint64_t payload);

    // ---- disruptions: closing and derating links, nodes, services and vessels (disruptions.cpp)
    void on_disruption_start(core::Engine&, std::uint64_t payload);
    void on_disruption_end(core::Engine&, std::uint64_t payload);
    void set_vessel_capacity(std::uint32_t i);
    void apply(const Disruption& d, bool starting);
    void release_link(std::uint32_t link); // the vehicles held at it ask for it again
    void retry_unrouted();                 // routes for the consignments that had none

    // ---- daily series, warm-up and results (results.cpp)
    ShipmentRecord record_of(const Consignment& con, std::optional<SimTime> delivered) const;
    void on_day(core::Engine& engine, std::uint64_t payload);
    void on_warmup(core::Engine& engine, std::uint64_t);
    RunResult finish();

    // ---- time accounting and custody: small, and on every path, so defined here
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

    bool custodial(std::uint32_t c) const { return cons_[c].custody; }

    void log_custody(std::uint32_t c, const char* event, const std::string& holder) {
        log_custody(c, event, holder, cons_[c].at);
    }
    void log_custody(std::uint32_t c, const char* event, const std::string& holder, core::NodeId where) {
        if (!custodial(c)) return;
        custody_.push_back(CustodyEvent{cons_[c].id, engine_.now(), where, event, holder});
    }

    // Logs `event` at `where` for each consignment aboard `v` that keeps a custody log (a byte
    // read for the others, on the link step's path).
    void log_load(std::uint32_t v, const char* event, core::NodeId where) {
        if (vehicles_[v].custodial) [[unlikely]] log_custodial_load(v, event, where);
    }

    void set_leg(Vehicle& veh, std::uint32_t leg) {
        veh.leg = leg;
        veh.leg_base = leg_base_[leg];
        veh.leg_len = leg_len_[leg];
        veh.link = leg_first_[leg];
    }

    void add_cost(std::uint32_t c, double usd_per_unit) { cons_[c].usd += usd_per_unit * cons_[c].units; }

    // ---- what it runs on, and its engine
    const network::Network& net_;
    const Scenario& sc_;
    RunConfig cfg_;
    core::Engine engine_;
    network::Router router_;
    core::HandlerId h_arrival_, h_ready_, h_enter_, h_arrive_, h_border_done_, h_crane_done_, h_setup_done_,
        h_train_timer_, h_timetable_, h_vessel_timer_, h_vessel_loaded_, h_vessel_unloaded_, h_weather_,
        h_disruption_start_, h_disruption_end_, h_day_, h_warmup_, h_border_hours_,
        h_vessel_timetable_;
    std::vector<core::RandomStream> route_random_, node_random_, service_random_, area_random_;

    // ---- consignments and flows
    detail::ChunkedVector<Consignment> cons_; // grows without copying, so peaks stay low
    std::vector<std::uint32_t> free_cons_;
    std::vector<FlowStart> flow_starts_;
    std::vector<FlowEnd> flow_ends_;
    std::int64_t month_day_ = -1; // the day this_month() last worked out, and its month
    int month_ = 0;
    std::vector<std::uint32_t> unrouted_; // consignments with no route, waiting at their origin

    // ---- routes
    std::vector<std::vector<core::LinkId>> routes_;
    std::map<std::vector<core::LinkId>, std::uint32_t> route_index_;
    std::vector<RouteCache> route_cache_;            // per distinct (origin, destination, class, policy)
    std::vector<std::uint32_t> route_cache_of_flow_; // per flow: its route cache
    std::vector<ReplanCache> replan_cache_;          // per route question: its last adaptive re-plan
    std::uint64_t route_searches_ = 0;               // searches made: cache refills and re-plans
    std::vector<std::uint8_t> closed_mask_;     // per link: closed by a disruption (for routing)
    std::uint64_t network_version_ = 0;         // bumped by each disruption and opening: routes go stale
    std::vector<network::NodeWait> node_waits_; // by node, for adaptive re-plans (current_node_waits)
    std::uint64_t waits_version_ = 0;           // bumped when current_node_waits finds them changed
    bool watch_waits_ = false;                  // some flow is adaptive: queue changes are noted
    std::vector<std::uint32_t> waits_due_;      // nodes whose queues changed since the last re-plan
    std::vector<std::uint8_t> wait_due_;        // per node: it is in waits_due_

    // ---- legs and vehicles
    std::vector<std::uint32_t> route_first_leg_; // per route: the leg it starts with (kNone: not yet)
    std::vector<std::vector<std::uint32_t>> route_legs_; // per route, per position: leg id and cranes (route_step)
    std::map<std::vector<core::LinkId>, std::uint32_t> leg_ids_;
    std::vector<std::uint32_t> leg_service_; // per leg: the service riding it (kNone: none)
    std::vector<LegPos> leg_pos_;            // every leg's positions, leg after leg
    std::vector<std::uint32_t> leg_base_;    // per leg: where its positions start
    std::vector<LegCost> leg_cost_;          // per leg: what riding it all costs
    std::vector<std::uint32_t> leg_len_;     // per leg: how many links it has
    std::vector<core::LinkId> leg_first_;    // per leg: its first link
    std::vector<std::uint32_t> crossing_leg_; // per link: its one-link leg, once interned
    std::vector<Vehicle> vehicles_;
    std::vector<std::uint32_t> free_vehicles_;
    std::vector<std::uint32_t> trains_run_; // per service: trains departed (their numbers)
    std::uint32_t trucks_run_ = 0;          // trucks departed (their numbers)
    std::vector<std::vector<std::uint32_t>> spare_lists_; // see spare_list()

    // ---- links and nodes
    std::vector<LinkRec> links_;
    std::vector<LinkState> link_state_;
    std::vector<LinkRide> rides_;             // per link: what riding it costs (read when a leg is built)
    std::vector<std::uint32_t> link_service_; // per link: the first service over it (kNone: none)
    std::vector<std::uint8_t> free_link_;     // per link: nothing can hold a vehicle on it
    std::vector<std::uint64_t> carrier_;      // per link: mode << 32 | gauge (mm)
    std::vector<std::pair<std::int32_t, std::uint32_t>> openings_; // planned links' first days and ids, sorted
    std::vector<std::uint8_t> node_border_;   // per node: it has a border process
    std::vector<std::uint8_t> plain_node_;    // per node: nothing can hold a vehicle at it
    std::vector<double> node_speed_; // per node: its processes' speed, the product of its derating (1: none)

    // ---- node processes: borders, cranes, berths
    std::vector<ServerPool> pools_;
    std::vector<std::uint32_t> pool_node_; // per pool: its node
    std::vector<std::uint32_t> border_in_, border_out_, berths_; // per node: its pools (kNone: none)
    std::vector<CraneSet> cranes_; // per node (pool kNone: no cranes)
    std::vector<std::vector<std::uint32_t>> setup_batches_; // consignments waiting for a setup
    std::vector<std::uint32_t> free_batches_;

    // ---- services: trains and vessels
    std::vector<ServiceRule> rules_; // per service
    std::vector<Consolidator> consolidators_;
    std::vector<std::uint32_t> consolidator_of_leg_; // per leg: its trains' consolidator (kNone: none yet)
    std::vector<PortQueue> port_queues_;
    std::vector<std::uint32_t> port_queue_of_link_; // per link: its port queue (kNone: none yet)
    std::vector<FleetVessel> fleet_;
    std::vector<std::vector<std::uint32_t>> fleet_of_service_;  // per service: its vessels in fleet order
    std::vector<std::vector<std::uint32_t>> queues_of_service_; // per service: its port queues in creation order
    std::vector<std::uint32_t> service_area_; // per service: its sea area (kNone: none)
    std::vector<Area> areas_;

    // ---- disruptions: what is closed or derated, and who waits for it to end
    // Vehicles held at a closed or not yet open link, and at a closed node (with the link they
    // came by), by link and node: few at any time, so kept by key rather than in a list per link.
    std::map<std::uint32_t, std::vector<std::uint32_t>> link_waiting_;
    std::vector<int> node_closed_;
    std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, core::LinkId>>> node_waiting_;
    std::vector<int> service_closed_;
    std::vector<std::vector<std::uint32_t>> service_waiting_;
    std::map<std::uint32_t, std::vector<double>> link_derates_;   // factors in force (0: closed), by link
    std::map<std::uint32_t, std::vector<double>> node_derates_;   // derating factors in force, by node
    std::vector<std::vector<double>> service_derates_;            // by service
    std::map<std::uint32_t, std::vector<double>> vessel_derates_; // by vessel (fleet index)

    // ---- results
    std::vector<ShipmentRecord> shipments_; // delivered (and, at the end, undelivered) records
    std::vector<CustodyEvent> custody_;
    std::vector<FlowStats> flow_stats_;
    std::vector<double> today_delivered_; // per flow, units delivered since the last daily point
    std::vector<DailyPoint> daily_;
    std::uint64_t created_ = 0, delivered_ = 0, peak_in_system_ = 0;
    std::uint64_t peak_pending_ = 0; // most events pending at a daily snapshot
    bool cancelled_ = false;
};

} // namespace corridor::logistics::detail
