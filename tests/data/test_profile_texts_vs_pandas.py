"""Assay's text integrity and duplicate columns in ``profile`` against a pandas reference:
per text column ``null_like`` and ``null_like_tokens``, ``numeric_like``, ``variants`` (with
``variant_examples`` and ``variant_rows``) and ``edge_spaces``; per dataset
``duplicate_columns``; the findings of those kinds with the rows they touch; and the check
``null_like(col)``, on titanic, diamonds, penguins, taxis, the SMS Spam Collection and a
generated table with planted null-like tokens, variants, mixed types, edge spaces and
duplicated columns.

Every reference value is computed here, in the same run, from the rules of docs/profile.md
("Texts", "Duplicate columns", "Findings and their ranking") written again in Python: the
tokens, the number grammar, white space and ``normalize``; nothing is copied from Assay's
output. Counts must be equal. Runs under a Python with pandas, pyarrow and jupyter_client:

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar \\
        target/pyenv/bin/python -m pytest -v tests/data/test_profile_texts_vs_pandas.py

One kernel serves every test of this module (tests/data/conftest.py).
"""

import csv
import random
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import cell_error, result_json, run_cell  # noqa: E402  (tests/data/kernel_cells.py)
from test_profile_vs_pandas import (DATA_DIR, assay_string, load_cell, profile_json,  # noqa: E402
                                    read_like_duckdb)

# ---------------------------------------------------------------- the rules, in Python

# White space as normalize collapses it: \t \n \v \f \r and the Unicode separators (Z*).
WHITE_SPACE = frozenset("\t\n\x0b\x0c\r") | frozenset(
    chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)).startswith("Z"))
SPACE_CLASS = "[" + "".join(re.escape(c) for c in sorted(WHITE_SPACE)) + "]"
NUMBER = re.compile(SPACE_CLASS + r"*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?" + SPACE_CLASS + "*")
NULL_WORDS = {"null", "none", "nan", "n/a", "na", "-", "?"}
VARIANT_EXAMPLES = 5
VALUES_SHOWN = 10
TEXT_KINDS = {"null_like", "numbers_as_text", "mixed_types", "variants", "edge_spaces", "duplicate_column"}


def trimmed(value):
    return value.strip("".join(WHITE_SPACE))


def null_like_token(value):
    """The token a value stands for ('' for empty or white space only), or None."""
    t = trimmed(value)
    if t == "":
        return ""
    # Only ASCII letters and signs make a token: lower-casing them is the same everywhere.
    return t.lower() if t.isascii() and t.lower() in NULL_WORDS else None


def has_edge_space(value):
    return trimmed(value) != "" and (value[0] in WHITE_SPACE or value[-1] in WHITE_SPACE)


def lower_code_point(ch):
    """One code point lower-cased to one code point, as DuckDB's lower ('İ' to 'i')."""
    lowered = ch.lower()
    return lowered[0] if len(lowered) > 1 else lowered


def normalize(text):
    """docs/duplicates-and-splits.md: lower-cased, punctuation (P*) removed, white space runs one space, trimmed."""
    out = []
    pending = False
    for ch in text:
        ch = lower_code_point(ch)
        if unicodedata.category(ch).startswith("P"):
            continue
        if ch in WHITE_SPACE:
            pending = True
            continue
        if pending and out:
            out.append(" ")
        pending = False
        out.append(ch)
    return "".join(out)


def expected_texts(series):
    """The text integrity fields of a column (a Series of str or None)."""
    values = [v for v in series if v is not None and not (isinstance(v, float) and pd.isna(v))]
    tokens = {}
    numeric = edges = 0
    for v in values:
        token = null_like_token(v)
        if token is not None:
            tokens[token] = tokens.get(token, 0) + 1
        numeric += NUMBER.fullmatch(v) is not None
        edges += has_edge_space(v)
    counts = pd.Series(values, dtype=object).value_counts() if values else pd.Series(dtype=object)
    groups = {}
    for value, n in counts.items():
        key = normalize(value)
        if key != "":
            groups.setdefault(key, []).append((value, int(n)))
    variant_groups = [g for g in groups.values() if len(g) > 1]
    ranked = sorted(variant_groups, key=lambda g: (-sum(n for _, n in g), min(v for v, _ in g)))
    return {
        "null_like": sum(tokens.values()),
        "null_like_tokens": [{"token": t, "count": n} for t, n in sorted(tokens.items(), key=lambda kv: (-kv[1], kv[0]))],
        "numeric_like": numeric,
        "variants": len(variant_groups),
        "variant_examples": [sorted(v for v, _ in g)[:VALUES_SHOWN] for g in ranked[:VARIANT_EXAMPLES]],
        "variant_rows": sum(n for g in variant_groups for _, n in g),
        "edge_spaces": edges,
    }


