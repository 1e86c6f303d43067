// `corridor validate` (models and scenarios) and `corridor route` (a model).
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <ostream>

#include "sim/cli/commands.hpp"
#include "sim/cli/detail/diagnostics_output.hpp"
#include "sim/network/routing.hpp"
#include "sim/scenario/model_loader.hpp"
#include "sim/scenario/route_request.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace corridor::cli {

using detail::print;

namespace {

const char* step_name(network::RouteStep::Kind kind) {
    switch (kind) {
    case network::RouteStep::Kind::link: return "link";
    case network::RouteStep::Kind::border: return "border";
    case network::RouteStep::Kind::transshipment: return "transshipment";
    case network::RouteStep::Kind::port: return "port";
    }
    return "?";
}

} // namespace

int run_validate(const Options& options, std::ostream& out, std::ostream& err) {
    int code = kExitOk;
    for (const auto& file : options.files) {
        try {
            if (scenario::is_scenario_file(file)) {
                const auto loaded = scenario::load_scenario(file);
                print(err, loaded.warnings);
                out << file << ": ok (scenario '" << loaded.scenario.name << "' on model " << loaded.model_path
                    << ": " << loaded.scenario.flows.size() << " flows, " << loaded.input_files.size()
                    << " files, " << loaded.warnings.size() << " warnings)\n";
                continue;
            }
            const auto model = scenario::load_model(file);
            network::Network::build(model.spec);
            print(err, model.warnings);
            out << file << ": ok (" << model.spec.nodes.size() << " nodes, " << model.spec.links.size()
                << " directed links, " << model.warnings.size() << " warnings)\n";
        } catch (const scenario::InputError& e) {
            print(err, e.diagnostics());
            code = kExitInput;
        }
    }
    return code;
}

int run_route(const RouteOptions& o, std::ostream& out, std::ostream& err) {
    const auto model = scenario::load_model(o.model);
    print(err, model.warnings);
    const auto net = network::Network::build(model.spec);
    const auto resolved = scenario::resolve(
        net, {o.from, o.to, o.by, o.date, o.cargo, o.value_of_time, o.carbon_price, o.avoid, o.only, o.avoid_links, o.avoid_nodes,
         o.value_of_reliability},
        o.model);
    const auto& [from, to, query, constraints, banned] = resolved;
    const auto routes = network::k_shortest_routes(net, from, to, o.k, query);
    if (routes.empty()) {
        err << "corridor route: no route from " << o.from << " to " << o.to
            << (query.date ? " on " + o.date : std::string(" with the links open now")) << '\n';
        return kExitInput;
    }
    // Costs are per unit of the cargo class (--cargo), CO2e per unit of its tonnes; without a
    // class, costs are per unit of whatever is carried and CO2e per tonne.
    std::string usd_per = "unit", co2e_per = "tonne";
    if (const auto cargo = net.find_cargo_class(o.cargo); !o.cargo.empty() && cargo) {
        usd_per = co2e_per = net.cargo_classes()[cargo->index()].unit;
    }
    if (o.format == "json") {
        nlohmann::json doc;
        doc["model"] = net.name();
        doc["from"] = o.from;
        doc["to"] = o.to;
        doc["by"] = o.by;
        doc["usd_per"] = usd_per;
        doc["kg_co2e_per"] = co2e_per;
        for (const auto& r : routes) {
            nlohmann::json jr;
            jr["km"] = r.length.value();
            jr["hours"] = r.hours.count();
            jr["usd"] = r.usd.value();
            jr["kg_co2e"] = r.kg_co2e.value();
            jr["generalised_usd"] = r.generalised_usd.value();
            jr["hours_sd"] = r.hours_sd.count();
            jr["hours_p95"] = r.hours_p95().count();
            for (const auto& s : r.steps) {
                nlohmann::json js;
                js["kind"] = step_name(s.kind);
                js["node"] = net.node(s.node).name;
                if (s.kind == network::RouteStep::Kind::link) {
                    const auto& l = net.link(s.link);
                    js["link"] = l.name;
                    js["mode"] = std::string(network::to_string(l.mode));
                    js["km"] = l.length.value();
                }
                js["hours"] = s.hours.count();
                js["usd"] = s.usd.value();
                js["kg_co2e"] = s.kg_co2e.value();
                jr["steps"].push_back(js);
            }
            doc["routes"].push_back(jr);
        }
        out << doc.dump(2) << '\n';
        return kExitOk;
    }
    for (std::size_t i = 0; i < routes.size(); ++i) {
        const auto& r = routes[i];
        out << fmt::format("route {} of {}: {} -> {} by {}: {:.0f} km, {:.1f} h ({:.1f} d), {:.0f} USD per {}, {:.1f} kg CO2e per {}, "
                           "generalised {:.0f} USD per {}; time sd {:.1f} h, p95 {:.1f} h\n",
                           i + 1, routes.size(), o.from, o.to, o.by, r.length.value(), r.hours.count(), r.hours.count() / 24,
                           r.usd.value(), usd_per, r.kg_co2e.value(), co2e_per, r.generalised_usd.value(), usd_per,
                           r.hours_sd.count(), r.hours_p95().count());
        out << fmt::format("  {:<14} {:<26} {:<6} {:>7} {:>8} {:>8} {:>8}   (USD per {}, kg CO2e per {})\n", "step", "where",
                           "mode", "km", "hours", "USD", "kg CO2e", usd_per, co2e_per);
        for (const auto& s : r.steps) {
            if (s.kind == network::RouteStep::Kind::link) {
                const auto& l = net.link(s.link);
                out << fmt::format("  {:<14} {:<26} {:<6} {:>7.0f} {:>8.1f} {:>8.0f} {:>8.1f}\n", "link", l.name,
                                   network::to_string(l.mode), l.length.value(), s.hours.count(), s.usd.value(), s.kg_co2e.value());
            } else {
                out << fmt::format("  {:<14} {:<26} {:<6} {:>7} {:>8.1f} {:>8.0f} {:>8.1f}\n", step_name(s.kind),
                                   net.node(s.node).name, "", "", s.hours.count(), s.usd.value(), s.kg_co2e.value());
            }
        }
    }
    return kExitOk;
}

} // namespace corridor::cli
