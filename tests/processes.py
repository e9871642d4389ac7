"""Looking at processes from a test: whether one has ended, and which a process started."""

import os
import time


def process_ended(pid):
    """Whether a process is gone (or a zombie nobody reaps: it runs no more either)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def wait_for_end(pid, seconds):
    """Waits until the process has ended; False if it still runs after `seconds` (a safety net)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process_ended(pid):
            return True
        time.sleep(0.2)
    return False


def children_of(pid):
    """The pids of the processes whose parent is `pid`."""
    children = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        children.append(int(entry))
            except (FileNotFoundError, ProcessLookupError):
                pass
    return children
