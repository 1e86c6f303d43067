// Seeded generators of benchmark networks.
#include "bench/support/networks.hpp"

#include <sstream>

#include "sim/core/random.hpp"

namespace corridor::bench {

namespace {
// Built with += rather than "L" + to_string(): GCC 12 at -O3 warns falsely (-Wrestrict) on the latter.
std::string name_of(char prefix, std::size_t index) {
    std::string name(1, prefix);
    name += std::to_string(index);
    return name;
}

network::Node node(std::string name, double lat, double lon) {
    network::Node n;
    n.name = std::move(name);
    n.label = n.name;
    n.country = "XX";
    n.kind = network::NodeKind::junction;
    n.lat = core::Degrees{lat};
    n.lon = core::Degrees{lon};
    return n;
}

void add_pair(network::NetworkSpec& spec, std::uint32_t a, std::uint32_t b, network::Mode mode,
              std::uint32_t gauge, double length, double speed) {
    for (int dir = 0; dir < 2; ++dir) {
        network::Link l;
        l.name = name_of('L', spec.links.size());
        l.from = core::NodeId{dir == 0 ? a : b};
        l.to = core::NodeId{dir == 0 ? b : a};
        l.mode = mode;
        l.gauge_mm = gauge;
        l.length = core::Km{length};
        l.speed = core::KmPerHour{speed};
        l.cost_usd_per_unit_km = core::UsdPerUnitKm{1};
        l.co2_g_per_tkm = core::GramsPerTonneKm{30};
        spec.links.push_back(l);
    }
}
} // namespace

network::NetworkSpec make_grid(std::uint32_t side, std::uint64_t seed) {
    core::RandomStream random{seed};
    network::NetworkSpec spec;
    spec.name = "grid";
    spec.nodes.reserve(static_cast<std::size_t>(side) * side);
    for (std::uint32_t r = 0; r < side; ++r) {
        for (std::uint32_t c = 0; c < side; ++c) {
            spec.nodes.push_back(node(name_of('N', r * side + c), 40.0 + 0.1 * r, 10.0 + 0.1 * c));
        }
    }
    spec.links.reserve(static_cast<std::size_t>(side) * side * 4);
    for (std::uint32_t r = 0; r < side; ++r) {
        for (std::uint32_t c = 0; c < side; ++c) {
            const std::uint32_t v = r * side + c;
            for (const std::uint32_t w : {c + 1 < side ? v + 1 : v, r + 1 < side ? v + side : v}) {
                if (w == v) continue;
                const double gc = network::great_circle(spec.nodes[v], spec.nodes[w]).value();
                add_pair(spec, v, w, network::Mode::road, 0, gc * (1 + 0.3 * random.uniform01()),
                         40 + 60 * random.uniform01());
            }
        }
    }
    return spec;
}

network::NetworkSpec make_corridor(std::uint32_t length, std::uint64_t seed) {
    core::RandomStream random{seed};
    network::NetworkSpec spec;
    spec.name = "corridor";
    std::uint32_t gauge = 1435;
    for (std::uint32_t i = 0; i < length; ++i) {
        auto n = node(name_of('C', i), 40.0 + 0.01 * i, 50.0 + 0.05 * i);
        if (i % 100 == 0 || i % 250 == 0 || i % 250 == 249) {
            network::TransshipmentProcess t;
            t.setup_h = core::Distribution{core::Deterministic{4}};
            t.units_per_crane_h = core::UnitsPerHour{10};
            t.cranes = 2;
            n.transshipment = t;
            network::PortProcess p;
            p.handling_h = core::Distribution{core::Deterministic{20}};
            n.port = p;
        }
        spec.nodes.push_back(n);
        if (i == 0) continue;
        const double gc = network::great_circle(spec.nodes[i - 1], spec.nodes[i]).value();
        if (i % 250 == 0) {
            add_pair(spec, i - 1, i, network::Mode::ferry, 0, gc * 1.1, 20);
        } else {
            if (i % 100 == 1 && i > 1) gauge = gauge == 1435 ? 1520 : 1435;
            add_pair(spec, i - 1, i, network::Mode::rail, gauge, gc * (1 + 0.3 * random.uniform01()), 40 + 40 * random.uniform01());
        }
    }
    // Branch lines (same gauge as their junction's outgoing main line).
    const std::uint32_t main = length;
    for (std::uint32_t j = 10; j < main; j += 10) {
        std::uint32_t prev = j;
        const std::uint32_t g = spec.links[2 * (j - 1)].mode == network::Mode::rail ? spec.links[2 * (j - 1)].gauge_mm : 1520;
        const auto mode = spec.links[2 * (j - 1)].mode == network::Mode::rail ? network::Mode::rail : network::Mode::road;
        for (std::uint32_t b = 0; b < 5; ++b) {
            const auto idx = static_cast<std::uint32_t>(spec.nodes.size());
            spec.nodes.push_back(node(name_of('B', idx), spec.nodes[prev].lat.value() + 0.05, spec.nodes[prev].lon.value()));
            const double gc = network::great_circle(spec.nodes[prev], spec.nodes[idx]).value();
            add_pair(spec, prev, idx, mode, mode == network::Mode::rail ? g : 0, gc * 1.2, 50);
            prev = idx;
        }
        // A shortcut back to the main line two stations on: alternatives for k-shortest.
        if (j + 2 < main && mode == network::Mode::rail && spec.links[2 * (j + 1)].mode == network::Mode::rail &&
            spec.links[2 * (j + 1)].gauge_mm == g) {
            const double gc = network::great_circle(spec.nodes[prev], spec.nodes[j + 2]).value();
            add_pair(spec, prev, j + 2, network::Mode::rail, g, gc * 1.2, 50);
        }
    }
    return spec;
}

std::string to_yaml(const network::NetworkSpec& spec) {
    std::ostringstream out;
    out << "name: " << spec.name << "\nnodes:\n";
    for (const auto& n : spec.nodes) {
        out << "  - {id: " << n.name << ", country: " << n.country << ", kind: junction, lat: " << n.lat.value()
            << ", lon: " << n.lon.value() << ", assumption: generated}\n";
    }
    out << "links:\n";
    for (const auto& l : spec.links) {
        out << "  - {id: " << l.name << ", from: " << spec.nodes[l.from.index()].name << ", to: "
            << spec.nodes[l.to.index()].name << ", mode: " << network::to_string(l.mode);
        if (l.mode == network::Mode::rail) out << ", gauge_mm: " << l.gauge_mm;
        out << ", length_km: " << l.length.value() << ", speed_kmh: " << l.speed.value()
            << ", cost_usd_per_unit_km: 1, co2_g_per_tkm: 30, assumption: generated}\n";
    }
    return out.str();
}

} // namespace corridor::bench
