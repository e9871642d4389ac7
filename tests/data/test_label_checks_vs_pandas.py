"""The label measures of ``check`` (issue 24) measured by a real kernel against pandas, scipy
and scikit-learn in the same run: ``imbalance(LABEL)``, ``minority(LABEL)`` (a fraction, in
percent with ``%``), ``new_labels(LABEL, OTHER)``, ``conflicts(LABEL)`` (rows, percent of the
labelled rows with ``%``) and ``association(COL, LABEL)`` (normalized mutual information), on
titanic, penguins, the SMS Spam Collection and generated data with planted conflicts, a planted
leaking feature and a planted identifier. Nothing is copied from Assay's output; values agree
to 1e-9 relative.

The definitions reproduced here (rows whose label is missing are left out of everything):

- imbalance: the largest class count over the smallest (``value_counts``);
- minority: the smallest class's share of the labelled rows;
- new_labels: label values of OTHER that the checked dataset has not;
- conflicts: labelled rows in groups of equal values of every other column (missing values
  equal, as ``groupby(dropna=False)``) whose labels differ;
- association: ``mutual_info_score`` of the column and the label over the rows where both are
  present, over the column's values when it is not a number or has at most 20 distinct values,
  else over numpy's Sturges bins of its values (``np.histogram_bin_edges(bins="sturges")``, the
  last bin closed), divided by the label's entropy (natural log) over the same rows.

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar \\
        target/pyenv/bin/python -m pytest -v tests/data/test_label_checks_vs_pandas.py
"""

import csv
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import entropy
from sklearn.metrics import mutual_info_score

from kernel_cells import cell_error, result_json, run_cell

DATA = Path(os.environ.get("ASSAY_SHARED", Path(__file__).resolve().parents[3] / "shared")) / "data"
REL = 1e-9


