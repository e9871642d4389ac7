"""``check NAME against 'LABEL': ...`` (docs/baselines.md) against the same rules computed by
hand in Python, on the Palmer penguins and the taxis of ``../shared/data``.

A label ``peng`` gets six versions made by SQL from the penguins (one with a planted shift of
``bill_length_mm``, one whose own check fails). The same six frames are made here with pandas,
and every ``within N%`` / ``within N sd`` verdict, value, baseline and allowed range is
recomputed from pandas statistics of those frames: the baseline version's value for ``%``,
mean and sample standard deviation (ddof=1, pandas' ``std``) over the versions that count for
``sd``. The data are built so that leaving out the failed version changes a verdict.
``drift < N%`` is compared with scipy's ``ks_2samp`` on numeric columns (``auto`` picks KS
for numbers with more than 5 distinct values and at most 1000 reference values,
docs/drift.md); ``freshness`` with now minus the latest time computed here.

Runs under the Python of ``../shared/tools/pyenv``:

    ASSAY_SHARED=../shared JUPYTER_PATH=target/jupyter-prefix/share/jupyter \\
        target/pyenv/bin/python -m pytest -q tests/data/test_check_baseline.py

The failing check of version 5 records its outcome with that version in the store, which is
what leaves version 5 out of every baseline below.
"""

import json
import math
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pytest
from scipy import stats

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import cell_error, execute, result_json, run_cell  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("ASSAY_SHARED") or REPO_ROOT.parent / "shared") / "data"
RESULT = "application/vnd.assay.result+json"
REL = 1e-9

PEN = "SELECT * FROM pen"
COLUMNS = "species, island, bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g, sex"
# The six versions of 'peng', as SQL here and as pandas below; version 4 has the planted
# shift, version 5 doubles the body mass and fails its own check.
VERSIONS = [
    PEN,
    "SELECT * FROM pen WHERE island <> 'Torgersen'",
    "SELECT * FROM pen WHERE species <> 'Chinstrap' OR sex = 'MALE'",
    f"SELECT {COLUMNS.replace('bill_length_mm', 'bill_length_mm + 5 AS bill_length_mm')} FROM pen",
    f"SELECT {COLUMNS.replace('body_mass_g', 'body_mass_g * 2 AS body_mass_g')} FROM pen",
    "SELECT * FROM pen WHERE body_mass_g IS NULL OR body_mass_g > 3000",
]
FAILED_VERSION = 5
FAILING_CHECK = "mean(body_mass_g) < 6000"
# Tonight's data: body mass 500 g up, which is far from the versions that count and close
# to what the failed version would make of the mean.
NOW = f"SELECT {COLUMNS.replace('body_mass_g', 'body_mass_g + 500 AS body_mass_g')} FROM pen WHERE island <> 'Dream'"


def read_penguins():
    return pd.read_csv(DATA_DIR / "penguins.csv", keep_default_na=False, na_values=[""])


def versions_in_pandas(pen):
    shifted = pen.copy()
    shifted["bill_length_mm"] = shifted["bill_length_mm"] + 5
    doubled = pen.copy()
    doubled["body_mass_g"] = doubled["body_mass_g"] * 2
    return [
        pen,
        pen[pen["island"] != "Torgersen"],
        pen[(pen["species"] != "Chinstrap") | (pen["sex"] == "MALE")],
        shifted,
        doubled,
        pen[pen["body_mass_g"].isna() | (pen["body_mass_g"] > 3000)],
    ]


def now_in_pandas(pen):
    now = pen[pen["island"] != "Dream"].copy()
    now["body_mass_g"] = now["body_mass_g"] + 500
    return now


# What each measure is in pandas, by the rule's measure as written.
MEASURES = {
    "rows": len,
    "mean(bill_length_mm)": lambda f: f["bill_length_mm"].mean(),
    "mean(body_mass_g)": lambda f: f["body_mass_g"].mean(),
    "missing(sex)": lambda f: int(f["sex"].isna().sum()),
    "missing(sex)%": lambda f: 100 * f["sex"].isna().sum() / len(f),
    "distinct(island)": lambda f: f["island"].nunique(),
    "max(flipper_length_mm)": lambda f: f["flipper_length_mm"].max(),
    "min(bill_depth_mm)": lambda f: f["bill_depth_mm"].min(),
}
RULES = [
    "rows within 10%",
    "mean(bill_length_mm) within 5%",
    "mean(body_mass_g) within 2 sd",
    "missing(sex) within 50%",
    "missing(sex)% within 20%",
    "distinct(island) within 0%",
    "max(flipper_length_mm) within 3 sd",
    "min(bill_depth_mm) within 1 sd",
    "mean(bill_length_mm) within 2 sd",
    "rows within 1 sd",
]


