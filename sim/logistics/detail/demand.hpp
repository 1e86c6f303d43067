// Demand: each flow's arrivals (Poisson or fixed gaps, a rate by month, batches of units) and
// what a leg's end and a delivery read of a consignment's flow. Owns the flows' arrival streams.
// Touches nothing of other components.
#pragma once
#include <array>
#include <cstdint>

#include "sim/core/id_vector.hpp"
#include "sim/core/random.hpp"
#include "sim/core/time.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"

namespace corridor::logistics::detail {

// What a leg's end reads of a consignment's flow, per flow, in a small array.
struct FlowEnd {
    NodeId destination;
    bool adaptive;          // re-plans at each leg's end
    bool has_target;        // an on-time target is set
    double tonnes_per_unit; // of its cargo class
    double target_h;        // the on-time target in hours (target_days × 24)
};

class Demand {
public:
    Demand(const network::Network& net, const Scenario& sc, std::uint32_t replication);

    /// The gap to flow `f`'s next arrival in month `month` (an empty month: a day, to look again).
    core::Duration next_gap(FlowId f, int month);
    /// Does flow `f` bring anything in month `month` (its seasonal factor is above 0)?
    [[nodiscard]] bool active(FlowId f, int month) const { return ((starts_[f].active_months >> month) & 1U) != 0; }
    [[nodiscard]] double batch_units(FlowId f) const { return starts_[f].batch_units; }
    [[nodiscard]] NodeId origin(FlowId f) const { return starts_[f].origin; }
    [[nodiscard]] bool custody(FlowId f) const { return starts_[f].custody; }
    [[nodiscard]] bool hazardous(FlowId f) const { return starts_[f].hazardous; }
    [[nodiscard]] const FlowEnd& end(FlowId f) const { return ends_[f]; }
    [[nodiscard]] core::IdRange<FlowId> flows() const { return starts_.ids(); }

    /// The month (0-11) of `now`, worked out once a simulated day.
    int month(core::SimTime now);

private:
    // What a flow's arrivals read of it: its rate by month (units a day × the month's factor /
    // units per batch, worked out as the arrival would) and what a new consignment takes.
    struct FlowStart {
        core::RandomStream random; // its arrivals' gaps
        double batch_units = 1;
        NodeId origin;
        std::uint16_t active_months = 0; // bit m: the seasonal factor of month m is > 0
        bool poisson = true;
        bool custody = false;
        bool hazardous = false; // its cargo class is hazardous
        std::array<double, 12> rate{};
    };

    network::Date start_date_;
    core::IdVector<FlowId, FlowStart> starts_;
    core::IdVector<FlowId, FlowEnd> ends_;
    std::int64_t month_day_ = -1; // the day month() last worked out, and its month
    int month_ = 0;
};

} // namespace corridor::logistics::detail
