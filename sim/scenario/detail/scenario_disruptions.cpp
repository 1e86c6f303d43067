// Disruptions: links, nodes, services or vessels closed or derated over a time window.
#include "sim/scenario/detail/scenario_reader.hpp"

#include <cmath>

namespace corridor::scenario::detail {

void ScenarioReader::read_disruptions(logistics::Scenario& sc, const network::Network& net) {
    const auto node = at("disruptions");
    if (!node) return;
    if (!r_.expect_sequence(*node, "disruptions")) return;
    for (const auto& item : *node) {
        if (!r_.expect_map(item, "a disruption")) continue;
        r_.check_keys(item, {"link", "node", "service", "vessel", "from_day", "from_date", "duration_days",
                             "capacity_factor", "source", "assumption", "note"},
                      "a disruption");
        logistics::Disruption d;
        int targets = 0;
        if (const auto name = r_.text(item, "link", false)) {
            ++targets;
            if (const auto id = net.find_link(*name)) {
                d.target = *id;
            } else {
                std::vector<std::string> names;
                for (std::uint32_t i = 0; i < net.link_count(); ++i) names.push_back(net.link(core::LinkId{i}).name);
                std::string message = "disruption refers to unknown link '" + *name + "'";
                if (const auto near = nearest(*name, names); !near.empty()) message += "; did you mean '" + near + "'?";
                r_.error(item["link"], message);
            }
        }
        if (item["node"]) {
            ++targets;
            if (const auto id = node_ref(net, item, "node", "disruption")) d.target = *id;
        }
        if (const auto name = r_.text(item, "service", false)) {
            ++targets;
            std::vector<std::string> names;
            bool found = false;
            for (std::uint32_t i = 0; i < sc.services.size(); ++i) {
                names.push_back(sc.services[i].name);
                if (sc.services[i].name == *name) {
                    d.target = core::ServiceId{i};
                    found = true;
                }
            }
            if (!found) {
                std::string message = "disruption refers to unknown service '" + *name + "'";
                if (const auto near = nearest(*name, names); !near.empty()) message += "; did you mean '" + near + "'?";
                r_.error(item["service"], message);
            }
        }
        if (const auto name = r_.text(item, "vessel", false)) {
            ++targets;
            std::vector<std::string> names;
            bool found = false;
            std::uint32_t index = 0;
            for (const auto& svc : sc.services) {
                for (const auto& v : svc.vessels) {
                    names.push_back(v.name);
                    if (v.name == *name && !found) {
                        d.target = core::VesselId{index};
                        found = true;
                    }
                    ++index;
                }
            }
            if (!found) {
                std::string message = "disruption refers to unknown vessel '" + *name + "'";
                if (const auto near = nearest(*name, names); !near.empty()) message += "; did you mean '" + near + "'?";
                r_.error(item["vessel"], message);
            }
        }
        if (targets != 1) r_.error(item, "a disruption names exactly one of 'link', 'node', 'service' or 'vessel'");
        double from_day = r_.number(item, "from_day", false, kDays).value_or(0);
        if (const auto date = r_.text(item, "from_date", false)) {
            const auto parsed = network::parse_date(*date);
            if (!parsed) {
                r_.error(item["from_date"], "'from_date' must be a date YYYY-MM-DD, found '" + *date + "'");
            } else {
                from_day = parsed->days - sc.start_date.days;
                if (from_day < 0) r_.error(item["from_date"], "'from_date' is before the scenario's start_date");
            }
        }
        const double duration = r_.number(item, "duration_days", true, kPositiveDays).value_or(1);
        d.from = core::SimTime{} + core::to_ticks(core::Hours{24.0 * std::max(0.0, from_day)});
        d.until = d.from + core::to_ticks(core::Hours{24.0 * duration});
        d.capacity_factor = r_.number(item, "capacity_factor", false, kShare).value_or(0);
        if (d.capacity_factor >= 1) r_.error(item["capacity_factor"], "'capacity_factor' must be below 1 (0 closes)");
        sc.disruptions.push_back(d);
    }
}

} // namespace corridor::scenario::detail
