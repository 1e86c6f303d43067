// libFuzzer target: any text as a model file. An InputError is the expected answer to bad input;
// any other exception, a crash, a sanitizer report or a hang is a finding.
#include <cstdint>
#include <string>

#include "sim/network/network.hpp"
#include "sim/scenario/model_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const auto model = corridor::scenario::load_model_text(text, "fuzz.yaml");
        corridor::network::Network::build(model.spec);
    } catch (const corridor::scenario::InputError&) {
    }
    return 0;
}
