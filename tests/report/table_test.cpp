// Result tables as CSV, byte for byte, and the statistics their summary rows hold.
#include "sim/report/table.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "sim/report/detail/summary_statistics.hpp"
#include "tests/support/temp_dir.hpp"

namespace corridor::report {
namespace {

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Table sample() {
    Table t{"flows"};
    auto& flow = t.categories("flow");
    auto& note = t.texts("note");
    auto& count = t.integers("count");
    auto& mean = t.numbers("mean_h");
    for (const auto* name : {"xian_poti", "almaty, kz", "xian_poti"}) flow.push_back(name);
    note = {"plain", "says \"closed\"", "two\nlines"};
    count = {0, -3, 9007199254740993};
    mean = {0.1, kNaN, 1.0 / 3.0};
    return t;
}

TEST(Table, WritesRfc4180CsvWithShortestRoundTripNumbersAndEmptyCellsForNoValue) {
    support::TempDir tmp;
    write_csv((tmp / "flows.csv").string(), sample());
    EXPECT_EQ(read(tmp / "flows.csv"), "flow,note,count,mean_h\n"
                                       "xian_poti,plain,0,0.1\n"
                                       "\"almaty, kz\",\"says \"\"closed\"\"\",-3,\n"
                                       "xian_poti,\"two\nlines\",9007199254740993,0.3333333333333333\n");
}

TEST(Table, NumbersReadBackToTheSameDouble) {
    Table t{"x"};
    auto& x = t.numbers("x");
    x = {1e300, 5e-324, -0.0, 123456.789, 2.0 / 3.0, std::nextafter(1.0, 2.0)};
    support::TempDir tmp;
    write_csv((tmp / "x.csv").string(), t);
    std::istringstream lines(read(tmp / "x.csv"));
    std::string line;
    std::getline(lines, line);
    EXPECT_EQ(line, "x");
    for (const double expected : x) {
        ASSERT_TRUE(std::getline(lines, line));
        double back = 0;
        ASSERT_EQ(std::from_chars(line.data(), line.data() + line.size(), back).ec, std::errc{}) << line;
        EXPECT_EQ(back, expected) << line;
        EXPECT_EQ(std::signbit(back), std::signbit(expected)) << line;
    }
}

TEST(Table, InfinityIsNoValue) {
    Table t{"x"};
    t.numbers("x") = {std::numeric_limits<double>::infinity(), 2};
    support::TempDir tmp;
    write_csv((tmp / "x.csv").string(), t);
    EXPECT_EQ(read(tmp / "x.csv"), "x\n\n2\n");
}

TEST(Table, AFileWrittenInPartsHasOneHeaderAndEveryRowInOrder) {
    support::TempDir tmp;
    CsvFile file{(tmp / "flows.csv").string()};
    file.append(sample());
    file.append(sample());
    file.close();
    const std::string once = read(tmp / "flows.csv");
    support::TempDir other;
    write_csv((other / "flows.csv").string(), concatenate({sample(), sample()}));
    EXPECT_EQ(read(other / "flows.csv"), once);
    EXPECT_EQ(concatenate({sample(), sample()}).rows(), 6U);
}

TEST(Table, ConcatenatedCategoriesKeepEveryRowsName) {
    Table a{"t"};
    a.categories("c").push_back("b");
    Table c{"t"};
    c.categories("c").push_back("a");
    const Table ab = concatenate({a, c});
    const auto& cats = std::get<Categories>(ab.columns().front().values);
    ASSERT_EQ(cats.codes.size(), 2U);
    EXPECT_EQ(cats.names[cats.codes[0]], "b");
    EXPECT_EQ(cats.names[cats.codes[1]], "a");
}

TEST(Table, AFileThatCannotBeWrittenNamesItselfAndTheCause) {
    support::TempDir tmp;
    const auto path = (tmp / "missing" / "flows.csv").string();
    try {
        write_csv(path, sample());
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), "cannot write " + path + ": No such file or directory");
    }
}

using detail::summarise;

TEST(SummaryStatistics, MeanSdAndStudentTIntervalOverReplications) {
    // 1, 2, 3: mean 2, sd 1, half-width t(0.975, 2) / sqrt(3) = 4.302652729911275 / 1.7320508.
    const auto s = summarise({1, 2, 3}, {-1e9, 1e9});
    EXPECT_EQ(s.n, 3U);
    EXPECT_DOUBLE_EQ(s.mean, 2);
    EXPECT_DOUBLE_EQ(s.sd, 1);
    EXPECT_NEAR(s.ci95_low, 2 - 2.4841377118, 1e-9);
    EXPECT_NEAR(s.ci95_high, 2 + 2.4841377118, 1e-9);
}

TEST(SummaryStatistics, IntervalsStopAtTheFeasibleRange) {
    const auto count = summarise({1, 2, 3}, logistics::feasible_range(logistics::KpiUnit::consignments));
    EXPECT_EQ(count.ci95_low, 0) << "a count cannot be negative";
    EXPECT_NEAR(count.ci95_high, 4.4841377118, 1e-9);
    const auto share = summarise({0.9, 1.0, 1.0}, logistics::feasible_range(logistics::KpiUnit::share));
    EXPECT_EQ(share.ci95_high, 1) << "a share cannot exceed 1";
    EXPECT_LT(share.ci95_low, share.mean);
}

TEST(SummaryStatistics, OneReplicationHasAMeanButNoSpread) {
    const auto s = summarise({7}, {0, 1e9});
    EXPECT_EQ(s.mean, 7);
    EXPECT_TRUE(std::isnan(s.sd));
    EXPECT_TRUE(std::isnan(s.ci95_low));
    EXPECT_TRUE(std::isnan(s.ci95_high));
    EXPECT_TRUE(std::isnan(summarise({}, {0, 1}).mean));
}

} // namespace
} // namespace corridor::report
