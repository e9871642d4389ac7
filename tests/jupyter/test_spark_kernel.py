"""The kernel with the Spark engine on its class path (issue 23), through a real Jupyter client
and a real Spark Connect server started here with spark/serve on a free loopback port:

- `install --with-spark` writes a kernelspec starting its own copies of assay.jar and
  assay-spark.jar with Spark's JVM flags; a kernel started from it with ASSAY_ENGINE=spark runs
  `%%sql` and `show` on Spark, with results equal to pandas reading the same CSV;
- `assay run --with-spark` does the same headless (also when started in the notebook's folder);
- `%classpath add assay-spark.jar` registers the engine in a running kernel;
- a kernel started on both jars without Spark's flags says which flags and how to get them.

Needs kernel/target/assay.jar and spark/target/assay-spark.jar (mvn -B package; ASSAY_JAR and
ASSAY_SPARK_JAR name others). spark/serve resolves the server's own jars with Maven on first use.

    ASSAY_JAR=kernel/target/assay.jar /work/pyenv/bin/python -m pytest tests/jupyter/test_spark_kernel.py
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbformat.v4 import new_code_cell, new_notebook

from test_extensions import MAIN_CLASS, run_cell  # pytest puts this folder on sys.path

REPO_ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 300
# The first start of spark/serve resolves the server's jars with Maven.
SERVER_START_TIMEOUT = 900
RESULT_MIME = "application/vnd.assay.result+json"
KERNEL_NAME = "assay-spark"

ROWS_CSV = "id,name,score\n1,a,0.5\n2,b,1.5\n3,a,\n4,c,4.25\n5,b,-2.0\n"


@pytest.fixture(scope="module")
def spark_jar():
    jar = Path(os.environ.get("ASSAY_SPARK_JAR", REPO_ROOT / "spark" / "target" / "assay-spark.jar"))
    if not jar.is_file():
        pytest.fail(f"no Spark jar at {jar}: build it with mvn -B -q package -DskipTests (or set ASSAY_SPARK_JAR)")
    return jar.resolve()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_line(stream, seconds):
    """The first line of `stream`, or None when none comes within `seconds`."""
    lines = []
    reader = threading.Thread(target=lambda: lines.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(seconds)
    return lines[0] if lines else None


@pytest.fixture(scope="module")
def spark_location(tmp_path_factory):
    """A Spark Connect server (spark/serve, local[2]) on a free port; stopped at the end."""
    log = tmp_path_factory.mktemp("spark-serve") / "serve.log"
    with open(log, "w") as err:
        server = subprocess.Popen([str(REPO_ROOT / "spark" / "serve"), "--port", str(free_port()),
                                   "--master", "local[2]", "--driver-memory", "1g"],
                                  stdout=subprocess.PIPE, stderr=err, text=True, start_new_session=True)
    try:
        line = first_line(server.stdout, SERVER_START_TIMEOUT)
        found = re.search(r"'(sc://[^']+)'", line or "")
        assert found, f"spark/serve printed {line!r}; its log: {log.read_text()[-2000:]}"
        yield found.group(1)
    finally:
        # Its own process group (start_new_session): the JVM, or Maven still resolving jars.
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.fixture(scope="module")
def spark_kernelspec(assay_jar, spark_jar, tmp_path_factory):
    """`install --with-spark` into a fresh prefix, the Spark jar found beside the kernel jar's build."""
    prefix = tmp_path_factory.mktemp("spark-prefix")
    command = ["java", "-jar", str(assay_jar), "install", "--with-spark", "--prefix", str(prefix), "--name", KERNEL_NAME]
    if spark_jar != (assay_jar.parent.parent.parent / "spark" / "target" / "assay-spark.jar").resolve():
        command += ["--spark-jar", str(spark_jar)]
    install = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    assert install.returncode == 0, install.stdout + install.stderr
    return prefix / "share" / "jupyter" / "kernels" / KERNEL_NAME


@pytest.fixture()
def rows_csv(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(ROWS_CSV)
    return path


def start_kernel(kernel_dir, env, cwd, stderr):
    km = KernelManager(kernel_name=kernel_dir.name,
                       kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernel_dir.parent)]))
    km.start_kernel(env=dict(os.environ, **env), cwd=str(cwd), stderr=stderr)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc


def results(outputs):
    return [c["data"][RESULT_MIME] for kind, c in outputs if kind == "execute_result" and RESULT_MIME in c["data"]]


def view_cell(csv):
    """A Spark temporary view over the CSV, read with its header and typed (Spark's csv options)."""
    return ("%%sql\nCREATE OR REPLACE TEMPORARY VIEW rows_csv USING csv "
            f"OPTIONS (path '{csv}', header 'true', inferSchema 'true')")


