// CSV and text helpers shared by the report writers.
#include "sim/report/detail/text_files.hpp"

#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <stdexcept>

namespace corridor::report::detail {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

std::string num(double x) { return std::isfinite(x) ? fmt::format("{:.6g}", x) : std::string{}; }

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

} // namespace corridor::report::detail
