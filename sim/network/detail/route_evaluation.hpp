// Route evaluation as Yen's k-shortest routes uses it (route_evaluation.cpp).
#pragma once
#include <optional>
#include <vector>

#include "sim/network/routing.hpp"

namespace corridor::network::detail {

/// evaluate_route's sums without its steps or links: what Yen's candidates need to be ordered
/// (the one accepted is evaluated again in full).
std::optional<Route> evaluate_sums(const Network& network, core::NodeId from, const std::vector<core::LinkId>& links,
                                   const RouteQuery& query);

} // namespace corridor::network::detail
