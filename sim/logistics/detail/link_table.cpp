// The link table: pacing by headway, disruption factors, openings and the lines' statistics.
#include "sim/logistics/detail/link_table.hpp"

#include <algorithm>

namespace corridor::logistics::detail {

LinkTable::LinkTable(const network::Network& net) {
    recs_.resize(net.link_count());
    states_.resize(net.link_count());
    for (const auto l : recs_.ids()) {
        const auto& link = net.link(l);
        if (link.opens) openings_.emplace_back(link.opens->days, l);
        LinkRec& rec = recs_[l];
        states_[l].capacity_per_day = link.capacity_per_day.value();
        rec.paced = link.capacity_per_day.value() > 0;
        set_headway(l);
        rec.always_open = link.status == network::LinkStatus::open;
        rec.enters_country = net.node(link.to).border && net.node(link.from).country != net.node(link.to).country;
    }
    std::sort(openings_.begin(), openings_.end());
    for (const auto& [day, link] : openings_) opening_links_.push_back(link);
}

// A path every 86,400 s / (capacity × factor); only read while capacity and factor are > 0.
void LinkTable::set_headway(LinkId l) {
    LinkRec& link = recs_[l];
    const LinkState& state = states_[l];
    link.closed = state.factor <= 0;
    if (state.capacity_per_day > 0 && state.factor > 0) {
        link.headway = core::Duration{static_cast<std::int64_t>(86400.0 / (state.capacity_per_day * state.factor))};
    }
}

void LinkTable::set_factor(LinkId l, double factor) {
    states_[l].factor = factor;
    set_headway(l);
}

std::span<const LinkId> LinkTable::opening_on(std::int32_t day) const {
    const auto first = std::lower_bound(openings_.begin(), openings_.end(), std::pair{day, LinkId{0}});
    auto last = first;
    while (last != openings_.end() && last->first == day) ++last;
    const auto from = static_cast<std::size_t>(first - openings_.begin());
    return std::span{opening_links_}.subspan(from, static_cast<std::size_t>(last - first));
}

void LinkTable::reset_statistics(core::SimTime now) {
    for (auto& link : recs_) {
        link.trains = 0;
        link.busy_seconds = 0;
    }
    for (auto& state : states_) {
        state.path_wait_h = 0;
        state.path_waiters = 0;
    }
    measured_from_ = now;
    for (auto& [l, queue] : path_queues_) {
        queue.waiting.reset(now);
        queue.waits_h = core::QuantileSketch{0.01, 1e-4};
    }
}

void LinkTable::start_path_wait(LinkId l, core::SimTime now) {
    auto [it, added] = path_queues_.try_emplace(l);
    // A new entry's queue has been empty since the measurement began.
    if (added) it->second.waiting = core::TimeWeighted{measured_from_, 0};
    it->second.waiting.add(now, 1);
}

void LinkTable::end_path_wait(LinkId l, core::SimTime now, core::Duration waited) {
    auto& queue = path_queues_.at(l);
    queue.waiting.add(now, -1);
    const double hours = static_cast<double>(waited.count()) / 3600.0;
    queue.waits_h.add(hours);
    states_[l].path_wait_h += hours;
    ++states_[l].path_waiters;
}

std::size_t LinkTable::lines_used() const {
    std::size_t lines = 0;
    for (const auto& link : recs_) lines += link.paced && link.trains != 0 ? 1 : 0;
    return lines;
}

void LinkTable::add_results(const network::Network& net, core::SimTime end, core::Duration span,
                            std::vector<ResourceResult>& out) const {
    const auto seconds = static_cast<double>(span.count());
    for (const auto l : recs_.ids()) {
        const auto& link = recs_[l];
        if (!link.paced || link.trains == 0) continue; // paced: it has a capacity
        const auto& spec = net.link(l);
        ResourceResult r;
        r.kind = "line";
        r.id = spec.name;
        r.served_unit = "trains";
        r.capacity = spec.capacity_per_day.value();
        r.capacity_unit = "paths_per_day";
        r.utilisation = seconds > 0 ? std::min(1.0, static_cast<double>(link.busy_seconds) / seconds) : 0;
        r.wait_mean_h = core::Hours{states_[l].path_wait_h / static_cast<double>(link.trains)};
        r.served = link.trains;
        if (const auto q = path_queues_.find(l); q != path_queues_.end()) {
            r.queue_mean = q->second.waiting.mean(end);
            r.queue_max = q->second.waiting.max();
            // The 95th percentile over every train: those that took a path at once waited 0, so
            // it is 0 unless more than 5% waited, and otherwise the waiters' quantile at the
            // level that leaves 5% of all trains above it.
            const auto trains = static_cast<double>(link.trains);
            const auto waiters = static_cast<double>(states_[l].path_waiters);
            if (trains > 0 && waiters > 0.05 * trains) {
                r.wait_p95_h = core::Hours{q->second.waits_h.quantile((waiters - 0.05 * trains) / waiters)};
            }
        }
        out.push_back(std::move(r));
    }
}

} // namespace corridor::logistics::detail
