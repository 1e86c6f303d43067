// Building the immutable network: invariants, name indexes and the CSR adjacency.
#include "sim/network/network.hpp"

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cmath>
#include <cstdio>
#include <utility>

#include "sim/network/detail/graph.hpp"
#include "sim/network/transfer.hpp"

namespace corridor::network {

std::string_view to_string(Mode mode) {
    switch (mode) {
    case Mode::rail: return "rail";
    case Mode::road: return "road";
    case Mode::ferry: return "ferry";
    case Mode::sea: return "sea";
    case Mode::air: return "air";
    }
    return "?";
}

std::string_view to_string(NodeKind kind) {
    switch (kind) {
    case NodeKind::rail_terminal: return "rail_terminal";
    case NodeKind::seaport: return "seaport";
    case NodeKind::dry_port: return "dry_port";
    case NodeKind::border: return "border";
    case NodeKind::junction: return "junction";
    case NodeKind::city: return "city";
    case NodeKind::airport: return "airport";
    }
    return "?";
}

std::string_view to_string(LinkStatus status) {
    switch (status) {
    case LinkStatus::open: return "open";
    case LinkStatus::planned: return "planned";
    case LinkStatus::closed: return "closed";
    }
    return "?";
}

namespace {
// Howard Hinnant's days_from_civil.
std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int>(doe) - 719468;
}
} // namespace

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i) {
        for (std::size_t k = 0; k < lengths[i]; ++k) {
            const char c = text[starts[i] + k];
            if (c < '0' || c > '9') return std::nullopt;
            parts[i] = parts[i] * 10 + (c - '0');
        }
    }
    const int y = parts[0];
    const int m = parts[1];
    const int d = parts[2];
    static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return std::nullopt;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap) return std::nullopt;
    return Date{days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d))};
}

std::string to_string(Date date) {
    // Hinnant's civil_from_days.
    const int z = date.days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", y, m, d);
    return buffer;
}

