"""JupyterLab 4 in a real browser: Debian's Chromium, driven by Playwright, against the
`assay` kernelspec. Opens sample-notebooks/quickstart.ipynb (a copy, with its data/ folder,
in a temporary folder), runs every cell from the Run menu, and checks what a person sees:
HTML tables, decoded chart images, a progress bar on a long query, a misspelled dataset
shown as an error cell, Tab completion of column names, and the toolbar's interrupt
button stopping a busy loop while the kernel lives on.

Runs under the Python of ``../shared/tools/pyenv`` (JupyterLab 4, playwright), with
Chromium from Debian (``apt-get install chromium``; tests/run-all installs it):

    ASSAY_JAR=kernel/target/assay.jar JUPYTER_PATH=PREFIX/share/jupyter \\
        target/pyenv/bin/python -m pytest -v tests/jupyter/test_jupyterlab.py

The kernelspec comes from tests/conftest.py (found through JUPYTER_PATH when it starts
ASSAY_JAR, else installed from ASSAY_JAR into a temporary prefix). The server gets its own
config, data, runtime, settings and workspace folders under the test's temporary folder, so
nothing of the user's Jupyter setup is read or changed. Screenshots: target/jupyterlab.png
(the quickstart's drift of train vs test, rendered), and target/jupyterlab-failure.png when a
step fails, whose message then ends with the tail of the server's log and of the browser's
console.

The tests run in file order on one page: the first runs the whole notebook, the others
each add cells at its end through the UI and run them.
"""

import collections
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from table_alignment import TABLES_JS, THUMBNAIL_CORNER_ALPHA_JS, misaligned

REPO_ROOT = Path(__file__).resolve().parents[2]
TARGET = REPO_ROOT / "target"
SCREENSHOT = TARGET / "jupyterlab.png"
FAILURE_SCREENSHOT = TARGET / "jupyterlab-failure.png"
NOTEBOOK = "quickstart.ipynb"
KERNEL_DISPLAY_NAME = "Assay (Java)"
VIEWPORT = {"width": 1280, "height": 900}

# Generous limits: the machine running this may be a busy two-core box.
SERVER_START_TIMEOUT = 120
RUN_ALL_TIMEOUT = 300
CELL_TIMEOUT = 120
INTERRUPT_TIMEOUT = 30
UI_TIMEOUT = 60_000  # ms, Playwright's default for every wait

# A DuckDB query that takes a few seconds here (3-6 s on a shared two-core machine), long
# enough for the kernel to show its progress display (operations over about a second).
LONG_QUERY = ("%%sql\n"
              "SELECT count(DISTINCT i % 1000003) AS d, sum(i * i) AS s FROM range(50000000) r(i)")

# JupyterLab settings for this server only (its own user-settings folder): no news or update
# toasts over the notebook, every cell kept in the DOM (no windowing), and no closing bracket
# inserted while the test types.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings":
        {"windowingMode": "none"},
    "@jupyterlab/codemirror-extension/plugin.jupyterlab-settings":
        {"defaultConfig": {"autoClosingBrackets": False}},
}

# Cell i of the notebook, and whether its prompt shows an execution count ("[12]:").
JS_CELL = "i => document.querySelectorAll('.jp-Notebook .jp-Cell')[i]"
JS_EXECUTED = ("i => { const c = (%s)(i); const p = c && c.querySelector('.jp-InputPrompt');"
               " return !!p && /^\\[\\d+\\]:?$/.test(p.textContent.trim()); }" % JS_CELL)


def _browser_executable():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.fail("no chromium on PATH: install Debian's chromium (tests/run-all does)")
    return path


