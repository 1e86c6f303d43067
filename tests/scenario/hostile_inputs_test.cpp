// The corpus of hostile inputs (tests/data/hostile): each file with the exact diagnostics it
// must give (warnings and "(no error)" for one that loads), in `<name>.expected` beside it. Every family the red-team campaign broke has a
// case here: magnitudes beyond the engine's range, files that are not files, extends cycles,
// alias bombs, typos in overrides, ids too long, repeated matrix origins.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "sim/network/network.hpp"
#include "sim/scenario/model_loader.hpp"
#include "sim/scenario/scenario_loader.hpp"

using namespace corridor;
namespace fs = std::filesystem;

namespace {

std::string source_dir() {
    const char* dir = std::getenv("SIM_SOURCE_DIR");
    return dir ? dir : ".";
}

// What `corridor validate` prints for the file, paths relative to the source folder.
std::string diagnostics_of(const fs::path& file) {
    std::string text;
    try {
        std::vector<scenario::Diagnostic> warnings;
        if (scenario::is_scenario_file(file.string())) {
            warnings = scenario::load_scenario(file.string()).warnings;
        } else {
            auto model = scenario::load_model(file.string());
            network::Network::build(model.spec);
            warnings = model.warnings;
        }
        for (const auto& d : warnings) text += scenario::to_string(d) + '\n';
        text += "(no error)\n";
    } catch (const scenario::InputError& e) {
        for (const auto& d : e.diagnostics()) text += scenario::to_string(d) + '\n';
    }
    const std::string prefix = source_dir() + "/";
    for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) text.erase(at, prefix.size());
    return text;
}

std::string read(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST(HostileInputs, EachGivesItsExactDiagnosticsAndNothingElse) {
    const fs::path folder = fs::path(source_dir()) / "tests/data/hostile";
    int cases = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() != ".yaml") continue;
        const auto expected = fs::path(entry.path()).replace_extension(".expected");
        ASSERT_TRUE(fs::exists(expected)) << entry.path() << " has no " << expected.filename();
        EXPECT_EQ(diagnostics_of(entry.path()), read(expected)) << entry.path().filename();
        ++cases;
    }
    EXPECT_GE(cases, 20);
}

TEST(HostileInputs, APipeIsRefusedWithoutWaitingForAWriter) {
    const fs::path fifo = fs::temp_directory_path() / ("corridor_hostile_fifo_" + std::to_string(::getpid()) + ".yaml");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_EQ(diagnostics_of(fifo),
              fifo.string() + ":1:1: error: is not a regular file (a device, pipe or socket), expected a YAML file\n");
    fs::remove(fifo);
}