Network Network::build(NetworkSpec spec) {
    auto impl = std::make_shared<Impl>();
    const auto n = spec.nodes.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (!impl->node_by_name.emplace(spec.nodes[i].name, core::NodeId{static_cast<std::uint32_t>(i)}).second) {
            throw InvalidNetwork("duplicate node '" + spec.nodes[i].name + "'");
        }
    }
    using Edge = std::pair<std::uint32_t, std::uint32_t>;
    std::vector<Edge> edges;
    std::vector<std::uint32_t> edge_link;
    edges.reserve(spec.links.size());
    impl->forbidden_mask.assign(spec.links.size(), 0);
    for (std::size_t i = 0; i < spec.links.size(); ++i) {
        const Link& link = spec.links[i];
        if (!link.from.valid() || link.from.index() >= n || !link.to.valid() || link.to.index() >= n) {
            throw InvalidNetwork("link '" + link.name + "' has an endpoint that is not a node");
        }
        if (!(link.length.value() > 0) || !(link.speed.value() > 0) || !std::isfinite(link.length.value()) ||
            !std::isfinite(link.speed.value())) {
            throw InvalidNetwork("link '" + link.name + "' needs a positive length and speed");
        }
        if (!impl->link_by_name.emplace(link.name, core::LinkId{static_cast<std::uint32_t>(i)}).second) {
            throw InvalidNetwork("duplicate link '" + link.name + "'");
        }
        // A class limited to some modes is forbidden on the links of the others.
        for (std::size_t c = 0; c < spec.cargo_classes.size(); ++c) {
            const auto& modes = spec.cargo_classes[c].modes;
            if (!modes.empty() && std::find(modes.begin(), modes.end(), link.mode) == modes.end()) {
                spec.links[i].forbidden.emplace_back(static_cast<std::uint32_t>(c));
            }
        }
        // Hazardous classes the link, or a node at either end, does not take.
        const HazardRule rule = hazard_rule_of(link);
        for (std::size_t c = 0; c < spec.cargo_classes.size(); ++c) {
            const auto& cargo = spec.cargo_classes[c];
            if (!cargo.hazardous) continue;
            const auto k = cargo.hazard_class;
            if (rule.accepts(k) && spec.nodes[link.from.index()].hazardous.accepts(k) &&
                spec.nodes[link.to.index()].hazardous.accepts(k)) {
                continue;
            }
            const core::CargoClassId id{static_cast<std::uint32_t>(c)};
            auto& forbidden = spec.links[i].forbidden;
            if (std::find(forbidden.begin(), forbidden.end(), id) == forbidden.end()) forbidden.push_back(id);
        }
        for (const auto cargo : spec.links[i].forbidden) {
            if (cargo.index() < 64) impl->forbidden_mask[i] |= std::uint64_t{1} << cargo.index();
        }
        edges.emplace_back(link.from.index(), link.to.index());
        edge_link.push_back(static_cast<std::uint32_t>(i));
    }
    // Boost sorts the edges by source into CSR form; we keep its row starts and edge order, and
    // translate edge indices back to link ids so routing reads two flat arrays.
    using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, std::uint32_t>;
    const Csr graph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), edge_link.begin(), n);
    impl->row_start.assign(n + 1, 0);
    impl->link_order.reserve(edges.size());
    std::vector<std::uint32_t> out;
    for (std::size_t v = 0; v < n; ++v) {
        impl->row_start[v] = static_cast<std::uint32_t>(impl->link_order.size());
        out.clear();
        auto [edge, end] = boost::out_edges(static_cast<Csr::vertex_descriptor>(v), graph);
        for (; edge != end; ++edge) {
            out.push_back(graph[*edge]);
        }
        std::sort(out.begin(), out.end()); // link-id order, independent of Boost's internal sort
        for (const auto l : out) impl->link_order.emplace_back(l);
    }
    impl->row_start[n] = static_cast<std::uint32_t>(impl->link_order.size());

    std::vector<std::pair<Mode, std::uint32_t>> carriers;
    impl->link_carrier.reserve(spec.links.size());
    impl->link_gc_km.reserve(spec.links.size());
    double min_h = INFINITY, min_usd = INFINITY, min_co2 = INFINITY;
    for (const Link& link : spec.links) {
        const std::pair<Mode, std::uint32_t> key{link.mode, link.mode == Mode::rail ? link.gauge_mm : 0};
        auto it = std::find(carriers.begin(), carriers.end(), key);
        if (it == carriers.end()) {
            if (carriers.size() == 255) throw InvalidNetwork("more than 255 (mode, gauge) carriers");
            carriers.push_back(key);
            impl->carrier_mode.push_back(link.mode);
            it = carriers.end() - 1;
        }
        impl->link_carrier.push_back(static_cast<std::uint8_t>(it - carriers.begin()));
        const double gc = great_circle(spec.nodes[link.from.index()], spec.nodes[link.to.index()]).value();
        impl->link_gc_km.push_back(gc);
        if (gc > 0) {
            const double km = link.length.value();
            min_h = std::min(min_h, km / link.speed.value() / gc);
            min_usd = std::min(min_usd, link.cost_usd_per_unit_km.value() * km / gc);
            min_co2 = std::min(min_co2, link.co2_g_per_tkm.value() * km / gc);
        }
    }
    impl->min_hours_per_gc_km = std::isfinite(min_h) ? min_h : 0;
    impl->min_usd_per_gc_km = std::isfinite(min_usd) ? min_usd : 0;
    impl->min_co2_g_per_t_per_gc_km = std::isfinite(min_co2) ? min_co2 : 0;

    for (const Node& node : spec.nodes) {
        NodeHot hot;
        if (node.transshipment) {
            const auto& t = *node.transshipment;
            hot.transshipment = true;
            hot.transfer_h = t.setup_h.mean() + 1.0 / (t.units_per_crane_h.value() * t.cranes);
            hot.transfer_usd = t.cost_usd_per_unit.value();
        }
        if (node.port) {
            hot.port = true;
            hot.port_h = node.port->handling_h.mean();
            hot.port_usd = node.port->cost_usd_per_unit.value();
        }
        impl->node_hot.push_back(hot);
        constexpr double kDeg = M_PI / 180.0;
        const double lat = node.lat.value(), lon = node.lon.value();
        impl->node_xyz.push_back({std::cos(lat * kDeg) * std::cos(lon * kDeg), std::cos(lat * kDeg) * std::sin(lon * kDeg),
                                  std::sin(lat * kDeg)});
    }
    const std::size_t m = spec.links.size();
    impl->csr_topo.reserve(m);
    impl->csr_from.reserve(m);
    impl->csr_hours.reserve(m);
    impl->csr_usd.reserve(m);
    impl->csr_co2_g_per_t.reserve(m);
    for (const core::LinkId id : impl->link_order) {
        const std::size_t i = id.index();
        const Link& link = spec.links[i];
        const Node& to = spec.nodes[link.to.index()];
        LinkTopo topo{};
        topo.to = link.to.index();
        topo.carrier = impl->link_carrier[i];
        if (link.status != LinkStatus::open) topo.flags |= LinkTopo::kNotOpen;
        if (loads_at_port(link.mode)) topo.flags |= LinkTopo::kWater;
        if (impl->forbidden_mask[i] != 0 || !link.forbidden.empty()) topo.flags |= LinkTopo::kRestricted;
        double hours = link.length.value() / link.speed.value();
        double usd = link.cost_usd_per_unit_km.value() * link.length.value();
        if (to.border) {
            const bool inbound = spec.nodes[link.from.index()].country != to.country;
            topo.flags |= inbound ? LinkTopo::kBorderIn : LinkTopo::kBorderOut;
            hours += to.border->expected_h(inbound).count();
            usd += to.border->cost_usd_per_unit.value();
        }
        impl->csr_topo.push_back(topo);
        impl->csr_from.push_back(link.from.index());
        impl->csr_hours.push_back(hours);
        impl->csr_usd.push_back(usd);
        impl->csr_co2_g_per_t.push_back(link.co2_g_per_tkm.value() * link.length.value());
    }
    impl->hazard_inspection_h.assign(n, 0.0);
    for (std::size_t v = 0; v < n; ++v) {
        if (spec.nodes[v].border && spec.nodes[v].border->hazardous_dwell_h) {
            impl->hazard_inspection_h[v] = spec.nodes[v].border->hazardous_extra_h().count();
            impl->any_hazard_inspection = true;
        }
    }
    impl->spec = std::move(spec);
    return Network{std::move(impl)};
}

