// Route constraints: the countries a link passes through, what a constraint bans and why, and
// constrained routes that are the best a brute-force search finds among the allowed paths.
#include "sim/network/constraints.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "sim/core/random.hpp"
#include "sim/network/routing.hpp"

namespace corridor::network {
namespace {

Node node(const std::string& name, const std::string& country, double lat, double lon) {
    Node n;
    n.name = name;
    n.country = country;
    n.lat = core::Degrees{lat};
    n.lon = core::Degrees{lon};
    return n;
}

Link road(const std::string& name, std::uint32_t from, std::uint32_t to, double km, std::vector<std::string> countries = {}) {
    Link l;
    l.name = name;
    l.from = core::NodeId{from};
    l.to = core::NodeId{to};
    l.mode = Mode::road;
    l.length = core::Km{km};
    l.speed = core::KmPerHour{50};
    l.countries = std::move(countries);
    return l;
}

// A → B direct through RU (a link that stands for a route through Russia), or A → C → B in KZ
// and AZ, longer; or A → D (in IR) → B, shortest of the detours.
Network three_ways() {
    NetworkSpec spec;
    spec.name = "three ways";
    spec.nodes = {node("A", "KZ", 43, 76), node("B", "PL", 52, 21), node("C", "AZ", 40, 49), node("D", "IR", 38, 46)};
    spec.links = {road("A-B-north", 0, 1, 5000, {"RU", "BY"}), road("A-C", 0, 2, 3000), road("C-B", 2, 1, 3000),
                  road("A-D", 0, 3, 2800), road("D-B", 3, 1, 2900)};
    return Network::build(spec);
}

TEST(Constraints, ALinkPassesThroughItsEndsAndTheCountriesItDeclares) {
    const auto net = three_ways();
    EXPECT_EQ(countries_of(net, core::LinkId{0}), (std::vector<std::string>{"KZ", "RU", "BY", "PL"}));
    EXPECT_EQ(countries_of(net, core::LinkId{1}), (std::vector<std::string>{"KZ", "AZ"}));
    EXPECT_EQ(countries_of(net), (std::vector<std::string>{"AZ", "BY", "IR", "KZ", "PL", "RU"}));
}

TEST(Constraints, EachBanSaysWhy) {
    const auto net = three_ways();
    RouteConstraints c;
    c.avoid_countries = {"RU"};
    EXPECT_EQ(constraint_refusal(net, c, core::LinkId{0}), "link 'A-B-north' passes through RU, which the route avoids");
    EXPECT_EQ(constraint_refusal(net, c, core::LinkId{1}), "");
    RouteConstraints only;
    only.only_countries = {"KZ", "AZ", "PL"};
    EXPECT_EQ(constraint_refusal(net, only, core::LinkId{3}), "link 'A-D' passes through IR, which is not among the route's only countries");
    RouteConstraints elements;
    elements.avoid_links = {core::LinkId{1}};
    elements.avoid_nodes = {core::NodeId{3}};
    EXPECT_EQ(constraint_refusal(net, elements, core::LinkId{1}), "the route avoids link 'A-C'");
    EXPECT_EQ(constraint_refusal(net, elements, core::LinkId{4}), "the route avoids node 'D'");
    EXPECT_EQ(banned_links(net, elements), (std::vector<std::uint8_t>{0, 1, 0, 1, 1}));
}

TEST(Constraints, TheConstrainedRouteKeepsOutOfTheAvoidedCountriesAtTheLeastCost) {
    const auto net = three_ways();
    auto route_avoiding = [&](std::vector<std::string> countries) {
        RouteConstraints c;
        c.avoid_countries = std::move(countries);
        const auto banned = banned_links(net, c);
        RouteQuery q;
        q.closed_links = banned;
        return shortest_route(net, core::NodeId{0}, core::NodeId{1}, q);
    };
    const auto free = route_avoiding({});
    ASSERT_TRUE(free);
    EXPECT_DOUBLE_EQ(free->hours.count(), 100); // 5,000 km through Russia
    const auto no_ru = route_avoiding({"RU"});
    ASSERT_TRUE(no_ru);
    EXPECT_DOUBLE_EQ(no_ru->hours.count(), 114); // 2,800 + 2,900 km through Iran
    const auto no_ru_ir = route_avoiding({"RU", "IR"});
    ASSERT_TRUE(no_ru_ir);
    EXPECT_DOUBLE_EQ(no_ru_ir->hours.count(), 120); // 3,000 + 3,000 km through Azerbaijan
    EXPECT_FALSE(route_avoiding({"RU", "IR", "AZ"}));
}

// Random networks over four countries, a constraint of random countries, links and nodes:
// the router's best time equals the least over every simple path the constraint allows.
TEST(Constraints, ConstrainedRoutesMatchABruteForceSearch) {
    const std::vector<std::string> countries{"AA", "BB", "CC", "DD"};
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        core::RandomStream random{seed};
        NetworkSpec spec;
        spec.name = "random";
        const std::uint32_t n = 8;
        for (std::uint32_t i = 0; i < n; ++i) {
            spec.nodes.push_back(node("N" + std::to_string(i), countries[random.below(countries.size())],
                                      random.uniform01() * 2, random.uniform01() * 2));
        }
        for (std::uint32_t i = 0; i < 20; ++i) {
            const auto from = static_cast<std::uint32_t>(random.below(n));
            auto to = static_cast<std::uint32_t>(random.below(n));
            if (to == from) to = (to + 1) % n;
            std::vector<std::string> via;
            if (random.uniform01() < 0.3) via.push_back(countries[random.below(countries.size())]);
            const double gc = great_circle(spec.nodes[from], spec.nodes[to]).value();
            spec.links.push_back(road("L" + std::to_string(i), from, to, gc * (1 + random.uniform01()) + 1, via));
        }
        const auto net = Network::build(spec);
        RouteConstraints c;
        c.avoid_countries = {countries[random.below(countries.size())]};
        if (random.uniform01() < 0.5) c.avoid_links = {core::LinkId{static_cast<std::uint32_t>(random.below(20))}};
        if (random.uniform01() < 0.5) c.avoid_nodes = {core::NodeId{static_cast<std::uint32_t>(random.below(n))}};
        const auto banned = banned_links(net, c);
        RouteQuery q;
        q.closed_links = banned;
        for (std::uint32_t s = 0; s < n; ++s) {
            for (std::uint32_t t = 0; t < n; ++t) {
                if (s == t) continue;
                // Brute force: every simple path from s to t over allowed links.
                double best = std::numeric_limits<double>::infinity();
                std::vector<char> on_path(n, 0);
                std::function<void(std::uint32_t, double)> walk = [&](std::uint32_t v, double hours) {
                    if (v == t) {
                        best = std::min(best, hours);
                        return;
                    }
                    on_path[v] = 1;
                    for (const auto l : net.out_links(core::NodeId{v})) {
                        const auto& link = net.link(l);
                        if (banned[l.index()] != 0 || on_path[link.to.index()] != 0) continue;
                        walk(link.to.index(), hours + link.length.value() / link.speed.value());
                    }
                    on_path[v] = 0;
                };
                walk(s, 0);
                const auto found = shortest_route(net, core::NodeId{s}, core::NodeId{t}, q);
                if (std::isinf(best)) {
                    EXPECT_FALSE(found) << "seed " << seed << " " << s << "->" << t;
                    continue;
                }
                ASSERT_TRUE(found) << "seed " << seed << " " << s << "->" << t;
                EXPECT_NEAR(found->hours.count(), best, 1e-9 * best) << "seed " << seed << " " << s << "->" << t;
                for (const auto l : found->links) EXPECT_EQ(banned[l.index()], 0);
            }
        }
    }
}

} // namespace
} // namespace corridor::network