# ---------------------------------------------------------------- the JupyterLab server


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _descendants(pid):
    """Every process below pid, by walking /proc (kernels run in sessions of their own)."""
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class LabServer:
    def __init__(self, tmp, port):
        self.tmp = tmp
        self.root = tmp / "notebooks"
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = tmp / "jupyterlab.log"
        self.proc = None

    def start(self):
        jupyter = self.tmp / "jupyter"
        config = jupyter / "config"
        env = dict(os.environ)
        env.update(
            JUPYTER_CONFIG_DIR=str(config),
            JUPYTER_DATA_DIR=str(jupyter / "data"),
            JUPYTER_RUNTIME_DIR=str(jupyter / "runtime"),
        )
        env.pop("ASSAY_STORE", None)  # pins go to .assay/ beside the copied notebook
        settings = config / "lab" / "user-settings"
        for name, values in LAB_SETTINGS.items():
            (settings / name).parent.mkdir(parents=True, exist_ok=True)
            (settings / name).write_text(json.dumps(values))
        argv = [
            sys.executable, "-m", "jupyterlab",
            "--ServerApp.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
            "--ServerApp.open_browser=False", "--ServerApp.allow_root=True",
            f"--ServerApp.root_dir={self.root}", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={jupyter / 'workspaces'}",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(argv, cwd=self.root, env=env, stdin=subprocess.DEVNULL,
                                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                self.api("status")
                return True
            except (OSError, ValueError):
                time.sleep(0.25)
        raise AssertionError(f"JupyterLab did not answer /api/status within {SERVER_START_TIMEOUT} s"
                             + self.log_tail())

    def api(self, path, method="GET"):
        request = urllib.request.Request(f"{self.url}/api/{path}", method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def kernels(self):
        return self.api("kernels")

    def log_tail(self, lines=60):
        try:
            text = self.log.read_text(errors="replace").splitlines()
        except OSError:
            return "\n(no JupyterLab log)"
        return f"\n--- JupyterLab server log {self.log} (last {lines} lines) ---\n" + "\n".join(text[-lines:])

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        kernels = _descendants(self.proc.pid)
        with contextlib.suppress(OSError, ValueError):
            self.api("shutdown", method="POST")  # shuts the kernels down, then the server
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=15)
        for pid in kernels:  # a kernel the server could not shut down
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def lab(kernelspec, tmp_path_factory):
    """JupyterLab 4 on 127.0.0.1 serving a copy of sample-notebooks/, no token, no browser."""
    tmp = tmp_path_factory.mktemp("jupyterlab")
    # without what earlier runs left there: a store of pinned versions, written reports
    shutil.copytree(REPO_ROOT / "sample-notebooks", tmp / "notebooks",
                    ignore=shutil.ignore_patterns(".assay", "out", ".ipynb_checkpoints"))
    server = None
    try:
        for _ in range(3):  # another process may take the free port before the server binds it
            server = LabServer(tmp, _free_port())
            if server.start():
                break
            server.log.rename(tmp / f"jupyterlab-{server.port}.log")
        else:
            raise AssertionError("JupyterLab exited at start three times" + server.log_tail())
        yield server
    finally:
        if server is not None:
            server.stop()


# ---------------------------------------------------------------- the browser


class Notebook:
    """The quickstart notebook open in Chromium, with what is needed to report a failure."""

    def __init__(self, page, server, console):
        self.page = page
        self.server = server
        self.console = console
        self.stuck = None  # a step that timed out: the kernel or the page may be stuck

    @contextlib.contextmanager
    def step(self, what):
        """Runs a step; a failure saves target/jupyterlab-failure.png and appends the logs."""
        if self.stuck:  # fail at once rather than wait for every timeout again
            raise AssertionError(f"{what}: not tried, an earlier step timed out: {self.stuck}")
        try:
            yield
        except Exception as error:  # Playwright timeouts as well as assertions
            if "Timeout" in type(error).__name__ or "not idle" in str(error):
                self.stuck = what
            TARGET.mkdir(exist_ok=True)
            with contextlib.suppress(Exception):
                self.page.screenshot(path=str(FAILURE_SCREENSHOT))
            console = "\n".join(self.console[-40:]) or "(nothing)"
            raise AssertionError(
                f"{what}: {type(error).__name__}: {error}\n(screenshot: {FAILURE_SCREENSHOT})"
                + self.server.log_tail()
                + f"\n--- browser console (last 40 messages) ---\n{console}") from error

    # cells -------------------------------------------------------------

    def cell(self, index):
        return self.page.locator(".jp-Notebook .jp-Cell").nth(index)

    def cell_count(self):
        return self.page.locator(".jp-Notebook .jp-Cell").count()

    def outputs_text(self, index):
        """The text of the cell's outputs, without their prompts."""
        return "\n".join(self.cell(index).locator(".jp-OutputArea-output").all_inner_texts())

    def append_cell(self, code):
        """Adds a code cell at the end the way a person does (select the last cell, press b in
        command mode, click into the new editor), enters `code` and returns the cell's index."""
        count = self.cell_count()
        self.cell(count - 1).locator(".jp-InputPrompt").click()
        self.page.keyboard.press("Escape")
        self.page.keyboard.press("b")
        self.page.wait_for_function(
            "n => document.querySelectorAll('.jp-Notebook .jp-Cell').length === n", arg=count + 1)
        self.cell(count).locator(".cm-content").click()
        # insert_text enters the text as one input, as a paste does: no auto-indent, no brackets
        self.page.keyboard.insert_text(code)
        self.page.wait_for_function(
            "([i, code]) => (%s)(i).querySelector('.cm-content').innerText.trim() === code.trim()" % JS_CELL,
            arg=[count, code])
        return count

    def run_cell(self, index, timeout=CELL_TIMEOUT):
        """Ctrl+Enter in the cell's editor; waits until its prompt shows an execution count."""
        self.cell(index).locator(".cm-content").click()
        self.page.keyboard.press("Control+Enter")
        self.wait_executed(index, timeout)

    def wait_executed(self, index, timeout=CELL_TIMEOUT):
        self.page.wait_for_function(JS_EXECUTED, arg=index, timeout=timeout * 1000)

    def wait_kernel_idle(self, timeout=CELL_TIMEOUT):
        deadline = time.monotonic() + timeout
        states = None
        while time.monotonic() < deadline:
            states = [k["execution_state"] for k in self.server.kernels()]
            if states == ["idle"]:
                return
            self.page.wait_for_timeout(250)  # polls the server's view of the kernel
        raise AssertionError(f"the kernel is not idle after {timeout} s: {states}")


@pytest.fixture(scope="module")
def notebook(lab):
    console = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_browser_executable(), headless=True)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.set_default_timeout(UI_TIMEOUT)
            page.on("console", lambda m: _log(console, f"{m.type}: {m.text}"))
            page.on("pageerror", lambda e: _log(console, f"pageerror: {e}"))
            nb = Notebook(page, lab, console)
            with nb.step(f"opening {NOTEBOOK} in JupyterLab with the {KERNEL_DISPLAY_NAME} kernel"):
                page.goto(f"{lab.url}/lab/tree/{NOTEBOOK}")
                page.wait_for_selector(".jp-Notebook .jp-CodeCell")
                # more room for the notebook: collapse the file browser
                if page.locator("#jp-left-stack").is_visible():
                    page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current").click()
                    page.locator("#jp-left-stack").wait_for(state="hidden")
                _use_assay_kernel(nb)
            with nb.step("Run > Run All Cells on the quickstart"):
                _run_all(nb)
            yield nb
        finally:
            browser.close()


