// State-expanded A*: a state is (node, carrier it arrived on), so that a change of gauge or mode
// costs the node's transfer and is forbidden where the node cannot transship.
#include "sim/network/routing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "sim/core/detail/dary_heap.hpp"
#include "sim/network/detail/graph.hpp"

namespace corridor::network {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

bool is_water(Mode mode) { return mode == Mode::ferry || mode == Mode::sea || mode == Mode::air; }

struct Cost {
    double hours = 0, usd = 0, kg = 0;
};

// Everything a query needs to price links and node processes.
class Pricer {
public:
    Pricer(const Network& network, const RouteQuery& query)
        : net_{network}, impl_{network.impl()}, query_{query} {
        tonnes_ = 1.0;
        if (query.cargo) tonnes_ = network.cargo_classes()[query.cargo->index()].tonnes_per_unit;
    }

    [[nodiscard]] double value(const Cost& c) const {
        switch (query_.metric) {
        case Metric::time: return c.hours;
        case Metric::cost: return c.usd;
        case Metric::co2: return c.kg;
        case Metric::generalised:
            return c.usd + query_.weights.value_of_time_usd_per_h * c.hours +
                   query_.weights.carbon_price_usd_per_t * c.kg / 1000.0;
        }
        return c.hours;
    }

    [[nodiscard]] Cost link(core::LinkId id) const {
        const Link& l = net_.link(id);
        const double km = l.length.value();
        return {km / l.speed.value(), l.cost_usd_per_unit_km * km, l.co2_g_per_tkm * tonnes_ * km / 1000.0};
    }

    [[nodiscard]] bool usable(core::LinkId id) const {
        return net_.is_open(id, query_.date) && net_.allows(id, query_.cargo);
    }

    // Border dwell on arriving at `node` by `via`.
    [[nodiscard]] std::optional<Cost> border(core::NodeId node, core::LinkId via) const {
        const Node& n = net_.node(node);
        if (!n.border) return std::nullopt;
        const bool inbound = net_.node(net_.link(via).from).country != n.country;
        const auto& dwell = inbound ? n.border->dwell_inbound_h : n.border->dwell_h;
        return Cost{dwell.mean(), n.border->cost_usd_per_unit, 0};
    }

    // Loading or unloading a vessel at a port (origin, destination or transfer).
    [[nodiscard]] std::optional<Cost> port(core::NodeId node) const {
        const Node& n = net_.node(node);
        if (!n.port) return std::nullopt;
        return Cost{n.port->handling_h.mean(), n.port->cost_usd_per_unit, 0};
    }

    // Changing from carrier `from` to carrier `to` at `node`; nullopt if the node cannot.
    enum class TransferKind { none, transshipment, port, impossible };
    [[nodiscard]] TransferKind transfer_kind(core::NodeId node, std::uint8_t from, std::uint8_t to) const {
        if (from == to) return TransferKind::none;
        const Node& n = net_.node(node);
        const bool water = is_water(impl_.carrier_mode[from]) || is_water(impl_.carrier_mode[to]);
        if (water && n.port) return TransferKind::port;
        if (n.transshipment) return TransferKind::transshipment;
        if (n.port) return TransferKind::port;
        return TransferKind::impossible;
    }
    [[nodiscard]] Cost transfer(core::NodeId node, TransferKind kind) const {
        const Node& n = net_.node(node);
        if (kind == TransferKind::port) return *port(node);
        const auto& t = *n.transshipment;
        return {t.setup_h.mean() + 1.0 / (t.units_per_crane_h * t.cranes), t.cost_usd_per_unit, 0};
    }

