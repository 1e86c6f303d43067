#include "sim/scenario/model_loader.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/network/network.hpp"
#include "sim/scenario/diagnostics.hpp"

using namespace corridor;

namespace {
std::string source_dir() {
    const char* dir = std::getenv("SIM_SOURCE_DIR");
    return dir ? dir : ".";
}

// Loads a model and returns its diagnostics (warnings, or the errors it failed with) as printed.
template <class Load>
std::vector<std::string> diagnostics_from(Load load) {
    std::vector<std::string> out;
    try {
        const auto model = load();
        for (const auto& d : model.warnings) out.push_back(scenario::to_string(d));
    } catch (const scenario::InputError& e) {
        for (const auto& d : e.diagnostics()) out.push_back(scenario::to_string(d));
    }
    return out;
}

// The same for the file `relative` (from the repository root), printed from there on.
std::vector<std::string> diagnostics_of(const std::string& relative) {
    auto out = diagnostics_from([&] { return scenario::load_model(source_dir() + "/" + relative); });
    for (auto& line : out) line.replace(0, source_dir().size() + 1, "");
    return out;
}
} // namespace

TEST(ModelLoader, ReportsEveryProblemInAFileWithItsPosition) {
    const std::vector<std::string> expected = {
        "tests/data/broken_model.yaml:6:32: error: 'kind' must be one of rail_terminal, seaport, dry_port, border, junction, city, airport; found 'junktion'; did you mean 'junction'?",
        "tests/data/broken_model.yaml:7:10: error: duplicate node id 'A'",
        "tests/data/broken_model.yaml:8:66: error: node 'C' cites unknown source 'cmpm'; did you mean 'cpmm'?",
        "tests/data/broken_model.yaml:9:14: warning: the border process of node 'C' has figures with neither 'source' nor 'assumption'",
        "tests/data/broken_model.yaml:9:36: error: missing required key 'sd_h'",
        "tests/data/broken_model.yaml:9:49: error: unknown unit suffix in 'sd_hours' (lognormal); expected 'sd_h'",
        "tests/data/broken_model.yaml:10:5: warning: node 'D' has figures with neither 'source' nor 'assumption'",
        "tests/data/broken_model.yaml:12:69: error: 'length_km' must be a number greater than 0 and at most 20000 km, found '-5'",
        "tests/data/broken_model.yaml:13:27: error: link 'BC' refers to unknown node 'Cc' in 'to'; did you mean 'C'?",
        "tests/data/broken_model.yaml:14:5: error: missing required key 'length_km'",
        "tests/data/broken_model.yaml:14:58: error: unknown unit suffix in 'length_mi' (a link); expected 'length_km'",
        "tests/data/broken_model.yaml:14:84: error: 'speed_kmh' must be a number from 1 to 1200 km/h, found 'fast'",
        "tests/data/broken_model.yaml:15:5: error: link 'AB' is rail and needs 'gauge_mm' (1435 or 1520 on this corridor)",
        "tests/data/broken_model.yaml:15:5: error: link 'AB' is planned and needs 'opens: YYYY-MM-DD'",
        "tests/data/broken_model.yaml:15:10: error: duplicate link id 'AB'",
    };
    EXPECT_EQ(diagnostics_of("tests/data/broken_model.yaml"), expected);
}

TEST(ModelLoader, AGaugeBreakWithoutTransshipmentIsAnError) {
    EXPECT_EQ(diagnostics_of("tests/data/gauge_break_model.yaml"),
              (std::vector<std::string>{
                  "tests/data/gauge_break_model.yaml:4:5: error: node 'KZ' joins rail of 1435 mm and 1520 mm (a gauge break) but has no 'transshipment' process to handle it",
                  "tests/data/gauge_break_model.yaml:5:5: warning: node 'MOY' has figures with neither 'source' nor 'assumption'"}));
}

