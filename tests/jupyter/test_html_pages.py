"""Executed notebooks as HTML, opened in headless Chromium (Debian's `chromium`, through
Playwright) the way a reader opens them:

- `assay.jar run NOTEBOOK --html OUT.html` writes one self-contained page: it must load
  with every request outside the file refused, decode every image, and fit a phone's width;
- the quality report the quickstart writes (`report train vs test to 'out/...html'`), and
  the example committed under sample-notebooks/examples/, must pass the same checks;
- `jupyter nbconvert --to html --execute` runs every sample notebook through the installed
  kernelspec and keeps its outputs (its own template may load scripts from a CDN, so that
  page is not checked offline).

    ASSAY_JAR=kernel/target/assay.jar JUPYTER_PATH=PREFIX/share/jupyter \\
        target/pyenv/bin/python -m pytest -v tests/jupyter/test_html_pages.py
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from offline_page import DESKTOP, PHONE, chromium_path, open_offline
from table_alignment import TABLES_JS, THUMBNAIL_CORNER_ALPHA_JS, layout, misaligned

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("ASSAY_SHARED") or REPO_ROOT.parent / "shared") / "data"
SAMPLES = REPO_ROOT / "sample-notebooks"
BIN = Path(sys.executable).parent
TIMEOUT = 600
# Samples whose outputs are tables and text only (pins, versions and diffs draw no chart).
WITHOUT_CHARTS = {"versions.ipynb"}


@pytest.fixture
def samples(tmp_path):
    """A copy of sample-notebooks/, so runs write their outputs and stores into a temporary folder."""
    copy = tmp_path / "sample-notebooks"
    shutil.copytree(SAMPLES, copy, ignore=shutil.ignore_patterns(".assay", "*.out.ipynb"))
    return copy


def run_to_html(jar, notebook, out_dir, *args):
    page = out_dir / (notebook.stem + ".html")
    proc = subprocess.run(
        ["java", "-jar", str(jar), "run", str(notebook), "-o", str(out_dir / "out.ipynb"), "--html", str(page), *args],
        capture_output=True, text=True, timeout=TIMEOUT,
    )
    return proc, page


def assert_offline_and_whole(seen):
    assert seen.requests == [seen.url], f"the page asked for more than itself: {seen.requests}"
    assert seen.fetched_elsewhere == []
    assert seen.console_errors == [], "a CSP violation or script error: " + "; ".join(seen.console_errors)
    assert seen.images, "no image on the page"
    undecoded = [image["src"] for image in seen.images if not image["decoded"]]
    assert undecoded == [], f"images that did not decode: {undecoded}"
    assert seen.tables > 0, "no table on the page"


def test_run_html_of_the_quickstart_is_whole_offline_and_fits_a_phone(assay_jar, samples, tmp_path):
    proc, page = run_to_html(assay_jar, samples / "quickstart.ipynb", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f"and {page}" in proc.stderr

    seen = open_offline(page, viewport=DESKTOP)
    assert_offline_and_whole(seen)
    assert re.search(r"All \d+ code cells ran", seen.text), seen.text[:500]
    assert "In [1]:" in seen.text and "Profile of sms" in seen.text

    phone = open_offline(page, viewport=PHONE)
    assert_offline_and_whole(phone)
    assert phone.scroll_width <= PHONE["width"], "the page scrolls sideways on a phone (wide tables must scroll on their own)"

    # The same run wrote the quality report of its last cell.
    assert_report_is_whole(samples / "out" / "sms-train-vs-test.html")


def assert_report_is_whole(report):
    for viewport in (DESKTOP, PHONE):
        seen = open_offline(report, viewport=viewport)
        assert_offline_and_whole(seen)
        for heading in ("Quality report: train vs test", "Profile", "Duplicates", "Personal data",
                        "Leakage: train and test", "Drift from train to test", "Pinned versions in this session",
                        "Checks in this session"):
            assert heading in seen.text, f"no '{heading}' in the report"
        # "Pinned train as sms-train@1", or "train is unchanged: it is sms-train@1" when rerun on the same store.
        assert "sms-train@" in seen.text and "Check train passed" in seen.text
        assert len(seen.images) >= 4, "profile and drift charts, and a thumbnail per drift row"
        assert seen.scroll_width <= viewport["width"], f"the report is wider than {viewport['width']} px"


def test_the_committed_example_report_is_whole_offline():
    assert_report_is_whole(SAMPLES / "examples" / "sms-train-vs-test.html")


def test_run_html_after_a_failed_check_shows_the_failure(assay_jar, samples, tmp_path):
    proc, page = run_to_html(assay_jar, samples / "quickstart.ipynb", tmp_path, "-p", "MIN_ROWS=10000")
    assert proc.returncode == 1, proc.stderr
    seen = open_offline(page)
    assert_offline_and_whole(seen)
    assert re.search(r"Failed at cell \d+ \(In \[\d+\]\): CheckFailed", seen.text), seen.text[:500]
    assert "check train failed 1 of 6 rules: rows >= 10000" in seen.text
    assert "\x1b" not in page.read_text(encoding="utf-8")


# spark.ipynb needs a Spark Connect server: test_spark_kernel.py runs it.
@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.ipynb") if p.name != "spark.ipynb"))
def test_nbconvert_executes_each_sample_to_html(kernelspec, samples, name):
    notebook = samples / name
    proc = subprocess.run(
        [str(BIN / "jupyter-nbconvert"), "--to", "html", "--execute", str(notebook),
         "--ExecutePreprocessor.kernel_name=assay", "--ExecutePreprocessor.timeout=300",
         "--output-dir", str(samples / "html")],
        capture_output=True, text=True, timeout=TIMEOUT,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    html = (samples / "html" / (notebook.stem + ".html")).read_text(encoding="utf-8")
    assert "<table" in html, "no table output in the page"
    if name not in WITHOUT_CHARTS:
        assert re.search(r"<img[^>]+src=\"data:image/png;base64,", html), "no image output in the page"
    assert "jp-RenderedHTML" in html, "no HTML output in the page"


# Every kind of table the item names: drift (column, kind, note), pin (step, statement),
# versions and lineage, diff (rows only on one side, changed values with NULLs), a table
# preview with NULLs in text and number columns, and a profile.
ALIGNMENT_CELLS = [
    "%%assay\nt = load '{titanic}'",
    "%%sql people\nSELECT row_number() OVER () AS id, * FROM t",
    "%%assay\ntrain, test = split people 80/20 stratify survived seed 1\ndrift train vs test",
    "%%assay\npin people as 'people'",
    "%%sql older\nSELECT * REPLACE (CASE WHEN id % 7 = 0 THEN NULL ELSE age END AS age,\n"
    "  CASE WHEN id % 5 = 0 THEN 'X' ELSE embarked END AS embarked) FROM people WHERE id % 11 <> 0",
    "%%assay\npin older as 'people'\nversions 'people'\ndiff 'people@1' 'people@2'\ndiff 'people@1' 'people@2' on id",
    "%%sql\nSELECT deck, age, embark_town FROM t LIMIT 12",
    "%%assay\nprofile t",
]


def notebook_of(cells):
    return {"nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "assay", "display_name": "Assay (Java)", "language": "java"}},
            "cells": [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None, "outputs": [],
                       "source": source} for i, source in enumerate(cells)]}


def tables_in(page_file, selector):
    """The output tables' computed alignments and the drift thumbnails' corner alphas, offline."""
    url = page_file.resolve().as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), headless=True)
        try:
            context = browser.new_context(viewport=DESKTOP, offline=True)
            page = context.new_page()
            # nbconvert's page asks a CDN for scripts; its styles are inline, and all that is checked here.
            page.route("**/*", lambda route: route.continue_() if route.request.url == url
                       or route.request.url.startswith("data:") else route.abort())
            page.goto(url, wait_until="load")
            return page.evaluate(TABLES_JS, selector), page.evaluate(THUMBNAIL_CORNER_ALPHA_JS)
        finally:
            browser.close()


def test_notebook_tables_align_as_the_standalone_page(assay_jar, tmp_path):
    """Issue 20, item 7: in nbconvert's page (JupyterLab's styles) and the standalone page,
    headers align with their columns, NULLs with theirs, numbers right and text left, the
    same way in both; drift thumbnails have no white background to box them on grey rows."""
    titanic = DATA_DIR / "titanic.csv"
    assert titanic.is_file(), f"missing {titanic}"
    notebook = tmp_path / "tables.ipynb"
    cells = [c.replace("{titanic}", str(titanic)) for c in ALIGNMENT_CELLS]
    notebook.write_text(json.dumps(notebook_of(cells)), encoding="utf-8")
    proc = subprocess.run(
        ["java", "-jar", str(assay_jar), "run", str(notebook), "-o", str(tmp_path / "out.ipynb"),
         "--html", str(tmp_path / "standalone.html")],
        capture_output=True, text=True, timeout=TIMEOUT, env={**os.environ, "ASSAY_STORE": str(tmp_path / "store")})
    assert proc.returncode == 0, proc.stderr[-3000:]
    converted = subprocess.run(
        [str(BIN / "jupyter-nbconvert"), "--to", "html", str(tmp_path / "out.ipynb"), "--output-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=TIMEOUT)
    assert converted.returncode == 0, converted.stderr[-3000:]

    standalone, standalone_alphas = tables_in(tmp_path / "standalone.html", ".nb-html table")
    lab, lab_alphas = tables_in(tmp_path / "out.html", ".jp-OutputArea-output table")
    heads = [[h.split("\n")[0] for h, _ in t["head"]] for t in lab]
    for wanted in (["column", "kind", "method"], ["step", "statement"], ["version", "fingerprint", "rows"],
                   ["id", "survived"], ["deck", "age", "embark_town"], ["column", "missing", "distinct"]):
        assert any(h[:len(wanted)] == wanted for h in heads), f"no table headed {wanted} among {heads}"
    problems = misaligned(lab)
    assert problems == [], "nbconvert (JupyterLab's styles):\n" + "\n".join(problems)
    problems = misaligned(standalone)
    assert problems == [], "the standalone page:\n" + "\n".join(problems)
    assert layout(lab) == layout(standalone), "the notebook's tables align as the standalone page's"
    assert lab_alphas and set(lab_alphas) == {0}, f"thumbnail corners should be transparent: {lab_alphas}"
    assert standalone_alphas == lab_alphas
