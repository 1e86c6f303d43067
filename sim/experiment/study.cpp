// A study of one scenario: warm-up, replications, and what the manifest says of them.
#include "sim/experiment/study.hpp"

#include <algorithm>

#include "sim/experiment/mser.hpp"
#include "sim/logistics/simulate.hpp"

namespace corridor::experiment {

std::vector<double> daily_throughput(const logistics::RunResult& result) {
    std::vector<double> series;
    series.reserve(result.daily.size());
    for (const auto& point : result.daily) {
        double total = 0;
        for (const auto units : point.delivered) total += units.value();
        series.push_back(total);
    }
    return series;
}

Study run_study(const network::Network& network, logistics::Scenario scenario, const StudyOptions& options) {
    Study study;
    study.warmup_method = "scenario";
    if (options.auto_warmup) {
        logistics::Scenario pilot = scenario;
        pilot.warmup = core::Duration{0};
        logistics::RunConfig config;
        config.keep_shipments = false;
        const auto result = logistics::simulate(network, pilot, config);
        const auto days = mser5_truncation(daily_throughput(result));
        scenario.warmup = std::min(core::Duration{static_cast<std::int64_t>(days) * 86400}, scenario.horizon / 2);
        study.warmup_method = "MSER-5 on daily units delivered, pilot replication 0";
    }
    auto reps_options = options.replications;
    reps_options.replications = scenario.replications;
    study.reps = run_replications(network, scenario, reps_options);
    scenario.replications = static_cast<std::uint32_t>(study.reps.results.size());
    for (const auto& r : study.reps.results) {
        study.mser5_days.push_back(static_cast<double>(mser5_truncation(daily_throughput(r))));
    }
    study.precision_target = reps_options.relative_precision;
    study.precision_reached = worst_relative_half_width(study.reps.results);
    study.scenario = std::move(scenario);
    return study;
}

} // namespace corridor::experiment
