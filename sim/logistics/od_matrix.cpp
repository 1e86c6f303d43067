// Expanding an OD matrix into flows.
#include "sim/logistics/od_matrix.hpp"

namespace corridor::logistics {

std::vector<Flow> expand(const OdMatrix& od, const std::vector<std::string>& origin_names,
                         const std::vector<std::string>& destination_names) {
    std::vector<Flow> flows;
    for (Eigen::Index i = 0; i < od.units_per_day.rows(); ++i) {
        for (Eigen::Index j = 0; j < od.units_per_day.cols(); ++j) {
            const double rate = od.units_per_day(i, j);
            const auto oi = static_cast<std::size_t>(i);
            const auto dj = static_cast<std::size_t>(j);
            if (!(rate > 0) || od.origins[oi] == od.destinations[dj]) continue;
            Flow f = od.settings;
            f.name = od.name + ":" + origin_names[oi] + "->" + destination_names[dj];
            f.origin = od.origins[oi];
            f.destination = od.destinations[dj];
            f.units_per_day = core::UnitsPerDay{rate};
            flows.push_back(f);
        }
    }
    return flows;
}

} // namespace corridor::logistics
