"""pandas' DataFrame.corr on the Parquet files bench/CorrelationsBench.java timed Assay on, and
the table of both: seconds per pair of columns for each method and width, how that figure
grows from the narrowest to the widest table (issue 25: a 1,000-column matrix within the same
budget per pair as a 10-column one), and Assay over pandas. Prints the table and writes it as
OUT_BASE.json and OUT_BASE.md.

    python bench/python/pandas_corr.py --java JAVA.json --out OUT_BASE

Each file is read once with `pd.read_parquet` (not timed); `df.corr(method=M)` (pairwise
complete observations, as Assay) is timed: a run under 10 s is repeated three more times and
the median kept (the first run is the warm-up), a slower one is timed once, as on the Java side.
"""

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

REPEAT_UNDER = 10.0
FLATNESS_TARGET = 1.0


def log(*parts):
    print("[pandas_corr]", *parts, file=sys.stderr, flush=True)


def timed(df, method):
    def once():
        t = time.perf_counter()
        df.corr(method=method)
        return time.perf_counter() - t

    first = once()
    if first >= REPEAT_UNDER:
        return first, 1
    return statistics.median([once(), once(), once()]), 3


def per_pair_us(seconds, pairs):
    return None if seconds is None or pairs == 0 else seconds / pairs * 1e6


def run(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def measure(java):
    tables = []
    for table in java["tables"]:
        path = table["file"]
        t = time.perf_counter()
        df = pd.read_parquet(path, engine="pyarrow")
        log(f"read {path} ({len(df):,} rows x {df.shape[1]:,} columns) in {time.perf_counter() - t:.1f} s")
        methods = []
        for m in table["methods"]:
            seconds, runs = timed(df, m["method"])
            log(f"{m['method']} {table['width']:,} columns: pandas {seconds:.3f} s, Assay {m['compute_seconds']:.3f} s")
            assay = m["compute_seconds"] + m["render_seconds"]
            methods.append(dict(m, assay_seconds=assay, pandas_seconds=seconds, pandas_runs=runs,
                                assay_us_per_pair=per_pair_us(assay, table["pairs"]),
                                compute_us_per_pair=per_pair_us(m["compute_seconds"], table["pairs"]),
                                pandas_us_per_pair=per_pair_us(seconds, table["pairs"]),
                                ratio=assay / seconds if seconds > 0 else None))
        del df
        tables.append(dict(table, methods=methods))
    return tables


def flatness(tables, method, key):
    """The per-pair figure of the widest table over the narrowest one's."""
    figures = [(t["width"], m[key]) for t in tables for m in t["methods"] if m["method"] == method and m[key]]
    if len(figures) < 2:
        return None
    figures.sort()
    return figures[-1][1] / figures[0][1]


def markdown(doc):
    tables = doc["tables"]
    methods = [m["method"] for m in tables[0]["methods"]] if tables else []
    lines = [f"# Correlations benchmark, {doc['when']} ({doc['mode']} run)", "",
             f"Machine {doc['machine']} ({doc['cpus']} CPUs), commit {doc['commit']}, pandas {doc['pandas']}; "
             f"load average {doc['load_before']} at the start, {doc['load_after']} at the end. "
             "Assay: `correlations corr using METHOD` on DuckDB as the kernel runs it (parse, compute, MIME bundle); "
             "pandas: `DataFrame.corr(method=METHOD)` of the same Parquet file in memory (the read not timed). "
             "Microseconds per pair of columns, and in brackets the seconds (the statement's, and its compute alone: "
             "a narrow matrix's time is mostly the fixed cost of parsing and drawing the heatmap).", "",
             "| method | table | pairs | pairs with a value (Assay) | Assay | pandas | Assay / pandas |",
             "|---|---|---|---|---|---|---|"]
    for t in tables:
        for m in t["methods"]:
            lines.append(f"| {m['method']} | {t['width']:,} columns x {t['rows']:,} rows | {t['pairs']:,} | "
                         f"{m['pairs_with_value']:,} | {m['assay_us_per_pair']:.1f} ({m['assay_seconds']:.2f} s; "
                         f"compute {m['compute_seconds']:.2f} s) | "
                         f"{m['pandas_us_per_pair']:.1f} ({m['pandas_seconds']:.2f} s) | "
                         f"{m['ratio']:.2f}x |")
    lines += ["", f"Per pair, widest table over narrowest (target: at most {FLATNESS_TARGET:g}x for Assay):", "",
              "| method | Assay | Assay, compute only | pandas |", "|---|---|---|---|"]
    for method in methods:
        figures = [flatness(tables, method, key) for key in ("assay_us_per_pair", "compute_us_per_pair", "pandas_us_per_pair")]
        cells = ["" if f is None else f"{f:.2f}x" for f in figures]
        for i in (0, 1):
            if figures[i] is not None:
                cells[i] += " met" if figures[i] <= FLATNESS_TARGET else " MISSED"
        lines.append(f"| {method} | " + " | ".join(cells) + " |")
    missing = [f"{t['width']:,} columns {m['method']}" for t in tables for m in t["methods"] if m["pairs_with_value"] < t["pairs"]]
    if missing:
        lines += ["", "Pairs without a value (a constant or empty column, or a placeholder computation): "
                  + ", ".join(missing) + "."]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--java", required=True, help="CorrelationsBench's JSON")
    ap.add_argument("--out", required=True, help="OUT_BASE: writes OUT_BASE.json and OUT_BASE.md")
    ap.add_argument("--mode", default="full")
    args = ap.parse_args()
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    java = json.loads(Path(args.java).read_text())
    tables = measure(java)
    doc = {"kind": "correlations-bench", "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
           "mode": args.mode, "machine": platform.node(), "cpus": os.cpu_count(), "commit": run(["git", "rev-parse", "--short", "HEAD"]),
           "pandas": pd.__version__, "load_before": load_before,
           "load_after": " ".join(f"{x:.2f}" for x in os.getloadavg()),
           "pandas_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
           "engine": java.get("engine"), "tables": tables}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{out}.json").write_text(json.dumps(doc, indent=2) + "\n")
    md = markdown(doc)
    Path(f"{out}.md").write_text(md)
    print(md)


if __name__ == "__main__":
    main()
