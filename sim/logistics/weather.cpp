// Weather chain helpers; Eigen solves the stationary distribution of the 2×2 generator.
#include "sim/logistics/weather.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

namespace corridor::logistics {

std::array<double, 2> stationary_distribution(const WeatherMonth& m) {
    if (m.storm_share <= 0) return {1.0, 0.0};
    if (m.storm_share >= 1) return {0.0, 1.0};
    const double to_calm = 1.0 / m.mean_storm_h.count();
    const double to_storm = m.storm_share * to_calm / (1.0 - m.storm_share);
    Eigen::Matrix2d q;
    q << -to_storm, to_storm, to_calm, -to_calm;
    // Solve pi Q = 0 with pi summing to 1: replace one equation of Q^T pi = 0 by the sum.
    Eigen::Matrix2d a = q.transpose();
    a.row(1) << 1.0, 1.0;
    const Eigen::Vector2d pi = a.colPivHouseholderQr().solve(Eigen::Vector2d{0.0, 1.0});
    return {pi(0), pi(1)};
}

core::Duration sample_spell(const WeatherMonth& m, bool storm, core::RandomStream& random) {
    constexpr double kNever = 24.0 * 400; // a spell that outlasts any month: re-drawn at month end
    double mean_h = kNever;
    if (storm) {
        mean_h = m.storm_share >= 1 ? kNever : m.mean_storm_h.count();
    } else if (m.storm_share > 0) {
        mean_h = m.mean_storm_h.count() * (1.0 - m.storm_share) / m.storm_share;
    }
    // Cut at kNever: a spell that long ends at the month's end either way, and a tiny storm share
    // cannot overflow the ticks.
    const double hours = std::min(kNever, -mean_h * std::log(random.uniform_open01()));
    return std::max(core::Duration{1}, core::to_ticks(core::Hours{hours}));
}

int month_of(network::Date start, core::SimTime t) {
    // Hinnant's civil_from_days, month part only: called for every arrival, so no strings.
    const int z = start.days + static_cast<int>(t.seconds() / 86400) + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    return static_cast<int>(mp < 10 ? mp + 2 : mp - 10);
}

} // namespace corridor::logistics
