// A candidate for the engine's pending-event set, kept for the comparison in
// core/engine_bench.cpp (bench/README.md): the engine's radix heap (sim/core/detail/
// wide_radix_heap.hpp) with the buckets of levels 1-7 as chains of fixed-size chunks from one
// shared pool with a last-in first-out free list instead of a vector each, so that the 1,792
// buckets share the few chunks in use instead of each keeping a buffer at its high-water mark.
// Faster at 10^5 pending events, slower at 10^3, where the chains cost more than they save.
#pragma once
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace corridor::bench {

/// `KeyOf(item)` returns the item's std::uint64_t key. Keys pushed must be >= the last key
/// popped; a key below the current base after a top() without pop() costs an O(n) rebase.
template <class T, class KeyOf>
class ChunkedRadixHeap {
public:
    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] std::size_t size() const { return size_; }

    /// Empties the heap and restarts its keys from 0, keeping the pool's chunks for reuse.
    /// O(non-empty buckets).
    void clear() {
        while (levels_ != 0) {
            const auto level = static_cast<unsigned>(std::countr_zero(levels_));
            const unsigned digit = lowest_bucket(level);
            if (level == 0) {
                level0_[digit].clear();
                heads_[digit] = 0;
            } else {
                Bucket& b = buckets_[level * kWidth + digit];
                release(b.head, b.tail);
                b = Bucket{};
            }
            clear_bit(level, digit);
        }
        min0_ = kWidth;
        last_ = 0;
        size_ = 0;
    }

    void push(const T& item) {
        const std::uint64_t key = KeyOf{}(item);
        if (key < last_) rebase(key);
        put(item, key);
        ++size_;
    }

    /// The least key, first pushed among equals. Precondition: !empty(). The reference is
    /// valid until the next push or pop.
    const T& top() {
        if ((levels_ & 1U) == 0) refill();
        return level0_[min0_][heads_[min0_]];
    }

    /// The least item if it can be had without moving items down (a peek that never forces a
    /// rebase of later pushes); nullptr otherwise.
    [[nodiscard]] const T* peek_cheap() const {
        return (levels_ & 1U) ? &level0_[min0_][heads_[min0_]] : nullptr;
    }

    void pop() {
        if ((levels_ & 1U) == 0) refill();
        const unsigned d = min0_;
        --size_;
        if (++heads_[d] == level0_[d].size()) {
            level0_[d].clear();
            heads_[d] = 0;
            clear_bit(0, d);
            min0_ = (levels_ & 1U) ? lowest_bucket_from(0, d) : kWidth;
        }
    }

private:
    static constexpr unsigned kLevels = 8;
    static constexpr unsigned kWidth = 256;
    static constexpr std::uint32_t kChunk = 16; // items per chunk: 384 bytes of 24-byte records
    static constexpr std::uint32_t kNil = ~std::uint32_t{0};

    struct Chunk {
        T items[kChunk];
        std::uint32_t next;
    };
    // A chain of chunks from head to tail, written at tail_count (buckets of levels 1-7 are
    // only ever appended to and drained whole). An empty bucket has head == tail == kNil.
    struct Bucket {
        std::uint32_t head = kNil;
        std::uint32_t tail = kNil;
        std::uint32_t tail_count = 0;
    };

    std::uint32_t acquire() {
        if (free_ != kNil) {
            const std::uint32_t c = free_;
            free_ = chunks_[c].next;
            return c;
        }
        chunks_.emplace_back();
        return static_cast<std::uint32_t>(chunks_.size() - 1);
    }
    // Returns the chain first..last (linked through next) to the free list, in O(1).
    void release(std::uint32_t first, std::uint32_t last) {
        chunks_[last].next = free_;
        free_ = first;
    }

    void put(const T& item, std::uint64_t key) {
        const std::uint64_t x = key ^ last_;
        const unsigned level = x == 0 ? 0U : static_cast<unsigned>(std::bit_width(x) - 1) / 8U;
        const auto digit = static_cast<unsigned>(key >> (8U * level)) & 0xFFU;
        if (level == 0) {
            level0_[digit].push_back(item);
            if (digit < min0_) min0_ = digit;
        } else {
            Bucket& b = buckets_[level * kWidth + digit];
            if (b.tail_count == kChunk || b.tail == kNil) [[unlikely]] {
                const std::uint32_t c = acquire();
                chunks_[c].next = kNil;
                if (b.tail == kNil) {
                    b.head = c;
                } else {
                    chunks_[b.tail].next = c;
                }
                b.tail = c;
                b.tail_count = 0;
            }
            chunks_[b.tail].items[b.tail_count++] = item;
        }
        bits_[level][digit >> 6U] |= std::uint64_t{1} << (digit & 63U);
        levels_ |= 1U << level;
    }

    unsigned lowest_bucket(unsigned level) const { return lowest_bucket_from(level, 0); }

    // The lowest non-empty bucket of `level` at or above `from` (none lies below it).
    // Precondition: the level has an item.
    unsigned lowest_bucket_from(unsigned level, unsigned from) const {
        const auto& words = bits_[level];
        unsigned w = from >> 6U;
        std::uint64_t word = words[w] & (~std::uint64_t{0} << (from & 63U));
        while (word == 0) word = words[++w];
        return w * 64U + static_cast<unsigned>(std::countr_zero(word));
    }

    void clear_bit(unsigned level, unsigned digit) {
        auto& words = bits_[level];
        words[digit >> 6U] &= ~(std::uint64_t{1} << (digit & 63U));
        if ((words[0] | words[1] | words[2] | words[3]) == 0) levels_ &= ~(1U << level);
    }

    // Calls f(item) for every item of bucket b in order, then returns its chunks to the pool.
    // f may put items into other buckets (the pool may grow, so items are copied out by index).
    template <class F>
    void drain(Bucket b, F f) {
        for (std::uint32_t c = b.head; c != kNil; c = chunks_[c].next) {
            const std::uint32_t end = c == b.tail ? b.tail_count : kChunk;
            for (std::uint32_t i = 0; i < end; ++i) {
                const T item = chunks_[c].items[i];
                f(item);
            }
        }
        if (b.head != kNil) release(b.head, b.tail);
    }

    // Level 0 is empty: take the lowest bucket of the lowest non-empty level and move its items
    // down around a new base, at most their least key, so that the least lands in level 0. From
    // level 1 the bucket's lowest possible key serves (every item then differs from it in the
    // lowest byte only), which saves a pass; from higher levels it is the least key itself. No
    // key elsewhere is below the base and all share its upper bytes, so the others keep their
    // places. Out of line: it runs once per bucket, and keeping it out keeps top() and pop()
    // small.
    [[gnu::noinline]] void refill() {
        const auto level = static_cast<unsigned>(std::countr_zero(levels_));
        const unsigned digit = lowest_bucket(level);
        const unsigned index = level * kWidth + digit;
        const Bucket source = buckets_[index];
        buckets_[index] = Bucket{};
        clear_bit(level, digit);
        if (level == 1) {
            last_ = ((last_ >> 16U) << 16U) | (std::uint64_t{digit} << 8U);
        } else {
            std::uint64_t least = ~std::uint64_t{0};
            drain_keys(source, least);
            last_ = least;
        }
        // Every item lands in a level below `level`, never back in `source`.
        drain(source, [this](const T& item) { put(item, KeyOf{}(item)); });
    }

    // The least key in bucket b (which stays as it is).
    void drain_keys(const Bucket& b, std::uint64_t& least) const {
        for (std::uint32_t c = b.head; c != kNil; c = chunks_[c].next) {
            const std::uint32_t end = c == b.tail ? b.tail_count : kChunk;
            for (std::uint32_t i = 0; i < end; ++i) {
                const std::uint64_t k = KeyOf{}(chunks_[c].items[i]);
                least = k < least ? k : least;
            }
        }
    }

    void rebase(std::uint64_t key) {
        std::vector<T> all;
        all.reserve(size_);
        for (unsigned d = 0; d < kWidth; ++d) {
            all.insert(all.end(), level0_[d].begin() + static_cast<std::ptrdiff_t>(heads_[d]), level0_[d].end());
            level0_[d].clear();
            heads_[d] = 0;
        }
        for (unsigned i = kWidth; i < kLevels * kWidth; ++i) {
            if (buckets_[i].head != kNil) {
                drain(buckets_[i], [&all](const T& item) { all.push_back(item); });
                buckets_[i] = Bucket{};
            }
        }
        for (auto& words : bits_) words = {};
        levels_ = 0;
        min0_ = kWidth;
        last_ = key;
        for (const T& item : all) put(item, KeyOf{}(item));
    }

    std::array<std::vector<T>, kWidth> level0_{};
    std::array<std::size_t, kWidth> heads_{}; // read position in each level-0 bucket
    std::array<Bucket, kLevels * kWidth> buckets_{}; // levels 1-7 (the first kWidth are unused)
    std::array<std::array<std::uint64_t, 4>, kLevels> bits_{};
    std::vector<Chunk> chunks_;
    std::uint32_t free_ = kNil; // head of the free chunks, linked through Chunk::next
    std::uint64_t last_ = 0;    // the base: every key in the heap is >= it
    std::size_t size_ = 0;
    unsigned levels_ = 0;       // bit L: level L has an item
    unsigned min0_ = kWidth;    // the lowest non-empty level-0 bucket, kWidth when level 0 is empty
};

} // namespace corridor::bench
