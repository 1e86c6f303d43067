// libFuzzer target: any text as a scenario file beside the tiny fixtures, so that `extends:`,
// `model:` and `overrides:` reach real files. Only an InputError may come out.
#include <cstdint>

#include "sim/scenario/scenario_loader.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = corridor::fuzz::write_input(data, size, "fuzzed_scenario.yaml");
    try {
        corridor::scenario::load_scenario(path);
    } catch (const corridor::scenario::InputError&) {
    }
    return 0;
}
