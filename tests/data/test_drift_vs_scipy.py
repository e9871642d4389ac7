"""Assay's ``drift REF vs CUR [on ...] [using METHOD] [threshold T]`` against scipy and
numpy, with Evidently's definitions of the methods, on generated data (Parquet files
written here from fixed numpy seeds) and on the real datasets in ``../shared/data``
(taxis, penguins, the SMS Spam Collection).

The reference values are computed here, in the same run, from the same data; nothing
is copied from Assay's output. Statistics must agree to 1e-9 relative (1e-12 absolute),
p-values to 1e-6 absolute. Runs under the Python of ``../shared/tools/pyenv`` (numpy,
pandas, scipy, pyarrow, jupyter_client 8):

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar \\
        target/pyenv/bin/python -m pytest -v tests/data/test_drift_vs_scipy.py

ASSAY_JAR and JUPYTER_PATH work as in tests/data/test_profile_vs_pandas.py (through
tests/assay_kernelspec.py). One kernel serves every test of this module.

The definitions reproduced here, independently of Assay's code (a and b are the
reference and current values; NULL, NaN and +-inf are missing and dropped first):

- numbers: DOUBLE as float64, BIGINT as int64 (numpy's Sturges rule floors the bin
  width of integer data at 1), TIMESTAMP as int64 microseconds since 1970;
- ks: ``scipy.stats.ks_2samp(a, b)`` (method 'auto'), statistic D and p-value;
- wasserstein: ``wasserstein_distance(a, b) / max(std(a), 0.001)``;
- psi and js share bins: Sturges edges over a and b together when the column is numeric
  and a has more than 20 distinct values, else one bin per value of a and b; psi
  replaces a sample's zero shares by its smallest share / 1e6 when that is at most 1e-4,
  else by 1e-4; js is ``scipy.spatial.distance.jensenshannon`` (natural log);
- hellinger: categorical, from the value shares; numeric, from numpy's density
  histograms over the Sturges edges of the distinct values, times the bin width
  (max - min) / bins; 0 when both samples hold the same single value (Assay's
  documented deviation from Evidently);
- chi2: ``scipy.stats.chisquare`` of the current counts against the reference counts
  scaled to the current size; a value seen only in the current sample makes the
  statistic infinite (null in the JSON) and the p-value 0;
- z: the two-proportion z-test of "not the smallest value" (p = 2 sf(|z|)); z = 0,
  p = 1 when both samples hold only the same value;
- text (free text): lower-cased runs of letters and digits; the 100 most frequent words
  of both samples (ties by the word) each get a bin, the other words share one; the
  Jensen-Shannon distance of the two samples' word shares;
- auto: text for free text; with at most 1000 reference values ks for numbers with
  more than 5 distinct values (both samples), else chi2 above 2 values, else z; with
  more reference values wasserstein for numbers with more than 5 values, else js;
- kinds: numbers and timestamps are numeric, booleans categorical, text free text when
  the reference's distinct values are more than 20 and more than half its values,
  categorical otherwise;
- default thresholds 0.05 for the tests ks, chi2, z (drift when p < T) and 0.1 for the
  distances (drift when statistic >= T); the dataset drifts when at least half of the
  compared columns do.
"""

import csv
import math
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from scipy import stats
from scipy.spatial import distance

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import cell_error, result_json, run_cell  # noqa: E402  (tests/data/kernel_cells.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
# $ASSAY_SHARED/data, by default ../shared/data beside the clone (tests/run-all sets it).
DATA_DIR = Path(os.environ.get("ASSAY_SHARED") or REPO_ROOT.parent / "shared") / "data"
SMS_PATH = DATA_DIR / "sms_spam.tsv"

STAT_REL_TOL = 1e-9
STAT_ABS_TOL = 1e-12
P_ABS_TOL = 1e-6

NUMERIC_TYPES = {"DOUBLE", "BIGINT", "TIMESTAMP"}
TESTS = {"ks", "chi2", "z"}  # methods with a p-value; the others are distances
DISTANCES = {"psi", "js", "wasserstein", "hellinger", "text"}
NUMERIC_METHODS = ["ks", "wasserstein", "psi", "js", "hellinger"]
CATEGORICAL_METHODS = ["chi2", "psi", "js", "hellinger"]
SHARE_BINS_MIN_DISTINCT = 20   # more distinct reference values than this: Sturges bins
AUTO_SMALL_REFERENCE = 1000     # at most this many reference values: the tests
FREE_TEXT_MIN_DISTINCT = 20
TEXT_WORDS = 100
EPOCH = datetime(1970, 1, 1)


# ---------------------------------------------------------------- columns and samples


@dataclass
class Column:
    """One column of a dataset: its DuckDB type and its values (None = NULL)."""
    type: str
    values: list


def present(column):
    """(values compared, missing count) of a column: numbers as numpy arrays, others as lists."""
    values = column.values
    if column.type == "DOUBLE":
        kept = [v for v in values if v is not None and math.isfinite(v)]
        return np.array(kept, dtype=np.float64), len(values) - len(kept)
    kept = [v for v in values if v is not None]
    if column.type in ("BIGINT", "TIMESTAMP"):
        return np.array(kept, dtype=np.int64), len(values) - len(kept)
    return kept, len(values) - len(kept)


def distinct_count(a, b):
    """Distinct values of both samples together."""
    if isinstance(a, np.ndarray):
        return len(np.unique(np.concatenate([a, b])))
    return len(set(a) | set(b))


def kind_of(column_type, a, b):
    if column_type in NUMERIC_TYPES:
        return "numeric"
    if column_type == "BOOLEAN":
        return "categorical"
    distinct = len(set(a))  # the reference decides, so identical samples keep their kind
    free = distinct > FREE_TEXT_MIN_DISTINCT and 2 * distinct > len(a)
    return "text" if free else "categorical"


