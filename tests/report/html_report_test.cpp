// The HTML report: built from a results folder's files alone, the same bytes every time, and a
// folder that is not whole is refused with every problem named.
#include "sim/report/html_report.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "sim/report/run_writer.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/world.hpp"

namespace corridor::report {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A small run of two replications written as `corridor run` writes it.
fs::path write_tiny_run(const fs::path& where, bool partial = false) {
    const auto world = support::WorldBuilder{}
                           .node("A", "KZ", 43.5, 51.25)
                           .node("M", "KZ", 41.5, 50.25)
                           .border(support::fixed_h(3), 1) // 10 trucks a day at 3 h each: a queue
                           .node("B", "AZ", 40.0, 49.5)
                           .link("AM", "A", "M", network::Mode::road, 200, 50)
                           .link("MB", "M", "B", network::Mode::road, 200, 50)
                           .build();
    auto sc = support::scenario_on(world, 20);
    sc.flows.push_back(support::flow(world, "A", "B", 10));
    std::vector<logistics::RunResult> reps;
    for (std::uint32_t r = 0; r < 2; ++r) reps.push_back(logistics::simulate(world.network, sc, {.replication = r}));
    RunInputs inputs;
    inputs.program_version = "test";
    inputs.scenario_name = "tiny";
    inputs.partial = partial;
    inputs.stop_reason = partial ? "interrupted" : "replications";
    RunDirectory dir{where};
    write_run(dir, inputs, world.network, sc, reps);
    dir.commit();
    return where;
}

std::vector<std::string> problems_of(const fs::path& folder) {
    try {
        (void)report_html(folder);
    } catch (const IncompleteResults& e) {
        return e.problems();
    }
    return {};
}

TEST(HtmlReport, IsBuiltFromTheFilesAloneAndTheSameEveryTime) {
    support::TempDir tmp;
    const auto run = write_tiny_run(tmp / "run");
    const std::string written = read(run / "report.html");
    EXPECT_EQ(report_html(run), written);
    write_report(run);
    EXPECT_EQ(read(run / "report.html"), written);
    for (const char* chart : {R"("map_utilisation":)", R"("map_wait":)", R"("cdf":)", R"("breakdown":)", R"("utilisation":)",
                              R"("queues":)", R"("throughput":)", R"("months":)"}) {
        EXPECT_NE(written.find(chart), std::string::npos) << chart;
    }
    EXPECT_NE(written.find("<h1>tiny</h1>"), std::string::npos);
    EXPECT_NE(written.find("<td>A-B</td>"), std::string::npos) << "the flow's row of headline KPIs";
    EXPECT_EQ(written.find("Partial run"), std::string::npos);
    EXPECT_EQ(written.find("sourceMappingURL"), std::string::npos) << "nothing the page would try to fetch";
    EXPECT_EQ(written.find("</script", written.find("id=\"corridor-specs\">") + 1), written.find("</script>\n<script>\n(function"))
        << "the data cannot end its script element early";
}

TEST(HtmlReport, APartialRunSaysSo) {
    support::TempDir tmp;
    const auto run = write_tiny_run(tmp / "run", true);
    EXPECT_NE(read(run / "report.html").find("Partial run: interrupted (interrupted)"), std::string::npos);
}

TEST(HtmlReport, AFolderThatIsNotWholeIsRefusedWithEveryProblemAndNothingWritten) {
    support::TempDir tmp;
    const auto run = write_tiny_run(tmp / "run");
    fs::remove(run / "report.html");
    fs::remove(run / "flows.csv");
    const auto shipments = read(run / "shipments.csv");
    std::ofstream(run / "shipments.csv", std::ios::binary | std::ios::trunc) << shipments.substr(0, shipments.size() / 2);
    const auto bytes = std::to_string(shipments.size() / 2), whole = std::to_string(shipments.size());
    const std::string dir = run.string();
    EXPECT_EQ(problems_of(run),
              (std::vector<std::string>{dir + "/flows.csv: error: missing (the manifest lists it)",
                                        dir + "/shipments.csv: error: has " + bytes + " bytes where the manifest says " +
                                            whole + " (truncated or changed)",
                                        dir + "/flows.csv: error: missing"}));
    EXPECT_THROW(write_report(run), IncompleteResults);
    EXPECT_FALSE(fs::exists(run / "report.html"));
    EXPECT_EQ(std::distance(fs::directory_iterator(run), fs::directory_iterator{}), 11) << "no temporary file left";
}

TEST(HtmlReport, AFolderOfSomethingElseIsNamedAsSuch) {
    support::TempDir tmp;
    EXPECT_EQ(problems_of(tmp / "none"), (std::vector<std::string>{(tmp / "none").string() + ": error: not a folder"}));
    EXPECT_EQ(problems_of(tmp.path()),
              (std::vector<std::string>{tmp.path().string() +
                                        ": error: not a results folder: no manifest.json (a run), compare.csv (a "
                                        "comparison) or sweep.csv (a sweep)"}));
}

TEST(HtmlReport, ATruncatedTableIsNamedAtItsLine) {
    support::TempDir tmp;
    const auto run = write_tiny_run(tmp / "run");
    // Cut the comparison's table inside its third row: the file no longer ends with a whole row.
    fs::create_directories(tmp / "compare");
    std::ofstream(tmp / "compare" / "compare.csv") << "subject,id,direction,kpi,unit,headline,scenario,reference,mean,"
                                                      "reference_mean,difference,paired_ci95_low,paired_ci95_high,significant\n"
                                                      "flow,A-B,,transit_mean,h,1,b,a,1,2,-1,-2,0,1\nflow,A-B,,thr";
    const auto problems = problems_of(tmp / "compare");
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems.front(), (tmp / "compare" / "compare.csv").string() +
                                    ":3: error: truncated row (the file does not end with a whole row)");
}

} // namespace
} // namespace corridor::report
