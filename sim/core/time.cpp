// Formatting of simulation time for messages.
#include "sim/core/time.hpp"

#include <cstdio>

namespace corridor::core {

std::string to_string(SimTime t) {
    std::int64_t s = t.seconds();
    const char* sign = "";
    if (s < 0) {
        sign = "-";
        s = -s;
    }
    const std::int64_t days = s / 86400;
    const std::int64_t rest = s % 86400;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%sd%lld %02lld:%02lld:%02lld", sign,
                  static_cast<long long>(days), static_cast<long long>(rest / 3600),
                  static_cast<long long>(rest % 3600 / 60), static_cast<long long>(rest % 60));
    return buffer;
}

} // namespace corridor::core
