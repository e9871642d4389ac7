"""The kernel as a process: installed with its own copy of the jar, quiet on stderr, and not
ended by a cell. Run by the pyenv Python against ASSAY_JAR (see tests/assay_kernelspec.py):

    ASSAY_JAR=kernel/target/assay.jar JUPYTER_PATH=PREFIX/share/jupyter \\
        /work/pyenv/bin/python -m pytest tests/jupyter/test_kernel_process.py
"""

import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager, start_new_kernel
from nbformat.v4 import new_code_cell, new_notebook

REPO_ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 300
# The first line of the four the JDK prints for System.setSecurityManager on 17, and of the two
# it prints when a command line option installs one.
JDK_WARNINGS = ("WARNING: A terminally deprecated method in java.lang.System has been called",
                "WARNING: A command line option has enabled the Security Manager")


def run_cell(kc, code):
    """Runs one cell; returns (reply content, execute_result text/plain or None)."""
    results = []

    def hook(msg):
        if msg["msg_type"] == "execute_result":
            results.append(msg["content"]["data"]["text/plain"])

    reply = kc.execute_interactive(code, output_hook=hook, timeout=TIMEOUT)
    return reply["content"], (results[0] if results else None)


def no_jdk_warning(stderr):
    return not any(w in stderr for w in JDK_WARNINGS)


def test_a_cell_cannot_remove_the_exit_guard_and_end_the_kernel(kernelspec):
    km, kc = start_new_kernel(kernel_name="assay", startup_timeout=120)
    try:
        content, _ = run_cell(kc, "int survivor = 41;")
        assert content["status"] == "ok", content
        content, _ = run_cell(kc, "System.setSecurityManager(null);\nSystem.exit(7);")
        assert content["status"] == "error", content
        assert content["ename"] == "java.lang.SecurityException", content
        assert content["evalue"].startswith("System.setSecurityManager was blocked"), content
        assert not any("\tat " in line for line in content["traceback"]), content["traceback"]
        content, _ = run_cell(kc, "Runtime.getRuntime().halt(3);")
        assert content["evalue"].startswith("Runtime.halt(3) was blocked"), content
        content, value = run_cell(kc, "survivor + 1")
        assert (content["status"], value) == ("ok", "42"), content
        assert km.is_alive()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_the_installed_kernel_runs_its_own_copy_of_the_jar(assay_jar, tmp_path, monkeypatch):
    """Installed from a build, then the build is gone (`mvn clean`): the kernel still starts,
    maps its class archive (trained against the copy's path) and runs a cell, without a JDK warning."""
    build = tmp_path / "build"
    build.mkdir()
    built_jar = build / "assay.jar"
    shutil.copy2(assay_jar, built_jar)
    prefix = tmp_path / "prefix"
    install = subprocess.run(["java", "-jar", str(built_jar), "install", "--prefix", str(prefix)],
                             capture_output=True, text=True, timeout=TIMEOUT)
    assert install.returncode == 0, install.stdout + install.stderr
    assert no_jdk_warning(install.stdout + install.stderr), install.stderr
    shutil.rmtree(build)

    kernel_dir = prefix / "share" / "jupyter" / "kernels" / "assay"
    argv = json.loads((kernel_dir / "kernel.json").read_text())["argv"]
    assert Path(argv[argv.index("-jar") + 1]) == kernel_dir / "assay.jar", argv
    archive = [a for a in argv if a.startswith("-XX:SharedArchiveFile=")]
    assert archive == ["-XX:SharedArchiveFile=" + str(kernel_dir / "assay.jsa")], argv

    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share" / "jupyter"))
    km = KernelManager(kernel_name="assay", kernel_spec_manager=KernelSpecManager())
    stderr_path = tmp_path / "kernel-stderr.txt"
    with open(stderr_path, "w") as stderr:
        km.start_kernel(stderr=stderr, cwd=str(tmp_path))
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=120)
            content, value = run_cell(kc, 'System.err.println("to the notebook"); 6 * 7')
            assert (content["status"], value) == ("ok", "42"), content
        finally:
            kc.stop_channels()
            km.shutdown_kernel()
    log = stderr_path.read_text()
    assert no_jdk_warning(log), log
    # A class archive made for another jar path is refused with a warning; this one must map.
    assert "[cds]" not in log and "shared class paths mismatch" not in log.lower(), log