    [[nodiscard]] double lower_bound_per_gc_km() const {
        Cost c{impl_.min_hours_per_gc_km, impl_.min_usd_per_gc_km,
               impl_.min_co2_g_per_t_per_gc_km * tonnes_ / 1000.0};
        return value(c);
    }

private:
    const Network& net_;
    const Network::Impl& impl_;
    const RouteQuery& query_;
    double tonnes_ = 1;
};

struct Entry {
    double key;
    std::uint32_t state;
};
struct Smaller {
    bool operator()(const Entry& a, const Entry& b) const {
        return (a.key < b.key) | ((a.key == b.key) & (a.state < b.state));
    }
};

// Exclusions for Yen's spur searches.
struct Bans {
    const std::vector<char>* links = nullptr;
    const std::vector<char>* nodes = nullptr;
};

struct Search {
    std::vector<double> dist;
    std::vector<std::uint32_t> parent_state;
    std::vector<core::LinkId> parent_link;
    std::uint32_t reached = kNone; // first target state settled
};

// A* over states (node × (carriers + 1)); the extra carrier index means "has not moved yet".
Search search(const Network& network, const Pricer& pricer, core::NodeId start,
              std::optional<std::uint8_t> start_carrier, std::optional<core::NodeId> target,
              const Bans& bans) {
    const auto& impl = network.impl();
    const std::uint32_t width = static_cast<std::uint32_t>(impl.carrier_mode.size()) + 1;
    const std::uint32_t fresh = width - 1;
    const std::size_t states = network.node_count() * width;
    Search s;
    s.dist.assign(states, kInf);
    s.parent_state.assign(states, kNone);
    s.parent_link.assign(states, core::LinkId{});
    std::vector<char> settled(states, 0);

    const double per_km = target ? pricer.lower_bound_per_gc_km() : 0.0;
    const Node* goal = target ? &network.node(*target) : nullptr;
    auto potential = [&](core::NodeId v) {
        return per_km > 0 ? per_km * great_circle(network.node(v), *goal).value() : 0.0;
    };

    core::detail::DaryHeap<Entry, 4, Smaller> heap;
    const std::uint32_t first = start.index() * width + (start_carrier ? *start_carrier : fresh);
    s.dist[first] = 0;
    heap.push({potential(start), first});
    while (!heap.empty()) {
        const Entry top = heap.top();
        heap.pop();
        if (settled[top.state]) continue;
        settled[top.state] = 1;
        const core::NodeId v{top.state / width};
        const auto carrier_in = static_cast<std::uint8_t>(top.state % width);
        if (target && v == *target) {
            s.reached = top.state;
            break;
        }
        const double base = s.dist[top.state];
        for (const core::LinkId l : network.out_links(v)) {
            if (bans.links && (*bans.links)[l.index()]) continue;
            if (!pricer.usable(l)) continue;
            const Link& link = network.link(l);
            if (bans.nodes && (*bans.nodes)[link.to.index()]) continue;
            const std::uint8_t carrier = impl.link_carrier[l.index()];
            double add = pricer.value(pricer.link(l));
            if (carrier_in == fresh) {
                if (is_water(link.mode)) {
                    if (const auto c = pricer.port(v)) add += pricer.value(*c);
                }
            } else {
                const auto kind = pricer.transfer_kind(v, carrier_in, carrier);
                if (kind == Pricer::TransferKind::impossible) continue;
                if (kind != Pricer::TransferKind::none) add += pricer.value(pricer.transfer(v, kind));
            }
            if (const auto b = pricer.border(link.to, l)) add += pricer.value(*b);
            if (target && link.to == *target && is_water(link.mode)) {
                if (const auto c = pricer.port(link.to)) add += pricer.value(*c);
            }
            const std::uint32_t next = link.to.index() * width + carrier;
            const double candidate = base + add;
            if (candidate < s.dist[next]) {
                s.dist[next] = candidate;
                s.parent_state[next] = top.state;
                s.parent_link[next] = l;
                heap.push({candidate + potential(link.to), next});
            }
        }
    }
    return s;
}

std::vector<core::LinkId> links_to(const Search& s, std::uint32_t state) {
    std::vector<core::LinkId> links;
    while (s.parent_state[state] != kNone) {
        links.push_back(s.parent_link[state]);
        state = s.parent_state[state];
    }
    std::reverse(links.begin(), links.end());
    return links;
}

} // namespace

double Route::metric_value(Metric metric) const {
    switch (metric) {
    case Metric::time: return hours.count();
    case Metric::cost: return usd;
    case Metric::co2: return kg_co2e;
    case Metric::generalised: return generalised_usd;
    }
    return hours.count();
}

std::optional<Route> evaluate_route(const Network& network, core::NodeId from,
                                    const std::vector<core::LinkId>& links, const RouteQuery& query) {
    const Pricer pricer{network, query};
    const auto& impl = network.impl();
    Route route;
    route.from = from;
    route.to = from;
    route.links = links;
    auto add = [&](RouteStep::Kind kind, core::NodeId node, core::LinkId link, const Cost& c) {
        route.steps.push_back({kind, node, link, core::Hours{c.hours}, c.usd, c.kg});
        route.hours += core::Hours{c.hours};
        route.usd += c.usd;
        route.kg_co2e += c.kg;
    };
    core::NodeId at = from;
    for (std::size_t i = 0; i < links.size(); ++i) {
        const core::LinkId l = links[i];
        if (l.index() >= network.link_count()) return std::nullopt;
        const Link& link = network.link(l);
        if (link.from != at || !pricer.usable(l)) return std::nullopt;
        if (i == 0) {
            if (is_water(link.mode)) {
                if (const auto c = pricer.port(at)) add(RouteStep::Kind::port, at, {}, *c);
            }
        } else {
            const auto kind = pricer.transfer_kind(at, impl.link_carrier[links[i - 1].index()],
                                                   impl.link_carrier[l.index()]);
            if (kind == Pricer::TransferKind::impossible) return std::nullopt;
            if (kind != Pricer::TransferKind::none) {
                add(kind == Pricer::TransferKind::port ? RouteStep::Kind::port : RouteStep::Kind::transshipment,
                    at, {}, pricer.transfer(at, kind));
            }
        }
        add(RouteStep::Kind::link, link.to, l, pricer.link(l));
        route.length += link.length;
        if (const auto b = pricer.border(link.to, l)) add(RouteStep::Kind::border, link.to, {}, *b);
        at = link.to;
        if (i + 1 == links.size() && is_water(link.mode)) {
            if (const auto c = pricer.port(at)) add(RouteStep::Kind::port, at, {}, *c);
        }
    }
    route.to = at;
    RouteQuery generalised = query;
    generalised.metric = Metric::generalised;
    route.generalised_usd = Pricer{network, generalised}.value({route.hours.count(), route.usd, route.kg_co2e});
    return route;
}