def assert_table_equals_pandas(table, csv):
    """The table result (its rows as the kernel sent them) equals pandas reading the same CSV."""
    expected = pd.read_csv(csv)
    assert [c["name"] for c in table["columns"]] == list(expected.columns), table
    assert table["total_rows"] == len(expected), table
    got = pd.DataFrame(table["rows"], columns=expected.columns)
    assert got["id"].tolist() == expected["id"].tolist()
    assert got["name"].tolist() == expected["name"].tolist()
    assert got["score"].isna().tolist() == expected["score"].isna().tolist()
    assert got["score"].dropna().tolist() == expected["score"].dropna().tolist()


def test_the_with_spark_kernelspec_starts_both_jars_copies_with_sparks_flags(spark_kernelspec, spark_jar):
    argv = json.loads((spark_kernelspec / "kernel.json").read_text())["argv"]
    class_path = argv[argv.index("-cp") + 1].split(os.pathsep)
    # Its own copies: `mvn clean` must not break the installed kernel.
    assert class_path == [str(spark_kernelspec / "assay.jar"), str(spark_kernelspec / "assay-spark.jar")], argv
    assert (spark_kernelspec / "assay-spark.jar").read_bytes() == spark_jar.read_bytes()
    assert argv[argv.index("-cp") + 2:] == [MAIN_CLASS, "kernel", "{connection_file}"], argv
    assert "-jar" not in argv
    pom = (REPO_ROOT / "spark" / "pom.xml").read_text()
    flags = re.search(r"<spark.jvm.flags>([^<]*)</spark.jvm.flags>", pom).group(1).split()
    for flag in flags + ["--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED"]:
        assert flag in argv, (flag, argv)
    # The class archive was trained on this class path, so it maps (checked in the next test's log).
    assert f"-XX:SharedArchiveFile={spark_kernelspec / 'assay.jsa'}" in argv, argv


def test_a_with_spark_kernel_runs_sql_and_show_on_spark(spark_kernelspec, spark_location, rows_csv, tmp_path):
    stderr_path = tmp_path / "kernel-stderr.txt"
    with open(stderr_path, "w") as stderr:
        km, kc = start_kernel(spark_kernelspec, {"ASSAY_ENGINE": "spark", "ASSAY_SPARK_LOCATION": spark_location},
                              tmp_path, stderr)
        try:
            content, outputs = run_cell(kc, view_cell(rows_csv))
            assert content["status"] == "ok", (content, outputs)
            content, outputs = run_cell(kc, "%%sql t\nSELECT * FROM rows_csv ORDER BY id")
            assert content["status"] == "ok", (content, outputs)
            table = results(outputs)[0]
            assert table["kind"] == "table" and table["name"] == "t", table
            assert_table_equals_pandas(table, rows_csv)

            content, outputs = run_cell(kc, "%%assay\nshow t")
            assert content["status"] == "ok", (content, outputs)
            shown = [c["data"]["text/plain"] for kind, c in outputs if kind == "execute_result"]
            assert shown and "4.25" in shown[0] and "-2.0" in shown[0], outputs

            # The session's engine is Spark's: a function DuckDB does not have.
            content, outputs = run_cell(kc, "%%sql v\nSELECT spark_partition_id() AS p, version() AS v")
            assert content["status"] == "ok", (content, outputs)
            assert results(outputs)[0]["rows"][0][1].startswith("4."), outputs
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    log = stderr_path.read_text()
    assert "shared class paths mismatch" not in log.lower() and "[cds]" not in log, log
    assert "WARNING: A terminally deprecated method" not in log, log


def write_notebook(path, cells):
    nbformat.write(new_notebook(cells=[new_code_cell(c) for c in cells], metadata={
        "kernelspec": {"name": "assay", "display_name": "Assay (Java)", "language": "java"}}), str(path))


@pytest.mark.parametrize("started_in", ["elsewhere", "the notebook's folder"])
def test_assay_run_with_spark_runs_a_notebook_on_spark(assay_jar, spark_jar, spark_location, rows_csv, tmp_path,
                                                       started_in):
    notebook = tmp_path / "spark.ipynb"
    write_notebook(notebook, [view_cell(rows_csv), "%%sql t\nSELECT * FROM rows_csv ORDER BY id", "%%assay\nshow t"])
    env = dict(os.environ, ASSAY_ENGINE="spark", ASSAY_SPARK_LOCATION=spark_location)
    command = ["java", "-jar", str(assay_jar), "run", str(notebook), "--with-spark", "--spark-jar", str(spark_jar)]
    cwd = REPO_ROOT if started_in == "elsewhere" else tmp_path
    ran = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=env, cwd=cwd)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "WARNING: A terminally deprecated method" not in ran.stderr, ran.stderr
    out = nbformat.read(tmp_path / "spark.out.ipynb", as_version=4)
    table = out.cells[1].outputs[-1]["data"][RESULT_MIME]
    assert_table_equals_pandas(table, rows_csv)
    assert "4.25" in out.cells[2].outputs[-1]["data"]["text/plain"]


