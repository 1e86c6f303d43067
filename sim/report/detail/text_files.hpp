// Small helpers the report writers share: CSV quoting, number formatting, writing a file whole.
#pragma once
#include <filesystem>
#include <string>

#include "sim/core/units.hpp"

namespace corridor::report::detail {

/// The field quoted if it holds a comma, a quote or a newline (RFC 4180).
std::string csv_field(const std::string& text);
/// Six significant digits; empty for NaN and infinities (an empty CSV cell).
std::string num(double x);
/// The same for a quantity, in its unit.
template <class Quantity>
std::string num(Quantity q) {
    return num(static_cast<double>(core::magnitude(q)));
}
/// Writes `text` to `path`; throws std::runtime_error if it cannot.
void write_text(const std::filesystem::path& path, const std::string& text);

} // namespace corridor::report::detail
