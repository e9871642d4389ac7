"""polars computing a profile's exact statistics on the wide tables: the baseline of `profile`.

For each Parquet file that bench/WideBench.java wrote (an id, DOUBLE columns with missing
values, short text columns), times:

- the read: `pl.read_parquet(FILE)`;
- the statistics, on the DataFrame in memory, the ones Assay's `profile` computes exactly
  (dsl/.../profile/ProfileQueries.java): per column the count of non-missing values and the
  missing ones (NULL, and NaN for floats), min, max, and for numbers mean, std (ddof=1) and
  the 0.05/0.25/0.5/0.75/0.95 quantiles with linear interpolation; for texts the min, mean
  and max length in characters; for every column the exact number of distinct non-missing
  values and its 10 most frequent values with their counts (`value_counts`). One `select`
  holds the scalar statistics; the value counts are one lazy query per column, run together
  by `pl.collect_all`; both in batches of 500 columns. It computes less than `profile` (no histograms, word counts or PII
  patterns), which favours polars.

A run shorter than --repeat-under seconds is repeated three more times and the median kept
(the first is then the warm-up), as the Java side does. Writes a JSON list, one object per
file, with the peak resident memory of this process so far.

    target/pyenv/bin/python bench/python/polars_wide.py --out target/bench-parts/wide-polars.json FILE...
"""

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

import polars as pl

QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95]
TOP_VALUES = 10
BATCH_COLUMNS = 500


def log(*parts):
    print("[polars_wide]", *parts, file=sys.stderr, flush=True)


def scalar_statistics(df):
    exprs = []
    for name, dtype in df.schema.items():  # df is one batch of columns
        col = pl.col(name)
        if dtype.is_float():
            col = col.fill_nan(None)  # NaN is missing, as in the profile
        present = col.drop_nulls()
        exprs += [col.count().alias(f"{name}|count"), col.null_count().alias(f"{name}|missing"),
                  present.n_unique().alias(f"{name}|distinct"),
                  col.min().alias(f"{name}|min"), col.max().alias(f"{name}|max")]
        if dtype.is_numeric():
            exprs += [col.mean().alias(f"{name}|mean"), col.std(ddof=1).alias(f"{name}|std")]
            exprs += [col.quantile(q, interpolation="linear").alias(f"{name}|q{q}") for q in QUANTILES]
        elif dtype == pl.String:
            length = col.str.len_chars()
            exprs += [length.min().alias(f"{name}|len_min"), length.mean().alias(f"{name}|len_mean"),
                      length.max().alias(f"{name}|len_max")]
    return df.select(exprs)


def top_values(df):
    queries = [df.lazy().select(pl.col(name).drop_nulls().value_counts(sort=True).head(TOP_VALUES))
               for name in df.columns]
    return pl.collect_all(queries)


def profile(df):
    # In batches of columns: one select of 100,000+ expressions, or 10,000 value counts
    # collected at once, took all the memory of the 24 GB machine at 10,000 columns.
    results = []
    for start in range(0, df.width, BATCH_COLUMNS):
        batch = df.select(df.columns[start:start + BATCH_COLUMNS])
        results.append((scalar_statistics(batch), top_values(batch)))
    return results


def timed(work, repeat_under):
    start = time.perf_counter()
    work()
    first = time.perf_counter() - start
    if first >= repeat_under:
        return first, 1
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        work()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), 3


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--repeat-under", type=float, default=10.0)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    results = []
    for file in args.files:
        start = time.perf_counter()
        df = pl.read_parquet(file)
        read = time.perf_counter() - start
        seconds, runs = timed(lambda: profile(df), args.repeat_under)
        row = {"file": str(Path(file).resolve()), "columns": df.width, "rows": df.height, "read_seconds": read,
               "stats_seconds": seconds, "runs": runs, "polars": pl.__version__,
               "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
        log(f"{df.width:,} columns x {df.height:,} rows: read {read:.2f} s, statistics {seconds:.3f} s "
            f"({runs} run{'s, median' if runs > 1 else ''})")
        results.append(row)
        del df
    Path(args.out).write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