def _log(lines, line):
    """Appends a browser message; a repeat of the last one only counts."""
    if lines and (lines[-1] == line or lines[-1].startswith(line + "  (x")):
        count = int(lines[-1].rpartition("(x")[2].rstrip(")")) + 1 if lines[-1] != line else 2
        lines[-1] = f"{line}  (x{count})"
    else:
        lines.append(line)


def _use_assay_kernel(nb):
    """The notebook's metadata names the `assay` kernelspec; JupyterLab starts it, or asks."""
    page = nb.page
    kernel_name = page.locator(".jp-NotebookPanel-toolbar .jp-Toolbar-kernelName")
    page.wait_for_function(
        "name => !!document.querySelector('.jp-Dialog') || [...document.querySelectorAll("
        "'.jp-NotebookPanel-toolbar .jp-Toolbar-kernelName')].some(e => e.textContent.includes(name))",
        arg=KERNEL_DISPLAY_NAME)
    dialog = page.locator(".jp-Dialog")
    if dialog.count():  # the kernel picker: choose Assay (Java)
        dialog.locator("select").select_option(label=KERNEL_DISPLAY_NAME)
        dialog.locator(".jp-mod-accept").click()
    assert KERNEL_DISPLAY_NAME in kernel_name.inner_text()
    deadline = time.monotonic() + CELL_TIMEOUT
    while not nb.server.api("sessions") and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    sessions = nb.server.api("sessions")
    assert [s["kernel"]["name"] for s in sessions] == ["assay"], sessions
    nb.wait_kernel_idle()


def _run_all(nb):
    """Run > Run All Cells, then waits until every code cell shows its execution count."""
    page = nb.page
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]"
        ".every(p => /^\\[\\d+\\]:?$/.test(p.textContent.trim()))",
        timeout=RUN_ALL_TIMEOUT * 1000)
    nb.wait_kernel_idle()
    prompts = page.eval_on_selector_all(
        ".jp-Notebook .jp-CodeCell .jp-InputPrompt", "ps => ps.map(p => p.textContent.trim())")
    assert prompts == [f"[{n}]:" for n in range(1, len(prompts) + 1)], prompts
    # errors (and stderr) render with this MIME type; the quickstart has none
    errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    assert errors.count() == 0, "errors in the quickstart:\n" + "\n".join(errors.all_inner_texts())


# ---------------------------------------------------------------- the tests


