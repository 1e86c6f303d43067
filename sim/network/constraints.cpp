// Route constraints: the countries each link passes through, and the links a constraint bans.
#include "sim/network/constraints.hpp"

#include <algorithm>

namespace corridor::network {

namespace {
bool contains(const std::vector<std::string>& list, const std::string& x) {
    return std::find(list.begin(), list.end(), x) != list.end();
}
} // namespace

std::vector<std::string> countries_of(const Network& network, core::LinkId id) {
    const Link& link = network.link(id);
    std::vector<std::string> out{network.node(link.from).country};
    for (const auto& c : link.countries) {
        if (!contains(out, c)) out.push_back(c);
    }
    if (!contains(out, network.node(link.to).country)) out.push_back(network.node(link.to).country);
    return out;
}

std::vector<std::string> countries_of(const Network& network) {
    std::vector<std::string> out;
    for (std::uint32_t i = 0; i < network.link_count(); ++i) {
        for (const auto& c : countries_of(network, core::LinkId{i})) {
            if (!contains(out, c)) out.push_back(c);
        }
    }
    for (std::uint32_t v = 0; v < network.node_count(); ++v) {
        if (!contains(out, network.node(core::NodeId{v}).country)) out.push_back(network.node(core::NodeId{v}).country);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string constraint_refusal(const Network& network, const RouteConstraints& c, core::LinkId id) {
    const Link& link = network.link(id);
    if (std::find(c.avoid_links.begin(), c.avoid_links.end(), id) != c.avoid_links.end()) {
        return "the route avoids link '" + link.name + "'";
    }
    for (const auto end : {link.from, link.to}) {
        if (std::find(c.avoid_nodes.begin(), c.avoid_nodes.end(), end) != c.avoid_nodes.end()) {
            return "the route avoids node '" + network.node(end).name + "'";
        }
    }
    for (const auto& country : countries_of(network, id)) {
        if (contains(c.avoid_countries, country)) {
            return "link '" + link.name + "' passes through " + country + ", which the route avoids";
        }
        if (!c.only_countries.empty() && !contains(c.only_countries, country)) {
            return "link '" + link.name + "' passes through " + country + ", which is not among the route's only countries";
        }
    }
    return {};
}

std::vector<std::uint8_t> banned_links(const Network& network, const RouteConstraints& c) {
    std::vector<std::uint8_t> banned(network.link_count(), 0);
    if (c.empty()) return banned;
    for (std::uint32_t i = 0; i < network.link_count(); ++i) {
        banned[i] = constraint_refusal(network, c, core::LinkId{i}).empty() ? 0 : 1;
    }
    return banned;
}

} // namespace corridor::network
