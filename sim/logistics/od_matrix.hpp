// Origin-destination demand as a matrix: rows are origins, columns destinations, entries
// units per day. It expands into one flow per non-zero cell, all sharing a template's settings.
#pragma once
#include <Eigen/Core>
#include <string>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/logistics/scenario.hpp"

namespace corridor::logistics {

struct OdMatrix {
    std::string name;
    std::vector<core::NodeId> origins;
    std::vector<core::NodeId> destinations;
    Eigen::MatrixXd units_per_day; // origins × destinations
    Flow settings;                 // cargo, arrival, batch, seasonality, routing, target, custody
};

/// One flow per non-zero cell off the diagonal, named "<matrix>:<origin>-><destination>",
/// in row-major order (so the random streams of the flows are stable).
std::vector<Flow> expand(const OdMatrix& od, const std::vector<std::string>& origin_names,
                         const std::vector<std::string>& destination_names);

} // namespace corridor::logistics
