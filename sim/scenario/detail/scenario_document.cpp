// Reading a scenario file with the files it extends, and applying `--set` settings to it.
#include "sim/scenario/detail/scenario_document.hpp"

#include <filesystem>

#include "sim/scenario/detail/yaml_reader.hpp"
#include "sim/scenario/model_loader.hpp"

namespace corridor::scenario::detail {

namespace {

namespace fs = std::filesystem;

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto dot = path.find('.', start);
        parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return parts;
}

} // namespace

void merge_scenario_file(const std::string& path, MergedScenario& out, std::vector<Diagnostic>& problems,
                         std::set<std::string>& seen, int depth) {
    const std::string canonical = fs::weakly_canonical(path).string();
    if (!seen.insert(canonical).second || depth > 16) {
        problems.push_back(file_error(path, "'extends' forms a cycle through this file"));
        return;
    }
    std::string text;
    try {
        text = read_text_file(path);
    } catch (const InputError& e) {
        problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        return;
    }
    const auto root = detail::parse_yaml(text, path, problems);
    if (!root) return;
    YamlReader r{path};
    if (!r.expect_map(*root, "the scenario")) {
        problems.insert(problems.end(), r.diagnostics().begin(), r.diagnostics().end());
        return;
    }
    if (out.files.empty()) {
        out.first_root = *root;
        out.first_file = path;
    }
    out.files.push_back(path);
    if (const YAML::Node base = (*root)["extends"]) {
        if (!base.IsScalar()) {
            r.error(base, "'extends' must be the path of another scenario file");
        } else {
            const fs::path base_path = fs::path(path).parent_path() / base.Scalar();
            if (!fs::exists(base_path)) {
                r.error(base, "'extends' names '" + base.Scalar() + "', which does not exist (looked for " + base_path.string() + ")");
            } else {
                merge_scenario_file(base_path.string(), out, problems, seen, depth + 1);
            }
        }
    }
    problems.insert(problems.end(), r.diagnostics().begin(), r.diagnostics().end());
    // This file's keys win over the files it extends (those were merged first, just above).
    for (const auto& entry : *root) {
        if (entry.first.IsScalar() && entry.first.Scalar() != "extends") {
            out.keys[entry.first.Scalar()] = {entry.second, path};
        }
    }
}

// Applies command-line settings to the merged scenario document.
void apply_settings(MergedScenario& merged, const std::vector<Setting>& settings) {
    std::vector<Diagnostic> problems;
    auto problem = [&](const Setting& s, const std::string& message) {
        problems.push_back(file_error("--set", s.path + "=" + s.value + ": " + message));
    };
    auto key_node = [&](const std::string& key) -> YAML::Node {
        auto it = merged.keys.find(key);
        if (it == merged.keys.end()) {
            merged.keys[key] = {YAML::Node(YAML::NodeType::Map), "--set"};
        } else {
            it->second.first = YAML::Clone(it->second.first);
        }
        return merged.keys[key].first;
    };
    for (const auto& s : settings) {
        const auto parts = split_path(s.path);
        const std::string& head = parts.front();
        const YAML::Node value(s.value);
        if (head == "nodes" || head == "links" || head == "services") {
            if (parts.size() < 3) {
                problem(s, "expected " + head + ".<id>.<key>");
                continue;
            }
            YAML::Node overrides = key_node("overrides");
            YAML::Node at = overrides[head][parts[1]];
            for (std::size_t i = 2; i + 1 < parts.size(); ++i) at = at[parts[i]];
            at[parts.back()] = value;
        } else if (head == "vessels") {
            // The fleet size by its service, as planners say it: vessels.<service>.count.
            if (parts.size() != 3 || parts[2] != "count") {
                problem(s, "expected vessels.<service id>.count");
                continue;
            }
            key_node("overrides")["services"][parts[1]]["vessel_count"] = value;
        } else if (head == "weather") {
            if (parts.size() != 3 || (parts[2] != "storm_share" && parts[2] != "mean_storm_h")) {
                problem(s, "expected weather.<area>.storm_share or weather.<area>.mean_storm_h");
                continue;
            }
            YAML::Node weather = key_node("weather");
            YAML::Node area = weather[parts[1]];
            if (!area["all_year"]) area["all_year"] = YAML::Node(YAML::NodeType::Map);
            area["all_year"][parts[2]] = value;
            if (!area["all_year"]["mean_storm_h"]) area["all_year"]["mean_storm_h"] = 24;
            if (!area["all_year"]["storm_share"]) area["all_year"]["storm_share"] = 0;
            if (YAML::Node months = area["months"]) {
                for (auto month : months) month.second[parts[2]] = value;
            }
        } else if (head == "demand") {
            if (parts.size() != 3) {
                problem(s, "expected demand.<flow id>.<key>");
                continue;
            }
            YAML::Node demand = key_node("demand");
            bool found = false;
            if (demand.IsSequence()) {
                for (auto flow : demand) {
                    if (flow.IsMap() && flow["id"] && flow["id"].Scalar() == parts[1]) {
                        flow[parts[2]] = value;
                        found = true;
                    }
                }
            }
            if (!found) problem(s, "the scenario has no flow '" + parts[1] + "'");
        } else if (parts.size() == 1 && (head == "horizon_days" || head == "warmup_days" || head == "seed" ||
                                         head == "replications" || head == "start_date")) {
            merged.keys[head] = {value, "--set"};
        } else {
            problem(s, "unknown setting; expected nodes|links|services.<id>.<key>, vessels.<service>.count, weather.<area>.<key>, "
                       "demand.<flow>.<key>, or horizon_days, warmup_days, seed, replications, start_date");
        }
    }
    if (!problems.empty()) throw InputError(problems);
}

} // namespace corridor::scenario::detail
