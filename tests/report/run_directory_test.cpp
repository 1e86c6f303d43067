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
        EXPECT_TRUE(fs::is_empty(final_path)) << "the destination is claimed, empty, before commit";
        EXPECT_TRUE(fs::exists(dir.file("a.csv")));
        dir.commit();
    }
    EXPECT_TRUE(fs::exists(final_path / "a.csv"));
    EXPECT_TRUE(fs::exists(final_path / "b.json"));
    EXPECT_EQ(std::distance(fs::directory_iterator(final_path), fs::directory_iterator{}), 2);
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
    EXPECT_THROW(RunDirectory{tmp / "run"}, OutputExists);
}

TEST(RunDirectory, OfTwoClaimsOfOneDestinationTheSecondIsRefusedBeforeAnythingRuns) {
    support::TempDir tmp;
    RunDirectory first{tmp / "run"};
    EXPECT_THROW(RunDirectory{tmp / "run"}, OutputExists);
    write(first.file("a.csv"), "x\n");
    first.commit();
    EXPECT_TRUE(fs::exists(tmp / "run" / "a.csv"));
}

TEST(RunDirectory, NumberedNamesTakeTheFirstFreeOne) {
    support::TempDir tmp;
    RunDirectory a{tmp / "t", RunDirectory::Naming::numbered};
    RunDirectory b{tmp / "t", RunDirectory::Naming::numbered};
    RunDirectory c{tmp / "t", RunDirectory::Naming::numbered};
    EXPECT_EQ(a.final_path(), tmp / "t");
    EXPECT_EQ(b.final_path(), tmp / "t_2");
    EXPECT_EQ(c.final_path(), tmp / "t_3");
}

TEST(RunDirectory, TheTemporaryFolderOfAProcessThatNoLongerRunsIsRemoved) {
    support::TempDir tmp;
    // A process killed while writing "old": its empty claim and its temporary folder. Pid 2^22 + 1
    // is beyond Linux's pid_max, so no process has it.
    fs::create_directories(tmp / "old");
    fs::create_directories(tmp / "old.partial-4194305");
    write(tmp / "old.partial-4194305" / "shipments.csv", "half");
    fs::create_directories(tmp / "kept.partial-x"); // not ours: not a pid
    RunDirectory next{tmp / "new"};
    EXPECT_FALSE(fs::exists(tmp / "old.partial-4194305"));
    EXPECT_FALSE(fs::exists(tmp / "old"));
    EXPECT_TRUE(fs::exists(tmp / "kept.partial-x"));
}

TEST(RunDirectory, AnUnusableDestinationIsRefusedWithTheSystemsReason) {
    support::TempDir tmp;
    write(tmp / "file", "x");
    try {
        RunDirectory dir{tmp / "file" / "run"};
        FAIL() << "expected OutputError";
    } catch (const OutputError& e) {
        EXPECT_EQ(std::string(e.what()), "cannot create the folder " + (tmp / "file").string() + ": Not a directory");
    }
    try {
        RunDirectory dir{tmp / std::string(300, 'x')};
        FAIL() << "expected OutputError";
    } catch (const OutputError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "cannot create the output folder " + (tmp / std::string(300, 'x')).string() + ": File name too long");
    }
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
