"""`check` rules measured by a real kernel against pandas on ../shared/data: every value a
rule reports (rows, missing, distinct, duplicates, min, max, mean, and their percentages)
must be what pandas computes from the same file, and the verdicts must follow from them."""

import os
from pathlib import Path

import pandas as pd
import pytest

from kernel_cells import cell_error, execute, result_json, run_cell

DATA = Path(os.environ.get("ASSAY_SHARED", Path(__file__).resolve().parents[3] / "shared")) / "data"


@pytest.fixture(scope="module")
def taxis(kernel):
    run_cell(kernel, f"%%assay\ntaxis = load '{DATA / 'taxis.csv'}'")
    return pd.read_csv(DATA / "taxis.csv")


@pytest.fixture(scope="module")
def titanic(kernel):
    run_cell(kernel, f"%%assay\ntitanic = load '{DATA / 'titanic.csv'}'")
    return pd.read_csv(DATA / "titanic.csv")


def check(kernel, dataset, rules):
    """The check's JSON for rules that are all written to pass (`>= 0` and the like)."""
    return result_json(kernel, f"%%assay\ncheck {dataset}: {rules}")


def values(result):
    return {r["rule"]: r["value"] for r in result["rules"]}


def test_counts_and_shares_match_pandas(kernel, taxis):
    n = len(taxis)
    got = values(check(kernel, "taxis", "rows > 0, missing(payment) >= 0, missing(payment) >= 0%, "
                                        "distinct(pickup_zone) >= 0, distinct(pickup_zone) >= 0%, "
                                        "duplicates(pickup_zone, dropoff_zone) >= 0, duplicates(color) >= 0%, "
                                        "missing >= 0, missing >= 0%"))
    assert got["rows > 0"] == n
    assert got["missing(payment) >= 0"] == taxis["payment"].isna().sum()
    assert got["missing(payment) >= 0%"] == pytest.approx(100 * taxis["payment"].isna().sum() / n, rel=1e-12)
    assert got["distinct(pickup_zone) >= 0"] == taxis["pickup_zone"].nunique()
    assert got["distinct(pickup_zone) >= 0%"] == pytest.approx(100 * taxis["pickup_zone"].nunique() / n, rel=1e-12)
    assert got["duplicates(pickup_zone, dropoff_zone) >= 0"] == taxis.duplicated(["pickup_zone", "dropoff_zone"]).sum()
    assert got["duplicates(color) >= 0%"] == pytest.approx(100 * taxis.duplicated(["color"]).sum() / n, rel=1e-12)
    cells = taxis.isna().sum().sum()
    assert got["missing >= 0"] == cells == 186  # the shared README's count
    assert got["missing >= 0%"] == pytest.approx(100 * cells / taxis.size, rel=1e-12)


def test_min_max_mean_match_pandas(kernel, taxis, titanic):
    got = values(check(kernel, "taxis", "min(fare) >= -1000, max(tip) >= 0, mean(distance) >= 0, mean(passengers) >= 0"))
    assert got["min(fare) >= -1000"] == taxis["fare"].min()
    assert got["max(tip) >= 0"] == taxis["tip"].max()
    assert got["mean(distance) >= 0"] == pytest.approx(taxis["distance"].mean(), rel=1e-15)
    assert got["mean(passengers) >= 0"] == pytest.approx(taxis["passengers"].mean(), rel=1e-15)
    # age has missing values: pandas and the check both leave them out of the mean.
    got = values(check(kernel, "titanic", "mean(age) > 0, duplicates >= 0"))
    assert got["mean(age) > 0"] == pytest.approx(titanic["age"].mean(), rel=1e-15)
    assert got["duplicates >= 0"] == titanic.duplicated().sum()


def test_verdicts_follow_the_measured_values(kernel, titanic):
    rows = len(titanic)
    missing_age = 100 * titanic["age"].isna().sum() / rows  # about 19.9%
    text = cell_error(kernel, f"%%assay\ncheck titanic: rows = {rows}, missing(age) < 10%, missing(age) < 25%, "
                              f"distinct(sex) != 2")
    assert "CheckFailed" in text
    assert f"check titanic failed 2 of 4 rules: missing(age) < 10% (measured {missing_age:.6g}%)" in text
    assert "distinct(sex) != 2 (measured 2)" in text


def test_failed_check_is_displayed_before_its_error(kernel, titanic):
    messages, reply = execute(kernel, "%%assay\ncheck titanic: rows > 1000000")
    kinds = [m["msg_type"] for m in messages if m["msg_type"] in ("display_data", "execute_result", "error")]
    assert kinds == ["display_data", "error"]
    shown = messages[[m["msg_type"] for m in messages].index("display_data")]["content"]["data"]["application/vnd.assay.result+json"]
    assert shown == {"kind": "check", "dataset": "titanic", "passed": False,
                     "rules": [{"rule": "rows > 1000000", "value": len(titanic), "passed": False}]}
    assert reply["content"]["status"] == "error"


def test_java_check_measures_the_same(kernel, taxis):
    shown = result_json(kernel, 'assay.dataset("taxis").evaluate(Measure.missing("payment").percent().lessThan(1), '
                                'Measure.duplicates("pickup_zone", "dropoff_zone").atMost(10))')
    assert shown["kind"] == "check"
    got = {r["rule"]: r["value"] for r in shown["rules"]}
    assert got["missing(payment) < 1%"] == pytest.approx(100 * taxis["payment"].isna().sum() / len(taxis), rel=1e-12)
    assert got["duplicates(pickup_zone, dropoff_zone) <= 10"] == taxis.duplicated(["pickup_zone", "dropoff_zone"]).sum()
