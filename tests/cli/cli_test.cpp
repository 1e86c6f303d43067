// The command line as a user meets it: what each command prints and the exit code it returns,
// usage errors, input errors with their positions, and results written whole.
#include "sim/cli/app.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/cli/commands.hpp"
#include "sim/cli/options.hpp"
#include "tests/support/temp_dir.hpp"

namespace corridor::cli {
namespace {

namespace fs = std::filesystem;

struct Outcome {
    int code;
    std::string out, err;
};

Outcome corridor(std::vector<std::string> args) {
    args.insert(args.begin(), "corridor");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    const int code = run_command_line(static_cast<int>(argv.size()), argv.data(), out, err);
    return {code, out.str(), err.str()};
}

std::string source(const std::string& path) {
    const char* dir = std::getenv("SIM_SOURCE_DIR");
    return std::string(dir != nullptr ? dir : ".") + "/" + path;
}

TEST(Cli, WithoutArgumentsPrintsHelpAndSucceeds) {
    const auto r = corridor({});
    EXPECT_EQ(r.code, kExitOk);
    EXPECT_NE(r.out.find("Usage: corridor"), std::string::npos) << r.out;
    for (const char* command : {"validate", "route", "run", "compare", "sweep", "report", "export-geojson", "version"}) {
        EXPECT_NE(r.out.find(command), std::string::npos) << command;
    }
}

TEST(Cli, AnUnknownCommandOrOptionIsAUsageError) {
    const auto unknown = corridor({"frobnicate"});
    EXPECT_EQ(unknown.code, kExitUsage);
    EXPECT_NE(unknown.err.find("frobnicate"), std::string::npos) << unknown.err;
    EXPECT_NE(unknown.err.find("Run 'corridor --help' for usage."), std::string::npos);
    EXPECT_EQ(corridor({"run", "--replications", "0"}).code, kExitUsage);
    EXPECT_EQ(corridor({"route", source("models/middle_corridor.yaml"), "--from", "XIA", "--to", "POT", "--by", "speed"}).code,
              kExitUsage);
    EXPECT_EQ(corridor({"compare", source("scenarios/baseline_2025.yaml")}).code, kExitUsage) << "compare needs two";
}

TEST(Cli, ValidateReportsEveryProblemAtItsPositionAndExitsThree) {
    const auto ok = corridor({"validate", source("models/middle_corridor.yaml")});
    EXPECT_EQ(ok.code, kExitOk);
    EXPECT_NE(ok.out.find("middle_corridor.yaml: ok"), std::string::npos) << ok.out;
    const auto broken = corridor({"validate", source("tests/data/broken_model.yaml")});
    EXPECT_EQ(broken.code, kExitInput);
    EXPECT_NE(broken.err.find("broken_model.yaml:13:27: error: link 'BC' refers to unknown node 'Cc'"), std::string::npos)
        << broken.err;
    EXPECT_NE(broken.err.find("broken_model.yaml:6:32: error: 'kind' must be one of rail_terminal, seaport, dry_port, border, "
                              "junction, city, airport; found 'junktion'; did you mean 'junction'?\n"),
              std::string::npos)
        << broken.err;
}

TEST(Cli, RouteSuggestsTheNodeMeantAndSaysWhenThereIsNoRoute) {
    const auto typo = corridor({"route", source("models/middle_corridor.yaml"), "--from", "XAI", "--to", "POT"});
    EXPECT_EQ(typo.code, kExitInput);
    EXPECT_NE(typo.err.find("did you mean 'XIA'"), std::string::npos) << typo.err;
    const auto found = corridor({"route", source("models/middle_corridor.yaml"), "--from", "XIA", "--to", "POT", "-k", "2"});
    EXPECT_EQ(found.code, kExitOk);
    EXPECT_NE(found.out.find("route 1 of 2: XIA -> POT by time"), std::string::npos) << found.out;
    EXPECT_NE(found.out.find("route 2 of 2"), std::string::npos);
}

TEST(Cli, RouteSaysWhatItsCostsAndEmissionsArePer) {
    const auto model = source("models/middle_corridor.yaml");
    const auto plain = corridor({"route", model, "--from", "XIA", "--to", "POT"});
    EXPECT_NE(plain.out.find(" USD per unit, "), std::string::npos) << plain.out;
    EXPECT_NE(plain.out.find(" kg CO2e per tonne, "), std::string::npos) << plain.out;
    const auto teu = corridor({"route", model, "--from", "XIA", "--to", "POT", "--cargo", "container"});
    EXPECT_NE(teu.out.find(" USD per teu, "), std::string::npos) << teu.out;
    EXPECT_NE(teu.out.find(" kg CO2e per teu, "), std::string::npos) << teu.out;
    const auto json = corridor({"route", model, "--from", "XIA", "--to", "POT", "--format", "json"});
    EXPECT_NE(json.out.find(R"("kg_co2e_per": "tonne")"), std::string::npos) << json.out;
    EXPECT_NE(json.out.find(R"("usd_per": "unit")"), std::string::npos) << json.out;
}

TEST(Cli, RouteKeepsOutOfTheCountriesItIsToldToAvoid) {
    const auto model = source("models/middle_corridor.yaml");
    const auto free = corridor({"route", model, "--from", "DOS", "--to", "ROT", "--cargo", "tungsten"});
    EXPECT_NE(free.out.find("DOS-MAL-north"), std::string::npos) << free.out; // the Northern route, through Russia
    const auto avoiding = corridor({"route", model, "--from", "DOS", "--to", "ROT", "--cargo", "tungsten", "--avoid", "RU,IR"});
    EXPECT_EQ(avoiding.code, kExitOk);
    EXPECT_EQ(avoiding.out.find("DOS-MAL-north"), std::string::npos) << avoiding.out;
    const auto typo = corridor({"route", model, "--from", "DOS", "--to", "ROT", "--avoid", "UR"});
    EXPECT_EQ(typo.code, kExitInput);
    EXPECT_NE(typo.err.find("--avoid: model 'middle_corridor' has no node or link in country 'UR'; did you mean 'IR'?"),
              std::string::npos)
        << typo.err;
}

TEST(Cli, ARunWritesItsFolderWholeAndNeverOverAnExistingOne) {
    support::TempDir tmp;
    const auto folder = (tmp / "run").string();
    const auto r = corridor({"run", source("tests/data/scenarios/tiny.yaml"), "-o", folder, "-q"});
    EXPECT_EQ(r.code, kExitOk) << r.err;
    EXPECT_NE(r.out.find("results: " + folder), std::string::npos) << r.out;
    for (const char* name : {"manifest.json", "summary.json", "flows.csv", "resources.csv", "shipments.csv"}) {
        EXPECT_TRUE(fs::exists(fs::path(folder) / name)) << name;
    }
    const auto again = corridor({"run", source("tests/data/scenarios/tiny.yaml"), "-o", folder, "-q"});
    EXPECT_EQ(again.code, kExitUsage);
    EXPECT_NE(again.err.find("exists already"), std::string::npos) << again.err;
}

TEST(Cli, BadInputToRunWritesNothingAndExitsThree) {
    support::TempDir tmp;
    const auto folder = (tmp / "broken").string();
    const auto r = corridor({"run", source("tests/data/scenarios/broken.yaml"), "-o", folder});
    EXPECT_EQ(r.code, kExitInput);
    EXPECT_NE(r.err.find("broken.yaml:5:7: error: unknown key 'sead'"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(folder));
}

TEST(Cli, AnUnusableOutputFolderIsRefusedBeforeSimulatingWithTheReason) {
    support::TempDir tmp;
    std::ofstream(tmp / "file") << "x";
    const auto r = corridor({"run", source("tests/data/scenarios/tiny.yaml"), "-o", (tmp / "file" / "run").string(), "-q"});
    EXPECT_EQ(r.code, kExitOutput);
    EXPECT_EQ(r.err, "corridor: cannot create the folder " + (tmp / "file").string() + ": Not a directory; nothing written\n");
    EXPECT_EQ(r.out, "");
}

TEST(Cli, DefaultFoldersOfRunsStartedInOneSecondAreDistinct) {
    support::TempDir tmp;
    std::vector<std::string> folders;
    for (int i = 0; i < 3; ++i) {
        const auto r = corridor({"run", source("tests/data/scenarios/tiny.yaml"), "--results-root", tmp.path().string(),
                                 "--replications", "1", "-q"});
        ASSERT_EQ(r.code, kExitOk) << r.err;
        folders.push_back(r.out);
    }
    EXPECT_NE(folders[0], folders[1]);
    EXPECT_NE(folders[1], folders[2]);
    EXPECT_EQ(std::distance(fs::directory_iterator(tmp / "tiny"), fs::directory_iterator{}), 3);
}

TEST(Cli, ARunBeyondTheSizeLimitsIsRefusedUnlessAllowed) {
    support::TempDir tmp;
    // 300,000 TEU a day for 60 days, 100 replications: about 1.8e9 shipment rows.
    const auto refused = corridor({"sweep", source("tests/data/scenarios/tiny.yaml"), "--set",
                                   "demand.a_to_d.units_per_day=300000", "--replications", "100", "-o",
                                   (tmp / "refused").string(), "-q"});
    EXPECT_EQ(refused.code, kExitInput);
    EXPECT_NE(refused.err.find("tiny.yaml:1:1: error: the run would need about"), std::string::npos) << refused.err;
    EXPECT_FALSE(fs::exists(tmp / "refused"));
    const char* const argv[] = {"corridor", "run", "--allow-large"};
    EXPECT_TRUE(parse(3, argv).run.allow_large);
}

TEST(Cli, ASeedOutsideWhatTheScenarioFileTakesIsAUsageError) {
    for (const char* seed : {"-1", "-0", "9223372036854775808", "18446744073709551615", "1180591620717411303424", "1.5", "0x10"}) {
        const char* const argv[] = {"corridor", "run", "--seed", seed};
        EXPECT_THROW(parse(4, argv), UsageError) << seed;
    }
    const char* const argv[] = {"corridor", "run", "--seed", "9223372036854775807"};
    EXPECT_EQ(parse(4, argv).run.seed, 9223372036854775807ULL);
}

TEST(Options, ParseEachCommandsSettings) {
    const char* sweep[] = {"corridor", "sweep", "s.yaml", "--set", "a.b.c=1,2", "--set", "seed=3", "--threads", "2", "-q"};
    const auto o = parse(10, sweep);
    EXPECT_EQ(o.command, Command::sweep);
    EXPECT_EQ(o.run.scenario, "s.yaml");
    EXPECT_EQ(o.run.sets, (std::vector<std::string>{"a.b.c=1,2", "seed=3"}));
    EXPECT_EQ(o.run.threads, 2U);
    EXPECT_TRUE(o.run.quiet);
    EXPECT_EQ(o.command_line, "corridor sweep s.yaml --set a.b.c=1,2 --set seed=3 --threads 2 -q");
    const char* route[] = {"corridor", "route", "m.yaml", "--from", "A", "--to", "B", "-k", "3", "--by", "co2"};
    const auto r = parse(11, route);
    EXPECT_EQ(r.command, Command::route);
    EXPECT_EQ(r.route.k, 3U);
    EXPECT_EQ(r.route.by, "co2");
    const char* bad[] = {"corridor", "run", "--threads", "0"};
    EXPECT_THROW(parse(4, bad), UsageError);
}

} // namespace
} // namespace corridor::cli
