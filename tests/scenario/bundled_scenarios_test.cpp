// Every bundled what-if runs (at a reduced horizon), its counts balance, and the KPI it is
// about moves the way it claims, against the baseline run with the same seeds (common random
// numbers).
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

#include "sim/experiment/replications.hpp"
#include "sim/scenario/scenario_loader.hpp"

using namespace corridor;

namespace {

std::string scenario_path(const std::string& name) {
    const char* dir = std::getenv("SIM_SOURCE_DIR");
    return std::string(dir ? dir : ".") + "/scenarios/" + name + ".yaml";
}

struct ScenarioRun {
    scenario::LoadedScenario loaded;
    std::vector<logistics::RunResult> results;

    [[nodiscard]] std::size_t flow(const std::string& name) const {
        for (std::size_t i = 0; i < loaded.scenario.flows.size(); ++i) {
            if (loaded.scenario.flows[i].name == name) return i;
        }
        throw std::runtime_error("no flow " + name);
    }
    // Mean over replications of a flow KPI.
    template <class Get>
    double mean(const std::string& name, Get get) const {
        double sum = 0;
        for (const auto& r : results) sum += core::magnitude(get(r.flows[flow(name)]));
        return sum / static_cast<double>(results.size());
    }
    [[nodiscard]] double resource(const std::string& name, double logistics::ResourceResult::*field) const {
        double sum = 0;
        for (const auto& r : results) {
            for (const auto& x : r.resources) {
                if (x.key() == name) sum += x.*field;
            }
        }
        return sum / static_cast<double>(results.size());
    }
};

// 120 days from the scenario's start (January: the winter months are in).
ScenarioRun run(const std::string& name, std::uint32_t replications = 2) {
    ScenarioRun out{scenario::load_scenario(scenario_path(name), {{"horizon_days", "120"}, {"warmup_days", "10"}}), {}};
    experiment::ReplicationOptions o;
    o.replications = replications;
    o.threads = 2;
    out.results = experiment::run_replications(out.loaded.network, out.loaded.scenario, o).results;
    // Nothing lost: per flow and in total, created = delivered + in the system.
    for (const auto& r : out.results) {
        EXPECT_EQ(r.created, r.delivered + r.in_system) << name;
        for (const auto& f : r.flows) EXPECT_EQ(f.created, f.delivered + f.in_system) << name << " " << f.name;
    }
    return out;
}

const ScenarioRun& baseline() {
    static const ScenarioRun base = run("baseline_2025");
    return base;
}

double hours(const logistics::FlowResult& f, logistics::TimeUse use) { return f.mean_hours[static_cast<std::size_t>(use)].count(); }

} // namespace

TEST(BundledScenarios, BaselineDeliversEveryFlow) {
    const auto& base = baseline();
    for (const auto& f : base.results.front().flows) EXPECT_GT(f.delivered, 0U) << f.name;
}

TEST(BundledScenarios, WinterStormsLengthenCaspianWaits) {
    // Storm spells last days, so four months hold only a few: eight replications each.
    const auto storms = run("caspian_winter_storms", 8);
    const auto base = run("baseline_2025", 8);
    EXPECT_GT(storms.resource("weather caspian", &logistics::ResourceResult::utilisation),
              base.resource("weather caspian", &logistics::ResourceResult::utilisation));
    for (const char* flow : {"kz_bulk_wagons", "trucks_west", "almaty_poti"}) {
        EXPECT_GT(storms.mean(flow, [](const logistics::FlowResult& f) { return f.transit_mean_h; }),
                  base.mean(flow, [](const logistics::FlowResult& f) { return f.transit_mean_h; }))
            << flow;
    }
}

TEST(BundledScenarios, NewFeedersCutContainerWaitsAtAktau) {
    const auto bigger = run("feeder_fleet_expansion");
    const auto& base = baseline();
    for (const char* flow : {"almaty_poti", "altynkol_poti"}) {
        EXPECT_LT(bigger.mean(flow, [](const logistics::FlowResult& f) { return hours(f, logistics::TimeUse::waiting); }),
                  base.mean(flow, [](const logistics::FlowResult& f) { return hours(f, logistics::TimeUse::waiting); }))
            << flow;
    }
}