def test_run_all_shows_tables_and_charts(notebook):
    page = notebook.page
    with notebook.step("the screenshot target/jupyterlab.png"):
        # The drift of train vs test: a table with thumbnails, then a chart per column.
        drift = next(i for i in range(notebook.cell_count())
                     if "drift train vs test" in notebook.cell(i).locator(".jp-InputArea").inner_text())
        page.evaluate("i => (%s)(i).scrollIntoView({block: 'start'})" % JS_CELL, drift)
        page.wait_for_function("() => [...document.querySelectorAll('.jp-OutputArea-output img')]"
                               ".every(i => i.complete)")
        TARGET.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT))

    with notebook.step("an HTML table in an output"):
        # JupyterLab shows one MIME type of each output, the one its renderers rank first
        shown = collections.Counter(page.eval_on_selector_all(".jp-OutputArea-output", """os => os.map(o =>
            o.dataset.mimeType || (o.classList.contains('jp-RenderedJSON') ? 'application/json' : o.className))"""))
        assert page.locator(".jp-OutputArea-output table").count() > 0, (
            f"no output shows an HTML table; JupyterLab rendered the outputs as {dict(shown)}"
            + (" (a bundle holding application/json shows as JupyterLab's JSON tree: its JSON renderer"
               " has rank 0, ahead of text/html and image/png)" if "application/json" in shown else ""))

    with notebook.step("a chart image, loaded and decoded"):
        decoded = ("() => [...document.querySelectorAll('.jp-OutputArea-output img')]"
                   ".some(i => i.complete && i.naturalWidth > 0 && i.naturalHeight > 0)")
        with contextlib.suppress(PlaywrightTimeout):  # images decode asynchronously
            page.wait_for_function(decoded, timeout=30_000)
        images = page.eval_on_selector_all(
            ".jp-OutputArea-output img", "is => is.map(i => [i.complete, i.naturalWidth, i.naturalHeight])")
        assert page.evaluate(decoded), f"no decoded image in any output; [complete, width, height]: {images}"


def test_tables_align_with_their_columns(notebook):
    """Issue 20, item 7: JupyterLab right-aligns every header and cell by default; Assay's tables
    state their own alignment, so headers sit over their columns (drift's column, kind and
    note; pin's statement), numbers right, text left, NULLs as their column, and drift
    thumbnails show no white box on the grey striped rows."""
    page = notebook.page
    with notebook.step("a diff of the pinned train and test, and a table with NULLs"):
        cell = notebook.append_cell("%%assay\ndiff 'sms-train' 'sms-test'")
        notebook.run_cell(cell)
        cell = notebook.append_cell("%%sql\nSELECT * FROM (VALUES (1.5, 'a'), (NULL, NULL), (22.25, 'bc')) v(n, s)")
        notebook.run_cell(cell)
        assert "NULL" in notebook.outputs_text(cell)
    with notebook.step("computed alignments of every output table"):
        tables = page.evaluate(TABLES_JS, ".jp-OutputArea-output table")
        heads = [[h.split("\n")[0] for h, _ in t["head"]] for t in tables]
        for wanted in (["column", "kind", "method"], ["step", "statement"], ["n", "s"]):
            assert any(h[:len(wanted)] == wanted for h in heads), f"no table headed {wanted} among {heads}"
        problems = misaligned(tables)
        assert problems == [], "\n".join(problems)
    with notebook.step("drift thumbnails on a transparent background"):
        alphas = page.evaluate(THUMBNAIL_CORNER_ALPHA_JS)
        assert alphas and set(alphas) == {0}, alphas