def by_hand(rule, now, versions, counted):
    """(value, baseline, low, high, passed) of a within rule, from pandas; counted: version numbers used."""
    measure, tolerance = rule.split(" within ")
    value = float(MEASURES[measure](now))
    values = [float(MEASURES[measure](versions[v - 1])) for v in counted]
    if tolerance.endswith("%"):
        baseline = values[-1]
        slack = float(tolerance[:-1]) / 100 * abs(baseline)
    else:
        series = pd.Series(values)
        baseline = series.mean()
        slack = float(tolerance.split()[0]) * series.std()  # ddof=1
    return value, baseline, baseline - slack, baseline + slack, abs(value - baseline) <= slack


def assay_string(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def java_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def shown_check(kernel, code):
    """The check JSON a cell displays, whether the check passed (its result) or failed (shown, then an error)."""
    messages, _ = execute(kernel, code)
    shown = [m for m in messages if m["msg_type"] in ("display_data", "execute_result") and RESULT in m["content"]["data"]]
    assert shown, f"no check result shown by:\n{code}\n{[m['msg_type'] for m in messages]}"
    value = shown[-1]["content"]["data"][RESULT]
    return json.loads(value) if isinstance(value, str) else value


def sql(kernel, name, query):
    run_cell(kernel, f"%%sql {name}\n{query}")


def check_passed(kernel, ref):
    """The store's latest recorded check of a version's content: 'true', 'false' or 'null'."""
    return _java_value(kernel, "String.valueOf(assay.store().checkPassed(assay.store().resolve("
                               f"dev.assay.dsl.store.VersionRef.parse({java_string(ref)})).fingerprint()))")


def _java_value(kernel, expression):
    messages = run_cell(kernel, expression)
    results = [m for m in messages if m["msg_type"] == "execute_result"]
    assert results, f"{expression} gave no value"
    return results[-1]["content"]["data"]["text/plain"].strip().strip('"')


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def store(kernel, tmp_path_factory):
    directory = tmp_path_factory.mktemp("baseline") / "store"
    run_cell(kernel, f"assay.useStore({java_string(str(directory))});")
    run_cell(kernel, f"%%assay\npen = load {assay_string(str(DATA_DIR / 'penguins.csv'))}")
    return directory


@pytest.fixture(scope="module")
def peng(kernel, store):
    """Six versions of 'peng'; version 5's own check fails (and is run on its loaded pin)."""
    for n, query in enumerate(VERSIONS, start=1):
        sql(kernel, "v", query)
        pinned = result_json(kernel, "%%assay\npin v as 'peng'")
        assert pinned["version"] == n
    run_cell(kernel, f"%%assay\nv5 = load pin 'peng@{FAILED_VERSION}'")
    text = cell_error(kernel, f"%%assay\ncheck v5: {FAILING_CHECK}")
    assert "CheckFailed" in text
    assert check_passed(kernel, f"peng@{FAILED_VERSION}") == "false"
    pen = read_penguins()
    return versions_in_pandas(pen), now_in_pandas(pen)


# ---------------------------------------------------------------- within

def test_every_within_verdict_matches_the_rule_computed_by_hand(kernel, peng):
    versions, now = peng
    sql(kernel, "tonight", NOW)
    result = shown_check(kernel, f"%%assay\ncheck tonight against 'peng': {', '.join(RULES)}")
    counted = [v for v in range(1, 7) if v != FAILED_VERSION]
    assert result["baseline"] == {"label": "peng", "version": 6, "versions": counted,
                                  "left_out": [{"version": FAILED_VERSION, "reason": "its latest check failed"}]}
    for got, rule in zip(result["rules"], RULES):
        assert got["rule"] == rule
        value, baseline, low, high, passed = by_hand(rule, now, versions, counted)
        assert got["value"] == pytest.approx(value, rel=REL), rule
        assert got["baseline"] == pytest.approx(baseline, rel=REL), rule
        assert got["allowed"] == pytest.approx([low, high], rel=REL, abs=1e-9), rule
        assert got["passed"] == passed, f"{rule}: {got}"
        assert got["versions"] == ([6] if rule.endswith("%") else counted), rule
    assert {r["passed"] for r in result["rules"]} == {True, False}, "the rules must test both verdicts"
    assert result["passed"] is False


def test_leaving_out_the_failed_version_changes_the_verdict(kernel, peng):
    versions, now = peng
    sql(kernel, "tonight", NOW)
    rule = "mean(body_mass_g) within 2 sd"
    counted = [v for v in range(1, 7) if v != FAILED_VERSION]
    without = by_hand(rule, now, versions, counted)[4]
    with_failed = by_hand(rule, now, versions, list(range(1, 7)))[4]
    assert without != with_failed, "the data must make the failed version matter"
    got = shown_check(kernel, f"%%assay\ncheck tonight against 'peng': {rule}")["rules"][0]
    assert got["passed"] == without
    assert FAILED_VERSION not in got["versions"]


def test_the_checked_versions_own_pin_is_left_out(kernel, peng):
    versions, _ = peng
    run_cell(kernel, "%%assay\nlatest = load pin 'peng'")
    result = shown_check(kernel, "%%assay\ncheck latest against 'peng': rows within 10%")
    assert result["baseline"]["left_out"] == [{"version": 5, "reason": "its latest check failed"},
                                              {"version": 6, "reason": "it is the version checked"}]
    got = result["rules"][0]
    assert got["baseline"] == len(versions[3]), "compared with version 4, the latest left"
    assert got["passed"] == (abs(len(versions[5]) - len(versions[3])) <= 0.1 * len(versions[3]))


def test_within_sd_needs_three_versions(kernel, store):
    for n in (1, 2):
        sql(kernel, "few", f"SELECT * FROM pen LIMIT {100 * n}")
        run_cell(kernel, "%%assay\npin few as 'few'")
    got = shown_check(kernel, "%%assay\ncheck pen against 'few': rows within 3 sd")["rules"][0]
    assert got["passed"] is False
    assert got["value"] == len(read_penguins())
    assert got["note"].startswith("within 3 sd needs at least 3 baseline versions with a value; 'few' has 2")


# ---------------------------------------------------------------- schema, drift, freshness

def test_schema_unchanged_lists_added_removed_and_retyped_columns(kernel, store):
    # A table of its own: pen was checked (and failed) above, and pinning pen would record those
    # checks with pschema@1, which would then be left out of the baseline.
    sql(kernel, "pen_schema", PEN)
    pinned = result_json(kernel, "%%assay\npin pen_schema as 'pschema'")
    sql(kernel, "changed", "SELECT species, island, bill_length_mm, CAST(flipper_length_mm AS DOUBLE) AS flipper_length_mm, "
                           "body_mass_g, sex, 1 AS extra FROM pen")
    got = shown_check(kernel, "%%assay\ncheck changed against 'pschema': schema unchanged")["rules"][0]
    before = {c["name"]: c["type"] for c in pinned["schema"]}
    after = ["species", "island", "bill_length_mm", "flipper_length_mm", "body_mass_g", "sex", "extra"]
    assert got["passed"] is False
    assert got["schema"]["added"] == [c for c in after if c not in before]
    assert got["schema"]["removed"] == [c for c in before if c not in after]
    assert got["schema"]["retyped"] == [{"column": "flipper_length_mm", "was": before["flipper_length_mm"], "is": "DOUBLE"}]
    assert before["flipper_length_mm"] != "DOUBLE"
    sql(kernel, "pen_again", PEN)  # pen_schema itself is pschema@1 now, which a check against pschema leaves out
    same = shown_check(kernel, "%%assay\ncheck pen_again against 'pschema': schema unchanged")["rules"][0]
    assert same["passed"] is True and same["value"] == 0


NUMBERS = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]


