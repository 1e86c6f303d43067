// The run folder: written whole or not at all, never over an existing one.
#include "sim/report/run_directory.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>

#include "tests/support/temp_dir.hpp"

namespace corridor::report {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

TEST(RunDirectory, AppearsOnlyWhenCommittedAndWhole) {
    support::TempDir tmp;
    const auto final_path = tmp / "run";
    {
        RunDirectory dir{final_path};
        write(dir.file("a.csv"), "x\n");
        write(dir.file("b.json"), "{}\n");
        EXPECT_FALSE(fs::exists(final_path)) << "nothing at the destination before commit";
        EXPECT_TRUE(fs::exists(dir.file("a.csv")));
        dir.commit();
    }
    EXPECT_TRUE(fs::exists(final_path / "a.csv"));
    EXPECT_TRUE(fs::exists(final_path / "b.json"));
    // Only the folder itself is left beside it: no temporary sibling.
    EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator{}), 1);
}

TEST(RunDirectory, AbandonedBeforeCommitLeavesNothing) {
    support::TempDir tmp;
    {
        RunDirectory dir{tmp / "run"};
        write(dir.file("a.csv"), "half");
    }
    EXPECT_FALSE(fs::exists(tmp / "run"));
    EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator{}), 0);
}

TEST(RunDirectory, NeverReplacesAnExistingFolder) {
    support::TempDir tmp;
    fs::create_directories(tmp / "run");
    EXPECT_THROW(RunDirectory{tmp / "run"}, std::runtime_error);
}

TEST(RunDirectory, CreatesTheParentsItNeeds) {
    support::TempDir tmp;
    RunDirectory dir{tmp / "a" / "b" / "run"};
    dir.commit();
    EXPECT_TRUE(fs::is_directory(tmp / "a" / "b" / "run"));
}

TEST(RunDirectory, TimestampsAreUtcToTheSecond) {
    // YYYYMMDDTHHMMSSZ (std::regex is avoided: GCC 12 warns inside it under the sanitizers).
    const std::string t = utc_timestamp();
    ASSERT_EQ(t.size(), 16U) << t;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i == 8) {
            EXPECT_EQ(t[i], 'T') << t;
        } else if (i == 15) {
            EXPECT_EQ(t[i], 'Z') << t;
        } else {
            EXPECT_TRUE(t[i] >= '0' && t[i] <= '9') << t;
        }
    }
}

} // namespace
} // namespace corridor::report
