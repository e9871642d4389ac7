"""Notebooks executed through the Assay kernel: by nbclient (the library behind
nbconvert --execute and JupyterLab-less CI) and by the jar's own headless
``run`` command.

Runs under the Python of ``../shared/tools/pyenv`` (nbclient, nbformat,
jupyter_client 8):

    ASSAY_JAR=kernel/target/assay.jar JUPYTER_PATH=PREFIX/share/jupyter \\
        target/pyenv/bin/python -m pytest -v tests/jupyter/test_nbclient.py

ASSAY_JAR defaults to kernel/target/assay.jar under the repository root. The
nbclient tests use the kernelspec named ``assay`` that Jupyter finds (set
JUPYTER_PATH to where ``assay.jar install --prefix`` put it); when none is
found, or it starts another jar than ASSAY_JAR, the tests install one from
ASSAY_JAR into a temporary prefix, so they always exercise ASSAY_JAR.

Every notebook is built here with nbformat.v4; nothing depends on files
elsewhere in the repository.
"""

import base64
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import nbformat
import pytest

from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from processes import children_of, process_ended, wait_for_end

REPO_ROOT = Path(__file__).resolve().parents[2]
KERNEL_NAME = "assay"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Generous: the first cell of a fresh JVM compiles JShell (about a second here).
CELL_TIMEOUT = 120
RUN_TIMEOUT = 300


# ---------------------------------------------------------------- notebooks and helpers


def notebook(*sources):
    """A notebook with a markdown cell first (runners must leave it alone), then code cells."""
    cells = [new_markdown_cell("# Assay test notebook\nNot code: nothing runs here.")]
    cells += [new_code_cell(source) for source in sources]
    return new_notebook(cells=cells)


def code_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def stream_text(cell, name):
    """All text a cell wrote to one stream (clients may split or merge stream outputs)."""
    return "".join(o["text"] for o in cell.outputs if o["output_type"] == "stream" and o["name"] == name)


def outputs_of_type(cell, output_type):
    return [o for o in cell.outputs if o["output_type"] == output_type]


# The notebook that every "it works" test runs; expectations are checked by check_good_notebook.
GOOD_CELLS = [
    # 1: stdout
    'System.out.println("hello from cell 1");',
    # 2: state, and an expression as the cell's result
    "int answer = 6 * 7;\nanswer",
    # 3: a display with plain text, not a result
    'display("shown on purpose");',
    # 4: stderr, separate from stdout
    'System.out.println("to stdout");\nSystem.err.println("to stderr");',
    # 5: an image
    "display(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));",
    # 6: clear_output removes what the cell showed before it
    'System.out.println("cleared away");\nclearOutput();\nSystem.out.println("kept");',
    # 7: state from cell 2 is still there; a String result is shown quoted, as JShell does
    '"answer=" + answer',
]


def check_good_notebook(nb):
    markdown = nb.cells[0]
    assert markdown.cell_type == "markdown"
    assert "outputs" not in markdown and "execution_count" not in markdown

    cells = code_cells(nb)
    assert len(cells) == len(GOOD_CELLS)
    # A fresh kernel numbers the cells 1, 2, 3, ... in order.
    assert [c.execution_count for c in cells] == list(range(1, len(GOOD_CELLS) + 1))
    for cell in cells:
        assert outputs_of_type(cell, "error") == [], cell.outputs

    c1, c2, c3, c4, c5, c6, c7 = cells
    assert stream_text(c1, "stdout") == "hello from cell 1\n"
    assert [o["output_type"] for o in c1.outputs] == ["stream"]

    (result,) = c2.outputs
    assert result["output_type"] == "execute_result"
    assert result["data"]["text/plain"] == "42"
    assert result["execution_count"] == c2.execution_count

    (shown,) = c3.outputs
    assert shown["output_type"] == "display_data"
    assert shown["data"]["text/plain"] == '"shown on purpose"'

    assert stream_text(c4, "stdout") == "to stdout\n"
    assert stream_text(c4, "stderr") == "to stderr\n"

    (image,) = c5.outputs
    assert image["output_type"] == "display_data"
    png = base64.b64decode(image["data"]["image/png"])
    assert png.startswith(PNG_SIGNATURE)
    assert "text/plain" in image["data"]

    assert stream_text(c6, "stdout") == "kept\n"
    assert "cleared away" not in json.dumps(c6.outputs)

    (result,) = c7.outputs
    assert result["output_type"] == "execute_result"
    assert result["data"]["text/plain"] == '"answer=42"'
    assert result["execution_count"] == c7.execution_count


