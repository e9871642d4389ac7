"""`suggest check for NAME [vs HOLDOUT]` on a real kernel: the suggested statement, run as
written in a new cell, passes on its own dataset (titanic, penguins and a generated table);
a planted change in one column fails only rules naming that column; a holdout that breaks a
rule widens or drops it, saying why, and the final statement passes on both; the new
`unexpected` measure counted against pandas; bad input named at its line and column."""

import os
from pathlib import Path

import pandas as pd
import pytest

from kernel_cells import cell_error, result_json, run_cell

DATA = Path(os.environ.get("ASSAY_SHARED", Path(__file__).resolve().parents[3] / "shared")) / "data"


@pytest.fixture(scope="module")
def titanic(kernel):
    run_cell(kernel, f"%%assay\ntitanic = load '{DATA / 'titanic.csv'}'")
    return pd.read_csv(DATA / "titanic.csv")


@pytest.fixture(scope="module")
def penguins(kernel):
    run_cell(kernel, f"%%assay\npenguins = load '{DATA / 'penguins.csv'}'")
    return pd.read_csv(DATA / "penguins.csv")


@pytest.fixture(scope="module")
def generated(kernel):
    """500 rows: integers, doubles with NULLs and negatives, a category of four, a free text, a boolean."""
    run_cell(kernel, "%%sql gen\nSELECT i AS id, CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 97) * 1.25 - 30 END AS score, "
                     "['red', 'green', 'blue', 'it''s grey'][i % 4 + 1] AS colour, 'note number ' || i AS note, "
                     "i % 3 = 0 AS flag FROM range(500) r(i)")


def suggest(kernel, text):
    return result_json(kernel, f"%%assay\n{text}")


def check_on(kernel, statement, dataset, original):
    """The suggested statement's rules checked on `dataset` (its JSON; the cell may fail)."""
    rules = statement.split(": ", 1)[1]
    assert statement.startswith(f"check {original}: ")
    cell = f"%%assay\ncheck {dataset}: {rules}"
    outputs = run_cell_outputs(kernel, cell)
    return outputs


def run_cell_outputs(kernel, cell):
    from kernel_cells import execute
    messages, _ = execute(kernel, cell)
    shown = [m for m in messages if m["msg_type"] in ("execute_result", "display_data")]
    assert shown, f"no result for {cell[:200]}"
    return shown[-1]["content"]["data"]["application/vnd.assay.result+json"]


def names_column(rule, column):
    """Whether a rule's measure names `column` among its arguments (the first argument is the column)."""
    inside = rule[rule.index("(") + 1:rule.index(")")] if "(" in rule else ""
    return inside.split(",")[0].strip() == column


@pytest.mark.parametrize("dataset", ["titanic", "penguins", "gen"])
def test_the_suggested_statement_run_as_written_passes_on_its_own_dataset(kernel, titanic, penguins, generated, dataset):
    s = suggest(kernel, f"suggest check for {dataset}")
    assert s["kind"] == "suggestion" and s["dataset"] == dataset and s["holdout"] is None
    assert s["widened"] == [] and s["dropped"] == []
    assert s["statement"] == f"check {dataset}: " + ", ".join(r["rule"] for r in s["rules"])
    assert all(r["reason"] for r in s["rules"])
    result = result_json(kernel, "%%assay\n" + s["statement"])
    assert result["passed"], [r for r in result["rules"] if not r["passed"]]
    assert len(result["rules"]) == len(s["rules"])


def test_the_rules_follow_the_profile_with_their_margins(kernel, titanic):
    rules = {r["rule"]: r["reason"] for r in suggest(kernel, "suggest check for titanic")["rules"]}
    n = len(titanic)
    assert f"rows >= {n * 9 // 10}" in rules
    age_missing = 100 * titanic["age"].isna().sum() / n
    bound = next(r for r in rules if r.startswith("missing(age) <= "))
    assert float(bound.split("<= ")[1].rstrip("%")) >= 1.5 * age_missing + 1
    assert "missing(survived) = 0" in rules
    embarked = sorted(titanic["embarked"].dropna().unique())
    assert "unexpected(embarked, " + ", ".join(f"'{v}'" for v in embarked) + ") = 0" in rules
    fare = titanic["fare"]
    fmin = next(r for r in rules if r.startswith("min(fare) >= "))
    fmax = next(r for r in rules if r.startswith("max(fare) <= "))
    assert float(fmin.split(">= ")[1]) == 0  # no fare is negative
    assert float(fmax.split("<= ")[1]) >= fare.max() + 0.1 * (fare.max() - fare.min())
    assert f"distinct(pclass) <= {max(titanic['pclass'].nunique() + 1, -(-12 * titanic['pclass'].nunique() // 10))}" in rules


