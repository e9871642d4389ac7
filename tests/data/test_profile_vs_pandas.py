"""Every statistic of Assay's ``profile`` against pandas and numpy, on the real
datasets in ``../shared/data`` (diamonds, titanic, penguins, taxis) and on a
DECIMAL dataset made by ``%%sql``.

The reference values are computed here, in the same run, from the CSV files
themselves; nothing is copied from Assay's output. Runs under the Python of
``../shared/tools/pyenv`` (pandas, numpy, jupyter_client 8):

    ASSAY_JAR=kernel/target/assay.jar JUPYTER_PATH=PREFIX/share/jupyter \\
        target/pyenv/bin/python -m pytest -v tests/data/test_profile_vs_pandas.py

ASSAY_JAR and JUPYTER_PATH work as in tests/jupyter/test_nbclient.py: the
kernelspec named ``assay`` found through JUPYTER_PATH is used when it starts
ASSAY_JAR, otherwise one is installed from ASSAY_JAR into a temporary prefix.
One kernel serves every test of this module.

How pandas is made to read the CSV files as DuckDB does (the intended
differences between the two):

- missing = an empty field only (DuckDB's default null string), so pandas
  reads with ``keep_default_na=False, na_values=[""]``; floats are parsed
  correctly rounded (``float_precision="round_trip"``) so min/max compare
  exactly;
- the DuckDB type of each column is derived from its raw text: true/false and
  yes/no columns are BOOLEAN (mapped to True/False here), integer columns are
  BIGINT also when they have missing values (pandas: float64, compared
  numerically), ``YYYY-MM-DD HH:MM:SS`` columns are TIMESTAMP (pandas
  ``parse_dates``);
- temporal statistics are compared on epoch microseconds, within 1 us
  (pandas works in ns); the temporal mean is computed exactly from the
  integer microseconds.
"""

import json
import math
import os
import re
import sys
from datetime import datetime
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import run_cell  # noqa: E402  (tests/data/kernel_cells.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
# $ASSAY_SHARED/data, by default ../shared/data beside the clone (tests/run-all sets it).
DATA_DIR = Path(os.environ.get("ASSAY_SHARED") or REPO_ROOT.parent / "shared") / "data"
DATASETS = ["diamonds", "titanic", "penguins", "taxis"]

QUANTILES = ["0.05", "0.25", "0.5", "0.75", "0.95"]
MAX_BINS = 50
# Numeric columns with at most this many distinct values get one bin per value (docs/drift.md, README).
PER_VALUE_MAX_DISTINCT = 20
TOP_N = 10
REL_TOL = 1e-12
ABS_TOL = 1e-12
TEMPORAL_TOL_US = 1

COLUMN_FIELDS = [
    "name", "type", "kind", "count", "missing", "distinct", "min", "max", "mean", "std",
    "quantiles", "histogram", "top", "length", "words", "pii",
]
PII_KEYS = {"email", "phone", "card", "ipv4"}
KIND_OF_TYPE = {"BIGINT": "numeric", "DOUBLE": "numeric", "TIMESTAMP": "temporal",
                "BOOLEAN": "boolean", "VARCHAR": "text"}


# ---------------------------------------------------------------- fixtures


# ---------------------------------------------------------------- talking to the kernel

def profile_json(kc, dataset):
    """Runs `profile DATASET` and returns the result JSON (application/vnd.assay.result+json) of its execute_result."""
    code = f"%%assay\nprofile {dataset}"
    messages = run_cell(kc, code)
    results = [m for m in messages if m["msg_type"] == "execute_result"]
    if len(results) != 1:
        pytest.fail(f"{code!r} gave {len(results)} execute_result messages, not 1; IOPub: "
                    f"{[m['msg_type'] for m in messages]}")
    data = results[0]["content"]["data"]
    if "application/vnd.assay.result+json" not in data:
        pytest.fail(f"the profile result of {dataset} has no application/vnd.assay.result+json: {sorted(data)}")
    value = data["application/vnd.assay.result+json"]
    if isinstance(value, str):
        value = json.loads(value)
    return value


