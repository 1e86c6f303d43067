// SIM_TEST_SEED lets a developer re-run the statistical tests on other seeds.
#include "tests/support/seed.hpp"

#include <cstdlib>
#include <string>

namespace corridor::support {
std::uint64_t test_seed(std::uint64_t fixed) {
    if (const char* text = std::getenv("SIM_TEST_SEED")) {
        return std::stoull(text);
    }
    return fixed;
}
} // namespace corridor::support
