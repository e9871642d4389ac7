"""The Assay kernel against ipykernel on the same machine, both driven by jupyter_client.

Both kernels are started from kernelspecs by jupyter_client's KernelManager and driven by
its blocking client, so the client-side costs (signing, JSON, ZeroMQ) are the same for
both. Assay's kernelspec is installed from JAR into a temporary prefix (`java -jar JAR
install --prefix DIR`, found through JUPYTER_PATH, with the class-data-sharing archive that
install trains, as users get it); ipykernel's is the `python3`
kernelspec of the Python running this script (run it with the project's venv Python).

What it times (all wall clock, `time.perf_counter`):

- start: from `km.start_kernel()` to the first successful `kernel_info_reply` (requests
  are re-sent every second until one is answered, as `wait_for_ready` does), and on to
  the `execute_reply` of a first `1+1`; median of 5 starts of each kernel (3 with
  --quick), the two kernels started in turn.
- round trips: from sending an `execute_request` to receiving its `execute_reply` on the
  shell channel; after each reply the client also waits for the kernel's `status: idle`
  on IOPub before the next request. Assay `1+1`, Assay `%%sql SELECT 42` and ipykernel
  `1+1`, interleaved (one of each per round, the order rotating) so that the machine's
  load falls on all three alike; RUNS rounds (200; 50 with --quick) after 20 warm-up runs
  of each (the first `%%sql` opens DuckDB). Median and 90th percentile (linear
  interpolation).
- interrupts: an `execute_request` for a busy loop (Java `long n = 0; while (true) { n++; }`
  on Assay, `while True: pass` on ipykernel) or a long DuckDB query (`%%sql` on Assay,
  the duckdb Python package on ipykernel), then 1.5 s later `km.interrupt_kernel()`
  (Assay's kernelspec says interrupt_mode "message": jupyter_client sends an
  `interrupt_request` on the control channel; ipykernel gets SIGINT), timed from that
  call to the `execute_reply` (status error or aborted); median of 3 runs each. After
  each run the kernel must still answer `1+1` with 2. A kernel that has not replied 30 s
  after the interrupt is restarted and the run counts as longer than any (the median is
  null when that is the median); the row's note lists every run. ipykernel with duckdb
  does that in about one run of three here: DuckDB's Python client looks for the
  KeyboardInterrupt only between the tasks it runs itself, and one task can last to the
  end of the query (one such run replied after 189 s; duckdb/duckdb#10216 and #10545).

Writes the rows (the format of bench/run's table) as a JSON list to OUT and prints them
as a table on stderr:

    target/pyenv/bin/python bench/python/kernel_bench.py --jar kernel/target/assay.jar \\
        --out target/bench/kernel.json [--runs 200] [--quick]

It takes about 50 s with --quick and about a minute with the full 200 rounds on the
2-core development machine, 30 s more when an interrupt is not honoured. Every wait has a timeout; kernels are shut down (killed if they do not
stop) on every way out, SIGTERM included.
"""

import argparse
import json
import os
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import zmq
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager

ASSAY = "assay"
IPYKERNEL = "python3"

START_TIMEOUT = 120          # seconds from start_kernel to kernel_info_reply
REPLY_TIMEOUT = 60           # seconds for an ordinary execute_reply
IDLE_TIMEOUT = 30            # seconds from an execute_reply to its status: idle
INTERRUPT_TIMEOUT = 30       # seconds from interrupt_kernel to the interrupted cell's reply
INTERRUPT_AFTER = 1.5        # seconds between the execute_request and the interrupt

BUSY_LOOP = {ASSAY: "long n = 0; while (true) { n++; }", IPYKERNEL: "while True: pass"}
LONG_QUERY_SQL = "SELECT count(DISTINCT i % 1000003) FROM range(2000000000) r(i)"
LONG_QUERY = {
    ASSAY: "%%sql\n" + LONG_QUERY_SQL,
    IPYKERNEL: f'import duckdb; duckdb.sql("{LONG_QUERY_SQL}").fetchall()',
}
SQL_42 = "%%sql\nSELECT 42"


