// Problems found in input files, each with file:line:column, collected before anything runs.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace corridor::scenario {

struct SourceLocation {
    std::string file;
    int line = 0;   // 1-based; 0: a command-line argument, which has no position
    int column = 0; // 1-based
};

enum class Severity { error, warning };

struct Diagnostic {
    SourceLocation where;
    Severity severity = Severity::error;
    std::string message;
};

/// An error about a whole file (it cannot be opened, is empty or too large to read): at its 1:1.
Diagnostic file_error(std::string file, std::string message);
/// An error about a command-line argument (`what`: "--from", "route"): no line or column.
Diagnostic argument_error(std::string what, std::string message);

/// "models/x.yaml:7:12: error: message" (the position is left out where it is 0).
std::string to_string(const Diagnostic& diagnostic);

/// Thrown once per file, after every problem in it has been collected (warnings included).
class InputError : public std::runtime_error {
public:
    explicit InputError(std::vector<Diagnostic> diagnostics);
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

/// The candidate nearest to `word` by edit distance, if near enough to be a likely typo; none
/// for a word or candidate longer than 256 characters.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

} // namespace corridor::scenario
