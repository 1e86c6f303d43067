#include "sim/scenario/scenario_loader.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

using namespace corridor;

namespace {
std::string source_dir() {
    const char* dir = std::getenv("SIM_SOURCE_DIR");
    return dir ? dir : ".";
}

// Loads a scenario that must fail and returns its diagnostics as printed, from "tests/data/" on.
std::vector<std::string> diagnostics_of(const std::string& relative) {
    std::vector<std::string> lines;
    try {
        scenario::load_scenario(source_dir() + "/" + relative);
        ADD_FAILURE() << relative << ": expected InputError";
    } catch (const scenario::InputError& e) {
        for (const auto& d : e.diagnostics()) {
            auto text = scenario::to_string(d);
            lines.push_back(text.substr(text.find("tests/data/")));
        }
    }
    return lines;
}
} // namespace

TEST(ScenarioLoader, ReportsEveryProblemInFileOrder) {
    const std::vector<std::string> expected = {
        "tests/data/scenarios/broken.yaml:3:13: error: 'start_date' must be a date YYYY-MM-DD, found '2025-02-30'",
        "tests/data/scenarios/broken.yaml:4:15: error: 'horizon_days' must be a number from 1 to 7305 days, found '-5'",
        "tests/data/scenarios/broken.yaml:5:7: error: unknown key 'sead' in the scenario; did you mean 'seed'?",
        "tests/data/scenarios/broken.yaml:7:27: error: flow 'f1' refers to unknown node 'Dd'; did you mean 'D'?",
        "tests/data/scenarios/broken.yaml:7:38: error: flow 'f1' refers to unknown cargo class 'containr'; did you mean 'container'?",
        "tests/data/scenarios/broken.yaml:8:5: error: flow 'f2' needs exactly one rate: units_per_day, units_per_week, units_per_month or units_per_year",
        "tests/data/scenarios/broken.yaml:8:103: error: 'policy' must be one of fixed, shortest, k_shortest, adaptive; found 'fastest'",
        "tests/data/scenarios/broken.yaml:10:12: error: disruption refers to unknown link 'BCC'; did you mean 'BC'?",
        "tests/data/scenarios/broken.yaml:12:11: error: override of unknown link 'XY'",
    };
    EXPECT_EQ(diagnostics_of("tests/data/scenarios/broken.yaml"), expected);
}

TEST(ScenarioLoader, AFixedRouteThatBreaksAHazardousRuleIsAnErrorSayingWhich) {
    const std::vector<std::string> expected = {
        "tests/data/scenarios/hazardous.yaml:6:101: error: flow 'by_air': link 'AN-air' does not carry cargo class 'uranium': link 'AN-air' does not take hazardous class 7 (air takes none unless its 'hazardous' says so)",
        "tests/data/scenarios/hazardous.yaml:7:104: error: flow 'by_ropax': link 'PQ-ferry' does not carry cargo class 'fuel': link 'PQ-ferry' does not take hazardous class 3 (a ferry that carries passengers takes none unless its 'hazardous' says so)",
        "tests/data/scenarios/hazardous.yaml:8:97: error: flow 'via_s': link 'AS' does not carry cargo class 'fuel': node 'S' does not handle hazardous class 3 (its 'hazardous')",
        "tests/data/scenarios/hazardous.yaml:9:100: error: flow 'via_b': link 'AB' does not carry cargo class 'uranium': link 'AB' does not take hazardous class 7 (its 'hazardous')",
    };
    EXPECT_EQ(diagnostics_of("tests/data/scenarios/hazardous.yaml"), expected);
}

TEST(ScenarioLoader, RouteConstraintsAreCheckedAndAFixedRouteThatBreaksThemIsAnError) {
    const std::vector<std::string> expected = {
        "tests/data/scenarios/constrained.yaml:6:130: error: flow 'through_ge': link 'AB' breaks the flow's constraints: link 'AB' passes through GE, which the route avoids",
        "tests/data/scenarios/constrained.yaml:7:96: error: flow 'typo': avoid_countries names 'GG', a country no node or link of the model is in; did you mean 'GE'?",
        "tests/data/scenarios/constrained.yaml:8:104: error: flow 'by_path': no link from 'A' to 'N' the flow may use: does not carry cargo class 'uranium': link 'AN-air' does not take hazardous class 7 (air takes none unless its 'hazardous' says so)",
        "tests/data/scenarios/constrained.yaml:10:95: error: flow 'unknown': avoid_links refers to unknown link 'ABX'; did you mean 'AB'?",
        "tests/data/scenarios/constrained.yaml:10:115: error: flow 'unknown': avoid_nodes refers to unknown node 'Q2'; did you mean 'Q'?",
    };
    EXPECT_EQ(diagnostics_of("tests/data/scenarios/constrained.yaml"), expected);
    // A flow its constraints leave without a route is said at load; the others are read.
    const auto loaded = scenario::load_scenario(source_dir() + "/tests/data/scenarios/constrained_nowhere.yaml");
    ASSERT_EQ(loaded.warnings.size(), 1U);
    const auto warning = scenario::to_string(loaded.warnings[0]);
    EXPECT_EQ(warning.substr(warning.find("tests/data/")),
              "tests/data/scenarios/constrained_nowhere.yaml:6:5: warning: flow 'nowhere' can never be delivered: no links from 'A' reach 'B' for cargo class 'container' within its constraints by the horizon's end; its consignments will wait at the origin");
    const auto& around = loaded.scenario.flows[1].constraints;
    EXPECT_EQ(around.avoid_nodes, std::vector{*loaded.network.find_node("B")});
    EXPECT_EQ(around.avoid_links, std::vector{*loaded.network.find_link("AN-air")});
}

