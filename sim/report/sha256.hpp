// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex: input fingerprints in manifests.
#pragma once
#include <string>
#include <string_view>

namespace corridor::report {
std::string sha256_hex(std::string_view bytes);
} // namespace corridor::report