def assay_string(text):
    """A single-quoted string literal of the Assay language."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def load_cell(name, path):
    return f"%%assay\n{name} = load {assay_string(str(path))}"


# ---------------------------------------------------------------- the pandas side

INT_TEXT = re.compile(r"[+-]?\d+")
FLOAT_TEXT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
TIMESTAMP_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?")
BOOLEAN_WORDS = [{"true": True, "false": False}, {"yes": True, "no": False}]


def duckdb_type_of_text(values):
    """The type DuckDB's CSV sniffer gives a column of these (non-empty) raw strings."""
    lowered = {v.lower() for v in values}
    for words in BOOLEAN_WORDS:
        if lowered and lowered <= set(words):
            return "BOOLEAN"
    if values and all(INT_TEXT.fullmatch(v) for v in values):
        return "BIGINT"
    if values and all(FLOAT_TEXT.fullmatch(v) for v in values):
        return "DOUBLE"
    if values and all(TIMESTAMP_TEXT.fullmatch(v) for v in values):
        return "TIMESTAMP"
    return "VARCHAR"


def to_boolean(raw):
    """A raw true/false or yes/no column (empty = missing) as a pandas boolean Series."""
    mapping = {}
    for words in BOOLEAN_WORDS:
        mapping.update(words)
    return raw.map(lambda v: mapping[v.lower()] if v != "" else pd.NA).astype("boolean")


def ranked_top(counts):
    """value_counts as [(value, count)]: count descending, ties by value ascending, first TOP_N."""
    pairs = [(value, int(count)) for value, count in counts.items()]
    pairs.sort(key=lambda pair: (-pair[1], pair[0]))
    return pairs[:TOP_N]


def histogram(values, distinct, low, high):
    """numpy.histogram with min(50, distinct) equal bins over [low, high]; values None (not binned per value)."""
    bins = min(MAX_BINS, distinct)
    counts, edges = np.histogram(values, bins=bins, range=(low, high))
    return [float(e) for e in edges], [int(c) for c in counts], None


def per_value_histogram(s):
    """The documented rule for few-valued numbers: a bin per distinct value, edges half-way
    between neighbouring values and half the nearest gap outside the ends (0.5 for one value).
    Counts come from pandas' value_counts; numpy must put every value in its own bin."""
    counts = s.value_counts(dropna=True).sort_index()
    values = counts.index.to_numpy(dtype=np.float64)
    if len(values) == 1:
        edges = np.array([values[0] - 0.5, values[0] + 0.5])
    else:
        middles = (values[:-1] + values[1:]) / 2
        edges = np.concatenate([[values[0] - (middles[0] - values[0])], middles,
                                [values[-1] + (values[-1] - middles[-1])]])
    assert list(np.histogram(s.dropna().to_numpy(dtype=np.float64), edges)[0]) == list(counts.to_numpy())
    return [float(e) for e in edges], [int(c) for c in counts.to_numpy()], [float(v) for v in values]


def length_histogram(lengths):
    """String lengths: a bin per length when they span at most 50 values, else 50 equal bins (numpy)."""
    low, high = int(lengths.min()), int(lengths.max())
    if high - low + 1 <= MAX_BINS:
        edges = np.arange(low, high + 2) - 0.5
        values = [float(v) for v in range(low, high + 1)]
    else:
        edges = np.histogram_bin_edges(lengths, bins=MAX_BINS, range=(low, high))
        values = None
    counts = np.histogram(lengths.to_numpy(), edges)[0]
    return [float(e) for e in edges], [int(c) for c in counts], values


def numeric_expectation(s):
    """Statistics of a numeric Series (NaN = missing); numbers as float."""
    values = s.dropna().to_numpy(dtype=np.float64)
    count = len(values)
    distinct = int(s.nunique())
    exp = {"count": count, "missing": int(s.isna().sum()), "distinct": distinct}
    if count == 0:
        return exp | {"min": None, "max": None, "mean": None, "std": None,
                      "quantiles": None, "histogram": None, "top": []}
    low, high = float(s.min()), float(s.max())
    q = s.astype(np.float64).quantile([float(k) for k in QUANTILES])
    return exp | {
        "min": low,
        "max": high,
        "mean": float(s.mean()),
        "std": float(s.std(ddof=1)) if count >= 2 else None,
        "quantiles": {k: float(v) for k, v in zip(QUANTILES, q.to_numpy())},
        "histogram": per_value_histogram(s) if distinct <= PER_VALUE_MAX_DISTINCT
        else histogram(values, distinct, low, high),
        "top": [(float(v), c) for v, c in ranked_top(s.value_counts(dropna=True))],
    }


