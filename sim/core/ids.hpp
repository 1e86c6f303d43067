// Tagged dense ids: indices 0…n−1 into vectors of nodes, links, services, …; invalid by default.
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

// The model's entities (network and services).
using NodeId = Id<struct NodeTag>;
using LinkId = Id<struct LinkTag>;
using CargoClassId = Id<struct CargoClassTag>;
using ServiceId = Id<struct ServiceTag>;
/// A vessel, counted across the vessel services' fleets in model order.
using VesselId = Id<struct VesselTag>;

// A scenario's and a run's entities.
using FlowId = Id<struct FlowTag>;
/// A consignment, numbered in creation order within a replication.
using ShipmentId = Id<struct ShipmentTag>;
/// A distinct route ridden in a run (RunResult::routes).
using RouteId = Id<struct RouteTag>;

} // namespace corridor::core

template <class Tag>
struct std::hash<corridor::core::Id<Tag>> {
    std::size_t operator()(corridor::core::Id<Tag> id) const noexcept { return id.index(); }
};
