"""Assay's ``duplicates``, ``dedup``, ``split``, ``sample`` and ``leakage`` against pandas, on the real
datasets in ``../shared/data`` (diamonds, titanic and the SMS Spam Collection).

The reference values are computed here, in the same run, from the data files themselves
with pandas and the standard library; nothing is copied from Assay's output. Row-level
results (the rows `dedup` keeps, the rows of each split part, the halves given to
`leakage`) are exported from the kernel with ``%%sql COPY ... TO 'file.csv' (HEADER)`` and
read back with pandas. Runs under the Python of ``../shared/tools/pyenv`` (pandas,
jupyter_client 8):

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar \\
        target/pyenv/bin/python -m pytest -v tests/data/test_duplicates_vs_pandas.py

ASSAY_JAR and JUPYTER_PATH work as in tests/data/test_profile_vs_pandas.py (through
tests/assay_kernelspec.py). One kernel serves every test of this module.

The definitions reproduced here, independently of Assay's code:

- a key is the `on` columns (every column without `on`); NULLs are equal to each other,
  as pandas' ``duplicated`` and DuckDB's GROUP BY treat them;
- ``normalize`` (text columns only): ``str.lower``, drop every character of a Unicode
  punctuation category (P*), turn each run of \\t \\n \\x0b \\f \\r and separator (Z*)
  characters into one space, strip spaces at both ends;
- a hash split puts a row in the first part i whose boundary floor(cum%_i * 2**64 / 100)
  is above the first 64 bits of SHA-256 of the canonical text
  ``assay-split-v1|SEED`` + per key column ``|N`` (NULL) or ``|S<len>:<text>`` (keys of
  text and integers), else ``assay-split-v2|SEED`` + ``|N`` or ``|V<fingerprint field>``;
- ``sample P%`` keeps the rows of the first part of a hash split P/(100-P) of the whole
  row; ``sample N`` keeps the N rows of smallest hash (ties by row order);
- a stratified split gives each part, within each stratum of n rows,
  round(n * cum%_i / 100) - round(n * cum%_(i-1) / 100) rows (halves up), so within one
  row of n * p_i.
"""

import csv
import hashlib
import math
import os
import sys
import unicodedata
from collections import Counter
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import result_json, run_cell  # noqa: E402  (tests/data/kernel_cells.py)

REPO_ROOT = Path(__file__).resolve().parents[2]
# $ASSAY_SHARED/data, by default ../shared/data beside the clone (tests/run-all sets it).
DATA_DIR = Path(os.environ.get("ASSAY_SHARED") or REPO_ROOT.parent / "shared") / "data"
SMS_PATH = DATA_DIR / "sms_spam.tsv"
LARGEST = 5  # groups listed in `largest`


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def sms(kernel):
    """The SMS Spam Collection read by pandas, and loaded into the kernel as dataset `sms`."""
    assert SMS_PATH.is_file(), f"missing {SMS_PATH}"
    # The file has no quoting: quote='' in Assay, QUOTE_NONE in pandas.
    run_cell(kernel, "%%assay\nsms = load " + assay_string(str(SMS_PATH))
             + r" with (delimiter='\t', quote='', header=true)")
    return pd.read_csv(SMS_PATH, sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False,
                       na_values=[""], dtype=str)


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """A folder for the CSV files the kernel exports."""
    return tmp_path_factory.mktemp("exports")


# ---------------------------------------------------------------- talking to the kernel

def assay_string(text):
    """A single-quoted string literal of the Assay language."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


BOOLEAN_WORDS = [{"true": True, "false": False}, {"yes": True, "no": False}]


def as_duckdb_booleans(frame):
    """Text columns of only true/false or only yes/no words become booleans, as in DuckDB's sniffer."""
    for c in frame.columns:
        if not pd.api.types.is_string_dtype(frame[c]):
            continue
        present = frame[c].dropna()
        for words in BOOLEAN_WORDS:
            if len(present) and set(present.str.lower()) <= set(words):
                frame[c] = frame[c].map(lambda v: words[v.lower()], na_action="ignore").astype("boolean")
                break
    return frame


