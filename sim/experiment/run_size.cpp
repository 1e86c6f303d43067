// Expected consignments from each flow's mean rate, seasonal factors and batch size; bytes from
// the rows each file gets and a typical row's length.
#include "sim/experiment/run_size.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace corridor::experiment {

namespace {
// Typical row lengths of the result files, in bytes (scenarios/README.md has the columns).
constexpr double kShipmentRowBytes = 200;  // plus the flow's name (the path is most of it)
// In memory: a shipment record is kept for every consignment of every replication until the
// files are written (baseline: 10 replications take 147 MB more than 3, for 7 x 152,000
// records); a consignment in a running replication is an assumption, of the same order.
constexpr double kShipmentRecordBytes = 140;
constexpr double kLiveConsignmentBytes = 140;
constexpr double kDailyRowBytes = 48;      // daily_flows.csv, daily_resources.csv
constexpr double kResourcesPerNodeProcess = 2; // a border's two directions
} // namespace

RunSize estimate_run_size(const network::Network& network, const logistics::Scenario& sc, std::uint32_t replications,
                          std::uint32_t threads, bool write_shipments) {
    RunSize size;
    const double days = static_cast<double>(sc.horizon.count()) / 86400.0;
    double shipment_bytes = 0;
    for (const auto& flow : sc.flows) {
        const double season = std::accumulate(flow.seasonal.begin(), flow.seasonal.end(), 0.0) / 12.0;
        const double batch = flow.batch_units.value();
        const double per_batch = batch > 0 ? std::ceil(batch) : 1; // a batch's consignments
        const double batches = flow.units_per_day.value() * season * days / (batch > 0 ? batch : 1);
        const double consignments = batches * per_batch;
        size.consignments_per_replication += consignments;
        shipment_bytes += consignments * (kShipmentRowBytes + static_cast<double>(flow.name.size()));
    }
    const double at_once = std::min(std::max(threads, 1U), std::max(replications, 1U));
    size.memory_bytes = size.consignments_per_replication *
                        (kLiveConsignmentBytes * at_once + (write_shipments ? kShipmentRecordBytes * replications : 0));
    if (write_shipments) {
        size.shipment_rows = size.consignments_per_replication * replications;
        size.output_bytes += shipment_bytes * replications;
    }
    const double resources = kResourcesPerNodeProcess * static_cast<double>(network.node_count()) +
                             static_cast<double>(network.link_count());
    size.output_bytes += days * replications * (static_cast<double>(sc.flows.size()) + resources) * kDailyRowBytes;
    return size;
}

std::optional<std::string> beyond_limits(const RunSize& size, const RunLimits& limits) {
    if (size.memory_bytes > limits.memory_bytes) {
        return fmt::format("the run would need about {:.1f} GiB of memory ({:.3g} consignments a replication), beyond "
                           "the limit of {:.1f} GiB: lower the demand, shorten horizon_days, use fewer --threads, or "
                           "pass --allow-large",
                           size.memory_bytes / (1ULL << 30U), size.consignments_per_replication,
                           limits.memory_bytes / (1ULL << 30U));
    }
    if (size.output_bytes > limits.output_bytes) {
        return fmt::format("the run would write about {:.1f} GiB of result files ({:.3g} shipment rows), beyond the "
                           "limit of {:.1f} GiB: set outputs: {{shipments: false}}, run fewer replications or a "
                           "shorter horizon, or pass --allow-large",
                           size.output_bytes / (1ULL << 30U), size.shipment_rows, limits.output_bytes / (1ULL << 30U));
    }
    return std::nullopt;
}

} // namespace corridor::experiment
