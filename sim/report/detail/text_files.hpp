// Writing a small text file (a JSON document) whole.
#pragma once
#include <filesystem>
#include <string>

namespace corridor::report::detail {

/// Writes `text` to `path`; throws std::runtime_error naming the file and the cause if it cannot.
void write_text(const std::filesystem::path& path, const std::string& text);

} // namespace corridor::report::detail
