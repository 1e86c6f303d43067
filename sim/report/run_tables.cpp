// The run's tables from its replications.
#include "sim/report/run_tables.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <utility>

#include "sim/logistics/kpis.hpp"
#include "sim/report/detail/summary_statistics.hpp"

namespace corridor::report {

namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

double hours_of(core::SimTime t) { return static_cast<double>(t.seconds()) / 3600.0; }

// The summary columns of a long table, filled row by row.
struct SummaryColumns {
    Categories& kpi;
    Categories& unit;
    Column::Integers& replications;
    Column::Numbers& mean;
    Column::Numbers& sd;
    Column::Numbers& low;
    Column::Numbers& high;
    explicit SummaryColumns(Table& t)
        : kpi{t.categories("kpi")}, unit{t.categories("unit")}, replications{t.integers("replications")},
          mean{t.numbers("mean")}, sd{t.numbers("sd")}, low{t.numbers("ci95_low")}, high{t.numbers("ci95_high")} {}
    void add(std::string_view name, const std::string& unit_name, const detail::Summary& s) {
        kpi.push_back(name);
        unit.push_back(unit_name);
        replications.push_back(static_cast<std::int64_t>(s.n));
        mean.push_back(s.mean);
        sd.push_back(s.sd);
        low.push_back(s.ci95_low);
        high.push_back(s.ci95_high);
    }
};

void flow_tables(const network::Network& net, const logistics::Scenario& sc,
                 const std::vector<logistics::RunResult>& reps, RunTables& t) {
    auto& flow = t.flows.categories("flow");
    auto& origin = t.flows.categories("origin");
    auto& destination = t.flows.categories("destination");
    auto& cargo = t.flows.categories("cargo_class");
    SummaryColumns summary{t.flows};

    auto& r_flow = t.flow_replications.categories("flow");
    auto& r_origin = t.flow_replications.categories("origin");
    auto& r_destination = t.flow_replications.categories("destination");
    auto& r_cargo = t.flow_replications.categories("cargo_class");
    auto& r_unit = t.flow_replications.categories("unit");
    auto& r_rep = t.flow_replications.integers("replication");
    std::vector<Column::Numbers*> r_kpis;
    for (const auto& kpi : logistics::flow_kpis()) r_kpis.push_back(&t.flow_replications.numbers(std::string(kpi.column)));
    auto& r_quantiles = t.flow_replications.categories("transit_quantiles");

    for (std::size_t f = 0; f < sc.flows.size(); ++f) {
        const auto& spec = sc.flows[f];
        const auto& first = reps.front().flows[f];
        const auto& from = net.node(spec.origin).name;
        const auto& to = net.node(spec.destination).name;
        const auto kpis = logistics::flow_kpis();
        for (const auto& kpi : kpis) {
            std::vector<double> values;
            for (const auto& r : reps) {
                if (const auto v = kpi.value(r.flows[f])) values.push_back(*v);
            }
            if (values.empty()) continue; // undefined for this flow (no on-time target)
            flow.push_back(spec.name);
            origin.push_back(from);
            destination.push_back(to);
            cargo.push_back(first.cargo_class);
            summary.add(kpi.name, logistics::unit_name(kpi.unit, first.unit), detail::summarise(values, logistics::feasible_range(kpi.unit)));
        }
        for (std::size_t rep = 0; rep < reps.size(); ++rep) {
            r_flow.push_back(spec.name);
            r_origin.push_back(from);
            r_destination.push_back(to);
            r_cargo.push_back(first.cargo_class);
            r_unit.push_back(first.unit);
            r_rep.push_back(static_cast<std::int64_t>(rep));
            for (std::size_t k = 0; k < kpis.size(); ++k) r_kpis[k]->push_back(kpis[k].value(reps[rep].flows[f]).value_or(kNoValue));
            r_quantiles.push_back(reps[rep].flows[f].transit_quantiles_exact ? "exact" : "sketch");
        }
    }
}

void resource_tables(const std::vector<logistics::RunResult>& reps, RunTables& t) {
    auto& kind = t.resources.categories("kind");
    auto& id = t.resources.categories("id");
    auto& direction = t.resources.categories("direction");
    SummaryColumns summary{t.resources};

    auto& r_kind = t.resource_replications.categories("kind");
    auto& r_id = t.resource_replications.categories("id");
    auto& r_direction = t.resource_replications.categories("direction");
    auto& r_served_unit = t.resource_replications.categories("served_unit");
    auto& r_capacity_unit = t.resource_replications.categories("capacity_unit");
    auto& r_rep = t.resource_replications.integers("replication");
    const auto all = logistics::all_resource_kpis();
    std::vector<Column::Numbers*> r_kpis;
    for (const auto& kpi : all) r_kpis.push_back(&t.resource_replications.numbers(std::string(kpi.column)));

    const auto& first = reps.front().resources;
    for (std::size_t i = 0; i < first.size(); ++i) {
        const auto& res = first[i];
        const auto applies = logistics::resource_kpis(res);
        for (const auto& kpi : applies) {
            std::vector<double> values;
            values.reserve(reps.size());
            for (const auto& r : reps) values.push_back(kpi.value(r.resources[i]));
            kind.push_back(res.kind);
            id.push_back(res.id);
            direction.push_back(res.direction);
            summary.add(kpi.name, logistics::unit_name(kpi.unit, "", &res), detail::summarise(values, logistics::feasible_range(kpi.unit)));
        }
        for (std::size_t rep = 0; rep < reps.size(); ++rep) {
            r_kind.push_back(res.kind);
            r_id.push_back(res.id);
            r_direction.push_back(res.direction);
            r_served_unit.push_back(res.served_unit);
            r_capacity_unit.push_back(res.capacity_unit);
            r_rep.push_back(static_cast<std::int64_t>(rep));
            for (std::size_t k = 0; k < all.size(); ++k) {
                bool applicable = false;
                for (const auto& a : applies) applicable = applicable || a.name == all[k].name;
                r_kpis[k]->push_back(applicable ? all[k].value(reps[rep].resources[i]) : kNoValue);
            }
        }
    }
}

void daily_tables(const logistics::Scenario& sc, const std::vector<logistics::RunResult>& reps, RunTables& t) {
    auto& f_rep = t.daily_flows.integers("replication");
    auto& f_day = t.daily_flows.integers("day");
    auto& f_flow = t.daily_flows.categories("flow");
    auto& f_unit = t.daily_flows.categories("unit");
    auto& f_units = t.daily_flows.numbers("units_delivered");
    auto& r_rep = t.daily_resources.integers("replication");
    auto& r_day = t.daily_resources.integers("day");
    auto& r_kind = t.daily_resources.categories("kind");
    auto& r_id = t.daily_resources.categories("id");
    auto& r_direction = t.daily_resources.categories("direction");
    auto& r_unit = t.daily_resources.categories("unit");
    auto& r_queue = t.daily_resources.numbers("queue");
    auto& w_rep = t.daily_weather.integers("replication");
    auto& w_day = t.daily_weather.integers("day");
    auto& w_area = t.daily_weather.categories("area");
    auto& w_share = t.daily_weather.numbers("storm_share");
    for (std::size_t rep = 0; rep < reps.size(); ++rep) {
        const auto& r = reps[rep];
        for (const auto& point : r.daily) {
            for (std::size_t f = 0; f < point.delivered.size(); ++f) {
                f_rep.push_back(static_cast<std::int64_t>(rep));
                f_day.push_back(point.day);
                f_flow.push_back(sc.flows[f].name);
                f_unit.push_back(r.flows[f].unit);
                f_units.push_back(point.delivered[f].value());
            }
            for (std::size_t i = 0; i < point.queue.size(); ++i) {
                const auto& res = r.resources[i];
                r_rep.push_back(static_cast<std::int64_t>(rep));
                r_day.push_back(point.day);
                r_kind.push_back(res.kind);
                r_id.push_back(res.id);
                r_direction.push_back(res.direction);
                r_unit.push_back(res.served_unit);
                r_queue.push_back(point.queue[i]);
            }
            for (std::size_t a = 0; a < point.storm.size(); ++a) {
                w_rep.push_back(static_cast<std::int64_t>(rep));
                w_day.push_back(point.day);
                w_area.push_back(sc.areas[a].name);
                w_share.push_back(point.storm[a]);
            }
        }
    }
}

} // namespace

