// A pairing heap (Fredman et al. 1986) over a node pool, with the two-pass merge. Here only as
// a candidate for the pending-event set, measured against d-ary heaps in core/engine_bench.cpp.
#pragma once
#include <cstdint>
#include <vector>

namespace corridor::bench {

template <class T, class Less>
class PairingHeap {
public:
    [[nodiscard]] bool empty() const { return root_ == kNone; }
    [[nodiscard]] const T& top() const { return nodes_[root_].item; }

    void push(const T& item) {
        std::uint32_t n = 0;
        if (free_.empty()) {
            n = static_cast<std::uint32_t>(nodes_.size());
            nodes_.push_back(Node{item, kNone, kNone});
        } else {
            n = free_.back();
            free_.pop_back();
            nodes_[n] = Node{item, kNone, kNone};
        }
        root_ = root_ == kNone ? n : meld(root_, n);
    }

    void pop() {
        const std::uint32_t old = root_;
        free_.push_back(old);
        root_ = merge_pairs(nodes_[old].child);
    }

private:
    static constexpr std::uint32_t kNone = ~std::uint32_t{0};
    struct Node {
        T item;
        std::uint32_t child;
        std::uint32_t sibling;
    };

    std::uint32_t meld(std::uint32_t a, std::uint32_t b) {
        if (less_(nodes_[b].item, nodes_[a].item)) std::swap(a, b);
        nodes_[b].sibling = nodes_[a].child;
        nodes_[a].child = b;
        return a;
    }

    std::uint32_t merge_pairs(std::uint32_t first) {
        if (first == kNone) return kNone;
        // Pass 1: meld pairs left to right, collecting the results.
        pairs_.clear();
        while (first != kNone) {
            const std::uint32_t a = first;
            const std::uint32_t b = nodes_[a].sibling;
            if (b == kNone) {
                nodes_[a].sibling = kNone;
                pairs_.push_back(a);
                break;
            }
            first = nodes_[b].sibling;
            nodes_[a].sibling = kNone;
            nodes_[b].sibling = kNone;
            pairs_.push_back(meld(a, b));
        }
        // Pass 2: meld right to left.
        std::uint32_t result = pairs_.back();
        for (std::size_t i = pairs_.size() - 1; i-- > 0;) result = meld(pairs_[i], result);
        return result;
    }

    std::vector<Node> nodes_;
    std::vector<std::uint32_t> free_;
    std::vector<std::uint32_t> pairs_;
    std::uint32_t root_ = kNone;
    Less less_{};
};

} // namespace corridor::bench