TEST(ModelLoader, NonUtf8AndSyntaxErrorsKeepTheirPosition) {
    EXPECT_EQ(diagnostics_of("tests/data/non_utf8_model.yaml"),
              std::vector<std::string>{"tests/data/non_utf8_model.yaml:3:22: error: expected UTF-8 text, found a byte sequence that is not valid UTF-8"});
    EXPECT_EQ(diagnostics_of("tests/data/syntax_error_model.yaml"),
              std::vector<std::string>{"tests/data/syntax_error_model.yaml:3:3: error: YAML syntax: illegal block entry"});
}

TEST(ModelLoader, HostileInputGivesAnErrorNotACrash) {
    // Deep nesting: yaml-cpp's depth guard turns it into a syntax error.
    std::string deep = "name: deep\nnodes: " + std::string(100000, '[') + "\n";
    EXPECT_THROW(scenario::load_model_text(deep, "deep.yaml"), scenario::InputError);
    // An alias bomb: every level doubles the aliases; we never expand them.
    std::string bomb = "name: bomb\na0: &a0 [x, x]\n";
    for (int i = 1; i < 40; ++i) {
        bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
                std::to_string(i - 1) + "]\n";
    }
    bomb += "nodes: *a39\nlinks: []\n";
    try {
        scenario::load_model_text(bomb, "bomb.yaml");
        FAIL() << "expected InputError";
    } catch (const scenario::InputError& e) {
        EXPECT_LE(e.diagnostics().size(), 202U);
    }
    // Numbers out of range.
    try {
        scenario::load_model_text("name: x\nnodes:\n  - {id: A, country: X, kind: city, lat: 1e999, lon: 0, assumption: t}\nlinks: []\n",
                                  "range.yaml");
        FAIL() << "expected InputError";
    } catch (const scenario::InputError& e) {
        EXPECT_EQ(scenario::to_string(e.diagnostics().front()),
                  "range.yaml:3:42: error: 'lat' must be a number from -90 to 90 degrees, found '1e999'");
    }
}

TEST(ModelLoader, EveryBundledModelLoadsWithoutErrorsOrWarnings) {
    int models = 0;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/models")) {
        if (entry.path().extension() != ".yaml") continue;
        ++models;
        const auto model = scenario::load_model(entry.path().string());
        EXPECT_TRUE(model.warnings.empty()) << entry.path() << ": " << scenario::to_string(model.warnings.front());
        EXPECT_NO_THROW(network::Network::build(model.spec)) << entry.path();
    }
    EXPECT_GE(models, 1);
}

TEST(ModelLoader, BidirectionalMakesTheReverseLink) {
    const auto model = scenario::load_model_text(R"(
name: pair
nodes:
  - {id: A, country: X, kind: city, lat: 0, lon: 0, assumption: t}
  - {id: B, country: X, kind: city, lat: 0, lon: 1, assumption: t}
links:
  - {id: AB, from: A, to: B, mode: road, length_km: 10, speed_kmh: 50, bidirectional: true, assumption: t}
)", "pair.yaml");
    ASSERT_EQ(model.spec.links.size(), 2U);
    EXPECT_EQ(model.spec.links[1].name, "AB:reverse");
    EXPECT_EQ(model.spec.links[1].from.index(), 1U);
    EXPECT_EQ(model.spec.links[1].to.index(), 0U);
}

namespace {
std::vector<std::string> diagnostics_of_text(const std::string& text, const std::string& file) {
    return diagnostics_from([&] { return scenario::load_model_text(text, file); });
}

std::string border_hours_model(const std::string& b_hours, const std::string& c_hours) {
    return R"(
name: hours
nodes:
  - {id: A, country: X, kind: city, lat: 0, lon: 0, assumption: t}
  - {id: B, country: Y, kind: border, lat: 0, lon: 1, assumption: t,
     border: {dwell_h: 1, )" + b_hours + R"(assumption: t}}
  - {id: C, country: Z, kind: border, lat: 0, lon: 2, assumption: t,
     border: {dwell_h: 1, )" + c_hours + R"(assumption: t}}
links:
  - {id: AB, from: A, to: B, mode: road, length_km: 10, speed_kmh: 50, bidirectional: true, assumption: t}
  - {id: BC, from: B, to: C, mode: road, length_km: 10, speed_kmh: 50, bidirectional: true, assumption: t}
)";
}
} // namespace

