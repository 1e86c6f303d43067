// The links as the link step keeps them: path pacing and counts (hot), disruption state and path
// waits (cold), and the planned links' opening days. A line's statistics are its resource row.
#pragma once
#include <map>

#include "sim/core/quantiles.hpp"
#include "sim/core/time_weighted.hpp"
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "sim/core/id_vector.hpp"
#include "sim/core/time.hpp"
#include "sim/logistics/detail/ids.hpp"
#include "sim/logistics/result.hpp"
#include "sim/network/network.hpp"

namespace corridor::logistics::detail {

// Everything a vehicle reads and writes about a link as it asks for a path and enters it, in half
// a cache line: on large networks each link step is otherwise a cache miss per array touched, and
// the records of the links in use should stay in cache together. (What a ride costs is in the
// leg's cost; what changes only with a disruption, and the path waits, are in LinkState;
// vehicles held by a closure wait with the disruptions.)
struct alignas(32) LinkRec {
    core::SimTime next_free;       // next train path
    core::Duration headway{0};     // 86,400 s / (capacity × factor), kept with the factor
    std::int64_t busy_seconds = 0; // paths taken × headway (links with a capacity)
    std::uint32_t trains = 0;      // vehicles that entered it since the warm-up
    bool closed = false;           // a disruption's factor <= 0
    bool paced = false;            // it has a capacity: trains take a path
    bool always_open = false;      // status open: no calendar check needed
    bool enters_country = false;   // it ends at a border in another country than it starts: the
                                   // border is crossed inbound (read here, not from two nodes' records)
};
static_assert(sizeof(LinkRec) == 32);

// The rest of a link's state, read when a disruption starts or ends or a train had to wait.
struct LinkState {
    double factor = 1;            // disruptions: 0 closes, (0, 1) derates
    double capacity_per_day = 0;  // 0: unlimited
    double path_wait_h = 0;       // summed waits for a path (links with a capacity)
    std::uint64_t path_waiters = 0; // trains that waited for one, since the warm-up
};

class LinkTable {
public:
    explicit LinkTable(const network::Network& net);

    LinkRec& operator[](LinkId l) { return recs_[l]; }
    const LinkRec& operator[](LinkId l) const { return recs_[l]; }

    /// A disruption's factor in force (the product of those on the link; 0 closes it).
    void set_factor(LinkId l, double factor);
    [[nodiscard]] double factor(LinkId l) const { return states_[l].factor; }
    /// A train must wait for a path on line `l` (from `now`): one more in the line's queue.
    void start_path_wait(LinkId l, core::SimTime now);
    /// It got its path after waiting `waited`: one fewer in the queue, and its wait counted.
    void end_path_wait(LinkId l, core::SimTime now, core::Duration waited);
    /// The planned links that open on `day` (days since 1970-01-01).
    [[nodiscard]] std::span<const LinkId> opening_on(std::int32_t day) const;

    void reset_statistics(core::SimTime now);
    /// One row per line (a link with a capacity) that a vehicle entered, `span` the measured time.
    void add_results(const network::Network& net, core::SimTime end, core::Duration span, std::vector<ResourceResult>& out) const;
    [[nodiscard]] std::size_t lines_used() const;

private:
    void set_headway(LinkId l);

    core::IdVector<LinkId, LinkRec> recs_;
    core::IdVector<LinkId, LinkState> states_;
    std::vector<std::pair<std::int32_t, LinkId>> openings_; // planned links' first days, sorted
    std::vector<LinkId> opening_links_;                      // the same links, in that order
    // The queue of trains waiting for a path and their waits, kept only for the lines where a
    // train has waited (a map, off the hot path: a train that gets its path at once touches none).
    struct PathQueue {
        core::TimeWeighted waiting;
        core::QuantileSketch waits_h{0.01, 1e-4};
    };
    std::map<LinkId, PathQueue> path_queues_;
    core::SimTime measured_from_;  // the warm-up's end: where a line's queue statistics start
};

} // namespace corridor::logistics::detail
