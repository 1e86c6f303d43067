// libFuzzer target: `--set PATH=VALUE` settings, one a line, applied to the tiny scenario.
// Only an InputError may come out.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/scenario/scenario_loader.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<corridor::scenario::Setting> settings;
    std::size_t start = 0;
    while (start <= text.size() && settings.size() < 16) {
        const auto end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        const auto eq = line.find('=');
        if (eq != std::string::npos) settings.push_back({line.substr(0, eq), line.substr(eq + 1)});
        start = end + 1;
    }
    try {
        corridor::scenario::load_scenario((corridor::fuzz::scratch() / "tiny.yaml").string(), settings);
    } catch (const corridor::scenario::InputError&) {
    }
    return 0;
}
