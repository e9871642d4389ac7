"""Progress bars as Jupyter clients and `assay run` see them: a long operation shows a
display (display_data with a display_id), updates it in place (update_display_data with the
same id), ends with the time taken, and all of it comes before the cell's result."""

import subprocess

import nbformat

from kernel_cells import run_cell

# About four seconds of DuckDB work on these machines: long enough for a bar (shown after one).
LONG_QUERY = "%%sql\nSELECT count(DISTINCT i % 1000003) AS d FROM range(60000000) r(i)"


def test_a_long_query_updates_one_display_in_place(kernel):
    messages = run_cell(kernel, LONG_QUERY)
    kinds = [m["msg_type"] for m in messages]
    shown = [m for m in messages if m["msg_type"] == "display_data" and "assay-progress" in m["content"]["data"]["text/html"]]
    assert len(shown) == 1, kinds
    display_id = shown[0]["content"]["transient"]["display_id"]
    updates = [m for m in messages if m["msg_type"] == "update_display_data"]
    assert updates, kinds
    assert all(u["content"]["transient"]["display_id"] == display_id for u in updates)
    last = updates[-1]["content"]["data"]
    assert "done in" in last["text/plain"] and 'class="assay-progress done"' in last["text/html"], last
    assert kinds.index("execute_result") > kinds.index("update_display_data"), "the rows come after the bar"


def test_a_quick_statement_shows_no_bar(kernel):
    kinds = [m["msg_type"] for m in run_cell(kernel, "%%sql\nSELECT 42 AS answer")]
    assert "display_data" not in kinds and "update_display_data" not in kinds, kinds


def test_assay_run_draws_the_bar_on_stderr(assay_jar, tmp_path):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "assay", "display_name": "Assay (Java)",
                                                           "language": "java"}})
    nb.cells = [nbformat.v4.new_code_cell(LONG_QUERY)]
    path = tmp_path / "long.ipynb"
    nbformat.write(nb, str(path))
    proc = subprocess.run(["java", "-jar", str(assay_jar), "run", str(path), "-o", str(tmp_path / "out.ipynb")],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    # Not a terminal: plain lines, the first state and the end, never a carriage return.
    bar_lines = [line for line in proc.stderr.splitlines() if line.startswith("  SELECT count(DISTINCT")]
    assert bar_lines and "%" in bar_lines[0] and "[" in bar_lines[0], proc.stderr
    assert bar_lines[-1].endswith(" s") and ": done in " in bar_lines[-1], proc.stderr
    assert "\r" not in proc.stderr
    # The executed notebook keeps the bar's last state.
    out = nbformat.read(str(tmp_path / "out.ipynb"), as_version=4)
    displays = [o for o in out.cells[0].outputs if o.output_type == "display_data"]
    assert displays and ": done in " in displays[0]["data"]["text/plain"]
