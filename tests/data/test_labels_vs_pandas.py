"""Assay's ``labels NAME on LABEL [vs OTHER]`` against pandas: the classes (counts, shares of
the labelled rows, rows without a label, imbalance ratio, minority share), the comparison
with another dataset (shares side by side, values on one side only, the label's drift equal
to what ``drift A vs B on LABEL`` gives), and the refusals of what is not a label, each with a
clear message.

The reference values are computed here, in the same run, from the same data, with pandas;
nothing is copied from Assay's output. Numbers agree to 1e-9 relative. Runs under the Python
of ``../shared/tools/pyenv`` (numpy, pandas, pyarrow, jupyter_client 8):

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar \\
        target/pyenv/bin/python -m pytest -v tests/data/test_labels_vs_pandas.py

One kernel serves every test of this module (tests/data/conftest.py).
"""

import csv
import math
import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import cell_error, result_json, run_cell  # noqa: E402  (tests/data/kernel_cells.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("ASSAY_SHARED") or REPO_ROOT.parent / "shared") / "data"

REL_TOL = 1e-9


def assay_string(text):
    """A single-quoted string literal of the Assay language."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def close(actual, expected):
    return actual is not None and math.isclose(actual, expected, rel_tol=REL_TOL, abs_tol=1e-15)


def json_value(v):
    """A label value as Assay's JSON writes it: numbers as numbers, the rest as text."""
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating,)):
        return float(v)
    if isinstance(v, (np.bool_,)):
        return bool(v)
    return v


def expected_classes(labels):
    """pandas' classes of a label Series: counts (largest first, ties by value), shares, NULLs."""
    present = labels.dropna()
    counts = present.value_counts()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    labelled = int(counts.sum())
    return {
        "rows": len(labels),
        "labelled_rows": labelled,
        "missing_labels": int(labels.isna().sum()),
        "classes": [(json_value(v), int(n), n / labelled) for v, n in ordered],
        "imbalance_ratio": counts.max() / counts.min(),
        "minority_share": counts.min() / labelled,
    }


def assert_classes(result, labels):
    want = expected_classes(labels)
    for field in ("rows", "labelled_rows", "missing_labels"):
        assert result[field] == want[field], (field, result[field], want[field])
    got = [(c["value"], c["count"], c["share"]) for c in result["classes"]]
    assert [(v, n) for v, n, _ in got] == [(v, n) for v, n, _ in want["classes"]]
    for (_, _, share), (_, _, want_share) in zip(got, want["classes"]):
        assert close(share, want_share), (share, want_share)
    assert close(result["imbalance_ratio"], want["imbalance_ratio"])
    assert close(result["minority_share"], want["minority_share"])
    kinds = {f["kind"] for f in result["findings"]}
    assert ("imbalance" in kinds) == (want["imbalance_ratio"] > 10)
    minority = {f["subject"] for f in result["findings"] if f["kind"] == "minority_class"}
    assert minority == {str(v) for v, _, share in want["classes"] if share < 0.01}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("labels")


@pytest.fixture(scope="module")
def titanic(kernel):
    path = DATA_DIR / "titanic.csv"
    run_cell(kernel, f"%%assay\ntitanic = load {assay_string(str(path))}")
    return pd.read_csv(path)


@pytest.mark.parametrize("label", ["survived", "pclass"])
def test_titanic_classes(kernel, titanic, label):
    assert_classes(result_json(kernel, f"%%assay\nlabels titanic on {label}"), titanic[label])


def test_penguins_species_and_sex_with_nulls(kernel):
    path = DATA_DIR / "penguins.csv"
    run_cell(kernel, f"%%assay\npenguins = load {assay_string(str(path))}")
    penguins = pd.read_csv(path)
    assert_classes(result_json(kernel, "%%assay\nlabels penguins on species"), penguins["species"])
    assert penguins["sex"].isna().sum() > 0, "penguins' sex has NULLs: the missing labels are tested on it"
    assert_classes(result_json(kernel, "%%assay\nlabels penguins on sex"), penguins["sex"])


def test_sms_label(kernel):
    path = DATA_DIR / "sms_spam.tsv"
    run_cell(kernel, f"%%assay\nsms = load {assay_string(str(path))} with (delimiter='\\t', quote='', header=true)")
    sms = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False)
    assert_classes(result_json(kernel, "%%assay\nlabels sms on Label"), sms["Label"])


def write(folder, name, frame, schema=None):
    path = folder / f"{name}.parquet"
    pq.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False), path)
    return path


