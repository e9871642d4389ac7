"""Issue 21: wide results stay readable: a 10,000-column result makes a bounded notebook, and
the quality report of a wide table opens quickly in a browser.

A Java cell builds a profile of 10,000 columns as records (no operation has to run at that
width) and `assay run` executes it: what the notebook displays of it (text, HTML, PNG) must
stay under 2 MB, while its JSON keeps every column.

Reports of 1,000 and 10,000 columns (results built as records by the JUnit fixture
`dev.assay.viz.wide.WideResults`, from visualizations/target/test-classes, so no operation
has to run at that width) are written by ReportPage, as `report ... to` writes them, and
opened in headless Chromium (Debian's, through Playwright). The test asserts the page's
size in bytes (the bound of the notebook display, WideResultsRenderTest.DISPLAY_BOUND)
and that it paints and says what it left out; it prints the time to first paint, first
contentful paint and load (README, Performance), which it does not assert: the machine
is shared.

    mvn -B -q -pl visualizations -am test-compile    # or any mvn verify
    ASSAY_JAR=kernel/target/assay.jar target/pyenv/bin/python -m pytest -s tests/jupyter/test_wide_report_page.py
"""

import json
import os
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from offline_page import DESKTOP, chromium_path

REPO_ROOT = Path(__file__).resolve().parents[2]
TEST_CLASSES = REPO_ROOT / "visualizations" / "target" / "test-classes"
PAGE_BOUND = 2_000_000  # bytes, as WideResultsRenderTest.DISPLAY_BOUND
WIDTHS = (1_000, 10_000)


@pytest.fixture(scope="module")
def pages(assay_jar, tmp_path_factory):
    if not (TEST_CLASSES / "dev" / "assay" / "viz" / "wide" / "WideResults.class").exists():
        pytest.fail(f"no {TEST_CLASSES}/dev/assay/viz/wide/WideResults.class: run mvn -B -q -pl visualizations -am test-compile")
    folder = tmp_path_factory.mktemp("wide-reports")
    proc = subprocess.run(
        ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", f"{assay_jar}{os.pathsep}{TEST_CLASSES}",
         "dev.assay.viz.wide.WideResults", str(folder), *map(str, WIDTHS)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return {width: folder / f"report-{width}.html" for width in WIDTHS}


def open_timed(path):
    """Opens the page offline; returns its paint and load times (ms from navigation start) and visible text."""
    url = Path(path).resolve().as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), headless=True)
        try:
            # The page forbids eval (its CSP); Playwright polls a predicate with it, so CSP is bypassed here.
            context = browser.new_context(viewport=DESKTOP, offline=True, bypass_csp=True)
            page = context.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url in (url,)
                       or route.request.url.startswith("data:") else route.abort())
            page.goto(url, wait_until="load")
            # Headless Chromium may record the first contentful paint just after the load event.
            page.wait_for_function("performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')",
                                   timeout=30_000)
            timing = page.evaluate(
                """() => {
                    const paints = Object.fromEntries(performance.getEntriesByType('paint').map(e => [e.name, e.startTime]));
                    const nav = performance.getEntriesByType('navigation')[0];
                    return {first_paint: paints['first-paint'], first_contentful_paint: paints['first-contentful-paint'],
                            dom_content_loaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd};
                }"""
            )
            timing["text"] = page.evaluate("() => document.body.innerText")
            timing["images_decoded"] = page.evaluate(
                "() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
        finally:
            browser.close()
    return timing


@pytest.mark.parametrize("width", WIDTHS)
def test_a_wide_report_page_is_bounded_and_paints(pages, width):
    page = pages[width]
    size = page.stat().st_size
    seen = open_timed(page)
    times = {k: "none" if seen[k] is None else f"{seen[k]:.0f} ms"
             for k in ("first_paint", "first_contentful_paint", "dom_content_loaded", "load")}
    print(f"\nreport of {width:,} columns: {size:,} bytes; first paint {times['first_paint']}, "
          f"first contentful paint {times['first_contentful_paint']}, "
          f"DOMContentLoaded {times['dom_content_loaded']}, load {times['load']}")
    assert size < PAGE_BOUND, f"a page of {size:,} bytes for {width:,} columns"
    assert seen["first_contentful_paint"] is not None, "the page never painted content"
    assert seen["images_decoded"], "an image did not decode"
    assert f"showing 50 of {width:,} columns" in seen["text"], "the page says what it left out"
    assert f"Drift from wide to other" in seen["text"]


# A profile of 10,000 number columns as the operation makes them (50-bin histograms, ten top
# values); the last seven are 60% missing, a finding each.
PROFILE_CELL = r"""
import dev.assay.dsl.profile.*;
var columns = new java.util.ArrayList<ColumnProfile>();
var findings = new java.util.ArrayList<Finding>();
for (int i = 0; i < 10000; i++) {
    String name = String.format("c%05d", i);
    long missing = i >= 10000 - 7 ? 6000 : (i * 7919L) % 4000;
    var edges = new java.util.ArrayList<Object>();
    var counts = new java.util.ArrayList<Long>();
    for (int b = 0; b <= 50; b++) { edges.add(b * 0.2); if (b < 50) counts.add((long) ((i + b * 31) % 200)); }
    var top = new java.util.ArrayList<ValueCount>();
    for (int t = 0; t < 10; t++) top.add(new ValueCount(t * 0.2, 100 - t));
    var q = new java.util.LinkedHashMap<String, Object>();
    q.put("0.05", 0.5); q.put("0.25", 2.5); q.put("0.5", 5.0); q.put("0.75", 7.5); q.put("0.95", 9.5);
    columns.add(new ColumnProfile(name, "DOUBLE", ColumnKind.NUMERIC, 10000 - missing, missing, 5000, 0.0, 10.0, 5.0, 2.9,
        q, new Histogram(edges, counts), top, null, null, null, null, null, null));
    if (missing * 2 > 10000) findings.add(new Finding(name, "missing", "60.0% missing", missing));
}
new Profile("wide", 10000, columns, java.util.List.of(), findings)
"""


def test_a_profile_of_ten_thousand_columns_makes_a_bounded_notebook(assay_jar, tmp_path):
    notebook = tmp_path / "wide.ipynb"
    notebook.write_text(json.dumps({
        "cells": [{"cell_type": "code", "metadata": {}, "source": PROFILE_CELL, "outputs": [], "execution_count": None}],
        "metadata": {"kernelspec": {"name": "assay", "display_name": "Assay (Java)", "language": "java"}},
        "nbformat": 4, "nbformat_minor": 5,
    }))
    out = tmp_path / "out.ipynb"
    proc = subprocess.run(["java", "-jar", str(assay_jar), "run", str(notebook), "-o", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    [output] = json.loads(out.read_text())["cells"][0]["outputs"]
    data = output["data"]
    sizes = {mime: len(value if isinstance(value, str) else json.dumps(value)) for mime, value in data.items()}
    displayed = sum(size for mime, size in sizes.items() if mime != "application/vnd.assay.result+json")
    print(f"\nnotebook of a 10,000-column profile: {out.stat().st_size:,} bytes; per output type {sizes}")
    assert displayed < PAGE_BOUND, f"{displayed:,} bytes displayed"
    assert "showing 50 of 10,000 columns, those with findings first" in data["text/plain"]
    table = data["text/plain"].split("\n")
    first_rows = [line.split(" ")[0] for line in table if line.startswith("c0")][:7]
    assert sorted(first_rows) == [f"c{i:05d}" for i in range(10000 - 7, 10000)], first_rows
    assert len(data["application/vnd.assay.result+json"]["columns"]) == 10000, "the JSON keeps every column"
