// Exact quantiles and the DDSketch quantile sketch.
#include "sim/core/quantiles.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/core/assert.hpp"

namespace corridor::core {

double quantile_in_place(std::span<double> values, double q) {
    if (values.empty()) return std::nan("");
    SIM_ASSERT(q >= 0 && q <= 1, "quantile level must be in [0, 1]");
    std::sort(values.begin(), values.end());
    const double h = q * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(h));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    return values[below] + (h - static_cast<double>(below)) * (values[above] - values[below]);
}

double SampleQuantiles::quantile(double q) {
    if (!sorted_) {
        std::sort(values_.begin(), values_.end());
        sorted_ = true;
    }
    return quantile_in_place(values_, q);
}

QuantileSketch::QuantileSketch(double relative_accuracy, double min_positive)
    : accuracy_{relative_accuracy}, gamma_{(1 + relative_accuracy) / (1 - relative_accuracy)},
      log_gamma_{std::log(gamma_)}, min_positive_{min_positive} {
    if (!(relative_accuracy > 0 && relative_accuracy < 1)) {
        throw std::invalid_argument("relative accuracy must be in (0, 1)");
    }
    if (!(min_positive > 0)) throw std::invalid_argument("min_positive must be > 0");
}

int QuantileSketch::bucket_of(double x) const {
    return static_cast<int>(std::ceil(std::log(std::max(x, min_positive_)) / log_gamma_));
}

double QuantileSketch::value_of(int bucket) const {
    // The point of bucket (γ^(i−1), γ^i] with relative error <= α to every value in it.
    return 2.0 * std::pow(gamma_, bucket) / (gamma_ + 1.0);
}

std::uint64_t& QuantileSketch::slot(int b) {
    // Buckets are contiguous from offset_: grow at either end to cover b.
    if (buckets_.empty()) {
        offset_ = b;
        buckets_.push_back(0);
    } else if (b < offset_) {
        buckets_.insert(buckets_.begin(), static_cast<std::size_t>(offset_ - b), 0);
        offset_ = b;
    } else if (b >= offset_ + static_cast<int>(buckets_.size())) {
        buckets_.resize(static_cast<std::size_t>(b - offset_) + 1, 0);
    }
    return buckets_[static_cast<std::size_t>(b - offset_)];
}

void QuantileSketch::add(double x) {
    ++count_;
    if (!(x > 0)) {
        ++zeros_;
        return;
    }
    ++slot(bucket_of(x));
}

void QuantileSketch::merge(const QuantileSketch& other) {
    SIM_ASSERT(other.accuracy_ == accuracy_ && other.min_positive_ == min_positive_,
               "only sketches with equal parameters merge");
    count_ += other.count_;
    zeros_ += other.zeros_;
    for (std::size_t i = 0; i < other.buckets_.size(); ++i) {
        const std::uint64_t n = other.buckets_[i];
        if (n == 0) continue;
        slot(other.offset_ + static_cast<int>(i)) += n;
    }
}

double QuantileSketch::quantile(double q) const {
    if (count_ == 0) return std::nan("");
    SIM_ASSERT(q >= 0 && q <= 1, "quantile level must be in [0, 1]");
    // Rank of the lower type-1 quantile, 0-based.
    const auto rank = static_cast<std::uint64_t>(q * static_cast<double>(count_ - 1));
    if (rank < zeros_) return 0.0;
    std::uint64_t seen = zeros_;
    for (std::size_t i = 0; i < buckets_.size(); ++i) {
        seen += buckets_[i];
        if (seen > rank) return value_of(offset_ + static_cast<int>(i));
    }
    return value_of(offset_ + static_cast<int>(buckets_.size()) - 1);
}

double BoundedQuantiles::quantile(double q) {
    if (!exact_) return sketch_.quantile(q);
    if (values_.empty()) return std::nan("");
    SIM_ASSERT(q >= 0 && q <= 1, "quantile level must be in [0, 1]");
    // Type 7 by selection: the order statistic below h, and the least of those above it.
    const double h = q * static_cast<double>(values_.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(h));
    const auto at = values_.begin() + static_cast<std::ptrdiff_t>(below);
    std::nth_element(values_.begin(), at, values_.end());
    const double low = *at;
    if (below + 1 >= values_.size()) return low;
    const double high = *std::min_element(at + 1, values_.end());
    return low + (h - static_cast<double>(below)) * (high - low);
}

} // namespace corridor::core
