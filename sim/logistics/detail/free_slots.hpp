// Slots of an entity vector reused after their entity leaves: consignments, vehicles, setup
// batches. Memory then follows what is in the system, not all that ever was.
#pragma once
#include <cstdint>
#include <vector>

namespace corridor::logistics::detail {

/// The index for a new entity: the slot freed last, if any (its old contents are left for the
/// caller to overwrite, buffers and all), else a new slot at the end holding `fresh`.
template <class Items, class T>
std::uint32_t take_slot(Items& items, std::vector<std::uint32_t>& free, const T& fresh) {
    if (free.empty()) {
        items.push_back(fresh);
        return static_cast<std::uint32_t>(items.size() - 1);
    }
    const std::uint32_t slot = free.back();
    free.pop_back();
    return slot;
}

} // namespace corridor::logistics::detail