TEST(BundledScenarios, DostykBuildUpDelaysTrainsThroughIt) {
    const auto jam = run("dostyk_congestion");
    const auto& base = baseline();
    EXPECT_GT(jam.mean("xian_alat", [](const logistics::FlowResult& f) { return hours(f, logistics::TimeUse::disruption); }), 0.0);
    // Block trains that reach Dostyk during the closure (created 1-10 March, days 59-68) take
    // longer than the same trains in the baseline.
    auto closure_transit = [](const ScenarioRun& run) {
        double sum = 0;
        int count = 0;
        for (const auto& r : run.results) {
            for (const auto& sh : r.shipments) {
                if (run.loaded.scenario.flows[sh.flow.index()].name != "xian_alat" || !sh.delivered) continue;
                const double day = static_cast<double>(sh.created.seconds()) / 86400.0;
                if (day < 55 || day > 68) continue;
                sum += static_cast<double>((*sh.delivered - sh.created).count()) / 3600.0;
                ++count;
            }
        }
        return count > 0 ? sum / count : 0.0;
    };
    EXPECT_GT(closure_transit(jam), closure_transit(base) + 48.0);
}

TEST(BundledScenarios, TrippCarriesNakhchivanFreightFromItsOpening) {
    const auto tripp = run("tripp_open_2030");
    const auto& r = tripp.results.front();
    const auto& net = tripp.loaded.network;
    const auto meghri = *net.find_node("MEG");
    std::size_t through_tripp = 0;
    for (const auto& s : r.shipments) {
        for (const auto l : r.routes[s.route]) through_tripp += net.link(l).to == meghri;
    }
    EXPECT_GT(through_tripp, 100U);
    EXPECT_GT(tripp.mean("bak_nax_tripp_rail", [](const logistics::FlowResult& f) { return static_cast<double>(f.delivered); }), 0.0);
    EXPECT_GT(tripp.mean("alat_kars_tripp", [](const logistics::FlowResult& f) { return static_cast<double>(f.delivered); }), 0.0);
}

TEST(BundledScenarios, CriticalMineralsKeepAFullChainOfCustody) {
    const auto minerals = run("critical_minerals_kz_us");
    const auto& r = minerals.results.front();
    std::map<core::ShipmentId, std::vector<const logistics::CustodyEvent*>> events;
    for (const auto& e : r.custody) events[e.shipment].push_back(&e);
    std::size_t delivered = 0;
    for (const auto& s : r.shipments) {
        const auto& flow = minerals.loaded.scenario.flows[s.flow.index()];
        if (!flow.custody) continue;
        const auto& log = events[s.id];
        ASSERT_FALSE(log.empty()) << flow.name << " shipment " << s.id.index();
        EXPECT_EQ(log.front()->event, "created");
        // Every vehicle that takes it (loaded onto a train or truck, boarded onto a vessel)
        // carries it until it arrives: departures and borders in between name that vehicle.
        std::string aboard;
        for (const auto* e : log) {
            const bool onto_vessel = e->event == "boarded" && e->holder.find(" / ") != std::string::npos;
            if (e->event == "loaded" || onto_vessel) {
                EXPECT_EQ(aboard, "") << "shipment " << s.id.index() << " " << e->event << " " << e->holder;
                aboard = e->holder;
            } else if (e->event == "departed" || e->event == "cleared" || e->event == "arrived") {
                EXPECT_EQ(e->holder, aboard) << "shipment " << s.id.index() << " " << e->event;
                if (e->event == "arrived") aboard.clear();
            }
        }
        if (s.delivered) {
            ++delivered;
            EXPECT_EQ(log.back()->event, "delivered");
            EXPECT_EQ(aboard, "") << "shipment " << s.id.index() << " delivered while aboard " << aboard;
        }
    }
    EXPECT_GT(delivered, 50U);
    // Class 7 never flies: air takes no hazardous cargo (the model's hazard rule).
    const auto& net = minerals.loaded.network;
    for (const auto& s : r.shipments) {
        if (minerals.loaded.scenario.flows[s.flow.index()].name.rfind("uranium", 0) != 0) continue;
        for (const auto l : r.routes[s.route]) EXPECT_NE(net.link(l).mode, network::Mode::air);
    }
}

