"""Assay's ``history 'LABEL' [on cols]`` against pandas and scipy, on six versions of the
Titanic passengers (``../shared/data/titanic.csv``) pinned in the kernel.

The six versions are written here as Parquet files from pandas frames (overlapping row
ranges; version 3 with a planted shift of ``fare``; version 5 with ``age`` blanked for third
class and a ``check`` that fails on it), loaded and pinned in the kernel. Every number of the
history (rows, and per column missing, distinct, mean, std, min, max, quantiles) is compared
with pandas computed in this run on the same frames; each version's drifted columns with the
``auto`` drift computed independently with scipy, as ``tests/data/test_drift_vs_scipy.py``
defines it from docs/drift.md (ks for numbers of more than 5 values, else chi2, else z, at
most 1000 reference values here; p < 0.05 drifts).

``check_passed``: version 1 is checked and passes, version 5 is checked and fails, the others
are never checked. Until ``check`` records its outcome in the store (the store part of issue
26, merged separately), the test records the same outcome through the store's Java API when
``check`` left none, and says so; once recording lands, the outcome ``check`` recorded is
the one asserted.

    ASSAY_SHARED=../shared JUPYTER_PATH=target/jupyter-prefix/share/jupyter \\
        target/pyenv/bin/python -m pytest -q tests/data/test_history_vs_pandas.py
"""

import math
import os
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_drift_vs_scipy as drift_reference  # noqa: E402  (the auto drift of docs/drift.md, in scipy)
from kernel_cells import cell_error, result_json, run_cell  # noqa: E402  (tests/data/kernel_cells.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("ASSAY_SHARED") or REPO_ROOT.parent / "shared") / "data"

REL_TOL = 1e-12
ABS_TOL = 1e-12
QUANTILES = ["0.05", "0.25", "0.5", "0.75", "0.95"]
LABEL = "passengers"
# Column -> the DuckDB type its Parquet column is read as.
COLUMNS = {"pclass": "BIGINT", "sex": "VARCHAR", "age": "DOUBLE", "sibsp": "BIGINT", "fare": "DOUBLE",
           "embarked": "VARCHAR", "deck": "VARCHAR"}
CHECKED = {1: (True, "rows > 0"), 5: (False, "missing(age) = 0")}


def titanic():
    frame = pd.read_csv(DATA_DIR / "titanic.csv", keep_default_na=False, na_values=[""],
                        float_precision="round_trip")
    return frame[list(COLUMNS)].astype({"pclass": "int64", "sibsp": "int64"})


def six_versions():
    """The six frames, oldest first: overlapping windows, a shift of fare in 3, blanked ages in 5."""
    t = titanic()
    v3 = t.iloc[200:800].copy()
    v3["fare"] = v3["fare"] * 3 + 50
    v5 = t.iloc[0:500].copy()
    v5.loc[v5["pclass"] == 3, "age"] = np.nan
    return [t.iloc[0:600], t.iloc[100:700], v3, t.iloc[291:891], v5, t]


# ---------------------------------------------------------------- the reference values

def column_statistics(s, column_type):
    """A column's history fields as docs/profile.md defines them, from pandas."""
    present = s.dropna()
    exp = {"missing": int(s.isna().sum()), "distinct": int(s.nunique())}
    if column_type == "VARCHAR":
        values = [str(v) for v in present]
        return exp | {"mean": None, "std": None, "quantiles": None,
                      "min": min(values) if values else None, "max": max(values) if values else None}
    if present.empty:
        return exp | {"mean": None, "std": None, "quantiles": None, "min": None, "max": None}
    q = s.astype(np.float64).quantile([float(k) for k in QUANTILES])
    return exp | {"mean": float(s.mean()), "std": float(s.std(ddof=1)) if len(present) >= 2 else None,
                  "min": float(present.min()), "max": float(present.max()),
                  "quantiles": {k: float(v) for k, v in zip(QUANTILES, q.to_numpy())}}


