"""Running cells on a kernel client and reading their outputs, for the data tests."""

import json
import queue
import re
import time

import pytest

# Generous: the first cell of a fresh JVM compiles JShell and opens DuckDB.
CELL_TIMEOUT = 300

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _next_for(get, msg_id, deadline, what, code):
    """The next message from `get` whose parent is `msg_id`, before the deadline."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            pytest.fail(f"no {what} within the time limit for the cell:\n{code}")
        try:
            msg = get(timeout=remaining)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def run_cell(kc, code, timeout=CELL_TIMEOUT):
    """Executes one cell and returns its IOPub messages (up to status idle); fails on an error."""
    msg_id = kc.execute(code, allow_stdin=False)
    deadline = time.monotonic() + timeout
    messages = []
    while not messages or not (messages[-1]["msg_type"] == "status"
                               and messages[-1]["content"]["execution_state"] == "idle"):
        messages.append(_next_for(kc.get_iopub_msg, msg_id, deadline, "status idle", code))
    reply = _next_for(kc.get_shell_msg, msg_id, deadline, "execute_reply", code)
    for msg in messages:
        if msg["msg_type"] == "error":
            content = msg["content"]
            traceback = ANSI.sub("", "\n".join(content.get("traceback", [])))
            pytest.fail(f"the cell failed:\n{code}\n{content.get('ename')}: "
                        f"{content.get('evalue')}\n{traceback}", pytrace=False)
    if reply["content"].get("status") != "ok":
        pytest.fail(f"the cell's execute_reply is not ok:\n{code}\n{reply['content']}")
    return messages


def result_json(kc, code):
    """Runs a cell; the application/json of its last execute_result or display_data."""
    messages = run_cell(kc, code)
    outputs = [m for m in messages if m["msg_type"] in ("execute_result", "display_data")]
    if not outputs or "application/json" not in outputs[-1]["content"]["data"]:
        pytest.fail(f"{code!r} gave no application/json output; IOPub: "
                    f"{[m['msg_type'] for m in messages]}")
    value = outputs[-1]["content"]["data"]["application/json"]
    return json.loads(value) if isinstance(value, str) else value