def load_csv(kc, name, path):
    """Loads a CSV file into the kernel; pandas reads it as DuckDB does (empty field = NULL)."""
    assert path.is_file(), f"missing {path}"
    run_cell(kc, f"%%assay\n{name} = load {assay_string(str(path))}")
    return as_duckdb_booleans(pd.read_csv(path, keep_default_na=False, na_values=[""],
                                          float_precision="round_trip"))


def export(kc, dataset, folder):
    """The rows of a kernel dataset, in its stored order, through COPY ... TO a CSV file."""
    path = folder / f"{dataset}.csv"
    run_cell(kc, f"%%sql\nCOPY {dataset} TO '{path}' (HEADER)")
    return pd.read_csv(path, keep_default_na=False, na_values=[""], dtype=str)


# ---------------------------------------------------------------- the pandas side

# Characters that are whitespace for normalize besides the separators (Z*).
CONTROL_SPACE = set("\t\n\x0b\f\r")


def normalize(text):
    """The normalized text of a key (see the module docstring)."""
    out = []
    for ch in text.lower():
        category = unicodedata.category(ch)
        if category.startswith("P"):
            continue
        if ch in CONTROL_SPACE or category.startswith("Z"):
            # Punctuation is gone already, so a run may span where it was.
            if not out or out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    return "".join(out).strip(" ")


def key_frame(frame, columns, normalized):
    """The key columns of a frame, text columns normalized when asked."""
    keys = frame[columns].copy()
    if normalized:
        for c in columns:
            if pd.api.types.is_string_dtype(keys[c]):
                keys[c] = keys[c].map(normalize, na_action="ignore")
    return keys


def key_tuples(frame, columns, normalized):
    """One hashable key per row; missing values (NaN) as None, so that they are equal."""
    keys = key_frame(frame, columns, normalized).astype(object)
    return list(keys.where(keys.notna(), None).itertuples(index=False, name=None))


def expected_duplicates(frame, columns, normalized):
    """rows, duplicate_rows, groups and the largest groups as [(count, first_row)]."""
    keys = key_frame(frame, columns, normalized)
    group = keys.groupby(columns, dropna=False, sort=False).ngroup()
    # Row positions are 0-based file positions: the frames keep their RangeIndex.
    stats = pd.DataFrame({"group": group, "row": range(len(frame))}) \
        .groupby("group")["row"].agg(count="size", first_row="min")
    repeated = stats[stats["count"] > 1].sort_values(["count", "first_row"], ascending=[False, True])
    duplicate_rows = int(keys.duplicated(keep="first").sum())
    assert duplicate_rows == int((stats["count"] - 1).sum()), "pandas disagrees with itself"
    return {"rows": len(frame), "duplicate_rows": duplicate_rows, "groups": len(repeated),
            "largest": [(int(c), int(r)) for c, r in repeated.head(LARGEST).itertuples(index=False)]}


def split_boundaries(percentages):
    """The upper bound of every part but the last, as an integer fraction of 2**64."""
    bounds, cumulative = [], Fraction(0)
    for p in percentages[:-1]:
        cumulative += Fraction(p)
        bounds.append(int(cumulative * 2 ** 64 / 100))  # int() floors a positive Fraction
    return bounds


def split_hash(seed, values):
    """The 64-bit split hash of one row's key values (text, None for NULL), as docs/duplicates-and-splits.md defines it."""
    text = f"assay-split-v1|{seed}"
    for v in values:
        text += "|N" if v is None else f"|S{len(v)}:{v}"
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], 16)


def split_hash_v2(seed, fields):
    """The 64-bit split hash of version 2: key values as their fingerprint fields (None for NULL)."""
    text = f"assay-split-v2|{seed}"
    for f in fields:
        text += "|N" if f is None else f"|V{f}"
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], 16)


