// A d-ary min-heap over a vector, ordered by a strict weak order `Less`. Arity 4 is the engine's
// pending-event set (bench/README.md says why); arity 2 is kept for the comparison benchmark.
#pragma once
#include <cstddef>
#include <utility>
#include <vector>

namespace corridor::core::detail {

template <class T, std::size_t Arity, class Less>
class DaryHeap {
    static_assert(Arity >= 2);

public:
    [[nodiscard]] bool empty() const { return items_.empty(); }
    [[nodiscard]] std::size_t size() const { return items_.size(); }
    [[nodiscard]] const T& top() const { return items_.front(); }
    void reserve(std::size_t n) { items_.reserve(n); }
    void clear() { items_.clear(); }

    void push(const T& item) {
        items_.push_back(item);
        sift_up(items_.size() - 1);
    }

    void pop() {
        const T last = items_.back();
        items_.pop_back();
        if (!items_.empty()) {
            sift_down(last);
        }
    }

    /// pop() followed by push(item), with one sift instead of two (the hold pattern).
    void replace_top(const T& item) { sift_down(item); }

private:
    // Bottom-up (Floyd): move the hole at the root down to a leaf along the least children,
    // then let `item` rise from there. The item placed at the root is usually large, so this
    // saves the comparison against it at every level, an unpredictable branch each.
    void sift_down(const T& item) {
        const std::size_t n = items_.size();
        T* const data = items_.data();
        std::size_t hole = 0;
        for (;;) {
            const std::size_t first = hole * Arity + 1;
            if (first >= n) {
                break;
            }
            std::size_t best = first;
            const std::size_t last = first + Arity < n ? first + Arity : n;
            // A select, not a branch: which child is least is unpredictable.
            for (std::size_t c = first + 1; c < last; ++c) {
                best = less_(data[c], data[best]) ? c : best;
            }
            data[hole] = data[best];
            hole = best;
        }
        data[hole] = item;
        sift_up(hole);
    }

    void sift_up(std::size_t hole) {
        T* const data = items_.data();
        const T item = data[hole];
        while (hole > 0) {
            const std::size_t parent = (hole - 1) / Arity;
            if (!less_(item, data[parent])) {
                break;
            }
            data[hole] = data[parent];
            hole = parent;
        }
        data[hole] = item;
    }

    std::vector<T> items_;
    [[no_unique_address]] Less less_{};
};

} // namespace corridor::core::detail
