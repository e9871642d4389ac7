"""Assay's ``correlations NAME [on COLS] [using METHOD]`` against pandas and scipy: every value of
the matrix equal to pandas' ``DataFrame.corr(method="pearson"|"spearman")`` (pairwise complete
rows), to scipy's ``association(method="cramer")`` on a crosstab of the pair's complete rows,
and to a correlation ratio (eta) computed here with pandas' groupby; ``auto`` choosing by the
pair's kinds; nulls with a note where pandas gives NaN; pairs sorted strongest first; findings
above 0.95; and the refusals of bad input, each with a clear message.

The reference values are computed here, in the same run, from the same data; nothing is copied
from Assay's output. Values agree to 1e-9 relative. Runs under the Python of
``../shared/tools/pyenv`` (numpy, pandas, scipy, pyarrow, jupyter_client 8):

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar \\
        target/pyenv/bin/python -m pytest -v tests/data/test_correlations_vs_pandas.py

One kernel serves every test of this module (tests/data/conftest.py).
"""

import math
import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from scipy.stats.contingency import association

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import cell_error, result_json, run_cell  # noqa: E402  (tests/data/kernel_cells.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("ASSAY_SHARED") or REPO_ROOT.parent / "shared") / "data"

REL_TOL = 1e-9
STRONG = 0.95


def assay_string(text):
    """A single-quoted string literal of the Assay language."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def is_category(series):
    """A category to auto and eta: text and booleans (numbers stay numbers)."""
    return series.dtype == bool or not pd.api.types.is_numeric_dtype(series.dtype)


def cramer(a, b):
    """scipy's Cramér's V of the pair's complete rows; None where scipy divides by zero."""
    d = pd.DataFrame({"a": a, "b": b}).dropna()
    table = pd.crosstab(d["a"], d["b"])
    if min(table.shape) < 2:
        return None
    return float(association(table.to_numpy(), method="cramer"))


def eta(category, number):
    """The correlation ratio sqrt(SS_between / SS_total) of a number by a category, over complete rows."""
    d = pd.DataFrame({"c": category, "y": number.astype(float)}).dropna()
    groups = d.groupby("c")["y"]
    mean = d["y"].mean()
    total = float(((d["y"] - mean) ** 2).sum())
    if groups.ngroups < 2 or total == 0:
        return None
    between = float((groups.count() * (groups.mean() - mean) ** 2).sum())
    return math.sqrt(between / total)


def as_float(frame):
    """Columns as pandas' corr reads them: numbers and booleans as floats."""
    return frame.apply(lambda s: s.astype(float))


def expected(frame, method):
    """The reference matrix (None where undefined) and each pair's method, for the columns of frame."""
    cols = list(frame.columns)
    n = len(cols)
    matrix = [[None] * n for _ in range(n)]
    methods = {}
    if method in ("pearson", "spearman"):
        corr = as_float(frame).corr(method=method)
        for i in range(n):
            for j in range(n):
                v = corr.iloc[i, j]
                matrix[i][j] = None if pd.isna(v) else float(v)
        for i in range(n):
            for j in range(i + 1, n):
                methods[(cols[i], cols[j])] = method
        return matrix, methods
    for i in range(n):
        for j in range(i + 1, n):
            a, b = frame[cols[i]], frame[cols[j]]
            ca, cb = is_category(a), is_category(b)
            if method == "cramer" or (method == "auto" and ca and cb):
                m, v = "cramer", cramer(a, b)
            elif ca != cb:
                m, v = "eta", eta(a, b) if ca else eta(b, a)
            elif method == "auto":
                m = "pearson"
                v = as_float(frame[[cols[i], cols[j]]]).corr().iloc[0, 1]
                v = None if pd.isna(v) else float(v)
            else:
                continue  # eta of two numbers or two categories: no value
            methods[(cols[i], cols[j])] = m
            matrix[i][j] = matrix[j][i] = v
    for i in range(n):
        s = frame[cols[i]].dropna()
        matrix[i][i] = 1.0 if s.nunique() > 1 else None
    return matrix, methods


