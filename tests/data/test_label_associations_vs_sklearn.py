"""Assay's ``labels NAME on LABEL`` associations (the ``columns`` of its JSON) against scipy
and scikit-learn, on the real datasets in ``../shared/data`` (titanic on ``survived`` and on
``pclass``, penguins on ``species``, the SMS Spam Collection on ``Label``) and on generated
data with a planted leaking feature, a planted identifier, a constant, an all-NULL column, a
time column and floats holding NaN and infinities.

Every dataset is read by pandas and written to Parquet here, and Assay loads that Parquet:
both sides see the same values and types. The reference values are computed here, in the same
run, from the same data; nothing is copied from Assay's output. Agreement to 1e-9 relative
(1e-12 absolute, for figures that are 0). Runs under the Python of tests/run-all (numpy,
pandas, scipy, scikit-learn, pyarrow, jupyter_client):

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar \\
        target/pyenv/bin/python -m pytest -v tests/data/test_label_associations_vs_sklearn.py

The definitions, independently of Assay's code (docs/labels.md, "Associations"):

- rows: those whose label is not NULL; a value is missing when NULL, or NaN or +-inf in a
  float column; V and MI leave out the rows where the column is missing;
- over: numbers (integers, floats) and timestamps (as int64 microseconds since 1970) with more
  than 20 distinct values are binned by ``np.histogram_bin_edges(values, bins="sturges")``
  (integer dtypes floor the width at 1) into numpy's bins ([left, right), the last closed);
  every other column is compared over its values;
- cramers_v: ``scipy.stats.contingency.association(pd.crosstab(key, label), method="cramer")``,
  None when the table has one row or one column;
- mutual_information: ``sklearn.metrics.mutual_info_score(label, key)``; normalized_mi: that
  over ``scipy.stats.entropy`` of the label's counts over the same rows (None when 0);
- missing_cramers_v: the same V of (column is missing) against the label over all labelled
  rows, None when the column is never or always missing;
- distinct: distinct present values; identifier: distinct == present rows > 1.
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
from scipy import stats
from scipy.stats.contingency import association
from sklearn.metrics import mutual_info_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import result_json, run_cell  # noqa: E402  (tests/data/kernel_cells.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("ASSAY_SHARED") or REPO_ROOT.parent / "shared") / "data"

REL_TOL = 1e-9
ABS_TOL = 1e-12
MAX_VALUES = 20


def assay_string(text):
    """A single-quoted string literal of the Assay language."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def missing_mask(x):
    """NULL, and NaN or +-inf for floats."""
    if pd.api.types.is_float_dtype(x):
        return x.isna() | ~np.isfinite(x.fillna(0).to_numpy())
    return x.isna()


def keys_of(x):
    """The present values as compared: bin indices of Sturges bins for many-valued numbers and times, else values."""
    if pd.api.types.is_datetime64_any_dtype(x):
        values = x.astype("datetime64[us]").astype("int64").to_numpy()
    elif pd.api.types.is_numeric_dtype(x) and not pd.api.types.is_bool_dtype(x):
        values = x.to_numpy()
    else:
        return x.astype(str) if x.dtype == object else x, "values", x.nunique()
    distinct = len(np.unique(values))
    if distinct <= MAX_VALUES:
        return pd.Series(values.astype(float), index=x.index), "values", distinct
    edges = np.histogram_bin_edges(values, bins="sturges")
    bins = np.clip(np.searchsorted(edges, values.astype(float), side="right") - 1, 0, len(edges) - 2)
    return pd.Series(bins, index=x.index), "bins", distinct


def cramer(key, label):
    table = pd.crosstab(key, label).to_numpy()
    if min(table.shape) < 2:
        return None
    return association(table, method="cramer")


