#include "sim/core/units.hpp"

#include <gtest/gtest.h>

#include <type_traits>

#include "sim/core/ids.hpp"
#include "sim/core/time.hpp"

using namespace corridor::core;

static_assert(!std::is_convertible_v<double, Km>, "no implicit number to quantity");
static_assert(!std::is_convertible_v<std::uint32_t, NodeId>, "no implicit number to id");
static_assert(!std::is_constructible_v<NodeId, LinkId>, "ids of different kinds do not mix");
static_assert(travel_time(Km{120}, KmPerHour{60}) == Hours{2});
static_assert(std::is_trivially_copyable_v<Km> && sizeof(Km) == sizeof(double));

TEST(Units, SameUnitArithmeticAndRatios) {
    EXPECT_EQ((Km{300} + Km{36}).value(), 336);
    EXPECT_EQ((Km{10} * 2.5).value(), 25);
    EXPECT_DOUBLE_EQ(Km{336} / Km{112}, 3.0);
    EXPECT_EQ((Teu{41} * 2).value(), 82);
    EXPECT_DOUBLE_EQ(tonne_km(Tonnes{20}, Km{500}).value(), 10000);
}

TEST(Time, HoursRoundToTheNearestSecondOnce) {
    EXPECT_EQ(to_ticks(Hours{2.5}), Duration{9000});
    EXPECT_EQ(to_ticks(Hours{1.0 / 7200}), Duration{0}); // a tie (0.5 s) rounds to even
    EXPECT_EQ(to_ticks(Hours{3.0 / 7200}), Duration{2}); // 1.5 s
    EXPECT_EQ(to_ticks(Hours{0.4 / 3600}), Duration{0});
    EXPECT_EQ(at_hours(18).seconds(), 64800);
    EXPECT_EQ(to_string(at_seconds(3 * 86400 + 4 * 3600 + 5 * 60 + 6)), "d3 04:05:06");
}

TEST(Ids, DefaultIsInvalidAndIndicesCompare) {
    EXPECT_FALSE(NodeId{}.valid());
    EXPECT_TRUE(NodeId{0}.valid());
    EXPECT_LT(NodeId{1}, NodeId{2});
    EXPECT_EQ(NodeId{3}.index(), 3U);
}
