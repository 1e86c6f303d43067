// Tagged dense ids: indices 0…n−1 into vectors of nodes, links, shipments, …; invalid by default.
#pragma once
#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

namespace corridor::core {

template <class Tag>
class Id {
public:
    using Rep = std::uint32_t;
    constexpr Id() = default;
    constexpr explicit Id(Rep index) : index_{index} {}
    [[nodiscard]] constexpr Rep index() const { return index_; }
    [[nodiscard]] constexpr bool valid() const { return index_ != kInvalid; }
    friend constexpr auto operator<=>(const Id&, const Id&) = default;

private:
    static constexpr Rep kInvalid = std::numeric_limits<Rep>::max();
    Rep index_ = kInvalid;
};

using NodeId = Id<struct NodeTag>;
using LinkId = Id<struct LinkTag>;
using ServiceId = Id<struct ServiceTag>;
using VehicleId = Id<struct VehicleTag>;
using ShipmentId = Id<struct ShipmentTag>;
using FlowId = Id<struct FlowTag>;
using CargoClassId = Id<struct CargoClassTag>;

} // namespace corridor::core

template <class Tag>
struct std::hash<corridor::core::Id<Tag>> {
    std::size_t operator()(corridor::core::Id<Tag> id) const noexcept { return id.index(); }
};
