// The freight simulation: the engine, the event handlers and the link step, over components that
// each own one part of the state (their headers say what and what they may touch):
//   Demand          the flows' arrivals                      demand.hpp
//   RoutePlanner    routes, caches, closures, queue waits    route_planner.hpp
//   RouteLegs       legs of routes, their positions, costs   route_legs.hpp
//   TrainDispatch   trains forming and their departure rules train_dispatch.hpp
//   VesselFleet     vessels, port queues, sailing rules      vessel_fleet.hpp
//   NodeProcesses   borders, cranes, berths (server pools)   node_processes.hpp
//   SeaWeather      storm spells and the vessels they hold   sea_weather.hpp
//   Disruptions     deratings, closures, held vehicles       disruptions.hpp
//   ResultCollector statistics, shipments, custody logs      result_collector.hpp
// Components never call each other: the handlers here take what one decides to the next. The
// consignments and vehicles they act on are shared stores (consignment.hpp, vehicle.hpp), passed
// to a component's call where it needs them. Every state change is an engine event; a handler's
// payload names the entity.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/core/engine.hpp"
#include "sim/logistics/detail/consignment.hpp"
#include "sim/logistics/detail/demand.hpp"
#include "sim/logistics/detail/disruptions.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/detail/link_table.hpp"
#include "sim/logistics/detail/node_processes.hpp"
#include "sim/logistics/detail/result_collector.hpp"
#include "sim/logistics/detail/route_legs.hpp"
#include "sim/logistics/detail/route_planner.hpp"
#include "sim/logistics/detail/sea_weather.hpp"
#include "sim/logistics/detail/train_dispatch.hpp"
#include "sim/logistics/detail/vehicle.hpp"
#include "sim/logistics/detail/vessel_fleet.hpp"
#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/logistics/simulate.hpp"
#include "sim/network/network.hpp"

namespace corridor::logistics::detail {

using core::Duration;
using core::SimTime;

class Simulation {
public:
    Simulation(const network::Network& net, const Scenario& sc, const RunConfig& cfg);
    RunResult run();

private:
    // The engine's handlers, registered before the components that schedule through them.
    struct Handlers {
        core::HandlerId arrival, ready, enter, arrive, border_done, crane_done, setup_done, train_timer, timetable,
            vessel_timer, vessel_loaded, vessel_unloaded, weather, disruption_start, disruption_end, day, warmup,
            border_hours, vessel_timetable, yard_room;
    };
    static Handlers register_handlers(core::Engine& engine, Simulation& sim);
    // The link step's, registered beside their bodies so that the engine's trampolines inline them.
    static void register_link_step(core::Engine& engine, Simulation& sim, Handlers& h);
    [[nodiscard]] SimTime horizon() const { return SimTime{} + sc_.horizon; }
    [[nodiscard]] network::Date today() const;

    // ---- consignments: created by demand, handed from leg to leg, delivered (handover.cpp)
    void on_arrival(core::Engine& engine, std::uint64_t payload);
    void create_batch(FlowId f);
    void create(FlowId f, double units, RouteId route);
    void start_leg(ConsignmentId c);
    void start_trip(VehicleId v);
    void end_trip(VehicleId v);
    void set_leg(VehicleId v, LegId leg);
    void leg_end(VehicleId v);
    void start_next(ConsignmentId c);
    void deliver(ConsignmentId c);
    void retry_unrouted(); // routes for the consignments that had none
    void log_custody(ConsignmentId c, const char* event, const std::string& holder, NodeId where) {
        if (cons_[c].custody) [[unlikely]] results_.log_custody(cons_[c].id, cons_[c].flow, engine_.now(), where, event, holder);
    }
    // Logs `event` at `where` for each consignment aboard `v` that keeps a custody log (a byte
    // read for the others, on the link step's path).
    void log_load(VehicleId v, const char* event, NodeId where) {
        if (vehicles_[v].custodial) [[unlikely]] log_custodial_load(v, event, where);
    }
    void log_custodial_load(VehicleId v, const char* event, NodeId where);
    [[nodiscard]] std::string holder_of(const Vehicle& veh) const;
    std::vector<ConsignmentId> spare_list();
    void return_list(std::vector<ConsignmentId>&& list);