TEST(BundledScenarios, Demand2030LoadsTheCorridorHarder) {
    const auto future = run("demand_2030");
    const auto& base = baseline();
    auto throughput = [](const ScenarioRun& run) {
        double total = 0;
        for (const auto& f : run.results.front().flows) total += f.throughput_units_per_day.value();
        return total;
    };
    auto created = [](const ScenarioRun& run) {
        double total = 0;
        for (const auto& f : run.results.front().flows) total += f.units_created.value();
        return total;
    };
    EXPECT_GT(created(future), 2.5 * created(base));       // the demand is 2.7 times 2025's
    EXPECT_GT(throughput(future), 1.3 * throughput(base)); // the corridor carries more, short of it
    auto busiest = [](const ScenarioRun& run) {
        double most = 0;
        for (const auto& x : run.results.front().resources) {
            if (x.kind != "storm") most = std::max(most, x.utilisation);
        }
        return most;
    };
    EXPECT_GE(busiest(future), busiest(base));
}

TEST(BundledScenarios, ChinaEuropeDemandSplitsOverTheRoutes) {
    const auto split = run("middle_vs_northern_vs_suez");
    const auto& r = split.results.front();
    const auto& net = split.loaded.network;
    std::map<std::string, std::size_t> by_route;
    for (const auto& s : r.shipments) {
        std::string family = "middle";
        for (const auto l : r.routes[s.route]) {
            const auto& name = net.link(l).name;
            if (name.rfind("SHA-ROT", 0) == 0) family = "suez";
            if (name.rfind("DOS-MAL", 0) == 0) family = "northern";
        }
        ++by_route[family];
    }
    EXPECT_GT(by_route["suez"], 0U);
    EXPECT_GT(by_route["northern"], 0U);
    EXPECT_GE(by_route.size(), 2U);
}

TEST(BundledScenarios, SaturatedBaselineFeedersCarryTheCalibratedCapacity) {
    // SIA (2025) estimates the six feeders' capacity at about 89,000 TEU/yr Aktau-Alat. With
    // the two Kazakh container flows raised to 60,000 TEU/yr each (172,000 offered in all) and
    // no warm-up, the containers delivered in the year are what the baseline fleet can carry
    // in the 2025 weather: 79,700 TEU/yr over 5 replications (scenarios/README.md), 10% under
    // SIA's estimate since Aktau and Alat move a full feeder's load by the unit (an assumed
    // rate). Nothing in the model was tuned to this figure; a change to the fleet, its handling
    // or the weather that moves it by more than 5% (about four standard errors of a
    // three-replication mean) breaks the calibration in scenarios/README.md.
    const auto loaded = scenario::load_scenario(scenario_path("baseline_2025"),
                                                {{"demand.almaty_poti.units_per_year", "60000"},
                                                 {"demand.altynkol_poti.units_per_year", "60000"},
                                                 {"warmup_days", "0"}});
    experiment::ReplicationOptions o;
    o.replications = 3;
    o.threads = 2;
    const auto results = experiment::run_replications(loaded.network, loaded.scenario, o).results;
    const auto container = *loaded.network.find_cargo_class("container");
    double teu = 0;
    for (const auto& r : results) {
        for (std::size_t i = 0; i < r.flows.size(); ++i) {
            if (loaded.scenario.flows[i].cargo == container) teu += r.flows[i].units_delivered.value();
        }
    }
    EXPECT_NEAR(teu / 3.0, 79700.0, 0.05 * 79700.0) << "TEU delivered in the year";
}