class BenchError(Exception):
    """A kernel did not behave as the benchmark needs (no reply, wrong result, died)."""


def log(*parts):
    print("[kernel_bench]", *parts, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- statistics

def percentile(values, p):
    """The p-th percentile with linear interpolation (numpy's default)."""
    xs = sorted(values)
    if not xs:
        return None
    k = (len(xs) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def median(values):
    return statistics.median(values) if values else None


def load_average():
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def rounded(x, digits=6):
    return None if x is None else round(x, digits)


# ---------------------------------------------------------------- kernels

def install_assay_kernelspec(jar, prefix):
    """Installs Assay's kernelspec from the jar into prefix and puts it first on JUPYTER_PATH."""
    proc = subprocess.run(["java", "-jar", str(jar), "install", "--prefix", str(prefix)],
                          capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise BenchError(f"java -jar {jar} install failed ({proc.returncode}): {proc.stderr.strip()}")
    data_dir = str(Path(prefix) / "share" / "jupyter")
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = data_dir + (os.pathsep + old if old else "")
    spec = KernelSpecManager().get_kernel_spec(ASSAY)
    argv = spec.argv
    if "-jar" not in argv or Path(argv[argv.index("-jar") + 1]).resolve() != Path(jar).resolve():
        raise BenchError(f"the assay kernelspec in {spec.resource_dir} starts {argv}, not {jar}")
    if spec.interrupt_mode != "message":
        log(f"note: Assay's kernelspec has interrupt_mode {spec.interrupt_mode!r}")
    return spec


def check_ipykernel_kernelspec():
    spec = KernelSpecManager().get_kernel_spec(IPYKERNEL)
    # jupyter_client replaces a leading "python" by sys.executable, so the kernel runs in this venv.
    if spec.argv[0] not in ("python", "python3", sys.executable):
        log(f"note: the python3 kernelspec in {spec.resource_dir} starts {spec.argv[0]}, not this Python")
    return spec


def new_context():
    """A ZeroMQ context whose sockets retry a refused connect every 10 ms instead of 100 ms.

    A client connects before the kernel has bound its ports; with ZeroMQ's default
    reconnect interval the start time would be rounded up to a tenth of a second.
    """
    ctx = zmq.Context()
    ctx.setsockopt(zmq.RECONNECT_IVL, 10)
    ctx.setsockopt(zmq.LINGER, 0)
    return ctx


class Kernel:
    """A started kernel with its blocking client; stop() shuts it down, killing it if need be."""

    def __init__(self, name, ctx, log_file):
        self.name = name
        self.km = KernelManager(kernel_name=name, context=ctx)
        self.kc = None
        self.ctx = ctx
        self.log_file = log_file

    def start(self):
        """Starts the kernel; returns (seconds to kernel_info_reply, perf_counter at start)."""
        t0 = time.perf_counter()
        self.km.start_kernel(stdout=self.log_file, stderr=self.log_file)
        self.kc = self.km.client(context=self.ctx)
        self.kc.start_channels()
        sent = set()
        deadline = t0 + START_TIMEOUT
        next_send = 0.0
        while True:
            now = time.perf_counter()
            if now > deadline:
                raise BenchError(f"{self.name}: no kernel_info_reply {START_TIMEOUT} s after start")
            if now >= next_send:
                if not self.km.is_alive():
                    raise BenchError(f"{self.name}: the kernel process died while starting")
                sent.add(self.kc.kernel_info())
                next_send = now + 1.0
            try:
                msg = self.kc.get_shell_msg(timeout=max(0.001, min(next_send, deadline) - now))
            except queue.Empty:
                continue
            if (msg["msg_type"] == "kernel_info_reply"
                    and msg["parent_header"].get("msg_id") in sent
                    and msg["content"].get("status", "ok") == "ok"):
                ready = time.perf_counter()
                break
        # Connect the manager's control socket now, so that the first interrupt does not pay
        # for it (jupyter_client connects it lazily; a private method, hence the guard).
        if hasattr(self.km, "_connect_control_socket"):
            self.km._connect_control_socket()
        return ready - t0, t0

    def stop(self):
        try:
            if self.kc is not None:
                self.kc.stop_channels()
        except Exception as e:  # noqa: BLE001 - shutting down whatever happens
            log(f"{self.name}: stop_channels: {e}")
        try:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=False)
        except Exception as e:  # noqa: BLE001
            log(f"{self.name}: shutdown failed ({e}); killing it")
            try:
                self.km.shutdown_kernel(now=True)
            except Exception as e2:  # noqa: BLE001
                log(f"{self.name}: kill failed: {e2}")
        try:
            self.km.cleanup_resources()
        except Exception:  # noqa: BLE001
            pass

    # ------------------------------------------------------------ messages

    def wait_reply(self, msg_id, deadline, what):
        """The execute_reply to msg_id and the perf_counter when it arrived; None at deadline."""
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return None, None
            try:
                msg = self.kc.get_shell_msg(timeout=min(left, 1.0))
            except queue.Empty:
                if not self.km.is_alive():
                    raise BenchError(f"{self.name}: the kernel died during {what}")
                continue
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_reply":
                return msg, time.perf_counter()

    def wait_idle(self, msg_id, timeout=IDLE_TIMEOUT):
        """The IOPub messages of msg_id up to its status: idle; raises when idle does not come."""
        deadline = time.perf_counter() + timeout
        outputs = []
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise BenchError(f"{self.name}: no status idle on IOPub {timeout} s after the reply")
            try:
                msg = self.kc.get_iopub_msg(timeout=min(left, 1.0))
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return outputs
            outputs.append(msg)

    def execute(self, code, timeout=REPLY_TIMEOUT):
        """Runs code; returns (seconds from request to reply, reply, IOPub outputs)."""
        t0 = time.perf_counter()
        msg_id = self.kc.execute(code)
        reply, t1 = self.wait_reply(msg_id, t0 + timeout, repr(code))
        if reply is None:
            raise BenchError(f"{self.name}: no execute_reply to {code!r} in {timeout} s")
        outputs = self.wait_idle(msg_id)
        return t1 - t0, reply, outputs

    def check(self, code, expected):
        """Runs code and checks that it succeeds with the text/plain result expected (None: any)."""
        _, reply, outputs = self.execute(code)
        if reply["content"]["status"] != "ok":
            raise BenchError(f"{self.name}: {code!r} failed: {reply['content'].get('evalue')}")
        if expected is not None:
            results = [m["content"]["data"].get("text/plain") for m in outputs
                       if m["msg_type"] == "execute_result"]
            if results != [expected]:
                raise BenchError(f"{self.name}: {code!r} gave {results}, expected [{expected!r}]")

    def interrupt(self, code):
        """Runs code, interrupts it INTERRUPT_AFTER s later; seconds from the interrupt to the reply.

        Returns (seconds or None when no reply came in INTERRUPT_TIMEOUT, reply status, ename).
        """
        t_send = time.perf_counter()
        msg_id = self.kc.execute(code)
        early, _ = self.wait_reply(msg_id, t_send + INTERRUPT_AFTER, "the cell to interrupt")
        if early is not None:
            raise BenchError(f"{self.name}: {code!r} ended after "
                             f"{time.perf_counter() - t_send:.2f} s, before the interrupt: "
                             f"{early['content']['status']} {early['content'].get('evalue', '')}")
        t0 = time.perf_counter()
        self.km.interrupt_kernel()
        reply, t1 = self.wait_reply(msg_id, t0 + INTERRUPT_TIMEOUT, "the interrupted cell")
        if reply is None:
            return None, "no reply", None
        self.wait_idle(msg_id)
        return t1 - t0, reply["content"]["status"], reply["content"].get("ename")

    def restart(self):
        """Kills and restarts a kernel that did not stop (same ports, same client)."""
        self.km.restart_kernel(now=True)
        deadline = time.perf_counter() + START_TIMEOUT
        try:
            self.kc.wait_for_ready(timeout=max(1, deadline - time.perf_counter()))
        except RuntimeError as e:
            raise BenchError(f"{self.name}: not ready after a restart: {e}") from e
        if hasattr(self.km, "_connect_control_socket"):
            self.km._connect_control_socket()


@contextmanager
def running(name, ctx, log_file):
    kernel = Kernel(name, ctx, log_file)
    try:
        yield kernel
    finally:
        kernel.stop()


# ---------------------------------------------------------------- the measurements

def measure_starts(ctx, log_file, starts):
    """Start, kernel_info and first 1+1 times of each kernel, the kernels started in turn."""
    times = {ASSAY: [], IPYKERNEL: []}
    first = {ASSAY: [], IPYKERNEL: []}
    for i in range(starts):
        order = (ASSAY, IPYKERNEL) if i % 2 == 0 else (IPYKERNEL, ASSAY)
        for name in order:
            with running(name, ctx, log_file) as k:
                seconds, t0 = k.start()
                msg_id = k.kc.execute("1+1")
                reply, t1 = k.wait_reply(msg_id, time.perf_counter() + REPLY_TIMEOUT, "the first 1+1")
                if reply is None or reply["content"]["status"] != "ok":
                    raise BenchError(f"{name}: the first 1+1 after start did not succeed")
                times[name].append(seconds)
                first[name].append(t1 - t0)
                # The first idle may be lost while IOPub's subscription is still on its way.
                try:
                    k.wait_idle(msg_id, timeout=5)
                except BenchError:
                    pass
            log(f"start {i + 1}/{starts} {name}: kernel_info {seconds:.3f} s, first 1+1 {t1 - t0:.3f} s")
    return times, first


def measure_round_trips(assay, ipy, runs, warmup):
    """Interleaved round trips: Assay 1+1, Assay %%sql SELECT 42, ipykernel 1+1."""
    cases = [("assay_1+1", assay, "1+1", "2"),
             ("assay_sql", assay, SQL_42, None),
             ("ipykernel_1+1", ipy, "1+1", "2")]
    t = time.perf_counter()
    for key, kernel, code, expected in cases:
        kernel.check(code, expected)  # the first %%sql opens DuckDB
        for _ in range(warmup):
            kernel.execute(code)
    log(f"warm-up ({warmup} runs of each) {time.perf_counter() - t:.1f} s")
    samples = {key: [] for key, *_ in cases}
    for i in range(runs):
        for j in range(len(cases)):
            key, kernel, code, _ = cases[(i + j) % len(cases)]
            seconds, reply, _ = kernel.execute(code)
            if reply["content"]["status"] != "ok":
                raise BenchError(f"{kernel.name}: {code!r} failed in run {i + 1}")
            samples[key].append(seconds)
    for key, xs in samples.items():
        log(f"{key}: median {median(xs) * 1000:.2f} ms, p90 {percentile(xs, 90) * 1000:.2f} ms, "
            f"min {min(xs) * 1000:.2f} ms, max {max(xs) * 1000:.2f} ms")
    return samples


def measure_interrupts(kernel, code, runs, setup=None):
    """Interrupt latencies (None for a run the kernel did not stop); checks 1+1 after each run.

    A kernel that does not stop within INTERRUPT_TIMEOUT is restarted (and setup run again)
    and the next run goes on.
    """
    if setup:
        kernel.check(setup, None)
    latencies, statuses = [], []
    for i in range(runs):
        seconds, status, ename = kernel.interrupt(code)
        if seconds is None:
            log(f"{kernel.name}: run {i + 1}: no reply {INTERRUPT_TIMEOUT} s after the interrupt; restarting it")
            kernel.restart()
            if setup:
                kernel.check(setup, None)
            kernel.check("1+1", "2")
            latencies.append(None)
            statuses.append("no reply")
            continue
        log(f"{kernel.name}: interrupt {i + 1}/{runs} {seconds * 1000:.1f} ms ({status} {ename})")
        if status not in ("error", "aborted"):
            raise BenchError(f"{kernel.name}: the interrupted cell replied {status}")
        kernel.check("1+1", "2")
        latencies.append(seconds)
        statuses.append(f"{status} {ename}" if ename else status)
    return latencies, statuses


# ---------------------------------------------------------------- rows

def row(what, timed, assay, baseline, baseline_what, target_ratio=None, note="", unit="s", better="lower"):
    return {"section": "kernel", "what": what, "timed": timed,
            "assay": rounded(assay), "baseline": rounded(baseline), "baseline_what": baseline_what,
            "unit": unit, "better": better, "target_ratio": target_ratio, "note": note}


def median_stopped(latencies):
    """The median with a run that did not stop counted as longer than any; None if that is the median."""
    m = median([float("inf") if x is None else x for x in latencies])
    return None if m is None or m == float("inf") else m


def interrupt_row(what, timed, assay_run, ipy_run, baseline_what):
    notes = []
    for name, (lat, st) in (("Assay", assay_run), ("ipykernel", ipy_run)):
        runs = ", ".join("not stopped" if x is None else f"{x * 1000:.0f} ms" for x in lat)
        replies = ", ".join(sorted(set(s for s in st if s != "no reply")))
        stuck = lat.count(None)
        notes.append(f"{name} {runs} ({replies})" + (
            f", {stuck} of {len(lat)} runs not stopped within {INTERRUPT_TIMEOUT} s (kernel restarted; "
            "counted as the longest)" if stuck else ""))
    return row(what, timed, median_stopped(assay_run[0]), median_stopped(ipy_run[0]),
               baseline_what, note="; ".join(notes))


def print_table(rows):
    print(f"{'what':58} {'assay':>10} {'baseline':>10} {'ratio':>7}  baseline", file=sys.stderr)
    for r in rows:
        a, b = r["assay"], r["baseline"]
        ratio = f"{a / b:.2f}" if a is not None and b else ""
        fmt = (lambda x: "" if x is None else f"{x:.4f}")
        print(f"{r['what'][:58]:58} {fmt(a):>10} {fmt(b):>10} {ratio:>7}  {r['baseline_what'] or ''}",
              file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jar", required=True, help="the Assay kernel jar")
    ap.add_argument("--out", required=True, help="where to write the rows (JSON list)")
    ap.add_argument("--runs", type=int, default=None, help="timed round trips of each (default 200, 50 with --quick)")
    ap.add_argument("--quick", action="store_true", help="3 starts and 50 round trips instead of 5 and 200")
    args = ap.parse_args()
    jar = Path(args.jar).resolve()
    if not jar.is_file():
        ap.error(f"no jar at {jar}")
    runs = args.runs or (50 if args.quick else 200)
    starts = 3 if args.quick else 5
    warmup = 20
    interrupt_runs = 3

    # SIGTERM ends the script through the finally blocks, which stop the kernels.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    began = time.perf_counter()
    prefix = Path(tempfile.mkdtemp(prefix="assay-kernel-bench-"))
    ctx = new_context()
    # The kernels' own output (JVM warnings, ipykernel's log) goes to a file, shown on failure.
    log_path = prefix / "kernels.log"
    log_file = open(log_path, "w")
    rows = []
    log(f"load average before: {load_average()}")
    try:
        install_assay_kernelspec(jar, prefix)
        check_ipykernel_kernelspec()

        start_times, first_times = measure_starts(ctx, log_file, starts)
        rows.append(row(
            "process start to kernel_info_reply, median",
            f"Wall time from KernelManager.start_kernel() to the first successful kernel_info_reply "
            f"(requests re-sent every second), median of {starts} starts of each kernel.",
            median(start_times[ASSAY]), median(start_times[IPYKERNEL]), "ipykernel, python3 kernelspec",
            target_ratio=1.0,
            note=f"Assay {', '.join(f'{x:.2f}' for x in start_times[ASSAY])} s; "
                 f"ipykernel {', '.join(f'{x:.2f}' for x in start_times[IPYKERNEL])} s"))
        rows.append(row(
            "process start to the first 1+1 reply, median",
            f"Wall time from KernelManager.start_kernel() to the execute_reply of a 1+1 sent right "
            f"after the first kernel_info_reply, median of {starts} starts of each kernel.",
            median(first_times[ASSAY]), median(first_times[IPYKERNEL]), "ipykernel, python3 kernelspec",
            note=f"Assay {', '.join(f'{x:.2f}' for x in first_times[ASSAY])} s; "
                 f"ipykernel {', '.join(f'{x:.2f}' for x in first_times[IPYKERNEL])} s"))

        with running(ASSAY, ctx, log_file) as assay, running(IPYKERNEL, ctx, log_file) as ipy:
            assay.start()
            ipy.start()
            samples = measure_round_trips(assay, ipy, runs, warmup)
            rt_timed = ("Wall time from sending an execute_request for {code} to receiving its "
                        "execute_reply (jupyter_client blocking client, status idle awaited before the "
                        f"next request), {{stat}} of {runs} runs after {warmup} warm-up runs, "
                        "interleaved with the other kernel's runs.")
            for stat, fn in (("median", median), ("90th percentile", lambda xs: percentile(xs, 90))):
                short = "median" if stat == "median" else "p90"
                rows.append(row(f"round trip of 1+1, {short}",
                                rt_timed.format(code="1+1", stat=stat),
                                fn(samples["assay_1+1"]), fn(samples["ipykernel_1+1"]), "ipykernel, 1+1"))
            for stat, fn in (("median", median), ("90th percentile", lambda xs: percentile(xs, 90))):
                short = "median" if stat == "median" else "p90"
                rows.append(row(f"round trip of %%sql SELECT 42, {short}",
                                rt_timed.format(code="%%sql SELECT 42 on Assay (1+1 on ipykernel)", stat=stat),
                                fn(samples["assay_sql"]), fn(samples["ipykernel_1+1"]), "ipykernel, 1+1",
                                target_ratio=1.0, note="the SQL is in DuckDB already open (warmed up)"))

            t = time.perf_counter()
            busy = (measure_interrupts(assay, BUSY_LOOP[ASSAY], interrupt_runs),
                    measure_interrupts(ipy, BUSY_LOOP[IPYKERNEL], interrupt_runs))
            query = (measure_interrupts(assay, LONG_QUERY[ASSAY], interrupt_runs),
                     measure_interrupts(ipy, LONG_QUERY[IPYKERNEL], interrupt_runs, setup="import duckdb"))
            assay.check(SQL_42, None)
            log(f"interrupts {time.perf_counter() - t:.1f} s")
            int_timed = ("Wall time from KernelManager.interrupt_kernel(), called {after} s after the "
                         "execute_request of {code}, to that cell's execute_reply (status error or "
                         f"aborted), median of {interrupt_runs} runs; the kernel then answers 1+1.")
            rows.append(interrupt_row(
                "interrupt of a busy loop, median",
                int_timed.format(after=INTERRUPT_AFTER,
                                 code=f"`{BUSY_LOOP[ASSAY]}` on Assay (interrupt_request on the control "
                                      f"channel) and `{BUSY_LOOP[IPYKERNEL]}` on ipykernel (SIGINT)"),
                *busy, "ipykernel, while True: pass"))
            rows.append(interrupt_row(
                "interrupt of a long DuckDB query, median",
                int_timed.format(after=INTERRUPT_AFTER,
                                 code=f"`{LONG_QUERY_SQL}` as %%sql on Assay and through the duckdb "
                                      "Python package on ipykernel"),
                *query, "ipykernel, duckdb.sql(...).fetchall()"))
    except BenchError:
        log_file.flush()
        tail = log_path.read_text(errors="replace").splitlines()[-30:]
        if tail:
            log("the kernels' output (last 30 lines):\n" + "\n".join(tail))
        raise
    finally:
        ctx.destroy(linger=0)
        log_file.close()
        shutil.rmtree(prefix, ignore_errors=True)
    log(f"load average after: {load_average()}")

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2) + "\n")
    print_table(rows)
    log(f"wrote {len(rows)} rows to {out} in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    try:
        main()
    except BenchError as e:
        log(f"failed: {e}")
        sys.exit(1)