def assert_matches(result, frame, method):
    cols = result["columns"]
    assert cols == list(frame.columns)
    want, methods = expected(frame, method)
    got = result["matrix"]
    for i in range(len(cols)):
        for j in range(len(cols)):
            g, w = got[i][j], want[i][j]
            where = f"{method} of {cols[i]!r} with {cols[j]!r}: assay {g}, reference {w}"
            if w is None:
                assert g is None, where
            else:
                assert g is not None and math.isclose(g, w, rel_tol=REL_TOL, abs_tol=1e-15), where
    # Every defined pair, strongest first, ties in matrix order, with the pair's method.
    order = {name: k for k, name in enumerate(cols)}
    listed = [(p["a"], p["b"]) for p in result["pairs"]]
    defined = [(cols[i], cols[j]) for i in range(len(cols)) for j in range(i + 1, len(cols)) if want[i][j] is not None]
    assert sorted(listed, key=lambda ab: (order[ab[0]], order[ab[1]])) == defined
    values = [abs(p["value"]) for p in result["pairs"]]
    assert all(values[k] >= values[k + 1] - 1e-12 for k in range(len(values) - 1)), values
    for p in result["pairs"]:
        assert p["method"] == methods[(p["a"], p["b"])], p
        assert p["value"] == got[order[p["a"]]][order[p["b"]]]
    strong = {(p["a"], p["b"]) for p in result["pairs"] if abs(p["value"]) > STRONG}
    assert {(f["a"], f["b"]) for f in result["findings"]} == strong
    assert all(f["kind"] == "strong" for f in result["findings"])
    noted = {n["column"] for n in result["notes"]}
    for i, name in enumerate(cols):
        if want[i][i] is None:
            assert name in noted, f"{name!r} has no correlation and no note saying why: {result['notes']}"


def load(kernel, name, path):
    run_cell(kernel, f"%%assay\n{name} = load {assay_string(str(path))}")


def as_assay_reads(kernel, name, frame):
    """pandas' frame with the column types Assay inferred (a method's columns follow their types):
    yes/no text that Assay reads as BOOLEAN becomes bool; every column gets an ``assay_type``."""
    types = {c["name"]: c["type"] for c in result_json(kernel, f"%%assay\nprofile {name}")["columns"]}
    frame = frame.copy()
    for column, kind in types.items():
        if kind == "BOOLEAN" and frame[column].dtype != bool:
            frame[column] = frame[column].map({"yes": True, "no": False, "true": True, "false": False})
    frame.attrs["assay_types"] = types
    return frame


def integer_type(frame, column):
    return frame.attrs["assay_types"][column] in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT")


def timestamp_type(frame, column):
    return frame.attrs["assay_types"][column].startswith(("TIMESTAMP", "DATE", "TIME"))


def correlations(kernel, statement):
    result = result_json(kernel, "%%assay\n" + statement)
    assert result["kind"] == "correlations"
    return result


REAL = ("titanic", "diamonds", "penguins", "taxis")


@pytest.fixture(scope="module")
def real(kernel):
    """The real datasets, loaded in Assay and read by pandas (with Assay's column types)."""
    frames = {}
    for name in REAL:
        load(kernel, name, DATA_DIR / f"{name}.csv")
        frames[name] = as_assay_reads(kernel, name, pd.read_csv(DATA_DIR / f"{name}.csv"))
    return frames


@pytest.fixture(scope="module")
def generated(kernel, tmp_path_factory):
    """A planted correlated pair, NULLs and NaN in different rows, ties, a constant and an all-NULL column."""
    rng = np.random.default_rng(25)
    n = 400
    x = rng.normal(10.0, 3.0, n)
    y = 2.5 * x + rng.normal(0.0, 0.3, n)           # planted: r about 0.995
    z = rng.normal(0.0, 1.0, n)
    z[rng.choice(n, 40, replace=False)] = np.nan     # NaN in z
    x_null = rng.choice(n, 30, replace=False)        # NULL in x, other rows
    ties = rng.integers(0, 6, n).astype(float)       # few values: ties for spearman
    grade = rng.choice(["a", "b", "c", None], n, p=[0.4, 0.3, 0.2, 0.1])
    spread = np.where(grade == "a", 1.0, np.where(grade == "b", 3.0, 5.0)) + rng.normal(0, 1.0, n)
    flag = rng.random(n) < 0.3
    table = pa.table({
        "x": pa.array(x, mask=np.isin(np.arange(n), x_null)),
        "y": pa.array(y),
        "z": pa.array(z),                             # NaN stays NaN (not NULL) in Parquet
        "ties": pa.array(ties),
        "constant": pa.array(np.full(n, 7.0)),
        "nothing": pa.array([None] * n, type=pa.float64()),
        "spread": pa.array(spread),
        "grade": pa.array(grade.tolist(), type=pa.string()),
        "flag": pa.array(flag),
    })
    path = tmp_path_factory.mktemp("correlations") / "generated.parquet"
    pq.write_table(table, path)
    load(kernel, "gen", path)
    return table.to_pandas()


