#include "sim/core/time_weighted.hpp"

#include <gtest/gtest.h>

using namespace corridor::core;

TEST(TimeWeighted, AveragesALevelOverTime) {
    // Queue of 0 for 10 s, 4 for 20 s, 1 for 10 s: (0·10 + 4·20 + 1·10) / 40 = 2.25.
    TimeWeighted queue;
    queue.set(at_seconds(10), 4);
    queue.set(at_seconds(30), 1);
    EXPECT_DOUBLE_EQ(queue.mean(at_seconds(40)), 2.25);
    EXPECT_EQ(queue.max(), 4);
    EXPECT_EQ(queue.level(), 1);
}

TEST(TimeWeighted, ResetStartsTheAverageAfterWarmUp) {
    TimeWeighted queue;
    queue.set(at_seconds(0), 100);
    queue.reset(at_seconds(50));
    queue.add(at_seconds(60), -98);
    // 100 for 10 s then 2 for 30 s, from t = 50: (1000 + 60) / 40 = 26.5.
    EXPECT_DOUBLE_EQ(queue.mean(at_seconds(90)), 26.5);
}

TEST(TimeWeighted, NoElapsedTimeGivesTheCurrentLevel) {
    TimeWeighted queue{at_seconds(5), 3};
    EXPECT_EQ(queue.mean(at_seconds(5)), 3);
}
