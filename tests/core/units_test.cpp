#include "sim/core/units.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <type_traits>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/random.hpp"
#include "sim/core/time.hpp"

using namespace corridor::core;

static_assert(!std::is_convertible_v<double, Km>, "no implicit number to quantity");
static_assert(!std::is_convertible_v<std::uint32_t, NodeId>, "no implicit number to id");
static_assert(!std::is_constructible_v<NodeId, LinkId>, "ids of different kinds do not mix");
static_assert(travel_time(Km{120}, KmPerHour{60}) == Hours{2});
static_assert(!std::is_invocable_v<std::plus<>, Km, Tonnes>, "different quantities do not add");
static_assert(std::is_trivially_copyable_v<Km> && sizeof(Km) == sizeof(double));

TEST(Units, SameUnitArithmeticAndRatios) {
    EXPECT_EQ((Km{300} + Km{36}).value(), 336);
    EXPECT_EQ((Km{10} * 2.5).value(), 25);
    EXPECT_DOUBLE_EQ(Km{336} / Km{112}, 3.0);
    EXPECT_EQ((Units{41} * 2.0).value(), 82);
}

TEST(Units, RelationsBetweenUnitsAreNamed) {
    EXPECT_DOUBLE_EQ(cost_over(UsdPerUnitKm{0.5}, Km{300}).value(), 150);
    // 20 t over 500 km at 25 g per tonne-km: 250 kg.
    EXPECT_DOUBLE_EQ(emissions(GramsPerTonneKm{25}, Tonnes{20}, Km{500}).value(), 250);
    EXPECT_DOUBLE_EQ(Days{1.5} / Hours{1}, 36.0);
}

TEST(Time, HoursRoundToTheNearestSecondOnce) {
    EXPECT_EQ(to_ticks(Hours{2.5}), Duration{9000});
    EXPECT_EQ(to_ticks(Hours{1.0 / 7200}), Duration{0}); // a tie (0.5 s) rounds to even
    EXPECT_EQ(to_ticks(Hours{3.0 / 7200}), Duration{2}); // 1.5 s
    EXPECT_EQ(to_ticks(Hours{0.4 / 3600}), Duration{0});
    EXPECT_EQ(at_hours(18).seconds(), 64800);
    EXPECT_EQ(to_string(at_seconds(3 * 86400 + 4 * 3600 + 5 * 60 + 6)), "d3 04:05:06");
}

TEST(Time, RunTimeRoundingAgreesWithChronoRound) {
    // to_ticks rounds with std::nearbyint at run time and with std::chrono::round at compile
    // time: the two must agree, ties and negative values included, over a wide spread of values.
    RandomStream random{42};
    std::vector<double> values{0.5 / 3600, 1.5 / 3600, 2.5 / 3600, -0.5 / 3600, -1.5 / 3600, 1e-9, 0, 1e6};
    for (int i = 0; i < 200000; ++i) {
        const double magnitude = std::pow(10.0, -6.0 + 12.0 * random.uniform01());
        values.push_back((random.below(2) == 0 ? -1 : 1) * magnitude);
        values.push_back(static_cast<double>(random.below(1000000)) / 7200.0); // half seconds: ties
    }
    for (const double h : values) {
        ASSERT_EQ(to_ticks(Hours{h}), std::chrono::round<Duration>(Hours{h})) << h;
    }
}

TEST(Ids, DefaultIsInvalidAndIndicesCompare) {
    EXPECT_FALSE(NodeId{}.valid());
    EXPECT_TRUE(NodeId{0}.valid());
    EXPECT_LT(NodeId{1}, NodeId{2});
    EXPECT_EQ(NodeId{3}.index(), 3U);
}