def temporal_expectation(s):
    """Statistics of a datetime Series, in epoch microseconds (int, Fraction or float)."""
    present = s.dropna()
    micros = present.astype("datetime64[us]").astype("int64").to_numpy()
    count = len(micros)
    distinct = int(s.nunique())
    exp = {"count": count, "missing": int(s.isna().sum()), "distinct": distinct, "std": None}
    if count == 0:
        return exp | {"min": None, "max": None, "mean": None, "quantiles": None,
                      "histogram": None, "top": []}
    as_float = micros.astype(np.float64)  # exact: |epoch us| < 2**53
    low, high = int(micros.min()), int(micros.max())
    q = np.quantile(as_float, [float(k) for k in QUANTILES], method="linear")
    return exp | {
        "min": low,
        "max": high,
        # Exact (Python integers): a float64 sum of ~1e19 us could be off by more than 1 us.
        "mean": Fraction(sum(int(m) for m in micros), count),
        "quantiles": {k: float(v) for k, v in zip(QUANTILES, q)},
        "histogram": histogram(as_float, distinct, float(low), float(high)),
        "top": ranked_top(pd.Series(micros).value_counts()),
    }


def boolean_expectation(s):
    present = s.dropna()
    exp = {"count": len(present), "missing": int(s.isna().sum()), "distinct": int(s.nunique())}
    return exp | {
        "min": bool(present.min()) if len(present) else None,
        "max": bool(present.max()) if len(present) else None,
        "top": [(bool(v), c) for v, c in ranked_top(present.value_counts())],
    }


def text_expectation(s):
    present = [str(v) for v in s.dropna()]
    lengths = s.dropna().str.len()
    # Words as pandas counts them: runs of non-white-space, str.split() with no separator.
    words = s.dropna().str.split().str.len()
    exp = {"count": len(present), "missing": int(s.isna().sum()), "distinct": int(s.nunique())}
    return exp | {
        "min": min(present) if present else None,  # Python compares by code point
        "max": max(present) if present else None,
        "top": ranked_top(pd.Series(present, dtype=object).value_counts()),
        "length": (int(lengths.min()), float(lengths.mean()), int(lengths.max()), length_histogram(lengths))
        if present else None,
        "words": (int(words.min()), float(words.mean()), int(words.max())) if present else None,
    }


EXPECTATION_OF_KIND = {"numeric": numeric_expectation, "temporal": temporal_expectation,
                       "boolean": boolean_expectation, "text": text_expectation}


def expected_column(name, duckdb_type, series):
    kind = "numeric" if duckdb_type.startswith("DECIMAL") else KIND_OF_TYPE[duckdb_type]
    exp = {"name": name, "type": duckdb_type, "kind": kind,
           "mean": None, "std": None, "quantiles": None, "histogram": None, "length": None, "words": None}
    return exp | EXPECTATION_OF_KIND[kind](series)


def read_like_duckdb(path):
    """(rows, [(column, duckdb type, pandas Series)]) of a CSV file, read as DuckDB reads it."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
    types = {c: duckdb_type_of_text([v for v in raw[c] if v != ""]) for c in raw.columns}
    temporal = [c for c, t in types.items() if t == "TIMESTAMP"]
    typed = pd.read_csv(path, keep_default_na=False, na_values=[""],
                        float_precision="round_trip", parse_dates=temporal)
    assert list(typed.columns) == list(raw.columns) and len(typed) == len(raw)
    columns = []
    for c in raw.columns:
        if types[c] == "BOOLEAN":
            series = to_boolean(raw[c])
        elif types[c] in ("BIGINT", "DOUBLE"):
            series = typed[c]
            assert pd.api.types.is_numeric_dtype(series), f"{path.name}.{c}: pandas read {series.dtype}"
        elif types[c] == "TIMESTAMP":
            series = typed[c]
            assert pd.api.types.is_datetime64_dtype(series), f"{path.name}.{c}: pandas read {series.dtype}"
        else:
            series = raw[c].map(lambda v: v if v != "" else None).astype(object)
        columns.append((c, types[c], series))
    return len(raw), columns


def expected_profile(dataset, rows, columns):
    return {"dataset": dataset, "rows": rows,
            "columns": [expected_column(name, t, s) for name, t, s in columns]}


# ---------------------------------------------------------------- comparing

ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?")
EPOCH = datetime(1970, 1, 1)


def iso_micros(text):
    """Epoch microseconds of an ISO-8601 timestamp without zone, or None when it is not one."""
    if not isinstance(text, str):
        return None
    m = ISO.fullmatch(text)
    if not m:
        return None
    whole = datetime(*(int(g) for g in m.groups()[:6])) - EPOCH
    micros = (whole.days * 86_400 + whole.seconds) * 1_000_000
    if m.group(7):
        micros += Fraction(int(m.group(7)), 10 ** (len(m.group(7)) - 6)) if len(m.group(7)) > 6 \
            else int(m.group(7).ljust(6, "0"))
    return micros


def as_number(value):
    """A JSON number (or "NaN"/"Infinity"/"-Infinity") as float; None when it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if value in ("NaN", "Infinity", "-Infinity"):
        return float(value.replace("Infinity", "inf"))
    return None


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def close(actual, expected):
    return math.isclose(actual, expected, rel_tol=REL_TOL, abs_tol=ABS_TOL)