def as_float(x):
    return x.astype(np.float64) if isinstance(x, np.ndarray) else x


# ---------------------------------------------------------------- the reference statistics
# Each returns (statistic or None, p-value or None).


def ks_reference(a, b, kind):
    result = stats.ks_2samp(as_float(a), as_float(b))
    return float(result.statistic), float(result.pvalue)


def wasserstein_reference(a, b, kind):
    a, b = as_float(a), as_float(b)
    return float(stats.wasserstein_distance(a, b) / max(np.std(a), 0.001)), None


def value_shares(a, b):
    """Shares of every value of a and b together (sorted keys), one bin per value."""
    if isinstance(a, np.ndarray):
        keys = np.unique(np.concatenate([a, b]))
        count_a = Counter(a.tolist())
        count_b = Counter(b.tolist())
        keys = keys.tolist()
    else:
        count_a, count_b = Counter(a), Counter(b)
        keys = sorted(set(a) | set(b))
    p = np.array([count_a[k] for k in keys], dtype=np.float64) / len(a)
    q = np.array([count_b[k] for k in keys], dtype=np.float64) / len(b)
    return p, q


def share_bins(a, b, kind):
    """Evidently's binned shares for psi and js."""
    if kind == "numeric" and len(np.unique(a)) > SHARE_BINS_MIN_DISTINCT:
        edges = np.histogram_bin_edges(np.concatenate([a, b]), bins="sturges")
        return np.histogram(a, edges)[0] / len(a), np.histogram(b, edges)[0] / len(b)
    return value_shares(a, b)


def without_zeros(shares):
    shares = shares.copy()
    smallest = shares[shares != 0].min()
    shares[shares == 0] = smallest / 1e6 if smallest <= 1e-4 else 1e-4
    return shares


def psi_reference(a, b, kind):
    p, q = share_bins(a, b, kind)
    p, q = without_zeros(p), without_zeros(q)
    return float(np.sum((p - q) * np.log(p / q))), None


def js_reference(a, b, kind):
    p, q = share_bins(a, b, kind)
    return float(distance.jensenshannon(p, q)), None


def hellinger_reference(a, b, kind):
    if kind != "numeric":
        share_a = {k: c / len(a) for k, c in Counter(a).items()}
        share_b = {k: c / len(b) for k, c in Counter(b).items()}
        coefficient = sum(math.sqrt(share_a.get(k, 0.0) * share_b.get(k, 0.0))
                          for k in set(share_a) | set(share_b))
        return float(math.sqrt(1 - np.clip(coefficient, 0, 1))), None
    keys = np.unique(np.concatenate([a, b]))  # sorted, in the column's dtype
    if len(keys) == 1:
        return 0.0, None  # Assay's deviation: the same single value on both sides
    edges = np.histogram_bin_edges(keys, bins="sturges")
    h1 = np.histogram(a, edges, density=True)[0]
    h2 = np.histogram(b, edges, density=True)[0]
    bin_width = (keys.max() - keys.min()) / len(h1)
    coefficient = np.sum(np.sqrt(h1 * h2)) * bin_width
    return float(np.sqrt(1 - np.clip(coefficient, 0, 1))), None


def hashable(values):
    return values.tolist() if isinstance(values, np.ndarray) else values


def chi2_reference(a, b, kind):
    count_a, count_b = Counter(hashable(a)), Counter(hashable(b))
    if any(k not in count_a for k in count_b):
        return None, 0.0
    keys = sorted(set(count_a) | set(count_b))
    scale = len(b) / len(a)
    f_exp = [count_a[k] * scale for k in keys]
    f_obs = [count_b[k] for k in keys]
    result = stats.chisquare(f_obs, f_exp)
    return float(result.statistic), float(result.pvalue)


def z_reference(a, b, kind):
    a, b = hashable(a), hashable(b)
    keys = sorted(set(a) | set(b))
    assert len(keys) <= 2, f"z needs two values at most, got {keys}"
    if len(keys) == 1:
        return 0.0, 1.0
    x1 = np.array([0 if v == keys[0] else 1 for v in a], dtype=np.float64)
    x2 = np.array([0 if v == keys[0] else 1 for v in b], dtype=np.float64)
    n1, n2 = len(x1), len(x2)
    p1, p2 = x1.mean(), x2.mean()
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return float(z), float(2 * stats.norm.sf(abs(z)))


WORD = re.compile(r"[^\W_]+")  # runs of letters and digits (str.isalnum), no underscore


def words(texts):
    counts = Counter()
    for text in texts:
        counts.update(WORD.findall(text.lower()))
    return counts


def text_reference(a, b, kind):
    count_a, count_b = words(a), words(b)
    total = count_a + count_b
    ranked = sorted(total, key=lambda w: (-total[w], w))
    top, rest = ranked[:TEXT_WORDS], ranked[TEXT_WORDS:]

    def shares(counts):
        bins = [counts[w] for w in top] + [sum(counts[w] for w in rest)]
        return np.array(bins, dtype=np.float64) / sum(counts.values())

    return float(distance.jensenshannon(shares(count_a), shares(count_b))), None


REFERENCE = {"ks": ks_reference, "wasserstein": wasserstein_reference, "psi": psi_reference,
             "js": js_reference, "hellinger": hellinger_reference, "chi2": chi2_reference,
             "z": z_reference, "text": text_reference}


def auto_method(kind, a, b):
    """Evidently's default method for a column."""
    if kind == "text":
        return "text"
    n_values = distinct_count(a, b)
    if len(a) <= AUTO_SMALL_REFERENCE:
        if kind == "numeric" and n_values > 5:
            return "ks"
        return "chi2" if n_values > 2 else "z"
    return "wasserstein" if kind == "numeric" and n_values > 5 else "js"


