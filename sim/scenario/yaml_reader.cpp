// Typed, diagnosing reads of YAML. yaml-cpp marks count from 0; we report from 1.
#include "sim/scenario/detail/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace corridor::scenario::detail {

namespace {

// Position of the first byte that is not valid UTF-8, or nullopt.
std::optional<std::pair<int, int>> invalid_utf8(const std::string& text) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        if (c < 0x80) extra = 0;
        else if ((c & 0xE0U) == 0xC0U && c >= 0xC2) extra = 1;
        else if ((c & 0xF0U) == 0xE0U) extra = 2;
        else if ((c & 0xF8U) == 0xF0U && c <= 0xF4) extra = 3;
        else return std::make_pair(line, column);
        if (i + extra >= text.size() && extra > 0) return std::make_pair(line, column); // cut short
        for (std::size_t k = 1; k <= extra; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0U) != 0x80U) return std::make_pair(line, column);
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += extra + 1;
    }
    return std::nullopt;
}

} // namespace

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Scalar: {
        constexpr std::size_t kShown = 60;
        const std::string& text = node.Scalar();
        if (text.size() <= kShown) return "'" + text + "'";
        return "'" + text.substr(0, kShown) + "...' (" + std::to_string(text.size()) + " characters)";
    }
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Undefined: return "nothing";
    }
    return "something else";
}

std::string describe(const Range& range) {
    const std::string unit = range.unit.empty() ? "" : " " + std::string(range.unit);
    if (range.low_open) return fmt::format("greater than {} and at most {}{}", range.low, range.high, unit);
    return fmt::format("from {} to {}{}", range.low, range.high, unit);
}

Diagnostic file_too_large(const std::string& file, std::uintmax_t bytes) {
    return file_error(file, "file is " + std::to_string(bytes) + " bytes; the limit is " + std::to_string(kMaxFileBytes) +
                                " bytes");
}

namespace {
bool count_within(const YAML::Node& node, std::size_t& left) {
    if (left == 0) return false;
    --left;
    if (node.IsMap()) {
        for (const auto& kv : node) {
            if (!count_within(kv.first, left) || !count_within(kv.second, left)) return false;
        }
    } else if (node.IsSequence()) {
        for (const auto& item : node) {
            if (!count_within(item, left)) return false;
        }
    }
    return true;
}
} // namespace

bool tree_within(const YAML::Node& node, std::size_t limit) {
    std::size_t left = limit;
    return count_within(node, left);
}

std::optional<YAML::Node> parse_yaml(const std::string& text, const std::string& file,
                                     std::vector<Diagnostic>& out) {
    if (text.size() > kMaxFileBytes) {
        out.push_back(file_too_large(file, text.size()));
        return std::nullopt;
    }
    if (const auto bad = invalid_utf8(text)) {
        out.push_back({{file, bad->first, bad->second}, Severity::error,
                       "expected UTF-8 text, found a byte sequence that is not valid UTF-8"});
        return std::nullopt;
    }
    try {
        return YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        out.push_back({{file, e.mark.line + 1, e.mark.column + 1}, Severity::error, "YAML syntax: " + e.msg});
    } catch (const YAML::Exception& e) {
        out.push_back({{file, e.mark.line + 1, e.mark.column + 1}, Severity::error, "YAML: " + e.msg});
    }
    return std::nullopt;
}

namespace {
const std::vector<std::string> kKinds = {"fixed", "exponential", "uniform", "normal", "lognormal",
                                         "triangular", "gamma", "weibull", "empirical"};
} // namespace

bool is_distribution_kind(const std::string& name) {
    return std::find(kKinds.begin(), kKinds.end(), name) != kKinds.end();
}

SourceLocation YamlReader::where(const YAML::Node& node) const {
    // A lookup of a missing key gives an invalid node, whose Mark() throws: the file, then.
    if (!node.IsDefined()) return {file_, 1, 1};
    const YAML::Mark mark = node.Mark();
    std::string file = file_;
    for (const auto& f : foreign_) {
        if (f.node.is(node)) {
            file = f.file;
            break;
        }
    }
    if (mark.is_null()) return {file, 1, 1}; // the empty document; nodes made in code
    return {file, mark.line + 1, mark.column + 1};
}

void YamlReader::error(const YAML::Node& node, std::string message) {
    if (diagnostics_.size() > kMaxDiagnostics) return;
    Diagnostic d;
    d.severity = Severity::error;
    if (diagnostics_.size() == kMaxDiagnostics) {
        d.where = SourceLocation{file_, 0, 0};
        d.message = "too many problems; stopped reporting";
    } else {
        d.where = where(node);
        d.message = std::move(message);
    }
    diagnostics_.push_back(std::move(d));
}

