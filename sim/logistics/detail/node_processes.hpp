// Node processes: the server pools at nodes (a border's lanes in each direction, a
// transshipment's cranes, a port's berths), the times they take (sampled from each node's own
// random stream, slowed by a derating of the node), the consignments waiting together for a
// transshipment's setup, and the borders' opening hours. Owns the pools and their statistics.
// Touches nothing of other components: who is served is the simulation's to say.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/core/engine.hpp"
#include "sim/core/id_vector.hpp"
#include "sim/core/random.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/detail/ticks.hpp"
#include "sim/logistics/resource.hpp"
#include "sim/logistics/result.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"
#include "sim/network/routing.hpp"

namespace corridor::logistics::detail {

class NodeProcesses {
public:
    NodeProcesses(const network::Network& net, const Scenario& sc, std::uint32_t replication);

    /// A border's lanes for vehicles entering the node's country (inbound) or not.
    [[nodiscard]] LanePoolId border_lanes(NodeId node, bool inbound) const {
        return inbound ? border_in_[node] : border_out_[node];
    }
    /// A port's berths (invalid: the node has none).
    [[nodiscard]] LanePoolId berths(NodeId node) const { return berths_[node]; }
    [[nodiscard]] CranePoolId crane_pool(NodeId node) const { return cranes_[node].pool; }
    ServerPool<VehicleId>& lanes(LanePoolId pool) { return lanes_[pool]; }
    ServerPool<ConsignmentId>& cranes(CranePoolId pool) { return crane_pools_[pool]; }
    /// Does the port at `node` have a yard of limited room (for any unit)?
    [[nodiscard]] bool has_yard(NodeId node) const { return yard_offset_[node] != kNoYards; }
    /// The yard at `node` for cargo of class `cargo` (invalid: its room has no limit).
    [[nodiscard]] YardId yard(NodeId node, CargoClassId cargo) const {
        return has_yard(node) ? yard_by_class_[yard_offset_[node] + cargo.index()] : YardId{};
    }
    YardPool<VehicleId>& yards(YardId yard) { return yards_[yard]; }
    [[nodiscard]] NodeId node_of(YardId yard) const { return yard_node_[yard]; }
    [[nodiscard]] NodeId node_of(LanePoolId pool) const { return lane_node_[pool]; }
    [[nodiscard]] NodeId node_of(CranePoolId pool) const { return crane_node_[pool]; }

    // How long a process takes at a node now: sampled, over the node's derating (a border adds
    // its inspection for a vehicle with hazardous cargo).
    core::Duration border_dwell(NodeId node, bool inbound, bool hazardous);
    core::Duration setup_time(NodeId node);
    /// One crane's lift of `units`.
    [[nodiscard]] core::Duration crane_time(NodeId node, double units) const {
        return hours(units / cranes_[node].units_per_crane_h / speed_[node]);
    }
    /// Half a port call (unloading, or loading) of `units`: half the fixed time per call (`own`
    /// is the service's, if it has one), plus moving the units if the port's cranes work per unit.
    core::Duration berth_time(NodeId node, const std::optional<core::Distribution>& own, double units);
    [[nodiscard]] double crane_cost_usd_per_unit(NodeId node) const { return cranes_[node].cost_usd_per_unit; }

    /// A derating of the node's processes in force (the product of those on it; 1: none).
    void set_speed(NodeId node, double factor) { speed_[node] = factor; }

    /// Consignments wait together for a setup: takes `consignments`, leaving an empty buffer.
    SetupBatchId hold_for_setup(std::vector<ConsignmentId>& consignments);
    std::vector<ConsignmentId>& batch(SetupBatchId b) { return batches_[b]; }
    void free_batch(SetupBatchId b);

    /// Schedules the opening and closing of every border that keeps hours (payload: the node,
    /// bit 32 set for opening), and sets each open or closed for the run's start.
    void start_border_hours(core::Engine& engine, core::HandlerId handler);

    /// What one arriving now can expect to queue at the node's processes before being served:
    /// those queued in front × the mean service time ÷ servers (for cranes, per unit, as routing
    /// prices a lift).
    [[nodiscard]] network::NodeWait wait_at(NodeId node) const;

    /// A closure of `node` holds (delta +1) or lets go (-1) a vehicle carrying `consignments`: it
    /// counts in the queue of the pool it would ask first, the border's lanes in its direction,
    /// else the cranes (its consignments), else the berths.
    void hold(NodeId node, bool inbound, std::int64_t delta, std::size_t consignments, core::SimTime now);
    /// Every pool's queue now, in the order of the results' rows.
    void queue_snapshot(std::vector<double>& out) const;
    [[nodiscard]] std::size_t pool_count() const { return order_.size(); }
    void reset_statistics(core::SimTime now);
    void add_results(core::SimTime end, std::vector<ResourceResult>& out) const;

private:
    // The pools in creation order (node by node: border in, border out, cranes, berths): the
    // order of the results' rows and of the daily queue series.
    enum class PoolKind : std::uint8_t { lanes, cranes, yard };
    struct PoolRef {
        PoolKind kind;
        std::uint32_t index;
        NodeId node;
        const char* direction; // borders: "in" or "out"; yards: the unit; else ""
    };
    [[nodiscard]] const PoolStatistics& pool(const PoolRef& ref) const;

    const network::Network& net_;
    core::IdVector<LanePoolId, ServerPool<VehicleId>> lanes_;
    core::IdVector<CranePoolId, ServerPool<ConsignmentId>> crane_pools_;
    core::IdVector<LanePoolId, NodeId> lane_node_;
    core::IdVector<CranePoolId, NodeId> crane_node_;
    std::vector<PoolRef> order_;
    core::IdVector<NodeId, LanePoolId> border_in_, border_out_, berths_;
    // A transshipment node's cranes: their pool and what a lift takes and costs (read per lift).
    struct CraneSet {
        CranePoolId pool;
        double units_per_crane_h = 1;
        double cost_usd_per_unit = 0;
    };
    core::IdVector<NodeId, CraneSet> cranes_;
    // Yards: per node with any, kNoYards or the offset of its yards by cargo class in
    // yard_by_class_ (invalid where the class's unit has no limit there).
    static constexpr std::uint32_t kNoYards = 0xffffffffU;
    core::IdVector<YardId, YardPool<VehicleId>> yards_;
    core::IdVector<YardId, NodeId> yard_node_;
    core::IdVector<NodeId, std::uint32_t> yard_offset_;
    std::vector<YardId> yard_by_class_;
    core::IdVector<NodeId, core::RandomStream> random_;
    core::IdVector<NodeId, double> speed_; // its processes' speed, the product of its deratings
    core::IdVector<SetupBatchId, std::vector<ConsignmentId>> batches_;
    std::vector<SetupBatchId> free_batches_;
};

} // namespace corridor::logistics::detail
