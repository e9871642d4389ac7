"""Issue 21: the quality report of a wide table opens quickly in a browser.

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
            context = browser.new_context(viewport=DESKTOP, offline=True)
            page = context.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url in (url,)
                       or route.request.url.startswith("data:") else route.abort())
            page.goto(url, wait_until="load")
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
    print(f"\nreport of {width:,} columns: {size:,} bytes; first paint {seen['first_paint']:.0f} ms, "
          f"first contentful paint {seen['first_contentful_paint']:.0f} ms, "
          f"DOMContentLoaded {seen['dom_content_loaded']:.0f} ms, load {seen['load']:.0f} ms")
    assert size < PAGE_BOUND, f"a page of {size:,} bytes for {width:,} columns"
    assert seen["first_contentful_paint"] is not None, "the page never painted content"
    assert seen["images_decoded"], "an image did not decode"
    assert f"showing 50 of {width:,} columns" in seen["text"], "the page says what it left out"
    assert f"Drift from wide to other" in seen["text"]
