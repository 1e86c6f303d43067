// Loading a network model (models/*.yaml) into a NetworkSpec, with every problem reported.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sim/logistics/service.hpp"
#include "sim/network/network.hpp"
#include "sim/scenario/diagnostics.hpp"

namespace corridor::scenario {

struct LoadedModel {
    network::NetworkSpec spec;
    std::vector<logistics::ServiceSpec> services;
    std::vector<Diagnostic> warnings; // e.g. figures with neither source nor assumption
};

/// Reads and checks the model file at `path`. Throws InputError with all problems found.
LoadedModel load_model(const std::string& path);

/// The same from text; `file` names it in diagnostics (tests give inline YAML).
LoadedModel load_model_text(const std::string& text, const std::string& file);

/// Why `path` cannot be read as an input file ("does not exist", "is a folder", "is not a
/// regular file ..."), or nothing when it is a regular file.
std::optional<std::string> input_file_problem(const std::string& path);

/// Reads a whole regular file of at most detail::kMaxFileBytes; throws InputError if it cannot.
std::string read_text_file(const std::string& path);

} // namespace corridor::scenario