def test_assay_run_prints_no_jdk_warning(assay_jar, tmp_path):
    notebook = tmp_path / "quiet.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("int answer = 6 * 7;\nanswer")], metadata={
        "kernelspec": {"name": "assay", "display_name": "Assay (Java)", "language": "java"}}), str(notebook))
    proc = subprocess.run(["java", "-jar", str(assay_jar), "run", str(notebook), "-o", str(tmp_path / "out.ipynb")],
                          capture_output=True, text=True, timeout=TIMEOUT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert no_jdk_warning(proc.stdout + proc.stderr), proc.stderr


def fake_checkout(tmp_path, assay_jar):
    """install.sh in a tree of its own: a pom, a source file, a built jar, and an `mvn` that only records its call."""
    root = tmp_path / "checkout"
    (root / "install").mkdir(parents=True)
    shutil.copy2(REPO_ROOT / "install" / "install.sh", root / "install" / "install.sh")
    (root / "pom.xml").write_text("<project/>\n")
    source = root / "dsl" / "src" / "main" / "java" / "Some.java"
    source.parent.mkdir(parents=True)
    source.write_text("class Some {}\n")
    jar = root / "kernel" / "target" / "assay.jar"
    jar.parent.mkdir(parents=True)
    shutil.copy2(assay_jar, jar)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    mvn = bin_dir / "mvn"
    mvn.write_text(textwrap.dedent(f"""\
        #!/bin/sh
        echo "$@" >> {tmp_path / "mvn-calls"}
        touch {jar}
        """))
    mvn.chmod(0o755)
    return root, source, jar, bin_dir


def run_install_sh(root, bin_dir, prefix, *extra):
    env = dict(os.environ, PATH=str(bin_dir) + os.pathsep + os.environ["PATH"])
    return subprocess.run(["bash", str(root / "install" / "install.sh"), *extra, "--prefix", str(prefix),
                           "--no-class-archive"], capture_output=True, text=True, timeout=TIMEOUT, env=env)


def test_install_sh_builds_only_when_the_jar_is_older_than_a_source(assay_jar, tmp_path):
    root, source, jar, bin_dir = fake_checkout(tmp_path, assay_jar)
    calls = tmp_path / "mvn-calls"
    # The jar is newer than every source: no build.
    os.utime(source, (1_000_000_000, 1_000_000_000))
    os.utime(root / "pom.xml", (1_000_000_000, 1_000_000_000))
    up_to_date = run_install_sh(root, bin_dir, tmp_path / "p1")
    assert up_to_date.returncode == 0, up_to_date.stdout + up_to_date.stderr
    assert not calls.exists(), calls.read_text()
    assert "not rebuilding" in up_to_date.stdout, up_to_date.stdout
    assert (tmp_path / "p1" / "share" / "jupyter" / "kernels" / "assay" / "assay.jar").is_file()
    # A source changed after the build: build, and say why.
    os.utime(jar, (1_000_000_000, 1_000_000_000))
    os.utime(source, None)
    stale = run_install_sh(root, bin_dir, tmp_path / "p2")
    assert stale.returncode == 0, stale.stdout + stale.stderr
    assert calls.read_text().count("package") == 1
    assert "dsl/src/main/java/Some.java is newer" in stale.stdout, stale.stdout
    # --rebuild builds even when up to date.
    forced = run_install_sh(root, bin_dir, tmp_path / "p3", "--rebuild")
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert calls.read_text().count("package") == 2
