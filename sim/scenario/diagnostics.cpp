// Formatting diagnostics and suggesting near-miss names.
#include "sim/scenario/diagnostics.hpp"

#include <algorithm>

namespace corridor::scenario {

std::string to_string(const Diagnostic& d) {
    std::string text = d.where.file;
    if (d.where.line > 0) {
        text += ':' + std::to_string(d.where.line) + ':' + std::to_string(d.where.column);
    }
    text += d.severity == Severity::error ? ": error: " : ": warning: ";
    return text + d.message;
}

namespace {
std::string summary(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) {
        if (d.severity == Severity::error) return to_string(d);
    }
    return diagnostics.empty() ? "input error" : to_string(diagnostics.front());
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}
} // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summary(diagnostics)), diagnostics_{std::move(diagnostics)} {}

std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

} // namespace corridor::scenario