def test_drift_share_matches_scipy(kernel, store):
    sql(kernel, "nums", f"SELECT {', '.join(NUMBERS)} FROM pen")
    run_cell(kernel, "%%assay\npin nums as 'pdrift'")
    shifted = "SELECT CASE WHEN species = 'Adelie' THEN bill_length_mm + 4 ELSE bill_length_mm END AS bill_length_mm, " \
              "bill_depth_mm, flipper_length_mm, body_mass_g FROM pen WHERE body_mass_g IS NULL OR body_mass_g <> 3800"
    sql(kernel, "later", shifted)
    got = shown_check(kernel, "%%assay\ncheck later against 'pdrift': drift < 20%")["rules"][0]
    pen = read_penguins()
    later = pen[pen["body_mass_g"].isna() | (pen["body_mass_g"] != 3800)].copy()
    later.loc[later["species"] == "Adelie", "bill_length_mm"] += 4
    drifted = [c for c in NUMBERS
               if stats.ks_2samp(pen[c].dropna(), later[c].dropna(), method="auto").pvalue < 0.05]
    share = 100 * len(drifted) / len(NUMBERS)
    assert 0 < len(drifted) < len(NUMBERS), "the data must drift in some columns, not all"
    assert got["value"] == pytest.approx(share, rel=1e-12)
    assert got["passed"] == (share < 20)
    assert got["against"] == "pdrift@1"


