"""Assay's conflicting labels (``labels ... on LABEL [by COLS [normalize]] [near T]`` and the
``conflicts`` dataset) against pandas and a brute-force Jaccard, on the real datasets in
``../shared/data`` (titanic, the SMS Spam Collection) and on generated data with planted
conflicts.

The reference values are computed here, in the same run, from the data itself; nothing is
copied from Assay's output. Runs under the Python of ``../shared/tools/pyenv``:

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar \\
        target/pyenv/bin/python -m pytest -v tests/data/test_label_conflicts_vs_pandas.py

The definitions reproduced here (docs/labels.md, "Conflicts"), independently of Assay's code:

- only rows whose label is not NULL take part; a group is the rows with equal features
  (`by` columns, every column but the label by default), NULLs equal to each other
  (pandas' ``groupby(dropna=False)``); with ``normalize`` text features are normalized as
  tests/data/test_duplicates_vs_pandas.py's ``normalize`` does;
- a conflict group holds two or more distinct labels; `groups` counts them, `rows` their rows;
- `largest` lists the ten groups with the most rows, ties by first row; in each, the label
  counts largest first (ties by the smaller value), the majority label being the first, the
  first row's feature values, and the first five rows as examples;
- with ``near T`` a group is a cluster of texts: distinct normalized texts joined when the
  Jaccard similarity of their sets of 5-code-point shingles (the text itself when shorter) is
  at least T, closed transitively;
- the ``conflicts`` dataset holds the rows of every group in the source's order with
  `conflict_group` (1 = largest) and `majority_label`.
"""

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import result_json, run_cell  # noqa: E402
from test_duplicates_vs_pandas import (  # noqa: E402,F401  (the same definitions and `sms` fixture, not copied)
    DATA_DIR, assay_string, export, key_frame, load_csv, normalize, same_value, sms)

LARGEST = 10
EXAMPLES = 5


@pytest.fixture(scope="module")
def titanic(kernel):
    return load_csv(kernel, "titanic", DATA_DIR / "titanic.csv")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("conflicts")


# ---------------------------------------------------------------- the pandas side

def plain(value):
    """A pandas/numpy scalar as the plain Python value JSON gives."""
    return value.item() if isinstance(value, np.generic) else value


def label_order(item):
    value, count = item
    return (-count, value)


def expected_from_groups(frame, label, group_of_row):
    """Conflict groups from a Series of group ids over the labelled rows (index = row position)."""
    labelled = pd.DataFrame({"g": group_of_row, "row": group_of_row.index, "lab": frame.loc[group_of_row.index, label]})
    stats = labelled.groupby("g").agg(n=("row", "size"), first=("row", "min"), k=("lab", "nunique"))
    conflicting = stats[stats["k"] > 1].sort_values(["n", "first"], ascending=[False, True])
    largest = []
    for g, row in conflicting.head(LARGEST).iterrows():
        members = labelled[labelled["g"] == g].sort_values("row")
        counts = sorted(((plain(v), int(c)) for v, c in members["lab"].value_counts().items()), key=label_order)
        largest.append({"rows": int(row["n"]), "first": int(row["first"]), "labels": counts,
                        "majority": counts[0][0],
                        "examples": [(int(r), plain(v)) for r, v in members[["row", "lab"]].head(EXAMPLES).itertuples(index=False)]})
    in_conflict = labelled[labelled["g"].isin(conflicting.index)]
    return {"groups": len(conflicting), "rows": int(conflicting["n"].sum()), "largest": largest,
            "group_number": {g: i + 1 for i, g in enumerate(conflicting.index)},
            "members": in_conflict.sort_values("row")}


def expected_exact(frame, label, columns, normalized):
    labelled = frame[frame[label].notna()]
    keys = key_frame(labelled, columns, normalized)
    return expected_from_groups(frame, label, keys.groupby(columns, dropna=False, sort=False).ngroup())