def test_misspelled_dataset_is_an_error_cell(notebook):
    with notebook.step("a %%assay cell naming a misspelled dataset"):
        cell = notebook.append_cell("%%assay\nprofile smss")
        notebook.run_cell(cell)
        error = notebook.cell(cell).locator(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        assert error.count() == 1, notebook.outputs_text(cell)
        text = error.inner_text()
        assert "did you mean 'sms'" in text, text


def wait_for_completion(page, cell, completed_text, match):
    """JupyterLab inserts a single match at once; with more it lists them in the completer."""
    page.wait_for_function(
        "([i, text, match]) => (%s)(i).querySelector('.cm-content').innerText.includes(text)"
        " || [...document.querySelectorAll('.jp-Completer:not(.lm-mod-hidden) .jp-Completer-match')]"
        ".some(m => m.textContent === match)" % JS_CELL, arg=[cell, completed_text, match])


def test_tab_completes_column_names(notebook):
    page = notebook.page
    # the completer stays in the DOM when it closes, hidden
    items = page.locator(".jp-Completer:not(.lm-mod-hidden) .jp-Completer-item .jp-Completer-match")
    with notebook.step("Tab after `profile sms on ` lists the columns in the completer"):
        cell = notebook.append_cell("%%assay\nprofile sms on ")
        page.keyboard.press("Tab")
        items.first.wait_for()
        listed = items.all_inner_texts()
        assert "Label" in listed and "SMS" in listed, listed
        page.keyboard.press("Escape")
        page.locator(".jp-Completer:not(.lm-mod-hidden)").wait_for(state="detached")

    with notebook.step("Tab after the first letters of a column completes it"):
        page.keyboard.type("La")
        page.keyboard.press("Tab")
        wait_for_completion(page, cell, "profile sms on Label", "Label")
        page.keyboard.press("Escape")

    with notebook.step("Tab after FROM in a %%sql cell completes a table name"):
        cell = notebook.append_cell("%%sql\nSELECT * FROM sm")
        page.keyboard.press("Tab")
        wait_for_completion(page, cell, "FROM sms", "sms")
        page.keyboard.press("Escape")


def test_long_query_shows_a_progress_bar(notebook):
    """The kernel shows `<div class="assay-progress">` (a <progress> and a text such as
    `... 45% · 3.1 s`) for any operation over about a second, updated in place through
    update_display_data, ending with `... done in 3.4 s`."""
    page = notebook.page
    with notebook.step("a long %%sql query"):
        cell = notebook.append_cell(LONG_QUERY)
        # Records each text an .assay-progress element of the cell shows, and whether it holds
        # a <progress>, from before the query starts (it may be replaced when the query ends).
        page.evaluate("""i => {
            const cell = (%s)(i);
            window.assayProgress = [];
            const record = () => cell.querySelectorAll('.assay-progress').forEach(p => {
                const seen = window.assayProgress, text = p.textContent.trim();
                if (!seen.length || seen[seen.length - 1].text !== text)
                    seen.push({text, bar: !!p.querySelector('progress')});
            });
            new MutationObserver(record).observe(cell, {subtree: true, childList: true, characterData: true});
        }""" % JS_CELL, cell)
        started = time.monotonic()
        notebook.run_cell(cell)
        seconds = time.monotonic() - started
        assert "1000003" in notebook.outputs_text(cell), notebook.outputs_text(cell)

    with notebook.step("the progress display (class assay-progress) of the long query"):
        seen = page.evaluate("() => window.assayProgress")
        assert seen, (f"no element of class 'assay-progress' appeared in the output of a query that ran "
                      f"{seconds:.1f} s: the kernel showed no progress display for a long operation")
        assert any(s["bar"] for s in seen), f"no <progress> element in the progress display: {seen}"
        final = notebook.cell(cell).locator(".assay-progress")
        text = final.last.inner_text() if final.count() else seen[-1]["text"]
        assert "done in" in text, f"the progress display ended as {text!r}, without 'done in' (all: {seen})"


def test_interrupt_button_stops_a_busy_loop(notebook):
    page = notebook.page
    with notebook.step("a Java cell spinning in a loop"):
        cell = notebook.append_cell(
            'long n = 0;\nwhile (true) { if (++n == 50_000_000) System.out.println("spinning"); }')
        notebook.cell(cell).locator(".cm-content").click()
        page.keyboard.press("Control+Enter")
        # busy: the prompt shows [*] and the loop has printed (so it runs, not compiles)
        page.wait_for_function(
            "i => { const c = (%s)(i); return c.querySelector('.jp-InputPrompt').textContent.includes('*')"
            " && c.querySelector('.jp-OutputArea').textContent.includes('spinning'); }" % JS_CELL,
            arg=cell, timeout=CELL_TIMEOUT * 1000)
        assert [k["execution_state"] for k in notebook.server.kernels()] == ["busy"]

    with notebook.step("the toolbar's interrupt button ends the cell with an error"):
        page.locator('.jp-NotebookPanel-toolbar [data-command="notebook:interrupt-kernel"]').click()
        notebook.wait_executed(cell, timeout=INTERRUPT_TIMEOUT)
        error = notebook.cell(cell).locator(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        error.first.wait_for()
        assert "Interrupt" in error.last.inner_text(), notebook.outputs_text(cell)

    with notebook.step("the kernel lives on: 1 + 1"):
        cell = notebook.append_cell("1 + 1")
        notebook.run_cell(cell)
        assert notebook.outputs_text(cell).strip() == "2"
