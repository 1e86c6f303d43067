// Tiny inline networks for behaviour tests, written in the model YAML users write.
#pragma once
#include <string>

#include "sim/network/network.hpp"

namespace corridor::support {
/// Loads `yaml` as a model (file name "inline.yaml") and builds it; throws on any error.
network::Network network_from_yaml(const std::string& yaml);
} // namespace corridor::support
