"""Assay's two-sample Kolmogorov-Smirnov p-values against scipy, across every branch scipy
takes: the exact path count (both samples at most 10,000 values, equal and unequal sizes) and
``kstwo.sf(D, round(n1 n2 / (n1 + n2)))`` above that, whose own method depends on the
effective size n and on n D^2 (Ruben-Gambino, 2 x Smirnov, Durbin's matrix, Pomeranz, Pelz-Good).

The p-values come from ``dev.assay.dsl.drift.KolmogorovSmirnov`` called in a Java cell of a
running kernel, for statistics D = gap / (n1 n2) given as exact integer gaps, so that both
sides see the same D. scipy computes the reference in the same run: the exact branch through
``scipy.stats._stats_py._attempt_exact_2kssamp`` (what ``ks_2samp`` calls; private, so this
test pins the behaviour of the scipy in target/pyenv), the asymptotic one through the public
``scipy.stats.kstwo.sf``. Agreement: 1e-6 absolute, as the drift issue asks of p-values.

    ASSAY_SHARED=../shared ASSAY_JAR=kernel/target/assay.jar \\
        target/pyenv/bin/python -m pytest -v tests/data/test_ks_pvalues_vs_scipy.py
"""

import math
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import kstwo
from scipy.stats._stats_py import _attempt_exact_2kssamp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_cells import run_cell  # noqa: E402

P_VALUE_TOL = 1e-6
EXACT_LIMIT = 10_000  # scipy's MAX_AUTO_N

# (n1, n2, statistics D to try); the gaps are rounded to what the sizes can produce.
GRID = [
    (5, 7, [0.2, 0.4857, 0.8, 1.0]),
    (8, 8, [0.125, 0.5, 0.875]),
    (100, 100, [0.05, 0.13, 0.3]),
    (1000, 1500, [0.01, 0.05, 0.08, 0.2]),
    (9999, 10000, [0.005, 0.02, 0.05]),
    (10000, 10000, [0.01, 0.03]),
    (3, 10000, [0.4, 0.9]),
    # Asymptotic from here: effective sizes 1, 3, 10, 50, 10,000 and 150,000.
    (10001, 1, [0.3, 0.6, 0.99995]),
    (10001, 3, [0.1, 0.2, 0.5, 0.7, 0.9]),
    (10001, 10, [0.04, 0.08, 0.15, 0.3, 0.6, 0.95]),
    (10001, 50, [0.012, 0.03, 0.1, 0.2, 0.3, 0.45, 0.55]),
    (20000, 20000, [0.0001, 0.002, 0.005, 0.01, 0.015, 0.03, 0.2]),
    (300000, 300000, [0.0005, 0.001, 0.003, 0.005, 0.05]),
]


def cases():
    out = []
    for n1, n2, ds in GRID:
        g = math.gcd(n1, n2)
        lcm = n1 // g * n2
        for d in ds:
            h = max(1, round(d * lcm))
            out.append((n1, n2, h * g))  # the gap |c1 n2 - c2 n1| is a multiple of gcd(n1, n2)
    return out


def scipy_p_value(n1, n2, gap):
    d = gap / (n1 * n2)
    if max(n1, n2) <= EXACT_LIMIT:
        ok, _, p = _attempt_exact_2kssamp(n1, n2, math.gcd(n1, n2), d, "two-sided")
        assert ok, f"scipy's exact branch failed for {n1}, {n2}, D={d}"
        return float(np.clip(p, 0, 1))
    m, n = sorted([float(n1), float(n2)], reverse=True)
    return float(np.clip(kstwo.sf(d, np.round(m * n / (m + n))), 0, 1))


def assay_p_values(kernel, grid):
    rows = ", ".join(f"{{{n1}L, {n2}L, {gap}L}}" for n1, n2, gap in grid)
    code = ("long[][] ksGrid = {" + rows + "};\n"
            "for (long[] c : ksGrid) System.out.println(dev.assay.dsl.drift.KolmogorovSmirnov.test(c[0], c[1], "
            "java.math.BigInteger.valueOf(c[2])).pValue());")
    messages = run_cell(kernel, code)
    text = "".join(m["content"]["text"] for m in messages
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
    values = [float(line) for line in text.split()]
    assert len(values) == len(grid), text
    return values


def test_p_values_match_scipy_in_every_branch(kernel):
    grid = cases()
    got = assay_p_values(kernel, grid)
    wrong = []
    for (n1, n2, gap), p in zip(grid, got):
        expected = scipy_p_value(n1, n2, gap)
        if abs(p - expected) > P_VALUE_TOL:
            wrong.append(f"n1={n1} n2={n2} D={gap / (n1 * n2)!r}: scipy {expected!r}, Assay {p!r}")
    assert not wrong, "\n".join(wrong)
    # The grid must reach both of scipy's regimes and the tails.
    assert any(max(n1, n2) <= EXACT_LIMIT for n1, n2, _ in grid)
    assert any(max(n1, n2) > EXACT_LIMIT for n1, n2, _ in grid)
    assert min(got) < 1e-10 and max(got) > 0.5
