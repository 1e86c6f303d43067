// Builds a Network from inline model YAML.
#include "tests/support/network_from_yaml.hpp"

#include "sim/scenario/model_loader.hpp"

namespace corridor::support {
network::Network network_from_yaml(const std::string& yaml) {
    return network::Network::build(scenario::load_model_text(yaml, "inline.yaml").spec);
}
} // namespace corridor::support