def hash_part(seed, values, bounds, version=1):
    """The part of a hash split for one row's key values (text for version 1, fields for 2; None for NULL)."""
    h = split_hash(seed, values) if version == 1 else split_hash_v2(seed, values)
    return next((i for i, bound in enumerate(bounds) if h < bound), len(bounds))


def round_half_up(value):
    """A non-negative Fraction rounded to an integer, halves up."""
    return int(value + Fraction(1, 2))


def stratum_part_rows(n, percentages):
    """Rows of each part in a stratum of n rows: differences of round(n * cum% / 100)."""
    cuts, cumulative = [0], Fraction(0)
    for p in percentages:
        cumulative += Fraction(p)
        cuts.append(round_half_up(n * cumulative / 100))
    return [b - a for a, b in zip(cuts, cuts[1:])]


def rows_of(frame):
    """A frame's rows as tuples (None for missing), for order-sensitive comparison."""
    return key_tuples(frame, list(frame.columns), False)


# ---------------------------------------------------------------- comparing


def same_value(actual, expected):
    """A JSON value from Assay equals a pandas cell (NaN = null, numbers as float)."""
    if pd.isna(expected):
        return actual is None
    if isinstance(expected, (bool, np.bool_)):
        return isinstance(actual, bool) and actual == bool(expected)
    if isinstance(expected, str):
        return actual == expected
    return isinstance(actual, (int, float)) and not isinstance(actual, bool) \
        and float(actual) == float(expected)


def check_fields(what, actual, expected):
    """Fails with every field of `expected` that differs in `actual`, named by `what`."""
    problems = [f"{what} {field}: Assay {actual.get(field)!r}, pandas {value!r}"
                for field, value in expected.items() if actual.get(field) != value]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def first_difference(actual_rows, expected_rows):
    """Where two row lists first differ, for a failure message."""
    for i, (a, e) in enumerate(zip(actual_rows, expected_rows)):
        if a != e:
            return f"row {i}: Assay {a!r}, pandas {e!r}"
    return f"lengths: Assay {len(actual_rows)}, pandas {len(expected_rows)}"


def check_rows(what, actual, expected):
    """The exported rows of a dataset are exactly `expected`'s rows, in the same order."""
    actual_rows, expected_rows = rows_of(actual), rows_of(expected)
    if actual_rows != expected_rows:
        pytest.fail(f"{what}: the rows differ from pandas' ({len(actual_rows)} vs "
                    f"{len(expected_rows)}); first difference at "
                    f"{first_difference(actual_rows, expected_rows)}", pytrace=False)


def check_label_counts(what, part_json, part_rows, label):
    counts = {k: int(v) for k, v in part_rows[label].value_counts().items()}
    if part_json["label_counts"] != counts:
        pytest.fail(f"{what} part {part_json['name']} label_counts: Assay "
                    f"{part_json['label_counts']}, exported rows {counts}", pytrace=False)


# ---------------------------------------------------------------- duplicates and dedup

DUPLICATE_CASES = [
    # (id, dataset, file, `on` clause, key columns or None for every column, normalize)
    ("diamonds-rows", "diamonds", "diamonds.csv", "", None, False),
    ("titanic-rows", "titanic", "titanic.csv", "", None, False),
    ("sms-SMS", "sms", None, " on SMS", ["SMS"], False),
    ("sms-SMS-normalize", "sms", None, " on SMS normalize", ["SMS"], True),
]


@pytest.mark.parametrize("dataset, file, on, columns, normalized",
                         [c[1:] for c in DUPLICATE_CASES], ids=[c[0] for c in DUPLICATE_CASES])
