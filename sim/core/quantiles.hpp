// Quantiles: exact from stored samples, and a bounded-memory sketch with a guaranteed relative
// error for long runs (one million consignments' transit times need not all be kept).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace corridor::core {

/// Quantile q in [0, 1] of `values` by linear interpolation between order statistics
/// (Hyndman & Fan type 7, the default of R and NumPy). Sorts `values`. NaN when empty.
double quantile_in_place(std::span<double> values, double q);

/// Keeps every sample; exact quantiles.
class SampleQuantiles {
public:
    void add(double x) {
        values_.push_back(x);
        sorted_ = false;
    }
    [[nodiscard]] std::size_t count() const { return values_.size(); }
    /// Type-7 quantile (see quantile_in_place); NaN when empty.
    double quantile(double q);

private:
    std::vector<double> values_;
    bool sorted_ = true;
};

/// Log-bucketed quantile sketch (DDSketch; Masson, Rim & Lee 2019) for values >= 0.
/// Guarantee: for any q, the returned value v satisfies |v − x_q| <= relative_accuracy × x_q,
/// where x_q is the exact lower type-1 quantile of the added values, provided values are
/// either 0 or in [min_positive, ∞). Values in (0, min_positive) are counted in the lowest
/// bucket. Memory: one counter per bucket between the smallest and largest value seen,
/// about ln(max/min_positive) / ln((1+a)/(1−a)) counters.
class QuantileSketch {
public:
    explicit QuantileSketch(double relative_accuracy = 0.01, double min_positive = 1e-6);

    /// Precondition: x >= 0 and finite (negative values are clamped to 0).
    void add(double x);
    void merge(const QuantileSketch& other);
    [[nodiscard]] std::uint64_t count() const { return count_; }
    [[nodiscard]] double quantile(double q) const;
    [[nodiscard]] double relative_accuracy() const { return accuracy_; }
    [[nodiscard]] std::size_t bucket_count() const { return buckets_.size(); }

private:
    [[nodiscard]] int bucket_of(double x) const;
    [[nodiscard]] double value_of(int bucket) const;
    std::uint64_t& slot(int bucket); // the counter of a bucket, growing the range to hold it

    double accuracy_;
    double gamma_;
    double log_gamma_;
    double min_positive_;
    std::uint64_t count_ = 0;
    std::uint64_t zeros_ = 0;
    int offset_ = 0;                     // bucket index of buckets_[0]
    std::vector<std::uint64_t> buckets_; // contiguous from offset_
};

/// Exact quantiles while few values have come, the sketch's beyond: keeps every value (type-7
/// quantiles, as SampleQuantiles) until more than `max_exact` have been added, then moves them
/// into a QuantileSketch and frees them. Memory: at most `max_exact` doubles, or the sketch's
/// counters. While exact, an add is a push and a quantile a selection (no sort): O(n) each.
class BoundedQuantiles {
public:
    BoundedQuantiles(std::size_t max_exact, double relative_accuracy, double min_positive)
        : max_exact_{max_exact}, sketch_{relative_accuracy, min_positive} {}

    void add(double x) {
        if (exact_) {
            if (values_.size() < max_exact_) {
                values_.push_back(x);
                return;
            }
            for (const double v : values_) sketch_.add(v);
            values_ = {};
            exact_ = false;
        }
        sketch_.add(x);
    }
    [[nodiscard]] std::uint64_t count() const { return exact_ ? values_.size() : sketch_.count(); }
    /// True while the quantiles are exact (every value is kept).
    [[nodiscard]] bool exact() const { return exact_; }
    /// Exact type-7 quantile while exact() (it reorders the values kept), else the sketch's
    /// (relative error at most its accuracy); NaN when empty.
    double quantile(double q);

private:
    std::size_t max_exact_;
    std::vector<double> values_;
    QuantileSketch sketch_;
    bool exact_ = true;
};

} // namespace corridor::core
