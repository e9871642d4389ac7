"""Assay's pinned versions (``pin``, ``versions``, ``load pin``, ``diff``) against an independent
Python implementation, on the real datasets in ``../shared/data`` (taxis, penguins, titanic,
diamonds, iris and the SMS Spam Collection) and on a Parquet file of awkward values.

Every reference value is computed here, in the same run, with hashlib, pandas and pyarrow from
the data files themselves (or from values written here); nothing is copied from Assay's
output. The fingerprint is reproduced from its specification in docs/versions.md ("To
reproduce it elsewhere"): the column types that choose each value's encoding are the types
expected here (and checked against the pin's schema), every value comes from pandas or from
the Python lists written to Parquet. Runs under the Python of ``../shared/tools/pyenv``
(pandas, pyarrow, jupyter_client 8):

    ASSAY_SHARED=../shared JUPYTER_PATH=target/jupyter-prefix/share/jupyter \\
        target/pyenv/bin/python -m pytest -q tests/data/test_versions_vs_python.py

ASSAY_JAR and JUPYTER_PATH work as in tests/data/test_profile_vs_pandas.py (through
tests/assay_kernelspec.py). One kernel serves every test of this module; its version store is
a temporary folder (``assay.useStore``), and the tests that need a store of their own (bad
labels, tampering) switch to a fresh one and back.

How pandas is made to read the CSV files as DuckDB does (differences that are not Assay's):

- missing = an empty field only (DuckDB's default null string): ``keep_default_na=False,
  na_values=[""]``; a NaN in a frame read from CSV is therefore a missing field (the files
  hold no NaN text), encoded as NULL;
- floats parsed correctly rounded (``float_precision="round_trip"``), as DuckDB does;
- integer columns with missing values are float64 in pandas and BIGINT in DuckDB: their
  (integral) floats are written as the integers they are;
- true/false and yes/no columns are BOOLEAN in DuckDB (titanic's ``alive`` is yes/no text in
  pandas): the words are read as the booleans they are;
- ``YYYY-MM-DD HH:MM:SS`` columns are TIMESTAMP (pandas ``parse_dates``);
- the SMS file has no quoting: ``quote=''`` in Assay, ``QUOTE_NONE`` in pandas.
"""

import csv
import hashlib
import math
import os
import re
import sys
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import cell_error, result_json, run_cell  # noqa: E402  (tests/data/kernel_cells.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
# $ASSAY_SHARED/data, by default ../shared/data beside the clone (tests/run-all sets it).
DATA_DIR = Path(os.environ.get("ASSAY_SHARED") or REPO_ROOT.parent / "shared") / "data"

REL_TOL = 1e-12
EXAMPLES = 5  # examples listed by diff


# ---------------------------------------------------------------- the reference fingerprint

INTEGER_TYPES = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
                 "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"}
DECIMAL_TYPE = re.compile(r"DECIMAL\((\d+),\s*(\d+)\)")
BOOLEAN_WORDS = {"true": True, "false": False, "yes": True, "no": False}
EPOCH_DATE = date(1970, 1, 1)
EPOCH = datetime(1970, 1, 1)
EPOCH_UTC = datetime(1970, 1, 1, tzinfo=timezone.utc)
ONE_US = timedelta(microseconds=1)


def as_bool(value):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, str) and value.lower() in BOOLEAN_WORDS:  # a CSV word DuckDB reads as BOOLEAN
        return BOOLEAN_WORDS[value.lower()]
    raise TypeError(f"not a boolean: {value!r}")


def as_int(value):
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"a boolean in an integer column: {value!r}")
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return int(value)  # pandas reads an integer column with missing values as float64
    raise TypeError(f"not an integer: {value!r}")


def epoch_micros(value):
    """Microseconds since 1970-01-01 00:00 UTC (a naive value is taken as UTC, as DuckDB does)."""
    if isinstance(value, pd.Timestamp):
        ns = value.as_unit("ns").value  # the instant, in ns, for naive and aware values alike
        assert ns % 1000 == 0, f"{value!r} is finer than a microsecond"
        return ns // 1000
    if isinstance(value, datetime):
        return (value - (EPOCH_UTC if value.tzinfo is not None else EPOCH)) // ONE_US
    raise TypeError(f"not a timestamp: {value!r}")


def field(value, column_type):
    """One value's field in the row text, per docs/versions.md; None (NULL) is the empty field."""
    if value is None:
        return ""
    t = column_type.upper()
    if t == "BOOLEAN":
        return "true" if as_bool(value) else "false"
    if t in INTEGER_TYPES:
        return str(as_int(value))
    decimal = DECIMAL_TYPE.fullmatch(t)
    if decimal:
        scale = int(decimal.group(2))
        exact = value if isinstance(value, Decimal) else Decimal(str(value))
        fixed = exact.quantize(Decimal(1).scaleb(-scale))
        assert fixed == exact, f"{value!r} has more than {scale} decimals"
        return format(fixed, "f")
    if t in ("FLOAT", "DOUBLE"):
        x = float(value)  # a FLOAT is written as the double it is
        return "nan" if math.isnan(x) else "%.17g" % x
    if t == "DATE":
        day = value.date() if isinstance(value, datetime) else value
        return str((day - EPOCH_DATE).days)
    if t == "TIME":
        return str(((value.hour * 60 + value.minute) * 60 + value.second) * 1_000_000 + value.microsecond)
    if t == "TIMESTAMP_NS":
        return str(pd.Timestamp(value).as_unit("ns").value)
    if t.startswith("TIMESTAMP"):
        return str(epoch_micros(value))
    if t == "BLOB":
        text = bytes(value).hex().upper()
        return f"{len(text)}:{text}"
    if not isinstance(value, str):
        raise TypeError(f"a {type(value).__name__} in a {column_type} column: {value!r}")
    return f"{len(value.encode('utf-8'))}:{value}"


