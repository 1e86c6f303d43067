// Node processes: the pools at borders, transshipments and ports, and the times they take.
#include "sim/logistics/detail/node_processes.hpp"

#include <string>

#include "sim/logistics/detail/ticks.hpp"

namespace corridor::logistics::detail {

NodeProcesses::NodeProcesses(const network::Network& net, const Scenario& sc, std::uint32_t replication)
    : net_{net} {
    border_in_.assign(net.node_count(), LanePoolId{});
    border_out_.assign(net.node_count(), LanePoolId{});
    berths_.assign(net.node_count(), LanePoolId{});
    cranes_.assign(net.node_count(), CraneSet{});
    random_.reserve(net.node_count());
    yard_offset_.assign(net.node_count(), kNoYards);
    const auto classes = net.cargo_classes();
    auto add_lanes = [&](NodeId v, std::string name, const char* kind, const char* direction, std::uint32_t servers) {
        order_.push_back({PoolKind::lanes, static_cast<std::uint32_t>(lanes_.size()), v, direction});
        lane_node_.push_back(v);
        return lanes_.emplace_back(std::move(name), kind, servers);
    };
    for (const auto v : core::IdRange<NodeId>{net.node_count()}) {
        const auto& node = net.node(v);
        if (node.border) {
            border_in_[v] = add_lanes(v, "border " + node.name + " in", "border", "in", node.border->servers);
            border_out_[v] = add_lanes(v, "border " + node.name + " out", "border", "out", node.border->servers);
        }
        if (node.transshipment) {
            order_.push_back({PoolKind::cranes, static_cast<std::uint32_t>(crane_pools_.size()), v, ""});
            crane_node_.push_back(v);
            cranes_[v] = CraneSet{crane_pools_.emplace_back("cranes " + node.name, "cranes", node.transshipment->cranes),
                                  node.transshipment->units_per_crane_h.value(),
                                  node.transshipment->cost_usd_per_unit.value()};
        }
        if (node.port) berths_[v] = add_lanes(v, "berths " + node.name, "berths", "", node.port->berths);
        if (node.port && !node.port->yard.empty()) {
            yard_offset_[v] = static_cast<std::uint32_t>(yard_by_class_.size());
            yard_by_class_.resize(yard_by_class_.size() + classes.size());
            for (const auto& room : node.port->yard) {
                const YardId y{static_cast<std::uint32_t>(yards_.size())};
                order_.push_back({PoolKind::yard, y.index(), v, room.unit.c_str()});
                yards_.emplace_back("yard " + node.name + " " + room.unit, room.units);
                yard_node_.push_back(v);
                for (std::size_t c = 0; c < classes.size(); ++c) {
                    if (classes[c].unit == room.unit) yard_by_class_[yard_offset_[v] + c] = y;
                }
            }
        }
        // Only a node's processes sample (border dwell, setup, berth handling): a node without
        // one gets a placeholder, not a stream keyed by its name (a hash per node at start-up).
        const bool samples = node.border || node.transshipment || node.port;
        random_.push_back(samples ? core::RandomStream::for_component(sc.seed, replication,
                                                                      core::component_key("node:" + node.name))
                                  : core::RandomStream{0});
    }
    speed_.assign(net.node_count(), 1.0);
}

core::Duration NodeProcesses::border_dwell(NodeId node, bool inbound, bool hazardous) {
    const auto& b = *net_.node(node).border;
    const auto& dwell = inbound ? b.dwell_inbound_h : b.dwell_h;
    double h = dwell.sample(random_[node]);
    if (hazardous && b.hazardous_dwell_h) h += b.hazardous_dwell_h->sample(random_[node]);
    return hours(h / speed_[node]);
}

core::Duration NodeProcesses::setup_time(NodeId node) {
    const double setup = net_.node(node).transshipment->setup_h.sample(random_[node]);
    return hours(setup / speed_[node]);
}

// handling_h is a whole port call: unloading what arrived and loading what leaves, half each (a
// vessel that only unloads, or only loads, takes half a call).
core::Duration NodeProcesses::berth_time(NodeId node, const std::optional<core::Distribution>& own, double units) {
    const auto& port = *net_.node(node).port;
    const double h = 0.5 * (own ? own->sample(random_[node]) : port.handling_h.sample(random_[node]));
    return hours((h + port.unit_handling_h(units)) / speed_[node]);
}

SetupBatchId NodeProcesses::hold_for_setup(std::vector<ConsignmentId>& consignments) {
    SetupBatchId b;
    if (free_batches_.empty()) {
        b = batches_.emplace_back();
    } else {
        b = free_batches_.back();
        free_batches_.pop_back();
    }
    batches_[b].swap(consignments); // the batch's old (empty) buffer goes back to the caller
    return b;
}

void NodeProcesses::free_batch(SetupBatchId b) {
    batches_[b].clear();
    free_batches_.push_back(b);
}

// A border with opening hours opens at its from-hour and closes at its until-hour every day (two
// chains of daily events per node). It starts open if 00:00 of the first day is inside its hours.
void NodeProcesses::start_border_hours(core::Engine& engine, core::HandlerId handler) {
    for (const auto node : core::IdRange<NodeId>{net_.node_count()}) {
        const auto& border = net_.node(node).border;
        if (!border || !border->hours) continue;
        const std::int64_t from = hours(border->hours->from_h).count();
        const std::int64_t until = hours(border->hours->until_h).count();
        if (from == 0 && until == 86400) continue; // around the clock
        const bool open_at_start = from < until ? from == 0 : until > 0;
        lanes_[border_in_[node]].set_open(open_at_start);
        lanes_[border_out_[node]].set_open(open_at_start);
        engine.schedule_at(core::SimTime{} + core::Duration{from}, handler, node.index() | (std::uint64_t{1} << 32U));
        engine.schedule_at(core::SimTime{} + core::Duration{until}, handler, node.index());
    }
}

network::NodeWait NodeProcesses::wait_at(NodeId v) const {
    const auto& node = net_.node(v);
    network::NodeWait wait;
    if (node.border) {
        const auto& in = lanes_[border_in_[v]];
        const auto& out = lanes_[border_out_[v]];
        wait.border_in_h = core::Hours{static_cast<double>(in.queued()) * node.border->dwell_inbound_h.mean() / in.servers()};
        wait.border_out_h = core::Hours{static_cast<double>(out.queued()) * node.border->dwell_h.mean() / out.servers()};
    }
    if (node.transshipment) {
        const auto& cranes = crane_pools_[cranes_[v].pool];
        wait.cranes_h =
            core::Hours{static_cast<double>(cranes.queued()) / node.transshipment->units_per_crane_h.value() / cranes.servers()};
    }
    if (node.port) {
        const auto& berths = lanes_[berths_[v]];
        wait.berths_h = core::Hours{static_cast<double>(berths.queued()) * node.port->handling_h.mean() / berths.servers()};
    }
    return wait;
}

const PoolStatistics& NodeProcesses::pool(const PoolRef& ref) const {
    switch (ref.kind) {
    case PoolKind::cranes: return crane_pools_[CranePoolId{ref.index}];
    case PoolKind::yard: return yards_[YardId{ref.index}];
    case PoolKind::lanes: break;
    }
    return lanes_[LanePoolId{ref.index}];
}

void NodeProcesses::hold(NodeId node, bool inbound, std::int64_t delta, std::size_t consignments, core::SimTime now) {
    if (net_.node(node).border) {
        lanes_[border_lanes(node, inbound)].hold(now, delta);
    } else if (cranes_[node].pool.valid()) {
        crane_pools_[cranes_[node].pool].hold(now, delta * static_cast<std::int64_t>(consignments));
    } else if (berths_[node].valid()) {
        lanes_[berths_[node]].hold(now, delta);
    }
}

void NodeProcesses::queue_snapshot(std::vector<double>& out) const {
    out.reserve(out.size() + order_.size());
    for (const auto& ref : order_) out.push_back(pool(ref).queue_level());
}

void NodeProcesses::reset_statistics(core::SimTime now) {
    for (auto& pool : lanes_) pool.reset_statistics(now);
    for (auto& pool : crane_pools_) pool.reset_statistics(now);
    for (auto& pool : yards_) pool.reset_statistics(now);
}

void NodeProcesses::add_results(core::SimTime end, std::vector<ResourceResult>& out) const {
    for (const auto& ref : order_) {
        const PoolStatistics& p = pool(ref);
        ResourceResult r;
        r.kind = p.kind();
        r.id = net_.node(ref.node).name;
        r.direction = ref.direction;
        // Borders serve the vehicles that cross (trains, trucks), berths a vessel's visit to load
        // or to unload, cranes the consignments they lift, yards the trains and trucks that
        // unload into them (holding the units of capacity_unit).
        const bool crane = ref.kind == PoolKind::cranes;
        const bool yard = ref.kind == PoolKind::yard;
        r.served_unit = crane ? "consignments" : r.kind == "berths" ? "berth_visits" : "vehicles";
        r.capacity = p.servers();
        r.capacity_unit = crane ? "cranes" : yard ? ref.direction : r.kind == "berths" ? "berths" : "lanes";
        r.utilisation = p.utilisation(end);
        r.queue_mean = p.queue_mean(end);
        r.queue_max = p.queue_max();
        r.wait_mean_h = core::Hours{p.waits_h().count() ? p.waits_h().mean() : 0};
        r.wait_p95_h = core::Hours{p.waits_h().count() ? p.wait_quantile_h(0.95) : 0};
        r.served = p.served();
        out.push_back(std::move(r));
    }
}

} // namespace corridor::logistics::detail