class Checker:
    """Collects every mismatch of one dataset."""

    def __init__(self, dataset):
        self.dataset = dataset
        self.problems = []

    def bad(self, where, stat, actual, expected, note=""):
        place = f"{self.dataset}.{where}" if where else self.dataset
        self.problems.append(f"{place} {stat}: Assay {actual!r}, pandas {expected!r}"
                             + (f" ({note})" if note else ""))

    def exact_int(self, where, stat, actual, expected):
        if not is_int(actual) or actual != expected:
            self.bad(where, stat, actual, expected)

    def null(self, where, stat, actual):
        if actual is not None:
            self.bad(where, stat, actual, None, "expected null")

    def value(self, where, stat, kind, actual, expected, tolerant):
        """One value of a column's kind: numbers exact or close, temporal within 1 us."""
        if expected is None:
            return self.null(where, stat, actual)
        if kind == "numeric":
            number = as_number(actual)
            ok = number is not None and (close(number, expected) if tolerant
                                         else number == expected or (math.isnan(number) and math.isnan(expected)))
            if not ok:
                self.bad(where, stat, actual, expected)
        elif kind == "temporal":
            micros = iso_micros(actual)
            tolerance = TEMPORAL_TOL_US if tolerant else 0
            if micros is None or abs(micros - expected) > tolerance:
                self.bad(where, stat, actual, iso_of_micros(expected),
                         f"epoch us {float(expected)!r}, allowed difference {tolerance} us")
        elif kind == "boolean":
            if not isinstance(actual, bool) or actual != expected:
                self.bad(where, stat, actual, expected)
        else:
            if not isinstance(actual, str) or actual != expected:
                self.bad(where, stat, actual, expected)

    def column(self, act, exp):
        where = exp["name"]
        missing_fields = [f for f in COLUMN_FIELDS if f not in act]
        if missing_fields:
            self.problems.append(f"{self.dataset}.{where}: fields missing from the profile: {missing_fields}")
            return
        kind = exp["kind"]
        for stat in ("type", "kind"):
            if act[stat] != exp[stat]:
                self.bad(where, stat, act[stat], exp[stat])
        for stat in ("count", "missing", "distinct"):
            self.exact_int(where, stat, act[stat], exp[stat])
        # Temporal min/max within 1 us as asked; exact for every other kind.
        for stat in ("min", "max"):
            self.value(where, stat, kind, act[stat], exp[stat], tolerant=(kind == "temporal"))

        if kind == "temporal":
            self.value(where, "mean", kind, act["mean"], exp["mean"], tolerant=True)
            self.null(where, "std", act["std"])
        elif kind == "numeric":
            self.value(where, "mean", kind, act["mean"], exp["mean"], tolerant=True)
            self.value(where, "std", kind, act["std"], exp["std"], tolerant=True)
        else:
            self.null(where, "mean", act["mean"])
            self.null(where, "std", act["std"])

        self.quantiles(where, kind, act["quantiles"], exp["quantiles"])
        self.histogram(where, kind, act["histogram"], exp["histogram"])
        self.top(where, kind, act["top"], exp["top"])
        self.length(where, act["length"], exp["length"])
        self.words(where, act["words"], exp["words"])
        if kind == "text":
            pii = act["pii"]
            if not isinstance(pii, dict) or set(pii) != PII_KEYS:
                self.bad(where, "pii", pii, f"an object with the keys {sorted(PII_KEYS)}")
        else:
            self.null(where, "pii", act["pii"])

    def quantiles(self, where, kind, actual, expected):
        if expected is None:
            return self.null(where, "quantiles", actual)
        if not isinstance(actual, dict) or set(actual) != set(QUANTILES):
            return self.bad(where, "quantiles", actual, f"an object with the keys {QUANTILES}")
        for key in QUANTILES:
            self.value(where, f"quantile {key}", kind, actual[key], expected[key], tolerant=True)

    def histogram(self, where, kind, actual, expected):
        if expected is None:
            return self.null(where, "histogram", actual)
        edges, counts, values = expected
        if not isinstance(actual, dict) or not isinstance(actual.get("edges"), list) \
                or not isinstance(actual.get("counts"), list):
            return self.bad(where, "histogram", actual, "an object with lists edges and counts")
        if len(actual["edges"]) != len(edges) or len(actual["counts"]) != len(counts):
            return self.bad(where, "histogram size",
                            f"{len(actual['edges'])} edges, {len(actual['counts'])} counts",
                            f"{len(edges)} edges, {len(counts)} counts")
        wrong_edges = []
        for i, (a, e) in enumerate(zip(actual["edges"], edges)):
            probe = Checker(self.dataset)
            probe.value(where, f"histogram edge {i}", kind, a, e, tolerant=True)
            wrong_edges += probe.problems
        if wrong_edges:
            self.problems.append(f"{self.dataset}.{where} histogram edges: {len(wrong_edges)} of "
                                 f"{len(edges)} differ, first: {wrong_edges[0]}")
        if not all(is_int(c) for c in actual["counts"]) or actual["counts"] != counts:
            diff = [i for i, (a, e) in enumerate(zip(actual["counts"], counts)) if a != e]
            self.bad(where, "histogram counts", actual["counts"], counts, f"bins {diff} differ")
        shown = actual.get("values")
        if values is None:
            if shown is not None:
                self.bad(where, "histogram values", shown, None, "equal-width bins have no values")
        elif not isinstance(shown, list) or [as_number(v) for v in shown] != values:
            self.bad(where, "histogram values", shown, values, "a bin per value")

    def top(self, where, kind, actual, expected):
        if not isinstance(actual, list) or not all(isinstance(t, dict) and set(t) >= {"value", "count"}
                                                   for t in actual):
            return self.bad(where, "top", actual, "a list of {value, count}")
        pairs = [(t["value"], t["count"]) for t in actual]
        ok = len(pairs) == len(expected)
        if ok:
            for (av, ac), (ev, ec) in zip(pairs, expected):
                probe = Checker(self.dataset)
                probe.value(where, "top value", kind, av, ev, tolerant=False)
                if probe.problems or not is_int(ac) or ac != ec:
                    ok = False
                    break
        if not ok:
            shown = [(iso_of_micros(v) if kind == "temporal" else v, c) for v, c in expected]
            self.bad(where, "top", pairs, shown)

    def length(self, where, actual, expected):
        if expected is None:
            return self.null(where, "length", actual)
        if not isinstance(actual, dict) or not {"min", "mean", "max"} <= set(actual):
            return self.bad(where, "length", actual, "an object with min, mean, max")
        low, mean, high, lengths = expected
        self.exact_int(where, "length.min", actual["min"], low)
        self.exact_int(where, "length.max", actual["max"], high)
        number = as_number(actual["mean"])
        if number is None or not close(number, mean):
            self.bad(where, "length.mean", actual["mean"], mean)
        self.histogram(where + " length", "numeric", actual.get("histogram"), lengths)

    def words(self, where, actual, expected):
        if expected is None:
            return self.null(where, "words", actual)
        if not isinstance(actual, dict) or not {"min", "mean", "max"} <= set(actual):
            return self.bad(where, "words", actual, "an object with min, mean, max")
        low, mean, high = expected
        self.exact_int(where, "words.min", actual["min"], low)
        self.exact_int(where, "words.max", actual["max"], high)
        number = as_number(actual["mean"])
        if number is None or not close(number, mean):
            self.bad(where, "words.mean", actual["mean"], mean)

    def profile(self, act, exp):
        if not isinstance(act, dict):
            self.problems.append(f"{self.dataset}: the profile is not a JSON object: {act!r}")
            return
        if act.get("kind") != "profile":
            self.bad("", "kind", act.get("kind"), "profile")
        if act.get("dataset") != exp["dataset"]:
            self.bad("", "dataset", act.get("dataset"), exp["dataset"])
        self.exact_int("", "rows", act.get("rows"), exp["rows"])
        findings = act.get("findings")
        if not isinstance(findings, list) or not all(
                isinstance(f, dict) and {"column", "kind", "message"} <= set(f) for f in findings):
            self.bad("", "findings", findings, "a list of {column, kind, message}")
        columns = act.get("columns")
        names = [c.get("name") for c in columns] if isinstance(columns, list) else columns
        expected_names = [c["name"] for c in exp["columns"]]
        if names != expected_names:
            self.bad("", "column names", names, expected_names)
        if not isinstance(columns, list):
            return
        by_name = {c.get("name"): c for c in columns if isinstance(c, dict)}
        for exp_col in exp["columns"]:
            if exp_col["name"] in by_name:
                self.column(by_name[exp_col["name"]], exp_col)


