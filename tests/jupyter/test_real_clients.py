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

from processes import process_ended, wait_for_end

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


def test_is_complete_waits_for_the_empty_line_that_ends_a_cell_magic():
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="assay", startup_timeout=120)
    try:
        def status(code):
            msg_id = kc.is_complete(code)
            reply = kc.get_shell_msg(timeout=60)
            while reply["parent_header"].get("msg_id") != msg_id:  # start-up's kernel_info replies
                reply = kc.get_shell_msg(timeout=60)
            return reply["content"]["status"]

        for magic in ("%%assay", "%%sql t"):
            assert status(magic) == "incomplete", magic
            assert status(magic + "\nshow t") == "incomplete", magic
            assert status(magic + "\nshow t\n") == "complete", magic
        assert status("%%assay\ncheck t: rows > 1,\n") == "incomplete"
        assert status("%%assay\ncheck t: rows > 1,\n  max(n) < 5\n") == "complete"
        assert status("int x = 1;") == "complete"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


class Tmux:
    """A terminal of its own (a private tmux server), to type at a full-screen program as a person does."""

    def __init__(self, folder, command):
        self.base = ["tmux", "-S", str(folder / "tmux.sock")]
        subprocess.run(self.base + ["new-session", "-d", "-x", "160", "-y", "50", "-c", str(folder), command],
                       check=True, env=os.environ)

    def screen(self):
        return subprocess.run(self.base + ["capture-pane", "-p", "-J", "-S", "-5000"],
                              capture_output=True, text=True).stdout

    def type_line(self, text):
        if text:
            subprocess.run(self.base + ["send-keys", "-l", text], check=True)
        subprocess.run(self.base + ["send-keys", "Enter"], check=True)

    def wait_for(self, text):
        import time

        deadline = time.monotonic() + TIMEOUT  # a safety net, not a speed requirement
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never showed:\n{self.screen()}")

    def wait_until_ended(self):
        """Waits for the program to end (its session ends with it)."""
        import time

        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if subprocess.run(self.base + ["has-session"], capture_output=True).returncode != 0:
                return
            time.sleep(0.2)
        raise AssertionError(f"the program did not end:\n{self.screen()}")

    def close(self):
        subprocess.run(self.base + ["kill-server"], capture_output=True)


def test_jupyter_console_takes_a_data_cell_typed_line_by_line(tmp_path):
    (tmp_path / "tiny.csv").write_text("a,b\n1,x\n3,y\n", encoding="utf-8")
    # A generous is_complete timeout: on a loaded machine the console would otherwise stop asking.
    terminal = Tmux(tmp_path, f"{BIN / 'jupyter-console'} --kernel assay "
                              "--ZMQTerminalInteractiveShell.kernel_is_complete_timeout=60 "
                              "--no-confirm-exit")
    try:
        terminal.wait_for("In [1]")
        for line in ["%%assay", "t = load 'tiny.csv'", ""]:
            terminal.type_line(line)
        terminal.wait_for("In [2]")
        # A statement continued after a comma: Enter on the empty line after the comma does not run it.
        for line in ["%%assay", "check t: rows = 2,", "", "max(a) = 3", ""]:
            terminal.type_line(line)
        screen = terminal.wait_for("In [3]")
        assert "Loaded 2 rows" in screen, screen  # the first cell ran as the data language
        results = screen.split("Out[2]", 1)[1]
        assert "Check t passed" in results, screen
        assert "max(a) = 3 |" in results, screen  # the rule after the comma was part of the statement
        for sign_of_java in ("cannot find symbol", "illegal start", "error:"):
            assert sign_of_java not in screen, screen
        subprocess.run(terminal.base + ["send-keys", "C-d"], check=True)
        terminal.wait_until_ended()  # the console shuts its kernel down on the way out
    finally:
        terminal.close()


CLIENT_THAT_STARTS_A_KERNEL = """
import sys, time
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name="assay", startup_timeout=120)
kc.execute("while (true) { }")  # a cell that never ends must not keep the kernel alive
print(km.provisioner.process.pid, flush=True)
time.sleep(3600)
"""


def test_the_kernel_ends_when_its_client_is_killed():
    import signal

    client = subprocess.Popen([sys.executable, "-c", CLIENT_THAT_STARTS_A_KERNEL],
                              stdout=subprocess.PIPE, text=True, env=os.environ)
    kernel_pid = None
    try:
        kernel_pid = int(client.stdout.readline())
        assert not process_ended(kernel_pid)
        os.kill(client.pid, signal.SIGKILL)
        client.wait()
        assert wait_for_end(kernel_pid, 120), "the kernel outlived its client"
    finally:
        if client.poll() is None:
            client.kill()
        if kernel_pid is not None and not process_ended(kernel_pid):
            os.kill(kernel_pid, signal.SIGKILL)


def test_a_message_larger_than_memory_in_small_frames_ends_the_kernel_instead_of_deafening_it():
    """ZeroMQ limits frames, not messages, and buffers a message whole before the kernel sees it:
    3 GB in frames of 100 MB (each under the limit) exhausts a 300 MB kernel's memory in
    JeroMQ's I/O thread. Before, that left the kernel running with channels that never
    answered; it must end instead (exit 1), so that its client can restart it."""
    import zmq
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="assay", startup_timeout=120,
                              env={**os.environ, "JAVA_TOOL_OPTIONS": "-Xmx300m"})
    context = zmq.Context()
    sender = context.socket(zmq.DEALER)
    sender.setsockopt(zmq.LINGER, 0)
    try:
        info = km.get_connection_info()
        sender.connect(f"tcp://{info['ip']}:{info['shell_port']}")
        frame = bytes(100 << 20)
        sender.send_multipart([b"<IDS|MSG>", b""] + [frame] * 30)  # unsigned: anyone who reaches the port
        assert km.provisioner.process.wait(timeout=120) == 1  # a safety net, not a speed requirement
    finally:
        sender.close()
        context.term()
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)


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