def fingerprint_text(schema, rows):
    """The text whose SHA-256 is the fingerprint; schema [(name, type)], rows tuples (None = NULL)."""
    types = [t for _, t in schema]
    count = sum0 = sum1 = 0
    for row in rows:
        assert len(row) == len(types), f"a row of {len(row)} values for {len(types)} columns"
        text = "|".join(field(v, t) for v, t in zip(row, types))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        sum0 += int(digest[:16], 16)
        sum1 += int(digest[16:32], 16)
        count += 1
    lines = ["assay-fingerprint 1", f"columns {len(schema)}"]
    lines += [f"{len(name.encode('utf-8'))}:{name} {t}" for name, t in schema]
    lines += [f"rows {count}", f"sum0 {sum0}", f"sum1 {sum1}"]
    return "".join(line + "\n" for line in lines)


def fingerprint(schema, rows):
    return "sha256:" + hashlib.sha256(fingerprint_text(schema, rows).encode("utf-8")).hexdigest()


def frame_rows(frame):
    """A frame's rows as tuples, every missing cell (NaN, NaT, None) as None."""
    cells = frame.astype(object)
    cells = cells.where(frame.notna(), None)
    return list(cells.itertuples(index=False, name=None))


def frame_fingerprint(frame, types):
    return fingerprint(list(zip(frame.columns, types)), frame_rows(frame))


# ---------------------------------------------------------------- the datasets, read by pandas

T, B, D, V, BOOL = "TIMESTAMP", "BIGINT", "DOUBLE", "VARCHAR", "BOOLEAN"
# The DuckDB type of every column of each file, in file order (they choose the encoding).
FILE_TYPES = {
    "taxis": [T, T, B, D, D, D, D, D, V, V, V, V, V, V],
    "penguins": [V, V, D, D, B, B, V],
    "titanic": [B, B, V, D, B, B, D, V, V, V, BOOL, V, V, BOOL, BOOL],
    "iris": [D, D, D, D, V],
    "diamonds": [D, V, V, V, D, D, B, D, D, D],
    "sms": [V, V],
}
FILES = {name: f"{name}.csv" for name in FILE_TYPES}
FILES["sms"] = "sms_spam.tsv"
LOAD_OPTIONS = {"sms": r" with (delimiter='\t', quote='', header=true)"}


@lru_cache(maxsize=None)
def _read(name):
    path = DATA_DIR / FILES[name]
    assert path.is_file(), f"missing {path}"
    if name == "sms":
        return pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False,
                           na_values=[""], dtype=str)
    header = pd.read_csv(path, nrows=0).columns
    stamps = [c for c, t in zip(header, FILE_TYPES[name]) if t == T]
    return pd.read_csv(path, keep_default_na=False, na_values=[""], float_precision="round_trip",
                       parse_dates=stamps)


def read(name):
    """A data file read by pandas as DuckDB reads it (a fresh copy)."""
    return _read(name).copy()


def schema_of(frame, types):
    return [{"name": c, "type": t} for c, t in zip(frame.columns, types)]


# ---------------------------------------------------------------- talking to the kernel

