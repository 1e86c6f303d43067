// Reading a scenario file with the files it extends, and applying `--set` settings to it.
#include "sim/scenario/detail/scenario_document.hpp"

#include <algorithm>
#include <filesystem>
#include <utility>

#include "sim/scenario/detail/yaml_reader.hpp"
#include "sim/scenario/model_loader.hpp"

namespace corridor::scenario::detail {

namespace {

constexpr int kMaxExtendsDepth = 16;

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
    std::error_code ec;
    seen.insert(fs::weakly_canonical(path, ec).string());
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
            if (const auto problem = input_file_problem(base_path.string())) {
                r.error(base, "'extends' names '" + base.Scalar() + "', which " + *problem + " (looked for " + base_path.string() + ")");
            } else if (seen.count(fs::weakly_canonical(base_path, ec).string()) > 0) {
                r.error(base, "'extends' names '" + base.Scalar() + "', which is this file or extends it: a cycle");
            } else if (depth >= kMaxExtendsDepth) {
                r.error(base, "'extends' chains more than " + std::to_string(kMaxExtendsDepth) + " files");
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

namespace {

// A node parsed from `text` as if it stood at line `line`, column `column` (both from 1) of a
// document, so that its mark (and any problem in it) points there.
YAML::Node positioned(const std::string& text, int line, int column) {
    return YAML::Load(std::string(static_cast<std::size_t>(line - 1), '\n') +
                      std::string(static_cast<std::size_t>(column - 1), ' ') + text);
}

// Builds one setting into the document: its keys and value positioned in "PATH=VALUE".
class SettingWriter {
public:
    struct TooLarge {}; // the scenario's value at the path is too large to walk (aliases)
    SettingWriter(MergedScenario& merged, const Setting& s, int index) : merged_{merged}, s_{s}, line_{index + 1} {}

    // The document's node for a top-level key, changed in place: the files were parsed for this
    // load alone, and a copy (YAML::Clone) would drop the marks every other problem is reported at.
    YAML::Node top(const std::string& key) {
        auto it = merged_.keys.find(key);
        if (it == merged_.keys.end()) {
            it = merged_.keys.emplace(key, std::pair{YAML::Node(YAML::NodeType::Map), std::string("--set")}).first;
        } else if (!tree_within(it->second.first, kMaxTreeNodes)) {
            throw TooLarge{};
        }
        return it->second.first;
    }
    // The child `key` of `map`, created as a map if absent, its key at `column`.
    YAML::Node child(YAML::Node map, const std::string& key, int column) {
        // Const lookups: a mutable one would leave an undefined entry behind (see put).
        if (YAML::Node existing = std::as_const(map)[key]; existing.IsDefined() && existing.IsMap()) return existing;
        YAML::Node created(YAML::NodeType::Map);
        put(map, key, column, created);
        return created;
    }
    // Sets `key` of `map` to `value`, the key positioned at `column`.
    void put(YAML::Node map, const std::string& key, int column, const YAML::Node& value) {
        if (std::as_const(map)[key].IsDefined()) map.remove(key);
        const YAML::Node k = positioned(key, line_, column);
        map.force_insert(k, value);
        merged_.set_nodes.push_back({k, "--set"});
    }
    // The column of the path's part `i` in PATH=VALUE.
    [[nodiscard]] static int column_of(const std::vector<std::string>& parts, std::size_t i) {
        std::size_t column = 1;
        for (std::size_t k = 0; k < i; ++k) column += parts[k].size() + 1;
        return static_cast<int>(column);
    }
    // The value, parsed as YAML (a number, a word, or a flow map or list), positioned after '='.
    YAML::Node value() {
        YAML::Node v = positioned(s_.value, line_, static_cast<int>(s_.path.size()) + 2);
        mark(v);
        return v;
    }

private:
    void mark(const YAML::Node& node) {
        merged_.set_nodes.push_back({node, "--set"});
        if (node.IsMap()) {
            for (const auto& kv : node) {
                mark(kv.first);
                mark(kv.second);
            }
        } else if (node.IsSequence()) {
            for (const auto& item : node) mark(item);
        }
    }
    MergedScenario& merged_;
    const Setting& s_;
    int line_;
};

} // namespace

// Applies command-line settings to the merged scenario document.
void apply_settings(MergedScenario& merged, const std::vector<Setting>& settings) {
    std::vector<Diagnostic> problems;
    for (std::size_t index = 0; index < settings.size(); ++index) {
        const Setting& s = settings[index];
        const int line = static_cast<int>(index) + 1;
        auto problem = [&](int column, const std::string& message) {
            problems.push_back({{"--set", line, column}, Severity::error, s.path + "=" + s.value + ": " + message});
        };
        const auto parts = split_path(s.path);
        if (std::find(parts.begin(), parts.end(), "") != parts.end()) {
            problem(1, "a part of the path is empty (two dots, or a dot at an end)");
            continue;
        }
        SettingWriter w{merged, s, static_cast<int>(index)};
        YAML::Node value;
        try {
            value = w.value();
        } catch (const YAML::Exception& e) {
            problem(static_cast<int>(s.path.size()) + 2, "the value is not a YAML value: " + e.msg);
            continue;
        }
        if (!value.IsDefined() || value.IsNull()) {
            problem(static_cast<int>(s.path.size()) + 2, "expected a value after '='");
            continue;
        }
        const std::string& head = parts.front();
        const auto col = [&](std::size_t i) { return SettingWriter::column_of(parts, i); };
        try {
            if (head == "nodes" || head == "links" || head == "services") {
                if (parts.size() < 3) {
                    problem(1, "expected " + head + ".<id>.<key>");
                    continue;
                }
                YAML::Node at = w.child(w.top("overrides"), head, col(0));
                // reset() rebinds `at`; `at = ...` would assign into the node it stands for (yaml-cpp's
                // Node has reference semantics): the bug that once dropped paths of four parts.
                for (std::size_t i = 1; i + 1 < parts.size(); ++i) at.reset(w.child(at, parts[i], col(i)));
                w.put(at, parts.back(), col(parts.size() - 1), value);
            } else if (head == "vessels") {
                // The fleet size by its service, as planners say it: vessels.<service>.count.
                if (parts.size() != 3 || parts[2] != "count") {
                    problem(1, "expected vessels.<service id>.count");
                    continue;
                }
                YAML::Node services = w.child(w.top("overrides"), "services", col(0));
                w.put(w.child(services, parts[1], col(1)), "vessel_count", col(2), value);
            } else if (head == "weather") {
                if (parts.size() != 3 || (parts[2] != "storm_share" && parts[2] != "mean_storm_h")) {
                    problem(1, "expected weather.<area>.storm_share or weather.<area>.mean_storm_h");
                    continue;
                }
                YAML::Node area = w.child(w.top("weather"), parts[1], col(1));
                YAML::Node all_year = w.child(area, "all_year", col(2));
                w.put(all_year, parts[2], col(2), value);
                if (!all_year["mean_storm_h"]) all_year["mean_storm_h"] = 24;
                if (!all_year["storm_share"]) all_year["storm_share"] = 0;
                if (YAML::Node months = area["months"]; months && months.IsMap()) {
                    for (auto month : months) {
                        if (month.second.IsMap()) w.put(month.second, parts[2], col(2), value);
                    }
                }
            } else if (head == "demand") {
                if (parts.size() != 3) {
                    problem(1, "expected demand.<flow id>.<key>");
                    continue;
                }
                YAML::Node demand = w.top("demand");
                bool found = false;
                if (demand.IsSequence()) {
                    for (auto flow : demand) {
                        if (flow.IsMap() && flow["id"] && flow["id"].Scalar() == parts[1]) {
                            w.put(flow, parts[2], col(2), value);
                            found = true;
                        }
                    }
                }
                if (!found) problem(col(1), "the scenario has no flow '" + parts[1] + "'");
            } else if (parts.size() == 1 && (head == "horizon_days" || head == "warmup_days" || head == "seed" ||
                                             head == "replications" || head == "start_date")) {
                merged.keys[head] = {value, "--set"};
            } else {
                problem(1, "unknown setting; expected nodes|links|services.<id>.<key>, vessels.<service>.count, "
                           "weather.<area>.<key>, demand.<flow>.<key>, or horizon_days, warmup_days, seed, "
                           "replications, start_date");
            }
        } catch (const SettingWriter::TooLarge&) {
            problem(1, "the scenario's '" + head + "' holds more than " + std::to_string(kMaxTreeNodes) +
                           " values, counting each use of an alias: too large to change");
        } catch (const YAML::Exception&) {
            // The scenario's own value there is not a map (a list or a word): nothing to set into.
            problem(1, "the scenario's '" + head + "' is not a map of ids, so this path cannot be set in it");
        }
    }
    if (!problems.empty()) throw InputError(problems);
}

} // namespace corridor::scenario::detail
