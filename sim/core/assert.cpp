// Prints the failed invariant with its place and aborts, so a debugger or core dump stops there.
#include "sim/core/assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace corridor::core {

void assertion_failed(const char* expression, const char* message, const char* file, int line, const char* function) {
    std::fprintf(stderr, "%s:%d: assertion failed: %s (%s) in %s\n", file, line, expression, message, function);
    std::abort();
}

} // namespace corridor::core