void YamlReader::warning(const YAML::Node& node, std::string message) {
    if (diagnostics_.size() >= kMaxDiagnostics) return;
    diagnostics_.push_back({where(node), Severity::warning, std::move(message)});
}

bool YamlReader::has_errors() const {
    for (const auto& d : diagnostics_) {
        if (d.severity == Severity::error) return true;
    }
    return false;
}

bool YamlReader::expect_map(const YAML::Node& node, std::string_view what) {
    if (node.IsMap()) return true;
    error(node, "expected a map (" + std::string(what) + "), found " + describe(node));
    return false;
}

bool YamlReader::expect_sequence(const YAML::Node& node, std::string_view what) {
    if (node.IsSequence()) return true;
    error(node, "expected a list (" + std::string(what) + "), found " + describe(node));
    return false;
}

void YamlReader::check_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                            std::string_view what) {
    for (const auto& entry : map) {
        if (!entry.first.IsScalar()) {
            error(entry.first, "expected a key name in " + std::string(what) + ", found " + describe(entry.first));
            continue;
        }
        const std::string& key = entry.first.Scalar();
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        std::string message = "unknown key '" + key + "' in " + std::string(what);
        const auto underscore = key.rfind('_');
        std::string same_stem;
        if (underscore != std::string::npos) {
            const std::string stem = key.substr(0, underscore + 1);
            for (const auto& a : allowed) {
                if (a.rfind(stem, 0) == 0) same_stem = a;
            }
        }
        if (!same_stem.empty()) {
            message = "unknown unit suffix in '" + key + "' (" + std::string(what) + "); expected '" + same_stem + "'";
        } else if (const auto near = nearest(key, allowed); !near.empty()) {
            message += "; did you mean '" + near + "'?";
        }
        error(entry.first, message);
    }
}

std::optional<std::string> YamlReader::text(const YAML::Node& map, const char* key, bool required) {
    const YAML::Node value = map[key];
    if (!value) {
        if (required) error(map, std::string("missing required key '") + key + "'");
        return std::nullopt;
    }
    if (!value.IsScalar() || value.Scalar().empty() || value.Scalar().size() > kMaxTextLength) {
        error(value, std::string("'") + key + "' must be a non-empty text of at most " + std::to_string(kMaxTextLength) +
                         " characters, found " + describe(value));
        return std::nullopt;
    }
    return value.Scalar();
}

std::optional<std::string> YamlReader::id(const YAML::Node& map) {
    const YAML::Node value = map["id"];
    if (!value) {
        error(map, "missing required key 'id'");
        return std::nullopt;
    }
    if (!value.IsScalar() || value.Scalar().empty() || value.Scalar().size() > kMaxIdLength ||
        value.Scalar().find_first_of("\r\n") != std::string::npos) {
        error(value, "'id' must be a text of 1 to " + std::to_string(kMaxIdLength) + " characters on one line, found " +
                         describe(value));
        return std::nullopt;
    }
    return value.Scalar();
}

std::optional<double> YamlReader::number(const YAML::Node& map, const char* key, bool required, const Range& range) {
    const YAML::Node value = map[key];
    if (!value) {
        if (required) error(map, std::string("missing required key '") + key + "'");
        return std::nullopt;
    }
    return number_value(value, key, range);
}

std::optional<double> YamlReader::number_value(const YAML::Node& value, std::string_view key, const Range& range) {
    double x = 0;
    const bool ok = value.IsScalar() && YAML::convert<double>::decode(value, x) && std::isfinite(x) &&
                    (range.low_open ? x > range.low : x >= range.low) && x <= range.high;
    if (!ok) {
        error(value, "'" + std::string(key) + "' must be a number " + describe(range) + ", found " + describe(value));
        return std::nullopt;
    }
    return x;
}

