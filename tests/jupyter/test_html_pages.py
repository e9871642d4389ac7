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

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from offline_page import DESKTOP, PHONE, open_offline

REPO_ROOT = Path(__file__).resolve().parents[2]
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


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.ipynb")))
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
