"""corridor: discrete-event simulation of freight transport corridors, from Python.

The same layers as the ``corridor`` command line, without argv::

    import corridor
    base = corridor.load_scenario("scenarios/baseline_2025.yaml")
    more = corridor.load_scenario("scenarios/baseline_2025.yaml", set={"vessels.caspian_feeders.count": 8})
    results = corridor.run(base, replications=5, seed=1, threads=2)
    results.flows                       # a pandas DataFrame (a dict of NumPy arrays without pandas)
    results.write("results/my_run")     # the files `corridor run` writes, byte for byte
    comparison = corridor.compare([base, more], replications=5, seed=1)
    comparison.table                    # compare.csv's rows
    corridor.route(corridor.load_model("models/middle_corridor.yaml"), "XIA", "POT", by="time", k=3)

Input errors raise corridor.InputError, whose ``diagnostics`` name every problem with its file,
line and column. A run releases the GIL while its replications run; Ctrl-C stops them and raises
KeyboardInterrupt. Results are those of the command line for the same inputs and seed. The
tables and their columns are documented in scenarios/README.md.
"""

import json as _json
import os as _os

from . import _corridor
from ._corridor import InputError, Model

try:
    import pandas as _pandas
except ImportError:  # pandas is optional: tables are then dicts of NumPy arrays
    _pandas = None

import numpy as _numpy

__all__ = ["InputError", "Model", "Scenario", "Results", "Comparison", "Sweep", "load_model", "load_scenario",
           "route", "run", "compare", "sweep", "has_pandas"]

Scenario = _corridor.Scenario

#: The tables of a run, in the order of its files.
RUN_TABLES = ("flows", "flow_replications", "resources", "resource_replications", "daily_flows", "daily_resources",
              "daily_weather", "shipments", "custody")


def has_pandas():
    """Whether tables come as pandas DataFrames (pandas is installed) or dicts of NumPy arrays."""
    return _pandas is not None


def _frame(raw):
    columns = {}
    for name, kind, values in raw["columns"]:
        if kind == "category":
            codes, names = values
            if _pandas is not None:
                columns[name] = _pandas.Categorical.from_codes(codes.astype("int32"), categories=names)
            else:
                columns[name] = _numpy.array(names, dtype=object)[codes] if len(names) else _numpy.array([], dtype=object)
        elif kind == "str":
            columns[name] = _numpy.array(values, dtype=object)
        else:
            columns[name] = values
    if _pandas is None:
        return columns
    return _pandas.DataFrame(columns)


def _text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _path(value):
    return _os.fspath(value)


class Results:
    """A run's replications: its tables (scenarios/README.md), summary, and the files it writes."""

    def __init__(self, raw):
        self._raw = raw
        self._tables = {}

    scenario = property(lambda self: self._raw.scenario, doc="the scenario's name")
    replications = property(lambda self: self._raw.replications, doc="replications completed")
    seed = property(lambda self: self._raw.seed)
    stopped = property(lambda self: self._raw.stopped, doc="why the replications stopped")

    def table(self, name):
        """One of RUN_TABLES, as a DataFrame (or a dict of NumPy arrays)."""
        if name not in self._tables:
            self._tables[name] = _frame(self._raw.table(name))
        return self._tables[name]

    flows = property(lambda self: self.table("flows"))
    flow_replications = property(lambda self: self.table("flow_replications"))
    resources = property(lambda self: self.table("resources"))
    resource_replications = property(lambda self: self.table("resource_replications"))
    daily_flows = property(lambda self: self.table("daily_flows"))
    daily_resources = property(lambda self: self.table("daily_resources"))
    daily_weather = property(lambda self: self.table("daily_weather"))
    shipments = property(lambda self: self.table("shipments"))
    custody = property(lambda self: self.table("custody"))

    @property
    def summary(self):
        """summary.json as a dict."""
        return _json.loads(self._raw.summary_json())

    def write(self, folder):
        """Writes the run's files into `folder`, which must not exist (whole or not at all)."""
        self._raw.write(_path(folder))

    def __repr__(self):
        return f"<corridor.Results {self.scenario!r}: {self.replications} replications>"


