"""Joins the wide benchmark's parts (bench/WideBench.java's JSON, polars_wide.py's) into one
table of seconds per million cells per operation and width, the flatness over widths, the
ratios issue 21 targets and the peak memory of the widest profile; prints it and writes it
as OUT_BASE.json and OUT_BASE.md.

    python bench/python/wide_table.py OUT_BASE POLARS.json JAVA.json [JAVA.json ...]

Several JAVA.json (runs of some widths each, `WideBench --widths`, or of the memory alone,
`--ops memory`) are joined in order, a table measured twice in one column; the run's
settings are the first one's, its end load the last one's.
"""

import json
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

FLATNESS_TARGET = 1.5
POLARS = "polars exact statistics"
# (name, numerator, denominator, target): issue 21's ratios, each measured in one run.
RATIOS = [
    ("profile / DuckDB SUMMARIZE", "profile", "SUMMARIZE", 1.0),
    ("profile / polars exact statistics", "profile", POLARS, 1.0),
    ("drift / one scan of both tables", "drift", "scan of both", 3.0),
    ("dedup / SELECT DISTINCT", "dedup", "SELECT DISTINCT", 1.5),
]
MEMORY_TARGET_MB = 4096


def load(java_paths, polars_path):
    parts = [json.loads(Path(p).read_text()) for p in java_paths]
    for part in parts:
        for table in part["widths"]:
            table["timeout_seconds"] = part["run"]["timeout_seconds"]
    tables = {}
    for table in (t for part in parts for t in part["widths"]):
        key = (table["width"], table["rows"])
        if key in tables:  # the same table measured again (say its memory alone): one column
            tables[key]["ops"] += table["ops"]
            if table.get("memory"):
                tables[key]["memory"] = table["memory"]
        else:
            tables[key] = table
    java = {"run": parts[0]["run"], "widths": list(tables.values())}
    java["run"]["load_after"] = parts[-1]["run"]["load_after"]
    polars = {row["file"]: row for row in json.loads(Path(polars_path).read_text())} if Path(polars_path).exists() else {}
    for table in java["widths"]:
        p = polars.get(table["file"])
        cells = table["rows"] * table["columns"]
        row = {"op": POLARS, "assay": False, "cells": cells,
               "timed": "polars: the profile's exact statistics of the DataFrame in memory (bench/python/polars_wide.py)"}
        if p is None:
            row.update(status="failed", error="failed: no polars measurement of this file")
        else:
            row.update(status="ok", seconds=p["stats_seconds"], runs=p["runs"], read_seconds=p["read_seconds"],
                       seconds_per_million_cells=p["stats_seconds"] / cells * 1e6, peak_rss_mb=p["peak_rss_mb"],
                       version=p.get("polars"))
        ops = table["ops"]
        at = next((i for i, r in enumerate(ops) if r["assay"]), len(ops))
        ops.insert(at, row)  # with the baselines, before the first Assay operation
    return java


def shape(table):
    return f"{table['width']:,} columns x {table['rows']:,} rows"


def cell(row, short=False):
    if row is None:
        return ""
    if row["status"] != "ok":
        error = row["error"]
        return error[:90] + "..." if short and len(error) > 90 else error
    return f"{row['seconds_per_million_cells']:.3f} ({row['seconds']:.2f} s)"


def by_op(tables):
    names = []
    for table in tables:
        for row in table["ops"]:
            if row["op"] not in names:
                names.append(row["op"])
    return {name: [next((r for r in t["ops"] if r["op"] == name), None) for t in tables] for name in names}


def flatness(rows):
    figures = [r["seconds_per_million_cells"] for r in rows if r and r["status"] == "ok"]
    if len(figures) < 2:
        return None
    return max(figures) / min(figures)


def ratio(tables, numerator, denominator):
    """Per width: (ratio, is_lower_bound), or None. A timed-out numerator gives a lower bound."""
    out = []
    for table in tables:
        ops = {r["op"]: r for r in table["ops"]}
        a, b = ops.get(numerator), ops.get(denominator)
        if not (a and b and b["status"] == "ok"):
            out.append(None)
        elif a["status"] == "ok":
            # per million cells: drift reads two tables as its baseline does, so the cells cancel
            out.append((a["seconds_per_million_cells"] / b["seconds_per_million_cells"], False))
        elif a["status"] == "timeout":
            out.append((table["timeout_seconds"] / a["cells"] * 1e6 / b["seconds_per_million_cells"], True))
        else:
            out.append(None)
    return out


def ratio_text(value, target):
    if value is None:
        return ""
    figure, lower_bound = value
    if lower_bound:
        return f"> {figure:.2f}x (timed out) {verdict(figure, target)}".strip()
    return f"{figure:.2f}x {verdict(figure, target)}".strip()


def verdict(value, target):
    if value is None or target is None:
        return ""
    return "met" if value <= target else "MISSED"


