// The network's internals, shared by network.cpp and routing.cpp: the spec plus a compressed
// sparse row adjacency (built with Boost.Graph's compressed_sparse_row_graph) and name indexes.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/network/network.hpp"

namespace corridor::network {

struct Network::Impl {
    NetworkSpec spec;
    // out_links of node v are link_order[row_start[v] .. row_start[v + 1]), in link-id order.
    std::vector<std::uint32_t> row_start;
    std::vector<core::LinkId> link_order;
    std::unordered_map<std::string, core::NodeId> node_by_name;
    std::unordered_map<std::string, core::LinkId> link_by_name;
    // Per link, the bitmask of forbidden cargo classes (classes beyond 64 are checked by list).
    std::vector<std::uint64_t> forbidden_mask;
    // Per link, its carrier: a dense index of (mode, gauge). A change of carrier at a node is a
    // transfer (gauge break or mode change) and needs a transshipment or port process there.
    std::vector<std::uint8_t> link_carrier;
    std::vector<Mode> carrier_mode;
    // Great-circle length of each link, and lower bounds of each cost component per
    // great-circle km over all links: the A* potential (admissible by the triangle inequality).
    std::vector<double> link_gc_km;
    double min_hours_per_gc_km = 0;
    double min_usd_per_gc_km = 0;
    double min_co2_g_per_t_per_gc_km = 0;
};

} // namespace corridor::network
