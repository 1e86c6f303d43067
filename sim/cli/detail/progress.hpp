// The progress line of a run in a terminal.
#pragma once
#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>

namespace corridor::cli::detail {

// A progress line on stderr when it is a terminal: replications done, events/s, time left.
class Progress {
public:
    Progress(std::ostream& err, bool enabled, std::string label)
        : err_{err}, enabled_{enabled}, label_{std::move(label)}, start_{std::chrono::steady_clock::now()} {}
    void operator()(std::uint32_t done, std::uint32_t planned, std::uint64_t events) {
        events_ += events;
        if (!enabled_) return;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        const double rate = seconds > 0 ? static_cast<double>(events_) / seconds : 0;
        const double left = done > 0 ? seconds / done * (planned - done) : 0;
        err_ << fmt::format("\r{} {}/{} replications, {:.1f} M events/s, about {:.0f} s left   ", label_, done, planned,
                            rate / 1e6, left)
             << std::flush;
        if (done == planned) err_ << "\n";
    }

private:
    std::ostream& err_;
    bool enabled_;
    std::string label_;
    std::chrono::steady_clock::time_point start_;
    std::uint64_t events_ = 0;
};

} // namespace corridor::cli::detail
