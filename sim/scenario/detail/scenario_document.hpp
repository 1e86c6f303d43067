// A scenario document as read: its own top-level keys merged over those of the files it
// `extends` (the extending file wins, key by key), each key with the file it came from; and the
// command line's `--set` settings applied on top.
#pragma once
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "sim/scenario/detail/yaml_reader.hpp"
#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace corridor::scenario::detail {

// Each top-level key with the file it came from; the files in the order read (the first is the
// one asked for).
struct MergedScenario {
    std::map<std::string, std::pair<YAML::Node, std::string>> keys;
    std::vector<std::string> files;
    YAML::Node first_root;
    std::string first_file;
    /// The keys and values that `--set` put into the document, each positioned at
    /// --set:<which setting, from 1>:<column in PATH=VALUE>, so that a problem in one is reported there.
    std::vector<ForeignNode> set_nodes;
};

/// Reads `path` and, first, the files it extends (up to 16 deep; a cycle is an error), into `out`.
/// Problems go to `problems`; `seen` holds the files read so far.
void merge_scenario_file(const std::string& path, MergedScenario& out, std::vector<Diagnostic>& problems,
                         std::set<std::string>& seen, int depth);

/// Applies command-line settings (scenario_loader.hpp, Setting); throws InputError on "--set".
void apply_settings(MergedScenario& merged, const std::vector<Setting>& settings);

} // namespace corridor::scenario::detail