def assay_string(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def load(kernel, name, path, options=""):
    run_cell(kernel, f"%%assay\n{name} = load {assay_string(str(path))}{options}")


@pytest.fixture(scope="module")
def titanic(kernel):
    load(kernel, "titanic", DATA / "titanic.csv")
    return pd.read_csv(DATA / "titanic.csv")


@pytest.fixture(scope="module")
def penguins(kernel):
    load(kernel, "penguins", DATA / "penguins.csv")
    return pd.read_csv(DATA / "penguins.csv")


@pytest.fixture(scope="module")
def sms(kernel):
    # The file has no quoting: quote='' in Assay, QUOTE_NONE in pandas.
    load(kernel, "sms", DATA / "sms_spam.tsv", r" with (delimiter='\t', quote='', header=true)")
    return pd.read_csv(DATA / "sms_spam.tsv", sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False,
                       na_values=[""], dtype=str)


@pytest.fixture(scope="module")
def generated(kernel, tmp_path_factory):
    """Rows from a fixed seed: a skewed label with missing values, short texts and a small
    number that repeat (so some equal rows carry different labels: planted conflicts), a
    column that is the label in other words (a planted leak) and an all-distinct id (a
    planted identifier, in its own dataset so that it does not make every row distinct)."""
    rng = np.random.default_rng(24)
    n = 3000
    label = rng.choice(["cat", "dog", "bird", "fish"], size=n, p=[0.6, 0.3, 0.095, 0.005]).astype(object)
    label[rng.random(n) < 0.03] = None
    frame = pd.DataFrame({
        "text": rng.choice([f"word{i}" for i in range(40)], size=n),
        "n": rng.integers(0, 5, size=n),
        "label": label,
    })
    leaky = pd.DataFrame({
        "id": np.arange(n) * 7 + 3,
        "leak": ["is " + v if v is not None else "unknown" for v in label],
        "noise": rng.normal(size=n),
        "label": label,
    })
    other = pd.DataFrame({"label": ["cat", "dog", "lizard", "horse", "horse", None], "k": range(6)})
    folder = tmp_path_factory.mktemp("labels")
    for name, data in {"gen": frame, "leaky": leaky, "gen_other": other}.items():
        data.to_csv(folder / f"{name}.csv", index=False)
        load(kernel, name, folder / f"{name}.csv")
    return {"gen": pd.read_csv(folder / "gen.csv"), "leaky": pd.read_csv(folder / "leaky.csv"),
            "gen_other": pd.read_csv(folder / "gen_other.csv")}


def values(kernel, dataset, rules):
    """Each rule's value, from a check whose rules are all written to pass (`>= 0`)."""
    result = result_json(kernel, f"%%assay\ncheck {dataset}: {', '.join(rules)}")
    assert result["kind"] == "check" and result["passed"], result
    return {r["rule"]: r["value"] for r in result["rules"]}


def classes(frame, label):
    return frame[label].dropna().value_counts()


# ---------------------------------------------------------------------------
# imbalance, minority, new_labels: pandas value counts

@pytest.mark.parametrize("dataset,label", [("titanic", "survived"), ("titanic", "pclass"), ("penguins", "species"),
                                           ("penguins", "sex"), ("sms", "Label"), ("gen", "label")])
def test_imbalance_and_minority_match_pandas(kernel, titanic, penguins, sms, generated, dataset, label):
    frame = {"titanic": titanic, "penguins": penguins, "sms": sms, **generated}[dataset]
    counts = classes(frame, label)
    got = values(kernel, dataset, [f"imbalance({label}) >= 0", f"minority({label}) >= 0",
                                   f"minority({label}) >= 0%"])
    assert got[f"imbalance({label}) >= 0"] == pytest.approx(counts.max() / counts.min(), rel=REL)
    assert got[f"minority({label}) >= 0"] == pytest.approx(counts.min() / counts.sum(), rel=REL)
    assert got[f"minority({label}) >= 0%"] == pytest.approx(100 * counts.min() / counts.sum(), rel=REL)


def test_a_rare_class_fails_its_rule(kernel, generated):
    counts = classes(generated["gen"], "label")
    share = 100 * counts.min() / counts.sum()  # fish, about 0.5%
    text = cell_error(kernel, "%%assay\ncheck gen: minority(label) >= 1%, imbalance(label) < 10")
    assert "check gen failed 2 of 2 rules" in text
    assert f"minority(label) >= 1% (measured {share:.6g}%)" in text


def test_new_labels_match_pandas(kernel, titanic, penguins, generated):
    here, there = generated["gen"], generated["gen_other"]
    expected = len(set(there["label"].dropna()) - set(here["label"].dropna()))  # lizard, horse
    assert values(kernel, "gen", ["new_labels(label, gen_other) >= 0"])["new_labels(label, gen_other) >= 0"] == expected == 2
    back = len(set(here["label"].dropna()) - set(there["label"].dropna()))  # bird, fish
    assert values(kernel, "gen_other", ["new_labels(label, gen) >= 0"])["new_labels(label, gen) >= 0"] == back
    # A split of the same data: first-class passengers only see pclass 1; the whole set has 2 more.
    run_cell(kernel, "%%sql firstclass\nSELECT * FROM titanic WHERE pclass = 1")
    first = titanic[titanic["pclass"] == 1]
    assert values(kernel, "firstclass", ["new_labels(pclass, titanic) >= 0"])["new_labels(pclass, titanic) >= 0"] == \
        len(set(titanic["pclass"]) - set(first["pclass"]))
    assert values(kernel, "titanic", ["new_labels(pclass, firstclass) = 0"])["new_labels(pclass, firstclass) = 0"] == 0


# ---------------------------------------------------------------------------
# conflicts: a pandas group-by over every other column (waits for ConflictFinder, "con")

def expected_conflict_rows(frame, label):
    labelled = frame[frame[label].notna()]
    features = [c for c in frame.columns if c != label]
    labels_per_group = labelled.groupby(features, dropna=False)[label].transform("nunique")
    return int((labels_per_group > 1).sum()), len(labelled)


@pytest.mark.parametrize("dataset,label", [("gen", "label"), ("sms", "Label"), ("titanic", "survived"),
                                           ("penguins", "species")])
def test_conflicts_match_a_pandas_group_by(kernel, titanic, penguins, sms, generated, dataset, label):
    frame = {"titanic": titanic, "penguins": penguins, "sms": sms, **generated}[dataset]
    rows, labelled = expected_conflict_rows(frame, label)
    got = values(kernel, dataset, [f"conflicts({label}) >= 0", f"conflicts({label}) >= 0%"])
    assert got[f"conflicts({label}) >= 0"] == rows
    assert got[f"conflicts({label}) >= 0%"] == pytest.approx(100 * rows / labelled, rel=REL, abs=1e-12)
    if dataset == "gen":
        assert rows > 0, "the generated data has planted conflicts"


# ---------------------------------------------------------------------------
# association: scikit-learn's mutual information over the label's entropy (waits for AssociationScan, "assoc")

def sturges_bins(values):
    """Each value's bin among numpy's Sturges edges of the values, the last bin closed on the right."""
    edges = np.histogram_bin_edges(values, bins="sturges")
    return np.clip(np.searchsorted(edges, values, side="right") - 1, 0, len(edges) - 2)


def expected_normalized_mi(frame, column, label):
    both = frame[frame[column].notna() & frame[label].notna()]
    x = both[column]
    if pd.api.types.is_numeric_dtype(x) and not pd.api.types.is_bool_dtype(x) and x.nunique() > 20:
        x = sturges_bins(x.to_numpy(dtype=float))
    else:
        x = x.astype(str)
    y = both[label].astype(str)
    return mutual_info_score(y, x) / entropy(y.value_counts().to_numpy())


@pytest.mark.parametrize("dataset,column,label", [
    ("titanic", "sex", "survived"), ("titanic", "class", "survived"), ("titanic", "alive", "survived"),
    ("titanic", "fare", "survived"), ("titanic", "sex", "pclass"), ("penguins", "island", "species"),
    ("penguins", "flipper_length_mm", "species"), ("leaky", "leak", "label"), ("leaky", "noise", "label"),
    ("leaky", "id", "label"), ("gen", "text", "label")])
def test_association_matches_scikit_learn(kernel, titanic, penguins, generated, dataset, column, label):
    frame = {"titanic": titanic, "penguins": penguins, **generated}[dataset]
    expected = expected_normalized_mi(frame, column, label)
    rule = f"association({column}, {label}) >= 0"
    assert values(kernel, dataset, [rule])[rule] == pytest.approx(expected, rel=REL, abs=1e-12)
    if column in ("alive", "leak"):
        assert expected == pytest.approx(1.0), "the planted leak tells the label exactly"


# ---------------------------------------------------------------------------
# Bad input: a clear message naming the rule's place, no stack trace

def test_bad_label_rules_say_what_is_wrong_and_where(kernel, titanic, penguins):
    assert "line 2, column 16: no column 'survive' in titanic; did you mean 'survived'?" in \
        cell_error(kernel, "%%assay\ncheck titanic: imbalance(survive) < 10")
    assert "line 2, column 38: imbalance(survived) is a ratio (largest class / smallest), not a percentage" in \
        cell_error(kernel, "%%assay\ncheck titanic: imbalance(survived) < 5%")
    assert "new_labels compares the label with another dataset's: write new_labels(LABEL, OTHER)" in \
        cell_error(kernel, "%%assay\ncheck titanic: new_labels(survived) = 0")
    text = cell_error(kernel, "%%assay\ncheck titanic: new_labels(survived, penguin) = 0")
    assert "no dataset 'penguin'; did you mean 'penguins'?" in text
    assert "at dev.assay" not in text


def test_java_label_measures_measure_the_same(kernel, penguins):
    shown = result_json(kernel, 'assay.dataset("penguins").evaluate(Measure.imbalance("species").atMost(10), '
                                'Measure.minority("species").percent().atLeast(1))')
    counts = classes(penguins, "species")
    got = {r["rule"]: r["value"] for r in shown["rules"]}
    assert got["imbalance(species) <= 10"] == pytest.approx(counts.max() / counts.min(), rel=REL)
    assert got["minority(species) >= 1%"] == pytest.approx(100 * counts.min() / counts.sum(), rel=REL)