def test_duplicates_match_pandas(kernel, sms, dataset, file, on, columns, normalized):
    frame = sms if file is None else load_csv(kernel, dataset, DATA_DIR / file)
    columns = columns or list(frame.columns)
    expected = expected_duplicates(frame, columns, normalized)
    what = f"duplicates {dataset}{on}"
    actual = result_json(kernel, f"%%assay\nduplicates {dataset}{on}")

    check_fields(what, actual, {"kind": "duplicates", "dataset": dataset, "on": columns,
                                "normalize": normalized, "near": None, "rows": expected["rows"],
                                "duplicate_rows": expected["duplicate_rows"],
                                "groups": expected["groups"]})
    largest = [(g.get("count"), g.get("first_row")) for g in actual["largest"]]
    assert largest == expected["largest"], \
        f"{what} largest (count, first_row): Assay {largest}, pandas {expected['largest']}"

    # Each listed group shows the values of a row of its key: its first row's, up to normalize.
    for group in actual["largest"]:
        first = frame.iloc[group["first_row"]]
        values = group["values"]
        assert list(values) == columns, f"{what}: a group's values have the columns {list(values)}"
        for c in columns:
            shown, original = values[c], first[c]
            if normalized and isinstance(original, str):
                ok = isinstance(shown, str) and normalize(shown) == normalize(original)
            else:
                ok = same_value(shown, original)
            assert ok, (f"{what}: the group whose first row is {group['first_row']} shows "
                        f"{c}={shown!r}, that row has {original!r}")


def test_dedup_keeps_pandas_first_rows(kernel, sms, exports):
    keep = ~key_frame(sms, ["SMS"], True).duplicated(keep="first")
    expected = sms[keep]
    actual = result_json(kernel, "%%assay\nclean = dedup sms on SMS normalize")
    check_fields("dedup sms on SMS normalize", actual, {
        "kind": "dedup", "dataset": "clean", "source": "sms", "source_rows": len(sms),
        "rows": len(expected), "removed": len(sms) - len(expected), "on": ["SMS"],
        "normalize": True, "near": None})
    check_rows("dedup sms on SMS normalize (exported `clean`)", export(kernel, "clean", exports), expected)


# ---------------------------------------------------------------- splits

HASH_SPLITS = [
    # (id, names, percentages, `by` columns or None for the whole row, seed)
    ("by-SMS", ["hash_a", "hash_b"], [80, 20], ["SMS"], 3),
    ("whole-row", ["row_a", "row_b", "row_c"], [60, 25, 15], None, 7),
]


@pytest.mark.parametrize("names, percentages, by, seed",
                         [c[1:] for c in HASH_SPLITS], ids=[c[0] for c in HASH_SPLITS])
def test_hash_split_follows_the_canonical_hash(kernel, sms, exports, names, percentages, by, seed):
    columns = by or list(sms.columns)  # without `by`: every column, Label then SMS
    statement = (f"{', '.join(names)} = split sms {'/'.join(map(str, percentages))}"
                 + (f" by {', '.join(by)}" if by else "") + f" seed {seed}")
    # Every column of sms is VARCHAR, so a value's canonical text is the string itself.
    bounds = split_boundaries(percentages)
    part_of_row = pd.Series([hash_part(seed, key, bounds) for key in key_tuples(sms, columns, False)])

    actual = result_json(kernel, f"%%assay\n{statement}")
    check_fields(statement, actual, {"kind": "split", "source": "sms", "method": "hash",
                                     "key": columns, "seed": seed, "rows": len(sms)})
    assert [p["name"] for p in actual["parts"]] == names, f"{statement}: parts {actual['parts']}"

    exported = []
    for i, (name, part) in enumerate(zip(names, actual["parts"])):
        rows = export(kernel, name, exports)
        expected = sms[part_of_row == i]
        assert part["rows"] == len(expected), \
            f"{statement} part {name} rows: Assay {part['rows']}, pandas {len(expected)}"
        check_rows(f"{statement} (exported part {name})", rows, expected)
        check_label_counts(statement, part, rows, "Label")
        exported.append(rows.assign(part=i))

    # Sizes vary around the shares; the result says by how much: one standard deviation of a binomial share.
    p = percentages[0] / 100
    spread = f"± {100 * math.sqrt(p * (1 - p) / len(sms)):.1f} points"
    assert spread in (actual.get("note") or ""), f"{statement}: note {actual.get('note')!r} lacks {spread!r}"

    # Redundant with the row check when it passes, but says directly what a split by key promises.
    together = pd.concat(exported, ignore_index=True)
    parts_per_key = together.groupby(columns)["part"].nunique()
    spread = parts_per_key[parts_per_key > 1]
    assert spread.empty, f"{statement}: {len(spread)} keys in more than one part, e.g. {spread.index[0]!r}"