std::optional<std::uint32_t> YamlReader::count(const YAML::Node& map, const char* key, bool required, std::uint32_t max) {
    const YAML::Node value = map[key];
    if (!value) {
        if (required) error(map, std::string("missing required key '") + key + "'");
        return std::nullopt;
    }
    long long x = 0;
    if (!value.IsScalar() || !YAML::convert<long long>::decode(value, x) || x < 1 || x > max) {
        error(value, std::string("'") + key + "' must be a whole number from 1 to " + std::to_string(max) + ", found " +
                         describe(value));
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(x);
}

std::optional<bool> YamlReader::flag(const YAML::Node& map, const char* key) {
    const YAML::Node value = map[key];
    if (!value) return std::nullopt;
    bool b = false;
    if (!value.IsScalar() || !YAML::convert<bool>::decode(value, b)) {
        error(value, std::string("'") + key + "' must be true or false, found " + describe(value));
        return std::nullopt;
    }
    return b;
}

std::optional<core::Distribution> YamlReader::hours_distribution(const YAML::Node& map, const char* key,
                                                                  bool required) {
    const YAML::Node value = map[key];
    if (!value) {
        if (required) error(map, std::string("missing required key '") + key + "'");
        return std::nullopt;
    }
    if (value.IsScalar()) {
        double x = 0;
        if (!YAML::convert<double>::decode(value, x) || !std::isfinite(x) || x < kProcessHours.low ||
            x > kProcessHours.high) {
            error(value, std::string("'") + key + "' must be hours (a number " + describe(kProcessHours) +
                             ") or a distribution such as {lognormal: {mean_h: 30, sd_h: 12}}, found " + describe(value));
            return std::nullopt;
        }
        return core::Distribution{core::Deterministic{x}};
    }
    if (!value.IsMap() || value.size() != 1) {
        error(value, std::string("'") + key + "' must be hours or one distribution {kind: {...}} with kind one of "
                     "fixed, exponential, uniform, normal, lognormal, triangular, gamma, weibull, empirical; found " +
                     describe(value));
        return std::nullopt;
    }
    const auto entry = *value.begin();
    const std::string kind = entry.first.Scalar();
    const YAML::Node p = entry.second;
    if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end()) {
        std::string message = "unknown distribution '" + kind + "'";
        if (const auto near = nearest(kind, kKinds); !near.empty()) message += "; did you mean '" + near + "'?";
        error(entry.first, message);
        return std::nullopt;
    }
    if (!expect_map(p, kind + " parameters")) return std::nullopt;
    const std::size_t before = diagnostics_.size();
    core::DistributionSpec spec;
    if (kind == "fixed") {
        check_keys(p, {"value_h"}, "fixed");
        spec = core::Deterministic{number(p, "value_h", true, kProcessHours).value_or(0)};
    } else if (kind == "exponential") {
        check_keys(p, {"mean_h"}, "exponential");
        spec = core::Exponential{number(p, "mean_h", true, kPositiveProcessHours).value_or(1)};
    } else if (kind == "uniform") {
        check_keys(p, {"low_h", "high_h"}, "uniform");
        spec = core::Uniform{number(p, "low_h", true, kProcessHours).value_or(0), number(p, "high_h", true, kProcessHours).value_or(1)};
    } else if (kind == "normal") {
        check_keys(p, {"mean_h", "sd_h", "low_h", "high_h"}, "normal");
        spec = core::TruncatedNormal{number(p, "mean_h", true, kProcessHours).value_or(0),
                                     number(p, "sd_h", true, kPositiveProcessHours).value_or(1),
                                     number(p, "low_h", false, kProcessHours).value_or(0),
                                     number(p, "high_h", false, kProcessHours).value_or(std::numeric_limits<double>::infinity())};
    } else if (kind == "lognormal") {
        check_keys(p, {"mean_h", "sd_h"}, "lognormal");
        spec = core::Lognormal{number(p, "mean_h", true, kPositiveProcessHours).value_or(1), number(p, "sd_h", true, kPositiveProcessHours).value_or(1)};
    } else if (kind == "triangular") {
        check_keys(p, {"low_h", "mode_h", "high_h"}, "triangular");
        spec = core::Triangular{number(p, "low_h", true, kProcessHours).value_or(0), number(p, "mode_h", true, kProcessHours).value_or(0.5),
                                number(p, "high_h", true, kProcessHours).value_or(1)};
    } else if (kind == "gamma") {
        check_keys(p, {"shape", "scale_h"}, "gamma");
        spec = core::Gamma{number(p, "shape", true, kDistributionShape).value_or(1), number(p, "scale_h", true, kPositiveProcessHours).value_or(1)};
    } else if (kind == "weibull") {
        check_keys(p, {"shape", "scale_h"}, "weibull");
        spec = core::Weibull{number(p, "shape", true, kDistributionShape).value_or(1), number(p, "scale_h", true, kPositiveProcessHours).value_or(1)};
    } else {
        check_keys(p, {"values_h", "weights"}, "empirical");
        core::Empirical e;
        for (const char* list : {"values_h", "weights"}) {
            const YAML::Node seq = p[list];
            if (!seq) {
                error(p, std::string("missing required key '") + list + "'");
                continue;
            }
            if (!expect_sequence(seq, list)) continue;
            for (const auto& item : seq) {
                const bool values = std::string_view(list) == "values_h";
                const auto x = number_value(item, std::string(list) + " entry", values ? kProcessHours : kWeight);
                if (!x) continue;
                (values ? e.values : e.weights).push_back(*x);
            }
        }
        spec = e;
    }
    if (diagnostics_.size() != before) return std::nullopt;
    if (const auto problem = core::check(spec)) {
        error(value, std::string("'") + key + "': " + *problem);
        return std::nullopt;
    }
    return core::Distribution{spec};
}

} // namespace corridor::scenario::detail
