// A server pool (border lanes, cranes, berths): first come first served, and the statistics a
// user reads per resource.
#include "sim/logistics/resource.hpp"

#include "sim/core/ids.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace corridor::logistics {
namespace {

core::SimTime at(std::int64_t seconds) { return core::at_seconds(seconds); }

// What the pools here serve: entities named by number.
using Ticket = core::Id<struct TicketTag>;
using Pool = ServerPool<Ticket>;

TEST(ServerPool, ServesInArrivalOrderThroughAQueueThatNeverEmpties) {
    // One server and a queue kept hundreds long for thousands of services: the order in which
    // entities are served must be the order in which they asked, however the queue's storage
    // is reused underneath.
    Pool pool{"cranes X", "cranes", 1};
    std::uint32_t next_entity = 0;
    ASSERT_TRUE(pool.request(at(0), Ticket{next_entity++})); // served at once
    for (int i = 0; i < 300; ++i) EXPECT_FALSE(pool.request(at(0), Ticket{next_entity++}));
    EXPECT_EQ(pool.queued(), 300U);

    std::vector<std::uint32_t> served{0};
    for (std::int64_t t = 1; t <= 4300; ++t) {
        const auto granted = pool.release(at(t));
        ASSERT_TRUE(granted.has_value());
        served.push_back(granted->index());
        if (t <= 4000) {
            EXPECT_FALSE(pool.request(at(t), Ticket{next_entity++})); // one in, one out
        }
    }
    EXPECT_EQ(pool.queued(), 0U);
    EXPECT_EQ(pool.release(at(4301)), std::nullopt);
    ASSERT_EQ(served.size(), 4301U);
    for (std::size_t i = 0; i < served.size(); ++i) EXPECT_EQ(served[i], i) << "position " << i;
    EXPECT_EQ(pool.served(), 4301U);
    // Each waited from its request until its service: the first 300 from 0 until 1..300 s, the
    // rest 300 s each.
    EXPECT_DOUBLE_EQ(pool.waits_h().max(), 300.0 / 3600.0);
}

TEST(ServerPool, DrainsToEmptyAndStartsAfresh) {
    Pool pool{"border Y in", "border", 2};
    EXPECT_TRUE(pool.request(at(0), Ticket{10}));
    EXPECT_TRUE(pool.request(at(0), Ticket{11}));
    EXPECT_FALSE(pool.request(at(0), Ticket{12}));
    EXPECT_FALSE(pool.request(at(0), Ticket{13}));
    EXPECT_EQ(pool.release(at(3600)), std::optional<Ticket>{Ticket{12}});
    EXPECT_EQ(pool.release(at(7200)), std::optional<Ticket>{Ticket{13}});
    EXPECT_EQ(pool.queued(), 0U);
    EXPECT_EQ(pool.release(at(7200)), std::nullopt);
    EXPECT_EQ(pool.release(at(7200)), std::nullopt);
    // Empty again: a new arrival is served at once, and the next one queues behind nobody else.
    EXPECT_TRUE(pool.request(at(10800), Ticket{14}));
    EXPECT_TRUE(pool.request(at(10800), Ticket{15}));
    EXPECT_FALSE(pool.request(at(10800), Ticket{16}));
    EXPECT_EQ(pool.release(at(14400)), std::optional<Ticket>{Ticket{16}});
    // Waits: 0, 0, 1 h, 2 h, 0, 0, 1 h over seven services.
    EXPECT_EQ(pool.served(), 7U);
    EXPECT_DOUBLE_EQ(pool.waits_h().mean(), 4.0 / 7.0);
    EXPECT_DOUBLE_EQ(pool.waits_h().max(), 2.0);
    // Queue length over [0, 4 h]: 2 for 1 h, 1 for 1 h, 0 for 1 h, 1 for 1 h.
    EXPECT_DOUBLE_EQ(pool.queue_mean(at(14400)), (2.0 + 1.0 + 0.0 + 1.0) / 4.0);
    EXPECT_DOUBLE_EQ(pool.queue_max(), 2.0);
}

TEST(ServerPool, AClosedPoolQueuesEveryoneAndAdmitsThemInOrderWhenItOpens) {
    // Two lanes, closed from the start: nobody is served, whoever asks queues; one being served
    // when it closes finishes, and its lane stays free until the pool opens again.
    Pool pool{"border X in", "border", 2};
    ASSERT_TRUE(pool.request(at(0), Ticket{7}));
    pool.set_open(false);
    EXPECT_FALSE(pool.request(at(10), Ticket{1}));
    EXPECT_FALSE(pool.request(at(20), Ticket{2}));
    EXPECT_FALSE(pool.request(at(30), Ticket{3}));
    EXPECT_EQ(pool.admit(at(40)), std::nullopt); // closed: a free lane is not enough
    EXPECT_EQ(pool.release(at(50)), std::nullopt); // entity 7 leaves; nobody takes its lane
    EXPECT_EQ(pool.queued(), 3U);
    pool.set_open(true);
    EXPECT_EQ(pool.admit(at(100)), std::optional<Ticket>{Ticket{1}});
    EXPECT_EQ(pool.admit(at(100)), std::optional<Ticket>{Ticket{2}});
    EXPECT_EQ(pool.admit(at(100)), std::nullopt); // both lanes busy
    EXPECT_EQ(pool.release(at(130)), std::optional<Ticket>{Ticket{3}});
    EXPECT_EQ(pool.queued(), 0U);
    // Waits: 0 s, 90 s, 80 s and 100 s.
    EXPECT_EQ(pool.served(), 4U);
    EXPECT_DOUBLE_EQ(pool.waits_h().mean(), (0.0 + 90 + 80 + 100) / 4 / 3600);
}

} // namespace
} // namespace corridor::logistics