TEST(ModelLoader, BorderOpeningHoursAreReadAsGiven) {
    const auto model = scenario::load_model_text(border_hours_model("open_from_h: 8, open_until_h: 20, ",
                                                                    "open_from_h: 22, open_until_h: 6.5, "),
                                                 "hours.yaml");
    ASSERT_TRUE(model.spec.nodes[1].border->hours.has_value());
    EXPECT_EQ(model.spec.nodes[1].border->hours->from_h.count(), 8);
    EXPECT_EQ(model.spec.nodes[1].border->hours->until_h.count(), 20);
    ASSERT_TRUE(model.spec.nodes[2].border->hours.has_value());
    EXPECT_EQ(model.spec.nodes[2].border->hours->from_h.count(), 22); // overnight: until the next morning
    EXPECT_EQ(model.spec.nodes[2].border->hours->until_h.count(), 6.5);
    const auto open_all_day = scenario::load_model_text(border_hours_model("", ""), "hours.yaml");
    EXPECT_FALSE(open_all_day.spec.nodes[1].border->hours.has_value());
}

TEST(ModelLoader, BorderOpeningHoursOutOfTheDayOrHalfGivenAreErrors) {
    EXPECT_EQ(diagnostics_of_text(border_hours_model("open_from_h: 24, open_until_h: 0, ", "open_until_h: 20, "),
                                  "hours.yaml"),
              (std::vector<std::string>{
                  "hours.yaml:6:40: error: 'open_from_h' must be an hour of the day below 24, found 24",
                  "hours.yaml:6:58: error: 'open_until_h' must be an hour of the day above 0 and at most 24, found 0",
                  "hours.yaml:8:41: error: the border process of node 'C' gives 'open_until_h' without 'open_from_h': give both (hours of the day), or neither for a border open around the clock"}));
    EXPECT_EQ(diagnostics_of_text(border_hours_model("open_from_h: 7, open_until_h: 7.0001, ", ""), "hours.yaml"),
              (std::vector<std::string>{
                  "hours.yaml:6:57: error: 'open_until_h' equals 'open_from_h' (7.0001) to the second: leave both out for a border open around the clock"}));
}

