// The model schema (models/README.md): a model file read (within the size limit), parsed and
// handed to detail::ModelReader.
#include "sim/scenario/model_loader.hpp"

#include <fstream>
#include <sstream>

#include "sim/scenario/detail/model_node.hpp"
#include "sim/scenario/detail/model_reader.hpp"
#include "sim/scenario/detail/yaml_reader.hpp"

namespace corridor::scenario {

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError({file_error(path, "cannot open the file")});
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size > static_cast<std::streamoff>(detail::kMaxFileBytes)) {
        throw InputError({detail::file_too_large(path, static_cast<std::uintmax_t>(size))});
    }
    in.seekg(0);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
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
