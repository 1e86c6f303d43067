// Claim by mkdir, write into a temporary sibling, rename over the claim.
#include "sim/report/run_directory.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <ctime>

namespace corridor::report {

namespace {

constexpr std::string_view kPartial = ".partial-";
constexpr int kMaxNumbered = 10000;

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path, int error) {
    throw OutputError("cannot " + what + " " + path.string() + ": " + std::strerror(error));
}

// mkdir, true if created; false if it exists (when that is allowed); else OutputError.
bool make_folder(const std::filesystem::path& path, bool may_exist) {
    if (::mkdir(path.c_str(), 0777) == 0) return true;
    const int error = errno;
    if (error == EEXIST) {
        if (may_exist) return false;
        throw OutputExists("the output folder " + path.string() + " exists already; results are never overwritten");
    }
    fail("create the output folder", path, error);
}

bool process_runs(long pid) { return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM; }

} // namespace

int remove_stale_partials(const std::filesystem::path& parent) {
    int removed = 0;
    std::error_code ec;
    for (std::filesystem::directory_iterator it{parent, ec}, end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const auto at = name.rfind(kPartial);
        if (at == std::string::npos || at == 0) continue;
        const std::string digits = name.substr(at + kPartial.size());
        long pid = 0;
        const auto [ptr, err] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
        if (digits.empty() || err != std::errc{} || ptr != digits.data() + digits.size() || pid <= 0) continue;
        if (pid == ::getpid() || process_runs(pid)) continue;
        std::error_code ignored;
        std::filesystem::remove_all(it->path(), ignored);
        const auto claim = parent / name.substr(0, at);
        if (std::filesystem::is_empty(claim, ignored)) std::filesystem::remove(claim, ignored);
        ++removed;
    }
    return removed;
}

RunDirectory::RunDirectory(std::filesystem::path final_path, Naming naming) : final_{std::move(final_path)} {
    const auto parent = final_.parent_path().empty() ? std::filesystem::path(".") : final_.parent_path();
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) fail("create the folder", parent, ec.value());
    remove_stale_partials(parent);
    if (naming == Naming::exact) {
        make_folder(final_, false);
    } else {
        const auto base = final_;
        for (int n = 1; !make_folder(final_, true); ++n) {
            if (n >= kMaxNumbered) fail("find a free name for the output folder", base, EEXIST);
            final_ = base;
            final_ += "_" + std::to_string(n + 1);
        }
    }
    temporary_ = final_;
    temporary_ += std::string(kPartial) + std::to_string(::getpid());
    std::filesystem::remove_all(temporary_, ec);
    if (::mkdir(temporary_.c_str(), 0777) != 0) {
        const int error = errno;
        std::filesystem::remove(final_, ec);
        fail("create the folder", temporary_, error);
    }
}

RunDirectory::~RunDirectory() {
    if (!committed_) {
        std::error_code ignored;
        std::filesystem::remove_all(temporary_, ignored);
        if (std::filesystem::is_empty(final_, ignored)) std::filesystem::remove(final_, ignored);
    }
}

void RunDirectory::commit() {
    // rename(2) replaces an empty folder atomically: the claim becomes the results.
    if (::rename(temporary_.c_str(), final_.c_str()) != 0) fail("move the results into", final_, errno);
    committed_ = true;
}

std::string utc_timestamp() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
    return buffer;
}

} // namespace corridor::report
