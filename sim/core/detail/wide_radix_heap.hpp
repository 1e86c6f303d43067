// A monotone radix heap with 8-bit digits (256 buckets per level, 8 levels for 64-bit keys),
// the layout of a hierarchical timing wheel. An item sits at the level of the highest byte in
// which its key differs from the last key taken, in the bucket of that byte's value; level 0
// buckets hold exact keys. Items therefore move down at most once per level (twice for delays
// under 2^16 ticks) instead of once per bit, and the next key is found with bit scans.
// Equal keys always share a bucket and buckets keep insertion order: ties are first-in first-out.
#pragma once
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace corridor::core::detail {

/// `KeyOf(item)` returns the item's std::uint64_t key. Keys pushed must be >= the last key
/// popped; a key below the current minimum after a top() without pop() costs an O(n) rebase.
template <class T, class KeyOf>
class WideRadixHeap {
public:
    // Items of up to 16 bytes go by value, in registers: a reference would make the caller
    // store a record built in registers to the stack in halves and reload it whole, a
    // store-forwarding stall. Larger ones go by reference (by value they are copied in memory).
    using Arg = std::conditional_t<(sizeof(T) <= 16 && std::is_trivially_copyable_v<T>), T, const T&>;

    [[nodiscard]] bool empty() const { return size_ == 0; }
    /// Empties the heap and restarts its keys from 0, keeping the buckets' storage.
    void clear() {
        for (unsigned level = 0; level < kLevels; ++level) {
            while (levels_ & (1U << level)) {
                const unsigned d = lowest_bucket(level);
                buckets_[level * kWidth + d].clear();
                clear_bit(level, d);
            }
        }
        heads_ = {};
        count0_ = {};
        min0_ = kWidth;
        last_ = 0;
        size_ = 0;
    }
    [[nodiscard]] std::size_t size() const { return size_; }

    void push(Arg item) {
        const std::uint64_t key = KeyOf{}(item);
        if (key < last_) rebase(key);
        put(item, key);
        ++size_;
    }

    /// The least key, first pushed among equals. Precondition: !empty().
    const T& top() {
        if (min0_ == kWidth) refill();
        return level0_item(min0_, heads_[min0_]);
    }

    /// The least item if it can be had without moving items down (a peek that never forces a
    /// rebase of later pushes); nullptr otherwise.
    [[nodiscard]] const T* peek_cheap() const {
        return min0_ < kWidth ? &level0_item(min0_, heads_[min0_]) : nullptr;
    }

    void pop() {
        if (min0_ == kWidth) refill();
        pop_cheap();
    }

    /// pop() after peek_cheap() returned an item: no refill check.
    void pop_cheap() {
        const unsigned d = min0_;
        --size_;
        if (++heads_[d] == count0_[d]) {
            if (count0_[d] > 1) buckets_[d].clear();
            count0_[d] = 0;
            heads_[d] = 0;
            bits_[0][d >> 6U] &= ~(std::uint64_t{1} << (d & 63U));
            min0_ = level0_bucket_from(d); // none lies below d
            if (min0_ == kWidth) levels_ &= ~1U;
        }
    }

private:
    static constexpr unsigned kLevels = 8;
    static constexpr unsigned kWidth = 256;
    static constexpr std::size_t kSpareMin = 64; // items: buffers at least this large circulate

    [[gnu::always_inline]] void put(Arg item, std::uint64_t key) {
        const std::uint64_t x = key ^ last_;
        const unsigned level = x == 0 ? 0U : static_cast<unsigned>(std::bit_width(x) - 1) / 8U;
        const auto digit = static_cast<unsigned>(key >> (8U * level)) & 0xFFU;
        if (level == 0) {
            put0(item, digit);
            bits_[0][digit >> 6U] |= std::uint64_t{1} << (digit & 63U);
            levels_ |= 1U;
            if (digit < min0_) min0_ = digit;
            return;
        }
        std::vector<T>& bucket = buckets_[level * kWidth + digit];
        if (bucket.capacity() == 0 && !spares_.empty()) [[unlikely]] {
            bucket.swap(spares_.back());
            spares_.pop_back();
        }
        append(bucket, item);
        bits_[level][digit >> 6U] |= std::uint64_t{1} << (digit & 63U);
        levels_ |= 1U << level;
    }

    // Level 0: a bucket's first item sits in first_, inline, the rest in the bucket's vector;
    // with fewer pending items than keys in a level-0 span (the common case), most buckets hold
    // one item and a pop or a refill touches no vector.
    [[gnu::always_inline]] void put0(Arg item, unsigned d) {
        if (count0_[d]++ == 0) {
            first_[d] = item;
        } else {
            append(buckets_[d], item);
        }
    }
    [[nodiscard]] const T& level0_item(unsigned d, std::uint32_t i) const {
        return i == 0 ? first_[d] : buckets_[d][i - 1];
    }

    // push_back, always inline (the reallocation stays out of line inside it): GCC otherwise
    // calls it out of line from refill()'s loop.
    [[gnu::always_inline]] static void append(std::vector<T>& bucket, Arg item) {
        bucket.push_back(item);
    }

    unsigned lowest_bucket(unsigned level) const {
        const auto& words = bits_[level];
        for (unsigned w = 0; w < 4; ++w) {
            if (words[w] != 0) return w * 64U + static_cast<unsigned>(std::countr_zero(words[w]));
        }
        return kWidth; // unreachable when the level's bit is set
    }

    // The lowest non-empty level-0 bucket at or above `from`; kWidth if there is none.
    unsigned level0_bucket_from(unsigned from) const {
        if (from >= kWidth) return kWidth;
        const auto& words = bits_[0];
        unsigned w = from >> 6U;
        std::uint64_t word = words[w] & (~std::uint64_t{0} << (from & 63U));
        while (word == 0) {
            if (++w == 4) return kWidth;
            word = words[w];
        }
        return w * 64U + static_cast<unsigned>(std::countr_zero(word));
    }

    void clear_bit(unsigned level, unsigned digit) {
        auto& words = bits_[level];
        words[digit >> 6U] &= ~(std::uint64_t{1} << (digit & 63U));
        if ((words[0] | words[1] | words[2] | words[3]) == 0) levels_ &= ~(1U << level);
    }

    // Level 0 is empty: take the lowest bucket of the lowest non-empty level and move its items
    // down around a new base, at most their least key, so that the least lands in level 0. From
    // level 1 the bucket's lowest possible key serves (every item then differs from it in the
    // lowest byte only), which saves a pass; from higher levels it is the least key itself. No
    // key elsewhere is below the base and all share its upper bytes, so the others keep their
    // places. Out of line: it runs once per bucket, and keeping it out keeps top() and pop()
    // small enough to need no saved registers.
    [[gnu::noinline]] void refill() {
        const auto level = static_cast<unsigned>(std::countr_zero(levels_));
        const unsigned digit = lowest_bucket(level);
        std::vector<T>& source = buckets_[level * kWidth + digit];
        if (level == 1) {
            // Every item differs from the new base in its lowest byte only: all land in level 0
            // (empty now), in the bucket of that byte.
            last_ = ((last_ >> 16U) << 16U) | (std::uint64_t{digit} << 8U);
            clear_bit(1, digit);
            auto& words = bits_[0];
            for (const T& item : source) {
                const auto d = static_cast<unsigned>(KeyOf{}(item)) & 0xFFU;
                put0(item, d);
                words[d >> 6U] |= std::uint64_t{1} << (d & 63U);
            }
            levels_ |= 1U;
            min0_ = lowest_bucket(0);
            retire(source);
            return;
        }
        std::uint64_t least = KeyOf{}(source.front());
        for (const T& item : source) {
            const std::uint64_t k = KeyOf{}(item);
            least = k < least ? k : least;
        }
        last_ = least;
        clear_bit(level, digit);
        // Every item lands in a level below `level`, never in `source` itself, so iterating
        // it while putting is safe; clearing it afterwards keeps its capacity for reuse.
        for (const T& item : source) put(item, KeyOf{}(item));
        retire(source);
    }

    // A drained bucket above level 0 hands its buffer to the spares, which the next such
    // bucket to receive an item takes: the few buffers in use then stay in cache, where 1,792
    // buffers each kept at their bucket's high-water mark would not (bench/README.md). Level-0
    // buckets, emptied one item at a time and often holding one, keep their own.
    void retire(std::vector<T>& bucket) {
        bucket.clear();
        if (bucket.capacity() < kSpareMin) return; // small buffers cost more to pass round
        spares_.emplace_back();
        spares_.back().swap(bucket);
    }

    void rebase(std::uint64_t key) {
        std::vector<T> all;
        all.reserve(size_);
        for (unsigned d = 0; d < kWidth; ++d) {
            for (std::uint32_t i = heads_[d]; i < count0_[d]; ++i) all.push_back(level0_item(d, i));
            heads_[d] = 0;
            count0_[d] = 0;
        }
        for (unsigned i = kWidth; i < kLevels * kWidth; ++i) {
            all.insert(all.end(), buckets_[i].begin(), buckets_[i].end());
        }
        for (auto& b : buckets_) b.clear();
        for (auto& words : bits_) words = {};
        levels_ = 0;
        min0_ = kWidth;
        last_ = key;
        for (const T& item : all) put(item, KeyOf{}(item));
    }

    std::array<std::vector<T>, kLevels * kWidth> buckets_{};
    std::array<std::array<std::uint64_t, 4>, kLevels> bits_{};
    std::array<T, kWidth> first_{};               // each level-0 bucket's first item
    std::array<std::uint32_t, kWidth> count0_{};  // items put in each level-0 bucket since it emptied
    std::array<std::uint32_t, kWidth> heads_{};   // items taken from each level-0 bucket
    std::vector<std::vector<T>> spares_;      // empty buffers with capacity, last retired on top
    std::uint64_t last_ = 0;
    std::size_t size_ = 0;
    unsigned levels_ = 0;     // bit L: level L has an item
    // The lowest non-empty level-0 bucket, kWidth when level 0 is empty. top() and pop() ask it,
    // never levels_, whether level 0 has an item: a push to a higher level writes levels_ with a
    // bit that depends on the new key, and reading it there would make every pop wait for the
    // previous push's key to be computed (bench/README.md).
    unsigned min0_ = kWidth;
};

} // namespace corridor::core::detail
