#include "sim/core/quantiles.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/core/distributions.hpp"

using namespace corridor::core;

TEST(Quantiles, Type7MatchesRAndNumPy) {
    // R: quantile(1:10, c(0, .25, .5, .9, 1)) = 1, 3.25, 5.5, 9.1, 10.
    SampleQuantiles q;
    for (int i = 10; i >= 1; --i) q.add(i);
    EXPECT_DOUBLE_EQ(q.quantile(0), 1);
    EXPECT_DOUBLE_EQ(q.quantile(0.25), 3.25);
    EXPECT_DOUBLE_EQ(q.quantile(0.5), 5.5);
    EXPECT_DOUBLE_EQ(q.quantile(0.9), 9.1);
    EXPECT_DOUBLE_EQ(q.quantile(1), 10);
    SampleQuantiles empty;
    EXPECT_TRUE(std::isnan(empty.quantile(0.5)));
}

TEST(QuantileSketch, EveryQuantileIsWithinTheStatedRelativeError) {
    // Lognormal transit times spanning three orders of magnitude, plus exact zeros.
    const Distribution d{Lognormal{100, 150}};
    RandomStream stream{17};
    QuantileSketch sketch{0.01};
    std::vector<double> values;
    for (int i = 0; i < 100000; ++i) {
        const double x = i % 50 == 0 ? 0.0 : d.sample(stream);
        sketch.add(x);
        values.push_back(x);
    }
    std::sort(values.begin(), values.end());
    for (const double q : {0.0, 0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
        const double exact = values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1))];
        EXPECT_LE(std::fabs(sketch.quantile(q) - exact), 0.01 * exact + 1e-12) << "q = " << q;
    }
    EXPECT_LT(sketch.bucket_count(), 1000U); // bounded: ln(max/min)/ln(1.0202) buckets
}

TEST(QuantileSketch, MergedSketchesAnswerLikeOne) {
    QuantileSketch a, b, all;
    for (int i = 1; i <= 1000; ++i) {
        (i % 3 == 0 ? a : b).add(i);
        all.add(i);
    }
    a.merge(b);
    EXPECT_EQ(a.count(), 1000U);
    for (const double q : {0.1, 0.5, 0.99}) EXPECT_EQ(a.quantile(q), all.quantile(q));
}

TEST(BoundedQuantiles, ExactUpToItsBoundThenTheSketchs) {
    BoundedQuantiles q{10, 0.01, 1e-6};
    QuantileSketch sketch{0.01, 1e-6};
    for (int i = 10; i >= 1; --i) {
        q.add(i);
        sketch.add(i);
    }
    EXPECT_TRUE(q.exact());
    EXPECT_DOUBLE_EQ(q.quantile(0.9), 9.1); // type 7, as SampleQuantiles
    q.add(11);
    sketch.add(11);
    EXPECT_FALSE(q.exact());
    EXPECT_EQ(q.count(), 11U);
    for (const double level : {0.1, 0.5, 0.95}) EXPECT_EQ(q.quantile(level), sketch.quantile(level));
}

TEST(BoundedQuantiles, SelectionGivesTheSortedType7Quantiles) {
    RandomStream stream{5};
    BoundedQuantiles bounded{1000, 0.01, 1e-6};
    SampleQuantiles sorted;
    for (int i = 0; i < 777; ++i) {
        const double x = std::floor(stream.uniform01() * 50); // ties, as transit hours have
        bounded.add(x);
        sorted.add(x);
    }
    for (const double q : {0.0, 0.05, 0.5, 0.9, 0.95, 0.999, 1.0}) EXPECT_EQ(bounded.quantile(q), sorted.quantile(q)) << q;
}
