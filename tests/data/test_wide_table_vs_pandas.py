"""A table of 2,000 columns through every statement of the language, in a real kernel, checked
against pandas, scipy and Python (issue 21, "Tests": wide data).

The data are generated here from a seed and written as Parquet (so that NaN and NULL stay
apart): ``wide`` has 2,000 rows and 2,000 columns (``id``, 1,000 numbers ``n0000``..``n0999``
with NULLs and NaN, some with few values, and 999 short texts ``t0000``..``t0998`` with
NULLs); ``wide2`` is a later version of it (300 rows unchanged, 900 rows with values shifted,
replaced or emptied, 800 rows gone and 300 new ones drawn from shifted distributions), for
drift, leakage and diff; ``wide_dups`` is ``wide`` with 100 repeated rows slipped in after
their originals, for duplicates, dedup and the duplicate rules of check.

Each statement is one test (load, profile, duplicates, dedup, split, leakage, drift, pin,
versions, diff, check, report) sharing one kernel, so that each failure is reported on its
own; a kernel that dies or hangs is started again (with the datasets loaded again) for the
next test. Every result is read from its JSON (``application/vnd.assay.result+json``) and
compared with a reference computed in this run from the generated values, by the reference
implementations of the narrow data tests (tests/data/test_*_vs_*.py, imported, not copied):
on a seeded sample of 20 columns spread across the table (the first, the last, the middle
and 14 drawn at random) where a statistic is per column (profile, named-column rules), and
on every column where the statistic is of the whole table or cheap in Python (drift of every
column against scipy, fingerprints, row and keyed diffs, whole-row duplicates, splits and
leakage). Every statement's output, as a notebook stores it, must stay under 2.5 KB a
column, 5 MB for 2,000 columns (a report, which holds a profile and a drift, under twice
that; its HTML page under 20 MB): a 10,000-column result must not make a 100 MB notebook.
``ASSAY_WIDE_COLUMNS=60`` runs the same tests on a narrower table, to check the test itself.

Runs under the Python of ``../shared/tools/pyenv`` (numpy, pandas, scipy, pyarrow,
jupyter_client 8):

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar JUPYTER_PATH=target/jupyter-prefix/share/jupyter \\
        target/pyenv/bin/python -m pytest -v tests/data/test_wide_table_vs_pandas.py
"""

import json
import math
import os
import signal
import sys
import threading
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from jupyter_client import KernelManager

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_drift_vs_scipy as drift_ref  # noqa: E402  (the reference implementations of the narrow tests)
import test_duplicates_vs_pandas as duplicates_ref  # noqa: E402
import test_profile_vs_pandas as profile_ref  # noqa: E402
import test_versions_vs_python as versions_ref  # noqa: E402
from kernel_cells import result_and_messages, run_cell  # noqa: E402  (tests/data/kernel_cells.py)

SEED = 21
ROWS = 2000
# The width; a narrower table (at least 40 columns) checks the test itself on code that
# cannot take 2,000 columns yet.
COLUMNS = int(os.environ.get("ASSAY_WIDE_COLUMNS", "2000"))
NUMBERS = COLUMNS // 2
TEXTS = COLUMNS - NUMBERS - 1
SAMPLE_SIZE = 20
UNCHANGED, CHANGED, ADDED = 300, 900, 300  # rows of wide2: kept as they are, changed, new
NEW_IDS_FROM = 5000
EMPTIED_CELLS = 300  # cells of the changed rows set to NULL in wide2
REPEATED_ONCE, REPEATED_TWICE = 80, 10  # rows of wide that wide_dups repeats (100 extra rows)
# Bytes one statement's outputs may put into the notebook: 5 MB for 2,000 columns, 2.5 KB a
# column. The ceiling is 100 MB for 10,000 columns (10 KB a column); the JSON alone,
# which keeps every column, takes about 1.1 KB a column for a profile or a drift. Fixed, not
# scaled with ASSAY_WIDE_COLUMNS: a narrow table's charts alone take more a column.
OUTPUT_BOUND = 5_000_000
# A report's JSON holds a profile and a drift of every column: twice the bound.
REPORT_OUTPUT_BOUND = 2 * OUTPUT_BOUND
# The HTML report page: 20 MB for 2,000 columns, 10 KB a column.
REPORT_PAGE_BOUND = 20_000_000
STARTUP_TIMEOUT = 120
# Resident memory at which the kernel is stopped: a guard for the shared machine, not a target
# (today's profile of this table passes 20 GB; the issue asks for 4 GB at 10,000 columns).
MEMORY_LIMIT_KB = 8_000_000
# Generous for today's code, on which several statements take minutes at this width.
STATEMENT_TIMEOUT = 600
REL_TOL = 1e-12

