// The vessel fleet: each vessel service's named vessels, the port queues they load from, and
// the rules they sail by: when full, after a maximum wait, or on a timetable; idle vessels sail
// over empty to fetch cargo that no vessel covers. Owns the vessels' states, the port queues,
// the departure timers and timetables, and each vessel's capacity under deratings and closures.
// Touches the consignments' units and the vehicle a loading vessel fills; berths, storms and
// the crossing itself are the simulation's.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "sim/core/engine.hpp"
#include "sim/core/id_vector.hpp"
#include "sim/core/random.hpp"
#include "sim/core/time_weighted.hpp"
#include "sim/logistics/detail/consignment.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/detail/vehicle.hpp"
#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"

namespace corridor::logistics::detail {

class VesselFleet {
public:
    /// Vessels start alternately at the departure ports of their service's links. `timer` and
    /// `timetable` are the engine's handlers for on_timer (payload: the vessel) and the
    /// service's timetable (payload: the service).
    VesselFleet(const network::Network& net, const Scenario& sc, std::uint32_t replication, core::HandlerId timer,
                core::HandlerId timetable);

    /// What a consignment boarding at a port leads to.
    struct Boarding {
        enum class Then : std::uint8_t { load, start_loading, summon } then;
        VesselId vessel;     // load: the vessel loading there; start_loading: an idle one there
        PortQueueId queue;   // the queue it joined
        NodeId port;
    };
    /// Consignment `c` of `units` waits at the port of `link` for a vessel of service `s`.
    Boarding board(ConsignmentId c, double units, ServiceId s, LinkId link);

    /// Cargo waiting at `port` for service `s`, against the room of the vessels there or on their
    /// way: idle vessels elsewhere are sent over, empty, until it is covered. Returns them with
    /// the link each sails (already marked on their way); the caller starts their crossings.
    std::vector<std::pair<VesselId, LinkId>> summon(ServiceId s, NodeId port, core::SimTime now);

    /// Vessel `i` starts loading from queue `q`; returns the link it will cross.
    LinkId start_loading(VesselId i, PortQueueId q);
    /// The vehicle that is vessel `i` on its crossing.
    void set_vehicle(VesselId i, VehicleId v) { vessels_[i].vehicle = v; }
    /// Loads `veh` (vessel i's vehicle) from its queue while cargo fits; true if it should sail
    /// now by its rule (else a maximum-wait timer may be armed).
    bool load(VesselId i, Vehicle& veh, const Consignments& cons, core::Engine& engine);
    /// Vessel `i` leaves; returns its vehicle.
    VehicleId depart(VesselId i, core::Engine& engine);
    /// Vessel `i` is done with a crossing, at `at`: idle there.
    void arrived(VesselId i, NodeId at, core::SimTime now);
    /// The queue an idle, open vessel should load from at its port (the longest waiting first),
    /// unless another vessel loads there already.
    [[nodiscard]] std::optional<PortQueueId> queue_to_load(VesselId i, const Consignments& cons) const;
    /// Ports other than vessel i's where cargo of its service waits, in queue order.
    [[nodiscard]] std::vector<NodeId> ports_with_cargo(VesselId i) const;

    /// A sailing time drawn from service s's own distribution; nullopt: it sails at the link's speed.
    std::optional<core::Duration> sample_sailing(ServiceId s);

    /// The timer went off: true if vessel i is loading (and should sail with what it has).
    bool timer_fired(VesselId i);
    void start_timetables(core::Engine& engine);
    void next_timetable(ServiceId s, core::Engine& engine, core::SimTime horizon);

