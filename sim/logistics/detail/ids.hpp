// The simulation's own entities, by tagged id (sim/core/ids.hpp has the model's and the run's).
// Slots of consignments, vehicles and setup batches are reused once their entity leaves.
#pragma once
#include "sim/core/ids.hpp"

namespace corridor::logistics::detail {

using core::CargoClassId;
using core::FlowId;
using core::LinkId;
using core::NodeId;
using core::RouteId;
using core::ServiceId;
using core::ShipmentId;
using core::VesselId;

/// A consignment in the system (its slot; ShipmentId is its number in the outputs).
using ConsignmentId = core::Id<struct ConsignmentTag>;
/// A train, a vessel on a crossing, or a truck (its slot while it runs).
using VehicleId = core::Id<struct VehicleTag>;
/// A run of links one service rides on one carrier (route_legs.hpp).
using LegId = core::Id<struct LegTag>;
/// Trains forming for one leg of a service (train_dispatch.hpp).
using ConsolidatorId = core::Id<struct ConsolidatorTag>;
/// Consignments waiting at a port for a vessel over one link (vessel_fleet.hpp).
using PortQueueId = core::Id<struct PortQueueTag>;
/// A border's lanes in one direction, or a port's berths (node_processes.hpp).
using LanePoolId = core::Id<struct LanePoolTag>;
/// A transshipment node's cranes (node_processes.hpp).
using CranePoolId = core::Id<struct CranePoolTag>;
/// A port's yard for one unit of cargo (node_processes.hpp).
using YardId = core::Id<struct YardTag>;
/// Consignments waiting together for a transshipment's setup (node_processes.hpp).
using SetupBatchId = core::Id<struct SetupBatchTag>;
/// A sea area of the scenario's weather (sea_weather.hpp).
using AreaId = core::Id<struct AreaTag>;

} // namespace corridor::logistics::detail
