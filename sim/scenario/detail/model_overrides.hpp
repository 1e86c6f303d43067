// A scenario's `overrides: {nodes|links|services: {id: {key: value}}}`: model values changed by
// id in the model's YAML document, before the model is checked.
#pragma once
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "sim/scenario/detail/yaml_reader.hpp"

namespace corridor::scenario::detail {

/// Merges `overrides` (read from `overrides_file`) into `model_doc`: a map merges key by key, any
/// other value replaces the model's; `vessel_count` cuts or grows a service's fleet. Problems go
/// to `r`. Every node put into the model is added to `foreign` with its file, so that the
/// model's checks report a problem in it where the scenario wrote it.
void apply_overrides(const YAML::Node& overrides, const std::string& overrides_file, YamlReader& r,
                     YAML::Node& model_doc, std::vector<ForeignNode>& foreign);

} // namespace corridor::scenario::detail