def execute(nb, **kwargs):
    client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=CELL_TIMEOUT, startup_timeout=120, **kwargs)
    return client.execute()


def run_jar(jar, *args, cwd=None):
    return subprocess.run(
        ["java", "-jar", str(jar), "run", *map(str, args)],
        capture_output=True, text=True, timeout=RUN_TIMEOUT, cwd=cwd,
    )


# ---------------------------------------------------------------- kernelspec


def test_kernelspec_is_the_documented_one(kernelspec):
    assert kernelspec.display_name == "Assay (Java)"
    assert kernelspec.language == "java"
    assert kernelspec.interrupt_mode == "message"
    assert "{connection_file}" in kernelspec.argv
    assert Path(kernelspec.resource_dir).name == KERNEL_NAME


# ---------------------------------------------------------------- nbclient


def test_nbclient_runs_a_notebook_cell_by_cell(kernelspec):
    nb = notebook(*GOOD_CELLS)
    execute(nb)
    check_good_notebook(nb)
    nbformat.validate(nb)
    # nbclient records the kernel's language_info in the notebook's metadata.
    assert nb.metadata["language_info"]["name"] == "java"
    assert nb.metadata["language_info"]["file_extension"] == ".jshell"


def test_nbclient_updates_a_display_from_a_later_cell(kernelspec):
    nb = notebook(
        'var handle = display("before");',
        'handle.update("after");',
    )
    execute(nb)
    shown, updater = code_cells(nb)
    (output,) = shown.outputs
    assert output["output_type"] == "display_data"
    assert output["data"]["text/plain"] == '"after"'
    assert updater.outputs == []
    nbformat.validate(nb)


def test_nbclient_keeps_going_after_an_error_when_allowed(kernelspec):
    nb = notebook(
        "int before = 1;",
        'throw new IllegalStateException("expected failure");',
        "before + 1",
    )
    execute(nb, allow_errors=True)
    ok, failed, after = code_cells(nb)
    assert [c.execution_count for c in (ok, failed, after)] == [1, 2, 3]
    assert ok.outputs == []
    (error,) = failed.outputs
    assert error["output_type"] == "error"
    assert error["ename"] == "java.lang.IllegalStateException"
    assert error["evalue"] == "expected failure"
    assert any("expected failure" in line for line in error["traceback"])
    # The session survived the exception: the later cell sees `before`.
    (result,) = after.outputs
    assert result["data"]["text/plain"] == "2"
    nbformat.validate(nb)


def test_nbclient_reports_a_compilation_error(kernelspec):
    nb = notebook("int x = ;")
    execute(nb, allow_errors=True)
    (cell,) = code_cells(nb)
    (error,) = cell.outputs
    assert error["output_type"] == "error"
    assert error["ename"] == "CompilationError"
    # The error points at the cell and the column of the problem.
    assert "line 1" in error["evalue"] and "column 9" in error["evalue"]
    nbformat.validate(nb)


def test_nbclient_raises_cell_execution_error_by_default(kernelspec):
    nb = notebook(
        'System.out.println("first");',
        'throw new IllegalStateException("stop here");',
        'System.out.println("never");',
    )
    with pytest.raises(CellExecutionError) as raised:
        execute(nb)
    assert raised.value.ename == "java.lang.IllegalStateException"
    assert raised.value.evalue == "stop here"
    first, failed, never = code_cells(nb)
    assert stream_text(first, "stdout") == "first\n"
    assert [o["output_type"] for o in failed.outputs] == ["error"]
    assert never.execution_count is None and never.outputs == []


