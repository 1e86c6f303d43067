// Reproducible random streams. One seed per run; a stream per (replication, component) is
// derived from it, so that two scenarios compared with common random numbers draw the same
// numbers for the same component (a border's dwell, a flow's arrivals, a sea area's weather).
#pragma once
#include <cstdint>
#include <string_view>

namespace corridor::core {

/// SplitMix64 finaliser: a bijective mix of 64 bits (Steele, Lea & Flood 2014).
constexpr std::uint64_t mix64(std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31U);
}

/// FNV-1a of a component's name: stable across runs, platforms and model edits that do not
/// rename the component (an index would shift when an unrelated component is added).
constexpr std::uint64_t component_key(std::string_view name) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : name) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

/// xoshiro256++ (Blackman & Vigna 2019): fast, 256-bit state, output fixed by the seed on
/// every platform. Seeded through SplitMix64 so nearby seeds give unrelated streams.
class RandomStream {
public:
    explicit RandomStream(std::uint64_t seed) {
        for (auto& word : state_) {
            word = mix64(seed); // mix64 adds the golden-ratio increment itself
            seed += 0x9e3779b97f4a7c15ULL;
        }
    }

    /// A stream with the given raw state (test vectors of the reference implementation).
    static RandomStream from_state(std::uint64_t s0, std::uint64_t s1, std::uint64_t s2,
                                   std::uint64_t s3) {
        RandomStream stream{0};
        stream.state_[0] = s0;
        stream.state_[1] = s1;
        stream.state_[2] = s2;
        stream.state_[3] = s3;
        return stream;
    }

    /// The stream of one component in one replication of a run with seed `run_seed`.
    static RandomStream for_component(std::uint64_t run_seed, std::uint32_t replication,
                                      std::uint64_t component) {
        const std::uint64_t per_replication = mix64(run_seed) ^ mix64(0x632be59bd9b4e019ULL + replication);
        return RandomStream{mix64(per_replication ^ component)};
    }

    std::uint64_t next_u64() {
        const std::uint64_t result = rotl(state_[0] + state_[3], 23) + state_[0];
        const std::uint64_t t = state_[1] << 17U;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    /// Uniform on [0, 1) with 53 random bits.
    double uniform01() { return static_cast<double>(next_u64() >> 11U) * 0x1.0p-53; }

    /// Uniform on (0, 1): safe for log() and inverse CDFs.
    double uniform_open01() {
        return (static_cast<double>(next_u64() >> 11U) + 0.5) * 0x1.0p-53;
    }

    /// Uniform integer in [0, n), without modulo bias (Lemire 2019). Precondition: n > 0.
    std::uint64_t below(std::uint64_t n);

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, unsigned k) {
        return (x << k) | (x >> (64U - k));
    }
    std::uint64_t state_[4]{};
};

} // namespace corridor::core