def expected_column(name, reference, current, method, threshold):
    """The expected JSON fields of one compared column."""
    assert reference.type == current.type, f"{name}: the test data differ in type"
    a, missing_a = present(reference)
    b, missing_b = present(current)
    kind = kind_of(reference.type, a, b)
    method = auto_method(kind, a, b) if method in (None, "auto") else method
    statistic, p_value = REFERENCE[method](a, b, kind)
    if threshold is None:
        threshold = 0.05 if method in TESTS else 0.1
    drifted = p_value < threshold if method in TESTS else statistic >= threshold
    return {"name": name, "type": reference.type, "kind": kind, "method": method,
            "statistic": statistic, "p_value": p_value, "threshold": threshold, "drifted": drifted,
            "reference_values": len(a), "current_values": len(b),
            "reference_missing": missing_a, "current_missing": missing_b}


def expected_drift(ref_name, cur_name, ref, cur, on=None, method=None, threshold=None):
    """The expected drift JSON of two datasets (dicts of Column), every column or `on`."""
    names = on or list(ref)
    rows = lambda data: len(next(iter(data.values())).values)  # noqa: E731
    columns = [expected_column(n, ref[n], cur[n], method, threshold) for n in names]
    drifted = sum(c["drifted"] for c in columns)
    return {"kind": "drift", "reference": ref_name, "current": cur_name,
            "reference_rows": rows(ref), "current_rows": rows(cur), "columns": columns,
            "skipped": [], "drifted_columns": drifted, "drifted_share": drifted / len(columns),
            "dataset_drift": drifted / len(columns) >= 0.5}


# ---------------------------------------------------------------- comparing


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def close_statistic(actual, expected):
    if expected is None:
        return actual is None
    return is_number(actual) and math.isclose(actual, expected, rel_tol=STAT_REL_TOL, abs_tol=STAT_ABS_TOL)


def close_p_value(actual, expected):
    if expected is None:
        return actual is None
    return is_number(actual) and abs(actual - expected) <= P_ABS_TOL


def compare(what, actual, expected):
    """Every difference between a drift JSON and the expected one, as lines."""
    problems = []

    def bad(where, field, got, want):
        problems.append(f"{what}{where} {field}: Assay {got!r}, reference {want!r}")

    for field in ("kind", "reference", "current", "reference_rows", "current_rows",
                  "drifted_columns", "dataset_drift"):
        if actual.get(field) != expected[field] or isinstance(actual.get(field), bool) != isinstance(expected[field], bool):
            bad("", field, actual.get(field), expected[field])
    if not (is_number(actual.get("drifted_share"))
            and math.isclose(actual["drifted_share"], expected["drifted_share"], rel_tol=1e-12)):
        bad("", "drifted_share", actual.get("drifted_share"), expected["drifted_share"])
    if actual.get("skipped") != expected["skipped"]:
        bad("", "skipped", actual.get("skipped"), expected["skipped"])

    columns = actual.get("columns") or []
    names = [c.get("name") for c in columns]
    expected_names = [c["name"] for c in expected["columns"]]
    if names != expected_names:
        bad("", "column names", names, expected_names)
    by_name = {c.get("name"): c for c in columns}
    for exp in expected["columns"]:
        act = by_name.get(exp["name"])
        if act is None:
            continue
        where = f".{exp['name']}"
        for field in ("type", "kind", "method", "drifted", "reference_values", "current_values",
                      "reference_missing", "current_missing"):
            if act.get(field) != exp[field]:
                bad(where, field, act.get(field), exp[field])
        if not close_statistic(act.get("statistic"), exp["statistic"]):
            bad(where, f"statistic ({exp['method']})", act.get("statistic"), exp["statistic"])
        if not close_p_value(act.get("p_value"), exp["p_value"]):
            bad(where, f"p_value ({exp['method']})", act.get("p_value"), exp["p_value"])
        if not (is_number(act.get("threshold")) and math.isclose(act["threshold"], exp["threshold"])):
            bad(where, "threshold", act.get("threshold"), exp["threshold"])
        if "note" not in act:
            bad(where, "note", "(no field)", "a field (null or text)")
    return problems


def statement(ref_name, cur_name, on=None, method=None, threshold=None):
    text = f"drift {ref_name} vs {cur_name}"
    if on:
        text += " on " + ", ".join(on)
    if method:
        text += f" using {method}"
    if threshold is not None:
        text += f" threshold {threshold}"
    return text


def drift_problems(kc, ref_name, cur_name, ref, cur, on=None, method=None, threshold=None):
    """Runs one drift statement and lists its differences from the reference."""
    text = statement(ref_name, cur_name, on, method, threshold)
    expected = expected_drift(ref_name, cur_name, ref, cur, on, method, threshold)
    actual = result_json(kc, f"%%assay\n{text}")
    if not isinstance(actual, dict):
        return [f"`{text}`: the result is not a JSON object: {actual!r}"]
    return compare(f"`{text}`", actual, expected)


def fail_on(problems):
    if problems:
        pytest.fail(f"{len(problems)} differences from the reference:\n  " + "\n  ".join(problems),
                    pytrace=False)


# ---------------------------------------------------------------- talking to the kernel


