// Prints the failed invariant with its place and aborts, so a debugger or core dump stops there.
#include "sim/core/assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace corridor::core {

void assertion_failed(const char* expression, const char* message, std::source_location where) {
    std::fprintf(stderr, "%s:%u: assertion failed: %s (%s) in %s\n", where.file_name(),
                 static_cast<unsigned>(where.line()), expression, message, where.function_name());
    std::abort();
}

} // namespace corridor::core
