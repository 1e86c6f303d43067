// What the simulation keeps per demand flow: its arrivals, what a leg's end reads, its statistics, its routes.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/quantiles.hpp"
#include "sim/core/random.hpp"
#include "sim/core/running_stats.hpp"
#include "sim/logistics/detail/indices.hpp"
#include "sim/logistics/result.hpp"

namespace corridor::logistics::detail {

// What a flow's arrivals read of it, per flow: its rate by month (units a day × the month's
// factor / units per batch, worked out as the arrival would) and what a new consignment takes:
// its route while the network's state is the one it was chosen for, when that choice draws no
// lot (one route), and its creation counts. Three cache lines: an arrival reads this record and
// no other of its flow's (the route caches, the routes and the statistics are colder).
struct alignas(64) FlowStart {
    core::RandomStream random;   // its arrivals' gaps
    double batch_units = 1;
    core::NodeId origin;
    std::uint16_t active_months = 0; // bit m: the seasonal factor of month m is > 0
    bool poisson = true;
    bool custody = false;
    bool fixed = false;          // routing policy fixed
    std::array<double, 12> rate{};
    std::uint32_t route = kNone;      // the route chosen for network state route_version
    std::uint32_t first_leg = kNone;  // its first leg, once interned (kNone: not yet)
    std::uint64_t route_version = ~std::uint64_t{0}; // none: choose afresh
    std::uint64_t created = 0;        // after the warm-up
    double units_created = 0;
    bool route_empty = false;         // the route has no links (origin = destination)
};
static_assert(sizeof(FlowStart) == 192, "a flow's arrival record in three cache lines");

// What a leg's end reads of a consignment's flow, per flow, in a small array.
struct FlowEnd {
    core::NodeId destination;
    bool adaptive;          // re-plans at each leg's end
    bool has_target;        // an on-time target is set
    double tonnes_per_unit; // of its cargo class
    double target_h;        // the on-time target in hours (target_days × 24)
};

struct alignas(64) FlowStats { // a delivery updates it all (the creation counts are in FlowStart)
    std::uint64_t delivered = 0, on_time = 0;
    double units_delivered = 0;
    core::QuantileSketch transit{0.01, 1e-3}; // transit-time quantiles to within 1%
    core::RunningStats transit_stats, usd, kg;
    std::array<double, kTimeUses> hours{};
};

// A flow's routes for the network's state (version): one, or k with their logit shares.
struct RouteCache {
    bool valid = false;
    std::uint64_t version = 0;
    std::vector<std::uint32_t> routes;
    std::vector<double> cumulative;
};

// The last re-plan of an adaptive route question: from `at`, on `day`, with the closures and the
// queues as they were (versions); no links: nothing was open.
struct ReplanCache {
    bool valid = false;
    core::NodeId at;
    std::int32_t day = 0;
    std::uint64_t network_version = 0;
    std::uint64_t waits_version = 0;
    std::optional<std::vector<core::LinkId>> links;
};

} // namespace corridor::logistics::detail
