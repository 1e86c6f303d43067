// Loading a model from an already parsed (and possibly overridden) YAML document.
#pragma once
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "sim/scenario/detail/yaml_reader.hpp"
#include "sim/scenario/model_loader.hpp"

namespace corridor::scenario::detail {
/// `foreign`: nodes merged in from other files (a scenario's overrides), each with its file, so
/// that a problem in one is reported where it was written.
LoadedModel load_model_node(const YAML::Node& root, const std::string& file,
                            const std::vector<ForeignNode>& foreign = {});
} // namespace corridor::scenario::detail
