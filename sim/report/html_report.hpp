// The HTML report of a results folder (a run, a comparison or a sweep): report.html, one
// self-contained file with a map and charts, built from the folder's files alone so that
// `corridor report DIR` rebuilds it byte for byte. scenarios/README.md says what it shows.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace corridor::report {

/// A folder that is not a complete results folder: each problem as "PATH[:LINE]: error: WHAT".
class IncompleteResults : public std::runtime_error {
public:
    explicit IncompleteResults(std::vector<std::string> problems);
    [[nodiscard]] const std::vector<std::string>& problems() const { return problems_; }

private:
    std::vector<std::string> problems_;
};

/// report.html's text for the results in `folder`. Throws IncompleteResults listing every
/// missing, truncated or malformed file.
std::string report_html(const std::filesystem::path& folder);

/// Writes report.html into `folder`, whole or not at all (a temporary name, then a rename).
/// Throws IncompleteResults (nothing written) or OutputError.
void write_report(const std::filesystem::path& folder);

} // namespace corridor::report