ARROW_TYPES = {"BIGINT": pa.int64(), "DOUBLE": pa.float64(), "VARCHAR": pa.string()}


# ---------------------------------------------------------------- the generated tables


class Table:
    """Columns of cells in order: None is NULL, math.nan is NaN (in DOUBLE columns only)."""

    def __init__(self, types, cells):
        self.types = types  # {name: DuckDB type}
        self.cells = cells  # {name: [cell per row]}

    @property
    def names(self):
        return list(self.types)

    def __len__(self):
        return len(self.cells["id"])

    def take(self, positions):
        return Table(self.types, {n: [c[p] for p in positions] for n, c in self.cells.items()})

    def concat(self, other):
        return Table(self.types, {n: c + other.cells[n] for n, c in self.cells.items()})

    def frame(self):
        """The table as pandas reads it: NULL and NaN are both NaN (missing) in number columns."""
        return pd.DataFrame({n: pd.Series(c, dtype="object" if self.types[n] == "VARCHAR" else None)
                             for n, c in self.cells.items()})

    def rows(self):
        """Row tuples (None = NULL, math.nan = NaN), as the fingerprint reference takes them."""
        return list(zip(*self.cells.values()))

    def drift_columns(self):
        return {n: drift_ref.Column(t, self.cells[n]) for n, t in self.types.items()}

    def write(self, path):
        pq.write_table(pa.table({n: pa.array(c, type=ARROW_TYPES[self.types[n]]) for n, c in self.cells.items()}),
                       path)


def number_name(i):
    return f"n{i:04d}"


def text_name(j):
    return f"t{j:04d}"


def number_cells(rng, i, n, shift):
    """Doubles: every tenth column has 8 values (a bin per value), the others 2-decimal
    normals; 0-15% NULL and, in every third column, 2% NaN."""
    if i % 10 == 0:
        values = rng.integers(0, 8, n) * 0.5 + shift
    else:
        values = np.round(rng.normal(10 * (i % 7) + shift, 1 + i % 5, n), 2) + 0.0  # + 0.0: no -0.0
    cells = values.tolist()
    null_share, nan_share = 0.05 * (i % 4), 0.02 if i % 3 == 0 else 0.0
    draws = rng.random(n)
    for r in np.flatnonzero(draws < null_share + nan_share):
        cells[r] = None if draws[r] < null_share else math.nan
    return cells


def text_words(j):
    return [f"w{j % 13}x{m}" for m in range(3 + j % 40)]


def text_cells(rng, j, n, shift):
    """Short texts from 3-42 words with skewed shares (shifted by `shift`); 0-16% NULL."""
    words = text_words(j)
    weights = 1.0 / (np.arange(1, len(words) + 1) + 3 * shift)
    picks = rng.choice(len(words), size=n, p=weights / weights.sum())
    cells = [words[p] for p in picks]
    for r in np.flatnonzero(rng.random(n) < 0.04 * (j % 5)):
        cells[r] = None
    return cells


def generated(rng, ids, shift):
    types = {"id": "BIGINT"} | {number_name(i): "DOUBLE" for i in range(NUMBERS)} \
        | {text_name(j): "VARCHAR" for j in range(TEXTS)}
    cells = {"id": list(ids)}
    cells |= {number_name(i): number_cells(rng, i, len(ids), shift) for i in range(NUMBERS)}
    cells |= {text_name(j): text_cells(rng, j, len(ids), shift) for j in range(TEXTS)}
    return Table(types, cells)