def expected(df, label, column):
    d = df[df[label].notna()]
    y = d[label]
    missing = missing_mask(d[column])
    present = ~missing
    out = {"missing_cramers_v": cramer(missing, y) if 0 < missing.sum() < len(d) else None}
    if present.sum() == 0:
        out.update(cramers_v=None, mutual_information=None, normalized_mi=None, distinct=0, identifier=False)
        return out
    key, over, distinct = keys_of(d[column][present])
    yv = y[present]
    mi = mutual_info_score(yv.astype(str), key)
    h = stats.entropy(yv.value_counts().to_numpy())
    out.update(over=over, cramers_v=cramer(key, yv), mutual_information=mi,
               normalized_mi=mi / h if h > 0 else None, distinct=int(distinct),
               identifier=bool(distinct == int(present.sum()) and distinct > 1))
    return out


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def check_labels(kernel, folder, name, df, label):
    path = folder / f"{name}.parquet"
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), path)
    run_cell(kernel, f"%%assay\n{name} = load {assay_string(str(path))}")
    result = result_json(kernel, f"%%assay\nlabels {name} on {label}")
    columns = {c["name"]: c for c in result["columns"]}
    assert list(columns) == [c for c in df.columns if c != label]
    problems = []
    for column in columns:
        want = expected(df, label, column)
        got = columns[column]
        for field, value in want.items():
            if field in ("distinct", "identifier", "over"):
                if got[field] != value:
                    problems.append(f"{column}.{field}: assay {got[field]}, reference {value}")
            elif not close(got[field], value):
                problems.append(f"{column}.{field}: assay {got[field]}, reference {value}")
    assert not problems, f"labels {name} on {label}:\n  " + "\n  ".join(problems)
    return columns


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("label-associations")


def test_titanic_survived(kernel, folder):
    columns = check_labels(kernel, folder, "titanic_s", pd.read_csv(DATA_DIR / "titanic.csv"), "survived")
    assert math.isclose(columns["alive"]["normalized_mi"], 1.0, rel_tol=1e-12), "alive is the label in words"


def test_titanic_pclass(kernel, folder):
    check_labels(kernel, folder, "titanic_p", pd.read_csv(DATA_DIR / "titanic.csv"), "pclass")


def test_penguins_species(kernel, folder):
    check_labels(kernel, folder, "penguins", pd.read_csv(DATA_DIR / "penguins.csv"), "species")


def test_sms_label(kernel, folder):
    sms = pd.read_csv(DATA_DIR / "sms_spam.tsv", sep="\t", quoting=3, dtype=str, keep_default_na=False)
    check_labels(kernel, folder, "sms", sms, "Label")


def test_generated_leak_identifier_constant_null_time(kernel, folder):
    rng = np.random.default_rng(24)
    n = 3000
    label = rng.choice(["cat", "dog", "eel"], size=n, p=[0.6, 0.3, 0.1]).astype(object)
    noisy = label.copy()
    flip = rng.random(n) < 0.02
    noisy[flip] = rng.choice(["cat", "dog", "eel"], size=flip.sum())
    label[rng.random(n) < 0.03] = None
    floats = rng.normal(size=n)
    floats[rng.random(n) < 0.05] = np.nan
    floats[:7] = np.inf
    floats[7:9] = -np.inf
    df = pd.DataFrame({
        "label": label,
        "leak": noisy,
        "id": rng.permutation(n).astype("int64"),
        "constant": np.full(n, 7, dtype="int64"),
        "nothing": np.full(n, np.nan),
        "when": pd.Timestamp("2026-01-01") + pd.to_timedelta(rng.integers(0, 10**12, size=n), unit="us"),
        "floats": floats,
        "few": rng.integers(0, 12, size=n).astype(float),
        "flag": rng.random(n) < 0.5,
        "code": rng.choice(list("ABCDEFGH"), size=n),
    })
    columns = check_labels(kernel, folder, "generated", df, "label")
    assert columns["leak"]["normalized_mi"] > 0.8
    assert columns["id"]["identifier"] and columns["id"]["over"] == "bins"
    assert columns["constant"]["cramers_v"] is None and columns["constant"]["note"]
    assert columns["nothing"]["mutual_information"] is None and columns["nothing"]["note"]
    assert columns["when"]["over"] == "bins"
    assert columns["few"]["over"] == "values"