def test_exact_split_cuts_the_hash_ranking(kernel, sms, exports):
    """`exact`: rows ranked by their split hash (ties by row order), cut at round(n * cumulative share)."""
    names, percentages, seed = ["exact_a", "exact_b", "exact_c"], [70, 20, 10], 4
    statement = f"{', '.join(names)} = split sms 70/20/10 by SMS exact seed {seed}"
    hashes = [split_hash(seed, key) for key in key_tuples(sms, ["SMS"], False)]
    ranking = sorted(range(len(sms)), key=lambda row: (hashes[row], row))
    sizes = stratum_part_rows(len(sms), percentages)
    part_of_row = [0] * len(sms)
    start = 0
    for part, size in enumerate(sizes):
        for row in ranking[start:start + size]:
            part_of_row[row] = part
        start += size
    part_of_row = pd.Series(part_of_row, index=sms.index)

    actual = result_json(kernel, f"%%assay\n{statement}")
    check_fields(statement, actual, {"kind": "split", "source": "sms", "method": "hash-exact", "seed": seed,
                                     "rows": len(sms), "note": None})
    for i, (name, part) in enumerate(zip(names, actual["parts"])):
        assert part["rows"] == sizes[i], f"{statement} part {name}: Assay {part['rows']} rows, exact {sizes[i]}"
        check_rows(f"{statement} (exported part {name})", export(kernel, name, exports), sms[part_of_row == i])


def test_sample_percent_is_the_first_part_of_a_hash_split(kernel, sms, exports):
    """`sample sms P% seed S` through %%assay: the rows whose canonical hash of the whole row falls
    below the first boundary of P/(100-P), so the same rows as `split sms P/(100-P) seed S`'s first part."""
    percent, seed = 30, 9
    bounds = split_boundaries([percent, 100 - percent])
    in_sample = pd.Series([hash_part(seed, key, bounds) == 0 for key in key_tuples(sms, list(sms.columns), False)])
    statement = f"sampled = sample sms {percent}% seed {seed}"
    actual = result_json(kernel, f"%%assay\n{statement}")
    check_fields(statement, actual, {"kind": "sample", "dataset": "sampled", "source": "sms", "source_rows": len(sms),
                                     "rows": int(in_sample.sum()), "percent": percent, "seed": seed})
    check_rows(f"{statement} (exported)", export(kernel, "sampled", exports), sms[in_sample])
    result_json(kernel, f"%%assay\nfirst, rest = split sms {percent}/{100 - percent} seed {seed}")
    check_rows("the first part of the same split", export(kernel, "first", exports), sms[in_sample])


def test_sample_of_n_rows_takes_the_rows_of_smallest_hash(kernel, sms, exports):
    """`sample sms N seed S`: exactly N rows, those of smallest canonical hash (ties by row order), in row order."""
    rows, seed = 500, 2
    hashes = [split_hash(seed, key) for key in key_tuples(sms, list(sms.columns), False)]
    chosen = sorted(sorted(range(len(sms)), key=lambda row: (hashes[row], row))[:rows])
    statement = f"few = sample sms {rows} seed {seed}"
    actual = result_json(kernel, f"%%assay\n{statement}")
    check_fields(statement, actual, {"kind": "sample", "rows": rows, "asked_rows": rows, "source_rows": len(sms)})
    check_rows(f"{statement} (exported)", export(kernel, "few", exports), sms.iloc[chosen])


