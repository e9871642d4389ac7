"""A standalone HTML page opened in headless Chromium (Debian's, through Playwright), to check
that it works offline: every request the page makes is recorded and everything but the file
itself and `data:` URLs is refused, and what it shows (images decoded, tables) is reported.

Shared by the checks of pages Assay writes: `assay run --html` and the `report` statement.

    from offline_page import open_offline
    seen = open_offline(path)
    assert seen.fetched_elsewhere == [] and seen.images and all(i["decoded"] for i in seen.images)
"""

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import sync_playwright

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass
class PageSeen:
    """What one visit saw."""

    url: str
    requests: list = field(default_factory=list)  # every URL asked for, in order (the page itself first)
    fetched_elsewhere: list = field(default_factory=list)  # those neither the page nor data: (refused)
    console_errors: list = field(default_factory=list)  # CSP violations and script errors land here
    images: list = field(default_factory=list)  # {"src": first 60 characters, "decoded": bool, "width": int}
    tables: int = 0
    text: str = ""  # the page's visible text (document.body.innerText)
    scroll_width: int = 0  # document width: more than the viewport means the page scrolls sideways


def chromium_path():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise RuntimeError("no chromium on PATH (Debian: apt-get install chromium)")
    return path


def open_offline(path, viewport=DESKTOP, screenshot=None, print_media=False):
    """Opens the file at `path` offline; optionally saves a full-page PNG screenshot to `screenshot`."""
    url = Path(path).resolve().as_uri()
    seen = PageSeen(url=url)

    def allowed(request_url):
        return request_url == url or request_url.startswith("data:")

    def route(route):
        if allowed(route.request.url):
            route.continue_()
        else:
            route.abort()

    def on_request(request):
        seen.requests.append(request.url)
        if not allowed(request.url):
            seen.fetched_elsewhere.append(request.url)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), headless=True)
        try:
            # Offline as well as routed: a request that slipped past the route still goes nowhere.
            context = browser.new_context(viewport=viewport, offline=True, java_script_enabled=True)
            page = context.new_page()
            page.on("request", on_request)
            page.on("console", lambda m: seen.console_errors.append(m.text) if m.type == "error" else None)
            page.route("**/*", route)
            if print_media:
                page.emulate_media(media="print")
            page.goto(url, wait_until="load")
            seen.images = page.evaluate(
                """() => Array.from(document.images, img => ({
                       src: img.getAttribute('src').slice(0, 60),
                       decoded: img.complete && img.naturalWidth > 0,
                       width: img.naturalWidth}))"""
            )
            seen.tables = page.evaluate("() => document.querySelectorAll('table').length")
            seen.text = page.evaluate("() => document.body.innerText")
            seen.scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
            if screenshot is not None:
                page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    return seen
