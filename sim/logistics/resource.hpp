// A pool of identical servers with a first-come first-served queue: border lanes, cranes,
// berths. It keeps the statistics a user reads per resource: utilisation, queue, waits.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/assert.hpp"
#include "sim/core/quantiles.hpp"
#include "sim/core/running_stats.hpp"
#include "sim/core/time_weighted.hpp"

namespace corridor::logistics {

/// What a pool counts, whatever it serves: its servers' busy time, its queue, the waits.
class PoolStatistics {
public:
    PoolStatistics(std::string name, std::string kind, std::uint32_t servers)
        : servers_{servers}, name_{std::move(name)}, kind_{std::move(kind)} {
        SIM_ASSERT(servers > 0, "a pool needs a server");
    }

    /// Starts the statistics afresh (end of warm-up), keeping the current state.
    void reset_statistics(core::SimTime now) {
        queue_length_.reset(now);
        busy_level_.reset(now);
        waits_ = {};
        wait_sketch_ = core::QuantileSketch{0.01, 1e-4};
        served_ = 0;
    }

    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] const std::string& kind() const { return kind_; }
    [[nodiscard]] std::uint32_t servers() const { return servers_; }
    [[nodiscard]] double utilisation(core::SimTime now) const { return busy_level_.mean(now) / servers_; }
    [[nodiscard]] double queue_mean(core::SimTime now) const { return queue_length_.mean(now); }
    [[nodiscard]] double queue_max() const { return queue_length_.max(); }
    [[nodiscard]] double queue_level() const { return queue_length_.level(); }
    [[nodiscard]] const core::RunningStats& waits_h() const { return waits_; }
    [[nodiscard]] double wait_quantile_h(double q) const { return wait_sketch_.quantile(q); }
    [[nodiscard]] std::uint64_t served() const { return served_; }

protected:
    void count_grant(core::SimTime now, core::SimTime since) {
        ++busy_;
        busy_level_.set(now, busy_);
        const double wait_h = static_cast<double>((now - since).count()) / 3600.0;
        waits_.add(wait_h);
        wait_sketch_.add(wait_h);
        ++served_;
    }
    void count_release(core::SimTime now) {
        SIM_ASSERT(busy_ > 0, "release without a claim");
        --busy_;
        busy_level_.set(now, busy_);
    }
    void count_queue(core::SimTime now, std::size_t queued) { queue_length_.set(now, static_cast<double>(queued + held_)); }

    // What a grant touches first, together: pools are read once per crane move or border
    // crossing, and their other fields are rarely needed.
    std::uint32_t servers_;
    std::uint32_t busy_ = 0;
    bool open_ = true;
    std::uint64_t served_ = 0;
    core::TimeWeighted busy_level_;
    core::RunningStats waits_;
    core::QuantileSketch wait_sketch_{0.01, 1e-4};
    core::TimeWeighted queue_length_; // those queued for a server and those held by a closure
    std::uint64_t held_ = 0;           // held in front of it by a closure of its node

private:
    std::string name_;
    std::string kind_;
};

/// Servers for entities of type `Entity` (a tagged id: the vehicle at a border or a berth, the
/// consignment at a crane).
template <class Entity>
class alignas(64) ServerPool : public PoolStatistics {
public:
    using PoolStatistics::PoolStatistics;

    /// Asks for a server for `entity`; true if granted now, else it queues (also while closed).
    bool request(core::SimTime now, Entity entity) {
        if (busy_ < servers_ && open_) {
            count_grant(now, now);
            return true;
        }
        queue_.push_back({entity, now});
        count_queue(now, queued());
        return false;
    }

    /// Frees a server; returns the entity granted next, if any queued (and the pool is open).
    std::optional<Entity> release(core::SimTime now) {
        count_release(now);
        return admit(now);
    }

    /// Opens or closes the pool (opening hours): while closed, no one is granted a server;
    /// those being served finish. After opening, admit() grants the queue's head in turn.
    void set_open(bool open) { open_ = open; }

