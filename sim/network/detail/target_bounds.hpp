// Target bounds (target_bounds.cpp), as the state search asks for them.
#pragma once
#include "sim/network/detail/pricing.hpp"
#include "sim/network/detail/search.hpp"

namespace corridor::network::detail {

/// The bound of `target` for the query's metric (`bound`, its entry in the workspace), worked
/// out once the searches towards it have done enough work to pay for it; nullptr until then.
const float* bound_of(const Network& network, Router::Workspace& ws, const RouteQuery& query, core::NodeId target,
                      Router::Workspace::TargetBound& bound, const Weights& w);

} // namespace corridor::network::detail
