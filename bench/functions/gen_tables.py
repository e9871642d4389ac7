# Generates the Unicode tables of dev.assay.dsl.functions from DuckDB (see UnicodeTables.java).
import duckdb, sys
out = sys.argv[1]
c = duckdb.connect()
rows = c.execute(r"""
SELECT cp, unicode(lower(chr(cp))) AS lo, regexp_matches(chr(cp), '\p{P}') AS p,
       regexp_matches(chr(cp), '[\t\n\x0B\f\r\p{Z}]') AS s
FROM (SELECT CAST(range AS INTEGER) AS cp FROM range(1, 1114112)) WHERE cp < 55296 OR cp > 57343 ORDER BY cp""").fetchall()
def ranges(cps):
    res = []
    for cp in cps:
        if res and res[-1][1] == cp - 1: res[-1][1] = cp
        else: res.append([cp, cp])
    return res
hdr = "# Generated from DuckDB %s by bench/functions/gen_tables.py; do not edit.\n" % duckdb.__version__
with open(out + "/lower.txt", "w") as f:
    f.write(hdr + "# code point (hex) and DuckDB's lower() of it, where they differ\n")
    for cp, lo, p, s in rows:
        if lo != cp: f.write("%x %x\n" % (cp, lo))
for name, idx, what in (("punctuation", 2, "\\p{P} in DuckDB's regular expressions (RE2)"), ("space", 3, "[\\t\\n\\x0B\\f\\r\\p{Z}] in DuckDB's regular expressions (RE2)")):
    with open(out + "/" + name + ".txt", "w") as f:
        f.write(hdr + "# ranges of code points (hex, inclusive) matching " + what + "\n")
        for a, b in ranges([r[0] for r in rows if r[idx]]):
            f.write("%x-%x\n" % (a, b))
