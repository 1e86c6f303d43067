// SIM_ASSERT: a broken invariant is a bug in our code, not bad input. On in Debug, dev and ci builds.
#pragma once

namespace corridor::core {
/// Where the failed assertion stands is filled in by the compiler (GCC's and Clang's builtins, as
/// std::source_location does, which Clang 14's tools cannot read with libstdc++ 12).
[[noreturn]] void assertion_failed(const char* expression, const char* message, const char* file = __builtin_FILE(),
                                   int line = __builtin_LINE(), const char* function = __builtin_FUNCTION());
} // namespace corridor::core

#if !defined(NDEBUG) || defined(SIM_ENABLE_ASSERTS)
#define SIM_ASSERT(condition, message)                                                             \
    ((condition) ? static_cast<void>(0) : ::corridor::core::assertion_failed(#condition, message))
#else
#define SIM_ASSERT(condition, message) static_cast<void>(0)
#endif
