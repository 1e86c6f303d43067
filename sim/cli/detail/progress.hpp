// The progress line of a run in a terminal.
#pragma once
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <utility>

namespace corridor::cli::detail {

// A progress line on stderr when it is a terminal: replications done, simulated days (so that
// a replication in progress shows too), events/s and time left. Redrawn when a replication
// ends and four times a second between.
class Progress {
public:
    /// `days_per_replication`: the scenario's horizon in days; `planned`: the replications to run.
    Progress(std::ostream& err, bool enabled, std::string label, double days_per_replication, std::uint32_t planned)
        : err_{err}, enabled_{enabled}, label_{std::move(label)}, days_per_replication_{days_per_replication},
          start_{std::chrono::steady_clock::now()}, planned_{planned} {
        if (enabled_) ticker_ = std::thread([this] { tick(); });
    }
    ~Progress() {
        {
            std::lock_guard lock{mutex_};
            finished_ = true;
        }
        wake_.notify_one();
        if (ticker_.joinable()) ticker_.join();
    }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// The counter the replications add each simulated day to.
    std::atomic<std::uint64_t>* days() { return &days_; }

    /// After each replication (from worker threads, serialised by the caller).
    void operator()(std::uint32_t done, std::uint32_t planned, std::uint64_t events) {
        std::lock_guard lock{mutex_};
        done_ = done;
        planned_ = planned;
        events_ += events;
        draw();
        if (enabled_ && done == planned) err_ << "\n" << std::flush;
    }

private:
    void tick() {
        std::unique_lock lock{mutex_};
        while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return finished_; })) {
            if (done_ < planned_) draw();
        }
    }

    // Under mutex_.
    void draw() {
        if (!enabled_) return;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        const double rate = seconds > 0 ? static_cast<double>(events_) / seconds : 0;
        const double simulated = static_cast<double>(days_.load(std::memory_order_relaxed));
        const double total = days_per_replication_ * (planned_ > 0 ? planned_ : 1);
        const double share = total > 0 ? std::min(1.0, simulated / total) : 0;
        const double left = share > 0 ? seconds * (1 - share) / share : 0;
        err_ << fmt::format("\r{} {}/{} replications, {:.0f}% of the simulated days, {:.1f} M events/s, {:.0f} s "
                            "elapsed, about {:.0f} s left   ",
                            label_, done_, planned_, 100 * share, rate / 1e6, seconds, left)
             << std::flush;
    }

    std::ostream& err_;
    bool enabled_;
    std::string label_;
    double days_per_replication_;
    std::chrono::steady_clock::time_point start_;
    std::uint32_t planned_;
    std::atomic<std::uint64_t> days_{0};
    std::mutex mutex_;
    std::condition_variable wake_;
    bool finished_ = false;
    std::uint32_t done_ = 0;
    std::uint64_t events_ = 0;
    std::thread ticker_;
};

} // namespace corridor::cli::detail
