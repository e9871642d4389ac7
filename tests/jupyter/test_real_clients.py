"""The clients people use every day, run as programs against the installed kernelspec:
`jupyter nbconvert --execute` and `jupyter console` (run by the pyenv Python, whose bin/
holds both). JUPYTER_PATH must point at the prefix the kernelspec was installed into."""

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

BIN = Path(sys.executable).parent
TIMEOUT = 300


@pytest.fixture(autouse=True)
def needs_kernelspec():
    if "JUPYTER_PATH" not in os.environ:
        pytest.fail("set JUPYTER_PATH to the prefix holding the assay kernelspec (tests/run-all does)")


def nbconvert_execute(tmp_path, name, cells):
    """Writes a notebook of these code cells and runs `jupyter nbconvert --execute` on it."""
    source = tmp_path / name
    nbformat.write(new_notebook(cells=[new_code_cell(c) for c in cells], metadata={
        "kernelspec": {"name": "assay", "display_name": "Assay (Java)", "language": "java"}}), str(source))
    return subprocess.run(
        [str(BIN / "jupyter-nbconvert"), "--to", "notebook", "--execute", str(source),
         "--output", "converted.ipynb", "--output-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=TIMEOUT,
    )


def test_nbconvert_executes_a_notebook(tmp_path):
    proc = nbconvert_execute(tmp_path, "convert.ipynb", [
        'System.out.println("from nbconvert");',
        "%%sql\nSELECT 40 + 2 AS answer",
        "java.util.stream.IntStream.rangeClosed(1, 4).sum()",
    ])
    assert proc.returncode == 0, proc.stderr
    nb = nbformat.read(str(tmp_path / "converted.ipynb"), as_version=4)
    nbformat.validate(nb)
    printed, sql, total = nb.cells
    assert printed.outputs[0]["text"] == "from nbconvert\n"
    # The result, not outputs[0]: the first %%sql opens DuckDB, and on a loaded machine that can
    # take over a second, which shows a progress bar before it.
    (rows,) = [o for o in sql.outputs if o.output_type == "execute_result"]
    assert rows["data"]["application/vnd.assay.result+json"]["rows"] == [[42]]
    (result,) = [o for o in total.outputs if o.output_type == "execute_result"]
    assert result["data"]["text/plain"] == "10"
    assert [c.execution_count for c in nb.cells] == [1, 2, 3]


def test_nbconvert_stops_at_a_failing_cell(tmp_path):
    proc = nbconvert_execute(tmp_path, "failing.ipynb", [
        'throw new IllegalStateException("stop here");',
        'System.out.println("never");',
    ])
    assert proc.returncode != 0
    assert "stop here" in proc.stderr


def test_nbconvert_stops_at_a_failed_check(tmp_path):
    proc = nbconvert_execute(tmp_path, "checked.ipynb", [
        "%%sql t\nSELECT * FROM range(10) r(n)",
        "%%assay\ncheck t: rows >= 5, max(n) < 5",
        'System.out.println("never");',
    ])
    assert proc.returncode != 0
    assert "check t failed 1 of 2 rules: max(n) < 5 (measured 9)" in proc.stderr


def test_jupyter_console_runs_lines_typed_at_it():
    lines = "\n".join([
        "int x = 6 * 7;",
        "x + 0",
        'System.out.println("printed " + x);',
        'int broken = "text";',
        'System.out.println("still alive");',
        "",
    ])
    proc = subprocess.run(
        [str(BIN / "jupyter-console"), "--kernel", "assay", "--simple-prompt"],
        input=lines, capture_output=True, text=True, timeout=TIMEOUT,
    )
    out = proc.stdout
    assert "Out[2]: 42" in out, out
    assert "printed 42" in out, out
    assert "incompatible types" in out + proc.stderr, (out, proc.stderr)
    assert "still alive" in out, out
    assert "Shutting down kernel" in out, out


def test_shutdown_while_a_cell_runs_ends_the_kernel_process():
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="assay", startup_timeout=120)
    try:
        kc.execute("while (true) { }")
        kc.shutdown()  # on control: answered while the cell still runs
        reply = kc.get_control_msg(timeout=60) if hasattr(kc, "get_control_msg") else None
        if reply is not None:
            assert reply["content"]["status"] == "ok"
        # The kernel must end itself (exit code 0), not wait to be killed.
        assert km.provisioner.process.wait(timeout=60) == 0
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)


def test_the_installed_kernel_maps_a_class_archive_this_jvm_accepts():
    """install trains a class-data-sharing archive; -Xshare:on makes the JVM fail unless it maps it."""
    from jupyter_client.kernelspec import KernelSpecManager

    argv = KernelSpecManager().get_kernel_spec("assay").argv
    flags = [a for a in argv if a.startswith("-XX:SharedArchiveFile=")]
    assert len(flags) == 1, argv
    archive = Path(flags[0].split("=", 1)[1])
    assert archive.is_file() and archive.stat().st_size > 1_000_000, archive
    jar = argv[argv.index("-jar") + 1]
    proc = subprocess.run([argv[0], flags[0], "-Xshare:on", "-Xlog:class+load=info", "-jar", jar, "--version"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # The kernel's own classes come from the archive, not from the jar.
    assert "dev.assay.kernel.cli.AssayCommand source: shared objects file (top)" in proc.stdout, proc.stdout[-2000:]


def free_ports(count):
    import socket

    ports = []
    for _ in range(count):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            ports.append(s.getsockname()[1])
    return ports


def start_kernel_as_the_kernelspec_says(connection_file, **fields):
    """Writes a connection file (fields override the defaults) and runs the kernelspec's argv on it."""
    import json

    from jupyter_client.kernelspec import KernelSpecManager

    shell, control, iopub, stdin, hb = free_ports(5)
    connection = {"transport": "tcp", "ip": "127.0.0.1", "shell_port": shell, "control_port": control,
                  "iopub_port": iopub, "stdin_port": stdin, "hb_port": hb,
                  "key": "secret", "signature_scheme": "hmac-sha256"}
    connection.update(fields)
    connection_file.write_text(json.dumps(connection))
    argv = KernelSpecManager().get_kernel_spec("assay").argv
    command = [str(connection_file) if a == "{connection_file}" else a for a in argv]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_a_kernel_whose_port_is_taken_says_so_and_exits(tmp_path):
    """The kernelspec's own start (java -jar assay.jar kernel FILE) ends with a message, not a hang."""
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    connection = tmp_path / "kernel.json"
    try:
        proc = start_kernel_as_the_kernelspec_says(connection, shell_port=taken.getsockname()[1])
    finally:
        taken.close()
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "cannot serve the ports of " + str(connection) in proc.stderr, proc.stderr
    assert "Address already in use" in proc.stderr, proc.stderr


def test_an_unsupported_signature_scheme_is_named_with_the_supported_ones(tmp_path):
    connection = tmp_path / "kernel.json"
    proc = start_kernel_as_the_kernelspec_says(connection, signature_scheme="hmac-whirlpool")
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert str(connection) in proc.stderr, proc.stderr
    assert "unsupported signature_scheme 'hmac-whirlpool'" in proc.stderr, proc.stderr
    # The schemes Jupyter clients use must be among those offered instead.
    supported = proc.stderr.split("supported:", 1)[1]
    for scheme in ("hmac-sha256", "hmac-sha512", "hmac-sha1"):
        assert scheme in supported, proc.stderr
    assert "Exception" not in proc.stderr and "\tat " not in proc.stderr, proc.stderr