TEST(ScenarioLoader, ExtendsMergesKeysAndOverridesChangeTheModel) {
    const auto base = scenario::load_scenario(source_dir() + "/tests/data/scenarios/tiny.yaml");
    const auto storms = scenario::load_scenario(source_dir() + "/tests/data/scenarios/tiny_storms.yaml");
    EXPECT_EQ(storms.scenario.name, "tiny_storms");
    EXPECT_EQ(storms.scenario.horizon, base.scenario.horizon);   // from the base file
    EXPECT_EQ(storms.scenario.seed, 11U);
    ASSERT_EQ(storms.scenario.flows.size(), 2U);
    EXPECT_EQ(storms.scenario.areas.front().months[6].storm_share, 0.5); // the extending file wins
    EXPECT_EQ(base.scenario.areas.front().months[6].storm_share, 0.2);
    EXPECT_EQ(storms.network.link(*storms.network.find_link("CD")).speed.value(), 25);
    EXPECT_EQ(base.network.link(*base.network.find_link("CD")).speed.value(), 20);
    EXPECT_DOUBLE_EQ(storms.scenario.services[2].load_factor, 0.9);
    EXPECT_EQ(storms.input_files.size(), 3U); // tiny_storms, tiny, the model
}

TEST(ScenarioLoader, AProblemAnOverrideBringsIntoTheModelIsReportedInTheScenario) {
    EXPECT_EQ(diagnostics_of("tests/data/scenarios/tiny_bad_override.yaml"),
              (std::vector<std::string>{
                  "tests/data/scenarios/tiny_bad_override.yaml:4:49: error: 'open_from_h' must be an hour of the day below 24, found 25",
                  "tests/data/scenarios/tiny_bad_override.yaml:5:27: error: 'speed_kmh' must be a number from 1 to 1200 km/h, found '-3'"}));
}

TEST(ScenarioLoader, AnOverrideOfAProcessChangesOnlyTheKeysItGives) {
    // The border at B goes from 4 lanes to 7 and gets opening hours, keeping its dwell
    // (exponential, mean 2 h) and source; the ferries' vessel list is replaced whole.
    const auto base = scenario::load_scenario(source_dir() + "/tests/data/scenarios/tiny.yaml");
    const auto b = *base.network.find_node("B");
    ASSERT_TRUE(base.network.node(b).border.has_value());
    EXPECT_EQ(base.network.node(b).border->servers, 4U);
    const auto more = scenario::load_scenario(source_dir() + "/tests/data/scenarios/tiny_more_lanes.yaml");
    const auto& border = *more.network.node(*more.network.find_node("B")).border;
    EXPECT_EQ(border.servers, 7U);
    EXPECT_DOUBLE_EQ(border.dwell_h.mean(), 2.0);
    ASSERT_TRUE(border.hours.has_value());
    EXPECT_EQ(border.hours->from_h.count(), 6);
    ASSERT_EQ(more.scenario.services[2].vessels.size(), 1U);
    EXPECT_EQ(more.scenario.services[2].vessels[0].name, "F9");
}

TEST(ScenarioLoader, RatesConvertToUnitsPerDay) {
    const auto base = scenario::load_scenario(source_dir() + "/tests/data/scenarios/tiny.yaml");
    EXPECT_DOUBLE_EQ(base.scenario.flows[0].units_per_day.value(), 20);
    EXPECT_DOUBLE_EQ(base.scenario.flows[1].units_per_day.value(), 10); // 70 per week
    EXPECT_EQ(base.scenario.warmup, core::Duration{5 * 86400});
}

TEST(ScenarioLoader, EveryBundledScenarioLoadsWithoutErrorsOrWarnings) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/scenarios")) {
        if (entry.path().extension() != ".yaml") continue;
        ++count;
        try {
            const auto loaded = scenario::load_scenario(entry.path().string());
            EXPECT_TRUE(loaded.warnings.empty()) << entry.path() << ": " << scenario::to_string(loaded.warnings.front());
        } catch (const scenario::InputError& e) {
            ADD_FAILURE() << entry.path() << ": " << e.what();
        }
    }
    EXPECT_GE(count, 1);
}

