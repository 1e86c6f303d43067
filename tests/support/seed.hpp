// The seed statistical tests use: fixed, overridable with SIM_TEST_SEED to explore others.
#pragma once
#include <cstdint>

namespace corridor::support {
std::uint64_t test_seed(std::uint64_t fixed = 20261127);
} // namespace corridor::support
