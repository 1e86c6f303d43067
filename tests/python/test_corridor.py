"""The corridor module as an analyst uses it: every function on the bundled scenarios, files
byte-identical to the command line's, InputError's diagnostics, the tables' shapes and types,
the GIL released during a run, and Ctrl-C."""

import filecmp
import os
import pathlib
import signal
import subprocess
import sys
import threading
import time

import pytest

import corridor

SOURCE = pathlib.Path(os.environ.get("SIM_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
CLI = os.environ.get("CORRIDOR", str(SOURCE / "build/ci/sim/cli/corridor"))
TINY = SOURCE / "tests/data/scenarios/tiny.yaml"
STORMS = SOURCE / "tests/data/scenarios/tiny_storms.yaml"
BASELINE = SOURCE / "scenarios/baseline_2025.yaml"
SHORT = {"horizon_days": 40, "warmup_days": 5}


def cli(*args):
    env = dict(os.environ, CORRIDOR_HUGE_PAGES="0")
    done = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return done


def same_files(a, b):
    """Every file but the manifests and the reports (which record how each was run: the command
    line) is byte-identical."""
    a, b = pathlib.Path(a), pathlib.Path(b)
    names = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for name in names:
        if name.name in ("manifest.json", "report.html"):
            continue
        assert filecmp.cmp(a / name, b / name, shallow=False), f"{name} differs"
    return names


def test_a_run_writes_the_files_the_command_line_writes(tmp_path):
    cli("run", TINY, "--replications", 3, "--seed", 5, "--threads", 2, "-q", "-o", tmp_path / "cli")
    results = corridor.run(corridor.load_scenario(TINY), replications=3, seed=5, threads=1)
    results.write(tmp_path / "python")
    names = same_files(tmp_path / "cli", tmp_path / "python")
    assert pathlib.Path("shipments.csv") in names and pathlib.Path("custody.csv") in names


def test_a_comparison_and_a_sweep_write_what_the_command_line_writes(tmp_path):
    cli("compare", TINY, STORMS, "--replications", 2, "--seed", 4, "-q", "-o", tmp_path / "cli_compare")
    comparison = corridor.compare([TINY, STORMS], replications=2, seed=4)
    comparison.write(tmp_path / "py_compare")
    same_files(tmp_path / "cli_compare", tmp_path / "py_compare")
    cli("sweep", TINY, "--set", "vessels.ferries.count=1,3", "--set", "horizon_days=30,40", "--replications", 2, "-q",
        "-o", tmp_path / "cli_sweep")
    sweep = corridor.sweep(TINY, {"vessels.ferries.count": [1, 3], "horizon_days": [30, 40]}, replications=2)
    sweep.write(tmp_path / "py_sweep")
    same_files(tmp_path / "cli_sweep", tmp_path / "py_sweep")
    assert [p[0] for p in sweep.points][-1] == {"vessels.ferries.count": "3", "horizon_days": "40"}


def test_every_function_on_the_bundled_scenarios():
    base = corridor.load_scenario(BASELINE, set=SHORT)
    assert base.name == "baseline_2025" and base.horizon_days == 40
    more = corridor.load_scenario(SOURCE / "scenarios/feeder_fleet_expansion.yaml", set=SHORT)
    results = corridor.run(base, replications=2, seed=1, threads=2)
    assert results.replications == 2 and results.stopped == "replications"
    transit = results.flows.query("flow == 'almaty_poti' and kpi == 'transit_mean'")
    assert len(transit) == 1 and transit["unit"].iloc[0] == "h" and transit["mean"].iloc[0] > 24
    comparison = corridor.compare([base, more], replications=2, seed=1)
    table = comparison.table
    assert set(table["scenario"]) == {"feeder_fleet_expansion"} and set(table["reference"]) == {"baseline_2025"}
    assert {"difference", "paired_ci95_low", "paired_ci95_high", "significant"} <= set(table.columns)
    sweep = corridor.sweep(BASELINE, {"vessels.caspian_feeders.count": [4, 8], "horizon_days": [40]}, replications=1)
    feeders = sweep.table.query("flow == 'almaty_poti' and kpi == 'transit_mean'")
    assert list(feeders["vessels.caspian_feeders.count"]) == ["4", "8"]
    model = corridor.load_model(SOURCE / "models/middle_corridor.yaml")
    routes = corridor.route(model, "XIA", "POT", by="time", k=3, cargo="container")
    assert len(routes) == 3 and routes[0]["hours"] <= routes[1]["hours"] <= routes[2]["hours"]
    assert routes[0]["steps"][0]["kind"] == "link" and routes[0]["links"][0].startswith("XIA")
    tripp = corridor.route(model, "HOR", "NAX", by="co2", date="2030-06-01")
    assert any(link.startswith("AGB-MEG") for link in tripp[0]["links"])
    north = corridor.route(model, "DOS", "ROT", cargo="tungsten")
    assert "DOS-MAL-north" in north[0]["links"]
    no_ru = corridor.route(model, "DOS", "ROT", cargo="tungsten", avoid=["RU", "IR"])
    assert no_ru and "DOS-MAL-north" not in no_ru[0]["links"]
    reliable = corridor.route(model, "XIA", "POT", by="generalised", value_of_reliability=20.0)
    assert reliable[0]["hours_sd"] > 0 and reliable[0]["hours_p95"] > reliable[0]["hours"]


def test_input_errors_carry_every_diagnostic_at_its_position():
    with pytest.raises(corridor.InputError) as caught:
        corridor.load_scenario(SOURCE / "tests/data/scenarios/broken.yaml")
    found = [(pathlib.Path(d["file"]).name, d["line"], d["column"], d["message"], d["suggestion"])
             for d in caught.value.diagnostics]
    assert found == [
        ("broken.yaml", 3, 13, "'start_date' must be a date YYYY-MM-DD, found '2025-02-30'", None),
        ("broken.yaml", 4, 15, "'horizon_days' must be a number from 1 to 7305 days, found '-5'", None),
        ("broken.yaml", 5, 7, "unknown key 'sead' in the scenario; did you mean 'seed'?", "seed"),
        ("broken.yaml", 7, 27, "flow 'f1' refers to unknown node 'Dd'; did you mean 'D'?", "D"),
        ("broken.yaml", 7, 38, "flow 'f1' refers to unknown cargo class 'containr'; did you mean 'container'?", "container"),
        ("broken.yaml", 8, 5, "flow 'f2' needs exactly one rate: units_per_day, units_per_week, units_per_month or units_per_year", None),
        ("broken.yaml", 8, 103, "'policy' must be one of fixed, shortest, k_shortest, adaptive; found 'fastest'", None),
        ("broken.yaml", 10, 12, "disruption refers to unknown link 'BCC'; did you mean 'BC'?", "BC"),
        ("broken.yaml", 12, 11, "override of unknown link 'XY'", None),
    ]
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).splitlines()[2].endswith("broken.yaml:5:7: error: unknown key 'sead' in the scenario; did you mean 'seed'?")
    with pytest.raises(corridor.InputError, match="did you mean 'XIA'"):
        corridor.route(corridor.load_model(SOURCE / "models/middle_corridor.yaml"), "XAI", "POT")
    with pytest.raises(corridor.InputError, match="unknown setting"):
        corridor.load_scenario(TINY, set={"frobnicate": 1})


def test_a_run_beyond_the_size_limits_is_refused_before_it_starts_unless_allowed():
    huge = corridor.load_scenario(TINY, set={"demand.a_to_d.units_per_day": 300000})
    started = time.monotonic()
    with pytest.raises(corridor.InputError, match=r"the run would need about .* GiB of memory .*allow_large=True"):
        corridor.run(huge, replications=100)
    assert time.monotonic() - started < 5  # refused from the estimate, not after running


def test_tables_have_their_documented_columns_and_types():
    results = corridor.run(TINY, replications=2, seed=9)
    flows = results.flows
    assert list(flows.columns) == ["flow", "origin", "destination", "cargo_class", "kpi", "unit", "replications", "mean",
                                   "sd", "ci95_low", "ci95_high"]
    assert str(flows["kpi"].dtype) == "category" and str(flows["mean"].dtype) == "float64"
    assert str(flows["replications"].dtype) == "int64"
    by_rep = results.flow_replications
    assert by_rep.shape[0] == 2 * 2 and "transit_mean_h" in by_rep.columns and set(by_rep["replication"]) == {0, 1}
    resources = results.resource_replications
    assert {"kind", "id", "direction", "served_unit", "capacity_unit", "utilisation", "wait_mean_h"} <= set(resources.columns)
    shipments = results.shipments
    assert set(shipments["replication"]) == {0, 1} and shipments["transit_h"].dtype == "float64"
    created = flows.query("kpi == 'created'")["mean"].sum() * 2
    assert created == pytest.approx(len(shipments.query("created_h >= 5 * 24")))
    assert results.summary["replications"] == 2
    assert set(results.daily_flows.columns) == {"replication", "day", "flow", "unit", "units_delivered"}
    assert list(results.daily_weather.columns) == ["replication", "day", "area", "storm_share"]


def test_without_pandas_tables_are_dicts_of_numpy_arrays(monkeypatch):
    import numpy
    monkeypatch.setattr(corridor, "_pandas", None)
    flows = corridor.run(TINY, replications=1, seed=9).flows
    assert isinstance(flows, dict) and isinstance(flows["mean"], numpy.ndarray) and flows["kpi"][0] == "created"
    assert not corridor.has_pandas()


def test_a_run_releases_the_gil():
    ticks = 0
    run = threading.Thread(target=lambda: corridor.run(BASELINE, replications=2, seed=1, threads=1))
    run.start()
    while run.is_alive():
        ticks += 1
        time.sleep(0.001)
    run.join()
    assert ticks > 100  # the interpreter ran on while the replications did


def test_ctrl_c_stops_a_run_with_keyboard_interrupt():
    code = "import corridor, sys\nprint('started', flush=True)\ncorridor.run(sys.argv[1], replications=500, threads=1, allow_large=True)\n"
    env = dict(os.environ)
    child = subprocess.Popen([sys.executable, "-c", code, str(BASELINE)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env)
    assert child.stdout.readline().strip() == "started"
    time.sleep(1.5)
    child.send_signal(signal.SIGINT)
    started = time.monotonic()
    _, err = child.communicate(timeout=60)
    assert child.returncode != 0 and "KeyboardInterrupt" in err
    assert time.monotonic() - started < 30
