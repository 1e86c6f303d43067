// Running mean and variance of a stream of observations (Welford 1962), mergeable (Chan et al.).
#pragma once
#include <cmath>
#include <cstdint>
#include <limits>

namespace corridor::core {

class RunningStats {
public:
    void add(double x) {
        ++count_;
        const double delta = x - mean_;
        mean_ += delta / static_cast<double>(count_);
        m2_ += delta * (x - mean_);
        if (x < min_) min_ = x;
        if (x > max_) max_ = x;
    }

    /// Combines two summaries as if all observations had been added to one.
    void merge(const RunningStats& other);

    [[nodiscard]] std::uint64_t count() const { return count_; }
    [[nodiscard]] double mean() const { return count_ > 0 ? mean_ : std::nan(""); }
    /// Sample variance (n − 1 in the denominator); NaN with fewer than two observations.
    [[nodiscard]] double variance() const {
        return count_ > 1 ? m2_ / static_cast<double>(count_ - 1) : std::nan("");
    }
    [[nodiscard]] double stddev() const { return std::sqrt(variance()); }
    [[nodiscard]] double min() const { return count_ > 0 ? min_ : std::nan(""); }
    [[nodiscard]] double max() const { return count_ > 0 ? max_ : std::nan(""); }

private:
    std::uint64_t count_ = 0;
    double mean_ = 0;
    double m2_ = 0;
    double min_ = std::numeric_limits<double>::infinity();
    double max_ = -std::numeric_limits<double>::infinity();
};

inline void RunningStats::merge(const RunningStats& other) {
    if (other.count_ == 0) return;
    if (count_ == 0) {
        *this = other;
        return;
    }
    const double n_a = static_cast<double>(count_);
    const double n_b = static_cast<double>(other.count_);
    const double delta = other.mean_ - mean_;
    const double n = n_a + n_b;
    mean_ += delta * n_b / n;
    m2_ += other.m2_ + delta * delta * n_a * n_b / n;
    count_ += other.count_;
    if (other.min_ < min_) min_ = other.min_;
    if (other.max_ > max_) max_ = other.max_;
}

} // namespace corridor::core