def test_stratified_split_shares_each_stratum(kernel, sms, exports):
    names, percentages = ["strat_train", "strat_val", "strat_test"], [80, 10, 10]
    statement = f"{', '.join(names)} = split sms 80/10/10 stratify Label seed 5"
    actual = result_json(kernel, f"%%assay\n{statement}")
    check_fields(statement, actual, {"kind": "split", "source": "sms", "method": "stratified",
                                     "seed": 5, "label_column": "Label", "rows": len(sms)})

    parts = [export(kernel, name, exports) for name in names]
    for name, part, rows in zip(names, actual["parts"], parts):
        assert part["name"] == name and part["rows"] == len(rows), \
            f"{statement} part {name}: Assay {part['name']} with {part['rows']} rows, exported {len(rows)}"
        check_label_counts(statement, part, rows, "Label")

    # Every source row lands in exactly one part.
    assert Counter(rows_of(pd.concat(parts, ignore_index=True))) == Counter(rows_of(sms)), \
        f"{statement}: the parts together are not the rows of sms"

    for label, n in sms["Label"].value_counts().items():
        counts = [int((rows["Label"] == label).sum()) for rows in parts]
        for name, count, p in zip(names, counts, percentages):
            assert abs(count - Fraction(n * p, 100)) <= 1, \
                f"{statement}: stratum {label} (n={n}) has {count} rows in {name}, n*p = {n * p / 100}"
        assert counts == stratum_part_rows(n, percentages), \
            f"{statement}: stratum {label} part rows {counts}, rounding rule {stratum_part_rows(n, percentages)}"


# ---------------------------------------------------------------- leakage

LEAKAGE_CASES = [
    # (id, `on` clause, key columns or None for every column, normalize)
    ("SMS", " on SMS", ["SMS"], False),
    ("SMS-normalize", " on SMS normalize", ["SMS"], True),
    ("whole-row", "", None, False),
]


@pytest.fixture(scope="module")
def halves(kernel, sms, exports):
    """Datasets even_rows and odd_rows of sms (by file position), checked against pandas."""
    run_cell(kernel, "%%sql even_rows\nSELECT * FROM sms WHERE rowid % 2 = 0")
    run_cell(kernel, "%%sql odd_rows\nSELECT * FROM sms WHERE rowid % 2 = 1")
    left, right = sms.iloc[0::2].reset_index(drop=True), sms.iloc[1::2].reset_index(drop=True)
    # Guards the premise that rowid is the file position, so a failure below is about leakage.
    check_rows("even_rows (rowid % 2 = 0)", export(kernel, "even_rows", exports), left)
    check_rows("odd_rows (rowid % 2 = 1)", export(kernel, "odd_rows", exports), right)
    return left, right


@pytest.mark.parametrize("on, columns, normalized",
                         [c[1:] for c in LEAKAGE_CASES], ids=[c[0] for c in LEAKAGE_CASES])
def test_leakage_matches_pandas(kernel, sms, halves, on, columns, normalized):
    left, right = halves
    columns = columns or list(sms.columns)
    left_keys = Counter(key_tuples(left, columns, normalized))
    right_keys = Counter(key_tuples(right, columns, normalized))
    shared = left_keys.keys() & right_keys.keys()
    statement = f"leakage even_rows, odd_rows{on}"
    actual = result_json(kernel, f"%%assay\n{statement}")

    check_fields(statement, actual, {
        "kind": "leakage", "left": "even_rows", "right": "odd_rows", "on": columns,
        "normalize": normalized, "left_rows": len(left), "right_rows": len(right),
        "exact_overlap_rows": sum(right_keys[k] for k in shared),
        "shared_keys": len(shared),
        "left_overlap_rows": sum(left_keys[k] for k in shared)})
    assert actual["examples"], f"{statement}: no examples although {len(shared)} keys are shared"

    # Each example is a shared key, with its row counts on either side.
    for example in actual["examples"]:
        values = tuple(example["values"][c] for c in columns)
        key = tuple(normalize(v) if normalized else v for v in values)
        assert key in shared, f"{statement}: example {values!r} is not a shared key in pandas"
        got = (example["left_rows"], example["right_rows"])
        assert got == (left_keys[key], right_keys[key]), \
            f"{statement}: example {values!r} (left_rows, right_rows): Assay {got}, " \
            f"pandas {(left_keys[key], right_keys[key])}"