def assay_string(text):
    """A single-quoted string literal of the Assay language."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def write_parquet(path, data):
    """A dataset (dict of Column) as a Parquet file with the matching Arrow types."""
    arrow_type = {"DOUBLE": pa.float64(), "BIGINT": pa.int64(), "BOOLEAN": pa.bool_(),
                  "VARCHAR": pa.string(), "TIMESTAMP": pa.timestamp("us")}
    table = pa.table({name: pa.array(c.values, type=arrow_type[c.type]) for name, c in data.items()})
    pq.write_table(table, path)


def load_pair(kc, folder, ref_name, cur_name, ref, cur):
    """Writes both datasets as Parquet and loads them into the kernel."""
    cells = []
    for name, data in ((ref_name, ref), (cur_name, cur)):
        path = folder / f"{name}.parquet"
        write_parquet(path, data)
        cells.append(f"{name} = load {assay_string(str(path))}")
    run_cell(kc, "%%assay\n" + "\n".join(cells))


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A folder for the Parquet files given to the kernel."""
    return tmp_path_factory.mktemp("drift")


# ---------------------------------------------------------------- generated data


def floats(values):
    return Column("DOUBLE", [float(v) for v in values])


def ints(values):
    return Column("BIGINT", [int(v) for v in values])


def texts(values):
    return Column("VARCHAR", [str(v) for v in values])


def booleans(values):
    return Column("BOOLEAN", [bool(v) for v in values])


def with_nulls(column, rng, count, specials=()):
    """The column with `count` values set to NULL and further ones to each of `specials`."""
    values = list(column.values)
    spots = rng.choice(len(values), size=count + len(specials), replace=False)
    for i in spots[:count]:
        values[i] = None
    for i, special in zip(spots[count:], specials):
        values[i] = special
    return Column(column.type, values)


def numeric_case(case):
    """(reference, current) of a numeric case: datasets with one column x (two for nulls)."""
    rng = np.random.default_rng(NUMERIC_SEEDS[case])
    if case == "mean-shift-800-900":
        return {"x": floats(rng.normal(0, 1, 800))}, {"x": floats(rng.normal(0.3, 1, 900))}
    if case == "equal-sizes-500":
        return {"x": floats(rng.normal(0, 1, 500))}, {"x": floats(rng.normal(0.15, 1, 500))}
    if case == "scale-change":
        return {"x": floats(rng.normal(10, 1, 600))}, {"x": floats(rng.normal(10, 1.6, 700))}
    if case == "large-12000-15000":
        return {"x": floats(rng.normal(0, 1, 12000))}, {"x": floats(rng.normal(0.04, 1, 15000))}
    if case == "large-vs-tiny-10001-50":
        return {"x": floats(rng.normal(0, 1, 10001))}, {"x": floats(rng.normal(0.4, 1, 50))}
    if case == "integer-ties":
        return {"x": ints(rng.integers(0, 40, 700))}, {"x": ints(rng.integers(3, 43, 650))}
    if case == "integer-three-values":
        return ({"x": ints(rng.choice([0, 1, 2], 300, p=[0.5, 0.3, 0.2]))},
                {"x": ints(rng.choice([0, 1, 2], 350, p=[0.3, 0.3, 0.4]))})
    if case == "integer-two-values":
        return ({"x": ints(rng.choice([4, 5], 300, p=[0.6, 0.4]))},
                {"x": ints(rng.choice([4, 5], 320, p=[0.45, 0.55]))})
    if case == "reference-20-distinct":
        return {"x": ints(rng.integers(0, 20, 400))}, {"x": ints(rng.integers(0, 25, 420))}
    if case == "reference-21-distinct":
        return {"x": ints(rng.integers(0, 21, 400))}, {"x": ints(rng.integers(0, 25, 420))}
    if case == "constant-same":
        return {"x": floats([3.5] * 100)}, {"x": floats([3.5] * 120)}
    if case == "constant-same-integer":
        return {"x": ints([7] * 90)}, {"x": ints([7] * 60)}
    if case == "constants-differ":
        return {"x": floats([3.5] * 100)}, {"x": floats([4.0] * 80)}
    if case == "constants-differ-integer":
        # Sturges on the integer keys {3, 4}: one bin of width 1, so hellinger sees no change.
        return {"x": ints([3] * 100)}, {"x": ints([4] * 80)}
    if case == "bimodal-gap":
        ref = np.concatenate([rng.normal(-5, 0.5, 300), rng.normal(5, 0.5, 300)])
        cur = np.concatenate([rng.normal(-5, 0.5, 150), rng.normal(5, 0.5, 450)])
        return {"x": floats(rng.permutation(ref))}, {"x": floats(rng.permutation(cur))}
    if case == "tiny-5-7":
        return {"x": floats(rng.normal(0, 1, 5))}, {"x": floats(rng.normal(1, 1, 7))}
    if case == "timestamps":
        start = int((datetime(2024, 1, 1) - EPOCH) / timedelta(microseconds=1))
        day = 86_400_000_000
        ref = start + rng.integers(0, 30 * day, 500)
        cur = start + 3 * day + rng.integers(0, 30 * day, 450)
        return ({"x": with_nulls(Column("TIMESTAMP", [int(v) for v in ref]), rng, 7)},
                {"x": with_nulls(Column("TIMESTAMP", [int(v) for v in cur]), rng, 4)})
    if case == "nulls-and-nan":
        inf = float("inf")
        ref = {"f": with_nulls(floats(rng.normal(0, 1, 400)), rng, 12, [math.nan] * 5 + [inf, inf, -inf]),
               "i": with_nulls(ints(rng.integers(0, 100, 400)), rng, 20)}
        cur = {"f": with_nulls(floats(rng.normal(0.25, 1, 450)), rng, 3, [math.nan, -inf]),
               "i": with_nulls(ints(rng.integers(10, 110, 450)), rng, 41)}
        return ref, cur
    raise KeyError(case)


