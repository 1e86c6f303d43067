// Demand: the flows' arrival records and the gaps between arrivals.
#include "sim/logistics/detail/demand.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "sim/logistics/detail/ticks.hpp"
#include "sim/logistics/weather.hpp"

namespace corridor::logistics::detail {

Demand::Demand(const network::Network& net, const Scenario& sc, std::uint32_t replication)
    : start_date_{sc.start_date} {
    for (const auto& flow : sc.flows) {
        FlowStart start{core::RandomStream::for_component(sc.seed, replication, core::component_key("flow:" + flow.name)),
                        flow.batch_units.value(), flow.origin, 0, flow.arrival == ArrivalProcess::poisson, flow.custody,
                        net.cargo_classes()[flow.cargo.index()].hazardous, {}};
        for (std::size_t m = 0; m < 12; ++m) {
            start.rate[m] = flow.units_per_day.value() * flow.seasonal[m] / flow.batch_units.value();
            if (flow.seasonal[m] > 0) start.active_months |= static_cast<std::uint16_t>(1U << m);
        }
        starts_.push_back(start);
        ends_.push_back(FlowEnd{flow.destination, flow.policy == RoutingPolicy::adaptive, flow.target_days.has_value(),
                                net.cargo_classes()[flow.cargo.index()].tonnes_per_unit.value(),
                                flow.target_days ? core::Hours{*flow.target_days}.count() : 0.0});
    }
}

core::Duration Demand::next_gap(FlowId f, int month) {
    FlowStart& start = starts_[f];
    const double rate = start.rate[static_cast<std::size_t>(month)];
    if (rate <= 0) return core::Duration{86400}; // an empty month: look again tomorrow
    const double mean_h = 24.0 / rate;
    if (start.poisson) {
        return std::max(core::Duration{1}, hours(-mean_h * std::log(start.random.uniform_open01())));
    }
    return std::max(core::Duration{1}, hours(mean_h));
}

// The month of now, worked out once a day (twice per flow arrival otherwise).
int Demand::month(core::SimTime now) {
    const std::int64_t day = now.seconds() / 86400;
    if (day != month_day_) {
        month_day_ = day;
        month_ = month_of(start_date_, now);
    }
    return month_;
}

} // namespace corridor::logistics::detail
