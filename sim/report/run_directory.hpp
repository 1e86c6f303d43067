// A run's output folder, written whole or not at all: files go to a temporary sibling folder,
// which commit() renames into place; destroyed uncommitted, it removes the temporary folder.
#pragma once
#include <filesystem>
#include <string>

namespace corridor::report {

class RunDirectory {
public:
    /// `final_path` must not exist yet. Throws std::runtime_error if it cannot be prepared.
    explicit RunDirectory(std::filesystem::path final_path);
    ~RunDirectory();
    RunDirectory(const RunDirectory&) = delete;
    RunDirectory& operator=(const RunDirectory&) = delete;

    /// Where to write `name` before commit().
    [[nodiscard]] std::filesystem::path file(const std::string& name) const { return temporary_ / name; }
    [[nodiscard]] const std::filesystem::path& final_path() const { return final_; }
    /// Renames the temporary folder to the final path (atomic on one filesystem).
    void commit();

private:
    std::filesystem::path final_;
    std::filesystem::path temporary_;
    bool committed_ = false;
};

/// "20261127T031500Z": the current UTC time, for run folder names.
std::string utc_timestamp();

} // namespace corridor::report