def shingles(text):
    return {text} if len(text) < 5 else {text[i:i + 5] for i in range(len(text) - 4)}


def near_clusters(texts, threshold):
    """The cluster (its smallest document number) of each distinct normalized text, by brute force."""
    docs = list(dict.fromkeys(texts))
    sets = [shingles(d) for d in docs]
    parent = list(range(len(docs)))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            if len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= threshold:
                a, b = find(i), find(j)
                parent[max(a, b)] = min(a, b)
    return {d: find(i) for i, d in enumerate(docs)}


def expected_near(frame, label, column, threshold):
    texts = frame[column].map(normalize, na_action="ignore")
    cluster = near_clusters([t for t in texts if isinstance(t, str)], threshold)
    labelled = frame[frame[label].notna() & frame[column].notna()]
    return expected_from_groups(frame, label, texts[labelled.index].map(cluster))


# ---------------------------------------------------------------- comparing

def check_conflicts(what, actual, expected, frame=None, shown=()):
    conflicts = actual["conflicts"]
    assert (actual["conflict_groups"], actual["conflict_rows"]) == (expected["groups"], expected["rows"]), \
        f"{what}: Assay {actual['conflict_groups']} groups of {actual['conflict_rows']} rows, " \
        f"pandas {expected['groups']} of {expected['rows']}"
    assert (conflicts["groups"], conflicts["rows"]) == (expected["groups"], expected["rows"])
    got = [{"rows": g["rows"], "first": g["examples"][0]["row"],
            "labels": [(c["value"], c["count"]) for c in g["labels"]], "majority": g["majority_label"],
            "examples": [(e["row"], e["label"]) for e in g["examples"]]} for g in conflicts["largest"]]
    assert got == expected["largest"], f"{what}: largest groups differ\nAssay  {got}\npandas {expected['largest']}"
    assert [g["group"] for g in conflicts["largest"]] == list(range(1, len(got) + 1))
    for g in conflicts["largest"]:
        assert all(abs(c["share"] - c["count"] / g["rows"]) <= 1e-12 for c in g["labels"])
        first = frame.iloc[g["examples"][0]["row"]]
        for c in shown:
            assert same_value(g["features"][c], first[c]), \
                f"{what}: group {g['group']} shows {c}={g['features'][c]!r}, its first row has {first[c]!r}"


# ---------------------------------------------------------------- tests

TITANIC_CASES = [("by-sex-pclass-embarked", ["sex", "pclass", "embarked"]), ("all-but-label", None)]


@pytest.mark.parametrize("columns", [c[1] for c in TITANIC_CASES], ids=[c[0] for c in TITANIC_CASES])
def test_titanic_conflicts_match_pandas_groupby(kernel, titanic, columns):
    by = "" if columns is None else " by " + ", ".join(columns)
    features = columns or [c for c in titanic.columns if c != "survived"]
    expected = expected_exact(titanic, "survived", features, False)
    actual = result_json(kernel, f"%%assay\nlabels titanic on survived{by}")
    assert actual["conflicts"]["by"] == features
    assert actual["conflicts"]["features_shown"] == min(len(features), 10)
    # Every column but the label includes `alive`, survived's own text: no conflict at all.
    assert (expected["groups"] > 0) == (columns is not None)
    check_conflicts(f"labels titanic on survived{by}", actual, expected, titanic, features[:10])


@pytest.mark.parametrize("normalized", [False, True], ids=["exact", "normalize"])
def test_sms_conflicts_match_pandas(kernel, sms, normalized):
    clause = " by SMS normalize" if normalized else " by SMS"
    expected = expected_exact(sms, "Label", ["SMS"], normalized)
    actual = result_json(kernel, f"%%assay\nlabels sms on Label{clause}")
    # The collection's repeated texts agree on their label (0 groups either way): the planted
    # and near tests below hold conflicts of text.
    check_conflicts(f"labels sms on Label{clause}", actual, expected, sms, [] if normalized else ["SMS"])


