// Writing a small text file whole.
#include "sim/report/detail/text_files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "sim/report/output_error.hpp"

namespace corridor::report::detail {

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    const bool written = file != nullptr && std::fwrite(text.data(), 1, text.size(), file) == text.size();
    const int error = errno;
    if (file != nullptr && std::fclose(file) != 0 && written) {
        throw OutputError("cannot write " + path.string() + ": " + std::strerror(errno));
    }
    if (!written) throw OutputError("cannot write " + path.string() + ": " + std::strerror(error));
}

} // namespace corridor::report::detail
