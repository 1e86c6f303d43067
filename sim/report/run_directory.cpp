// Temporary folder + rename: an interrupted run leaves no half-written result folder.
#include "sim/report/run_directory.hpp"

#include <chrono>
#include <ctime>
#include <stdexcept>
#include <unistd.h>

namespace corridor::report {

RunDirectory::RunDirectory(std::filesystem::path final_path) : final_{std::move(final_path)} {
    if (std::filesystem::exists(final_)) {
        throw std::runtime_error("output folder " + final_.string() + " exists already; choose another with -o");
    }
    std::filesystem::create_directories(final_.parent_path().empty() ? "." : final_.parent_path());
    temporary_ = final_;
    temporary_ += ".partial-" + std::to_string(::getpid());
    std::filesystem::remove_all(temporary_);
    std::filesystem::create_directories(temporary_);
}

RunDirectory::~RunDirectory() {
    if (!committed_) {
        std::error_code ignored;
        std::filesystem::remove_all(temporary_, ignored);
    }
}

void RunDirectory::commit() {
    std::filesystem::rename(temporary_, final_);
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
