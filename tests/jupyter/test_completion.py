"""Tab completion as a real Jupyter client asks for it: complete_request over ZeroMQ with
jupyter_client, against the installed kernelspec (JUPYTER_PATH must point at its prefix).

    JUPYTER_PATH=PREFIX/share/jupyter target/pyenv/bin/python -m pytest -v tests/jupyter/test_completion.py

Java: names declared earlier in the same cell, which has not run, complete (and completing
runs nothing). %%sql: tables after FROM/JOIN, the statement's columns, keywords in the case
typed, and DuckDB's functions as DuckDB itself lists them. Latencies are printed, not limited.
"""

import os
import time

import pytest
from jupyter_client.manager import start_new_kernel

TIMEOUT = 120


@pytest.fixture(scope="module")
def kc():
    if "JUPYTER_PATH" not in os.environ:
        pytest.fail("set JUPYTER_PATH to the prefix holding the assay kernelspec (tests/run-all does)")
    km, client = start_new_kernel(kernel_name="assay", startup_timeout=TIMEOUT)
    try:
        yield client
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)


def complete(kc, code, cursor=None):
    cursor = len(code) if cursor is None else cursor
    started = time.perf_counter()
    reply = kc.complete(code, cursor, reply=True, timeout=TIMEOUT)
    elapsed = time.perf_counter() - started
    content = reply["content"]
    assert content["status"] == "ok", content
    print(f"complete {code!r} at {cursor}: {len(content['matches'])} matches in {elapsed * 1000:.0f} ms")
    return content


def execute(kc, code):
    reply = kc.execute_interactive(code, timeout=TIMEOUT, output_hook=lambda msg: None)
    assert reply["content"]["status"] == "ok", reply["content"]


def rows(kc, sql):
    """The rows of a %%sql query, read from the result's JSON (DuckDB's own answer, not completion's)."""
    results = []

    def hook(msg):
        if msg["msg_type"] == "execute_result":
            results.append(msg["content"]["data"]["application/vnd.assay.result+json"]["rows"])

    reply = kc.execute_interactive("%%sql\n" + sql, timeout=TIMEOUT, output_hook=hook)
    assert reply["content"]["status"] == "ok", reply["content"]
    return results[0]


def test_java_names_declared_earlier_in_the_same_cell(kc):
    code = 'String greeting = "x";\ngreeting.toU'
    content = complete(kc, code)
    assert content["matches"] == ["toUpperCase("]
    assert (content["cursor_start"], content["cursor_end"]) == (len(code) - 3, len(code))

    code = "var words = List.of(\"a\");\nint twice(int x) { return 2 * x; }\ntwi"
    assert complete(kc, code)["matches"] == ["twice("]
    code = "var words = List.of(\"a\");\nwords.get(0).toLowerCa"
    assert complete(kc, code)["matches"] == ["toLowerCase("]
    # Warm: the latency a user sees on the next Tab (printed with -s).
    for _ in range(3):
        complete(kc, 'String greeting = "x";\nint n = greeting.length();\ngreeting.toU')


def test_java_completion_runs_nothing_of_the_cell(kc):
    code = 'String marker = "ran";\nSystem.setProperty("assay.test.ran", marker);\nint later = 1;\nmarker.toU'
    assert complete(kc, code)["matches"] == ["toUpperCase("]
    results = []
    reply = kc.execute_interactive('String.valueOf(System.getProperty("assay.test.ran"))', timeout=TIMEOUT,
                                   output_hook=lambda m: results.append(m) if m["msg_type"] == "execute_result" else None)
    assert reply["content"]["status"] == "ok"
    assert results[0]["content"]["data"]["text/plain"] == '"null"'
    # Nor was anything declared: `marker` is unknown to the session.
    assert complete(kc, "marke")["matches"] == []


def test_sql_tables_after_from_and_join(kc):
    execute(kc, '%%sql sales_2026\nSELECT 1 AS "unit price", 2 AS qty, 3 AS region_id')
    execute(kc, "%%sql sales_regions\nSELECT 3 AS region_id, 'north' AS region_name")
    code = "%%sql\nSELECT * FROM sales_"
    content = complete(kc, code)
    assert content["matches"] == ["sales_2026", "sales_regions"]
    assert (content["cursor_start"], content["cursor_end"]) == (len(code) - len("sales_"), len(code))
    assert complete(kc, "%%sql\nselect * from sales_2026 s join sales_r")["matches"] == ["sales_regions"]


def test_sql_columns_of_the_tables_the_statement_names(kc):
    code = "%%sql\nSELECT un FROM sales_2026"
    content = complete(kc, code, cursor=len("%%sql\nSELECT un"))
    assert content["matches"][0] == '"unit price"', content["matches"]  # quoted: it holds a space
    assert (content["cursor_start"], content["cursor_end"]) == (len("%%sql\nSELECT "), len("%%sql\nSELECT un"))
    code = "%%sql\nSELECT r. FROM sales_regions AS r"
    assert complete(kc, code, cursor=len("%%sql\nSELECT r."))["matches"] == ["region_id", "region_name"]
    matches = complete(kc, "%%sql\nSELECT * FROM sales_2026 JOIN sales_regions USING (region_id) WHERE region_")["matches"]
    assert matches[:2] == ["region_id", "region_name"] and matches.count("region_id") == 1


def test_sql_keywords_in_the_case_typed(kc):
    lower = complete(kc, "%%sql\nselect * from sales_2026 wh")["matches"]
    upper = complete(kc, "%%sql\nSELECT * FROM sales_2026 WH")["matches"]
    assert "where" in lower and "WHERE" not in lower
    assert "WHERE" in upper and "where" not in upper
    keywords = {r[0] for r in rows(kc, "SELECT keyword_name FROM duckdb_keywords() WHERE keyword_name LIKE 'gr%'")}
    assert keywords and keywords <= set(complete(kc, "%%sql\nselect 1 gr")["matches"])


def test_sql_functions_as_duckdb_lists_them(kc):
    functions = {r[0] for r in rows(kc, "SELECT DISTINCT function_name FROM duckdb_functions() "
                                        "WHERE function_name LIKE 'regexp_ext%'")}
    assert functions
    assert set(complete(kc, "%%sql\nSELECT regexp_ext")["matches"]) == functions
    assert set(complete(kc, "%%sql\nSELECT REGEXP_EXT")["matches"]) == {f.upper() for f in functions}