    [[nodiscard]] bool loading(VesselId i) const { return vessels_[i].state == State::loading; }
    [[nodiscard]] bool idle(VesselId i) const { return vessels_[i].state == State::idle; }
    [[nodiscard]] VehicleId vehicle(VesselId i) const { return vessels_[i].vehicle; }
    [[nodiscard]] ServiceId service(VesselId i) const { return vessels_[i].service; }
    [[nodiscard]] NodeId at(VesselId i) const { return vessels_[i].at; }
    [[nodiscard]] const std::string& name(VesselId i) const { return vessels_[i].name; }
    [[nodiscard]] std::span<const VesselId> of_service(ServiceId s) const { return of_service_[s]; }

    /// Deratings in force: vessel i loads `factor` × its usable capacity.
    void set_capacity_factor(VesselId i, double factor) { vessels_[i].capacity = vessels_[i].base_capacity * factor; }
    /// A closure of vessel i starts or ends; true if it is open again.
    bool set_closed(VesselId i, bool starting);

    [[nodiscard]] std::size_t size() const { return vessels_.size(); }
    void reset_statistics(core::SimTime now);
    void add_results(core::SimTime end, std::vector<ResourceResult>& out) const;

private:
    enum class State : std::uint8_t { idle, loading, busy };
    struct Vessel {
        ServiceId service;
        std::string name;
        double capacity;        // what it loads now: base × its service's and its own derating
        double base_capacity;   // capacity × load factor
        NodeId at;
        State state = State::idle;
        VehicleId vehicle;      // while loading or busy
        PortQueueId queue;      // the port queue it loads from
        core::EventId timer{};
        bool timer_set = false;
        core::TimeWeighted busy; // 1 while sailing or at berth
        int closed = 0;          // disruptions in force: not chosen for a trip while > 0
        bool repositioning = false; // sailing empty to `target` to fetch waiting cargo
        NodeId target;
    };
    // Consignments waiting at a port for a vessel of a service over one link.
    struct PortQueue {
        ServiceId service;
        LinkId link;
        std::vector<ConsignmentId> waiting; // FIFO: boarded from the front
        std::size_t head = 0;
        double units = 0;
    };
    [[nodiscard]] double slots(const Consignment& con, ServiceId s) const;
    [[nodiscard]] static bool timetabled(const ServiceSpec& svc);

    const network::Network& net_;
    const Scenario& sc_;
    core::HandlerId h_timer_, h_timetable_;
    core::IdVector<ServiceId, core::RandomStream> random_; // each service's sailing times
    core::IdVector<VesselId, Vessel> vessels_;
    core::IdVector<ServiceId, std::vector<VesselId>> of_service_;       // in fleet order
    core::IdVector<PortQueueId, PortQueue> queues_;
    core::IdVector<ServiceId, std::vector<PortQueueId>> queues_of_service_; // in creation order
    core::IdVector<LinkId, PortQueueId> queue_of_link_; // a link has one service: it names its queue
};

// Once per consignment that takes a vessel: defined here, so that the simulation inlines it.
inline VesselFleet::Boarding VesselFleet::board(ConsignmentId c, double units, ServiceId s, LinkId link) {
    PortQueueId& queue = queue_of_link_[link];
    if (!queue.valid()) {
        queue = queues_.push_back(PortQueue{s, link, {}, 0, 0});
        queues_of_service_[s].push_back(queue);
    }
    const PortQueueId q = queue;
    queues_[q].waiting.push_back(c);
    queues_[q].units += units;
    // A vessel loading here for this link takes it now; else an idle vessel starts loading.
    for (const auto i : of_service_[s]) {
        if (vessels_[i].state == State::loading && vessels_[i].queue == q) return {Boarding::Then::load, i, q, {}};
    }
    const auto port = net_.link(link).from;
    for (const auto i : of_service_[s]) {
        const Vessel& vessel = vessels_[i];
        if (vessel.state == State::idle && vessel.closed == 0 && vessel.at == port) {
            return {Boarding::Then::start_loading, i, q, port};
        }
    }
    return {Boarding::Then::summon, VesselId{}, q, port}; // no vessel here: bring idle ones over
}

} // namespace corridor::logistics::detail
