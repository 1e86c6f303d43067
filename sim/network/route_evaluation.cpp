// Route evaluation: the costs of riding given links in order, step by step from the model (links,
// borders, ports at a vessel's ends, transfers where the carrier changes).
#include "sim/network/detail/route_evaluation.hpp"

#include <cmath>

#include "sim/network/detail/pricing.hpp"

namespace corridor::network {

double Route::metric_value(Metric metric) const {
    switch (metric) {
    case Metric::time: return hours.count();
    case Metric::cost: return usd.value();
    case Metric::co2: return kg_co2e.value();
    case Metric::generalised: return generalised_usd.value();
    }
    return hours.count();
}


namespace detail {

template <bool WithSteps>
std::optional<Route> evaluate(const Network& network, core::NodeId from, const std::vector<core::LinkId>& links,
                              const RouteQuery& query) {
    const Pricer pricer{network, query};
    const auto& impl = network.impl();
    Route route;
    route.from = from;
    route.to = from;
    if constexpr (WithSteps) route.links = links;
    auto add = [&](RouteStep::Kind kind, core::NodeId node, core::LinkId link, const Cost& c) {
        if constexpr (WithSteps) route.steps.push_back({kind, node, link, core::Hours{c.hours}, core::Usd{c.usd}, core::KgCo2e{c.kg}});
        route.hours += core::Hours{c.hours};
        route.usd += core::Usd{c.usd};
        route.kg_co2e += core::KgCo2e{c.kg};
    };
    double variance = 0; // h², of the processes' independent draws
    core::NodeId at = from;
    for (std::size_t i = 0; i < links.size(); ++i) {
        const core::LinkId l = links[i];
        if (l.index() >= network.link_count()) return std::nullopt;
        const Link& link = network.link(l);
        if (link.from != at || !pricer.usable(l)) return std::nullopt;
        if (!query.closed_links.empty() && query.closed_links[l.index()] != 0) return std::nullopt;
        if (i == 0) {
            if (loads_at_port(link.mode)) {
                if (const auto c = pricer.port(at)) {
                    add(RouteStep::Kind::port, at, {}, *c);
                    variance += pricer.port_variance(at);
                }
            }
        } else {
            const auto kind = pricer.transfer_kind(at, impl.link_carrier[links[i - 1].index()],
                                                   impl.link_carrier[l.index()]);
            if (kind == Transfer::impossible) return std::nullopt;
            if (kind != Transfer::none) {
                add(kind == Transfer::port ? RouteStep::Kind::port : RouteStep::Kind::transshipment,
                    at, {}, pricer.transfer(at, kind));
                variance += kind == Transfer::port ? pricer.port_variance(at) : pricer.transshipment_variance(at);
            }
        }
        add(RouteStep::Kind::link, link.to, l, pricer.link(l));
        route.length += link.length;
        if (const auto b = pricer.border(link.to, l)) {
            add(RouteStep::Kind::border, link.to, {}, *b);
            variance += pricer.border_variance(link.to, l);
        }
        at = link.to;
        if (i + 1 == links.size() && loads_at_port(link.mode)) {
            if (const auto c = pricer.port(at)) {
                add(RouteStep::Kind::port, at, {}, *c);
                variance += pricer.port_variance(at);
            }
        }
    }
    route.to = at;
    route.hours_sd = core::Hours{std::sqrt(variance)};
    RouteQuery generalised = query;
    generalised.metric = Metric::generalised;
    route.generalised_usd =
        core::Usd{Pricer{network, generalised}.value({route.hours.count(), route.usd.value(), route.kg_co2e.value()}) +
                  query.weights.value_of_reliability_usd_per_h.value() * route.hours_sd.count()};
    return route;
}

std::optional<Route> evaluate_sums(const Network& network, core::NodeId from, const std::vector<core::LinkId>& links,
                                   const RouteQuery& query) {
    return evaluate<false>(network, from, links, query);
}

} // namespace detail

std::optional<Route> evaluate_route(const Network& network, core::NodeId from,
                                    const std::vector<core::LinkId>& links, const RouteQuery& query) {
    return detail::evaluate<true>(network, from, links, query);
}

} // namespace corridor::network