class Comparison:
    """Scenarios run with common random numbers, and their paired differences to the first."""

    def __init__(self, raw):
        self._raw = raw
        self.runs = [Results(r) for r in raw.runs]
        self.labels = list(raw.labels)

    @property
    def table(self):
        """compare.csv's rows: one per KPI, subject and scenario against the reference."""
        return _frame(self._raw.table())

    def write(self, folder):
        """Writes what `corridor compare -o folder` writes."""
        self._raw.write(_path(folder))


class Sweep:
    """A scenario over a grid of settings: each point's settings and results."""

    def __init__(self, raw):
        self._raw = raw
        self.points = [(dict(p.settings), Results(p.results)) for p in raw.points]

    @property
    def table(self):
        """sweep.csv's rows: one per point, flow and KPI."""
        return _frame(self._raw.table())

    def write(self, folder):
        """Writes what `corridor sweep -o folder` writes."""
        self._raw.write(_path(folder))


def load_model(path):
    """Reads and checks a model file (models/README.md)."""
    return _corridor.load_model(_path(path))


def route(model, frm, to, by="time", k=1, cargo=None, date=None, value_of_time=2.0, carbon_price=0.0,
          avoid=(), only=(), value_of_reliability=0.0):
    """Up to `k` loopless routes from node `frm` to `to`, best first by `by` (time, cost, co2,
    generalised), as `corridor route` finds them: each a dict of km, hours, usd, kg_co2e (per
    tonne without a cargo class), generalised_usd, links and steps. `model` is a Model or a path;
    `date` (YYYY-MM-DD) opens the planned links open by then; `avoid` lists countries (ISO codes)
    the routes may not pass through, `only` the only ones they may; `value_of_reliability` prices
    the spread of a route's time (USD per hour of its standard deviation; each route has hours_sd
    and hours_p95). An empty list: no route."""
    if not isinstance(model, Model):
        model = load_model(model)
    return _corridor.route(model, frm, to, by, k, cargo, date, value_of_time, carbon_price, list(avoid), list(only),
                           value_of_reliability)


def load_scenario(path, set=None):  # noqa: A002 (the command line's word)
    """Reads and checks a scenario, its extends chain and its model, with `set` applied: paths as
    for `corridor sweep --set` ({"vessels.caspian_feeders.count": 8, "horizon_days": 90})."""
    settings = {str(k): _text(v) for k, v in (set or {}).items()}
    return _corridor.load_scenario(_path(path), settings)


def _scenario(value):
    return value if isinstance(value, Scenario) else load_scenario(value)


def run(scenario, replications=None, seed=None, threads=0, precision=None, max_replications=100, warmup=None,
        allow_large=False):
    """Runs a scenario (a Scenario or a path) as `corridor run` does: `precision` (e.g. 0.05) adds
    replications until the headline KPIs' 95% half-widths are within that share of their means,
    up to `max_replications`; warmup="auto" chooses the warm-up by MSER-5. A run whose estimated
    memory or result files are beyond the limits raises InputError unless `allow_large`."""
    if warmup not in (None, "auto"):
        raise ValueError("warmup must be None or 'auto'")
    return Results(_corridor.run(_scenario(scenario), replications, seed, threads, precision or 0.0, max_replications,
                                 warmup == "auto", allow_large))


def compare(scenarios, replications=None, seed=None, threads=0, allow_large=False):
    """Runs two scenarios or more with common random numbers, as `corridor compare` does."""
    return Comparison(_corridor.compare([_scenario(s) for s in scenarios], replications, seed, threads, allow_large))


def sweep(scenario, grid, replications=None, seed=None, threads=0, allow_large=False):
    """Runs a scenario file over the product of `grid`'s values ({path: [values]}, the last path
    varying fastest), as `corridor sweep --set path=v1,v2 ...` does."""
    axes = [(str(k), [_text(v) for v in values]) for k, values in grid.items()]
    return Sweep(_corridor.sweep(_path(scenario), axes, replications, seed, threads, allow_large))
