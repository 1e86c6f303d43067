// Vehicles: trains, vessels on a crossing and trucks, each with its place on its leg, its load and
// its trip's account; the store that holds them, whose slots are reused once a vehicle is done.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/logistics/detail/consignment.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/result.hpp"

namespace corridor::logistics::detail {

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
    bool next_plain = false;               // nothing can hold it at next_at (RouteLegs::plain)
    bool custodial = false;                // carries a consignment that keeps a custody log
    bool hazardous = false;                // carries hazardous cargo (a border may inspect it)
    std::uint32_t leg_base = 0;            // where the leg's positions start (RouteLegs::positions)
    std::uint32_t leg_len = 0;             // how many links the leg has
    std::uint32_t pos = 0;                 // next link of the leg
    std::uint32_t run_end = 0;             // leg position after the link (or free run) being ridden
    NodeId at;
    NodeId next_at;                        // where the link (or free run) being ridden ends
    // The link it asks for next (before entering) or rides (after: the last of a free run).
    LinkId link;
    // A trip's account, kept once for the whole load and shared out at the end of the leg, so
    // that a link or a border costs O(1) per vehicle, not per consignment aboard. The time in
    // `use` since `since` is added to `seconds` when the use changes (or the trip ends).
    core::SimTime since;
    LegId leg;                             // the leg it rides (a land trip's cost is the leg's)
    // Second line.
    alignas(64) std::array<std::int64_t, kTimeUses> seconds{};
    ServiceId service;                     // none: a truck (or any unserved link's carrier)
    VesselId vessel;                       // the fleet's vessel it is (vessels)
    // Third line.
    std::vector<ConsignmentId> load;       // consignments aboard
    double units = 0;
    core::SimTime requested;               // when it asked for a line path it had to wait for
    // The trip's cost: a vessel's summed as it goes, a train's or a truck's its leg's (end_trip).
    double usd_per_unit = 0;
    double co2_g_per_t = 0;                // g CO2e per tonne carried
    std::uint32_t number = 0;              // a train's number in its service, a truck's overall (custody logs)
};
static_assert(sizeof(Vehicle) == 192 && offsetof(Vehicle, seconds) == 64 && offsetof(Vehicle, load) == 128,
              "a link step's fields fill the first cache line of a Vehicle");

class Vehicles {
public:
    /// A vehicle of `kind` at `at`, empty, at its leg's start (a reused slot keeps its load's
    /// buffer).
    VehicleId make(VehicleKind kind, ServiceId service, NodeId at) {
        VehicleId v;
        if (free_.empty()) {
            v = VehicleId{static_cast<std::uint32_t>(items_.size())};
            items_.emplace_back();
        } else {
            v = free_.back();
            free_.pop_back();
        }
        Vehicle& veh = items_[v.index()];
        veh.kind = kind;
        veh.service = service;
        veh.vessel = VesselId{};
        veh.load.clear();
        veh.units = 0;
        veh.pos = 0;
        veh.at = at;
        veh.on_trip = false;
        veh.custodial = false;
        veh.hazardous = false;
        veh.number = 0;
        return v;
    }
    void remove(VehicleId v) {
        items_[v.index()].load.clear();
        items_[v.index()].on_trip = false;
        free_.push_back(v);
    }

    Vehicle& operator[](VehicleId v) { return items_[v.index()]; }
    const Vehicle& operator[](VehicleId v) const { return items_[v.index()]; }

    /// The load changes what it does: on a trip, the vehicle's account switches use (the
    /// same use goes on: its time is added when it ends); off one, each consignment's clock.
    void use_all(VehicleId v, TimeUse next, core::SimTime now, Consignments& cons) {
        Vehicle& veh = items_[v.index()];
        if (!veh.on_trip) {
            for (const auto c : veh.load) cons.use(c, next, now);
            return;
        }
        if (veh.use == next) return;
        close_use(veh, now);
        veh.use = next;
    }

    /// At the horizon: every trip's account so far goes to its load, so that consignments still
    /// aboard show where their time went (a trip's cost is shared out only when it ends).
    void close_trips(core::SimTime now, Consignments& cons) {
        for (Vehicle& veh : items_) {
            if (!veh.on_trip) continue;
            close_use(veh, now);
            for (const auto c : veh.load) {
                Consignment& con = cons[c];
                for (std::size_t u = 0; u < kTimeUses; ++u) con.seconds[u] += static_cast<std::uint32_t>(veh.seconds[u]);
                con.since = now;
            }
            veh.seconds = {};
        }
    }

    /// Adds the time in the current use to the trip's account (integer seconds: adding it in
    /// one piece or in several gives the same sum).
    static void close_use(Vehicle& veh, core::SimTime now) {
        veh.seconds[static_cast<std::size_t>(veh.use)] += (now - veh.since).count();
        veh.since = now;
    }

private:
    std::vector<Vehicle> items_;
    std::vector<VehicleId> free_;
};

} // namespace corridor::logistics::detail
