// Loading a model from an already parsed (and possibly overridden) YAML document.
#pragma once
#include <string>
#include <yaml-cpp/yaml.h>

#include "sim/scenario/model_loader.hpp"

namespace corridor::scenario::detail {
LoadedModel load_model_node(const YAML::Node& root, const std::string& file);
} // namespace corridor::scenario::detail