RunTables run_tables(const network::Network& network, const logistics::Scenario& scenario,
                     const std::vector<logistics::RunResult>& replications) {
    RunTables t;
    if (replications.empty()) return t;
    flow_tables(network, scenario, replications, t);
    resource_tables(replications, t);
    daily_tables(scenario, replications, t);
    return t;
}

Table shipments_table(const network::Network& network, const logistics::Scenario& scenario,
                      const logistics::RunResult& result, std::size_t replication) {
    Table t{"shipments"};
    auto& rep = t.integers("replication");
    auto& shipment = t.integers("shipment");
    auto& flow = t.categories("flow");
    auto& units = t.numbers("units");
    auto& unit = t.categories("unit");
    auto& created = t.numbers("created_h");
    auto& delivered = t.numbers("delivered_h");
    auto& transit = t.numbers("transit_h");
    auto& path = t.categories("path");
    std::array<Column::Numbers*, logistics::kTimeUses> uses{};
    for (std::size_t u = 0; u < logistics::kTimeUses; ++u) {
        uses[u] = &t.numbers("time_" + std::string(logistics::kTimeUseNames[u]) + "_h");
    }
    auto& cost = t.numbers("cost_usd");
    auto& co2e = t.numbers("co2e_kg");
    // Each route's path once: the nodes it visits, from the flow's origin; its code in `path` is
    // looked up once per flow and route, not once per row.
    std::vector<std::string> paths(result.routes.size());
    for (const auto r : result.routes.ids()) {
        for (const auto l : result.routes[r]) paths[r.index()] += ">" + network.node(network.link(l).to).name;
    }
    std::vector<std::uint32_t> flow_codes(scenario.flows.size()), unit_codes(scenario.flows.size());
    for (std::size_t f = 0; f < scenario.flows.size(); ++f) {
        flow_codes[f] = flow.code_of(scenario.flows[f].name);
        unit_codes[f] = unit.code_of(result.flows[f].unit);
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> path_codes; // (flow, route or none)
    const auto none = std::numeric_limits<std::uint32_t>::max();
    for (const auto& sh : result.shipments) {
        const auto& spec = scenario.flows[sh.flow.index()];
        rep.push_back(static_cast<std::int64_t>(replication));
        shipment.push_back(sh.id.index());
        flow.push_code(flow_codes[sh.flow.index()]);
        units.push_back(sh.units.value());
        unit.push_code(unit_codes[sh.flow.index()]);
        created.push_back(hours_of(sh.created));
        delivered.push_back(sh.delivered ? hours_of(*sh.delivered) : kNoValue);
        transit.push_back(sh.delivered ? hours_of(*sh.delivered) - hours_of(sh.created) : kNoValue);
        const bool routed = result.routes.contains(sh.route);
        const auto key = std::pair{sh.flow.index(), routed ? sh.route.index() : none};
        auto code = path_codes.find(key);
        if (code == path_codes.end()) {
            code = path_codes.emplace(key, path.code_of(network.node(spec.origin).name + (routed ? paths[sh.route.index()] : ""))).first;
        }
        path.push_code(code->second);
        for (std::size_t u = 0; u < logistics::kTimeUses; ++u) uses[u]->push_back(static_cast<double>(sh.seconds[u]) / 3600.0);
        cost.push_back(sh.usd.value());
        co2e.push_back(sh.kg_co2e.value());
    }
    return t;
}

Table custody_table(const network::Network& network, const logistics::Scenario& scenario,
                    const logistics::RunResult& result, std::size_t replication) {
    Table t{"custody"};
    auto& rep = t.integers("replication");
    auto& shipment = t.integers("shipment");
    auto& flow = t.categories("flow");
    auto& time = t.numbers("time_h");
    auto& node = t.categories("node");
    auto& event = t.categories("event");
    auto& holder = t.categories("holder");
    for (const auto& e : result.custody) {
        rep.push_back(static_cast<std::int64_t>(replication));
        shipment.push_back(e.shipment.index());
        flow.push_back(scenario.flows[e.flow.index()].name);
        time.push_back(hours_of(e.at));
        node.push_back(network.node(e.node).name);
        event.push_back(e.event);
        holder.push_back(e.holder);
    }
    return t;
}

} // namespace corridor::report