TEST(ScenarioLoader, OdMatrixExpandsIntoOneFlowPerCell) {
    const auto loaded = scenario::load_scenario(source_dir() + "/tests/data/scenarios/tiny_od.yaml");
    const auto& flows = loaded.scenario.flows;
    ASSERT_EQ(flows.size(), 2U); // the diagonal is skipped
    EXPECT_EQ(flows[0].name, "od:A->D");
    EXPECT_DOUBLE_EQ(flows[0].units_per_day.value(), 10);
    EXPECT_EQ(flows[1].name, "od:D->A");
    EXPECT_DOUBLE_EQ(flows[1].units_per_day.value(), 5);
    EXPECT_EQ(flows[1].target_days, core::Days{9.0});
    ASSERT_EQ(loaded.scenario.disruptions.size(), 1U);
    EXPECT_TRUE(loaded.scenario.disruptions[0].target == logistics::DisruptionTarget{core::VesselId{0}})
        << "F1, the first vessel of the model";
}

namespace {
// The problems a scenario with `settings` gives, as printed.
std::vector<std::string> setting_problems(const std::vector<scenario::Setting>& settings) {
    std::vector<std::string> lines;
    try {
        scenario::load_scenario(source_dir() + "/tests/data/scenarios/tiny.yaml", settings);
        ADD_FAILURE() << "expected InputError";
    } catch (const scenario::InputError& e) {
        for (const auto& d : e.diagnostics()) lines.push_back(scenario::to_string(d));
    }
    return lines;
}
} // namespace

TEST(Settings, APathOfFourPartsChangesTheModelAsAnOverrideWould) {
    const auto base = scenario::load_scenario(source_dir() + "/tests/data/scenarios/tiny.yaml");
    const auto set = scenario::load_scenario(source_dir() + "/tests/data/scenarios/tiny.yaml",
                                             {{"nodes.B.border.servers", "1"}, {"links.CD.speed_kmh", "25"}});
    const auto border = [](const scenario::LoadedScenario& s) { return s.network.node(*s.network.find_node("B")).border->servers; };
    EXPECT_EQ(border(base), 4U);
    EXPECT_EQ(border(set), 1U);
    EXPECT_EQ(set.network.link(*set.network.find_link("CD")).speed.value(), 25);
}

TEST(Settings, ATypoInAnyPartIsReportedAtItsColumnOfTheSetting) {
    EXPECT_EQ(setting_problems({{"nodes.B.border.servres", "1"}}),
              (std::vector<std::string>{
                  "--set:1:16: error: unknown key 'servres' in the border process of node 'B'; did you mean 'servers'?"}));
    EXPECT_EQ(setting_problems({{"seed", "3"}, {"nodes.BB.border.servers", "1"}}),
              (std::vector<std::string>{"--set:2:7: error: override of unknown node 'BB'; did you mean 'B'?"}));
    EXPECT_EQ(setting_problems({{"demand.a_to_d.unitz", "3"}}),
              (std::vector<std::string>{"--set:1:15: error: unknown key 'unitz' in a flow"}));
    EXPECT_EQ(setting_problems({{"a.b.c.d", "1"}}),
              (std::vector<std::string>{
                  "--set:1:1: error: a.b.c.d=1: unknown setting; expected nodes|links|services.<id>.<key>, "
                  "vessels.<service>.count, weather.<area>.<key>, demand.<flow>.<key>, or horizon_days, warmup_days, "
                  "seed, replications, start_date"}));
    EXPECT_EQ(setting_problems({{"nodes.B.border.", "1"}}),
              (std::vector<std::string>{
                  "--set:1:1: error: nodes.B.border.=1: a part of the path is empty (two dots, or a dot at an end)"}));
}

TEST(Settings, AValueOutOfRangeIsReportedAtItsColumnOfTheSetting) {
    EXPECT_EQ(setting_problems({{"nodes.B.border.dwell_h", "1e16"}}),
              (std::vector<std::string>{
                  "--set:1:24: error: 'dwell_h' must be hours (a number from 0 to 8760 h) or a distribution such as "
                  "{lognormal: {mean_h: 30, sd_h: 12}}, found '1e16'"}));
}

TEST(ScenarioLoader, AnOverrideWithADistributionOfAnotherKindReplacesTheModels) {
    const auto loaded = scenario::load_scenario(source_dir() + "/tests/data/scenarios/tiny_other_distribution.yaml");
    const auto& border = *loaded.network.node(*loaded.network.find_node("B")).border;
    // tiny_model.yaml has {exponential: {mean_h: 2}}; the override gives a lognormal of mean 3.
    EXPECT_TRUE(std::holds_alternative<core::Lognormal>(border.dwell_h.spec()));
    EXPECT_DOUBLE_EQ(border.dwell_h.mean(), 3.0);
    EXPECT_EQ(border.servers, 2U);
}