    /// Grants a free server to the head of the queue, if open, a server is free and someone
    /// waits; returns who.
    std::optional<Entity> admit(core::SimTime now) {
        if (!open_ || busy_ >= servers_ || queued() == 0) return std::nullopt;
        const Waiting next = queue_[head_++];
        if (head_ == queue_.size()) { // empty again: start over at the front of the buffer
            queue_.clear();
            head_ = 0;
        } else if (head_ >= kCompactAt && 2 * head_ >= queue_.size()) { // a queue that never empties
            queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(head_));
            head_ = 0;
        }
        count_queue(now, queued());
        count_grant(now, next.since);
        return next.entity;
    }

    [[nodiscard]] std::size_t queued() const { return queue_.size() - head_; }
    /// `delta` vehicles (or consignments) start or stop being held in front of the pool by a
    /// closure of its node: they are its backlog, so they count in its queue (not in its waits,
    /// which start when they ask for a server).
    void hold(core::SimTime now, std::int64_t delta) {
        SIM_ASSERT(static_cast<std::int64_t>(held_) + delta >= 0, "more released than held");
        held_ = static_cast<std::uint64_t>(static_cast<std::int64_t>(held_) + delta);
        count_queue(now, queued());
    }

private:
    struct Waiting {
        Entity entity;
        core::SimTime since;
    };
    // First come, first served: served from head_, appended at the back; the served prefix is
    // dropped when the queue empties, or when it is at least half the buffer (amortised O(1)).
    // One buffer reused, where a std::deque allocated and freed blocks as it moved.
    static constexpr std::size_t kCompactAt = 64;
    std::vector<Waiting> queue_;
    std::size_t head_ = 0;
};

/// A port's yard for one unit of cargo: the units waiting there between vehicles, up to its
/// capacity, and the vehicles (of type `Entity`) waiting to unload into it, first come first
/// served. Its statistics: utilisation is the mean occupancy over the capacity, the queue and
/// the waits are those of the vehicles held until there is room.
template <class Entity>
class YardPool : public PoolStatistics {
public:
    YardPool(std::string name, std::uint32_t capacity) : PoolStatistics{std::move(name), "yard", capacity} {}

    [[nodiscard]] double occupancy() const { return occupancy_; }
    /// Is there room for `units` now? An empty yard takes any load (one larger than the yard
    /// does not wait for ever); none is taken while others wait in front.
    [[nodiscard]] bool has_room(double units, bool ahead_of_queue) const {
        if (!ahead_of_queue && queued() > 0) return false;
        return occupancy_ <= 0 || occupancy_ + units <= static_cast<double>(servers_);
    }
    /// `entity` waits to unload `units`.
    void wait(core::SimTime now, Entity entity, double units) {
        queue_.push_back({entity, units, now});
        count_queue(now, queued());
    }
    /// The head of the queue, if there is room for its load now (it leaves the queue).
    std::optional<Entity> next(core::SimTime now) {
        if (queued() == 0 || !has_room(queue_[head_].units, true)) return std::nullopt;
        const Waiting w = queue_[head_++];
        if (head_ == queue_.size()) {
            queue_.clear();
            head_ = 0;
        }
        count_queue(now, queued());
        count_wait(now, w.since);
        return w.entity;
    }
    /// A vehicle unloads without waiting (counted as served with no wait).
    void unloaded_at_once(core::SimTime now) { count_wait(now, now); }
    void enter(core::SimTime now, double units) { set_occupancy(now, occupancy_ + units); }
    void leave(core::SimTime now, double units) { set_occupancy(now, occupancy_ - units); }
    [[nodiscard]] std::size_t queued() const { return queue_.size() - head_; }
    /// A room event is on its way (the simulation asks once for all that leave at one time).
    bool room_pending = false;

private:
    void set_occupancy(core::SimTime now, double units) {
        occupancy_ = units < 1e-9 ? 0.0 : units;
        busy_level_.set(now, occupancy_);
    }
    void count_wait(core::SimTime now, core::SimTime since) {
        const double wait_h = static_cast<double>((now - since).count()) / 3600.0;
        waits_.add(wait_h);
        wait_sketch_.add(wait_h);
        ++served_;
    }
    struct Waiting {
        Entity entity;
        double units;
        core::SimTime since;
    };
    std::vector<Waiting> queue_;
    std::size_t head_ = 0;
    double occupancy_ = 0;
};

} // namespace corridor::logistics
