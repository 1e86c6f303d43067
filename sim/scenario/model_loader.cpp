// The model schema (models/README.md): a model file read (within the size limit), parsed and
// handed to detail::ModelReader.
#include "sim/scenario/model_loader.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "sim/scenario/detail/model_node.hpp"
#include "sim/scenario/detail/model_reader.hpp"
#include "sim/scenario/detail/yaml_reader.hpp"

namespace corridor::scenario {

std::optional<std::string> input_file_problem(const std::string& path) {
    // Regular files only: a device (/dev/zero) reports size 0 and never ends, and opening a FIFO
    // waits for a writer, so look before opening.
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) return "cannot be looked at: " + ec.message();
    if (!std::filesystem::exists(status)) return std::string("does not exist");
    if (std::filesystem::is_directory(status)) return std::string("is a folder, expected a YAML file");
    if (!std::filesystem::is_regular_file(status)) {
        return std::string("is not a regular file (a device, pipe or socket), expected a YAML file");
    }
    return std::nullopt;
}

std::string read_text_file(const std::string& path) {
    if (const auto problem = input_file_problem(path)) throw InputError({file_error(path, *problem)});
    std::error_code ec;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError({file_error(path, std::string("cannot open the file: ") + std::strerror(errno))});
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > detail::kMaxFileBytes) throw InputError({detail::file_too_large(path, size)});
    // Read in blocks and stop one byte beyond the limit, so a file that grows while it is read
    // cannot make us read without end.
    std::string text;
    text.reserve(ec ? 0 : static_cast<std::size_t>(size));
    std::array<char, 1U << 16U> block{};
    while (in && text.size() <= detail::kMaxFileBytes) {
        in.read(block.data(), block.size());
        text.append(block.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (text.size() > detail::kMaxFileBytes) throw InputError({detail::file_too_large(path, text.size())});
    return text;
}

LoadedModel load_model_text(const std::string& text, const std::string& file) {
    std::vector<Diagnostic> parse_problems;
    const auto root = detail::parse_yaml(text, file, parse_problems);
    if (!root) throw InputError(parse_problems);
    return detail::ModelReader{file}.read(*root);
}

namespace detail {
LoadedModel load_model_node(const YAML::Node& root, const std::string& file, const std::vector<ForeignNode>& foreign) {
    ModelReader reader{file};
    reader.set_foreign(foreign);
    return reader.read(root);
}
} // namespace detail

LoadedModel load_model(const std::string& path) { return load_model_text(read_text_file(path), path); }

} // namespace corridor::scenario
