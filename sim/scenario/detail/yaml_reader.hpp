// The only code that sees yaml-cpp types: typed reads from YAML nodes that record a diagnostic
// (file:line:column, expected and found) instead of throwing, so a file reports every problem.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "sim/core/distributions.hpp"
#include "sim/scenario/detail/ranges.hpp"
#include "sim/scenario/diagnostics.hpp"

namespace corridor::scenario::detail {

/// Reads a file (at most kMaxFileBytes, valid UTF-8) and parses it; a problem becomes a
/// diagnostic and the result is nullopt.
std::optional<YAML::Node> parse_yaml(const std::string& text, const std::string& file,
                                     std::vector<Diagnostic>& out);

/// A node of a document that came from another file (a scenario's override merged into a model).
struct ForeignNode {
    YAML::Node node;
    std::string file;
};

inline constexpr std::size_t kMaxFileBytes = 256U << 20U; // a 10^5-node model is about 70 MB

/// A node as a message shows it: a scalar quoted (its first 60 characters, and its length when
/// longer), else what it is ("a list", "a map", "nothing").
std::string describe(const YAML::Node& node);

/// "from 1 to 1200 km/h", "greater than 0 and at most 20000 km".
std::string describe(const Range& range);
/// Whether `name` is a distribution's kind (lognormal, exponential, ...).
bool is_distribution_kind(const std::string& name);

/// "file is N bytes; the limit is kMaxFileBytes bytes", for the whole file.
Diagnostic file_too_large(const std::string& file, std::uintmax_t bytes);
inline constexpr std::size_t kMaxDiagnostics = 200;

/// Whether a tree has at most `limit` nodes, each use of an alias counted again (an "alias bomb"
/// of a few lines has billions): checked before walking or copying a whole subtree.
bool tree_within(const YAML::Node& node, std::size_t limit);
inline constexpr std::size_t kMaxTreeNodes = 1000000;

class YamlReader {
public:
    explicit YamlReader(std::string file) : file_{std::move(file)} {}
    /// The file that nodes read from now on come from (scenarios merge several files).
    void set_file(std::string file) { file_ = std::move(file); }
    /// Nodes that come from other files: where() names their file instead.
    void set_foreign(std::vector<ForeignNode> foreign) { foreign_ = std::move(foreign); }

    [[nodiscard]] SourceLocation where(const YAML::Node& node) const;
    void error(const YAML::Node& node, std::string message);
    void warning(const YAML::Node& node, std::string message);
    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
    [[nodiscard]] const std::string& file() const { return file_; }

    /// Is `node` a map? Reports "expected a map (what)" otherwise.
    bool expect_map(const YAML::Node& node, std::string_view what);
    bool expect_sequence(const YAML::Node& node, std::string_view what);
    /// Reports every key of `map` not in `allowed`, with a did-you-mean.
    void check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, std::string_view what);

    /// A non-empty text of at most kMaxTextLength characters.
    std::optional<std::string> text(const YAML::Node& map, const char* key, bool required);
    static constexpr std::size_t kMaxTextLength = 10000;
    /// The required `id` of an item: a non-empty text of at most kMaxIdLength characters, no line
    /// breaks (ids name rows of the result files).
    std::optional<std::string> id(const YAML::Node& map);
    static constexpr std::size_t kMaxIdLength = 64;
    /// A number within `range` (ranges.hpp).
    std::optional<double> number(const YAML::Node& map, const char* key, bool required, const Range& range);
    /// `value` (the value of `key`) as a number within `range`.
    std::optional<double> number_value(const YAML::Node& value, std::string_view key, const Range& range);
    /// A whole number from 1 to `max`.
    std::optional<std::uint32_t> count(const YAML::Node& map, const char* key, bool required,
                                       std::uint32_t max = kMaxCount);
    static constexpr std::uint32_t kMaxCount = 100000;
    std::optional<bool> flag(const YAML::Node& map, const char* key);
    /// A duration distribution in hours: a number, or {kind: {..._h: ...}}.
    std::optional<core::Distribution> hours_distribution(const YAML::Node& map, const char* key, bool required);

private:
    std::string file_;
    std::vector<ForeignNode> foreign_;
    std::vector<Diagnostic> diagnostics_;
};

} // namespace corridor::scenario::detail
