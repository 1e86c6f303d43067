// MSER-5 over batch means.
#include "sim/experiment/mser.hpp"

#include <limits>
#include <vector>

namespace corridor::experiment {

std::size_t mser5_truncation(std::span<const double> series) {
    constexpr std::size_t kBatch = 5;
    const std::size_t batches = series.size() / kBatch;
    if (batches < 4) return 0;
    std::vector<double> means(batches);
    for (std::size_t b = 0; b < batches; ++b) {
        double sum = 0;
        for (std::size_t i = 0; i < kBatch; ++i) sum += series[b * kBatch + i];
        means[b] = sum / kBatch;
    }
    // Suffix sums give each candidate's mean and variance in O(1).
    std::vector<double> sum(batches + 1, 0.0), sum_sq(batches + 1, 0.0);
    for (std::size_t b = batches; b-- > 0;) {
        sum[b] = sum[b + 1] + means[b];
        sum_sq[b] = sum_sq[b + 1] + means[b] * means[b];
    }
    std::size_t best = 0;
    double best_value = std::numeric_limits<double>::infinity();
    for (std::size_t d = 0; d <= batches / 2; ++d) {
        const double n = static_cast<double>(batches - d);
        const double mean = sum[d] / n;
        const double squared_deviations = sum_sq[d] - n * mean * mean;
        const double value = squared_deviations / (n * n);
        // Strictly smaller (beyond rounding) to move: ties keep the shorter truncation.
        if (d == 0 || value < best_value - 1e-12 * std::max(1.0, best_value)) {
            best_value = value;
            best = d;
        }
    }
    return best * kBatch;
}

} // namespace corridor::experiment