def expected_text_findings(name, count, t):
    """(column, kind, rows) of the text findings, by the thresholds of docs/profile.md."""
    found = set()
    if t["null_like"] > 0:
        found.add((name, "null_like", t["null_like"]))
    others = count - t["null_like"] - t["numeric_like"]
    if t["numeric_like"] > 0 and others == 0:
        found.add((name, "numbers_as_text", t["numeric_like"]))
    elif t["numeric_like"] > 0 and min(t["numeric_like"], others) * 100 >= t["numeric_like"] + others:
        found.add((name, "mixed_types", min(t["numeric_like"], others)))
    if t["variants"] > 0:
        found.add((name, "variants", t["variant_rows"]))
    if t["edge_spaces"] > 0:
        found.add((name, "edge_spaces", t["edge_spaces"]))
    return found


def equal_on_every_row(a, b):
    """pandas' equals on values, missing equal to missing (NaN and None alike)."""
    missing_a, missing_b = a.isna(), b.isna()
    if not missing_a.equals(missing_b):
        return False
    return bool((a[~missing_a].astype(object) == b[~missing_b].astype(object)).all())


def expected_duplicate_columns(columns):
    """Pairs (a, b) of columns of one type equal on every row, a before b."""
    pairs = []
    for i, (a, type_a, sa) in enumerate(columns):
        for b, type_b, sb in columns[i + 1:]:
            if type_a == type_b and equal_on_every_row(sa.reset_index(drop=True), sb.reset_index(drop=True)):
                pairs.append({"a": a, "b": b})
    return pairs


# ---------------------------------------------------------------- comparing


def compare(actual, name, columns):
    """Every text field, the duplicate columns and the findings of these kinds; all problems at once."""
    problems = []
    by_name = {c["name"]: c for c in actual["columns"]}
    expected_findings = set()
    rows = actual["rows"]
    for column, duckdb_type, series in columns:
        act = by_name[column]
        if act["type"] != duckdb_type:
            problems.append(f"{name}.{column} type: Assay {act['type']}, expected {duckdb_type}")
            continue
        if duckdb_type != "VARCHAR":
            for field in ("null_like", "null_like_tokens", "numeric_like", "variants", "variant_examples", "edge_spaces"):
                if act[field] is not None:
                    problems.append(f"{name}.{column} {field}: {act[field]!r}, expected null for {duckdb_type}")
            continue
        exp = expected_texts(series)
        for field, want in exp.items():
            if act.get(field) != want:
                problems.append(f"{name}.{column} {field}: Assay {act.get(field)!r}, pandas {want!r}")
        expected_findings |= expected_text_findings(column, act["count"], exp)
    pairs = expected_duplicate_columns(columns)
    if actual["duplicate_columns"] != pairs:
        problems.append(f"{name} duplicate_columns: Assay {actual['duplicate_columns']!r}, pandas {pairs!r}")
    expected_findings |= {(p["b"], "duplicate_column", rows) for p in pairs}
    found = {(f["column"], f["kind"], f["rows"]) for f in actual["findings"] if f["kind"] in TEXT_KINDS}
    if found != expected_findings:
        problems.append(f"{name} findings: Assay has {sorted(found - expected_findings)} more, "
                        f"lacks {sorted(expected_findings - found)}")
    ranks = [f["rows"] for f in actual["findings"]]
    if ranks != sorted(ranks, reverse=True):
        problems.append(f"{name} findings are not ranked by rows: {ranks}")
    assert not problems, f"{len(problems)} differences in `profile {name}`:\n  " + "\n  ".join(problems)


# ---------------------------------------------------------------- the planted table