def changed(rng, table):
    """The rows changed in wide2: every fourth number column shifted by 3, every sixth text
    column with its commonest word replaced, and some present cells emptied."""
    cells = {n: list(c) for n, c in table.cells.items()}
    for i in range(1, NUMBERS, 4):
        cells[number_name(i)] = [v + 3.0 if v is not None and not math.isnan(v) else v
                                 for v in cells[number_name(i)]]
    for j in range(2, TEXTS, 6):
        first = text_words(j)[0]
        cells[text_name(j)] = ["zz" if v == first else v for v in cells[text_name(j)]]
    names = table.names[1:]
    emptied = 0
    while emptied < EMPTIED_CELLS:
        name, row = names[rng.integers(len(names))], int(rng.integers(len(table)))
        value = cells[name][row]
        if value is not None and not (isinstance(value, float) and math.isnan(value)):
            cells[name][row] = None  # never NaN -> NULL: a change only NaN-aware code could see
            emptied += 1
    return Table(table.types, cells)


def with_repeats(rng, table):
    """The table with some rows repeated, each copy after its original (so the first of
    each group is the original and dedup gives the table back)."""
    chosen = rng.choice(len(table), size=REPEATED_ONCE + REPEATED_TWICE, replace=False)
    order = list(range(len(table)))
    for k, row in enumerate(chosen):
        for _ in range(2 if k < REPEATED_TWICE else 1):
            after = order.index(row)
            order.insert(int(rng.integers(after + 1, len(order) + 1)), int(row))
    return table.take(order)