PLANTED = {
    # column: SQL that replaces it, leaving every other column as it is
    "fare": "fare + 10000 AS fare",
    "embarked": "CASE WHEN survived = 1 THEN 'X' ELSE embarked END AS embarked",
    "age": "CASE WHEN pclass = 3 THEN NULL ELSE age END AS age",
}


@pytest.mark.parametrize("column", sorted(PLANTED))
def test_a_planted_change_in_one_column_fails_that_columns_rules_only(kernel, titanic, column):
    s = suggest(kernel, "suggest check for titanic")
    run_cell(kernel, f"%%sql planted_{column}\nSELECT * REPLACE ({PLANTED[column]}) FROM titanic")
    result = check_on(kernel, s["statement"], f"planted_{column}", "titanic")
    failed = [r["rule"] for r in result["rules"] if not r["passed"]]
    assert failed, f"the planted change in {column} fails no rule"
    assert all(names_column(r, column) for r in failed), failed


def test_a_holdout_that_breaks_rules_widens_or_drops_them_and_the_final_statement_passes_on_both(kernel, titanic):
    # The holdout: older passengers (beyond the range of age) and a tenth with a new embarkation port.
    run_cell(kernel, "%%sql holdout\nSELECT * REPLACE (age + 40 AS age, "
                     "CASE WHEN (rowid % 10) = 0 THEN 'Z' ELSE embarked END AS embarked) FROM titanic")
    s = suggest(kernel, "suggest check for titanic vs holdout")
    assert s["holdout"] == "holdout"
    widened = {w["was"]: w for w in s["widened"]}
    was_max_age = next(r for r in widened if r.startswith("max(age) <= "))
    top = titanic["age"].max() + 40
    assert f"the holdout's largest value is {top:g}" in widened[was_max_age]["reason"]
    assert float(widened[was_max_age]["rule"].split("<= ")[1]) >= top
    dropped = {d["rule"]: d["reason"] for d in s["dropped"]}
    unexpected = next(r for r in dropped if r.startswith("unexpected(embarked"))
    assert "the categories are not a fixed set" in dropped[unexpected]
    final = [r["rule"] for r in s["rules"]]
    assert unexpected not in final and widened[was_max_age]["rule"] in final
    own = result_json(kernel, "%%assay\n" + s["statement"])
    assert own["passed"], [r for r in own["rules"] if not r["passed"]]
    other = check_on(kernel, s["statement"], "holdout", "titanic")
    assert other["passed"], [r for r in other["rules"] if not r["passed"]]


@pytest.mark.parametrize("allowed", [["S", "C"], ["Q"], ["S", "C", "Q"], ["s"]])
def test_unexpected_counts_the_rows_outside_the_list_as_pandas_does(kernel, titanic, allowed):
    listed = ", ".join(f"'{v}'" for v in allowed)
    got = result_json(kernel, f"%%assay\ncheck titanic: unexpected(embarked, {listed}) >= 0, "
                              f"unexpected(embarked, {listed}) >= 0%")
    s = titanic["embarked"]
    expected = int((~s.isin(allowed) & s.notna()).sum())
    assert got["rules"][0]["value"] == expected
    assert got["rules"][1]["value"] == pytest.approx(100 * expected / len(titanic), rel=1e-12)


def test_unexpected_quotes_its_values(kernel, generated):
    got = result_json(kernel, "%%assay\ncheck gen: unexpected(colour, 'red', 'it\\'s grey') = 250")
    assert got["passed"], got


@pytest.mark.parametrize("cell, expected", [
    ("suggest check for titanc", "line 2, column 19: no dataset 'titanc'; did you mean 'titanic'?"),
    ("suggest check for titanic vs holdot", "did you mean 'holdout'?"),
    ("suggest check titanic", "line 2, column 15: expected 'for'"),
    ("suggest titanic", "line 2, column 9: expected 'check'"),
    ("check titanic: unexpected(embarked) = 0",
     "line 2, column 16: unexpected measures a column against the values allowed: write unexpected(COLUMN, 'a', 'b')"),
    ("check titanic: unexpected(age, '1') = 0", "line 2, column 16: unexpected(age, '1') needs a text column; 'age' is DOUBLE"),
])
def test_bad_input_says_what_is_wrong_and_where(kernel, titanic, cell, expected):
    if "holdot" in cell:
        run_cell(kernel, "%%sql holdout\nSELECT * FROM titanic")
    text = cell_error(kernel, "%%assay\n" + cell)
    assert expected in text, text
    assert "at dev.assay" not in text