def test_the_spark_sample_notebook_runs_its_story_on_spark_and_verifies_the_pin_on_duckdb(
        assay_jar, spark_jar, spark_location, tmp_path):
    samples = tmp_path / "sample-notebooks"
    shutil.copytree(REPO_ROOT / "sample-notebooks", samples, ignore=shutil.ignore_patterns(".assay", "*.out.ipynb"))
    out = tmp_path / "spark-out.ipynb"
    ran = subprocess.run(["java", "-jar", str(assay_jar), "run", str(samples / "spark.ipynb"), "--with-spark",
                          "--spark-jar", str(spark_jar), "-p", f"SPARK={spark_location}", "-o", str(out)],
                         capture_output=True, text=True, timeout=TIMEOUT, cwd=tmp_path)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    results = [o["data"][RESULT_MIME] for cell in nbformat.read(out, as_version=4).cells
               for o in cell.get("outputs", []) if RESULT_MIME in o.get("data", {})]
    by_kind = {}
    for r in results:
        by_kind.setdefault(r["kind"], []).append(r)
    assert [u["engine"] for u in by_kind["use"]] == ["spark", "duckdb"]
    split = by_kind["split"][0]
    parts = {p["name"]: p["rows"] for p in split["parts"]}
    (pin,) = by_kind["pin"]
    assert pin["rows"] == parts["train"]
    loaded = [r for r in by_kind["load"] if r["name"] == "local_train"][0]
    assert loaded["total_rows"] == parts["train"]
    (copied,) = by_kind["copy"]
    assert (copied["from"], copied["to"], copied["rows"]) == ("spark", "duckdb", parts["test"])
    (check,) = by_kind["check"]
    assert check["passed"], check  # among its rules: fingerprint = 'sms-train-spark', on DuckDB
    sms = pd.read_csv(samples / "data" / "sms_spam.tsv", sep="\t", quoting=3)
    assert by_kind["profile"][0]["rows"] == len(sms)


def test_install_with_spark_without_the_spark_jar_says_how_to_build_it(assay_jar, tmp_path):
    built = tmp_path / "clone" / "kernel" / "target" / "assay.jar"
    built.parent.mkdir(parents=True)
    shutil.copy2(assay_jar, built)
    install = subprocess.run(["java", "-jar", str(built), "install", "--with-spark", "--prefix", str(tmp_path / "p")],
                             capture_output=True, text=True, timeout=TIMEOUT)
    assert install.returncode == 2, install.stdout + install.stderr
    assert str(tmp_path / "clone" / "spark" / "target" / "assay-spark.jar") in install.stderr, install.stderr
    assert "mvn -B -q package -DskipTests" in install.stderr, install.stderr
    assert not (tmp_path / "p").exists(), "nothing installed"


def test_assay_run_without_with_spark_cannot_select_the_engine(assay_jar, tmp_path):
    notebook = tmp_path / "plain.ipynb"
    write_notebook(notebook, ["1 + 1"])
    ran = subprocess.run(["java", "-jar", str(assay_jar), "run", str(notebook), "--engine", "spark"],
                         capture_output=True, text=True, timeout=TIMEOUT)
    assert ran.returncode == 2, ran.stdout + ran.stderr
    assert "unknown engine 'spark'; known engines: duckdb" in ran.stderr, ran.stderr


def test_classpath_add_registers_the_spark_engine_in_a_running_kernel(kernelspec, spark_jar, tmp_path):
    kernel_dir = Path(kernelspec.resource_dir)
    km, kc = start_kernel(kernel_dir, {}, tmp_path, None)
    try:
        content, outputs = run_cell(kc, f"%classpath add {spark_jar}")
        assert content["status"] == "ok", content
        said = "".join(c.get("text", "") for kind, c in outputs if kind == "stream")
        assert f"Registered extension Assay Spark engine ({spark_jar}): engine spark" in said, outputs
        content, outputs = run_cell(kc, "1 + 1")
        assert content["status"] == "ok"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_kernel_without_sparks_flags_says_which_and_how_to_get_them(assay_jar, spark_jar, spark_location, rows_csv,
                                                                       tmp_path):
    """Both jars on -cp but no flags (as a hand-written kernelspec would): the cell fails with the
    flags and `install --with-spark`, no stack trace, and the kernel lives on."""
    spec_dir = tmp_path / "kernels" / "assay-no-flags"
    spec_dir.mkdir(parents=True)
    argv = ["java", "-Djava.security.manager=allow", "-cp", os.pathsep.join([str(assay_jar), str(spark_jar)]),
            MAIN_CLASS, "kernel", "{connection_file}"]
    (spec_dir / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "no flags", "language": "java",
                                                      "interrupt_mode": "message"}))
    km, kc = start_kernel(spec_dir, {"ASSAY_ENGINE": "spark", "ASSAY_SPARK_LOCATION": spark_location}, tmp_path, None)
    try:
        content, outputs = run_cell(kc, view_cell(rows_csv))
        assert content["status"] == "error", (content, outputs)
        assert "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED" in content["evalue"], content
        assert "install --with-spark" in content["evalue"], content
        assert not any("\tat " in line for line in content["traceback"]), content["traceback"]
        content, outputs = run_cell(kc, "6 * 7")
        assert content["status"] == "ok", content
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
