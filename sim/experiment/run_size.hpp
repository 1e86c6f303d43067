// What a run will need, estimated before it starts from the scenario's demand, so that a run
// too large to finish or to write is refused at once rather than after hours or a full disk.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "sim/logistics/scenario.hpp"
#include "sim/network/network.hpp"

namespace corridor::experiment {

struct RunSize {
    double consignments_per_replication = 0; // expected: units created over the horizon
    double memory_bytes = 0;                 // replications held at once, with their records
    double shipment_rows = 0;                // over every replication (0 without shipments)
    double output_bytes = 0;                 // the result files, about
};

/// The expected size of `replications` replications of `scenario`, `threads` of them at once (a
/// consignment per unit, as the simulation creates them; a batch's remainder is a consignment
/// of its own). The baseline's 3 replications write 449,000 shipment rows of 213 bytes; the
/// estimate says 456,000 rows of 212.
RunSize estimate_run_size(const network::Network& network, const logistics::Scenario& scenario,
                          std::uint32_t replications, std::uint32_t threads, bool write_shipments);

/// The limits a run must stay within unless the user allows a large run (--allow-large):
/// two thirds of a 24 GiB machine's memory, and result files a DataFrame still opens.
struct RunLimits {
    double memory_bytes = 16.0 * (1ULL << 30U);
    double output_bytes = 4.0 * (1ULL << 30U);
};

/// Why a run of that size is refused, with what to change; nullopt within the limits.
std::optional<std::string> beyond_limits(const RunSize& size, const RunLimits& limits = {});

} // namespace corridor::experiment
