// A monotone radix heap with one bucket per bit (Ahuja, Mehlhorn, Orlin & Tarjan 1990): a candidate
// for the pending-event set, kept for the comparison in core/engine_bench.cpp. Valid because
// simulation time never runs backwards. Equal keys always share a bucket and every bucket keeps
// insertion order, so ties come out first-in first-out, which is the engine's tie rule.
#pragma once
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace corridor::bench {

/// `KeyOf(item)` returns the item's std::uint64_t key.
template <class T, class KeyOf>
class RadixHeap {
public:
    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] std::uint64_t last_key() const { return last_; }

    /// Precondition: key_of(item) >= the key of the last item popped. A key below the current
    /// minimum after a top() that did not pop (a peek past a horizon) costs one O(n) rebase.
    void push(const T& item) {
        if (KeyOf{}(item) < last_) rebase(KeyOf{}(item));
        put(item);
        ++size_;
    }

    /// The earliest item (first pushed among equal keys). Precondition: !empty().
    const T& top() {
        if (head_ == buckets_[0].size()) refill();
        return buckets_[0][head_];
    }

    void pop() {
        if (head_ == buckets_[0].size()) refill();
        ++head_;
        --size_;
        if (head_ == buckets_[0].size()) {
            buckets_[0].clear();
            head_ = 0;
        }
    }

private:
    [[nodiscard]] std::size_t bucket_of(std::uint64_t key) const {
        return static_cast<std::size_t>(std::bit_width(key ^ last_));
    }

    void put(const T& item) {
        const std::size_t b = bucket_of(KeyOf{}(item));
        buckets_[b].push_back(item);
        if (b > 0) occupied_ |= std::uint64_t{1} << (b - 1);
    }

    // Re-buckets every item around a smaller base key. Equal keys share a bucket, and buckets
    // are visited in order, so first-in first-out among ties survives.
    void rebase(std::uint64_t key) {
        std::vector<T> all;
        all.reserve(size_);
        all.insert(all.end(), buckets_[0].begin() + static_cast<std::ptrdiff_t>(head_), buckets_[0].end());
        for (std::size_t b = 1; b < buckets_.size(); ++b) {
            all.insert(all.end(), buckets_[b].begin(), buckets_[b].end());
        }
        for (auto& bucket : buckets_) bucket.clear();
        head_ = 0;
        occupied_ = 0;
        last_ = key;
        for (const T& item : all) put(item);
    }

    // Bucket 0 is exhausted: move the lowest non-empty bucket down around its minimum key.
    void refill() {
        buckets_[0].clear();
        head_ = 0;
        const auto b = static_cast<std::size_t>(std::countr_zero(occupied_)) + 1;
        occupied_ &= occupied_ - 1; // bucket b empties below
        std::vector<T>& source = buckets_[b];
        std::uint64_t least = KeyOf{}(source.front());
        for (const T& item : source) {
            const std::uint64_t k = KeyOf{}(item);
            if (k < least) least = k;
        }
        last_ = least;
        for (const T& item : source) put(item); // every item lands in a bucket below b
        source.clear();
    }

    std::array<std::vector<T>, 65> buckets_{};
    std::uint64_t occupied_ = 0; // bit i − 1 set: bucket i (1…64) is not empty
    std::size_t head_ = 0;       // next item of bucket 0
    std::size_t size_ = 0;
    std::uint64_t last_ = 0;
};

} // namespace corridor::bench
