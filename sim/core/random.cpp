// Bounded integers from a random stream.
#include "sim/core/random.hpp"

#include "sim/core/assert.hpp"

namespace corridor::core {

namespace {
__extension__ using U128 = unsigned __int128;
} // namespace

std::uint64_t RandomStream::below(std::uint64_t n) {
    SIM_ASSERT(n > 0, "below(0) has no value");
    // Lemire's multiply-shift with rejection of the biased low range.
    U128 m = static_cast<U128>(next_u64()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = static_cast<U128>(next_u64()) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64U);
}

} // namespace corridor::core