def test_nbclient_interrupts_a_runaway_cell(kernelspec):
    # The loop gives up by itself after a minute, so a kernel that ignores the interrupt
    # fails the test (no error output) instead of hanging it.
    loop = "long end = System.nanoTime() + 60_000_000_000L;\nwhile (System.nanoTime() < end) { }"
    nb = notebook("int kept = 5;", loop, "kept * 2")
    execute(
        nb,
        allow_errors=True,
        interrupt_on_timeout=True,
        timeout_func=lambda cell: 5 if "while" in cell.source else CELL_TIMEOUT,
    )
    first, looping, after = code_cells(nb)
    errors = outputs_of_type(looping, "error")
    assert len(errors) == 1, looping.outputs
    # The kernel stays alive and keeps its state after the interrupt.
    (result,) = after.outputs
    assert result["data"]["text/plain"] == "10"
    assert [c.execution_count for c in (first, looping, after)] == [1, 2, 3]
    nbformat.validate(nb)


# ---------------------------------------------------------------- assay.jar run


def write_notebook(nb, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def test_run_executes_a_notebook(assay_jar, tmp_path):
    source = write_notebook(notebook(*GOOD_CELLS), tmp_path / "good.ipynb")
    out = tmp_path / "executed" / "good-out.ipynb"
    proc = run_jar(assay_jar, source, "-o", out)
    assert proc.returncode == 0, proc.stderr
    # The output notebook is a valid nbformat 4 notebook, as nbformat reads it.
    nb = nbformat.read(str(out), as_version=4)
    nbformat.validate(nb)
    check_good_notebook(nb)
    assert nb.metadata["kernelspec"]["name"] == KERNEL_NAME
    assert nb.metadata["language_info"]["name"] == "java"
    # The source notebook is left as it was.
    assert all(c.execution_count is None and c.outputs == [] for c in code_cells(nbformat.read(str(source), 4)))


def test_run_without_output_option_writes_beside_the_notebook(assay_jar, tmp_path):
    source = write_notebook(notebook("6 * 7"), tmp_path / "answer.ipynb")
    proc = run_jar(assay_jar, source)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "answer.out.ipynb"
    nb = nbformat.read(str(out), as_version=4)
    nbformat.validate(nb)
    (cell,) = code_cells(nb)
    assert [o["data"]["text/plain"] for o in cell.outputs] == ["42"]


def test_run_stops_at_the_failing_cell(assay_jar, tmp_path):
    source = write_notebook(
        notebook(
            'System.out.println("before the failure");',
            "int x = 1;\nx + 1",
            'throw new IllegalStateException("cell three fails");',
            'System.out.println("must not run");',
            "x",
        ),
        tmp_path / "failing.ipynb",
    )
    out = tmp_path / "failing-out.ipynb"
    proc = run_jar(assay_jar, source, "-o", out)
    assert proc.returncode == 1, proc.stderr
    # The notebook is written also after a failure.
    nb = nbformat.read(str(out), as_version=4)
    nbformat.validate(nb)
    first, second, failed, later1, later2 = code_cells(nb)
    assert [first.execution_count, second.execution_count, failed.execution_count] == [1, 2, 3]
    assert stream_text(first, "stdout") == "before the failure\n"
    assert [o["data"]["text/plain"] for o in second.outputs] == ["2"]
    (error,) = failed.outputs
    assert error["output_type"] == "error"
    assert error["ename"] == "java.lang.IllegalStateException"
    assert error["evalue"] == "cell three fails"
    for cell in (later1, later2):
        assert cell.outputs == []
        assert cell.execution_count is None
    # A CI log shows what failed without opening the notebook.
    assert "cell three fails" in proc.stderr


def test_run_fails_on_a_compilation_error(assay_jar, tmp_path):
    source = write_notebook(notebook("int x = ;", "1"), tmp_path / "syntax.ipynb")
    out = tmp_path / "syntax-out.ipynb"
    proc = run_jar(assay_jar, source, "-o", out)
    assert proc.returncode == 1, proc.stderr
    nb = nbformat.read(str(out), as_version=4)
    nbformat.validate(nb)
    failed, later = code_cells(nb)
    assert [o["output_type"] for o in failed.outputs] == ["error"]
    assert failed.outputs[0]["ename"] == "CompilationError"
    assert later.outputs == [] and later.execution_count is None


@pytest.mark.parametrize("name, content", [
    ("no-such-notebook.ipynb", None),                                            # missing
    ("corrupt.ipynb", '{"cells": [ {"cell_type": "code", "source": "1"'),          # broken JSON
    ("list.ipynb", "[1, 2, 3]\n"),                                                # JSON, not nbformat 4
], ids=["missing", "corrupt", "not-a-notebook"])
def test_run_unreadable_notebook_is_an_input_error(assay_jar, tmp_path, name, content):
    source = tmp_path / name
    if content is not None:
        source.write_text(content, encoding="utf-8")
    out = tmp_path / "out.ipynb"
    proc = run_jar(assay_jar, source, "-o", out)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert name in proc.stderr
    assert not out.exists()


# ---------------------------------------------------------------- run agrees with Jupyter clients


def test_run_updates_a_display_from_a_later_cell(assay_jar, tmp_path):
    source = write_notebook(
        notebook('var handle = display("before");', 'handle.update("after");'),
        tmp_path / "update.ipynb",
    )
    out = tmp_path / "update-out.ipynb"
    proc = run_jar(assay_jar, source, "-o", out)
    assert proc.returncode == 0, proc.stderr
    shown, updater = code_cells(nbformat.read(str(out), as_version=4))
    assert [o["data"]["text/plain"] for o in shown.outputs] == ['"after"']
    assert updater.outputs == []


def test_run_resolves_relative_paths_against_the_notebook(assay_jar, tmp_path):
    folder = tmp_path / "project"
    source = write_notebook(
        notebook('java.nio.file.Files.readString(java.nio.file.Path.of("data.txt")).strip()'),
        folder / "relative.ipynb",
    )
    (folder / "data.txt").write_text("next to the notebook\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = run_jar(assay_jar, source, "-o", tmp_path / "relative-out.ipynb", cwd=elsewhere)
    assert proc.returncode == 0, proc.stderr
    (cell,) = code_cells(nbformat.read(str(tmp_path / "relative-out.ipynb"), as_version=4))
    assert [o["data"]["text/plain"] for o in cell.outputs] == ['"next to the notebook"']


def running_cell(path):
    """The code cell a notebook saved mid-run marks as running (0-based among code cells), else None."""
    try:
        nb = nbformat.read(str(path), as_version=4)
    except FileNotFoundError:
        return None
    marked = [i for i, cell in enumerate(code_cells(nb)) if cell.metadata.get("assay", {}).get("status") == "running"]
    return marked[0] if marked else None


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=["SIGTERM", "SIGINT", "SIGKILL"])
def test_a_terminated_run_leaves_no_process_and_only_the_cells_that_ran(assay_jar, tmp_path, sig):
    """A cancelled CI job: `assay run` started outside the notebook's folder (so it runs itself
    again there) is signalled mid-cell. Nothing of it may go on running or write afterwards: the
    notebook is the one saved when the cell started, that cell marked as running."""
    folder = tmp_path / "project"
    source = write_notebook(notebook(
        'System.out.println("before the sleep");',
        "Thread.sleep(60_000);",
        'System.out.println("after the sleep");',
    ), folder / "slow.ipynb")
    out = tmp_path / "slow-out.ipynb"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess.Popen(["java", "-jar", str(assay_jar), "run", str(source), "-o", str(out)],
                           cwd=elsewhere, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    children = []
    try:
        deadline = time.monotonic() + RUN_TIMEOUT  # a safety net, not a speed requirement
        while running_cell(out) != 1:
            assert run.poll() is None and time.monotonic() < deadline, run.stderr.read() if run.poll() else "never started"
            time.sleep(0.2)
        saved = out.read_bytes()
        children = children_of(run.pid)
        assert children, "the run did not run itself again in the notebook's folder"
        run.send_signal(sig)
        run.wait(timeout=RUN_TIMEOUT)
        assert run.returncode != 0
        if sig == signal.SIGKILL:  # nothing to forward: the child notices its parent is gone
            assert all(wait_for_end(child, RUN_TIMEOUT) for child in children), "the child outlived its parent"
        else:  # the parent ends only after its child
            assert all(process_ended(child) for child in children), "the child outlived the signalled run"
        assert out.read_bytes() == saved, "the notebook was written after the run was terminated"
        before, sleeping, after = code_cells(nbformat.read(str(out), as_version=4))
        assert stream_text(before, "stdout") == "before the sleep\n"
        assert sleeping.outputs == [] and after.outputs == [] and after.execution_count is None
    finally:
        for child in children:
            if not process_ended(child):
                os.kill(child, signal.SIGKILL)
        if run.poll() is None:
            run.kill()


# A Java cell that kills its own process outright, as the OS out-of-memory killer would.
KILL_ITSELF = ('new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();\n'
               "Thread.sleep(60_000);")
# A crash in native code, as DuckDB's was: the JVM catches the SIGSEGV, writes hs_err_pid*.log and aborts.
CRASH_IN_NATIVE_CODE = ('var field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");\n'
                        "field.setAccessible(true);\n"
                        "((sun.misc.Unsafe) field.get(null)).putAddress(0L, 42L);")


@pytest.mark.parametrize("started_in, dying_cell, signals", [
    ("notebook-folder", KILL_ITSELF, [signal.SIGKILL]),
    ("elsewhere", KILL_ITSELF, [signal.SIGKILL]),
    ("elsewhere", CRASH_IN_NATIVE_CODE, [signal.SIGABRT, signal.SIGSEGV]),
], ids=["killed-in-notebook-folder", "killed-elsewhere", "native-crash-elsewhere"])
def test_a_killed_run_leaves_the_cells_that_ran(assay_jar, tmp_path, started_in, dying_cell, signals):
    """The process running the cells dies in cell 3 (SIGKILL, as the OOM killer sends): the output
    notebook is still there, valid, with cells 1 and 2 and their outputs, cell 3 marked as the one
    that was running. Started in the notebook's folder the cells run in the `run` process itself,
    so the OS's exit status is all there is; started elsewhere, `run` outlives its child and says
    what happened."""
    folder = tmp_path / "project"
    source = write_notebook(notebook(
        'System.out.println("cell one ran");',
        "int answer = 6 * 7;\nanswer",
        dying_cell,
        'System.out.println("never");',
    ), folder / "killed.ipynb")
    out = tmp_path / "killed-out.ipynb"
    page = tmp_path / "killed-out.html"
    cwd = folder if started_in == "notebook-folder" else tmp_path
    proc = run_jar(assay_jar, source, "-o", out, "--html", page, cwd=cwd)
    if started_in == "notebook-folder":
        assert proc.returncode in [-s for s in signals], (proc.returncode, proc.stderr)
    else:
        assert proc.returncode in [128 + s for s in signals], (proc.returncode, proc.stderr)
        name = signal.Signals(proc.returncode - 128).name
        assert f"died during cell 4: killed by {name} (exit {proc.returncode})" in proc.stderr, proc.stderr
    assert out.exists(), "no notebook left by the killed run"
    nb = nbformat.read(str(out), as_version=4)
    nbformat.validate(nb)
    first, second, killer, never = code_cells(nb)
    assert stream_text(first, "stdout") == "cell one ran\n"
    assert [o["data"]["text/plain"] for o in second.outputs] == ["42"]
    assert [first.execution_count, second.execution_count] == [1, 2]
    assert killer.execution_count is None and "execution" in killer.metadata
    assert "shell.execute_reply" not in killer.metadata["execution"], "it started and never ended"
    assert never.outputs == [] and never.execution_count is None
    assert all("assay" not in cell.metadata for cell in (first, second, never))
    if started_in == "notebook-folder":
        assert killer.metadata["assay"]["status"] == "running"
        assert killer.outputs == []
        assert not page.exists(), "nothing runs after SIGKILL to write the page"
    else:
        assert killer.metadata["assay"]["status"] == "died"
        (died,) = killer.outputs
        assert died["output_type"] == "error" and name in died["evalue"]
        assert name in page.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.glob(".*.tmp")) == [], "a temporary file was left"


def test_a_normal_run_ends_with_the_notebook_nbclient_writes(assay_jar, kernelspec, tmp_path):
    """Saving as the run goes leaves no trace in a run that ends: the final notebook's cells are
    those nbclient gets from the kernel for the same notebook, stale outputs replaced."""
    nb = notebook(*GOOD_CELLS)
    for cell in code_cells(nb):
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="stale\n")]
        cell.execution_count = 99
    source = write_notebook(nb, tmp_path / "good.ipynb")
    out = tmp_path / "good-out.ipynb"
    proc = run_jar(assay_jar, source, "-o", out)
    assert proc.returncode == 0, proc.stderr
    ran = nbformat.read(str(out), as_version=4)
    nbformat.validate(ran)
    check_good_notebook(ran)
    reference = execute(nbformat.read(str(source), as_version=4))
    for mine, theirs in zip(code_cells(ran), code_cells(reference)):
        assert mine.execution_count == theirs.execution_count
        assert mine.outputs == theirs.outputs, mine.source
        assert "assay" not in mine.metadata, "an in-progress mark was left"
        assert set(mine.metadata["execution"]) == {"iopub.status.busy", "shell.execute_reply.started",
                                                   "shell.execute_reply", "iopub.status.idle"}
    assert sorted(p.name for p in tmp_path.glob(".*.tmp")) == [], "a temporary file was left"


