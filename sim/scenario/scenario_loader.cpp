// The scenario schema (scenarios/README.md): a scenario document merged over the files it
// extends, with --set settings applied (detail/scenario_document), read by detail::ScenarioReader.
#include "sim/scenario/scenario_loader.hpp"

#include <filesystem>
#include <set>

#include "sim/scenario/detail/scenario_document.hpp"
#include "sim/scenario/detail/scenario_reader.hpp"

namespace corridor::scenario {

LoadedScenario load_scenario(const std::string& path) { return load_scenario(path, {}); }

std::vector<std::vector<Setting>> grid(const std::vector<Axis>& axes) {
    std::vector<std::vector<Setting>> points{{}};
    for (const auto& axis : axes) {
        std::vector<std::vector<Setting>> next;
        for (const auto& point : points) {
            for (const auto& value : axis.values) {
                auto extended = point;
                extended.push_back({axis.path, value});
                next.push_back(std::move(extended));
            }
        }
        points = std::move(next);
    }
    return points;
}

LoadedScenario load_scenario(const std::string& path, const std::vector<Setting>& settings) {
    detail::MergedScenario merged;
    std::vector<Diagnostic> problems;
    std::set<std::string> seen;
    if (!std::filesystem::exists(path)) {
        throw InputError({file_error(path, "cannot open the file")});
    }
    detail::merge_scenario_file(path, merged, problems, seen, 0);
    if (!problems.empty()) {
        bool errors = false;
        for (const auto& d : problems) errors |= d.severity == Severity::error;
        if (errors) throw InputError(problems);
    }
    detail::apply_settings(merged, settings);
    return detail::ScenarioReader{merged}.read();
}

} // namespace corridor::scenario
