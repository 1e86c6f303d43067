// The network as built: its invariants, look-ups, link order, calendar and cargo rules, and the
// great-circle distance its routing bounds rest on.
#include "sim/network/network.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/network/transfer.hpp"

namespace corridor::network {
namespace {

Node node(const std::string& name, double lat, double lon) {
    Node n;
    n.name = name;
    n.country = "X";
    n.lat = core::Degrees{lat};
    n.lon = core::Degrees{lon};
    return n;
}

Link link(const std::string& name, std::uint32_t from, std::uint32_t to) {
    Link l;
    l.name = name;
    l.from = core::NodeId{from};
    l.to = core::NodeId{to};
    l.mode = Mode::road;
    l.length = core::Km{100};
    l.speed = core::KmPerHour{50};
    return l;
}

NetworkSpec triangle() {
    NetworkSpec spec;
    spec.name = "triangle";
    spec.nodes = {node("A", 0, 0), node("B", 0, 1), node("C", 1, 0)};
    spec.links = {link("CA", 2, 0), link("AB", 0, 1), link("BC", 1, 2), link("AC", 0, 2)};
    CargoClass container;
    container.name = "container";
    spec.cargo_classes = {container};
    return spec;
}

std::string build_error(NetworkSpec spec) {
    try {
        (void)Network::build(std::move(spec));
    } catch (const InvalidNetwork& e) {
        return e.what();
    }
    return "";
}

TEST(Network, FindsNodesLinksAndCargoClassesByName) {
    const auto net = Network::build(triangle());
    EXPECT_EQ(net.name(), "triangle");
    EXPECT_EQ(net.node_count(), 3U);
    EXPECT_EQ(net.link_count(), 4U);
    EXPECT_EQ(net.find_node("B"), core::NodeId{1});
    EXPECT_EQ(net.find_link("AC"), core::LinkId{3});
    EXPECT_EQ(net.find_cargo_class("container"), core::CargoClassId{0});
    EXPECT_EQ(net.find_node("Z"), std::nullopt);
    EXPECT_EQ(net.find_link("ab"), std::nullopt);
    EXPECT_EQ(net.find_cargo_class("bulk"), std::nullopt);
}

TEST(Network, ListsEachNodesOutLinksInLinkIdOrder) {
    const auto net = Network::build(triangle());
    const auto out = net.out_links(*net.find_node("A"));
    EXPECT_EQ(std::vector<core::LinkId>(out.begin(), out.end()), (std::vector<core::LinkId>{core::LinkId{1}, core::LinkId{3}}));
    EXPECT_EQ(net.out_links(*net.find_node("C")).size(), 1U);
}

TEST(Network, RefusesSpecsThatBreakItsInvariantsNamingTheCulprit) {
    auto dangling = triangle();
    dangling.links.push_back(link("AZ", 0, 7));
    EXPECT_EQ(build_error(dangling), "link 'AZ' has an endpoint that is not a node");
    auto still = triangle();
    still.links[1].speed = core::KmPerHour{0};
    EXPECT_EQ(build_error(still), "link 'AB' needs a positive length and speed");
    auto twice = triangle();
    twice.links.push_back(link("AB", 1, 0));
    EXPECT_EQ(build_error(twice), "duplicate link 'AB'");
    auto twin = triangle();
    twin.nodes.push_back(node("A", 5, 5));
    EXPECT_EQ(build_error(twin), "duplicate node 'A'");
}

TEST(Network, APlannedLinkIsOpenFromItsOpeningDayAndAClosedOneNever) {
    auto spec = triangle();
    spec.links[1].status = LinkStatus::planned;
    spec.links[1].opens = parse_date("2030-06-01");
    spec.links[2].status = LinkStatus::closed;
    const auto net = Network::build(spec);
    EXPECT_FALSE(net.is_open(core::LinkId{1}, parse_date("2030-05-31")));
    EXPECT_TRUE(net.is_open(core::LinkId{1}, parse_date("2030-06-01")));
    EXPECT_FALSE(net.is_open(core::LinkId{1}, std::nullopt)) << "no date: only links open now";
    EXPECT_FALSE(net.is_open(core::LinkId{2}, parse_date("2100-01-01")));
    EXPECT_TRUE(net.is_open(core::LinkId{0}, std::nullopt));
}

TEST(Network, ALinkForbidsTheCargoClassesItNames) {
    auto spec = triangle();
    CargoClass uranium;
    uranium.name = "uranium";
    spec.cargo_classes.push_back(uranium);
    spec.links[3].forbidden = {core::CargoClassId{1}};
    const auto net = Network::build(spec);
    EXPECT_FALSE(net.allows(core::LinkId{3}, core::CargoClassId{1}));
    EXPECT_TRUE(net.allows(core::LinkId{3}, core::CargoClassId{0}));
    EXPECT_TRUE(net.allows(core::LinkId{3}, std::nullopt));
    EXPECT_TRUE(net.allows(core::LinkId{0}, core::CargoClassId{1}));
}

// Hazardous classes: air and ferries with passengers take none unless their rule says so; other
// modes take all; a link's or a node's rule names the classes; each refusal says why.
TEST(Network, HazardousCargoUsesOnlyWhatTakesItsClassAndARefusalSaysWhy) {
    auto spec = triangle();
    CargoClass uranium;
    uranium.name = "uranium";
    uranium.hazardous = true;
    uranium.hazard_class = 7;
    CargoClass unstated;
    unstated.name = "unstated";
    unstated.hazardous = true;
    spec.cargo_classes = {spec.cargo_classes[0], uranium, unstated};
    spec.links[0].mode = Mode::air;                     // CA
    spec.links[1].mode = Mode::ferry;                   // AB
    spec.links[1].passengers = true;
    spec.links[2].mode = Mode::ferry;                   // BC: a cargo ferry takes all
    spec.links[3].hazardous = HazardRule{false, {3, 7}}; // AC
    auto refusing_node = spec;
    refusing_node.nodes[1].hazardous = HazardRule::none(); // B
    const auto net = Network::build(spec);
    const core::CargoClassId container{0}, u{1}, x{2};
    const core::LinkId ca{0}, ab{1}, bc{2}, ac{3};
    EXPECT_TRUE(net.allows(ca, container));
    EXPECT_FALSE(net.allows(ca, u));
    EXPECT_FALSE(net.allows(ab, u));
    EXPECT_TRUE(net.allows(bc, u));
    EXPECT_TRUE(net.allows(ac, u));
    EXPECT_FALSE(net.allows(ac, x)); // a list of classes cannot take a class not stated
    EXPECT_TRUE(net.allows(bc, x));
    EXPECT_EQ(net.refusal(ca, u), "link 'CA' does not take hazardous class 7 (air takes none unless its 'hazardous' says so)");
    EXPECT_EQ(net.refusal(ab, u),
              "link 'AB' does not take hazardous class 7 (a ferry that carries passengers takes none unless its 'hazardous' says so)");
    EXPECT_EQ(net.refusal(ac, x), "link 'AC' does not take hazardous cargo (its 'hazardous')");
    EXPECT_EQ(net.refusal(bc, u), "");
    const auto without_b = Network::build(refusing_node);
    EXPECT_FALSE(without_b.allows(bc, u));
    EXPECT_TRUE(without_b.allows(bc, container));
    EXPECT_EQ(without_b.refusal(bc, u), "node 'B' does not handle hazardous class 7 (its 'hazardous')");
}

TEST(Network, DatesAreCivilDaysAndOnlyRealDatesParse) {
    EXPECT_EQ(parse_date("1970-01-01")->days, 0);
    EXPECT_EQ(parse_date("2025-01-01")->days, 20089);
    EXPECT_EQ(to_string(*parse_date("2024-02-29")), "2024-02-29");
    EXPECT_EQ(parse_date("2025-02-29"), std::nullopt);
    EXPECT_EQ(parse_date("2025-13-01"), std::nullopt);
    EXPECT_EQ(parse_date("2025-1-01"), std::nullopt);
    EXPECT_EQ(parse_date("20250101"), std::nullopt);
}

TEST(Network, GreatCircleDistancesMatchTheHaversineFormula) {
    // A degree of latitude on a 6,371 km sphere is 111.19 km; Baku to Aktau 375.917 km (the
    // formula worked out independently, in double precision).
    EXPECT_NEAR(great_circle(node("a", 0, 0), node("b", 1, 0)).value(), 6371.0 * 3.14159265358979323846 / 180.0, 1e-9);
    EXPECT_NEAR(great_circle(node("BAK", 40.41, 49.87), node("AKT", 43.65, 51.17)).value(), 375.9174, 1e-4);
    EXPECT_DOUBLE_EQ(great_circle(node("a", 10, 20), node("b", 10, 20)).value(), 0.0);
}

TEST(Transfer, CargoChangesCarrierAtAPortsBerthsCranesOrNotAtAll) {
    EXPECT_TRUE(loads_at_port(Mode::ferry) && loads_at_port(Mode::sea) && loads_at_port(Mode::air));
    EXPECT_FALSE(loads_at_port(Mode::rail) || loads_at_port(Mode::road));
    // same carrier, a vessel involved, port, transshipment
    EXPECT_EQ(transfer_between(true, true, true, true), Transfer::none);
    EXPECT_EQ(transfer_between(false, true, true, true), Transfer::port);
    EXPECT_EQ(transfer_between(false, false, true, true), Transfer::transshipment);
    EXPECT_EQ(transfer_between(false, true, false, true), Transfer::transshipment);
    EXPECT_EQ(transfer_between(false, false, true, false), Transfer::port);
    EXPECT_EQ(transfer_between(false, false, false, false), Transfer::impossible);
}

} // namespace
} // namespace corridor::network
