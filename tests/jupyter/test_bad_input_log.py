"""Issue 20, item 20, through a real kernel process and a real Jupyter client: each bad input
gives a user's error (ParseError or AssayError) naming what was wrong, and the kernel's own
log (its stderr and stdout) holds no Java stack trace afterwards."""

import re
import subprocess

import pytest
from jupyter_client.manager import KernelManager

STACK_FRAME = re.compile(r"^\s+at [\w.$/<>]+\(", re.M)
TIMEOUT = 180


@pytest.fixture(scope="module")
def session(kernelspec, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad-input")
    log = folder / "kernel.log"
    with open(log, "wb") as out:
        manager = KernelManager(kernel_name="assay")
        manager.start_kernel(stdout=out, stderr=out, cwd=str(folder))
        client = manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=TIMEOUT)
            yield client, folder, log
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=False)


def run(client, code):
    """The execute_reply's content of one cell."""
    return client.execute_interactive(code, timeout=TIMEOUT, output_hook=lambda message: None)["content"]


def test_bad_input_gives_messages_and_no_stack_trace_in_the_log(session):
    client, folder, log = session
    (folder / "utf8.csv").write_text("name,city\nJosé,São Paulo\nAna,Porto\n", encoding="utf-8")
    (folder / "wide.csv").write_text("a,b\n1," + "x" * 5_000_000 + "\n2,y\n", encoding="utf-8")
    fifo_made = subprocess.run(["mkfifo", str(folder / "pipe.csv")]).returncode == 0
    assert run(client, "%%assay\nt = load 'utf8.csv'")["status"] == "ok"
    assert run(client, "%%sql e1\nSELECT 1 AS id WHERE false")["status"] == "ok"
    assert run(client, "%%sql e2\nSELECT 1 AS id WHERE false")["status"] == "ok"
    assert run(client, "%%assay\ndiff e1 e2 on id")["status"] == "ok"

    cases = [
        ("x = load 'utf8.csv' with (skip=99999999999999999999)", "is out of range"),
        ("x = load 'utf8.csv' with (skip=1.2.3)", "'1.2.3' is not a number"),
        ("show t limit 3000000000", "is out of range: it must be from 0 to 2147483647"),
        ("a, b = split t 50/50 seed 99999999999999999999999", "is out of range"),
        ("x = load 'utf8.csv' with (encoding='utf-16')", "not UTF-16"),
        ("x = load '/dev/zero' with (format='csv')", "not a regular file"),
        ("x = load 'wide.csv'", "max_line_size="),
        ("x = load 'utf8.csv' with (delimiter='\0')", "U+0000"),
        ("show \U0001F600x", "unexpected character '\U0001F600'"),
    ] + ([("x = load 'pipe.csv'", "not a regular file")] if fifo_made else [])
    for cell, expected in cases:
        reply = run(client, "%%assay\n" + cell)
        shown = reply.get("evalue", "") + "\n".join(reply.get("traceback", []))
        assert reply["status"] == "error" and reply["ename"] in ("ParseError", "AssayError"), (cell, reply)
        assert expected in reply["evalue"], (cell, reply["evalue"])
        assert len(reply["evalue"]) < 1000, (cell, len(reply["evalue"]))
        assert not STACK_FRAME.search(shown), (cell, shown)

    assert run(client, "%%assay\nshow t")["status"] == "ok", "the session goes on"
    text = log.read_text(encoding="utf-8", errors="replace")
    assert not STACK_FRAME.search(text), text[-3000:]
    assert "Exception" not in text, text[-3000:]