const std::string& Network::name() const { return impl_->spec.name; }
std::size_t Network::node_count() const { return impl_->spec.nodes.size(); }
std::size_t Network::link_count() const { return impl_->spec.links.size(); }
const Node& Network::node(core::NodeId id) const { return impl_->spec.nodes.at(id.index()); }
const Link& Network::link(core::LinkId id) const { return impl_->spec.links.at(id.index()); }
std::span<const CargoClass> Network::cargo_classes() const { return impl_->spec.cargo_classes; }

std::optional<core::NodeId> Network::find_node(std::string_view name) const {
    const auto it = impl_->node_by_name.find(std::string(name));
    if (it == impl_->node_by_name.end()) return std::nullopt;
    return it->second;
}

std::optional<core::LinkId> Network::find_link(std::string_view name) const {
    const auto it = impl_->link_by_name.find(std::string(name));
    if (it == impl_->link_by_name.end()) return std::nullopt;
    return it->second;
}

std::optional<core::CargoClassId> Network::find_cargo_class(std::string_view name) const {
    const auto& classes = impl_->spec.cargo_classes;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        if (classes[i].name == name) return core::CargoClassId{static_cast<std::uint32_t>(i)};
    }
    return std::nullopt;
}

std::span<const core::LinkId> Network::out_links(core::NodeId node) const {
    const auto begin = impl_->row_start[node.index()];
    const auto end = impl_->row_start[node.index() + 1];
    return {impl_->link_order.data() + begin, end - begin};
}

bool Network::is_open(core::LinkId id, std::optional<Date> date) const {
    const Link& l = impl_->spec.links[id.index()];
    switch (l.status) {
    case LinkStatus::open: return true;
    case LinkStatus::closed: return false;
    case LinkStatus::planned: return date && l.opens && *l.opens <= *date;
    }
    return false;
}

HazardRule hazard_rule_of(const Link& link) {
    if (link.hazardous) return *link.hazardous;
    if (link.mode == Mode::air || (link.mode == Mode::ferry && link.passengers)) return HazardRule::none();
    return HazardRule{};
}

std::string Network::refusal(core::LinkId id, core::CargoClassId cargo) const {
    if (allows(id, cargo)) return {};
    const auto& spec = impl_->spec;
    const Link& link = spec.links.at(id.index());
    const CargoClass& c = spec.cargo_classes.at(cargo.index());
    if (!c.modes.empty() && std::find(c.modes.begin(), c.modes.end(), link.mode) == c.modes.end()) {
        return "cargo class '" + c.name + "' may not travel by " + std::string(to_string(link.mode));
    }
    if (c.hazardous) {
        const std::string what = c.hazard_class != 0 ? "hazardous class " + std::to_string(c.hazard_class) : "hazardous cargo";
        const HazardRule rule = hazard_rule_of(link);
        if (!rule.accepts(c.hazard_class)) {
            if (link.hazardous) return "link '" + link.name + "' does not take " + what + " (its 'hazardous')";
            return "link '" + link.name + "' does not take " + what + " (" +
                   (link.mode == Mode::air ? "air" : "a ferry that carries passengers") + " takes none unless its 'hazardous' says so)";
        }
        for (const auto end : {link.from, link.to}) {
            if (!spec.nodes[end.index()].hazardous.accepts(c.hazard_class)) {
                return "node '" + spec.nodes[end.index()].name + "' does not handle " + what + " (its 'hazardous')";
            }
        }
    }
    return "link '" + link.name + "' forbids cargo class '" + c.name + "' (its forbid_cargo)";
}

bool Network::allows(core::LinkId id, std::optional<core::CargoClassId> cargo) const {
    if (!cargo) return true;
    if (cargo->index() < 64) return (impl_->forbidden_mask[id.index()] >> cargo->index() & 1U) == 0;
    const auto& forbidden = impl_->spec.links[id.index()].forbidden;
    return std::find(forbidden.begin(), forbidden.end(), *cargo) == forbidden.end();
}

core::Km great_circle(const Node& a, const Node& b) {
    constexpr double kRadiusKm = 6371.0;
    constexpr double kDeg = M_PI / 180.0;
    const double dlat = (b.lat - a.lat).value() * kDeg;
    const double dlon = (b.lon - a.lon).value() * kDeg;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(a.lat.value() * kDeg) * std::cos(b.lat.value() * kDeg) *
                                                                   std::sin(dlon / 2) * std::sin(dlon / 2);
    return core::Km{2 * kRadiusKm * std::asin(std::min(1.0, std::sqrt(h)))};
}

} // namespace corridor::network