def iso_of_micros(micros):
    """An ISO string of epoch microseconds, for messages."""
    if micros is None:
        return None
    whole = math.floor(micros)
    text = pd.Timestamp(int(whole), unit="us").isoformat()
    fraction = micros - whole
    return text + (f" + {float(fraction)} us" if fraction else "")


def check(dataset, actual, expected):
    checker = Checker(dataset)
    checker.profile(actual, expected)
    if checker.problems:
        types = ", ".join(f"{c['name']}: {c['type']}" for c in expected["columns"])
        pytest.fail(f"{len(checker.problems)} statistics of `profile {dataset}` differ from pandas "
                    f"(expected types: {types}):\n  " + "\n  ".join(checker.problems),
                    pytrace=False)


# ---------------------------------------------------------------- tests


@pytest.mark.parametrize("dataset", DATASETS)
def test_profile_matches_pandas(kernel, dataset):
    path = DATA_DIR / f"{dataset}.csv"
    assert path.is_file(), f"missing {path}"
    rows, columns = read_like_duckdb(path)
    expected = expected_profile(dataset, rows, columns)
    run_cell(kernel, load_cell(dataset, path))
    check(dataset, profile_json(kernel, dataset), expected)


def test_decimal_profile_matches_pandas(kernel):
    """DECIMAL columns made by %%sql profile like the same values read as float64 by pandas."""
    path = DATA_DIR / "diamonds.csv"
    assert path.is_file(), f"missing {path}"
    rows, columns = read_like_duckdb(path)
    source = {name: series for name, _, series in columns}
    expected = expected_profile("dec", rows, [
        ("price_dec", "DECIMAL(10,2)", source["price"].astype(np.float64)),
        ("carat_dec", "DECIMAL(4,2)", source["carat"].astype(np.float64)),
    ])
    run_cell(kernel, load_cell("diamonds_for_decimal", path))
    run_cell(kernel, "%%sql dec\n"
                     "SELECT CAST(price AS DECIMAL(10,2)) AS price_dec, "
                     "CAST(carat AS DECIMAL(4,2)) AS carat_dec FROM diamonds_for_decimal")
    check("dec", profile_json(kernel, "dec"), expected)


def test_sms_text_profile_matches_pandas(kernel):
    """Free text: word counts (as pandas' str.split), string lengths and their histogram, and
    top values against pandas on the SMS Spam Collection (tab-separated, no quoting)."""
    import csv
    path = DATA_DIR / "sms_spam.tsv"
    assert path.is_file(), f"missing {path}"
    sms = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False, na_values=[""], dtype=str)
    run_cell(kernel, "%%assay\nsms_text = load " + assay_string(str(path))
             + " with (delimiter='\\t', quote='', header=true)")
    actual = profile_json(kernel, "sms_text")
    expected = expected_profile("sms_text", len(sms), [(c, "VARCHAR", sms[c].astype(object)) for c in sms.columns])
    check("sms_text", actual, expected)
    message = next(c for c in actual["columns"] if c["name"] == "SMS")
    assert message["words"]["max"] > 100 and message["length"]["histogram"]["values"] is None, \
        "messages of up to 910 characters: 50 equal bins of lengths"
