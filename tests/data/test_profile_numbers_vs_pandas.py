"""The integrity numbers of ``profile`` against pandas and numpy: per column of numbers, its
zeros, negatives and infinite values, skewness and excess kurtosis (pandas' ``Series.skew()``
and ``Series.kurt()``), the outliers of the IQR rule (fences from pandas' linear quartiles) and
of the modified z-score (0.6745 |x - median| / MAD above 3.5, MAD by numpy's median), with
their fences and examples (distinct values farthest from the median, ties by value).

On titanic, diamonds, penguins and taxis (every column the profile finds numeric), and on a
generated table with planted outliers, infinities, zeros, negatives, a constant column, an
all-NULL column, columns of 1 to 4 values, a MAD of 0, and 1e9 plus small noise. The reference
values are computed here, in the same run, with pandas and numpy; nothing is copied from
Assay's output. Numbers agree to 1e-9 relative (1e-12 absolute for values near 0). Runs under
a Python with numpy, pandas, pyarrow and jupyter_client:

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar \\
        target/pyenv/bin/python -m pytest -v tests/data/test_profile_numbers_vs_pandas.py
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import result_json, run_cell  # noqa: E402  (tests/data/kernel_cells.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("ASSAY_SHARED") or REPO_ROOT.parent / "shared") / "data"

REL_TOL = 1e-9
ABS_TOL = 1e-12
EXAMPLES = 5
MAD_SCALE = 0.6745
MODIFIED_Z = 3.5


def assay_string(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def finite_or_none(x):
    return float(x) if x is not None and np.isfinite(x) else None


def examples(values, median):
    """Distinct values, farthest from the median first, ties by value."""
    distinct = sorted(set(float(v) for v in values), key=lambda v: (-abs(v - median), v))
    return distinct[:EXAMPLES]


def expected_numbers(s):
    """What the profile must say of a numeric Series (NaN and NULL are missing)."""
    v = s.astype("float64").dropna()
    exp = {
        "zeros": int((v == 0).sum()),
        "negatives": int((v < 0).sum()),
        "infinite": int(np.isinf(v).sum()),
        "skewness": finite_or_none(v.skew()),
        "kurtosis": finite_or_none(v.kurt()),
    }
    if len(v) == 0:
        exp |= {"iqr_outliers": 0, "iqr_fences": [None, None], "iqr_outlier_examples": [],
                "mad": None, "mad_outliers": 0, "mad_fences": [None, None], "mad_outlier_examples": []}
        return exp
    q1, median, q3 = v.quantile(0.25), v.quantile(0.5), v.quantile(0.75)
    assert median == np.median(v)
    with np.errstate(invalid="ignore"):
        low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
        iqr = v[(v < low) | (v > high)]
    exp |= {"iqr_outliers": len(iqr), "iqr_fences": [finite_or_none(low), finite_or_none(high)],
            "iqr_outlier_examples": examples(iqr, median)}
    mad = float(np.median(np.abs(v - median))) if np.isfinite(median) else None
    exp["mad"] = mad
    if mad is not None and np.isfinite(mad) and mad > 0:
        mask = MAD_SCALE * np.abs(v - median) / mad > MODIFIED_Z
        reach = MODIFIED_Z * mad / MAD_SCALE
        exp |= {"mad_outliers": int(mask.sum()), "mad_fences": [median - reach, median + reach],
                "mad_outlier_examples": examples(v[mask], median)}
    else:
        # A MAD of 0 (or none): the modified z-score is undefined; no outliers, no fences (docs/profile.md).
        exp |= {"mad_outliers": 0, "mad_fences": [None, None], "mad_outlier_examples": []}
    return exp


def same(actual, expected):
    if expected is None or actual is None:
        return actual is None and expected is None
    if isinstance(expected, list):
        return isinstance(actual, list) and len(actual) == len(expected) and all(
            same(a, e) for a, e in zip(actual, expected))
    if isinstance(expected, int) and not isinstance(expected, bool):
        return actual == expected
    return math.isclose(float(actual), float(expected), rel_tol=REL_TOL, abs_tol=ABS_TOL)


def compare(kernel, dataset, frame):
    profile = result_json(kernel, f"%%assay\nprofile {dataset}")
    numeric = [c for c in profile["columns"] if c["kind"] == "numeric"]
    assert numeric, f"no numeric column in the profile of {dataset}"
    problems = []
    for column in profile["columns"]:
        if column["kind"] != "numeric":
            assert column["skewness"] is None and column["iqr_outliers"] is None, column["name"]
            continue
        for field, want in expected_numbers(frame[column["name"]]).items():
            if not same(column[field], want):
                problems.append(f"{dataset}.{column['name']}.{field}: assay {column[field]!r}, pandas {want!r}")
    assert not problems, "\n".join(problems)
    return numeric


@pytest.mark.parametrize("dataset", ["titanic", "diamonds", "penguins", "taxis"])
def test_numbers_of_shared_data_match_pandas(kernel, dataset):
    path = DATA_DIR / f"{dataset}.csv"
    assert path.is_file(), f"missing {path}"
    run_cell(kernel, f"%%assay\n{dataset} = load {assay_string(str(path))}")
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""], float_precision="round_trip")
    compare(kernel, dataset, frame)


def planted_frame():
    """1,024 rows of columns that each hold a case the rules must get right."""
    rng = np.random.default_rng(25)
    n = 1024
    planted = rng.normal(50.0, 5.0, n)
    planted[[3, 100, 500]] = [400.0, -300.0, 400.0]          # far outliers, one repeated
    planted[[7, 8]] = [90.0, 10.0]                             # equally far from 50: ties by value
    infinite = rng.normal(0.0, 1.0, n)
    infinite[[1, 2, 3]] = [np.inf, -np.inf, np.inf]
    infinite[[10, 11]] = np.nan                                # NaN is missing
    signed = rng.integers(-3, 4, n).astype("int64")            # zeros and negatives
    few = {k: [float(i + 1) ** 2 if i < k else None for i in range(n)] for k in (1, 2, 3, 4)}
    mad_zero = np.full(n, 2.0)
    mad_zero[:100] = rng.normal(0.0, 10.0, 100)                # most values equal: MAD = 0
    offset = 1e9 + rng.exponential(4.0, n).round(3)            # a big offset and small, skewed noise
    offset[[5, 6]] = [1e9 + 500.0, 1e9 - 200.0]
    return pd.DataFrame({
        "planted": planted, "infinite": infinite, "signed": signed,
        "constant": np.full(n, 7.25), "all_null": pd.Series([None] * n, dtype="float64"),
        "one": few[1], "two": few[2], "three": few[3], "four": few[4],
        "mad_zero": mad_zero, "offset": offset,
        "lognormal": rng.lognormal(0.0, 1.5, n),
    })


def test_numbers_of_generated_table_match_pandas(kernel, tmp_path):
    frame = planted_frame()
    path = tmp_path / "planted.parquet"
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
    run_cell(kernel, f"%%assay\nplanted = load {assay_string(str(path))}")
    numeric = compare(kernel, "planted", frame)
    by_name = {c["name"]: c for c in numeric}
    # The planted cases are there (so that the comparison above is not vacuous).
    assert by_name["planted"]["iqr_outliers"] >= 5 and set(by_name["planted"]["iqr_outlier_examples"][:2]) == {400.0, -300.0}
    assert by_name["infinite"]["infinite"] == 3 and by_name["infinite"]["skewness"] is None
    assert by_name["constant"]["skewness"] == 0.0 and by_name["constant"]["kurtosis"] == 0.0
    assert by_name["two"]["skewness"] is None and by_name["three"]["kurtosis"] is None
    assert by_name["mad_zero"]["mad"] == 0.0 and by_name["mad_zero"]["mad_outliers"] == 0
    assert by_name["signed"]["zeros"] > 0 and by_name["signed"]["negatives"] > 0
    assert by_name["offset"]["skewness"] > 1


def test_findings_name_outliers_infinities_and_skew(kernel, tmp_path):
    frame = planted_frame()
    path = tmp_path / "findings.parquet"
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
    run_cell(kernel, f"%%assay\nfound = load {assay_string(str(path))}")
    profile = result_json(kernel, "%%assay\nprofile found")
    findings = {(f["column"], f["kind"]): f for f in profile["findings"]}
    assert findings[("infinite", "infinite")]["rows"] == 3
    v = frame["planted"]
    q1, q3 = v.quantile(0.25), v.quantile(0.75)
    iqr_rows = int(((v < q1 - 1.5 * (q3 - q1)) | (v > q3 + 1.5 * (q3 - q1))).sum())
    assert findings[("planted", "outliers")]["rows"] == iqr_rows
    assert findings[("lognormal", "skewed")]["rows"] == len(frame)
    assert ("planted", "skewed") not in findings or abs(v.skew()) > 2
    ranked = [f["rows"] for f in profile["findings"]]
    assert ranked == sorted(ranked, reverse=True)