TEST(ModelLoader, HazardousRulesAreReadAndWrongOnesReportedAtTheirPlace) {
    const std::string header = "name: x\ncargo_classes:\n"
                               "  - {id: u, unit: teu, tonnes_per_unit: 20, hazard_class: 7, assumption: t}\n"
                               "nodes:\n"
                               "  - {id: A, country: X, kind: city, lat: 0, lon: 0, hazardous: [1, 7], assumption: t}\n"
                               "  - {id: B, country: X, kind: border, lat: 0, lon: 1, assumption: t,"
                               " border: {dwell_h: 1, hazardous_dwell_h: {exponential: {mean_h: 2}}, assumption: t}}\n"
                               "links:\n";
    const auto model = scenario::load_model_text(
        header + "  - {id: AB, from: A, to: B, mode: ferry, passengers: true, length_km: 1, speed_kmh: 50, hazardous: false, bidirectional: true, assumption: t}\n",
        "hazard.yaml");
    EXPECT_TRUE(model.spec.cargo_classes[0].hazardous);
    EXPECT_EQ(model.spec.cargo_classes[0].hazard_class, 7);
    EXPECT_FALSE(model.spec.nodes[0].hazardous.all);
    EXPECT_EQ(model.spec.nodes[0].hazardous.classes, (std::vector<std::uint8_t>{1, 7}));
    EXPECT_DOUBLE_EQ(model.spec.nodes[1].border->hazardous_extra_h().count(), 2.0);
    EXPECT_TRUE(model.spec.links[0].passengers);
    ASSERT_TRUE(model.spec.links[0].hazardous.has_value());
    EXPECT_FALSE(model.spec.links[0].hazardous->accepts(7));
    EXPECT_EQ(diagnostics_of_text(
                  header + "  - {id: AB, from: A, to: B, mode: road, length_km: 1, speed_kmh: 50, hazardous: maybe, assumption: t}\n"
                           "  - {id: BA, from: B, to: A, mode: road, length_km: 1, speed_kmh: 50, hazardous: [3, 10], assumption: t}\n"
                           "  - {id: AB2, from: A, to: B, mode: road, length_km: 1, speed_kmh: 50, hazardous: [1.5], assumption: t}\n",
                  "hazard.yaml"),
              (std::vector<std::string>{
                  "hazard.yaml:8:82: error: link 'AB': 'hazardous' must be true (every class), false (none) or a list of UN classes 1 to 9",
                  "hazard.yaml:9:86: error: 'hazardous' must be a number from 1 to 9, found '10'",
                  "hazard.yaml:10:84: error: link 'AB2': 'hazardous' lists UN classes, whole numbers 1 to 9, found 1.5"}));
    EXPECT_EQ(diagnostics_of_text("name: x\ncargo_classes:\n  - {id: u, unit: teu, tonnes_per_unit: 20, hazard_class: 12, assumption: t}\n"
                                  "  - {id: v, unit: teu, tonnes_per_unit: 20, hazardous: false, hazard_class: 3, assumption: t}\n"
                                  "nodes:\n  - {id: A, country: X, kind: city, lat: 0, lon: 0, assumption: t}\nlinks: []\n",
                                  "classes.yaml"),
              (std::vector<std::string>{
                  "classes.yaml:3:59: error: 'hazard_class' must be a whole number from 1 to 9, found '12'",
                  "classes.yaml:4:77: error: cargo class 'v' has a 'hazard_class' but 'hazardous: false'"}));
}

TEST(Nearest, SuggestsALikelyTypoAndNothingForNamesLongerThanAnyId) {
    EXPECT_EQ(scenario::nearest("DOX", {"DOS", "MOY", "ALAT"}), "DOS");
    EXPECT_EQ(scenario::nearest("servres", {"servers", "dwell_h"}), "servers");
    EXPECT_EQ(scenario::nearest("zzzz", {"servers", "dwell_h"}), "");
    // Edit distance is quadratic: a 40 KB name (found by fuzzing) gets no suggestion at all.
    const std::string long_name(40000, 'x');
    EXPECT_EQ(scenario::nearest(long_name, {long_name + "y", "x"}), "");
}

TEST(ModelLoader, TwoBidirectionalLinksWithoutIdsAreInputErrorsNotAnInternalError) {
    // Found by fuzz_model_loader: the second link's reverse ":reverse" was a duplicate, reported
    // at the missing 'id' key, whose node has no mark (yaml-cpp threw InvalidNode).
    try {
        scenario::load_model_text("name: x\nnodes:\n"
                                  "  - {id: A, country: X, kind: city, lat: 0, lon: 0, assumption: t}\n"
                                  "  - {id: B, country: X, kind: city, lat: 0, lon: 1, assumption: t}\n"
                                  "links:\n"
                                  "  - {from: A, to: B, mode: road, length_km: 1, speed_kmh: 50, bidirectional: true, assumption: t}\n"
                                  "  - {from: A, to: B, mode: road, length_km: 1, speed_kmh: 50, bidirectional: true, assumption: t}\n",
                                  "noid.yaml");
        FAIL() << "expected InputError";
    } catch (const scenario::InputError& e) {
        std::vector<std::string> lines;
        for (const auto& d : e.diagnostics()) lines.push_back(scenario::to_string(d));
        EXPECT_EQ(lines, (std::vector<std::string>{"noid.yaml:6:5: error: missing required key 'id'",
                                                   "noid.yaml:7:5: error: missing required key 'id'"}));
    }
}
