"""Extensions in a real kernel: a statement, a renderer, a check measure and an engine registered
from a jar compiled here (tests/jupyter/hello_extension) through the extension interface, with a
real Jupyter client over ZeroMQ. Run by the pyenv Python against ASSAY_JAR:

    ASSAY_JAR=kernel/target/assay.jar /work/pyenv/bin/python -m pytest tests/jupyter/test_extensions.py
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbformat.v4 import new_code_cell, new_notebook

HERE = Path(__file__).resolve().parent
TIMEOUT = 300
MAIN_CLASS = "dev.assay.kernel.cli.AssayCommand"
# What the jar's manifest opens for `java -jar`; a `-cp` start must say it itself.
OPENS = ["--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED"]


@pytest.fixture(scope="module")
def hello_jar(assay_jar, tmp_path_factory):
    """The test extension, compiled against the kernel jar into a jar with its service file."""
    work = tmp_path_factory.mktemp("hello-extension")
    classes = work / "classes"
    sources = sorted(str(p) for p in (HERE / "hello_extension" / "src").rglob("*.java"))
    javac = subprocess.run(["javac", "--release", "17", "-cp", str(assay_jar), "-d", str(classes), *sources],
                           capture_output=True, text=True, timeout=TIMEOUT)
    assert javac.returncode == 0, javac.stderr
    shutil.copytree(HERE / "hello_extension" / "META-INF", classes / "META-INF")
    jar = work / "hello.jar"
    subprocess.run(["jar", "cf", str(jar), "-C", str(classes), "."], check=True, timeout=TIMEOUT)
    return jar


def kernel_with(assay_jar, extra_class_path, spec_dir, args=()):
    """A kernel started as `java -cp assay.jar:EXTRA ... kernel [ARGS] CONNECTION_FILE`."""
    spec_dir.mkdir(parents=True, exist_ok=True)
    class_path = os.pathsep.join([str(assay_jar), *map(str, extra_class_path)])
    argv = ["java", *OPENS, "-cp", class_path, MAIN_CLASS, "kernel", *args, "{connection_file}"]
    (spec_dir / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "Assay (extension test)",
                                                      "language": "java", "interrupt_mode": "message"}))
    km = KernelManager(kernel_name=spec_dir.name, kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec_dir.parent)]))
    km.start_kernel(cwd=str(spec_dir.parent))
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc


def run_cell(kc, code):
    """Runs one cell; returns (reply content, outputs as IOPub sent them)."""
    outputs = []

    def hook(msg):
        if msg["msg_type"] in ("execute_result", "display_data", "stream", "error"):
            outputs.append((msg["msg_type"], msg["content"]))

    reply = kc.execute_interactive(code, output_hook=hook, timeout=TIMEOUT)
    return reply["content"], outputs


def texts(outputs):
    found = []
    for kind, content in outputs:
        found.append(content["text"] if kind == "stream" else content.get("data", {}).get("text/plain", ""))
    return "\n".join(found)


def test_a_kernel_started_with_the_jar_runs_its_statement_renderer_measure_and_engine(assay_jar, hello_jar, tmp_path):
    km, kc = kernel_with(assay_jar, [hello_jar], tmp_path / "kernels" / "assay-hello", ["--engine", "hello-duck"])
    try:
        content, outputs = run_cell(kc, "%%assay\nhello world")
        assert content["status"] == "ok", content
        results = [c for kind, c in outputs if kind == "execute_result"]
        assert results, outputs
        assert results[0]["data"]["text/plain"] == "Hello, world! (hello extension)"
        assert 'class="hello-extension"' in results[0]["data"]["text/html"]

        # The session's engine is the extension's: its marker table is there, for SQL and statements.
        content, outputs = run_cell(kc, "%%sql marked\nSELECT engine FROM hello_engine")
        assert content["status"] == "ok", content
        assert "hello-duck" in texts(outputs)
        content, outputs = run_cell(kc, "%%assay\nshow marked\ncheck marked: hello_rows = 1, rows = 1")
        assert content["status"] == "ok", (content, outputs)
        assert "hello-duck" in texts(outputs)

        content, outputs = run_cell(kc, "%%assay\nhelo world")
        assert content["status"] == "error"
        assert "did you mean 'hello'" in content["evalue"], content
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_classpath_add_registers_the_statement_in_a_running_kernel(assay_jar, hello_jar, tmp_path):
    km, kc = kernel_with(assay_jar, [], tmp_path / "kernels" / "assay-plain")
    try:
        content, outputs = run_cell(kc, "%%assay\nhello world")
        assert content["status"] == "error", "not known before the jar is added"
        assert "unknown statement 'hello'" in content["evalue"], content

        content, outputs = run_cell(kc, f"%classpath add {hello_jar}")
        assert content["status"] == "ok", content
        said = texts(outputs)
        assert f"Registered extension hello ({hello_jar}): statement hello, renderer for Greeting, " \
               "measure hello_rows, engine hello-duck" in said, said

        content, outputs = run_cell(kc, "%%assay\nhello again")
        assert content["status"] == "ok", content
        assert "Hello, again! (hello extension)" in texts(outputs)

        # Added again: nothing new to register, and nothing said about it.
        content, outputs = run_cell(kc, f"%classpath add {hello_jar}")
        assert content["status"] == "ok", content
        assert "Registered" not in texts(outputs)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_broken_extension_is_reported_and_the_kernel_lives_on(assay_jar, tmp_path):
    broken = tmp_path / "broken"
    services = broken / "META-INF" / "services"
    services.mkdir(parents=True)
    (services / "dev.assay.kernel.extension.AssayExtension").write_text("no.such.Extension\n")
    km, kc = kernel_with(assay_jar, [], tmp_path / "kernels" / "assay-broken")
    try:
        content, outputs = run_cell(kc, f"%classpath add {broken}")
        assert content["status"] == "ok", content
        errors = "".join(c["text"] for kind, c in outputs if kind == "stream" and c["name"] == "stderr")
        assert "Extension could not be loaded" in errors and "no.such.Extension not found" in errors, outputs
        assert str(broken) in errors, errors
        assert "\tat " not in errors
        content, outputs = run_cell(kc, "1 + 1")
        assert content["status"] == "ok" and "2" in texts(outputs)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_run_selects_the_engine_by_environment_and_refuses_an_unknown_one(assay_jar, hello_jar, tmp_path):
    notebook = tmp_path / "marked.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("%%sql\nSELECT engine FROM hello_engine")]), notebook)
    class_path = os.pathsep.join([str(assay_jar), str(hello_jar)])
    env = dict(os.environ, ASSAY_ENGINE="hello-duck")
    ran = subprocess.run(["java", *OPENS, "-cp", class_path, MAIN_CLASS, "run", str(notebook)],
                         capture_output=True, text=True, timeout=TIMEOUT, env=env)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    out = nbformat.read(tmp_path / "marked.out.ipynb", as_version=4)
    assert "hello-duck" in out.cells[0].outputs[0]["data"]["text/plain"]

    refused = subprocess.run(["java", "-jar", str(assay_jar), "run", str(notebook), "--engine", "hello-duk"],
                             capture_output=True, text=True, timeout=TIMEOUT)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "unknown engine 'hello-duk'; known engines: duckdb" in refused.stderr, refused.stderr


def result_json(outputs):
    found = [c["data"]["application/vnd.assay.result+json"] for kind, c in outputs
             if kind in ("execute_result", "display_data") and "application/vnd.assay.result+json" in c.get("data", {})]
    assert found, outputs
    return found[-1]


def test_use_and_copy_between_two_engines_of_a_kernel(assay_jar, hello_jar, tmp_path):
    """Issue 23: a session on the extension's engine opens DuckDB with `use`, and `copy` moves rows between them."""
    km, kc = kernel_with(assay_jar, [hello_jar], tmp_path / "kernels" / "assay-engines", ["--engine", "hello-duck"])
    try:
        content, outputs = run_cell(kc, "%%sql t\nSELECT range AS id, 'row ' || range AS text FROM range(100)")
        assert content["status"] == "ok", content

        content, outputs = run_cell(kc, "%%assay\nuse duckdb")
        assert content["status"] == "ok", content
        assert result_json(outputs) == {"kind": "use", "engine": "duckdb", "location": None}

        content, outputs = run_cell(kc, "%%assay\ncopy t to duckdb")
        assert content["status"] == "ok", content
        copied = result_json(outputs)
        assert {k: copied[k] for k in ("kind", "dataset", "from", "to", "rows", "via", "moved")} == {
            "kind": "copy", "dataset": "t", "from": "hello-duck", "to": "duckdb", "rows": 100, "via": "arrow",
            "moved": True}
        assert "moved 100 rows from hello-duck to duckdb" in texts(outputs)

        # On DuckDB now, with its rows: counted by DuckDB, summed here.
        content, outputs = run_cell(kc, "%%sql\nSELECT count(*) AS n, sum(id) AS s FROM t")
        assert content["status"] == "ok", content
        assert result_json(outputs)["rows"] == [[100, sum(range(100))]]

        # SQL runs on the current engine: a table of the other one is named with the way out.
        content, outputs = run_cell(kc, "%%sql\nSELECT engine FROM hello_engine")
        assert content["status"] == "error"
        assert "'hello_engine' is a dataset on hello-duck (copy hello_engine to duckdb)" in content["evalue"], content

        # From Java: a copy back under another name, then a statement over both engines is refused.
        content, outputs = run_cell(kc, 'assay.copy("t", "hello-duck", "back", null).rows()')
        assert content["status"] == "ok", content
        content, outputs = run_cell(kc, "%%assay\nleakage t, back")
        assert content["status"] == "error"
        assert "'t' is on duckdb and 'back' on hello-duck: copy one to the other first (copy back to duckdb)" \
            in content["evalue"], content

        content, outputs = run_cell(kc, "%%assay\nuse duckbd")
        assert content["status"] == "error"
        assert "known engines: duckdb, hello-duck" in content["evalue"], content
        assert "did you mean" in content["evalue"], content
        content, outputs = run_cell(kc, "%%assay\nshow t limit 1")
        assert content["status"] == "ok", "a failed use leaves the session as it was"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
