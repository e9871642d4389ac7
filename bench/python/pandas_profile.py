"""pandas doing the work of a profile on a Parquet file: the baseline of Assay's `profile`.

Times, on the Parquet file that the Java side of bench/run writes (1 million rows: id
BIGINT, amount DECIMAL(12,2), score INTEGER with about 5% NULL, category VARCHAR of 20
values, ts TIMESTAMP, text VARCHAR of about 100 characters):

- the read: `pd.read_parquet(FILE)` (pyarrow), then every DECIMAL column converted to
  float64 (pandas reads DECIMAL as Python Decimal objects, which `describe` treats as
  categories and `quantile` refuses; the project's tests compare profiles with float64
  too);
- the profile: `df.describe(include='all')`, `df.nunique()`, `value_counts()` of every
  column and the 0.05/0.25/0.5/0.75/0.95 quantiles of the numeric columns. It computes less
  than Assay's `profile` (no histograms, text lengths or PII patterns).

Two rows (section "pandas", as the Java side names Assay's figures for the same file): with
the read (read + profile of each run) and without it (the profile alone); each the median
of 3 runs after a warm-up run. `assay` is null: the harness fills it from the Java profile
of the same file. The note gives pandas' peak resident memory and the DataFrame's size.

    target/pyenv/bin/python bench/python/pandas_profile.py --parquet target/bench-data/sample-1000000.parquet \\
        --out target/bench/pandas.json

`--generate ROWS` first writes FILE with duckdb (the same columns, made as the Java side
makes them; useful to try the script without the Java side; about 7 s for 1 million
rows). The timing takes about 15 s for 1 million rows on the 2-core development machine
(each run about 3.5 s, plus the warm-up).
"""

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95]

# The columns of bench/BenchData.java, written by duckdb's Python package.
GENERATE_SQL = r"""
COPY (
  WITH base AS (
    SELECT i,
           array_to_string(list_transform(range(16),
               lambda k: 'w' || lpad(CAST(hash(i, k, 42) % 20000 AS VARCHAR), 5, '0')), ' ') AS words
    FROM range({rows}) r(i))
  SELECT i AS id,
         CAST((hash(i, 1, 42) % 100000) / 100.0 AS DECIMAL(12, 2)) AS amount,
         CASE WHEN hash(i, 2, 42) % 20 = 0 THEN NULL ELSE CAST(hash(i, 3, 42) % 1000 AS INTEGER) END AS score,
         'c' || CAST(floor(sqrt(hash(i, 4, 42) % 400)) AS INTEGER) AS category,
         TIMESTAMP '2025-01-01' + to_seconds(CAST(hash(i, 5, 42) % 31536000 AS BIGINT)) AS ts,
         CASE WHEN i % 20 = 19 THEN 'changed ' || regexp_replace(lag(words) OVER (ORDER BY i), '^\S+ ', '')
              ELSE words END AS text
  FROM base ORDER BY i
) TO '{file}' (FORMAT parquet, COMPRESSION zstd)
"""


def log(*parts):
    print("[pandas_profile]", *parts, file=sys.stderr, flush=True)


def generate(path, rows):
    import duckdb
    path.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    duckdb.connect().execute(GENERATE_SQL.format(rows=int(rows), file=str(path).replace("'", "''")))
    log(f"wrote {rows:,} rows to {path} in {time.perf_counter() - t:.1f} s")


def decimal_columns(path):
    schema = pq.read_schema(path)
    return [f.name for f in schema if str(f.type).startswith("decimal")]


def read(path, decimals):
    df = pd.read_parquet(path, engine="pyarrow")
    for name in decimals:
        df[name] = df[name].astype("float64")
    return df


def profile(df):
    """The work of a profile in pandas; returns the results so that nothing is skipped."""
    numeric = [c for c in df.columns
               if pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])]
    described = df.describe(include="all")
    distinct = df.nunique()
    counts = {c: df[c].value_counts() for c in df.columns}
    quantiles = df[numeric].quantile(QUANTILES)
    return described, distinct, counts, quantiles


def run_once(path, decimals):
    t0 = time.perf_counter()
    df = read(path, decimals)
    t1 = time.perf_counter()
    results = profile(df)
    t2 = time.perf_counter()
    return t2 - t0, t2 - t1, df, results


def rows_label(n):
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else f"{n:,}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--parquet", required=True, help="the Parquet file to profile")
    ap.add_argument("--out", required=True, help="where to write the rows (JSON list)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs after the warm-up (default 3)")
    ap.add_argument("--generate", type=int, metavar="ROWS", help="first write ROWS generated rows to --parquet")
    args = ap.parse_args()
    path = Path(args.parquet)
    if args.generate:
        generate(path, args.generate)
    if not path.is_file():
        ap.error(f"no Parquet file at {path}")

    began = time.perf_counter()
    decimals = decimal_columns(path)
    n_rows = pq.ParquetFile(path).metadata.num_rows

    total, _, df, results = run_once(path, decimals)
    log(f"warm-up {total:.2f} s; dtypes: {', '.join(f'{c} {t}' for c, t in df.dtypes.items())}")
    frame_mb = df.memory_usage(deep=True).sum() / 1e6
    del df, results
    with_read, without_read = [], []
    for i in range(args.runs):
        total, work, df, results = run_once(path, decimals)
        del df, results
        with_read.append(total)
        without_read.append(work)
        log(f"run {i + 1}/{args.runs}: read + profile {total:.2f} s, profile {work:.2f} s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    label = rows_label(n_rows)
    work = ("describe(include='all'), nunique(), value_counts() of every column and the "
            "0.05/0.25/0.5/0.75/0.95 quantiles of the numeric columns")
    note = (f"pandas {pd.__version__}; peak RSS of the Python process {peak_mb:.0f} MB, "
            f"DataFrame {frame_mb:.0f} MB; runs {', '.join(f'{x:.2f}' for x in with_read)} s with the read, "
            f"{', '.join(f'{x:.2f}' for x in without_read)} s without")
    rows = [
        {"section": "pandas", "what": f"profile vs pandas, {label} rows, with the read",
         "timed": f"Wall time of pd.read_parquet of the {n_rows:,}-row file (DECIMAL columns converted to "
                  f"float64) and then {work}, median of {args.runs} runs after a warm-up.",
         "assay": None, "baseline": round(statistics.median(with_read), 4),
         "baseline_what": "pandas read_parquet + describe, nunique, value_counts, quantiles",
         "unit": "s", "better": "lower", "target_ratio": 1.0, "note": note},
        {"section": "pandas", "what": f"profile vs pandas, {label} rows, without the read",
         "timed": f"Wall time of {work} on the {n_rows:,}-row DataFrame already in memory, "
                  f"median of {args.runs} runs after a warm-up.",
         "assay": None, "baseline": round(statistics.median(without_read), 4),
         "baseline_what": "pandas describe, nunique, value_counts, quantiles",
         "unit": "s", "better": "lower", "target_ratio": 1.0, "note": note},
    ]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2) + "\n")
    for r in rows:
        log(f"{r['what']}: pandas {r['baseline']:.3f} s")
    log(f"wrote {len(rows)} rows to {out} in {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
