"""`report` through a real kernel, its figures against pandas computed from the same files:
rows, missing cells, duplicate rows, and rows of the second dataset that also occur in the
first (leakage); the page it writes is whole and names both datasets."""

import os
from pathlib import Path

import pandas as pd
import pytest

from kernel_cells import result_json, run_cell

DATA = Path(os.environ.get("ASSAY_SHARED", Path(__file__).resolve().parents[3] / "shared")) / "data"


@pytest.fixture(scope="module")
def halves(kernel, tmp_path_factory):
    """Two overlapping slices of taxis (rows 0-3999 and 3500-6432), written as CSV and loaded."""
    taxis = pd.read_csv(DATA / "taxis.csv")
    folder = tmp_path_factory.mktemp("report")
    first, second = taxis.iloc[:4000], taxis.iloc[3500:]
    first.to_csv(folder / "first.csv", index=False)
    second.to_csv(folder / "second.csv", index=False)
    run_cell(kernel, f"%%assay\nfirst = load '{folder / 'first.csv'}'\nsecond = load '{folder / 'second.csv'}'")
    return folder, first, second


def test_report_figures_match_pandas(kernel, halves):
    folder, first, second = halves
    page = folder / "out" / "first-vs-second.html"
    report = result_json(kernel, f"%%assay\nreport first vs second to '{page}'")

    assert report["kind"] == "report" and report["dataset"] == "first"
    assert report["rows"] == len(first)
    profile = {c["name"]: c for c in report["profile"]["columns"]}
    assert set(profile) == set(first.columns)
    for name in first.columns:
        assert profile[name]["missing"] == first[name].isna().sum(), name
    assert report["duplicates"]["duplicate_rows"] == first.duplicated().sum()

    # Leakage: rows of second whose every value (missing ones included) occurs as a row of first.
    marked = second.merge(first.drop_duplicates(), how="left", indicator=True)
    assert report["versus"]["leakage"]["exact_overlap_rows"] == (marked["_merge"] == "both").sum() == 500
    assert report["versus"]["drift"]["current"] == "second"
    assert {c["name"] for c in report["versus"]["drift"]["columns"]} == set(first.columns)

    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Quality report: first vs second</title>" in html
    assert report["file"] == str(page)


def test_a_dataset_without_free_text_has_no_near_duplicate_section(kernel, halves):
    report = result_json(kernel, "%%assay\nreport second")
    assert report["near_duplicates"] is None, "taxis has zone names, not prose"
    assert report["versus"] is None
