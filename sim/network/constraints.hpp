// Route constraints by country and by element: the countries a route may not cross (or the only
// ones it may), and links or nodes it may not use. They become a mask of banned links that a
// route query reads as it reads closures, so every search (shortest, k shortest, adaptive)
// honours them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/network/network.hpp"

namespace corridor::network {

struct RouteConstraints {
    std::vector<std::string> avoid_countries; // ISO codes a route may not pass through
    std::vector<std::string> only_countries;  // if any: the only countries it may pass through
    std::vector<core::LinkId> avoid_links;
    std::vector<core::NodeId> avoid_nodes;    // neither passed through nor used as an end

    [[nodiscard]] bool empty() const {
        return avoid_countries.empty() && only_countries.empty() && avoid_links.empty() && avoid_nodes.empty();
    }
};

/// The countries `link` passes through: its ends' and those it declares, each once.
std::vector<std::string> countries_of(const Network& network, core::LinkId link);

/// Every country of the model: its nodes' and its links' declared ones, sorted.
std::vector<std::string> countries_of(const Network& network);

/// Why a route under `constraints` may not use `link` ("it passes through RU, which the route
/// avoids"); empty if it may.
std::string constraint_refusal(const Network& network, const RouteConstraints& constraints, core::LinkId link);

/// By LinkId: 1 where a route under `constraints` may not use the link, else 0.
std::vector<std::uint8_t> banned_links(const Network& network, const RouteConstraints& constraints);

} // namespace corridor::network
