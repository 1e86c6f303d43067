// Weather chain helpers; Eigen solves the stationary distribution of the 2×2 generator.
#include "sim/logistics/weather.hpp"

#include <Eigen/Dense>
#include <cmath>

namespace corridor::logistics {

std::array<double, 2> stationary_distribution(const WeatherMonth& m) {
    if (m.storm_share <= 0) return {1.0, 0.0};
    if (m.storm_share >= 1) return {0.0, 1.0};
    const double to_calm = 1.0 / m.mean_storm_h;
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
        mean_h = m.storm_share >= 1 ? kNever : m.mean_storm_h;
    } else if (m.storm_share > 0) {
        mean_h = m.mean_storm_h * (1.0 - m.storm_share) / m.storm_share;
    }
    const double hours = -mean_h * std::log(random.uniform_open01());
    return std::max(core::Duration{1}, core::to_ticks(core::Hours{hours}));
}

int month_of(network::Date start, core::SimTime t) {
    const network::Date day{start.days + static_cast<std::int32_t>(t.seconds() / 86400)};
    const std::string text = network::to_string(day); // YYYY-MM-DD
    return (text[5] - '0') * 10 + (text[6] - '0') - 1;
}

} // namespace corridor::logistics
