// A small thread pool over replication indices: workers take the next index from an atomic
// counter and store the result in that index's slot.
#include "sim/experiment/replications.hpp"

#include <cmath>
#include <mutex>
#include <optional>
#include <thread>

#include "sim/core/confidence.hpp"

namespace corridor::experiment {

namespace {

// Runs replications [first, last) on `threads` threads into `out` (indexed from 0).
void run_batch(const network::Network& network, const logistics::Scenario& scenario, const ReplicationOptions& o,
               std::uint32_t first, std::uint32_t last, std::vector<std::optional<logistics::RunResult>>& out,
               std::uint32_t planned) {
    std::atomic<std::uint32_t> next{first};
    std::mutex progress_mutex;
    std::uint32_t done = first;
    std::exception_ptr failure;
    auto worker = [&] {
        for (;;) {
            if (o.cancel && o.cancel->load()) return;
            const std::uint32_t rep = next.fetch_add(1);
            if (rep >= last) return;
            logistics::RunConfig config;
            config.replication = rep;
            config.keep_shipments = o.keep_shipments;
            config.cancel = o.cancel;
            config.days_simulated = o.days_simulated;
            try {
                auto result = logistics::simulate(network, scenario, config);
                if (result.cancelled) return;
                const auto events = result.events;
                std::lock_guard lock{progress_mutex};
                out[rep] = std::move(result);
                ++done;
                if (o.progress) o.progress(done, planned, events);
            } catch (...) {
                std::lock_guard lock{progress_mutex};
                if (!failure) failure = std::current_exception();
                return;
            }
        }
    };
    const std::uint32_t threads = std::max<std::uint32_t>(1, std::min(o.threads, last - first));
    std::vector<std::thread> pool;
    for (std::uint32_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& thread : pool) thread.join();
    if (failure) std::rethrow_exception(failure);
}

} // namespace

namespace {
double worst_of(const std::vector<const logistics::RunResult*>& results) {
    if (results.size() < 2) return 0;
    double worst = 0;
    for (std::size_t f = 0; f < results.front()->flows.size(); ++f) {
        core::RunningStats transit, throughput;
        for (const auto* r : results) {
            transit.add(r->flows[f].transit_mean_h.count());
            throughput.add(r->flows[f].throughput_units_per_day.value());
        }
        for (const auto* stats : {&transit, &throughput}) {
            if (!(std::fabs(stats->mean()) > 0)) continue;
            const auto ci = core::mean_confidence_interval(*stats, 0.95);
            worst = std::max(worst, ci.half_width / std::fabs(stats->mean()));
        }
    }
    return worst;
}
} // namespace

double worst_relative_half_width(const std::vector<logistics::RunResult>& results) {
    std::vector<const logistics::RunResult*> view;
    view.reserve(results.size());
    for (const auto& r : results) view.push_back(&r);
    return worst_of(view);
}

Replications run_replications(const network::Network& network, const logistics::Scenario& scenario,
                              const ReplicationOptions& o) {
    Replications out;
    std::vector<std::optional<logistics::RunResult>> slots;
    std::uint32_t planned = std::max<std::uint32_t>(1, o.replications);
    if (o.relative_precision > 0) planned = std::max<std::uint32_t>(planned, 2);
    const std::uint32_t first_batch = planned;
    std::uint32_t ran = 0;
    for (;;) {
        slots.resize(planned);
        run_batch(network, scenario, o, ran, planned, slots, planned);
        // Keep the complete prefix: a cancelled run may leave holes after it.
        std::uint32_t complete = 0;
        while (complete < planned && slots[complete]) ++complete;
        if (complete < planned || (o.cancel && o.cancel->load())) {
            out.cancelled = true;
            out.stop_reason = "cancelled";
            slots.resize(complete);
            break;
        }
        if (!(o.relative_precision > 0)) {
            out.stop_reason = "replications";
            break;
        }
        // The stopping rule is checked after every replication in index order, whatever the
        // batch size: the count is the first n (from the first batch's size) at which the
        // precision holds, so it does not depend on the thread count. Replications a batch ran
        // beyond that n are dropped.
        std::vector<const logistics::RunResult*> view;
        view.reserve(slots.size());
        for (auto& s : slots) view.push_back(&*s);
        const std::uint32_t first_check = std::max(ran + 1, first_batch);
        std::uint32_t reached = 0;
        for (std::uint32_t n = first_check; n <= planned && reached == 0; ++n) {
            const std::vector<const logistics::RunResult*> prefix(view.begin(), view.begin() + n);
            if (worst_of(prefix) <= o.relative_precision) reached = n;
        }
        ran = planned;
        if (reached > 0) {
            slots.resize(reached);
            out.stop_reason = "precision reached";
            break;
        }
        if (planned >= o.max_replications) {
            out.stop_reason = "cap reached";
            break;
        }
        planned = std::min(o.max_replications, planned + std::max<std::uint32_t>(o.threads, 2));
    }
    for (auto& s : slots) out.results.push_back(std::move(*s));
    return out;
}

} // namespace corridor::experiment