def test_freshness_is_now_minus_the_latest_time(kernel, store):
    run_cell(kernel, f"%%assay\ntaxis = load {assay_string(str(DATA_DIR / 'taxis.csv'))}")
    taxis = pd.read_csv(DATA_DIR / "taxis.csv", parse_dates=["pickup", "dropoff"])
    latest = taxis["pickup"].max().tz_localize("UTC")  # a TIMESTAMP without zone is read as UTC
    fixed = datetime(2019, 4, 2, 6, 30, tzinfo=timezone.utc)
    run_cell(kernel, f"assay.useClock(java.time.Clock.fixed(java.time.Instant.parse(\"{fixed:%Y-%m-%dT%H:%M:%SZ}\"), "
                     "java.time.ZoneOffset.UTC));")
    try:
        result = shown_check(kernel, "%%assay\ncheck taxis: freshness(pickup) <= 2 days, freshness(pickup) < 1 week, "
                                     "freshness(pickup) <= 36 hours")
    finally:
        run_cell(kernel, "assay.useClock(java.time.Clock.systemUTC());")
    age = (fixed - latest.to_pydatetime()).total_seconds()
    rules = result["rules"]
    assert [r["rule"] for r in rules] == ["freshness(pickup) <= 2 days", "freshness(pickup) < 1 week",
                                          "freshness(pickup) <= 36 h"]
    for r, limit in zip(rules, [2 * 86400, 7 * 86400, 36 * 3600]):
        assert r["value"] == pytest.approx(age, rel=1e-12)
        assert r["passed"] == (age <= limit)
        assert r["latest"] == latest.strftime("%Y-%m-%dT%H:%M:%SZ")
    before = datetime.now(timezone.utc)
    live = shown_check(kernel, "%%assay\ncheck taxis: freshness(pickup) <= 1 day")["rules"][0]
    after = datetime.now(timezone.utc)
    assert (before - latest).total_seconds() - 1 <= live["value"] <= (after - latest).total_seconds() + 1
    assert live["passed"] is False


# ---------------------------------------------------------------- bad input

@pytest.mark.parametrize("statement, where, what", [
    ("check pen against 'pen': rows within 10%", "line 2, column 19", "no pinned versions of 'pen'"),
    ("check pen against 'pschem': rows within 10%", "line 2, column 19", "did you mean 'pschema'?"),
    ("check pen against 'peng': rows > 0, duplicates within 10%", "line 2, column 37",
     "duplicates has no value kept with pinned versions"),
    ("check pen against 'peng': pii(sex) within 1 sd", "line 2, column 27", "within applies to rows, missing"),
    ("check pen: rows > 0, mean(body_mass_g) within 5%", "line 2, column 22", "write check pen against 'LABEL'"),
    ("check pen: schema unchanged", "line 2, column 12", "write check pen against 'LABEL'"),
    ("check pen: drift < 10%", "line 2, column 12", "write check pen against 'LABEL'"),
    ("check pen: freshness(pickup) <= 12 parsecs", "line 2, column 36", "unknown unit of time 'parsecs'"),
    ("check pen: freshness(pickup) <= -3 h", "line 2, column 33", "a duration is more than 0"),
    ("check pen: freshness(pickup) <= h", "line 2, column 33", "expected a duration"),
    ("check pen: freshness(pickup) <= 12 hourz", "line 2, column 36", "did you mean 'hour'?"),
    ("check pen: freshness(species) <= 12 h", "line 2, column 12", "needs a date or time column; 'species' is VARCHAR"),
])
def test_bad_input_is_reported_where_it_is_written(kernel, peng, statement, where, what):
    sql(kernel, "keep", "SELECT count(*) AS n FROM pen")
    text = cell_error(kernel, f"%%assay\n{statement}")
    assert f"{where}: " in text and what in text, text
    assert "at dev.assay" not in text, "no Java stack trace"
    # every dataset is as it was
    assert result_json(kernel, "%%assay\ncheck pen: rows > 0")["rules"][0]["value"] == len(read_penguins())


# ---------------------------------------------------------------- outcomes recorded with versions

def test_a_failing_check_is_recorded_with_its_version(kernel, store):
    sql(kernel, "rec", "SELECT * FROM pen WHERE species = 'Gentoo'")
    run_cell(kernel, "%%assay\npin rec as 'recorded'")
    assert check_passed(kernel, "recorded@1") == "null"
    cell_error(kernel, "%%assay\ncheck rec: rows > 100000")
    assert check_passed(kernel, "recorded@1") == "false"
