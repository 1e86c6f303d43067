// The scenario schema (scenarios/README.md): a scenario document merged over the files it
// extends, with --set settings applied (detail/scenario_document), read by detail::ScenarioReader.
#include "sim/scenario/scenario_loader.hpp"

#include <filesystem>
#include <set>

#include "sim/scenario/detail/scenario_document.hpp"
#include "sim/scenario/detail/scenario_reader.hpp"
#include "sim/scenario/detail/yaml_reader.hpp"
#include "sim/scenario/model_loader.hpp"

namespace corridor::scenario {

LoadedScenario load_scenario(const std::string& path) { return load_scenario(path, {}); }

bool is_scenario_file(const std::string& path) {
    try {
        std::vector<Diagnostic> ignored;
        const auto root = detail::parse_yaml(read_text_file(path), path, ignored);
        if (!root || !root->IsMap()) return false;
        const YAML::Node& doc = *root; // const: a lookup must not add the key
        return doc["model"] || doc["extends"];
    } catch (const InputError&) {
        return false;
    }
}

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
