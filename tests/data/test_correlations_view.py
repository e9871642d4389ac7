"""How ``correlations NAME`` shows through a real kernel and a real Jupyter client: the MIME
bundle (text for consoles, HTML, the result JSON, and a PNG heatmap up to 50 columns, none
beyond), and the strongest pairs in the order of their absolute value, the first of them the
pair pandas' ``DataFrame.corr`` finds strongest in the same run on the same file. The values
themselves are tested against pandas with the computation (its own test file); this one is
about the picture and the table. Runs under the Python of ``../shared/tools/pyenv``:

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar \\
        target/pyenv/bin/python -m pytest -v tests/data/test_correlations_view.py

One kernel serves every test of this module (tests/data/conftest.py).
"""

import base64
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import result_and_messages  # noqa: E402  (tests/data/kernel_cells.py)

RESULT = "application/vnd.assay.result+json"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def numbers(columns, rows=400, seed=25):
    """`columns` numeric columns c0, c1, ... of seeded noise, some cells missing; c1 follows c0
    closely, c3 follows c2 inversely (the strongest pairs by far)."""
    rng = np.random.default_rng(seed)
    data = {f"c{i}": rng.normal(size=rows) for i in range(columns)}
    data["c1"] = 3 * data["c0"] + rng.normal(scale=0.05, size=rows)
    data["c3"] = -2 * data["c2"] + rng.normal(scale=0.3, size=rows)
    df = pd.DataFrame(data)
    df.iloc[::17, 4] = np.nan
    return df


def correlations(kernel, tmp_path, df, name):
    path = tmp_path / f"{name}.parquet"
    df.to_parquet(path, index=False)
    result, messages = result_and_messages(kernel, f"%%assay\n{name} = load '{path}'\ncorrelations {name} using pearson")
    bundle = [m for m in messages if m["msg_type"] in ("execute_result", "display_data")][-1]["content"]["data"]
    return result, bundle


def strongest_pandas_pair(df):
    corr = df.corr(method="pearson")
    best = None
    for i, a in enumerate(corr.columns):
        for b in corr.columns[i + 1:]:
            v = corr.loc[a, b]
            if not np.isnan(v) and (best is None or abs(v) > abs(best[2])):
                best = (a, b, v)
    return best


def numbered_rows(text):
    """The rows of the strongest-pairs table of the plain text: (number, a, b)."""
    return [(int(m.group(1)), m.group(2), m.group(3))
            for m in re.finditer(r"^ *(\d+) \| (\S+) +\| (\S+) +\| pearson +\|", text, re.MULTILINE)]


def test_up_to_fifty_columns_a_heatmap_and_the_strongest_pairs_first(kernel, tmp_path):
    df = numbers(12)
    result, bundle = correlations(kernel, tmp_path, df, "narrow")
    assert result["kind"] == "correlations" and result["columns"] == list(df.columns)
    assert base64.b64decode(bundle["image/png"]).startswith(PNG_MAGIC), "a heatmap"
    assert 'alt="correlation heatmap"' in bundle["text/html"], "the heatmap is in the HTML too"
    text = bundle["text/plain"]
    assert text.startswith("Correlations of narrow by pearson: 12 columns"), text
    assert "No heatmap" not in text
    if result["pairs"]:  # the computation is there: the table follows the JSON, and pandas
        rows = numbered_rows(text)
        by_strength = sorted(result["pairs"], key=lambda p: -abs(p["value"]))
        assert [(a, b) for _, a, b in rows] == [(p["a"], p["b"]) for p in by_strength[:len(rows)]], text
        a, b, _ = strongest_pandas_pair(df)
        assert {rows[0][1], rows[0][2]} == {a, b}, (rows[0], a, b)


def test_beyond_fifty_columns_no_heatmap_but_the_fifty_strongest_pairs(kernel, tmp_path):
    df = numbers(60, rows=120)
    result, bundle = correlations(kernel, tmp_path, df, "wide")
    assert len(result["columns"]) == 60 and len(result["matrix"]) == 60, "the JSON keeps every column"
    assert "image/png" not in bundle, "no heatmap of 60 columns"
    assert "<img" not in bundle["text/html"]
    text = bundle["text/plain"]
    assert text.startswith("Correlations of wide by pearson: 60 columns"), text
    if result["pairs"]:
        assert "No heatmap beyond 50 columns" in text, text
        assert f"showing the 50 strongest of {len(result['pairs']):,} pairs" in text, text
        assert len(numbered_rows(text)) == 50
        a, b, _ = strongest_pandas_pair(df)
        assert {numbered_rows(text)[0][1], numbered_rows(text)[0][2]} == {a, b}
