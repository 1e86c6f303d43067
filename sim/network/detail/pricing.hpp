// What a route query pays, by its metric: links, borders, ports and transfers. The search reads
// the network's packed per-link costs through LinkWeight and Weights; Pricer prices a route step
// by step from the model (route evaluation), and the tests check that both agree.
#pragma once
#include <cstdint>
#include <limits>
#include <optional>

#include "sim/network/detail/graph.hpp"
#include "sim/network/routing.hpp"
#include "sim/network/transfer.hpp"

namespace corridor::network::detail {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

struct Cost {
    double hours = 0, usd = 0, kg = 0;
};

// Everything a query needs to price links and node processes.
class Pricer {
public:
    Pricer(const Network& network, const RouteQuery& query)
        : net_{network}, impl_{network.impl()}, query_{query} {
        tonnes_ = 1.0;
        if (query.cargo) {
            tonnes_ = network.cargo_classes()[query.cargo->index()].tonnes_per_unit.value();
            hazardous_ = network.cargo_classes()[query.cargo->index()].hazardous;
        }
    }

    [[nodiscard]] double value(const Cost& c) const {
        switch (query_.metric) {
        case Metric::time: return c.hours;
        case Metric::cost: return c.usd;
        case Metric::co2: return c.kg;
        case Metric::generalised:
            return c.usd + query_.weights.value_of_time_usd_per_h.value() * c.hours +
                   query_.weights.carbon_price_usd_per_t.value() * c.kg / 1000.0;
        }
        return c.hours;
    }

    [[nodiscard]] Cost link(core::LinkId id) const {
        const Link& l = net_.link(id);
        const double km = l.length.value();
        return {km / l.speed.value(), l.cost_usd_per_unit_km.value() * km, l.co2_g_per_tkm.value() * tonnes_ * km / 1000.0};
    }

    [[nodiscard]] bool usable(core::LinkId id) const {
        return net_.is_open(id, query_.date) && net_.allows(id, query_.cargo);
    }

    // Border dwell on arriving at `node` by `via`.
    [[nodiscard]] std::optional<Cost> border(core::NodeId node, core::LinkId via) const {
        const Node& n = net_.node(node);
        if (!n.border) return std::nullopt;
        const bool inbound = net_.node(net_.link(via).from).country != n.country;
        const double queue_h = query_.node_waits.empty()
                                   ? 0.0
                                   : (inbound ? query_.node_waits[node.index()].border_in_h
                                              : query_.node_waits[node.index()].border_out_h)
                                         .count();
        const double inspection_h = hazardous_ ? n.border->hazardous_extra_h().count() : 0.0;
        return Cost{n.border->expected_h(inbound).count() + inspection_h + queue_h, n.border->cost_usd_per_unit.value(), 0};
    }

    // The variance (h²) of a step's time: border dwell in its direction and any inspection of
    // hazardous cargo; a port call; a transshipment's setup (its lifts are fixed).
    [[nodiscard]] double border_variance(core::NodeId node, core::LinkId via) const {
        const Node& n = net_.node(node);
        const bool inbound = net_.node(net_.link(via).from).country != n.country;
        const double dwell = (inbound ? n.border->dwell_inbound_h : n.border->dwell_h).variance();
        return dwell + (hazardous_ && n.border->hazardous_dwell_h ? n.border->hazardous_dwell_h->variance() : 0.0);
    }
    [[nodiscard]] double port_variance(core::NodeId node) const { return net_.node(node).port->handling_h.variance(); }
    [[nodiscard]] double transshipment_variance(core::NodeId node) const {
        return net_.node(node).transshipment->setup_h.variance();
    }

    // Loading or unloading a vessel at a port (origin, destination or transfer).
    [[nodiscard]] std::optional<Cost> port(core::NodeId node) const {
        const NodeHot& hot = impl_.node_hot[node.index()];
        if (!hot.port) return std::nullopt;
        const double queue_h = query_.node_waits.empty() ? 0.0 : query_.node_waits[node.index()].berths_h.count();
        return Cost{hot.port_h + queue_h, hot.port_usd, 0};
    }

    // How cargo changes from carrier `from` to carrier `to` at `node` (network::transfer_between).
    [[nodiscard]] Transfer transfer_kind(core::NodeId node, std::uint8_t from, std::uint8_t to) const {
        const NodeHot& hot = impl_.node_hot[node.index()];
        return transfer_between(from == to, loads_at_port(impl_.carrier_mode[from]) || loads_at_port(impl_.carrier_mode[to]),
                                hot.port, hot.transshipment);
    }
    // What a transfer of kind port or transshipment costs at `node`: the process's mean time
    // (one unit's lift, for cranes) and its queue now.
    [[nodiscard]] Cost transfer(core::NodeId node, Transfer kind) const {
        if (kind == Transfer::port) return *port(node);
        const NodeHot& hot = impl_.node_hot[node.index()];
        const double queue_h = query_.node_waits.empty() ? 0.0 : query_.node_waits[node.index()].cranes_h.count();
        return {hot.transfer_h + queue_h, hot.transfer_usd, 0};
    }

private:
    const Network& net_;
    const Network::Impl& impl_;
    const RouteQuery& query_;
    double tonnes_ = 1;
    bool hazardous_ = false; // its borders add their inspection of hazardous cargo
};

// Linear weights of the metric over (hours, usd, g CO2e per tonne).
struct Weights {
    double per_hour = 0, per_usd = 0, per_co2_g_per_t = 0;
    [[nodiscard]] double of(double hours, double usd, double co2_g_per_t) const {
        return per_hour * hours + per_usd * usd + per_co2_g_per_t * co2_g_per_t;
    }
};

inline Weights weights_of(const Network& network, const RouteQuery& q) {
    const double tonnes = q.cargo ? network.cargo_classes()[q.cargo->index()].tonnes_per_unit.value() : 1.0;
    switch (q.metric) {
    case Metric::time: return {1, 0, 0};
    case Metric::cost: return {0, 1, 0};
    case Metric::co2: return {0, 0, tonnes / 1000.0};
    case Metric::generalised:
        return {q.weights.value_of_time_usd_per_h.value(), 1, q.weights.carbon_price_usd_per_t.value() * tonnes / 1e6};
    }
    return {1, 0, 0};
}

// The metric's weight of the link at CSR index i: a compile-time choice, so a one-metric query
// reads one cost array.
template <Metric M>
struct LinkWeight {
    const double* hours;
    const double* usd;
    const double* co2;
    Weights w;
    [[nodiscard]] double operator()(std::uint32_t i) const {
        if constexpr (M == Metric::time) return hours[i];
        if constexpr (M == Metric::cost) return usd[i];
        if constexpr (M == Metric::co2) return w.per_co2_g_per_t * co2[i];
        if constexpr (M == Metric::generalised) return w.of(hours[i], usd[i], co2[i]);
        return 0;
    }
};

} // namespace corridor::network::detail
