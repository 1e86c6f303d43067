// The small networks the simulation's tests share.
#include "tests/logistics/worlds.hpp"

#include <string>

namespace corridor::support {

using network::Mode;
using network::NodeKind;

World border_world(std::uint32_t servers) {
    return WorldBuilder{}
        .node("A", "X", 0, 0)
        .node("B", "Y", 0, 0.1, NodeKind::border)
        .border(exponential_h(1), servers)
        .node("C", "Y", 0, 0.2)
        .link("AB", "A", "B", Mode::road, 10, 50)
        .link("BC", "B", "C", Mode::road, 10, 50)
        .build();
}

World one_hour_border_world(std::optional<std::pair<double, double>> hours) {
    WorldBuilder b;
    b.node("A", "X", 0, 0).node("B", "Y", 0, 0.1, NodeKind::border).border(fixed_h(1));
    if (hours) b.opening_hours(hours->first, hours->second);
    return b.node("C", "Y", 0, 0.2)
        .link("AB", "A", "B", Mode::road, 10, 50)
        .link("BC", "B", "C", Mode::road, 10, 50)
        .build();
}

logistics::Scenario trucks_every_12_hours(const World& world, double days) {
    auto sc = scenario_on(world, days);
    auto f = flow(world, "A", "C", 2);
    f.arrival = logistics::ArrivalProcess::fixed_interval;
    sc.flows.push_back(f);
    return sc;
}

World corridor_world(int ferries, double capacity_units, std::uint32_t berths) {
    WorldBuilder b;
    b.node("CN", "CN", 45, 80, NodeKind::rail_terminal)
        .node("DOS", "KZ", 45, 81, NodeKind::border)
        .border(fixed_h(3))
        .transshipment(2, 10, 2)
        .node("AKT", "KZ", 44, 51, NodeKind::seaport)
        .port(berths, 10)
        .node("ALAT", "AZ", 40, 49.5, NodeKind::seaport)
        .port(berths, 10)
        .link("CN-DOS", "CN", "DOS", Mode::rail, 50, 50, {.gauge_mm = 1435})
        .link("DOS-AKT", "DOS", "AKT", Mode::rail, 2000, 50)
        .link("AKT-ALAT", "AKT", "ALAT", Mode::ferry, 440, 20)
        .train("kz", {"DOS-AKT"}, 20, {.max_wait_h = 12});
    switch (ferries) {
    case 1: b.vessels("ferries", {"AKT-ALAT"}, {{"F1", capacity_units}}, {.max_wait_h = 24, .load_factor = 0.75, .sea_area = "caspian"}); break;
    case 4:
        b.vessels("ferries", {"AKT-ALAT"},
                  {{"F1", capacity_units}, {"F2", capacity_units}, {"F3", capacity_units}, {"F4", capacity_units}},
                  {.max_wait_h = 24, .load_factor = 0.75, .sea_area = "caspian"});
        break;
    default: throw std::invalid_argument("corridor_world has 1 or 4 ferries");
    }
    return b.build();
}

World detour_world() {
    return WorldBuilder{}
        .node("A", "X", 0, 0)
        .node("B", "X", 0, 1)
        .node("N", "X", 0, 2)
        .node("C", "X", 1, 0.5)
        .link("AB", "A", "B", Mode::road, 100, 50)
        .link("AC", "A", "C", Mode::road, 150, 50)
        .link("CB", "C", "B", Mode::road, 150, 50)
        .link("BN", "B", "N", Mode::road, 10, 50, {.both_ways = false, .opens = "2025-01-21"})
        .link("NB", "N", "B", Mode::road, 10, 50, {.both_ways = false})
        .link("AN", "A", "N", Mode::road, 500, 50)
        .build();
}

World two_borders_world() {
    return WorldBuilder{}
        .node("S", "X", 0, 0, NodeKind::rail_terminal)
        .node("X", "X", 0, 0.5, NodeKind::rail_terminal)
        .transshipment(0.1, 1000, 50)
        .node("B1", "Y", 0, 1, NodeKind::border)
        .border(fixed_h(2))
        .node("B2", "Y", 1, 1, NodeKind::border)
        .border(fixed_h(1), 20)
        .node("D", "Y", 0, 2)
        .link("SX", "S", "X", Mode::rail, 50, 50)
        .link("XB1", "X", "B1", Mode::road, 10, 50)
        .link("B1D", "B1", "D", Mode::road, 10, 50)
        .link("XB2", "X", "B2", Mode::road, 100, 50)
        .link("B2D", "B2", "D", Mode::road, 100, 50)
        .train("line", {"SX"}, 10, {.max_wait_h = 2})
        .build();
}

} // namespace corridor::support