# ---------------------------------------------------------------- sample notebooks and SQL


# spark.ipynb needs a Spark Connect server and the Spark jar: test_spark_kernel.py runs it.
SAMPLES = sorted(p for p in (REPO_ROOT / "sample-notebooks").glob("*.ipynb") if p.name != "spark.ipynb")


def check_sample(nb, name):
    nbformat.validate(nb)
    cells = code_cells(nb)
    assert cells, f"{name} has no code cells"
    for cell in cells:
        assert cell.execution_count is not None, f"{name}: a cell did not run"
        assert not outputs_of_type(cell, "error"), f"{name}: {outputs_of_type(cell, 'error')}"
        if "parameters" not in cell.metadata.get("tags", []):
            assert cell.outputs, f"{name}: a cell showed nothing:\n{cell.source}"
    checks = [o["data"]["application/vnd.assay.result+json"] for cell in cells for o in cell.outputs
              if "application/vnd.assay.result+json" in o.get("data", {}) and o["data"]["application/vnd.assay.result+json"].get("kind") == "check"]
    assert all(c["passed"] for c in checks), checks
    if name == "quickstart.ipynb":
        assert [c["dataset"] for c in checks] == ["train", "test"], "the quickstart checks train and test"
        (report,) = [o["data"]["application/vnd.assay.result+json"] for o in cells[-1].outputs
                     if o.get("data", {}).get("application/vnd.assay.result+json", {}).get("kind") == "report"]
        assert report["dataset"] == "train" and report["versus"]["dataset"] == "test"
        assert [c["dataset"] for c in report["checks"]] == ["train", "test"], "the report lists the session's checks"
        assert [p["label"] for p in report["pins"]] == ["sms-train", "sms-test"]
        assert report["file"].endswith("out/sms-train-vs-test.html") and os.path.getsize(report["file"]) > 10_000


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_notebook_runs_headless_as_the_readme_says(assay_jar, sample, tmp_path):
    # The README's first command, from the repository root with relative paths.
    out = tmp_path / sample.name
    page = tmp_path / (sample.stem + ".html")
    proc = subprocess.run(
        ["java", "-jar", os.path.relpath(assay_jar, REPO_ROOT), "run",
         os.path.relpath(sample, REPO_ROOT), "-o", str(out), "--html", str(page)],
        capture_output=True, text=True, timeout=RUN_TIMEOUT, cwd=REPO_ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    check_sample(nbformat.read(str(out), as_version=4), sample.name)
    assert "code cells ran</b>" in page.read_text(encoding="utf-8")  # opened in a browser by test_html_pages.py


def test_quickstart_fails_the_run_when_a_check_fails(assay_jar, tmp_path):
    # The CI use: a parameter raises the bar, the check cell shows every rule, then exit 1.
    out = tmp_path / "quickstart.ipynb"
    proc = subprocess.run(
        ["java", "-jar", str(assay_jar), "run", str(REPO_ROOT / "sample-notebooks" / "quickstart.ipynb"),
         "-o", str(out), "-p", "MIN_ROWS=1000000"],
        capture_output=True, text=True, timeout=RUN_TIMEOUT,
    )
    assert proc.returncode == 1, proc.stderr
    assert "check train failed 1 of 6 rules: rows >= 1000000 (measured 4,027)" in proc.stderr
    nb = nbformat.read(str(out), as_version=4)
    nbformat.validate(nb)
    (failed,) = [cell for cell in code_cells(nb) if outputs_of_type(cell, "error")]
    shown = [o for o in failed.outputs if o.output_type == "display_data" and "application/vnd.assay.result+json" in o["data"]]
    assert shown[-1]["data"]["application/vnd.assay.result+json"]["passed"] is False
    assert len(shown[-1]["data"]["application/vnd.assay.result+json"]["rules"]) == 6
    assert outputs_of_type(failed, "error")[0]["ename"] == "CheckFailed"
    assert code_cells(nb)[-1].execution_count is None, "the report after the failed check did not run"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_notebook_runs_through_the_kernelspec(kernelspec, sample):
    nb = nbformat.read(str(sample), as_version=4)
    execute(nb, resources={"metadata": {"path": str(sample.parent)}})
    check_sample(nb, sample.name)


def test_sql_cells_show_tables_and_bind_names(kernelspec):
    nb = execute(notebook(
        "%%sql squares\nSELECT range AS n, range * range AS sq FROM range(4)",
        "%%sql\nSELECT sum(sq) AS total FROM squares",
        "%%sql\nSELECT * FROM no_such_table",
    ), allow_errors=True)
    first, second, broken = code_cells(nb)
    (table,) = outputs_of_type(first, "execute_result")
    assert "<table>" in table["data"]["text/html"]
    assert table["data"]["application/vnd.assay.result+json"]["total_rows"] == 4
    (total,) = outputs_of_type(second, "execute_result")
    assert total["data"]["application/vnd.assay.result+json"]["rows"] == [[14]]
    (error,) = outputs_of_type(broken, "error")
    assert error["ename"] == "SqlError" and "no_such_table" in error["evalue"]


def png_size(data):
    """(width, height) from a PNG's IHDR chunk, which follows the signature."""
    assert data.startswith(PNG_SIGNATURE)
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_profile_and_drift_results_carry_charts(kernelspec):
    # Through a real Jupyter client: the bundles hold decodable PNGs of the size their
    # metadata gives, and the HTML (what JupyterLab shows) holds the same pictures.
    penguins = REPO_ROOT / "sample-notebooks" / "data" / "penguins.csv"
    nb = execute(notebook(
        f"%%assay\npenguins = load '{penguins}'\nprofile penguins",
        "%%sql\nCREATE OR REPLACE TABLE biscoe AS SELECT * FROM penguins WHERE island = 'Biscoe';\n"
        "CREATE OR REPLACE TABLE others AS SELECT * FROM penguins WHERE island <> 'Biscoe'",
        "%%assay\ndrift biscoe vs others on bill_length_mm, species",
    ))
    profile_cell, _, drift_cell = code_cells(nb)
    for cell, kind in ((profile_cell, "profile"), (drift_cell, "drift")):
        result = [o for o in cell.outputs if "data" in o][-1]  # the cell's last statement
        assert result["data"]["application/vnd.assay.result+json"]["kind"] == kind
        width, height = png_size(base64.b64decode(result["data"]["image/png"]))
        assert (width, height) == (result["metadata"]["image/png"]["width"], result["metadata"]["image/png"]["height"])
        assert width >= 600 and height >= 200, (kind, width, height)
        assert 'class="assay-charts"' in result["data"]["text/html"]