@pytest.mark.parametrize("method", ["pearson", "spearman"])
def test_numbers_equal_pandas_corr(kernel, real, method):
    for name, frame in real.items():
        result = correlations(kernel, f"correlations {name} using {method}")
        assert result["method"] == method and result["dataset"] == name
        numbers = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c].dtype)]  # booleans too
        assert not any(timestamp_type(frame, c) for c in numbers)
        assert result["columns"] == numbers, name
        assert_matches(result, frame[numbers], method)
        left_out = {n["column"] for n in result["notes"] if n["message"].startswith("left out")}
        assert left_out == set(frame.columns) - set(numbers), name


@pytest.mark.parametrize("method", ["pearson", "spearman", "auto"])
def test_generated_table_with_nulls_nan_constant_and_empty_columns(kernel, generated, method):
    result = correlations(kernel, f"correlations gen using {method}")
    columns = result["columns"]
    frame = generated[columns]
    assert_matches(result, frame, method)
    assert ("x", "y") in {(f["a"], f["b"]) for f in result["findings"]}, result["findings"]
    notes = {n["column"]: n["message"] for n in result["notes"]}
    assert "constant" in notes["constant"] and "7" in notes["constant"]
    assert "no values" in notes["nothing"]


def test_cramer_equals_scipy_association(kernel, real):
    for name, frame in real.items():
        result = correlations(kernel, f"correlations {name} using cramer")
        # Categories and integers (by the type Assay read); times are taken by no method.
        kept = [c for c in frame.columns if not timestamp_type(frame, c)
                and (is_category(frame[c]) or integer_type(frame, c))]
        assert result["columns"] == kept, (name, result["columns"])
        assert_matches(result, frame[kept], "cramer")


def test_auto_chooses_by_kind_and_equals_references(kernel, real):
    for name, frame in real.items():
        result = correlations(kernel, f"correlations {name}")
        assert result["method"] == "auto"
        kept = [c for c in frame.columns if not timestamp_type(frame, c)]
        assert result["columns"] == kept, name
        assert_matches(result, frame[kept], "auto")


def test_eta_of_numbers_by_categories(kernel, real, generated):
    penguins = real["penguins"]
    result = correlations(kernel, "correlations penguins on species, bill_length_mm, island, body_mass_g using eta")
    frame = penguins[["species", "bill_length_mm", "island", "body_mass_g"]]
    assert_matches(result, frame, "eta")
    assert result["matrix"][1][3] is None, "eta of two numbers is no value"
    result = correlations(kernel, "correlations gen on spread, grade, flag, x using eta")
    assert_matches(result, generated[["spread", "grade", "flag", "x"]], "eta")


def test_on_columns_keeps_their_order(kernel, real):
    diamonds = real["diamonds"]
    result = correlations(kernel, "correlations diamonds on price, carat, depth using spearman")
    assert result["columns"] == ["price", "carat", "depth"]
    assert_matches(result, diamonds[["price", "carat", "depth"]], "spearman")


def test_bad_input_each_with_a_clear_message(kernel, real, generated):
    titanic = real["titanic"]
    errors = []

    def refused(statement, *parts):
        error = cell_error(kernel, "%%assay\n" + statement)
        assert all(part in error for part in parts), (statement, parts, error)
        errors.append(error)

    refused("correlations titanic on age", "two columns")
    refused("correlations titanic on age, fair", "'fair'", "did you mean 'fare'")
    refused("correlations titanic on age, sex using pearson", "'sex'", "pearson")
    refused("correlations titanic on age, fare using kendall", "kendall", "spearman")
    refused("correlations titanic on sex, embarked using eta", "eta", "number")
    refused("correlations titanic on age, deck using cramer", "'age'", "cramer")
    for error in errors:
        assert "Exception" not in error and "\tat " not in error, error
    # A column of only NULLs and a constant column: null with a note, as pandas' NaN.
    result = correlations(kernel, "correlations gen on nothing, constant, x")
    assert result["matrix"] == [[None, None, None], [None, None, None], [None, None, 1.0]]
    assert {n["column"] for n in result["notes"]} == {"nothing", "constant"}
    assert result["pairs"] == []
    # 10,000 columns: refused with the limit and why, before any data is read.
    select = ", ".join(f"1.0 * range + {k} AS c{k}" for k in range(10_000))
    run_cell(kernel, f"%%sql many\nSELECT {select} FROM range(3)")
    error = cell_error(kernel, "%%assay\ncorrelations many")
    assert "10,000 columns" in error and "at most 2,000" in error and "square" in error
    # The datasets are as they were.
    assert result_json(kernel, "%%assay\nprofile titanic on age")["rows"] == len(titanic)