@pytest.fixture(scope="module")
def pair(kernel, folder):
    """Two generated datasets with NULL labels, a rare class, and values on one side only."""
    rng = np.random.default_rng(24)
    here = pd.DataFrame({
        "x": rng.normal(size=5000),
        "y": rng.choice(["cat", "dog", "bird", "axolotl", None], size=5000, p=[0.5, 0.3, 0.15, 0.005, 0.045]),
    })
    there = pd.DataFrame({
        "x": rng.normal(size=2000),
        "y": rng.choice(["cat", "dog", "fish", None], size=2000, p=[0.3, 0.5, 0.15, 0.05]),
    })
    schema = pa.schema([("x", pa.float64()), ("y", pa.string())])
    cells = [f"{name} = load {assay_string(str(write(folder, name, frame, schema)))}"
             for name, frame in (("here", here), ("there", there))]
    run_cell(kernel, "%%assay\n" + "\n".join(cells))
    return here, there


def test_generated_classes_with_null_labels(kernel, pair):
    here, _ = pair
    assert_classes(result_json(kernel, "%%assay\nlabels here on y"), here["y"])


def test_vs_shares_side_by_side_and_values_of_one_side(kernel, pair):
    here, there = pair
    result = result_json(kernel, "%%assay\nlabels here on y vs there")
    vs = result["vs"]
    a, b = here["y"].dropna().value_counts(), there["y"].dropna().value_counts()
    values = set(a.index) | set(b.index)
    order = sorted(values, key=lambda v: (-a.get(v, 0), -b.get(v, 0), v))
    assert [c["value"] for c in vs["classes"]] == order
    for c in vs["classes"]:
        v = c["value"]
        assert c["count"] == a.get(v, 0) and c["other_count"] == b.get(v, 0), c
        assert close(c["share"], a.get(v, 0) / a.sum()) or (c["share"] == 0 and v not in a)
        assert close(c["other_share"], b.get(v, 0) / b.sum()) or (c["other_share"] == 0 and v not in b)
    assert vs["only_here"] == [v for v in order if v not in b]
    assert vs["only_there"] == [v for v in order if v not in a]
    assert vs["dataset"] == "there"
    assert vs["rows"] == len(there) and vs["missing_labels"] == int(there["y"].isna().sum())
    new = [f for f in result["findings"] if f["kind"] == "new_labels"]
    assert len(new) == 1 and new[0]["rows"] == sum(b[v] for v in vs["only_there"])


def test_vs_label_drift_is_drift_on_the_label(kernel, pair):
    labels = result_json(kernel, "%%assay\nlabels here on y vs there")["vs"]["drift"]
    drift = result_json(kernel, "%%assay\ndrift here vs there on y")["columns"][0]
    for field in ("name", "method", "statistic", "p_value", "threshold", "drifted", "reference_values", "current_values"):
        assert labels[field] == drift[field], field
    here, there = pair
    # NULL labels are left out of the drift, as drift leaves out missing values.
    assert labels["reference_values"] == here["y"].notna().sum()
    assert labels["current_values"] == there["y"].notna().sum()


def test_bad_input_each_with_a_clear_message(kernel, folder, titanic):
    message = cell_error(kernel, "%%assay\nlabels titanic on survivd")
    assert "survivd" in message and "did you mean 'survived'" in message, message
    message = cell_error(kernel, "%%assay\nlabels titanic on survived by survived")
    assert "'by' names the label column 'survived'" in message, message

    rng = np.random.default_rng(7)
    odd = pd.DataFrame({"x": np.arange(10, dtype=np.int64), "none": pd.Series([None] * 10, dtype="object"),
                        "one": ["only"] * 10})
    path = write(folder, "odd", odd, pa.schema([("x", pa.int64()), ("none", pa.string()), ("one", pa.string())]))
    run_cell(kernel, f"%%assay\nodd = load {assay_string(str(path))}")
    message = cell_error(kernel, "%%assay\nlabels odd on none")
    assert "has no value: all 10 rows are NULL" in message, message
    message = cell_error(kernel, "%%assay\nlabels odd on one")
    assert "has a single class (only, 10 rows)" in message, message

    floats = pd.DataFrame({"target": rng.random(1_000_000), "x": rng.integers(0, 5, 1_000_000)})
    assert floats["target"].nunique() > 1000
    path = write(folder, "floats", floats)
    run_cell(kernel, f"%%assay\nfloats = load {assay_string(str(path))}")
    message = cell_error(kernel, "%%assay\nlabels floats on target")
    assert "more than 1,000 distinct values" in message and "regression target" in message, message
    for m in (message,):
        assert "Exception" not in m and "\tat " not in m, m
