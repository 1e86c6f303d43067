#include "sim/network/detail/frontier_heap.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <utility>

#include "sim/core/random.hpp"

using namespace corridor;

namespace {
struct Item {
    std::uint64_t key;
    std::uint64_t id; // the push that made it
};
struct KeyOf {
    std::uint64_t operator()(const Item& item) const { return item.key; }
};
using Heap = network::detail::FrontierHeap<Item, KeyOf>;

// Pops as a search does (keys pushed never below the last popped), against an oracle ordered by
// (key, push order), with `open` states kept open on average: few (the 4-ary heap only) or many
// (handed over to the radix heap midway). Many equal keys, as clamped search keys give.
void pop_order_matches_oracle(Heap& heap, std::uint64_t seed, std::size_t open) {
    core::RandomStream random{seed};
    std::map<std::pair<std::uint64_t, std::uint64_t>, std::uint64_t> oracle;
    std::uint64_t floor = 0, pushes = 0;
    heap.clear();
    auto push = [&] {
        const std::uint64_t key = floor + (random.below(4) == 0 ? 0 : random.below(random.below(2) ? 300 : 5'000'000));
        heap.push(Item{key, pushes});
        oracle.emplace(std::make_pair(key, pushes), pushes);
        ++pushes;
    };
    for (std::size_t i = 0; i < open; ++i) push();
    for (int step = 0; step < 20000 && !oracle.empty(); ++step) {
        const Item top = heap.top();
        heap.pop();
        const auto expected = oracle.begin();
        ASSERT_EQ(top.id, expected->second) << "step " << step; // stops at the first mismatch
        ASSERT_EQ(top.key, expected->first.first) << "step " << step;
        oracle.erase(expected);
        floor = top.key;
        for (auto n = random.below(3); n > 0; --n) push(); // one pushed per pop on average
    }
}
} // namespace

TEST(FrontierHeap, PopsByKeyThenPushOrderBeforeAndAfterTheHandOver) {
    Heap heap;
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        pop_order_matches_oracle(heap, seed, 20);                         // stays on the 4-ary heap
        pop_order_matches_oracle(heap, seed, Heap::kHandOver + 500);      // handed over at the start
        pop_order_matches_oracle(heap, seed, Heap::kHandOver - 3);        // handed over as it grows
    }
}

TEST(FrontierHeap, ClearStartsAfreshAfterAHandOver) {
    Heap heap;
    for (std::uint64_t i = 0; i < Heap::kHandOver + 10; ++i) heap.push(Item{1000 + i, i});
    EXPECT_EQ(heap.top().key, 1000U);
    heap.clear();
    EXPECT_TRUE(heap.empty());
    heap.push(Item{5, 0}); // below the keys before the clear: a new search starts from 0
    heap.push(Item{3, 1});
    heap.push(Item{3, 2});
    EXPECT_EQ(heap.top().id, 1U);
    heap.pop();
    EXPECT_EQ(heap.top().id, 2U);
    heap.pop();
    EXPECT_EQ(heap.top().id, 0U);
    heap.pop();
    EXPECT_TRUE(heap.empty());
}
