// Formatting diagnostics and suggesting near-miss names.
#include "sim/scenario/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace corridor::scenario {

Diagnostic file_error(std::string file, std::string message) {
    Diagnostic d;
    d.where = {std::move(file), 1, 1};
    d.message = std::move(message);
    return d;
}

Diagnostic argument_error(std::string what, std::string message) {
    Diagnostic d;
    d.where.file = std::move(what);
    d.message = std::move(message);
    return d;
}

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

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
// neighbours each cost 1 (so "XAI" is one step from "XIA").
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}
} // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summary(diagnostics)), diagnostics_{std::move(diagnostics)} {
    // In file order, as a reader goes through the file; equal places keep their order.
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.file, a.where.line, a.where.column) < std::tie(b.where.file, b.where.line, b.where.column);
    });
}

std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    // Edit distance is quadratic in the lengths: names longer than any id get no suggestion
    // (a 40 KB name once took seconds per candidate).
    constexpr std::size_t kLongest = 256;
    if (word.size() > kLongest) return best;
    // A likely typo: at most one edit in a short name, a third of the letters in a long one.
    std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        // The distance is at least the difference in length.
        const std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
        if (c.size() > kLongest || gap >= best_distance) continue;
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

} // namespace corridor::scenario
