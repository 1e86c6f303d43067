// Links: endpoints, mode and gauge, length, speed, capacity, costs, status and opening date.
#include "sim/scenario/detail/model_reader.hpp"

#include <cctype>
#include <cmath>

namespace corridor::scenario::detail {

void ModelReader::read_links(const YAML::Node& root, network::NetworkSpec& spec) {
    const YAML::Node list = root["links"];
    if (!list) {
        r_.error(root, "missing required key 'links'");
        return;
    }
    if (!r_.expect_sequence(list, "links")) return;
    std::vector<std::string> cargo_names;
    for (const auto& c : spec.cargo_classes) cargo_names.push_back(c.name);
    std::set<std::string> link_names;
    for (const auto& item : list) {
        if (!r_.expect_map(item, "a link")) continue;
        r_.check_keys(item, {"id", "from", "to", "mode", "length_km", "speed_kmh", "gauge_mm", "capacity_per_day",
                             "cost_usd_per_unit_km", "co2_g_per_tkm", "status", "opens", "bidirectional",
                             "forbid_cargo", "countries", "passengers", "hazardous", "source", "assumption", "note"},
                      "a link");
        Link l;
        l.name = r_.id(item).value_or("");
        const std::string what = "link '" + l.name + "'";
        const auto from = node_ref(item, "from", what);
        const auto to = node_ref(item, "to", what);
        l.mode = enum_value(r_, item, "mode", kModes, true).value_or(Mode::rail);
        l.length = core::Km{r_.number(item, "length_km", true, kLengthKm).value_or(1)};
        l.speed = core::KmPerHour{r_.number(item, "speed_kmh", true, kSpeedKmh).value_or(1)};
        const auto gauge = r_.number(item, "gauge_mm", false, kGaugeMm);
        if (l.mode == Mode::rail && !item["gauge_mm"]) {
            r_.error(item, what + " is rail and needs 'gauge_mm' (1435 or 1520 on this corridor)");
        }
        if (l.mode != Mode::rail && gauge) {
            r_.error(item["gauge_mm"], what + " is " + std::string(to_string(l.mode)) + ", so 'gauge_mm' does not apply");
        }
        l.gauge_mm = gauge ? static_cast<std::uint32_t>(*gauge) : 0;
        l.capacity_per_day = core::PerDay{r_.number(item, "capacity_per_day", false, kPathsPerDay).value_or(0)};
        l.cost_usd_per_unit_km = core::UsdPerUnitKm{r_.number(item, "cost_usd_per_unit_km", false, kUsdPerUnitKm).value_or(0)};
        l.co2_g_per_tkm = core::GramsPerTonneKm{r_.number(item, "co2_g_per_tkm", false, kGramsPerTonneKm).value_or(0)};
        l.status = enum_value(r_, item, "status", kStatuses, false, std::optional{LinkStatus::open}).value_or(LinkStatus::open);
        if (const auto opens = r_.text(item, "opens", false)) {
            l.opens = network::parse_date(*opens);
            if (!l.opens) r_.error(item["opens"], "'opens' must be a date YYYY-MM-DD, found '" + *opens + "'");
            if (l.status != LinkStatus::planned) {
                r_.error(item["opens"], what + " has 'opens' but its status is not 'planned'");
            }
        } else if (l.status == LinkStatus::planned) {
            r_.error(item, what + " is planned and needs 'opens: YYYY-MM-DD'");
        }
        if (const YAML::Node forbid = item["forbid_cargo"]) {
            if (r_.expect_sequence(forbid, "forbid_cargo: cargo class ids")) {
                for (const auto& c : forbid) {
                    const auto it = std::find(cargo_names.begin(), cargo_names.end(), c.Scalar());
                    if (!c.IsScalar() || it == cargo_names.end()) {
                        std::string message = what + " forbids unknown cargo class '" + (c.IsScalar() ? c.Scalar() : "?") + "'";
                        if (const auto near = nearest(c.Scalar(), cargo_names); !near.empty()) message += "; did you mean '" + near + "'?";
                        r_.error(c, message);
                        continue;
                    }
                    l.forbidden.emplace_back(static_cast<std::uint32_t>(it - cargo_names.begin()));
                }
            }
        }
        if (const YAML::Node countries = item["countries"]) {
            if (r_.expect_sequence(countries, "countries: the ISO codes of the countries it passes through")) {
                for (const auto& c : countries) {
                    const std::string code = c.IsScalar() ? c.Scalar() : "";
                    const bool iso = code.size() == 2 && std::isupper(static_cast<unsigned char>(code[0])) != 0 &&
                                     std::isupper(static_cast<unsigned char>(code[1])) != 0;
                    if (!iso) {
                        r_.error(c, what + ": 'countries' lists two-letter ISO codes (RU, IR), found '" + code + "'");
                        continue;
                    }
                    l.countries.push_back(code);
                }
            }
        }
        l.passengers = r_.flag(item, "passengers").value_or(false);
        l.hazardous = read_hazard_rule(item, what);
        check_provenance(item, what);
        const bool both = r_.flag(item, "bidirectional").value_or(false);
        if (!l.name.empty() && !link_names.insert(l.name).second) {
            r_.error(item["id"], "duplicate link id '" + l.name + "'");
        }
        if (from && to && *from == *to) r_.error(item["to"], what + " starts and ends at the same node");
        if (!from || !to) continue;
        l.from = *from;
        l.to = *to;
        link_marks_.push_back(item);
        spec.links.push_back(l);
        if (both) {
            Link back = l;
            back.name = l.name + ":reverse";
            std::swap(back.from, back.to);
            if (!l.name.empty() && !link_names.insert(back.name).second) {
                r_.error(item["id"], "duplicate link id '" + back.name + "'");
            }
            link_marks_.push_back(item);
            spec.links.push_back(back);
        }
    }
}

} // namespace corridor::scenario::detail
