// Indices into the simulation's entity vectors, and the value that means "none".
#pragma once
#include <cstdint>
#include <limits>

namespace corridor::logistics::detail {

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

} // namespace corridor::logistics::detail