    // ---- the link step: paths on paced lines, riding links (free runs in one event), arriving
    // at nodes (link_step.cpp: the hot path, one of these per link a vehicle rides)
    void ready(VehicleId v);
    void on_ready(core::Engine&, std::uint64_t payload);
    void on_enter(core::Engine&, std::uint64_t payload);
    void on_arrive(core::Engine&, std::uint64_t payload);
    // `waited`: it waited for a line path since it asked (else it enters as it asks). Defined
    // and called in link_step.cpp only, inlined into its two callers there.
    [[gnu::always_inline]] inline void enter(VehicleId v, bool waited);
    void arrive_at_node(VehicleId v, LinkId via);

    // ---- trains (train_events.cpp)
    void board_train(ConsignmentId c, ServiceId s, LegId leg);
    void depart_train(ConsolidatorId k);
    void on_train_timer(core::Engine&, std::uint64_t payload);
    void on_timetable(core::Engine& engine, std::uint64_t payload);

    // ---- vessels, berths and storms (vessel_events.cpp)
    void board_vessel(ConsignmentId c, ServiceId s, LinkId link);
    void summon(ServiceId s, NodeId port);
    void start_loading(VesselId i, PortQueueId q);
    void load_vessel(VesselId i);
    void depart_vessel(VesselId i);
    void vessel_departure(VehicleId v);
    void vessel_arrival(VehicleId v);
    void vessel_done(VehicleId v);
    void load_here(VesselId i);
    void on_vessel_timer(core::Engine&, std::uint64_t payload);
    void on_vessel_timetable(core::Engine& engine, std::uint64_t payload);
    bool to_berth(VehicleId v, BerthWork work);
    void start_berth_work(VehicleId v);
    void release_berth(VehicleId v);
    void on_vessel_loaded(core::Engine&, std::uint64_t payload);
    void on_vessel_unloaded(core::Engine&, std::uint64_t payload);
    bool storm_holds(VehicleId v, Resume how);
    void resume(VehicleId v, Resume how);
    void on_weather(core::Engine& engine, std::uint64_t payload);

    // ---- borders and transshipments (node_events.cpp)
    void start_border(VehicleId v);
    void on_border_done(core::Engine&, std::uint64_t payload);
    void on_border_hours(core::Engine& engine, std::uint64_t payload);
    void start_setup(NodeId at, std::vector<ConsignmentId>& consignments);
    void on_setup_done(core::Engine&, std::uint64_t payload);
    void start_crane(ConsignmentId c);
    void on_crane_done(core::Engine&, std::uint64_t payload);

    // ---- port yards: cargo waiting between vehicles, and trains and trucks held until there is
    // room to unload (yard_events.cpp)
    bool yard_holds(VehicleId v);
    void enter_yard(ConsignmentId c);
    void leave_yard(ConsignmentId c);
    void on_yard_room(core::Engine&, std::uint64_t payload);

    // ---- disruptions and openings (disruption_events.cpp)
    void on_disruption_start(core::Engine&, std::uint64_t payload);
    void on_disruption_end(core::Engine&, std::uint64_t payload);
    void apply(const Disruption& d, bool starting);
    void release_link(LinkId link); // the vehicles held at it ask for it again

    // ---- the day, the warm-up and the results (simulation.cpp)
    void on_day(core::Engine& engine, std::uint64_t payload);
    void on_warmup(core::Engine& engine, std::uint64_t);
    RunResult finish();

    // Time accounting: small, and on every path, so defined here.
    void use(ConsignmentId c, TimeUse next) { cons_.use(c, next, engine_.now()); }
    void use_all(VehicleId v, TimeUse next) { vehicles_.use_all(v, next, engine_.now(), cons_); }

    // What it runs on, and its engine.
    const network::Network& net_;
    const Scenario& sc_;
    RunConfig cfg_;
    core::Engine engine_;
    Handlers h_;
    // The shared stores.
    Consignments cons_;
    Vehicles vehicles_;
    LinkTable links_;
    // The components.
    Demand demand_;
    RoutePlanner routes_;
    RouteLegs legs_;
    TrainDispatch trains_;
    VesselFleet fleet_;
    NodeProcesses nodes_;
    SeaWeather weather_;
    Disruptions disruptions_;
    ResultCollector results_;
    // Its own bookkeeping.
    std::vector<ConsignmentId> unrouted_; // consignments with no route, waiting at their origin
    std::vector<std::vector<ConsignmentId>> spare_lists_; // see spare_list()
    std::uint32_t trucks_run_ = 0;        // trucks departed (their numbers)
    VehicleId releasing_;                 // a vehicle a yard lets in now (on_yard_room)
    bool cancelled_ = false;
};

} // namespace corridor::logistics::detail