class Data:
    """The three tables, their files and pandas frames, and the sample of columns."""

    def __init__(self, folder):
        rng = np.random.default_rng(SEED)
        self.wide = generated(rng, range(ROWS), 0.0)
        kept = self.wide.take(range(UNCHANGED))
        edited = changed(rng, self.wide.take(range(UNCHANGED, UNCHANGED + CHANGED)))
        new = generated(rng, range(NEW_IDS_FROM, NEW_IDS_FROM + ADDED), 1.5)
        self.wide2 = kept.concat(edited).concat(new)
        self.wide_dups = with_repeats(rng, self.wide)
        self.files = {}
        for name in ("wide", "wide2", "wide_dups"):
            self.files[name] = folder / f"{name}.parquet"
            getattr(self, name).write(self.files[name])
        self.frames = {name: getattr(self, name).frame() for name in self.files}
        names = self.wide.names
        ends = ["id", names[1], number_name(NUMBERS - 1), names[NUMBERS + 1], names[-1],
                number_name(NUMBERS // 2), text_name(TEXTS // 2)]
        rest = [n for n in names if n not in ends]
        drawn = np.random.default_rng(SEED + 1).choice(rest, size=SAMPLE_SIZE - len(ends), replace=False)
        self.sample = [n for n in names if n in set(ends) | set(drawn)]  # in table order
        assert len(self.sample) == SAMPLE_SIZE and len(names) == COLUMNS


# ---------------------------------------------------------------- the kernel


class MemoryGuard(threading.Thread):
    """Kills a kernel process (by its pid, on Linux) once it holds more than MEMORY_LIMIT_KB
    resident, so that a statement whose memory runs away fails its test instead of taking
    the machine."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.tripped_at = pid, None
        self.finished = threading.Event()

    def resident_kb(self):
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def run(self):
        while not self.finished.wait(0.5):
            try:
                resident = self.resident_kb()
            except OSError:
                return  # the process has ended, or this is not Linux
            if resident > MEMORY_LIMIT_KB:
                self.tripped_at = resident
                os.kill(self.pid, signal.SIGKILL)
                return


class WideKernel:
    """One kernel for the module, started (again) with the three tables loaded whenever the
    previous one died or was left running a statement that timed out."""

    def __init__(self, data, store):
        self.data, self.store = data, store
        self.km = self.kc = self.guard = None
        self.stale = True

    def client(self):
        if self.stale or not self.km.is_alive():
            self.stop()
            self.km = KernelManager(kernel_name="assay")
            self.km.start_kernel(env=os.environ | {"ASSAY_STORE": str(self.store)})
            self.guard = MemoryGuard(self.km.provisioner.pid)
            self.guard.start()
            self.kc = self.km.client()
            self.kc.start_channels()
            self.kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
            self.stale = False
            run_cell(self.kc, "%%assay\n" + "\n".join(f"{name} = load {assay_string(str(path))}"
                                                       for name, path in self.data.files.items()),
                     timeout=STATEMENT_TIMEOUT)
        return self.kc

    def statement(self, code, timeout=STATEMENT_TIMEOUT):
        """Runs one %%assay cell; its result JSON and IOPub messages. A cell that timed out or
        killed the kernel makes the next test start a fresh kernel."""
        kc = self.client()
        try:
            return result_and_messages(kc, "%%assay\n" + code, timeout)
        except pytest.fail.Exception as failure:
            if "time limit" in str(failure) or "died" in str(failure):
                self.stale = True
            if not self.guard.tripped_at:
                raise
        pytest.fail(f"`{code}`: the kernel grew past {MEMORY_LIMIT_KB:,} kB resident "
                    f"({self.guard.tripped_at:,} kB) and was stopped", pytrace=False)

    def sql(self, code):
        run_cell(self.client(), "%%sql\n" + code, timeout=STATEMENT_TIMEOUT)

    def stop(self):
        if self.guard is not None:
            self.guard.finished.set()
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None:
            self.km.shutdown_kernel(now=True)
        self.km = self.kc = None


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return Data(tmp_path_factory.mktemp("wide"))


@pytest.fixture(scope="module")
def kernel(kernelspec, data, tmp_path_factory):
    """Overrides tests/data/conftest.py's kernel: this one restarts after a crash."""
    wide_kernel = WideKernel(data, tmp_path_factory.mktemp("wide-store"))
    yield wide_kernel
    wide_kernel.stop()


@pytest.fixture
def exports(tmp_path):
    return tmp_path


def assay_string(text):
    return duplicates_ref.assay_string(text)


def export(kernel, dataset, folder):
    """A kernel dataset's rows in its order, through COPY ... TO Parquet (NULL and NaN kept apart)."""
    path = folder / f"{dataset}.parquet"
    kernel.sql(f"COPY {dataset} TO {assay_string(str(path))} (FORMAT parquet)")
    return pq.read_table(path).to_pydict()


# ---------------------------------------------------------------- comparing


def output_bytes(messages):
    """Bytes the cell's outputs take in a notebook (nbformat stores each output's content)."""
    kept = [m["content"] for m in messages if m["msg_type"] in ("execute_result", "display_data", "stream", "error")]
    return sum(len(json.dumps(c, separators=(",", ":"))) for c in kept)


def check_bounded(what, messages, bound=OUTPUT_BOUND):
    size = output_bytes(messages)
    assert size <= bound, (f"`{what}` put {size:,} bytes of output into the notebook "
                           f"({size / COLUMNS:,.0f} a column), more than {bound:,}")


def is_nan(value):
    return isinstance(value, float) and math.isnan(value)


def same_cell(actual, expected):
    """A JSON or Parquet value equals a generated cell: NULL as None, NaN as NaN or "NaN"."""
    if expected is None:
        return actual is None
    if is_nan(expected):
        return is_nan(actual) or actual == "NaN"
    if isinstance(expected, str):
        return actual == expected
    return isinstance(actual, (int, float)) and not isinstance(actual, bool) and float(actual) == float(expected)


def fail_on(what, problems):
    if problems:
        pytest.fail(f"`{what}`: {len(problems)} differences from the reference:\n  "
                    + "\n  ".join(problems[:40]), pytrace=False)


def check_fields(what, actual, expected):
    duplicates_ref.check_fields(f"`{what}`", actual, expected)


def key_field(value, duckdb_type):
    """A cell's fingerprint field, as a split key of version 2 holds it (docs/versions.md), None for NULL."""
    if value is None:
        return None
    if duckdb_type == "VARCHAR":
        return f"{len(value.encode('utf-8'))}:{value}"
    if duckdb_type == "BIGINT":
        return str(value)
    return "nan" if math.isnan(value) else "%.17g" % value  # Python's %-format prints as C's printf


# ---------------------------------------------------------------- load and profile


def test_load_reads_every_column(kernel, data):
    result, messages = kernel.statement(f"wide_loaded = load {assay_string(str(data.files['wide']))}")
    check_fields("load", result, {"kind": "load", "total_rows": ROWS})
    columns = [(c.get("name"), c.get("type")) for c in result.get("columns", [])]
    assert columns == list(data.wide.types.items()), f"load: columns {columns[:5]}... of {len(columns)}"
    check_bounded("load", messages)


def test_profile_matches_pandas_on_a_sample_of_columns(kernel, data):
    result, messages = kernel.statement("profile wide")
    frame = data.frames["wide"]
    check_fields("profile wide", result, {"kind": "profile", "dataset": "wide", "rows": ROWS})
    columns = result.get("columns") or []
    assert [c.get("name") for c in columns] == data.wide.names, "profile wide: not every column, in order"
    checker = profile_ref.Checker("wide")
    by_name = {c["name"]: c for c in columns}
    for name in data.sample:
        checker.column(by_name[name], profile_ref.expected_column(name, data.wide.types[name], frame[name]))
    fail_on("profile wide", checker.problems)
    check_bounded("profile wide", messages)


# ---------------------------------------------------------------- duplicates and dedup

DUPLICATE_CASES = [
    # (id, `on` clause, key columns or None for every column)
    ("whole-rows", "", None),
    ("named-columns", " on t0001, n0002, t0007", ["t0001", "n0002", "t0007"]),
]


@pytest.mark.parametrize("on, columns", [c[1:] for c in DUPLICATE_CASES], ids=[c[0] for c in DUPLICATE_CASES])
def test_duplicates_match_pandas(kernel, data, on, columns):
    table, frame = data.wide_dups, data.frames["wide_dups"]
    columns = columns or table.names
    expected = duplicates_ref.expected_duplicates(frame, columns, False)
    what = f"duplicates wide_dups{on}"
    result, messages = kernel.statement(what)
    check_fields(what, result, {"kind": "duplicates", "dataset": "wide_dups", "on": columns, "near": None,
                                "rows": expected["rows"], "duplicate_rows": expected["duplicate_rows"],
                                "groups": expected["groups"]})
    largest = [(g.get("count"), g.get("first_row")) for g in result["largest"]]
    assert largest == expected["largest"], f"{what} largest (count, first_row): Assay {largest}, pandas {expected['largest']}"
    problems = []
    for group in result["largest"]:
        for name in data.sample if columns == table.names else columns:
            shown, first = group["values"].get(name, "(absent)"), table.cells[name][group["first_row"]]
            if not same_cell(shown, first):
                problems.append(f"group of row {group['first_row']}: {name} shown {shown!r}, the row has {first!r}")
    fail_on(what, problems)
    check_bounded(what, messages)


def test_dedup_keeps_the_first_row_of_each_group(kernel, data, exports):
    what = "clean = dedup wide_dups"
    result, messages = kernel.statement(what)
    check_fields(what, result, {"kind": "dedup", "dataset": "clean", "source": "wide_dups",
                                "source_rows": len(data.wide_dups), "rows": ROWS,
                                "removed": len(data.wide_dups) - ROWS})
    kept = export(kernel, "clean", exports)
    assert list(kept) == data.wide.names, "clean: not the columns of wide_dups"
    assert kept["id"] == data.wide.cells["id"], "clean: not the first row of each group, in order"
    problems = [f"{name} row {r}: Assay {a!r}, expected {e!r}" for name in data.sample
                for r, (a, e) in enumerate(zip(kept[name], data.wide.cells[name])) if not same_cell(a, e)]
    fail_on(what, problems)
    check_bounded(what, messages)


# ---------------------------------------------------------------- split and leakage


def whole_row_parts(table, seed, percentages):
    """The part of every row of a hash split on whole rows (docs/duplicates-and-splits.md): doubles make it version 2."""
    bounds = duplicates_ref.split_boundaries(percentages)
    return [duplicates_ref.hash_part(seed, [key_field(v, table.types[n]) for n, v in zip(table.names, row)], bounds, 2) for row in table.rows()]


def check_no_leakage(kernel, left, right):
    what = f"leakage {left}, {right}"
    result, messages = kernel.statement(what)
    check_fields(what, result, {"kind": "leakage", "exact_overlap_rows": 0, "shared_keys": 0})
    check_bounded(what, messages)


def test_split_on_whole_rows_follows_the_canonical_hash(kernel, data, exports):
    names, percentages, seed = ["train", "test"], [80, 20], 7
    what = f"train, test = split wide 80/20 seed {seed}"
    part_of_row = whole_row_parts(data.wide, seed, percentages)
    result, messages = kernel.statement(what)
    check_fields(what, result, {"kind": "split", "source": "wide", "method": "hash", "key": data.wide.names,
                                "seed": seed, "rows": ROWS, "key_version": 2})
    assert [p["name"] for p in result["parts"]] == names, f"{what}: parts {result['parts']}"
    for i, (name, part) in enumerate(zip(names, result["parts"])):
        expected_ids = [row_id for row_id, p in zip(data.wide.cells["id"], part_of_row) if p == i]
        assert part["rows"] == len(expected_ids), f"{what}: part {name} has {part['rows']} rows, expected {len(expected_ids)}"
        assert export(kernel, name, exports)["id"] == expected_ids, f"{what}: part {name} holds other rows"
    check_bounded(what, messages)
    check_no_leakage(kernel, "train", "test")


def test_stratified_split_shares_each_stratum(kernel, data, exports):
    names, percentages, label = ["s_train", "s_valid", "s_test"], [80, 10, 10], "t0010"
    what = f"{', '.join(names)} = split wide 80/10/10 stratify {label} seed 5"
    assert data.frames["wide"][label].notna().all(), "the stratify column of the test has no missing values"
    result, messages = kernel.statement(what)
    check_fields(what, result, {"kind": "split", "source": "wide", "method": "stratified", "label_column": label,
                                "rows": ROWS})
    parts = [export(kernel, name, exports) for name in names]
    for name, part, rows in zip(names, result["parts"], parts):
        counts = dict(Counter(rows[label]))
        assert part["name"] == name and part["rows"] == len(rows["id"]) and part["label_counts"] == counts, \
            f"{what}: part {part['name']} ({part['rows']} rows, {part['label_counts']}), exported {len(rows['id'])} rows, {counts}"
    assert sorted(i for rows in parts for i in rows["id"]) == data.wide.cells["id"], \
        f"{what}: the parts together are not the rows of wide"
    for value, n in Counter(data.wide.cells[label]).items():
        got = [rows[label].count(value) for rows in parts]
        assert got == duplicates_ref.stratum_part_rows(n, percentages), \
            f"{what}: stratum {value} (n={n}) rows per part {got}, rule {duplicates_ref.stratum_part_rows(n, percentages)}"
    check_bounded(what, messages)
    check_no_leakage(kernel, "s_train", "s_test")


LEAKAGE_CASES = [
    ("whole-rows", "", None),
    ("named-columns", " on t0003, n0004", ["t0003", "n0004"]),
]


@pytest.mark.parametrize("on, columns", [c[1:] for c in LEAKAGE_CASES], ids=[c[0] for c in LEAKAGE_CASES])
def test_leakage_matches_pandas(kernel, data, on, columns):
    left, right = data.frames["wide"], data.frames["wide2"]
    columns = columns or data.wide.names
    left_keys = Counter(duplicates_ref.key_tuples(left, columns, False))
    right_keys = Counter(duplicates_ref.key_tuples(right, columns, False))
    shared = left_keys.keys() & right_keys.keys()
    what = f"leakage wide, wide2{on}"
    result, messages = kernel.statement(what)
    check_fields(what, result, {
        "kind": "leakage", "left": "wide", "right": "wide2", "on": columns, "left_rows": len(left),
        "right_rows": len(right), "exact_overlap_rows": sum(right_keys[k] for k in shared),
        "shared_keys": len(shared), "left_overlap_rows": sum(left_keys[k] for k in shared)})
    if columns == data.wide.names:
        assert sum(right_keys[k] for k in shared) >= UNCHANGED, "the test data: wide2 keeps rows of wide"
    check_bounded(what, messages)


# ---------------------------------------------------------------- drift


def drift_cases(data):
    numbers = [n for n in data.sample if data.wide.types[n] == "DOUBLE"]
    texts = [n for n in data.sample if data.wide.types[n] == "VARCHAR"]
    return {"every-column": (None, None), "numbers-ks": (numbers, "ks"), "texts-chi2": (texts, "chi2"),
            "sample-psi": (data.sample, "psi")}


@pytest.mark.parametrize("case", ["every-column", "numbers-ks", "texts-chi2", "sample-psi"])
def test_drift_matches_scipy(kernel, data, case):
    """Every compared column against scipy (with no `on`, every column of the table)."""
    on, method = drift_cases(data)[case]
    what = drift_ref.statement("wide", "wide2", on, method)
    expected = drift_ref.expected_drift("wide", "wide2", data.wide.drift_columns(), data.wide2.drift_columns(),
                                        on, method)
    if case == "every-column":
        assert 0 < expected["drifted_columns"] < len(data.wide.names), "the test data: some columns drift, not all"
    result, messages = kernel.statement(what)
    fail_on(what, drift_ref.compare(f"`{what}`", result, expected))
    check_bounded(what, messages)


# ---------------------------------------------------------------- pin, versions, diff


@pytest.fixture(scope="module")
def fingerprints(data):
    """Python's fingerprints of wide and wide2 (docs/versions.md), from the generated cells."""
    return {name: versions_ref.fingerprint(list(table.types.items()), table.rows())
            for name, table in (("wide", data.wide), ("wide2", data.wide2))}


def test_pin_fingerprints_match_python(kernel, data, fingerprints):
    for dataset, version in (("wide", 1), ("wide2", 2)):
        what = f"pin {dataset} as 'wide-pin'"
        result, messages = kernel.statement(what)
        check_fields(what, result, {"kind": "pin", "label": "wide-pin", "version": version, "rows": len(getattr(data, dataset)),
                                    "fingerprint": fingerprints[dataset],
                                    "schema": [{"name": n, "type": t} for n, t in getattr(data, dataset).types.items()]})
        check_bounded(what, messages)


def test_versions_list_both_pins(kernel, data, fingerprints):
    for dataset in ("wide", "wide2"):
        kernel.statement(f"pin {dataset} as 'wide-versions'")
    what = "versions 'wide-versions'"
    result, messages = kernel.statement(what)
    check_fields(what, result, {"kind": "versions", "label": "wide-versions"})
    listed = [(v.get("version"), v.get("fingerprint"), v.get("rows")) for v in result["versions"]]
    assert listed == [(1, fingerprints["wide"], ROWS), (2, fingerprints["wide2"], len(data.wide2))], \
        f"{what}: {listed}"
    check_bounded(what, messages)
    loaded, messages = kernel.statement("wide_v1 = load pin 'wide-versions@1'")
    check_fields("load pin 'wide-versions@1'", loaded["version"], {"version": 1, "fingerprint": fingerprints["wide"]})
    check_bounded("load pin", messages)


def test_diff_of_whole_rows_matches_python(kernel, data):
    what = "diff wide wide2"
    before, after = data.frames["wide"], data.frames["wide2"]
    expected = versions_ref.expected_rows_diff(versions_ref.frame_rows(before), versions_ref.frame_rows(after))
    result, messages = kernel.statement(what)
    check_fields(what, result, {"kind": "diff", "on": [], "identical": False, "keyed": None,
                                "schema": {"added": [], "removed": [], "changed": []}})
    check_fields(what + " rows", result["rows"], {k: expected[k] for k in ("from", "to", "only_in_from", "only_in_to")}
                 | {"compared_columns": data.wide.names})
    for side in ("only_in_from_examples", "only_in_to_examples"):
        ids = [row[0] for row in result["rows"][side]]
        assert ids == [row[0] for row in expected[side]], f"{what} {side}: ids {ids}, expected {[r[0] for r in expected[side]]}"
    versions_ref.check_summaries(what, result["columns"], [
        (n, t, versions_ref.column_values(before, n), versions_ref.column_values(after, n))
        for n, t in data.wide.types.items()])
    check_bounded(what, messages)


def test_keyed_diff_matches_python(kernel, data):
    what = "diff wide wide2 on id"
    expected = versions_ref.expected_keyed(data.frames["wide"], data.frames["wide2"], "id")
    assert (expected["matched"], expected["added"], expected["removed"]) == (UNCHANGED + CHANGED, ADDED, ROWS - UNCHANGED - CHANGED)
    result, messages = kernel.statement(what)
    check_fields(what, result, {"kind": "diff", "on": ["id"], "identical": False})
    versions_ref.check_keyed(what, result["keyed"], expected)
    check_bounded(what, messages)


# ---------------------------------------------------------------- check and report


def test_check_rules_over_every_column_match_pandas(kernel, data):
    frame = data.frames["wide_dups"]
    rules = ["rows > 0", "missing >= 0", "missing >= 0%", "duplicates >= 0", "duplicates >= 0%", "pii >= 0"]
    what = "check wide_dups: " + ", ".join(rules)
    result, messages = kernel.statement(what)
    got = {r["rule"]: r["value"] for r in result["rules"]}
    cells, duplicates = int(frame.isna().sum().sum()), int(frame.duplicated().sum())
    expected = {"rows > 0": len(frame), "missing >= 0": cells, "missing >= 0%": 100 * cells / frame.size,
                "duplicates >= 0": duplicates, "duplicates >= 0%": 100 * duplicates / len(frame),
                "pii >= 0": 0}  # short words like w3x7 hold no email, phone, card or address
    problems = [f"{rule}: Assay {got.get(rule)!r}, pandas {value!r}" for rule, value in expected.items()
                if not (isinstance(got.get(rule), (int, float)) and math.isclose(got[rule], value, rel_tol=REL_TOL))]
    fail_on(what, problems)
    assert result["passed"] is True, f"{what}: every rule holds, yet {result}"
    check_bounded(what, messages)


def test_check_rules_on_named_columns_match_pandas(kernel, data):
    frame = data.frames["wide_dups"]
    expected = {}
    for name in data.sample:
        s = frame[name]
        if data.wide.types[name] == "VARCHAR":
            expected |= {f"missing({name}) >= 0%": 100 * s.isna().sum() / len(s), f"distinct({name}) >= 0": s.nunique()}
        else:
            expected |= {f"missing({name}) >= 0": s.isna().sum(), f"mean({name}) > -1000000": s.mean(),
                         f"min({name}) >= -1000000": s.min(), f"max({name}) < 1000000": s.max()}
    pair = [n for n in data.sample if data.wide.types[n] == "VARCHAR"][:2]
    expected[f"duplicates({', '.join(pair)}) >= 0"] = frame.duplicated(pair).sum()
    what = "check wide_dups: " + ", ".join(expected)
    result, messages = kernel.statement(what)
    got = {r["rule"]: r["value"] for r in result["rules"]}
    problems = [f"{rule}: Assay {got.get(rule)!r}, pandas {float(value)!r}" for rule, value in expected.items()
                if not (isinstance(got.get(rule), (int, float)) and math.isclose(got[rule], value, rel_tol=REL_TOL))]
    fail_on(f"check wide_dups ({len(expected)} rules on {SAMPLE_SIZE} columns)", problems)
    assert result["passed"] is True, f"check wide_dups: every rule holds, yet some failed: {result['rules']}"
    check_bounded("check wide_dups (named columns)", messages)


def test_report_figures_match_pandas(kernel, data, tmp_path):
    page = tmp_path / "wide-vs-wide2.html"
    what = f"report wide vs wide2 to {assay_string(str(page))}"
    before, after = data.frames["wide"], data.frames["wide2"]
    result, messages = kernel.statement(what)
    check_fields("report wide vs wide2", result, {"kind": "report", "dataset": "wide", "rows": ROWS, "file": str(page)})
    missing = {c["name"]: c["missing"] for c in result["profile"]["columns"]}
    expected_missing = {n: int(v) for n, v in before.isna().sum().items()}
    assert missing == expected_missing, "report: missing values per column differ from pandas in " + \
        str([n for n in expected_missing if missing.get(n) != expected_missing[n]][:10])
    assert result["duplicates"]["duplicate_rows"] == before.duplicated().sum() == 0
    left = set(duplicates_ref.key_tuples(before, data.wide.names, False))
    leaked = sum(1 for key in duplicates_ref.key_tuples(after, data.wide.names, False) if key in left)
    assert result["versus"]["leakage"]["exact_overlap_rows"] == leaked
    assert [c["name"] for c in result["versus"]["drift"]["columns"]] == data.wide.names
    html = page.read_bytes()
    assert html.startswith(b"<!DOCTYPE html>") and b"</html>" in html[-200:], "report: not a whole page"
    assert len(html) <= REPORT_PAGE_BOUND, \
        f"report: a page of {len(html):,} bytes for {COLUMNS:,} columns, more than {REPORT_PAGE_BOUND:,}"
    check_bounded("report wide vs wide2", messages, REPORT_OUTPUT_BOUND)