def uptime():
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def commit():
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def timeouts(tables):
    seconds = sorted({t["timeout_seconds"] for t in tables})
    if len(seconds) == 1:
        return f"{seconds[0]} s"
    parts = []
    for limit in seconds:
        widths = ", ".join(f"{t['width']:,} columns" for t in tables if t["timeout_seconds"] == limit)
        parts.append(f"{limit} s ({widths})")
    return ", ".join(parts)


def markdown(doc):
    tables, run = doc["widths"], doc["run"]
    lines = [f"# Wide data benchmark, {run['when']} ({'quick' if run['quick'] else 'full'} run)", "",
             f"Machine {run['machine']} ({run['cpus']} CPUs), commit {run['commit']}, child JVMs with a {run['heap']} heap, "
             f"timeout per operation {timeouts(tables)}. The machine is shared: load average (1, 5, 15 min) "
             f"{run['load_before']} at the start, {run['load_after']} at the end (`{run['uptime']}`); "
             "each row's `load` in the JSON is the load when it finished.", "",
             "Seconds per million cells (rows x columns read; drift and diff read two tables), and in brackets the "
             "seconds. Assay operations are statements as the kernel runs them (parse, run, result turned into its "
             "MIME bundle; the report's page written), each width in child JVMs: a crash or a timeout is reported "
             "and the next operation runs in a fresh one. Flatness is the largest figure over the smallest across "
             f"widths (target within {FLATNESS_TARGET}x).", "",
             "| operation | " + " | ".join(shape(t) for t in tables) + " | flatness |",
             "|---" * (len(tables) + 2) + "|"]
    for name, rows in by_op(tables).items():
        flat = flatness(rows)
        flat_text = "" if flat is None else f"{flat:.2f}x"
        if flat is not None and rows[0] and rows[0]["assay"]:
            flat_text += " " + verdict(flat, FLATNESS_TARGET)
        label = name if rows[0] is None or rows[0]["assay"] else f"{name} (baseline)"
        lines.append(f"| {label} | " + " | ".join(cell(r, short=True) for r in rows) + f" | {flat_text} |")
    lines += ["", "Ratios issue 21 targets, of the figures above (for each width Assay and DuckDB are timed in the same "
              "child JVMs, one after the other; polars after the Java side):", "",
              "| ratio | " + " | ".join(shape(t) for t in tables) + " | target |", "|---" * (len(tables) + 2) + "|"]
    for name, numerator, denominator, target in RATIOS:
        values = ratio(tables, numerator, denominator)
        shown = [ratio_text(v, target) for v in values]
        lines.append(f"| {name} | " + " | ".join(shown) + f" | {'<= ' + format(target, 'g') + 'x' if target else ''} |")
    for table in tables:
        m = table.get("memory")
        if m is None:
            continue
        lines.append("")
        if m["status"] == "ok":
            scope = "during the profile alone (VmHWM reset after loading)" if m["peak_reset_after_load"] else \
                "loading and profiling (VmHWM could not be reset)"
            lines.append(f"Peak resident memory of `profile` of {shape(table)} with a {m['heap']} heap, {scope}: "
                         f"{m['peak_rss_mb']:,} MB (target under {MEMORY_TARGET_MB:,} MB: "
                         f"{verdict(m['peak_rss_mb'], MEMORY_TARGET_MB)}); after loading the table {m['peak_rss_after_load_mb']:,} MB; "
                         f"peak heap {m['peak_heap_mb']} MB; the profile took {m['profile_seconds']:.1f} s.")
        else:
            lines.append(f"Peak resident memory of `profile` of {shape(table)} with a {m['heap']} heap: {m['error']}"
                         + (f" (resident memory seen, sampled twice a second, up to {m['largest_rss_seen_mb']:,} MB; "
                            f"target under {MEMORY_TARGET_MB:,} MB)" if "largest_rss_seen_mb" in m else ""))
    errors = [f"- {shape(t)}, {r['op']}: {r['error']}" for t in tables for r in t["ops"] if r["status"] != "ok"]
    if errors:
        lines += ["", "Errors in full:", ""] + errors
    return "\n".join(lines) + "\n"


def main():
    out_base, polars_path, java_paths = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
    doc = load(java_paths, polars_path)
    doc["run"].update(when=datetime.now(timezone.utc).isoformat(timespec="seconds"), machine=platform.node(),
                      cpus=os.cpu_count(), uptime=uptime(), commit=commit())
    for name, numerator, denominator, target in RATIOS:
        values = ratio(doc["widths"], numerator, denominator)
        doc.setdefault("ratios", []).append({"ratio": name, "target": target,
                                             "values": [None if v is None else v[0] for v in values],
                                             "lower_bound": [None if v is None else v[1] for v in values]})
    for name, rows in by_op(doc["widths"]).items():
        doc.setdefault("flatness", {})[name] = flatness(rows)
    out_base.parent.mkdir(parents=True, exist_ok=True)
    out_base.with_suffix(".json").write_text(json.dumps(doc, indent=1) + "\n")
    text = markdown(doc)
    out_base.with_suffix(".md").write_text(text)
    print("\n" + text)
    print(f"wrote {out_base.with_suffix('.json')} and {out_base.with_suffix('.md')}")


if __name__ == "__main__":
    main()