def assay_string(text):
    """A single-quoted string literal of the Assay language."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def java_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def use_store(kernel, directory):
    run_cell(kernel, f"assay.useStore({java_string(str(directory))});")


def load(kernel, dataset, name=None):
    """Loads data file `name` (default: the dataset's name) into the kernel as `dataset`."""
    name = name or dataset
    run_cell(kernel, f"%%assay\n{dataset} = load {assay_string(str(DATA_DIR / FILES[name]))}"
             + LOAD_OPTIONS.get(name, ""))


def pin(kernel, dataset, label):
    """Runs `pin DATASET as 'LABEL'`; its JSON."""
    result = result_json(kernel, f"%%assay\npin {dataset} as {assay_string(label)}")
    assert result.get("kind") == "pin" and result.get("dataset") == dataset and result.get("label") == label, \
        f"pin {dataset} as '{label}': {result}"
    return result


def load_pin(kernel, dataset, ref):
    """Runs `DATASET = load pin 'REF'`; the JSON of the version it loaded."""
    result = result_json(kernel, f"%%assay\n{dataset} = load pin {assay_string(ref)}")
    assert result.get("kind") == "load" and isinstance(result.get("version"), dict), \
        f"{dataset} = load pin '{ref}': {result}"
    return result["version"]


def sql(kernel, name, query):
    run_cell(kernel, f"%%sql {name}\n{query}")


def check_fields(what, actual, expected):
    """Fails with every field of `expected` that differs in `actual`, named by `what`."""
    problems = [f"{what} {field_name}: Assay {actual.get(field_name)!r}, Python {value!r}"
                for field_name, value in expected.items() if actual.get(field_name) != value]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def check_fingerprint(what, actual, schema, rows):
    expected = fingerprint(schema, rows)
    if actual != expected:
        pytest.fail(f"{what}: Assay's fingerprint {actual}, Python's {expected}, from the text\n"
                    + fingerprint_text(schema, rows), pytrace=False)


def snapshot_file(store, fp):
    return Path(store) / "snapshots" / (fp.removeprefix("sha256:") + ".parquet")


def same_value(actual, expected):
    """A JSON value from Assay equals a Python value (None = null, numbers compared as numbers)."""
    if expected is None:
        return actual is None
    if isinstance(expected, (bool, np.bool_)):
        return isinstance(actual, bool) and actual == bool(expected)
    if isinstance(expected, str):
        return actual == expected
    return isinstance(actual, (int, float)) and not isinstance(actual, bool) and float(actual) == float(expected)


def same_row(actual, expected):
    return isinstance(actual, list) and len(actual) == len(expected) \
        and all(same_value(a, e) for a, e in zip(actual, expected))


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def store_dir(kernel, tmp_path_factory):
    """The module's version store: a folder of its own, empty at the start."""
    return tmp_path_factory.mktemp("versions") / "store"


@pytest.fixture
def store(kernel, store_dir):
    """The module's store, made the kernel's store again for this test."""
    use_store(kernel, store_dir)
    return store_dir


# ---------------------------------------------------------------- 1. fingerprints of the files

@pytest.mark.parametrize("name", ["taxis", "penguins", "titanic", "diamonds", "sms"])
def test_pin_fingerprint_matches_python(kernel, store, name):
    frame, types = read(name), FILE_TYPES[name]
    load(kernel, name)
    result = pin(kernel, name, name)
    # The file as DuckDB reads it: its columns, their types and its row count.
    check_fields(f"pin {name}", result, {
        "version": 1, "added": True, "rows": len(frame), "schema": schema_of(frame, types),
        "parents": []})
    check_fingerprint(f"pin {name}", result["fingerprint"], list(zip(frame.columns, types)), frame_rows(frame))
    # A file loaded from disk has no pinned parent; its one operation is its load statement.
    assert result["operations"] and result["command"] == result["operations"][-1], f"pin {name}: {result}"
    assert result["command"].startswith(f"{name} = load ") and FILES[name] in result["command"], \
        f"pin {name} command: {result['command']!r}"
    snapshot = snapshot_file(store, result["fingerprint"])
    assert snapshot.is_file(), f"pin {name}: no snapshot {snapshot}"
    assert result["snapshot_bytes"] == snapshot.stat().st_size, \
        f"pin {name} snapshot_bytes {result['snapshot_bytes']}, the file has {snapshot.stat().st_size}"


def test_sms_values_are_read_as_pandas_reads_them(kernel, store):
    """The SMS file as Assay reads it: the free text with '|', quotes and unicode survives intact
    (the whole-file fingerprint above agrees; this says so row by row on the awkward rows)."""
    frame = read("sms")
    awkward = frame[frame["SMS"].str.contains("|", regex=False)
                    | frame["SMS"].str.contains('"', regex=False)
                    | frame["SMS"].map(lambda s: not s.isascii())]
    assert len(awkward) > 100 and frame["SMS"].str.contains("|", regex=False).sum() >= 10
    load(kernel, "sms")
    sql(kernel, "sms_awkward", "SELECT * FROM sms WHERE contains(SMS, '|') OR contains(SMS, '\"') "
        "OR strlen(SMS) <> length(SMS)")  # more bytes than characters: not ASCII
    result = pin(kernel, "sms_awkward", "sms-awkward")
    check_fields("pin sms_awkward", result, {"rows": len(awkward)})
    check_fingerprint("pin sms_awkward", result["fingerprint"], [("Label", V), ("SMS", V)], frame_rows(awkward))


# ---------------------------------------------------------------- 2. order and format

# pyarrow types that DuckDB reads as the CSV's types (int64 BIGINT, float64 DOUBLE, string
# VARCHAR, timestamp[us] TIMESTAMP), so that only the order and the format differ.
ARROW_TYPES = {T: pa.timestamp("us"), B: pa.int64(), D: pa.float64(), V: pa.string(), BOOL: pa.bool_()}


@pytest.mark.parametrize("name", ["taxis", "penguins", "titanic"])
def test_shuffled_parquet_has_the_csv_fingerprint(kernel, store, tmp_path, name):
    frame, types = read(name), FILE_TYPES[name]
    expected = frame_fingerprint(frame, types)
    shuffled = frame.sample(frac=1, random_state=7).reset_index(drop=True)
    assert frame_rows(shuffled) != frame_rows(frame), "the shuffle left the rows in place"
    columns = {}
    for c, t in zip(frame.columns, types):
        values = [None if v is None else (as_bool(v) if t == BOOL else as_int(v) if t == B else v)
                  for v in (r[0] for r in frame_rows(shuffled[[c]]))]
        columns[c] = pa.array(values, type=ARROW_TYPES[t])
    path = tmp_path / f"{name}-shuffled.parquet"
    pq.write_table(pa.table(columns), path)

    run_cell(kernel, f"%%assay\n{name}_pq = load {assay_string(str(path))}")
    result = pin(kernel, f"{name}_pq", f"{name}-parquet")
    check_fields(f"pin {name}_pq", result, {"rows": len(frame), "schema": schema_of(frame, types)})
    assert result["fingerprint"] == expected, \
        f"{name} shuffled into Parquet: Assay {result['fingerprint']}, Python (the CSV's rows) {expected}"
    # The CSV pinned as it is gives that fingerprint too, and diff sees the same multiset.
    load(kernel, name)
    assert pin(kernel, name, f"{name}-csv")["fingerprint"] == expected
    diff = result_json(kernel, f"%%assay\ndiff {name} {name}_pq")
    check_fields(f"diff {name} {name}_pq", diff, {"kind": "diff", "identical": True})
    check_fields(f"diff {name} {name}_pq rows", diff["rows"], {"only_in_from": 0, "only_in_to": 0})


# ---------------------------------------------------------------- awkward values

def edge_columns():
    """Columns of awkward values, as (name, DuckDB type, pyarrow type, Python values)."""
    f32 = [float(np.float32(x)) for x in (0.1, 3.4e38, 1e-45)]
    return [
        ("b", "BOOLEAN", pa.bool_(), [True, False, None, True, False, True]),
        ("i8", "TINYINT", pa.int8(), [-128, 0, None, 127, -1, 5]),
        ("i32", "INTEGER", pa.int32(), [-2147483648, 2147483647, 0, None, -7, 42]),
        ("u64", "UBIGINT", pa.uint64(), [2 ** 64 - 1, 0, None, 1, 2 ** 63, 12345678901234567890]),
        ("dec", "DECIMAL(9,2)", pa.decimal128(9, 2),
         [Decimal("1.50"), Decimal("-0.05"), None, Decimal("1234567.89"), Decimal("0.00"), Decimal("-12.30")]),
        ("f32", "FLOAT", pa.float32(), [f32[0], -0.0, float("nan"), None, f32[1], f32[2]]),
        ("f64", "DOUBLE", pa.float64(), [0.1, 1e300, -0.0, 0.0, float("inf"), 5e-324]),
        ("f64b", "DOUBLE", pa.float64(), [float("-inf"), None, float("nan"), 1 / 3, -2.5e-10, 123456789012345678.0]),
        ("d", "DATE", pa.date32(), [date(1969, 12, 31), date(1970, 1, 1), date(2024, 2, 29), None,
                                    date(1, 1, 1), date(9999, 12, 31)]),
        ("tm", "TIME", pa.time64("us"), [time(0, 0), time(23, 59, 59, 999999), None, time(12, 0, 0, 1),
                                         time(1, 2, 3), time(0, 0, 0, 1)]),
        ("ts", "TIMESTAMP", pa.timestamp("us"),
         [datetime(1969, 12, 31, 23, 59, 59, 999999), datetime(2019, 3, 23, 20, 21, 9), None,
          datetime(1900, 1, 1), datetime(2262, 4, 12), datetime(1970, 1, 1, 0, 0, 0, 1)]),
        ("tz", "TIMESTAMP WITH TIME ZONE", pa.timestamp("us", tz="UTC"),
         [datetime(2020, 1, 1, tzinfo=timezone.utc), None, datetime(1960, 6, 1, 12, 30, tzinfo=timezone.utc),
          datetime(2000, 2, 29, 23, 59, 59, 500000, tzinfo=timezone.utc), datetime(1970, 1, 1, tzinfo=timezone.utc),
          datetime(2038, 1, 19, 3, 14, 8, tzinfo=timezone.utc)]),
        ("s", "VARCHAR", pa.string(), ["", None, "a|b", "naïve — 😀", "5:hello", "line\nbreak|\t"]),
        ("bl", "BLOB", pa.binary(), [b"", b"\x00\xff|", None, "😀".encode(), b"abc", bytes(range(16))]),
    ]


def test_awkward_values_follow_the_documented_encoding(kernel, store, tmp_path):
    """Every encoding rule of the table in docs/versions.md, on values written here to Parquet:
    signs, widths, DECIMAL scale, %.17g (0.1, 1e300, subnormals, -0.0 vs 0.0, inf, nan vs NULL),
    days and microseconds before 1970, time zones, '' vs NULL, '|' and unicode in text, BLOB hex."""
    columns = edge_columns()
    path = tmp_path / "awkward.parquet"
    pq.write_table(pa.table({n: pa.array(values, type=at) for n, _, at, values in columns}), path)
    schema = [(n, t) for n, t, _, _ in columns]
    rows = list(zip(*(values for _, _, _, values in columns)))

    run_cell(kernel, f"%%assay\nawkward = load {assay_string(str(path))}")
    result = pin(kernel, "awkward", "awkward")
    check_fields("pin awkward", result, {"rows": len(rows), "schema": [{"name": n, "type": t} for n, t in schema]})
    check_fingerprint("pin awkward", result["fingerprint"], schema, rows)

    # Each column alone too, so that a failure names the rule that differs.
    wrong = []
    for n, t, _, values in columns:
        sql(kernel, f"awkward_{n}", f'SELECT "{n}" FROM awkward')
        got = pin(kernel, f"awkward_{n}", f"awkward-{n}")["fingerprint"]
        if got != fingerprint([(n, t)], [(v,) for v in values]):
            wrong.append(f"{n} {t}: fields {[field(v, t) for v in values]}")
    assert not wrong, "columns whose fingerprint differs from Python's:\n" + "\n".join(wrong)


# ---------------------------------------------------------------- 3. sensitivity

def test_each_change_changes_the_fingerprint_as_python_predicts(kernel, store):
    frame, types = read("penguins"), FILE_TYPES["penguins"]
    schema = list(zip(frame.columns, types))
    load(kernel, "penguins")
    base = pin(kernel, "penguins", "sens-base")["fingerprint"]
    check_fingerprint("pin penguins", base, schema, frame_rows(frame))

    # One row picked by its values: exactly one row has them.
    picked = "flipper_length_mm = 181 AND body_mass_g = 3750"
    where = (frame["flipper_length_mm"] == 181) & (frame["body_mass_g"] == 3750)
    assert where.sum() == 1

    changed = frame.copy()
    changed.loc[where, "body_mass_g"] += 1
    renamed = frame.rename(columns={"sex": "gender"})
    as_integer = [(c, "INTEGER" if c == "body_mass_g" else t) for c, t in schema]
    variants = [
        # (dataset, SQL, the Python schema, the Python frame)
        ("changed_cell", f"SELECT * REPLACE (CASE WHEN {picked} THEN body_mass_g + 1 ELSE body_mass_g END "
                         "AS body_mass_g) FROM penguins", schema, changed),
        ("duplicated_row", f"SELECT * FROM penguins UNION ALL SELECT * FROM penguins WHERE {picked}",
         schema, pd.concat([frame, frame[where]], ignore_index=True)),
        ("removed_row", f"SELECT * FROM penguins WHERE ({picked}) IS NOT TRUE", schema, frame[~where]),
        ("as_integer", "SELECT * REPLACE (CAST(body_mass_g AS INTEGER) AS body_mass_g) FROM penguins",
         as_integer, frame),
        ("renamed", "SELECT * RENAME (sex AS gender) FROM penguins", list(zip(renamed.columns, types)), renamed),
    ]
    seen = {base: "penguins"}
    for name, query, exp_schema, exp_frame in variants:
        sql(kernel, name, query)
        result = pin(kernel, name, f"sens-{name.replace('_', '-')}")
        check_fields(f"pin {name}", result, {"rows": len(exp_frame),
                                             "schema": [{"name": n, "type": t} for n, t in exp_schema]})
        assert result["fingerprint"] not in seen, \
            f"{name} has the fingerprint of {seen.get(result['fingerprint'])}: {result['fingerprint']}"
        seen[result["fingerprint"]] = name
        check_fingerprint(f"pin {name}", result["fingerprint"], exp_schema, frame_rows(exp_frame))

    # INTEGER back to BIGINT: the same schema and rows as the file, so the file's fingerprint.
    sql(kernel, "as_bigint", "SELECT * REPLACE (CAST(body_mass_g AS BIGINT) AS body_mass_g) FROM as_integer")
    assert pin(kernel, "as_bigint", "sens-as-bigint")["fingerprint"] == base


# ---------------------------------------------------------------- 4. versions and lineage

def test_versions_and_lineage(kernel, store):
    frame, types = read("iris"), FILE_TYPES["iris"]
    schema = list(zip(frame.columns, types))
    load(kernel, "iris")
    first = pin(kernel, "iris", "raw")
    check_fields("pin iris as 'raw'", first, {"version": 1, "added": True, "rows": 150, "parents": []})
    check_fingerprint("pin iris as 'raw'", first["fingerprint"], schema, frame_rows(frame))
    fp1 = first["fingerprint"]

    # The same content again: the same version, nothing added.
    again = pin(kernel, "iris", "raw")
    check_fields("pin iris as 'raw' (again)", again, {"version": 1, "added": False, "fingerprint": fp1})
    load(kernel, "iris_again", "iris")
    check_fields("pin iris_again as 'raw'", pin(kernel, "iris_again", "raw"),
                 {"version": 1, "added": False, "fingerprint": fp1})

    # Changed content: version 2, made by SQL from iris, which now counts as raw@1.
    query = "SELECT * FROM iris WHERE species <> 'setosa'"
    sql(kernel, "iris2", query)
    second = pin(kernel, "iris2", "raw")
    part = frame[frame["species"] != "setosa"]
    check_fields("pin iris2 as 'raw'", second, {
        "version": 2, "added": True, "rows": len(part),
        "parents": [{"label": "raw", "version": 1, "fingerprint": fp1}]})
    check_fingerprint("pin iris2 as 'raw'", second["fingerprint"], schema, frame_rows(part))
    assert second["command"] and query in second["command"], f"raw@2 command: {second['command']!r}"
    fp2 = second["fingerprint"]

    # load pin: a version by number, and the latest by label alone.
    loaded = load_pin(kernel, "raw", "raw@1")
    check_fields("load pin 'raw@1'", loaded, {"label": "raw", "version": 1, "fingerprint": fp1})
    latest = load_pin(kernel, "latest", "raw")
    check_fields("load pin 'raw'", latest, {"label": "raw", "version": 2, "fingerprint": fp2})

    # Made from raw@1 by dedup: raw@1 is its parent, the dedup its operation.
    run_cell(kernel, "%%assay\nclean = dedup raw on species")
    clean = pin(kernel, "clean", "clean")
    check_fields("pin clean as 'clean'", clean, {
        "version": 1, "added": True, "rows": frame["species"].nunique(),
        "parents": [{"label": "raw", "version": 1, "fingerprint": fp1}],
        "command": "clean = dedup raw on species"})
    assert "clean = dedup raw on species" in clean["operations"], f"clean operations: {clean['operations']}"

    # What load pin gave is that version's content: pinned under another label, the same fingerprint.
    # (Done after the dedup: once pinned as 'raw-copy', raw counts as raw-copy@1 for what is made from it.)
    check_fields("pin raw as 'raw-copy'", pin(kernel, "raw", "raw-copy"), {"version": 1, "fingerprint": fp1})
    check_fields("pin latest as 'raw-latest-copy'", pin(kernel, "latest", "raw-latest-copy"),
                 {"version": 1, "fingerprint": fp2})

    history = result_json(kernel, "%%assay\nversions 'clean'")
    check_fields("versions 'clean'", history, {"kind": "versions", "label": "clean", "missing_ancestors": []})
    assert [(v["label"], v["version"], v["fingerprint"]) for v in history["versions"]] == \
        [("clean", 1, clean["fingerprint"])], f"versions 'clean': {history['versions']}"
    assert [(v["label"], v["version"], v["fingerprint"]) for v in history["lineage"]] == [("raw", 1, fp1)], \
        f"versions 'clean' lineage: {history['lineage']}"

    history = result_json(kernel, "%%assay\nversions 'raw'")
    assert [(v["version"], v["fingerprint"], v["rows"]) for v in history["versions"]] == \
        [(1, fp1, 150), (2, fp2, len(part))], f"versions 'raw': {history['versions']}"
    assert [(v["label"], v["version"]) for v in history["lineage"]] == [("raw", 1)], \
        f"versions 'raw' lineage (of raw@2): {history['lineage']}"
    check_fields("versions 'raw'", history, {"missing_ancestors": []})


# ---------------------------------------------------------------- 5. diff

PEN_TYPES = [B] + FILE_TYPES["penguins"]
NUMERIC = {B, D, "INTEGER"}
DELETED, HEAVIER, MALE, NO_DEPTH, NEW_ID, REPEATED = [10, 20, 30], [1, 2, 3, 4], [2, 5, 7, 8], 60, 1000, 50
NEW_ROW = (NEW_ID, "Gentoo", "Biscoe", 50.5, 15.5, 220, 5500, "FEMALE")


def diff_sql(repeat):
    """Version 2 (with a repeated row) or 3 (without) of pen_id, by SQL."""
    query = (f"SELECT * REPLACE ("
             f"CASE WHEN id IN ({', '.join(map(str, HEAVIER))}) THEN body_mass_g + 100 ELSE body_mass_g END AS body_mass_g, "
             f"CASE WHEN id IN ({', '.join(map(str, MALE))}) THEN 'MALE' ELSE sex END AS sex, "
             f"CASE WHEN id = {NO_DEPTH} THEN NULL ELSE bill_depth_mm END AS bill_depth_mm) "
             f"FROM pen_id WHERE id NOT IN ({', '.join(map(str, DELETED))})\n"
             f"UNION ALL SELECT {NEW_ID}, 'Gentoo', 'Biscoe', 50.5::DOUBLE, 15.5::DOUBLE, 220::BIGINT, 5500::BIGINT, 'FEMALE'")
    return query + (f"\nUNION ALL SELECT * FROM pen_id WHERE id = {REPEATED}" if repeat else "")


def diff_frame(v1, repeat):
    """The same versions made with pandas."""
    v = v1[~v1["id"].isin(DELETED)].copy()
    v.loc[v["id"].isin(HEAVIER), "body_mass_g"] += 100
    v.loc[v["id"].isin(MALE), "sex"] = "MALE"
    v.loc[v["id"] == NO_DEPTH, "bill_depth_mm"] = np.nan
    parts = [v, pd.DataFrame([NEW_ROW], columns=v1.columns)]
    if repeat:
        parts.append(v1[v1["id"] == REPEATED])
    return pd.concat(parts, ignore_index=True)


def sort_key(row):
    """ORDER BY ALL: column by column, ascending, NULLs last."""
    return tuple((v is None, v if v is not None else 0) for v in row)


def expected_rows_diff(a_rows, b_rows):
    """Multiset differences both ways (NULLs equal), with the first examples in ORDER BY ALL order."""
    a, b = Counter(a_rows), Counter(b_rows)
    only_a, only_b = a - b, b - a
    return {"from": len(a_rows), "to": len(b_rows),
            "only_in_from": sum(only_a.values()), "only_in_to": sum(only_b.values()),
            "only_in_from_examples": sorted(only_a.elements(), key=sort_key)[:EXAMPLES],
            "only_in_to_examples": sorted(only_b.elements(), key=sort_key)[:EXAMPLES]}


def expected_summary(values, numeric):
    present = [v for v in values if v is not None]
    return {"count": len(present), "missing": len(values) - len(present), "distinct": len(set(present)),
            "mean": math.fsum(present) / len(present) if numeric and present else None}


def check_rows_diff(what, actual, columns, a_rows, b_rows):
    expected = expected_rows_diff(a_rows, b_rows)
    check_fields(f"{what} rows", actual, {k: expected[k] for k in ("from", "to", "only_in_from", "only_in_to")}
                 | {"compared_columns": columns})
    for side in ("only_in_from_examples", "only_in_to_examples"):
        got, want = actual[side], expected[side]
        assert len(got) == len(want) and all(same_row(g, w) for g, w in zip(got, want)), \
            f"{what} {side}: Assay {got}, Python {want}"


def check_summaries(what, actual, sides):
    """sides: [(name, type, from values or None, to values or None)] in the expected order."""
    assert [c["name"] for c in actual] == [s[0] for s in sides], \
        f"{what} columns: Assay {[c['name'] for c in actual]}, Python {[s[0] for s in sides]}"
    problems = []
    for column, (name, column_type, before, after) in zip(actual, sides):
        for side, values in (("from", before), ("to", after)):
            got = column[side]
            if values is None:
                if got is not None:
                    problems.append(f"{name} {side}: Assay {got}, Python null (no such column)")
                continue
            want = expected_summary(values, column_type in NUMERIC)
            if got is None:
                problems.append(f"{name} {side}: Assay null, Python {want}")
                continue
            for k in ("count", "missing", "distinct"):
                if got.get(k) != want[k]:
                    problems.append(f"{name} {side} {k}: Assay {got.get(k)}, Python {want[k]}")
            mean = got.get("mean")
            if (want["mean"] is None) != (mean is None) or (
                    mean is not None and not math.isclose(mean, want["mean"], rel_tol=REL_TOL)):
                problems.append(f"{name} {side} mean: Assay {mean}, Python {want['mean']}")
    if problems:
        pytest.fail(f"{what} column summaries:\n" + "\n".join(problems), pytrace=False)


def column_values(frame, name):
    return [r[0] for r in frame_rows(frame[[name]])]


def expected_keyed(v1, v3, key):
    """The keyed diff of two frames whose first column is the key; `changes` lists every
    changed value as (key, column, from, to), in key order and then column order."""
    a = {r[0]: r for r in frame_rows(v1)}
    b = {r[0]: r for r in frame_rows(v3)}
    assert list(v1.columns).index(key) == 0 and len(a) == len(v1) and len(b) == len(v3)
    columns = list(v1.columns)[1:]
    matched = sorted(a.keys() & b.keys())
    per_column = {c: 0 for c in columns}
    changed_keys, changes = [], []
    for k in matched:
        differs = [(i, c) for i, c in enumerate(columns, start=1) if a[k][i] != b[k][i]]  # None == None
        for i, c in differs:
            per_column[c] += 1
            changes.append((k, c, a[k][i], b[k][i]))
        if differs:
            changed_keys.append(k)
    added, removed = sorted(b.keys() - a.keys()), sorted(a.keys() - b.keys())
    return {"matched": len(matched), "changed": len(changed_keys), "added": len(added), "removed": len(removed),
            "changes_per_column": per_column, "changes": changes,
            "added_keys": [[k] for k in added[:EXAMPLES]], "removed_keys": [[k] for k in removed[:EXAMPLES]]}


def check_keyed(what, actual, expected):
    assert actual is not None, f"{what}: no keyed part"
    check_fields(f"{what} keyed", actual, {k: expected[k] for k in
                                          ("matched", "changed", "added", "removed", "changes_per_column",
                                           "added_keys", "removed_keys")})
    # The examples are the first changes in key order: at least EXAMPLES of them (all of the
    # rows they come from), each a true change, none skipped before the last one shown.
    got = [(e["key"], e["column"], e["from"], e["to"]) for e in actual["examples"]]
    changes = expected["changes"]
    shown = changes[:len(got)]
    ok = len(got) >= min(EXAMPLES, len(changes)) and len(got) <= len(changes) and all(
        same_row(g[0], [w[0]]) and g[1] == w[1] and same_value(g[2], w[2]) and same_value(g[3], w[3])
        for g, w in zip(got, shown))
    assert ok, f"{what} keyed examples: Assay {got}, Python's changes in key order begin {changes[:len(got) + 2]}"


@pytest.fixture(scope="module")
def pen_versions(kernel, store_dir):
    """pen@1 (penguins with an id), pen@2 (rows deleted, changed, added, one repeated) and pen@3
    (pen@2 without the repeat), made by SQL in the kernel and by pandas here; each checked by
    its fingerprint, so that the diffs below compare the same data."""
    use_store(kernel, store_dir)
    v1 = read("penguins")
    v1.insert(0, "id", range(1, len(v1) + 1))
    load(kernel, "penguins")
    # rowid is the file position (a premise the fingerprint check below confirms).
    sql(kernel, "pen_id", "SELECT row_number() OVER (ORDER BY rowid) AS id, * FROM penguins")
    sql(kernel, "pen2", diff_sql(repeat=True))
    sql(kernel, "pen3", diff_sql(repeat=False))
    frames = [v1, diff_frame(v1, repeat=True), diff_frame(v1, repeat=False)]
    for version, (dataset, frame) in enumerate(zip(["pen_id", "pen2", "pen3"], frames), start=1):
        result = pin(kernel, dataset, "pen")
        check_fields(f"pin {dataset} as 'pen'", result, {"version": version, "added": True,
                                                         "schema": schema_of(frame, PEN_TYPES)})
        check_fingerprint(f"pin {dataset} as 'pen'", result["fingerprint"],
                          list(zip(frame.columns, PEN_TYPES)), frame_rows(frame))
    return frames


def test_diff_of_versions_matches_pandas(kernel, store, pen_versions):
    v1, v2, _ = pen_versions
    columns = list(v1.columns)
    actual = result_json(kernel, "%%assay\ndiff 'pen@1' 'pen@2'")
    check_fields("diff 'pen@1' 'pen@2'", actual, {
        "kind": "diff", "on": [], "identical": False, "keyed": None,
        "schema": {"added": [], "removed": [], "changed": []}})
    check_rows_diff("diff 'pen@1' 'pen@2'", actual["rows"], columns, frame_rows(v1), frame_rows(v2))
    check_summaries("diff 'pen@1' 'pen@2'", actual["columns"],
                    [(c, t, column_values(v1, c), column_values(v2, c)) for c, t in zip(columns, PEN_TYPES)])


def test_keyed_diff_matches_pandas(kernel, store, pen_versions):
    v1, _, v3 = pen_versions
    columns = list(v1.columns)
    expected = expected_keyed(v1, v3, "id")
    # Guards the test data: some values of each changed column, in both directions of NULL.
    assert expected["changes_per_column"]["body_mass_g"] == 3 and expected["changes_per_column"]["sex"] >= 3
    for statement in ("diff 'pen@1' 'pen@3' on id", "diff pen_id pen3 on id"):
        actual = result_json(kernel, f"%%assay\n{statement}")
        check_fields(statement, actual, {"kind": "diff", "on": ["id"], "identical": False,
                                         "schema": {"added": [], "removed": [], "changed": []}})
        check_keyed(statement, actual["keyed"], expected)
        check_rows_diff(statement, actual["rows"], columns, frame_rows(v1), frame_rows(v3))
        check_summaries(statement, actual["columns"],
                        [(c, t, column_values(v1, c), column_values(v3, c)) for c, t in zip(columns, PEN_TYPES)])


def test_keyed_diff_refuses_a_repeated_key(kernel, store, pen_versions):
    message = cell_error(kernel, "%%assay\ndiff 'pen@1' 'pen@2' on id")
    assert str(REPEATED) in message and "key" in message, \
        f"diff on a key that repeats ({REPEATED} twice in pen@2) should say which: {message}"


def test_diff_of_schemas_matches_python(kernel, store, pen_versions):
    v1, _, _ = pen_versions
    sql(kernel, "pen_schema", "SELECT * EXCLUDE (sex) REPLACE (CAST(flipper_length_mm AS INTEGER) AS flipper_length_mm), "
        "CAST(body_mass_g AS DOUBLE) / 1000 AS mass_kg FROM pen_id")
    v4 = v1.drop(columns=["sex"]).assign(mass_kg=v1["body_mass_g"] / 1000)
    actual = result_json(kernel, "%%assay\ndiff pen_id pen_schema")
    check_fields("diff pen_id pen_schema", actual, {"identical": False, "schema": {
        "added": [{"name": "mass_kg", "type": "DOUBLE"}],
        "removed": [{"name": "sex", "type": "VARCHAR"}],
        "changed": [{"name": "flipper_length_mm", "from": "BIGINT", "to": "INTEGER"}]}})
    common = [c for c in v1.columns if c != "sex"]
    # flipper_length_mm (BIGINT -> INTEGER) is compared by value: the same numbers, so no row differs.
    check_rows_diff("diff pen_id pen_schema", actual["rows"], common,
                    frame_rows(v1[common]), frame_rows(v4[common]))
    types = dict(zip(v1.columns, PEN_TYPES)) | {"mass_kg": D}
    sides = [(c, types[c], column_values(v1, c), column_values(v4, c) if c in v4.columns else None)
             for c in v1.columns] + [("mass_kg", D, None, column_values(v4, "mass_kg"))]
    check_summaries("diff pen_id pen_schema", actual["columns"], sides)


# ---------------------------------------------------------------- 6. bad labels and versions

def tree(folder):
    """Every file and folder under `folder`, relative."""
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*"))


BAD_LABELS = [
    ("../x", "letters, digits"),
    ("a/b", "letters, digits"),
    ("", "letters, digits"),
    ("..", "letter"),
    ("x" * 101, "letters, digits"),
]


def test_bad_labels_and_unknown_versions_are_refused(kernel, store_dir, tmp_path_factory):
    parent = tmp_path_factory.mktemp("bad-labels")
    bad_store = parent / "store"
    use_store(kernel, bad_store)
    try:
        load(kernel, "x", "iris")
        before = tree(parent)
        for label, rule in BAD_LABELS:
            statement = f"pin x as {assay_string(label)}"
            message = cell_error(kernel, f"%%assay\n{statement}")
            # The label is on the cell's line 2 (the magic is line 1), its quote at column 10.
            assert rule in message and "line 2, column 10" in message, \
                f"{statement}: the error should give the rule ({rule!r}) and line 2, column 10: {message}"
            assert tree(parent) == before, f"{statement} wrote {sorted(set(tree(parent)) - set(before))}"
        for bad in ("'../x'", "'a/b'", "'..'"):
            for statement in (f"versions {bad}", f"y = load pin {bad}"):
                message = cell_error(kernel, f"%%assay\n{statement}")
                assert re.search(r"line 2, column \d+", message), f"{statement}: no position in {message}"
        assert tree(parent) == before, f"the bad labels wrote {sorted(set(tree(parent)) - set(before))}"

        message = cell_error(kernel, "%%assay\ny = load pin 'nope@1'")
        assert "'nope'" in message, f"load pin 'nope@1' should name the label: {message}"

        pin(kernel, "x", "raw")
        run_cell(kernel, "%%sql x2\nSELECT * FROM x LIMIT 10")
        check_fields("pin x2 as 'raw'", pin(kernel, "x2", "raw"), {"version": 2})
        message = cell_error(kernel, "%%assay\ny = load pin 'raw@99'")
        said = re.search(r"(?<!@)\b99\b(.*)", message)  # what follows the 99 (not 'raw@99' quoted back)
        assert said and re.search(r"\b1\b", said.group(1)) and re.search(r"\b2\b", said.group(1)), \
            f"load pin 'raw@99' should say that versions 1 and 2 exist: {message}"
        outside = [p for p in set(tree(parent)) - set(before) if p != "store" and not p.startswith("store" + os.sep)]
        assert not outside, f"written outside the store: {outside}"
    finally:
        use_store(kernel, store_dir)


# ---------------------------------------------------------------- 7. tampering

def test_a_changed_snapshot_is_refused(kernel, store_dir, tmp_path_factory):
    own_store = tmp_path_factory.mktemp("tampering") / "store"
    use_store(kernel, own_store)
    try:
        frame, types = read("titanic"), FILE_TYPES["titanic"]
        schema = list(zip(frame.columns, types))
        load(kernel, "titanic")
        fp = pin(kernel, "titanic", "tamper")["fingerprint"]
        check_fingerprint("pin titanic as 'tamper'", fp, schema, frame_rows(frame))
        snapshot = snapshot_file(own_store, fp)
        assert snapshot.is_file(), f"no snapshot at {snapshot}"
        original = snapshot.read_bytes()
        table = pq.read_table(snapshot)

        def rewrite(new_table, **options):
            snapshot.chmod(0o644)
            pq.write_table(new_table, snapshot, **options)

        # Other bytes, same content (rows shuffled, another compression): loads, as the same version.
        order = np.random.default_rng(3).permutation(table.num_rows)
        rewrite(table.take(pa.array(order)), compression="snappy")
        assert snapshot.read_bytes() != original
        check_fields("load pin 'tamper@1' (rewritten, same content)",
                     load_pin(kernel, "x", "tamper@1"), {"fingerprint": fp})
        check_fields("pin x as 'tamper'", pin(kernel, "x", "tamper"), {"version": 1, "added": False})

        # One value changed: refused, naming both fingerprints (the found one as Python computes it).
        ages = table.column("age").to_pylist()
        row = next(i for i, a in enumerate(ages) if a is not None)
        ages[row] += 1
        tampered = table.set_column(table.schema.get_field_index("age"), "age", pa.array(ages, type=pa.float64()))
        rewrite(tampered)
        found = fingerprint(schema, [tuple(r[c] for c, _ in schema) for r in tampered.to_pylist()])
        assert found != fp
        message = cell_error(kernel, "%%assay\nx = load pin 'tamper@1'")
        assert f"expected {fp}" in message and f"found {found}" in message, \
            f"load pin of a changed snapshot should say expected {fp}, found {found}: {message}"
        # The failed load left x as it was.
        check_fields("pin x as 'tamper' (after the failed load)", pin(kernel, "x", "tamper"),
                     {"version": 1, "added": False})

        # The original bytes load again; half of them do not.
        snapshot.write_bytes(original)
        check_fields("load pin 'tamper@1' (restored)",
                     load_pin(kernel, "x", "tamper@1"), {"fingerprint": fp})
        snapshot.write_bytes(original[:len(original) // 2])
        message = cell_error(kernel, "%%assay\nx = load pin 'tamper@1'")
        assert f"expected {fp}" in message, f"load pin of a truncated snapshot should say expected {fp}: {message}"
    finally:
        use_store(kernel, store_dir)


def test_wide_pin_fingerprint_matches_python(kernel, store, tmp_path):
    """Issue 21: the fingerprint of 1,100 columns (more than DuckDB's expression depth) is the
    same function of the rows as on narrow data, computed here with hashlib."""
    rows, half = 15, 549
    columns = {"id": list(range(rows))}
    for c in range(half):
        columns[f"n{c}"] = [None if (i + c) % 7 == 0 else ((i * (c + 3)) % 13) / 4.0 for i in range(rows)]
    for c in range(1_100 - 1 - half):
        columns[f"t{c}"] = [f"v{(i + 2 * c) % 5}|x" for i in range(rows)]
    frame = pd.DataFrame(columns)
    path = tmp_path / "wide.csv"
    frame.to_csv(path, index=False)
    run_cell(kernel, f"%%assay\nwide = load {assay_string(str(path))}")
    result = pin(kernel, "wide", "wide")
    types = [B] + [D] * half + [V] * (1_100 - 1 - half)
    check_fields("pin wide", result, {"rows": rows, "schema": schema_of(frame, types)})
    check_fingerprint("pin wide", result["fingerprint"], list(zip(frame.columns, types)), frame_rows(frame))