std::optional<Route> shortest_route(const Network& network, core::NodeId from, core::NodeId to,
                                    const RouteQuery& query) {
    const Pricer pricer{network, query};
    const Search s = search(network, pricer, from, std::nullopt, to, {});
    if (s.reached == kNone) return std::nullopt;
    return evaluate_route(network, from, links_to(s, s.reached), query);
}

std::vector<double> shortest_from(const Network& network, core::NodeId from, const RouteQuery& query) {
    const Pricer pricer{network, query};
    const Search s = search(network, pricer, from, std::nullopt, std::nullopt, {});
    const std::size_t width = network.impl().carrier_mode.size() + 1;
    std::vector<double> best(network.node_count(), kInf);
    for (std::size_t state = 0; state < s.dist.size(); ++state) {
        best[state / width] = std::min(best[state / width], s.dist[state]);
    }
    return best;
}

std::vector<Route> k_shortest_routes(const Network& network, core::NodeId from, core::NodeId to,
                                     std::size_t k, const RouteQuery& query) {
    std::vector<Route> accepted;
    if (k == 0) return accepted;
    auto first = shortest_route(network, from, to, query);
    if (!first) return accepted;
    accepted.push_back(std::move(*first));
    const Pricer pricer{network, query};
    const auto& impl = network.impl();
    // Candidates ordered by metric value, then by link ids, so ties resolve the same every run.
    auto order = [&](const Route& a, const Route& b) {
        const double va = a.metric_value(query.metric);
        const double vb = b.metric_value(query.metric);
        if (va != vb) return va < vb;
        return std::lexicographical_compare(a.links.begin(), a.links.end(), b.links.begin(), b.links.end());
    };
    std::vector<Route> candidates;
    std::set<std::vector<core::LinkId>> seen{accepted.front().links};
    std::vector<char> banned_links(network.link_count(), 0);
    std::vector<char> banned_nodes(network.node_count(), 0);
    while (accepted.size() < k) {
        const Route& last = accepted.back();
        for (std::size_t i = 0; i < last.links.size(); ++i) {
            const std::vector<core::LinkId> root(last.links.begin(), last.links.begin() + static_cast<std::ptrdiff_t>(i));
            const core::NodeId spur = i == 0 ? from : network.link(root.back()).to;
            std::fill(banned_links.begin(), banned_links.end(), 0);
            std::fill(banned_nodes.begin(), banned_nodes.end(), 0);
            for (const Route& r : accepted) {
                if (r.links.size() > i && std::equal(root.begin(), root.end(), r.links.begin())) {
                    banned_links[r.links[i].index()] = 1;
                }
            }
            banned_nodes[from.index()] = 1;
            for (const auto l : root) banned_nodes[network.link(l).to.index()] = 1;
            banned_nodes[spur.index()] = 0;
            std::optional<std::uint8_t> carrier;
            if (!root.empty()) carrier = impl.link_carrier[root.back().index()];
            const Search s = search(network, pricer, spur, carrier, to, {&banned_links, &banned_nodes});
            if (s.reached == kNone) continue;
            std::vector<core::LinkId> path = root;
            const auto tail = links_to(s, s.reached);
            path.insert(path.end(), tail.begin(), tail.end());
            // Loopless at the node level (a state path may revisit a node on another carrier).
            std::vector<std::uint32_t> nodes{from.index()};
            for (const auto l : path) nodes.push_back(network.link(l).to.index());
            std::sort(nodes.begin(), nodes.end());
            if (std::adjacent_find(nodes.begin(), nodes.end()) != nodes.end()) continue;
            if (!seen.insert(path).second) continue;
            if (auto route = evaluate_route(network, from, path, query)) candidates.push_back(std::move(*route));
        }
        if (candidates.empty()) break;
        const auto best = std::min_element(candidates.begin(), candidates.end(), order);
        accepted.push_back(std::move(*best));
        candidates.erase(best);
    }
    return accepted;
}

} // namespace corridor::network
