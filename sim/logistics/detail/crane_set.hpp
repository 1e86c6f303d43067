// A transshipment node's cranes: their server pool and what a lift takes and costs.
#pragma once
#include <cstdint>

namespace corridor::logistics::detail {

struct CraneSet {
    std::uint32_t pool; // kNone at a node without cranes
    double units_per_crane_h;
    double cost_usd_per_unit;
};

} // namespace corridor::logistics::detail
