// The frontier of a route search towards a target. Such a search usually keeps few states open,
// and a 4-ary heap serves it best; one on a large grid keeps thousands open, and the wide radix
// heap serves those best (bench/README.md), as it does one-to-all searches. So the frontier
// starts on a 4-ary heap and hands itself over to a radix heap if it grows past kHandOver
// states. Both heaps give the least key first and equal keys in the order pushed, and the
// hand-over keeps that order, so a search expands its states in the same order whichever heap
// holds them: its answers, ties included, do not depend on the hand-over.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/core/detail/wide_radix_heap.hpp"

namespace corridor::network::detail {

/// `KeyOf(item)` returns the item's std::uint64_t key; keys pushed must be >= the last key
/// popped (as for core::detail::WideRadixHeap).
template <class T, class KeyOf>
class FrontierHeap {
public:
    static constexpr std::size_t kHandOver = 1024; // states open (bench/README.md: measured)
    using Arg = typename core::detail::WideRadixHeap<T, KeyOf>::Arg; // by value up to 16 bytes

    [[nodiscard]] bool empty() const { return wide_ ? radix_.empty() : slots_.empty(); }

    /// Empties the frontier for a new search, keeping the storage.
    void clear() {
        if (wide_) radix_.clear();
        slots_.clear();
        pushed_ = 0;
        wide_ = false;
    }

    // push and pop always inline: a search is their loop, and with a search instantiated per
    // metric and bound GCC stopped inlining them (slower on BM_PointToPoint_Grid, bench/README.md).
    [[gnu::always_inline]] void push(Arg item) {
        if (wide_) {
            radix_.push(item);
            return;
        }
        const Slot slot{KeyOf{}(item), pushed_++, item};
        std::size_t i = slots_.size();
        slots_.push_back(slot);
        while (i > 0) {
            const std::size_t parent = (i - 1) / kArity;
            if (!before(slot, slots_[parent])) break;
            slots_[i] = slots_[parent];
            i = parent;
        }
        slots_[i] = slot;
        if (slots_.size() > kHandOver) [[unlikely]] hand_over();
    }

    /// The least key, first pushed among equals. Precondition: !empty().
    [[nodiscard]] const T& top() { return wide_ ? radix_.top() : slots_.front().item; }

    /// The least item if it is known without moving items (for a prefetch); nullptr otherwise.
    [[nodiscard]] const T* peek_cheap() const {
        if (wide_) return radix_.peek_cheap();
        return slots_.empty() ? nullptr : &slots_.front().item;
    }

    /// Precondition: !empty().
    [[gnu::always_inline]] void pop() {
        if (wide_) {
            radix_.pop();
            return;
        }
        const Slot last = slots_.back();
        slots_.pop_back();
        const std::size_t n = slots_.size();
        if (n == 0) return;
        std::size_t i = 0; // the hole, filled by `last` where it belongs
        for (;;) {
            const std::size_t first = kArity * i + 1;
            if (first >= n) break;
            std::size_t best = first;
            // (Written so that GCC selects the least child without branches.)
            for (std::size_t c = first + 1; c < first + kArity && c < n; ++c) {
                if (before(slots_[c], slots_[best])) best = c;
            }
            if (!before(slots_[best], last)) break;
            slots_[i] = slots_[best];
            i = best;
        }
        slots_[i] = last;
    }

private:
    static constexpr std::size_t kArity = 4;
    struct Slot {
        std::uint64_t key;
        std::uint64_t pushed; // pushes before it in this search: equal keys come out in this order
        T item;
    };
    static bool before(const Slot& a, const Slot& b) { return a.key != b.key ? a.key < b.key : a.pushed < b.pushed; }

    // The radix heap takes the frontier in (key, push) order: it keeps equal keys in the order
    // they come, so the pops to come are the same.
    [[gnu::noinline]] void hand_over() {
        std::sort(slots_.begin(), slots_.end(), before);
        for (const Slot& slot : slots_) radix_.push(slot.item);
        slots_.clear();
        wide_ = true;
    }

    std::vector<Slot> slots_;
    std::uint64_t pushed_ = 0;
    bool wide_ = false;
    core::detail::WideRadixHeap<T, KeyOf> radix_;
};

} // namespace corridor::network::detail
