// Time-weighted average of a piecewise-constant level (queue length, busy servers, occupancy).
#pragma once
#include <algorithm>

#include "sim/core/assert.hpp"
#include "sim/core/time.hpp"

namespace corridor::core {

class TimeWeighted {
public:
    explicit TimeWeighted(SimTime start = {}, double level = 0)
        : start_{start}, last_change_{start}, level_{level}, max_{level} {}

    /// The level becomes `level` at time `at`. Precondition: `at` is not before the last change.
    void set(SimTime at, double level) {
        SIM_ASSERT(at >= last_change_, "time-weighted level changed in the past");
        area_ += level_ * static_cast<double>((at - last_change_).count());
        last_change_ = at;
        level_ = level;
        max_ = std::max(max_, level);
    }
    void add(SimTime at, double delta) { set(at, level_ + delta); }

    /// Restarts the average at `at` (end of warm-up), keeping the current level.
    void reset(SimTime at) {
        set(at, level_);
        start_ = at;
        area_ = 0;
        max_ = level_;
    }

    /// Average level over [start, until]; the current level at `until` if no time has passed.
    [[nodiscard]] double mean(SimTime until) const {
        const auto span = static_cast<double>((until - start_).count());
        if (span <= 0) return level_;
        const double area = area_ + level_ * static_cast<double>((until - last_change_).count());
        return area / span;
    }
    [[nodiscard]] double level() const { return level_; }
    [[nodiscard]] double max() const { return max_; }

private:
    SimTime start_;
    SimTime last_change_;
    double level_;
    double max_;
    double area_ = 0; // level × seconds
};

} // namespace corridor::core
