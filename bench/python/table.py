"""Merges the benchmark parts' rows (bench/BenchAll.java, kernel_bench.py, pandas_profile.py)
into one table: prints it, and writes it as JSON and as a Markdown table.

    python bench/python/table.py OUT_BASE PART.json [PART.json ...]

Rows with the same `what` are one comparison measured by two parts (Assay's figure from
Java, the baseline from Python): their non-null fields are merged. The ratio is always
assay / baseline; whether the target is met depends on which way is better.
"""

import json
import platform
import sys
from datetime import datetime, timezone
from pathlib import Path


def merge(parts):
    rows, by_what = [], {}
    for part in parts:
        for row in json.loads(Path(part).read_text()):
            if row["what"] in by_what:
                known = by_what[row["what"]]
                for key, value in row.items():
                    if key == "timed" and value and known.get("timed"):
                        known["timed"] = f"Assay: {known['timed']}. Baseline: {value}"
                    elif value not in (None, "") and known.get(key) in (None, ""):
                        known[key] = value
            else:
                by_what[row["what"]] = row
                rows.append(row)
    for row in rows:
        a, b = row.get("assay"), row.get("baseline")
        row["ratio"] = a / b if a is not None and b not in (None, 0) else None
        target = row.get("target_ratio")
        if row["ratio"] is None or target is None:
            row["met"] = None
        elif row.get("better") == "higher":
            row["met"] = row["ratio"] >= target
        else:
            row["met"] = row["ratio"] <= target
    return rows


def figure(value, unit):
    if value is None:
        return ""
    if unit == "rows/s":
        return f"{value:,.0f} rows/s"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "ms":
        return f"{value:.2f} ms"
    if value < 0.1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def verdict(row):
    if row["met"] is None:
        return ""
    return "met" if row["met"] else "MISSED"


def markdown(rows):
    lines = ["| what | Assay | baseline | ratio | target | note |", "|---|---|---|---|---|---|"]
    for r in rows:
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else ""
        target = ""
        if r.get("target_ratio") is not None:
            target = ("<= " if r.get("better") != "higher" else ">= ") + f"{r['target_ratio']:g}x " + verdict(r)
        base = figure(r.get("baseline"), r["unit"])
        if r.get("baseline_what"):
            base = f"{r['baseline_what']}: {base}"
        lines.append(f"| {r['what']} | {figure(r.get('assay'), r['unit'])} | {base} | {ratio} | {target} | {r.get('note', '')} |")
    return "\n".join(lines) + "\n"


def main():
    out_base, parts = Path(sys.argv[1]), sys.argv[2:]
    rows = merge(parts)
    machine = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": platform.node(),
               "cpus": __import__("os").cpu_count(), "python": platform.python_version(), "system": platform.platform()}
    out_base.parent.mkdir(parents=True, exist_ok=True)
    out_base.with_suffix(".json").write_text(json.dumps({"run": machine, "rows": rows}, indent=1) + "\n")
    out_base.with_suffix(".md").write_text(markdown(rows))
    width = max(len(r["what"]) for r in rows)
    print(f"\n{'what':<{width}}  {'Assay':>16}  {'baseline':>16}  {'ratio':>7}  target")
    for r in rows:
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else ""
        target = ""
        if r.get("target_ratio") is not None:
            target = ("<= " if r.get("better") != "higher" else ">= ") + f"{r['target_ratio']:g}x {verdict(r)}"
        print(f"{r['what']:<{width}}  {figure(r.get('assay'), r['unit']):>16}  {figure(r.get('baseline'), r['unit']):>16}  "
              f"{ratio:>7}  {target}  {r.get('note', '')}")
    print(f"\nwrote {out_base.with_suffix('.json')} and {out_base.with_suffix('.md')}")


if __name__ == "__main__":
    main()