def planted_frame(rows=3000, seed=25):
    """Null-like tokens in many spellings, numbers in text, variants, edge spaces (ASCII and
    Unicode), columns repeating others, and columns with equal statistics that differ."""
    rng = random.Random(seed)
    answers = ["Yes", "yes", "YES ", "yes!", "No", "no", "NO.", "N/A", "NA", " na ", "", "  ", "\t", "null", "NULL",
               "None", "-", "?", "nan", "NaN", "maybe", None, "12", " 3.5 ", "1e3", "-7", "+.5", "1,000", "inf", "0x1F"]
    cities = ["New York", "new york", "New-York", "NEW YORK ", " Boston", "Boston", "boston\u00a0", "Zürich",
              "zürich", "ZÜRICH", "São Paulo", "sao paulo", "\u2003Oslo", "Oslo", "Lima", None]
    frame = {
        "id": list(range(rows)),
        "answer": [rng.choice(answers) for _ in range(rows)],
        "amount_text": [rng.choice([f"{rng.randint(-500, 500)}", f"{rng.random() * 100:.2f}", "NA", "", None])
                        for _ in range(rows)],
        "mixed": [str(rng.randint(0, 99)) if rng.random() < 0.4 else rng.choice(["red", "green", "blue", "n/a"])
                  for _ in range(rows)],
        "city": [rng.choice(cities) for _ in range(rows)],
        "note": [rng.choice(["ok", "fine", "OK", "Fine!", "--", "!!", "good job", "Good  job"]) + ("" if rng.random() < 0.8 else " ")
                 for _ in range(rows)],
    }
    frame["city_copy"] = list(frame["city"])
    frame["n"] = [rng.randint(0, 20) for _ in range(rows)]
    frame["n_copy"] = list(frame["n"])
    frame["n_shuffled"] = rng.sample(frame["n"], rows)  # the same multiset: same statistics, other rows
    frame["flag_a"] = [i % 2 for i in range(rows)]
    frame["flag_b"] = [(i // 2) % 2 for i in range(rows)]  # as many 0s and 1s as flag_a
    frame["flag_c"] = [i % 2 for i in range(rows)]
    frame["x"] = [rng.random() if rng.random() < 0.9 else None for _ in range(rows)]
    frame["x_again"] = list(frame["x"])
    return frame


@pytest.fixture(scope="module")
def planted(kernel, tmp_path_factory):
    frame = planted_frame()
    schema = pa.schema([("id", pa.int64()), ("answer", pa.string()), ("amount_text", pa.string()), ("mixed", pa.string()),
                        ("city", pa.string()), ("note", pa.string()), ("city_copy", pa.string()), ("n", pa.int64()),
                        ("n_copy", pa.int64()), ("n_shuffled", pa.int64()), ("flag_a", pa.int64()), ("flag_b", pa.int64()),
                        ("flag_c", pa.int64()), ("x", pa.float64()), ("x_again", pa.float64())])
    path = tmp_path_factory.mktemp("texts") / "planted.parquet"
    pq.write_table(pa.table(frame, schema=schema), path)
    run_cell(kernel, load_cell("planted", path))
    types = {pa.int64(): "BIGINT", pa.float64(): "DOUBLE", pa.string(): "VARCHAR"}
    return [(f.name, types[f.type], pd.Series(frame[f.name], dtype=object if f.type == pa.string() else None))
            for f in schema]


# ---------------------------------------------------------------- tests


@pytest.mark.parametrize("dataset", ["titanic", "diamonds", "penguins", "taxis"])
def test_csv_datasets_match_the_reference(kernel, dataset):
    path = DATA_DIR / f"{dataset}.csv"
    _, columns = read_like_duckdb(path)
    run_cell(kernel, load_cell(f"{dataset}_texts", path))
    compare(profile_json(kernel, f"{dataset}_texts"), dataset, columns)


def test_sms_spam_matches_the_reference(kernel):
    path = DATA_DIR / "sms_spam.tsv"
    sms = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False, na_values=[""], dtype=str)
    run_cell(kernel, "%%assay\nsms_texts = load " + assay_string(str(path)) + " with (delimiter='\\t', quote='', header=true)")
    columns = [(c, "VARCHAR", sms[c].astype(object).where(sms[c].notna(), None)) for c in sms.columns]
    actual = profile_json(kernel, "sms_texts")
    compare(actual, "sms_spam", columns)
    message = next(c for c in actual["columns"] if c["name"] == "SMS")
    assert message["variants"] > 0 and message["edge_spaces"] > 0, "free text has both: the test compares non-zero counts"


def test_planted_problems_are_found_and_counted(kernel, planted):
    actual = profile_json(kernel, "planted")
    compare(actual, "planted", planted)
    pairs = [(p["a"], p["b"]) for p in actual["duplicate_columns"]]
    assert ("city", "city_copy") in pairs and ("n", "n_copy") in pairs and ("flag_a", "flag_c") in pairs \
           and ("x", "x_again") in pairs, pairs
    kinds = {(f["column"], f["kind"]) for f in actual["findings"]}
    for planted_finding in [("answer", "null_like"), ("amount_text", "numbers_as_text"), ("mixed", "mixed_types"),
                            ("city", "variants"), ("city", "edge_spaces"), ("city_copy", "duplicate_column")]:
        assert planted_finding in kinds, (planted_finding, sorted(kinds))


def test_null_like_check_counts_the_reference_rows(kernel, planted):
    series = dict((name, s) for name, _, s in planted)
    answers = [v for v in series["answer"] if v is not None]
    null_like = sum(null_like_token(v) is not None for v in answers)
    share = 100.0 * null_like / len(series["answer"])
    result = result_json(kernel, f"%%assay\ncheck planted: null_like(answer) = {null_like}, null_like(answer) <= {share + 1e-9}%")
    assert result["passed"], result
    assert result["rules"][0]["value"] == null_like
    assert abs(result["rules"][1]["value"] - share) < 1e-9


def test_null_like_of_a_number_column_is_refused_naming_it(kernel, planted):
    error = cell_error(kernel, "%%assay\ncheck planted: null_like(n) = 0")
    assert "null_like(n) needs a text column; 'n' is BIGINT" in error, error
    error = cell_error(kernel, "%%assay\ncheck planted: null_like(answr) = 0")
    assert "no column 'answr' in planted; did you mean 'answer'?" in error, error