def planted_frame():
    """400 rows of two features; 7 planted groups of mixed labels (some with a NULL feature), the rest agreeing."""
    rng = np.random.default_rng(24)
    rows = []
    for i in range(300):  # every key its own: no conflict
        rows.append((f"u{i}", int(i), "a" if i % 2 else "b"))
    for g in range(7):
        size = 3 + g * 2
        for k in range(size):
            rows.append((None if g % 3 == 0 else f"p{g}", g, ["x", "y", "z"][(k + g) % (2 + g % 2)]))
    for i in range(40):  # agreeing duplicates
        rows.append(("same", 1000 + i % 4, "c"))
    frame = pd.DataFrame(rows, columns=["name", "code", "label"])
    frame.loc[rng.choice(300, 10, replace=False), "label"] = None  # NULL labels left out
    return frame.sample(frac=1, random_state=7).reset_index(drop=True)


def test_planted_conflicts_and_the_conflicts_dataset(kernel, folder):
    frame = planted_frame()
    path = folder / "planted.csv"
    frame.to_csv(path, index=False)
    run_cell(kernel, f"%%assay\nplanted = load {assay_string(str(path))}")
    expected = expected_exact(frame, "label", ["name", "code"], False)
    assert expected["groups"] == 7
    actual = result_json(kernel, "%%assay\nlabels planted on label")
    check_conflicts("labels planted on label", actual, expected, frame, ["name", "code"])

    run_cell(kernel, "%%assay\nplanted_conflicts = conflicts planted on label")
    got = export(kernel, "planted_conflicts", folder)
    members = expected["members"]
    want = frame.loc[members["row"]].copy()
    majority = {g: max(sorted(c.items()), key=lambda kv: kv[1])[0]
                for g, c in ((g, m["lab"].value_counts().to_dict()) for g, m in members.groupby("g"))}
    want["conflict_group"] = members["g"].map(expected["group_number"]).astype(str).values
    want["majority_label"] = members["g"].map(majority).values
    want = want.astype(object).where(want.notna(), None).astype(str)
    assert list(got.columns) == ["name", "code", "label", "conflict_group", "majority_label"]
    got = got.astype(object).where(got.notna(), None).astype(str)
    assert got.values.tolist() == want.values.tolist()


def test_near_conflicts_match_brute_force_jaccard(kernel, sms, folder):
    sample = sms.head(400).copy()
    # Planted: near copies of 15 messages (one word added) with the other label.
    planted = sample.iloc[::27].head(15).copy()
    planted["SMS"] = planted["SMS"] + " ok"
    planted["Label"] = planted["Label"].map({"ham": "spam", "spam": "ham"})
    sample = pd.concat([sample, planted], ignore_index=True)
    path = folder / "near.csv"
    sample.to_csv(path, index=False)
    run_cell(kernel, f"%%assay\nnear_sample = load {assay_string(str(path))}")
    expected = expected_near(sample, "Label", "SMS", 0.7)
    assert expected["groups"] >= 10
    actual = result_json(kernel, "%%assay\nlabels near_sample on Label by SMS near 0.7")
    assert actual["conflicts"]["near"] == 0.7 and actual["conflicts"]["by"] == ["SMS"]
    check_conflicts("labels near_sample on Label by SMS near 0.7", actual, expected, sample, ["SMS"])
    for g in actual["conflicts"]["largest"]:
        for e in g["examples"]:
            assert e["text"] == sample["SMS"].iloc[e["row"]]

    run_cell(kernel, "%%assay\nnear_conflicts = conflicts near_sample on Label by SMS near 0.7")
    got = export(kernel, "near_conflicts", folder)
    assert got["SMS"].tolist() == sample.loc[expected["members"]["row"], "SMS"].tolist()
    assert got["conflict_group"].astype(int).tolist() == \
        expected["members"]["g"].map(expected["group_number"]).tolist()
