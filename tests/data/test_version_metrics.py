"""The metrics a pinned version keeps (``metrics/HEX.json`` in the store, docs/versions.md
"Metrics and check outcomes") against pandas, and the check outcomes recorded with it.

On penguins and taxis (real files in ``../shared/data``): the rows and, per column, missing,
distinct, and for numeric columns min, max, mean, std (ddof=1) and the 5/25/50/75/95%
quantiles (linear interpolation), for timestamps min, max, mean and quantiles to the microsecond, computed here with pandas from the same file in the same
run; nothing is copied from Assay's output. The same numbers for metrics computed lazily (a
version whose metrics file is gone, as in a store written before metrics were kept). Then a
failing ``check`` of a loaded pin is recorded in ``checks/HEX.json`` as failed, a passing one
after it as passed. Runs under a Python with pandas and jupyter_client:

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar JUPYTER_PATH=target/jupyter-prefix/share/jupyter \\
        target/pyenv/bin/python -m pytest -v tests/data/test_version_metrics.py
"""

import json
import math
import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import cell_error, result_json, run_cell  # noqa: E402  (tests/data/kernel_cells.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("ASSAY_SHARED") or REPO_ROOT.parent / "shared") / "data"

REL_TOL = 1e-12
QUANTILES = ["0.05", "0.25", "0.5", "0.75", "0.95"]
FILES = {"penguins": "penguins.csv", "taxis": "taxis.csv"}
TIMESTAMPS = {"taxis": ["pickup", "dropoff"]}


def assay_string(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def java_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def read(name):
    """The file as DuckDB reads it: an empty field is missing, floats correctly rounded."""
    return pd.read_csv(DATA_DIR / FILES[name], keep_default_na=False, na_values=[""],
                       float_precision="round_trip", parse_dates=TIMESTAMPS.get(name, False))


def close(actual, expected, where):
    assert actual is not None, f"{where}: no value"
    assert math.isclose(actual, expected, rel_tol=REL_TOL, abs_tol=1e-12), f"{where}: {actual} != {expected}"


def assert_metrics_match(metrics, frame, where):
    """Every kept statistic the issue names against pandas."""
    profile = metrics["profile"]
    assert profile["rows"] == len(frame), where
    columns = {c["name"]: c for c in profile["columns"]}
    assert list(columns) == list(frame.columns), where
    for name in frame.columns:
        s, kept = frame[name], columns[name]
        at = f"{where}, {name}"
        assert "histogram" not in kept, f"{at}: charts are not kept"
        assert kept["missing"] == int(s.isna().sum()), at
        assert kept["distinct"] == int(s.nunique()), at
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            v = s.dropna().astype("float64")
            close(kept["min"], float(v.min()), f"{at} min")
            close(kept["max"], float(v.max()), f"{at} max")
            close(kept["mean"], float(v.mean()), f"{at} mean")
            close(kept["std"], float(v.std(ddof=1)), f"{at} std")
            q = v.quantile([float(k) for k in QUANTILES], interpolation="linear")
            for key, value in zip(QUANTILES, q.to_numpy()):
                close(kept["quantiles"][key], float(value), f"{at} quantile {key}")
        elif pd.api.types.is_datetime64_any_dtype(s):
            assert_times_match(kept, s, at)
        else:
            assert kept["mean"] is None and kept["std"] is None and kept["quantiles"] is None, at


def assert_times_match(kept, s, at):
    """A timestamp column: min, max, mean and quantiles are instants (ISO text), to the microsecond."""
    micros = s.dropna().astype("datetime64[us]").astype("int64").astype("float64")

    def as_micros(text):
        return pd.Timestamp(text).value / 1000

    assert as_micros(kept["min"]) == micros.min(), f"{at} min"
    assert as_micros(kept["max"]) == micros.max(), f"{at} max"
    assert abs(as_micros(kept["mean"]) - micros.mean()) <= 1, f"{at} mean"
    q = micros.quantile([float(k) for k in QUANTILES], interpolation="linear")
    for key, value in zip(QUANTILES, q.to_numpy()):
        assert abs(as_micros(kept["quantiles"][key]) - value) <= 1, f"{at} quantile {key}"


@pytest.fixture(scope="module")
def store(kernel, tmp_path_factory):
    directory = tmp_path_factory.mktemp("metrics") / "store"
    run_cell(kernel, f"assay.useStore({java_string(str(directory))});")
    return directory


def pin(kernel, name):
    run_cell(kernel, f"%%assay\n{name} = load {assay_string(str(DATA_DIR / FILES[name]))}")
    return result_json(kernel, f"%%assay\npin {name} as {assay_string(name)}")


def metrics_file(store, fingerprint):
    return store / "metrics" / (fingerprint.removeprefix("sha256:") + ".json")


@pytest.mark.parametrize("name", ["penguins", "taxis"])
def test_a_pin_keeps_metrics_equal_to_pandas(kernel, store, name):
    pinned = pin(kernel, name)
    file = metrics_file(store, pinned["fingerprint"])
    metrics = json.loads(file.read_text())
    assert metrics["fingerprint"] == pinned["fingerprint"]
    assert_metrics_match(metrics, read(name), f"{name}@{pinned['version']}")


def test_metrics_computed_later_for_an_older_version_equal_pandas(kernel, store):
    pinned = pin(kernel, "penguins")
    file = metrics_file(store, pinned["fingerprint"])
    file.unlink()  # as a store written before metrics were kept
    run_cell(kernel, "assay.metrics(assay.store().resolve(dev.assay.dsl.store.VersionRef.parse(\"penguins\")));")
    assert file.is_file(), "computed once and kept"
    assert_metrics_match(json.loads(file.read_text()), read("penguins"), "penguins, computed later")


def test_a_check_of_a_loaded_pin_records_its_outcome(kernel, store):
    pinned = pin(kernel, "penguins")
    rows = len(read("penguins"))
    checks = store / "checks" / (pinned["fingerprint"].removeprefix("sha256:") + ".json")
    before = json.loads(checks.read_text())["checks"] if checks.exists() else []
    run_cell(kernel, "%%assay\np = load pin 'penguins'")
    error = cell_error(kernel, f"%%assay\ncheck p: rows > {rows}, missing(sex) < 100")
    assert f"rows > {rows}" in error
    result_json(kernel, f"%%assay\ncheck p: rows = {rows}")
    recorded = json.loads(checks.read_text())["checks"][len(before):]
    assert [c["passed"] for c in recorded] == [False, True]
    assert recorded[0]["failed"] == [f"rows > {rows}"]
    assert recorded[0]["rules"] == [f"rows > {rows}", "missing(sex) < 100"]
    assert recorded[1]["dataset"] == "p"