NUMERIC_SEEDS = {case: seed for seed, case in enumerate([
    "mean-shift-800-900", "equal-sizes-500", "scale-change", "large-12000-15000",
    "large-vs-tiny-10001-50", "integer-ties", "integer-three-values", "integer-two-values",
    "reference-20-distinct", "reference-21-distinct", "constant-same", "constant-same-integer",
    "constants-differ", "constants-differ-integer", "bimodal-gap", "tiny-5-7", "timestamps", "nulls-and-nan"], start=101)}

# A threshold given with `threshold` for a few (case, method) pairs.
CUSTOM_THRESHOLDS = {("mean-shift-800-900", "ks"): 0.01, ("scale-change", "psi"): 0.25,
                     ("bimodal-gap", "hellinger"): 0.3, ("timestamps", "wasserstein"): 0.5}


def dataset_name(case, side):
    return re.sub(r"\W", "_", case) + "_" + side


@pytest.mark.parametrize("case", list(NUMERIC_SEEDS))
def test_numeric_methods_match_scipy(kernel, folder, case):
    ref, cur = numeric_case(case)
    ref_name, cur_name = dataset_name(case, "ref"), dataset_name(case, "cur")
    load_pair(kernel, folder, ref_name, cur_name, ref, cur)
    problems = []
    for method in NUMERIC_METHODS:
        on = list(ref) if len(ref) > 1 else None
        problems += drift_problems(kernel, ref_name, cur_name, ref, cur, on=on, method=method)
        if (case, method) in CUSTOM_THRESHOLDS:
            problems += drift_problems(kernel, ref_name, cur_name, ref, cur, method=method,
                                       threshold=CUSTOM_THRESHOLDS[(case, method)])
    fail_on(problems)


def mix(rng, categories, shares, n):
    return [str(v) for v in rng.choice(categories, size=n, p=shares)]


def categorical_pair():
    """A reference of 600 rows and a current of 700 rows, with categorical columns of each sort."""
    rng = np.random.default_rng(7)
    five = ["alpha", "beta", "gamma", "delta", "epsilon"]
    ref = {
        "mix5": texts(mix(rng, five, [0.3, 0.25, 0.2, 0.15, 0.1], 600)),
        "mix3": texts(mix(rng, ["red", "green", "blue"], [0.5, 0.3, 0.2], 600)),
        "new_in_current": texts(mix(rng, ["a", "b", "c"], [0.5, 0.3, 0.2], 600)),
        "gone_in_current": texts(mix(rng, ["a", "b", "c", "d"], [0.4, 0.3, 0.2, 0.1], 600)),
        "six_with_nulls": with_nulls(texts(mix(rng, list("uvwxyz"), [0.2, 0.2, 0.2, 0.15, 0.15, 0.1], 600)),
                                     rng, 35),
        "flag": booleans(rng.random(600) < 0.3),
        "flag_with_nulls": with_nulls(booleans(rng.random(600) < 0.5), rng, 25),
        "side": texts(mix(rng, ["left", "right"], [0.55, 0.45], 600)),
        "one_side": texts(["left"] * 600),
    }
    cur = {
        "mix5": texts(mix(rng, five, [0.2, 0.2, 0.2, 0.2, 0.2], 700)),
        "mix3": texts(mix(rng, ["red", "green", "blue"], [0.48, 0.32, 0.2], 700)),
        "new_in_current": texts(mix(rng, ["a", "b", "c", "d"], [0.45, 0.3, 0.2, 0.05], 700)),
        "gone_in_current": texts(mix(rng, ["a", "b", "c"], [0.45, 0.35, 0.2], 700)),
        "six_with_nulls": with_nulls(texts(mix(rng, list("uvwxyz"), [0.1, 0.15, 0.15, 0.2, 0.2, 0.2], 700)),
                                     rng, 50),
        "flag": booleans(rng.random(700) < 0.4),
        "flag_with_nulls": with_nulls(booleans(rng.random(700) < 0.48), rng, 10),
        "side": texts(mix(rng, ["left", "right"], [0.4, 0.6], 700)),
        "one_side": texts(["left"] * 700),
    }
    return ref, cur


CATEGORICAL_RUNS = [
    # (id, method, `on` columns or None for every column, threshold)
    ("chi2", "chi2", ["mix5", "mix3", "new_in_current", "gone_in_current", "six_with_nulls", "flag",
                      "flag_with_nulls", "side"], None),
    ("psi", "psi", None, None),
    ("js", "js", None, None),
    ("hellinger", "hellinger", None, None),
    ("z", "z", ["flag", "flag_with_nulls", "side", "one_side"], None),
    ("chi2-threshold", "chi2", ["mix3", "flag", "side"], 0.2),
    ("js-threshold", "js", ["mix5", "six_with_nulls"], 0.05),
]


@pytest.fixture(scope="module")
def categorical(kernel, folder):
    ref, cur = categorical_pair()
    load_pair(kernel, folder, "cat_ref", "cat_cur", ref, cur)
    return ref, cur


@pytest.mark.parametrize("method, on, threshold", [r[1:] for r in CATEGORICAL_RUNS],
                         ids=[r[0] for r in CATEGORICAL_RUNS])
def test_categorical_methods_match_scipy(kernel, categorical, method, on, threshold):
    ref, cur = categorical
    fail_on(drift_problems(kernel, "cat_ref", "cat_cur", ref, cur, on=on, method=method,
                           threshold=threshold))


VOCABULARY_SEED = 11


