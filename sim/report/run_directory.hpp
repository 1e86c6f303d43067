// A run's output folder, claimed before anything runs and written whole or not at all.
//
// The constructor claims the destination by creating it, empty (mkdir: of two runs with one
// destination exactly one gets it), and creates a temporary sibling "<name>.partial-<pid>" that
// the files go into; commit() renames the temporary folder over the empty claim, so the files
// appear at once. Destroyed uncommitted, it removes both. Temporary folders left by processes
// that no longer run (SIGKILL) are removed, with their empty claims, by the next RunDirectory
// in the same parent folder.
#pragma once
#include <filesystem>
#include <string>

#include "sim/report/output_error.hpp"

namespace corridor::report {

class RunDirectory {
public:
    enum class Naming {
        exact,    // the path as given; it must not exist
        numbered, // the path, else the first free "<path>_2", "<path>_3", ...
    };
    /// Claims the destination. Throws OutputError naming the path and the system's reason if it
    /// cannot be created (or exists, for Naming::exact).
    explicit RunDirectory(std::filesystem::path final_path, Naming naming = Naming::exact);
    ~RunDirectory();
    RunDirectory(const RunDirectory&) = delete;
    RunDirectory& operator=(const RunDirectory&) = delete;

    /// Where to write `name` before commit().
    [[nodiscard]] std::filesystem::path file(const std::string& name) const { return temporary_ / name; }
    [[nodiscard]] const std::filesystem::path& final_path() const { return final_; }
    /// The folder the files go into before commit().
    [[nodiscard]] const std::filesystem::path& temporary_path() const { return temporary_; }
    /// Renames the temporary folder over the claim (atomic on one filesystem).
    void commit();

private:
    std::filesystem::path final_;
    std::filesystem::path temporary_;
    bool committed_ = false;
};

/// Removes the "<name>.partial-<pid>" folders in `parent` whose process no longer runs, and the
/// empty claims beside them; returns how many temporary folders it removed.
int remove_stale_partials(const std::filesystem::path& parent);

/// "20261127T031500Z": the current UTC time, for run folder names.
std::string utc_timestamp();

} // namespace corridor::report