def values(s, column_type):
    if column_type == "DOUBLE":
        return [None if pd.isna(v) else float(v) for v in s]
    if column_type == "BIGINT":
        return [int(v) for v in s]
    return [None if pd.isna(v) else str(v) for v in s]


def drifted_columns(before, after, names):
    """The columns the auto drift flags, from scipy (tests/data/test_drift_vs_scipy.py)."""
    out = []
    for name in names:
        t = COLUMNS[name]
        ref = drift_reference.Column(t, values(before[name], t))
        cur = drift_reference.Column(t, values(after[name], t))
        if drift_reference.expected_column(name, ref, cur, None, None)["drifted"]:
            out.append(name)
    return out


def close(actual, expected):
    if expected is None or actual is None:
        return actual is None and expected is None
    if isinstance(expected, str):
        return actual == expected
    return isinstance(actual, (int, float)) and math.isclose(actual, expected, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def column_problems(where, actual, expected):
    problems = []
    for field in ("missing", "distinct"):
        if actual.get(field) != expected[field]:
            problems.append(f"{where} {field}: Assay {actual.get(field)!r}, pandas {expected[field]!r}")
    for field in ("mean", "std", "min", "max"):
        if not close(actual.get(field), expected[field]):
            problems.append(f"{where} {field}: Assay {actual.get(field)!r}, pandas {expected[field]!r}")
    q_actual, q_expected = actual.get("quantiles"), expected["quantiles"]
    if (q_actual is None) != (q_expected is None) or (
            q_expected is not None and not all(close(q_actual.get(k), q_expected[k]) for k in QUANTILES)):
        problems.append(f"{where} quantiles: Assay {q_actual!r}, pandas {q_expected!r}")
    return problems


# ---------------------------------------------------------------- the kernel side

def assay_string(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def java_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture(scope="module")
def pinned(kernel, tmp_path_factory):
    """Six versions of LABEL pinned in a store of this module's own; the frames and fingerprints."""
    folder = tmp_path_factory.mktemp("history")
    store = folder / "store"
    run_cell(kernel, f"assay.useStore({java_string(str(store))});")
    frames = six_versions()
    fingerprints = []
    for k, frame in enumerate(frames, start=1):
        path = folder / f"v{k}.parquet"
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
        pin = result_json(kernel, f"%%assay\nv{k} = load {assay_string(str(path))}\npin v{k} as '{LABEL}'")
        assert pin["version"] == k, f"version {k} was not added: {pin}"
        fingerprints.append(pin["fingerprint"])
    for k, (passed, rule) in CHECKED.items():
        code = f"%%assay\nchecked = load pin '{LABEL}@{k}'\ncheck checked: {rule}"
        if passed:
            run_cell(kernel, code)
        else:
            assert "missing(age)" in cell_error(kernel, code), "the check of the blanked ages must fail"
        checks = store / "checks" / (fingerprints[k - 1].split(":", 1)[1] + ".json")
        assert checks.exists(), f"the check of {LABEL}@{k} was recorded with its content"
    return frames, fingerprints


def test_every_history_number_matches_pandas_and_scipy(kernel, pinned):
    frames, fingerprints = pinned
    history = result_json(kernel, f"%%assay\nhistory '{LABEL}'")
    assert history["kind"] == "history" and history["label"] == LABEL, history
    versions = history["versions"]
    assert [v["version"] for v in versions] == [1, 2, 3, 4, 5, 6]
    problems = []
    for k, (entry, frame) in enumerate(zip(versions, frames), start=1):
        where = f"{LABEL}@{k}"
        if entry["fingerprint"] != fingerprints[k - 1]:
            problems.append(f"{where} fingerprint: {entry['fingerprint']} != pinned {fingerprints[k - 1]}")
        if entry["rows"] != len(frame):
            problems.append(f"{where} rows: Assay {entry['rows']}, pandas {len(frame)}")
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT.*Z", entry["created"] or ""):
            problems.append(f"{where} created: {entry['created']!r}")
        expected_check = CHECKED.get(k, (None, None))[0]
        if entry["check_passed"] is not expected_check:
            problems.append(f"{where} check_passed: {entry['check_passed']!r}, expected {expected_check!r}")
        names = [c["name"] for c in entry["columns"]]
        if names != list(COLUMNS):
            problems.append(f"{where} columns: {names}")
        for column in entry["columns"]:
            name = column["name"]
            if name in COLUMNS:
                problems += column_problems(f"{where}.{name}", column, column_statistics(frame[name], COLUMNS[name]))
        drift = entry["drift_from_previous"]
        if k == 1:
            if drift is not None:
                problems.append(f"{where} drift_from_previous: {drift!r}, expected null")
            continue
        expected = drifted_columns(frames[k - 2], frame, list(COLUMNS))
        if drift is None or drift["drifted"] != expected:
            problems.append(f"{where} drifted: Assay {drift and drift['drifted']!r}, scipy {expected!r}")
        elif not math.isclose(drift["drifted_share"], len(expected) / len(COLUMNS), rel_tol=1e-12):
            problems.append(f"{where} drifted_share: {drift['drifted_share']!r}")
    assert not problems, f"{len(problems)} differences:\n  " + "\n  ".join(problems)
    assert "fare" in versions[2]["drift_from_previous"]["drifted"], "the planted shift of fare is flagged"


def test_on_columns_keep_those_columns_only(kernel, pinned):
    frames, _ = pinned
    history = result_json(kernel, f"%%assay\nhistory '{LABEL}' on fare, sex")
    for k, (entry, frame) in enumerate(zip(history["versions"], frames), start=1):
        assert [c["name"] for c in entry["columns"]] == ["fare", "sex"]
        for column in entry["columns"]:
            problems = column_problems(f"@{k}.{column['name']}", column,
                                       column_statistics(frame[column["name"]], COLUMNS[column["name"]]))
            assert not problems, problems
        if k > 1:
            drift = entry["drift_from_previous"]
            assert drift["drifted"] == drifted_columns(frames[k - 2], frame, ["fare", "sex"]), drift
            assert drift["compared"] == 2, drift


def test_the_report_of_a_pinned_version_has_its_history(kernel, pinned):
    run_cell(kernel, f"%%assay\nthird = load pin '{LABEL}@3'")
    report = result_json(kernel, "%%assay\nreport third")
    history = report["history"]
    assert history is not None and history["label"] == LABEL, report.keys()
    assert [v["version"] for v in history["versions"]] == [1, 2, 3], "up to and including the version it is"
    alone = result_json(kernel, f"%%assay\nhistory '{LABEL}'")
    assert history["versions"] == alone["versions"][:3]
    run_cell(kernel, "%%sql changed\nSELECT * FROM third WHERE sex = 'male'")
    assert result_json(kernel, "%%assay\nreport changed")["history"] is None, "not a pinned version any more"


def test_bad_input_is_refused_at_its_line_and_column(kernel, pinned):
    message = cell_error(kernel, "%%assay\nhistory 'passenger'")
    assert "no pinned versions of 'passenger'" in message and f"did you mean '{LABEL}'" in message, message
    assert re.search(r"line 2, column \d+", message), message
    message = cell_error(kernel, f"%%assay\nhistory '{LABEL}' on fair")
    assert "no column 'fair'" in message and "did you mean 'fare'" in message, message
    assert re.search(r"line 2, column \d+", message), message
    message = cell_error(kernel, "%%assay\nhistory ''")
    assert "line 2, column 9" in message and "letters, digits" in message, message
    message = cell_error(kernel, "%%assay\nhistory")
    assert "line 2" in message and "label" in message, message
    assert "Exception" not in message and "\tat " not in message, f"no Java stack trace: {message}"