def sentences(rng, n, vocabulary, weights):
    """n short messages of words from the vocabulary, with capitals, punctuation and digits."""
    out = []
    for _ in range(n):
        length = int(rng.integers(3, 12))
        chosen = rng.choice(vocabulary, size=length, p=weights)
        words_ = [w.upper() if rng.random() < 0.1 else w.capitalize() if rng.random() < 0.2 else w
                  for w in chosen]
        text = " ".join(words_)
        if rng.random() < 0.3:
            text += f", {int(rng.integers(0, 1000))}!"
        if rng.random() < 0.2:
            text = text.replace(" ", "_", 1)  # an underscore separates words too
        out.append(text + rng.choice([".", "?", "...", ""]))
    return out


def vocabulary():
    rng = np.random.default_rng(VOCABULARY_SEED)
    letters = list("abcdefghijklmnopqrstuvwxyz") + ["é", "ü", "ß", "ñ"]
    words_ = sorted({"".join(rng.choice(letters, size=int(rng.integers(2, 8)))) for _ in range(400)})
    return words_


def zipf_weights(n, shift):
    weights = 1.0 / (np.arange(1, n + 1) + shift)
    return weights / weights.sum()


def auto_pair(rows_ref, rows_cur, seed):
    """Two datasets with columns of every kind, for auto: which method each gets depends on
    its kind, its number of distinct values and how many reference values it has."""
    rng = np.random.default_rng(seed)
    words_ = vocabulary()
    start = int((datetime(2023, 6, 1) - EPOCH) / timedelta(microseconds=1))
    hour = 3_600_000_000

    def side(n, shift, reference):
        sparse_1000 = n - 1000 if reference and n > 1000 else n // 3  # leaves exactly 1000 values
        sparse_1001 = n - 1001 if reference and n > 1001 else n // 4  # leaves exactly 1001 values
        return {
            "num": floats(rng.normal(shift, 1, n)),
            "num_1000": with_nulls(floats(rng.normal(shift, 1, n)), rng, sparse_1000),
            "num_1001": with_nulls(floats(rng.gamma(2 + shift, 1, n)), rng, sparse_1001),
            "same": floats(rng.normal(0, 1, n)),
            "int_many": ints(rng.integers(0, 60 + int(10 * shift), n)),
            "int_five": ints(rng.choice([1, 2, 3, 4, 5], n, p=[0.3, 0.2, 0.2, 0.2, 0.1] if reference
                                        else [0.2, 0.2, 0.2, 0.2, 0.2])),
            "int_six": ints(rng.choice([1, 2, 3, 4, 5, 6], n)),
            "int_three_sparse": with_nulls(ints(rng.choice([0, 1, 2], n)), rng, n // 2),
            "two_floats_sparse": with_nulls(floats(rng.choice([0.5, 1.5], n, p=[0.5, 0.5] if reference
                                                              else [0.35, 0.65])), rng, n // 2),
            "cat": texts(mix(rng, ["north", "south", "east", "west"],
                             [0.25, 0.25, 0.25, 0.25] if reference else [0.4, 0.2, 0.2, 0.2], n)),
            "cat_sparse": with_nulls(texts(mix(rng, ["north", "south", "east", "west"], [0.4, 0.3, 0.2, 0.1], n)),
                                     rng, n // 2),
            "label25": texts(mix(rng, [f"L{i:02d}" for i in range(25)], zipf_weights(25, shift), n)),
            "flag": booleans(rng.random(n) < (0.3 if reference else 0.32)),
            "flag_sparse": with_nulls(booleans(rng.random(n) < (0.3 if reference else 0.45)), rng, n // 2),
            "pair": texts(mix(rng, ["cold", "hot"], [0.5, 0.5] if reference else [0.6, 0.4], n)),
            "note": texts(sentences(rng, n, words_, zipf_weights(len(words_), 1 + 5 * shift))),
            "when": with_nulls(Column("TIMESTAMP", [int(v) for v in start + rng.integers(
                int(shift * 24) * hour, (int(shift * 24) + 24 * 40) * hour, n)]), rng, 3),
        }

    return side(rows_ref, 0.0, True), side(rows_cur, 0.3, False)


AUTO_PAIRS = [
    # (id, reference rows, current rows, seed)
    ("reference-1200-rows", 1200, 900, 21),
    ("reference-400-rows", 400, 1300, 22),
]


@pytest.mark.parametrize("rows_ref, rows_cur, seed", [p[1:] for p in AUTO_PAIRS], ids=[p[0] for p in AUTO_PAIRS])
def test_auto_chooses_evidently_methods(kernel, folder, rows_ref, rows_cur, seed):
    ref, cur = auto_pair(rows_ref, rows_cur, seed)
    ref_name, cur_name = f"auto{rows_ref}_ref", f"auto{rows_ref}_cur"
    load_pair(kernel, folder, ref_name, cur_name, ref, cur)
    # The cases meant to be covered are covered: every method of auto, and both sides of 1000.
    chosen = {c["name"]: c["method"] for c in expected_drift(ref_name, cur_name, ref, cur)["columns"]}
    if rows_ref > 1000:
        assert chosen["num_1000"] == "ks" and chosen["num_1001"] == "wasserstein", chosen
        assert {"ks", "wasserstein", "js", "chi2", "z", "text"} <= set(chosen.values()), chosen
    else:
        assert chosen["int_five"] == "chi2" and chosen["int_six"] == "ks", chosen
        assert {"ks", "chi2", "z", "text"} <= set(chosen.values()), chosen
    assert chosen["label25"] != "text" and chosen["note"] == "text", chosen
    problems = drift_problems(kernel, ref_name, cur_name, ref, cur)
    problems += drift_problems(kernel, ref_name, cur_name, ref, cur, method="auto")
    problems += drift_problems(kernel, ref_name, cur_name, ref, cur, on=["note", "cat", "num"],
                               method="auto")
    problems += drift_problems(kernel, ref_name, cur_name, ref, cur, on=["note"], method="text",
                               threshold=0.3)
    fail_on(problems)


# ---------------------------------------------------------------- real data

INT_TEXT = re.compile(r"[+-]?\d+")
FLOAT_TEXT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
TIMESTAMP_TEXT = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")


def sniffed_type(texts_):
    """The type DuckDB's CSV sniffer gives a column of these non-empty strings (the forms
    present in the shared datasets)."""
    if texts_ and {t.lower() for t in texts_} <= {"true", "false"}:
        return "BOOLEAN"
    for pattern, name in ((INT_TEXT, "BIGINT"), (FLOAT_TEXT, "DOUBLE"), (TIMESTAMP_TEXT, "TIMESTAMP")):
        if texts_ and all(pattern.fullmatch(t) for t in texts_):
            return name
    return "VARCHAR"


def micros(text):
    """Epoch microseconds of 'YYYY-MM-DD HH:MM:SS'."""
    return (datetime.strptime(text, "%Y-%m-%d %H:%M:%S") - EPOCH) // timedelta(microseconds=1)


def parse(text, column_type):
    if text == "":
        return None
    return {"BIGINT": int, "DOUBLE": float, "TIMESTAMP": micros, "VARCHAR": str,
            "BOOLEAN": lambda t: t.lower() == "true"}[column_type](text)


def read_dataset(path):
    """A CSV file as DuckDB reads it: {column: Column}, missing = an empty field only."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
    data = {}
    for name in raw.columns:
        texts_ = list(raw[name])
        column_type = sniffed_type([t for t in texts_ if t != ""])
        data[name] = Column(column_type, [parse(t, column_type) for t in texts_])
    return data


def rows_where(data, keep):
    """The rows of a dataset whose row dict satisfies `keep`."""
    names = list(data)
    rows = [dict(zip(names, values)) for values in zip(*(data[n].values for n in names))]
    chosen = [r for r in rows if keep(r)]
    return {n: Column(data[n].type, [r[n] for r in chosen]) for n in names}


@pytest.fixture(scope="module")
def taxis(kernel):
    path = DATA_DIR / "taxis.csv"
    assert path.is_file(), f"missing {path}"
    run_cell(kernel, f"%%assay\ntaxis = load {assay_string(str(path))}")
    return read_dataset(path)


@pytest.fixture(scope="module")
def penguins(kernel):
    path = DATA_DIR / "penguins.csv"
    assert path.is_file(), f"missing {path}"
    run_cell(kernel, f"%%assay\npenguins = load {assay_string(str(path))}")
    return read_dataset(path)


WEEK_ONE_END = micros("2019-03-08 00:00:00")
LAST_WEEK_START = micros("2019-03-25 00:00:00")

REAL_PAIRS = {
    # id: (source, reference SQL filter and Python filter, current filter)
    "taxis-first-vs-last-week": ("taxis", ("pickup < '2019-03-08'", lambda r: r["pickup"] < WEEK_ONE_END),
                                 ("pickup >= '2019-03-25'", lambda r: r["pickup"] >= LAST_WEEK_START)),
    "taxis-yellow-vs-green": ("taxis", ("color = 'yellow'", lambda r: r["color"] == "yellow"),
                              ("color = 'green'", lambda r: r["color"] == "green")),
    "penguins-biscoe-vs-rest": ("penguins", ("island = 'Biscoe'", lambda r: r["island"] == "Biscoe"),
                                ("island <> 'Biscoe'", lambda r: r["island"] is not None
                                 and r["island"] != "Biscoe")),
}


@pytest.mark.parametrize("pair", list(REAL_PAIRS))
def test_real_pairs_match_scipy(kernel, taxis, penguins, pair):
    source, (ref_sql, ref_keep), (cur_sql, cur_keep) = REAL_PAIRS[pair]
    data = {"taxis": taxis, "penguins": penguins}[source]
    ref_name, cur_name = dataset_name(pair, "ref"), dataset_name(pair, "cur")
    run_cell(kernel, f"%%sql\nCREATE OR REPLACE TABLE {ref_name} AS SELECT * FROM {source} WHERE {ref_sql}")
    run_cell(kernel, f"%%sql\nCREATE OR REPLACE TABLE {cur_name} AS SELECT * FROM {source} WHERE {cur_sql}")
    ref, cur = rows_where(data, ref_keep), rows_where(data, cur_keep)
    assert len(next(iter(ref.values())).values) > 0 and len(next(iter(cur.values())).values) > 0

    problems = drift_problems(kernel, ref_name, cur_name, ref, cur)
    numeric = [n for n, c in ref.items() if c.type in NUMERIC_TYPES]
    for method in NUMERIC_METHODS:
        problems += drift_problems(kernel, ref_name, cur_name, ref, cur, on=numeric, method=method)
    categorical_ = [n for n, c in ref.items() if c.type not in NUMERIC_TYPES
                    and kind_of(c.type, present(c)[0], present(cur[n])[0]) == "categorical"]
    for method in CATEGORICAL_METHODS:
        problems += drift_problems(kernel, ref_name, cur_name, ref, cur, on=categorical_, method=method)
    fail_on(problems)


def test_sms_ham_vs_spam_text(kernel):
    assert SMS_PATH.is_file(), f"missing {SMS_PATH}"
    # The file has no quoting: quote='' in Assay, QUOTE_NONE in pandas.
    run_cell(kernel, "%%assay\nsms = load " + assay_string(str(SMS_PATH))
             + r" with (delimiter='\t', quote='', header=true)")
    run_cell(kernel, "%%sql\nCREATE OR REPLACE TABLE ham AS SELECT * FROM sms WHERE Label = 'ham'")
    run_cell(kernel, "%%sql\nCREATE OR REPLACE TABLE spam AS SELECT * FROM sms WHERE Label = 'spam'")
    sms = pd.read_csv(SMS_PATH, sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False,
                      na_values=[""], dtype=str)
    split = {label: {"SMS": Column("VARCHAR", [None if pd.isna(v) else v for v in part["SMS"]])}
             for label, part in sms.groupby("Label")}
    ham, spam = split["ham"], split["spam"]
    problems = drift_problems(kernel, "ham", "spam", ham, spam, on=["SMS"])
    problems += drift_problems(kernel, "ham", "spam", ham, spam, on=["SMS"], method="text")
    problems += drift_problems(kernel, "spam", "ham", spam, ham, on=["SMS"], method="text", threshold=0.5)
    fail_on(problems)


# ---------------------------------------------------------------- bad input


@pytest.fixture(scope="module")
def error_tables(kernel):
    """Small tables whose drift must fail, each for one reason."""
    run_cell(kernel, "%%sql\nCREATE OR REPLACE TABLE err_ref AS SELECT range AS n, 'k' || (range % 3) AS cat, "
                     "CAST(NULL AS DOUBLE) AS nothing, range * 0.5 AS only_ref FROM range(50)")
    run_cell(kernel, "%%sql\nCREATE OR REPLACE TABLE err_cur AS SELECT range + 3 AS n, 'k' || (range % 4) AS cat, "
                     "CAST(NULL AS DOUBLE) AS nothing FROM range(60)")
    run_cell(kernel, "%%sql\nCREATE OR REPLACE TABLE err_text_n AS SELECT CAST(range AS VARCHAR) AS n FROM range(40)")
    run_cell(kernel, "%%sql\nCREATE OR REPLACE TABLE err_empty AS SELECT * FROM err_cur WHERE false")
    rng = np.random.default_rng(5)
    ok_ref = {"x": floats(rng.normal(0, 1, 60))}
    ok_cur = {"x": floats(rng.normal(0.5, 1, 70))}
    return ok_ref, ok_cur


ERROR_CASES = [
    # (id, statement, words the message must contain)
    ("column-only-in-reference", "drift err_ref vs err_cur on only_ref", ["only_ref", "no column"]),
    ("types-differ", "drift err_ref vs err_text_n on n", ["BIGINT", "VARCHAR"]),
    ("empty-current", "drift err_ref vs err_empty", ["no rows"]),
    ("empty-reference", "drift err_empty vs err_ref", ["no rows"]),
    ("all-null-column", "drift err_ref vs err_cur on nothing", ["no values"]),
    ("unknown-method", "drift err_ref vs err_cur using kss", ["unknown drift method", "did you mean 'ks'"]),
    ("threshold-out-of-range", "drift err_ref vs err_cur on n using ks threshold 1.5", ["out of range"]),
    ("ks-on-categorical", "drift err_ref vs err_cur on cat using ks", ["compares numbers"]),
]


@pytest.mark.parametrize("code, needed", [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES])
def test_bad_input_fails_clearly(kernel, folder, error_tables, code, needed):
    message = cell_error(kernel, f"%%assay\n{code}")
    missing = [w for w in needed if w.lower() not in message.lower()]
    assert not missing, f"`{code}`: the error does not say {missing}:\n{message}"
    # The kernel still works, and drift with it.
    assert run_cell(kernel, "%%sql\nSELECT 42 AS answer")
    ok_ref, ok_cur = error_tables
    load_pair(kernel, folder, "ok_ref", "ok_cur", ok_ref, ok_cur)
    fail_on(drift_problems(kernel, "ok_ref", "ok_cur", ok_ref, ok_cur, method="ks"))


def test_few_valued_numbers_are_drawn_per_value(kernel):
    """Issue 20, item 1: titanic's survived (0/1) and pclass (1/2/3) carry one bin per value in
    the drift's distribution (the picture's bins), with each side's shares as pandas counts
    them; Sturges bins drew survived as one bar at 100% and merged classes 2 and 3."""
    path = DATA_DIR / "titanic.csv"
    assert path.is_file(), f"missing {path}"
    run_cell(kernel, f"%%assay\ntitanic_few = load {assay_string(str(path))}")
    run_cell(kernel, "%%sql young\nSELECT * FROM titanic_few WHERE age IS NULL OR age < 30")
    run_cell(kernel, "%%sql old\nSELECT * FROM titanic_few WHERE age >= 30")
    titanic = pd.read_csv(path)
    young = titanic[titanic["age"].isna() | (titanic["age"] < 30)]
    old = titanic[titanic["age"] >= 30]
    drift = result_json(kernel, "%%assay\ndrift young vs old on survived, pclass")
    problems = []
    for column in drift["columns"]:
        name = column["name"]
        d = column["distribution"]
        values = sorted(set(young[name]) | set(old[name]))
        middles = [(a + b) / 2 for a, b in zip(values, values[1:])]
        edges = [values[0] - (middles[0] - values[0])] + middles + [values[-1] + (values[-1] - middles[-1])]
        for side, part in (("reference", young), ("current", old)):
            shares = part[name].value_counts(normalize=True).reindex(values, fill_value=0.0)
            if not all(math.isclose(a, e, rel_tol=1e-12, abs_tol=1e-15) for a, e in zip(d[side], shares)) \
                    or len(d[side]) != len(values):
                problems.append(f"{name} {side} shares: Assay {d[side]}, pandas {list(shares)}")
        if d.get("values") != [float(v) for v in values]:
            problems.append(f"{name} values: Assay {d.get('values')}, pandas {values}")
        if d["edges"] != edges:
            problems.append(f"{name} edges: Assay {d['edges']}, expected {edges}")
    fail_on(problems)
