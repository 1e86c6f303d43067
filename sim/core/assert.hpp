// SIM_ASSERT: a broken invariant is a bug in our code, not bad input. On in Debug, dev and ci builds.
#pragma once
#include <source_location>

namespace corridor::core {
[[noreturn]] void assertion_failed(const char* expression, const char* message,
                                   std::source_location where = std::source_location::current());
} // namespace corridor::core

#if !defined(NDEBUG) || defined(SIM_ENABLE_ASSERTS)
#define SIM_ASSERT(condition, message)                                                             \
    ((condition) ? static_cast<void>(0) : ::corridor::core::assertion_failed(#condition, message))
#else
#define SIM_ASSERT(condition, message) static_cast<void>(0)
#endif
