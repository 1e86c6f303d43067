// Services: trains, vessels (fleets) and road, with their departure rules.
#include "sim/scenario/detail/model_reader.hpp"

#include <cmath>

namespace corridor::scenario::detail {

std::optional<logistics::DeparturePolicy> ModelReader::read_departure(const YAML::Node& d, const std::string& what) {
    logistics::DeparturePolicy p;
    if (!d) return p;
    if (!r_.expect_map(d, "depart: {when_full, max_wait_h, every_h, offset_h} of " + what)) return std::nullopt;
    r_.check_keys(d, {"when_full", "max_wait_h", "every_h", "offset_h"}, "depart of " + what);
    p.when_full = r_.flag(d, "when_full").value_or(true);
    if (const auto h = r_.number(d, "max_wait_h", false, kPositiveProcessHours)) p.max_wait_h = core::Hours{*h};
    if (const auto h = r_.number(d, "every_h", false, kEveryHours)) p.every_h = core::Hours{*h};
    p.offset_h = core::Hours{r_.number(d, "offset_h", false, kProcessHours).value_or(0)};
    if (!p.when_full && !p.max_wait_h && !p.every_h) {
        r_.error(d, what + " needs a departure rule: when_full, max_wait_h or every_h");
    }
    return p;
}

void ModelReader::read_services(const YAML::Node& list, LoadedModel& model) {
    if (!list) return;
    if (!r_.expect_sequence(list, "services")) return;
    std::map<std::string, std::size_t> link_index;
    std::vector<std::string> link_names;
    for (std::size_t i = 0; i < model.spec.links.size(); ++i) {
        link_index.emplace(model.spec.links[i].name, i);
        link_names.push_back(model.spec.links[i].name);
    }
    std::set<std::string> names;
    for (const auto& item : list) {
        if (!r_.expect_map(item, "a service")) continue;
        r_.check_keys(item, {"id", "kind", "links", "both_directions", "capacity_units", "vessels", "load_factor",
                             "slots_per_unit", "depart", "sailing_h", "port_handling_h", "sea_area", "source", "assumption",
                             "note"},
                      "a service");
        logistics::ServiceSpec svc;
        svc.name = r_.id(item).value_or("");
        const std::string what = "service '" + svc.name + "'";
        if (!svc.name.empty() && !names.insert(svc.name).second) r_.error(item["id"], "duplicate service id '" + svc.name + "'");
        svc.kind = enum_value(r_, item, "kind", std::vector<std::pair<std::string, logistics::ServiceKind>>{
                                                    {"train", logistics::ServiceKind::train},
                                                    {"vessel", logistics::ServiceKind::vessel}},
                              true).value_or(logistics::ServiceKind::train);
        const bool both = r_.flag(item, "both_directions").value_or(true);
        const YAML::Node links = item["links"];
        if (!links) {
            r_.error(item, "missing required key 'links'");
        } else if (r_.expect_sequence(links, "links of " + what)) {
            for (const auto& l : links) {
                const auto it = link_index.find(l.IsScalar() ? l.Scalar() : "");
                if (it == link_index.end()) {
                    std::string message = what + " runs on unknown link '" + (l.IsScalar() ? l.Scalar() : "?") + "'";
                    if (const auto near = nearest(l.Scalar(), link_names); !near.empty()) message += "; did you mean '" + near + "'?";
                    r_.error(l, message);
                    continue;
                }
                svc.links.emplace_back(static_cast<std::uint32_t>(it->second));
                const auto reverse = link_index.find(l.Scalar() + ":reverse");
                if (both && reverse != link_index.end()) svc.links.emplace_back(static_cast<std::uint32_t>(reverse->second));
            }
        }
        if (svc.kind == logistics::ServiceKind::train) {
            svc.capacity_units = core::Units{r_.number(item, "capacity_units", true, kCapacityUnits).value_or(1)};
            for (const auto l : svc.links) {
                if (model.spec.links[l.index()].mode != Mode::rail) {
                    r_.error(item["links"], what + " is a train service but link '" + model.spec.links[l.index()].name + "' is not rail");
                }
            }
        } else {
            const YAML::Node vessels = item["vessels"];
            if (!vessels) {
                r_.error(item, "missing required key 'vessels' (a vessel service needs a fleet)");
            } else if (r_.expect_sequence(vessels, "vessels of " + what)) {
                for (const auto& v : vessels) {
                    if (!r_.expect_map(v, "a vessel")) continue;
                    r_.check_keys(v, {"name", "capacity_units"}, "a vessel of " + what);
                    const auto name = r_.text(v, "name", true).value_or("");
                    if (!name.empty() && !vessel_names_.insert(name).second) r_.error(v["name"], "duplicate vessel name '" + name + "'");
                    svc.vessels.push_back({name, core::Units{r_.number(v, "capacity_units", true, kCapacityUnits).value_or(1)}});
                }
            }
            if (const YAML::Node slots = item["slots_per_unit"]) {
                if (r_.expect_map(slots, "slots_per_unit: {cargo class: slots}")) {
                    for (const auto& entry : slots) {
                        const std::string cls = entry.first.Scalar();
                        std::size_t index = model.spec.cargo_classes.size();
                        for (std::size_t i = 0; i < model.spec.cargo_classes.size(); ++i) {
                            if (model.spec.cargo_classes[i].name == cls) index = i;
                        }
                        double x = 0;
                        if (index == model.spec.cargo_classes.size()) {
                            r_.error(entry.first, what + ": slots_per_unit names unknown cargo class '" + cls + "'");
                        } else if (!YAML::convert<double>::decode(entry.second, x) || !(x > 0) || !std::isfinite(x)) {
                            r_.error(entry.second, what + ": slots_per_unit must be numbers > 0");
                        } else {
                            svc.slots_per_unit.push_back({core::CargoClassId{static_cast<std::uint32_t>(index)}, x});
                        }
                    }
                }
            }
            svc.load_factor = r_.number(item, "load_factor", false, kPositiveShare).value_or(1.0);
            if (svc.load_factor > 1) r_.error(item["load_factor"], "'load_factor' must be at most 1, found " + item["load_factor"].Scalar());
            svc.sailing_h = r_.hours_distribution(item, "sailing_h", false);
            svc.port_handling_h = r_.hours_distribution(item, "port_handling_h", false);
            svc.sea_area = r_.text(item, "sea_area", false).value_or("");
            for (const auto l : svc.links) {
                const auto mode = model.spec.links[l.index()].mode;
                if (mode != Mode::ferry && mode != Mode::sea) {
                    r_.error(item["links"], what + " is a vessel service but link '" + model.spec.links[l.index()].name + "' is not ferry or sea");
                }
            }
        }
        if (auto dep = read_departure(item["depart"], what)) svc.departure = *dep;
        check_provenance(item, what);
        model.services.push_back(std::move(svc));
    }
}

} // namespace corridor::scenario::detail
