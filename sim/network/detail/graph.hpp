// The network's internals, shared by network.cpp and routing.cpp: the spec plus a compressed
// sparse row adjacency (built with Boost.Graph's compressed_sparse_row_graph) and name indexes.
#pragma once
#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/network/network.hpp"

namespace corridor::network {

// What the search reads per link, in CSR order (node v's links are [row_start[v],
// row_start[v + 1])), split by use so a one-metric query touches 16 bytes per link: the
// topology below plus one cost array. Costs include the border the link arrives at (dwell and
// cost depend on whether the link crosses into the node's country).
struct LinkTopo {
    std::uint32_t to;
    std::uint8_t carrier;
    std::uint8_t flags; // kNotOpen | kWater | kRestricted | kBorderIn | kBorderOut
    std::uint16_t pad = 0;
    static constexpr std::uint8_t kNotOpen = 1;    // planned or closed: look at status/opens
    static constexpr std::uint8_t kWater = 2;      // it loads at ports (loads_at_port: ferry, sea, air)
    static constexpr std::uint8_t kRestricted = 4; // forbids some cargo class
    static constexpr std::uint8_t kBorderIn = 8;    // ends at a border node, entering its country
    static constexpr std::uint8_t kBorderOut = 16;  // ends at a border node of its own country
};

// What the search reads per node: transfer and port costs.
struct NodeHot {
    double transfer_h = 0, transfer_usd = 0; // transshipment: mean setup + one unit's handling
    double port_h = 0, port_usd = 0;
    bool transshipment = false;
    bool port = false;
};

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
    std::vector<LinkTopo> csr_topo;
    std::vector<std::uint32_t> csr_from; // the node each link leaves (a path is walked back by it)
    std::vector<double> csr_hours;      // riding time + arrival border dwell
    std::vector<double> csr_usd;        // riding cost + arrival border cost
    std::vector<double> csr_co2_g_per_t; // g CO2e per tonne of cargo: factor × km
    std::vector<NodeHot> node_hot;
    // Per node, the mean inspection a border adds for a vehicle with hazardous cargo (0: none),
    // and whether any border has one (searches for hazardous cargo add it then).
    std::vector<double> hazard_inspection_h;
    bool any_hazard_inspection = false;
    std::vector<std::array<double, 3>> node_xyz; // unit vectors, for chord-length A* bounds
    double min_hours_per_gc_km = 0;
    double min_usd_per_gc_km = 0;
    double min_co2_g_per_t_per_gc_km = 0;
};

} // namespace corridor::network
