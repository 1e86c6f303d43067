// corridor.Model, corridor.load_model and corridor.route: a model and its best routes.
#include "sim/python/model_bindings.hpp"

#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>

#include "sim/network/network.hpp"
#include "sim/network/routing.hpp"
#include "sim/scenario/model_loader.hpp"
#include "sim/scenario/route_request.hpp"

namespace corridor::python {

namespace py = pybind11;

namespace {

struct Model {
    std::string path;
    std::shared_ptr<const network::Network> network;
    std::vector<std::string> warnings;
};

const char* step_name(network::RouteStep::Kind kind) {
    switch (kind) {
    case network::RouteStep::Kind::link: return "link";
    case network::RouteStep::Kind::border: return "border";
    case network::RouteStep::Kind::transshipment: return "transshipment";
    case network::RouteStep::Kind::port: return "port";
    }
    return "?";
}

py::dict route_dict(const network::Network& net, const network::Route& r) {
    py::dict out;
    out["km"] = r.length.value();
    out["hours"] = r.hours.count();
    out["usd"] = r.usd.value();
    out["kg_co2e"] = r.kg_co2e.value();
    out["generalised_usd"] = r.generalised_usd.value();
    out["hours_sd"] = r.hours_sd.count();
    out["hours_p95"] = r.hours_p95().count();
    py::list links;
    for (const auto l : r.links) links.append(net.link(l).name);
    out["links"] = links;
    py::list steps;
    for (const auto& s : r.steps) {
        py::dict step;
        step["kind"] = step_name(s.kind);
        step["node"] = net.node(s.node).name;
        if (s.kind == network::RouteStep::Kind::link) {
            const auto& l = net.link(s.link);
            step["link"] = l.name;
            step["mode"] = std::string(network::to_string(l.mode));
            step["km"] = l.length.value();
        }
        step["hours"] = s.hours.count();
        step["usd"] = s.usd.value();
        step["kg_co2e"] = s.kg_co2e.value();
        steps.append(step);
    }
    out["steps"] = steps;
    return out;
}

} // namespace

void bind_model(py::module_& m) {
    py::class_<Model>(m, "Model", "A network model (models/README.md), loaded and checked.")
        .def_readonly("path", &Model::path)
        .def_property_readonly("name", [](const Model& model) { return model.network->name(); })
        .def_property_readonly("node_count", [](const Model& model) { return model.network->node_count(); })
        .def_property_readonly("link_count", [](const Model& model) { return model.network->link_count(); })
        .def_property_readonly("nodes", [](const Model& model) {
            std::vector<std::string> names;
            for (std::size_t i = 0; i < model.network->node_count(); ++i) {
                names.push_back(model.network->node(core::NodeId{static_cast<std::uint32_t>(i)}).name);
            }
            return names;
        })
        .def_readonly("warnings", &Model::warnings)
        .def("__repr__", [](const Model& model) {
            return "<corridor.Model '" + model.network->name() + "': " + std::to_string(model.network->node_count()) +
                   " nodes, " + std::to_string(model.network->link_count()) + " links>";
        });

    m.def(
        "load_model",
        [](const std::string& path) {
            auto loaded = scenario::load_model(path);
            Model model{path, std::make_shared<const network::Network>(network::Network::build(loaded.spec)), {}};
            for (const auto& w : loaded.warnings) model.warnings.push_back(scenario::to_string(w));
            return model;
        },
        py::arg("path"), "Reads and checks a model file; raises InputError with every problem found.");

    m.def(
        "route",
        [](const Model& model, const std::string& frm, const std::string& to, const std::string& by, std::size_t k,
           const std::optional<std::string>& cargo, const std::optional<std::string>& date, double value_of_time,
           double carbon_price, const std::vector<std::string>& avoid, const std::vector<std::string>& only,
           double value_of_reliability) {
            const auto resolved = scenario::resolve(
                *model.network,
                {frm, to, by, date.value_or(""), cargo.value_or(""), value_of_time, carbon_price, avoid, only, {}, {},
                 value_of_reliability},
                model.path);
            std::vector<network::Route> routes;
            {
                py::gil_scoped_release free;
                routes = network::k_shortest_routes(*model.network, resolved.from, resolved.to, k, resolved.query);
            }
            py::list out;
            for (const auto& r : routes) out.append(route_dict(*model.network, r));
            return out;
        },
        py::arg("model"), py::arg("frm"), py::arg("to"), py::arg("by") = "time", py::arg("k") = 1,
        py::arg("cargo") = py::none(), py::arg("date") = py::none(), py::arg("value_of_time") = 2.0,
        py::arg("carbon_price") = 0.0, py::arg("avoid") = std::vector<std::string>{},
        py::arg("only") = std::vector<std::string>{}, py::arg("value_of_reliability") = 0.0,
        "Up to k loopless routes from `frm` to `to`, best first, as `corridor route` finds them: each a dict of km, "
        "hours, usd, kg_co2e, generalised_usd, links and steps. `avoid`: countries (ISO codes) the routes may not "
        "pass through; `only`: the only countries they may; `value_of_reliability`: USD per hour of the time's standard "
        "deviation in the generalised cost (each route has hours_sd and hours_p95). An empty list: no route.");
}

} // namespace corridor::python
