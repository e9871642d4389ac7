"""Running cells on a kernel client and reading their outputs, for the data tests."""

import json
import queue
import re
import time

import pytest

# Generous: the first cell of a fresh JVM compiles JShell and opens DuckDB.
CELL_TIMEOUT = 300
# Seconds between checks that the kernel process still runs while a cell has not answered.
KERNEL_ALIVE_POLL = 2

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _kernel_died(kc):
    """True when the kernel process of a KernelManager's client has ended (a crashed JVM)."""
    manager = getattr(kc, "parent", None)
    return manager is not None and hasattr(manager, "is_alive") and not manager.is_alive()


def _next_for(kc, get, msg_id, deadline, what, code):
    """The next message from `get` whose parent is `msg_id`, before the deadline; fails at
    once, not at the deadline, when the kernel process has died."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            pytest.fail(f"no {what} within the time limit for the cell:\n{code}")
        try:
            msg = get(timeout=min(remaining, KERNEL_ALIVE_POLL))
        except queue.Empty:
            if _kernel_died(kc):
                pytest.fail(f"the kernel process died while running the cell:\n{code}", pytrace=False)
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def execute(kc, code, timeout=CELL_TIMEOUT):
    """Executes one cell; its IOPub messages (up to status idle) and its execute_reply."""
    msg_id = kc.execute(code, allow_stdin=False)
    deadline = time.monotonic() + timeout
    messages = []
    while not messages or not (messages[-1]["msg_type"] == "status"
                               and messages[-1]["content"]["execution_state"] == "idle"):
        messages.append(_next_for(kc, kc.get_iopub_msg, msg_id, deadline, "status idle", code))
    return messages, _next_for(kc, kc.get_shell_msg, msg_id, deadline, "execute_reply", code)


def error_text(msg):
    """An error message's ename, evalue and traceback as plain text."""
    content = msg["content"]
    traceback = ANSI.sub("", "\n".join(content.get("traceback", [])))
    return f"{content.get('ename')}: {content.get('evalue')}\n{traceback}"


def run_cell(kc, code, timeout=CELL_TIMEOUT):
    """Executes one cell and returns its IOPub messages (up to status idle); fails on an error."""
    messages, reply = execute(kc, code, timeout)
    for msg in messages:
        if msg["msg_type"] == "error":
            pytest.fail(f"the cell failed:\n{code}\n{error_text(msg)}", pytrace=False)
    if reply["content"].get("status") != "ok":
        pytest.fail(f"the cell's execute_reply is not ok:\n{code}\n{reply['content']}")
    return messages


def cell_error(kc, code, timeout=CELL_TIMEOUT):
    """Runs a cell that must fail; the text of its error messages."""
    messages, reply = execute(kc, code, timeout)
    errors = [error_text(m) for m in messages if m["msg_type"] == "error"]
    if not errors:
        pytest.fail(f"the cell did not fail (execute_reply {reply['content'].get('status')}):\n{code}",
                    pytrace=False)
    assert reply["content"].get("status") == "error", \
        f"the cell sent an error but its execute_reply is {reply['content'].get('status')}"
    return "\n".join(errors)


def result_json(kc, code, timeout=CELL_TIMEOUT):
    """Runs a cell; the result JSON (application/vnd.assay.result+json) of its last execute_result or display_data."""
    return result_and_messages(kc, code, timeout)[0]


def result_and_messages(kc, code, timeout=CELL_TIMEOUT):
    """Runs a cell; the result JSON of its last execute_result or display_data, and its IOPub messages."""
    messages = run_cell(kc, code, timeout)
    outputs = [m for m in messages if m["msg_type"] in ("execute_result", "display_data")]
    if not outputs or "application/vnd.assay.result+json" not in outputs[-1]["content"]["data"]:
        pytest.fail(f"{code!r} gave no application/vnd.assay.result+json output; IOPub: "
                    f"{[m['msg_type'] for m in messages]}")
    value = outputs[-1]["content"]["data"]["application/vnd.assay.result+json"]
    return (json.loads(value) if isinstance(value, str) else value), messages
