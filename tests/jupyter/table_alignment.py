"""How the tables of Assay's outputs are aligned in a browser, from computed styles (what a
reader sees, after every stylesheet of JupyterLab, nbconvert or the standalone page), and
the rule they must follow (issue 20, item 7):

- a header is aligned as the cells of its column, and so is a NULL;
- a column of numbers is right-aligned, a column of words left-aligned.

    tables = page.evaluate(TABLES_JS, "OUTPUT TABLE SELECTOR")
    assert misaligned(tables) == []
"""

import re

# Per table: its headers [text, align] and its rows of cells [text, align, holds a picture].
TABLES_JS = """selector => [...document.querySelectorAll(selector)].map(t => ({
    head: [...t.querySelectorAll(':scope > thead > tr > th')].map(c => [c.innerText.trim(), getComputedStyle(c).textAlign]),
    rows: [...t.querySelectorAll(':scope > tbody > tr')].map(r => [...r.children].map(c =>
        [c.innerText.trim(), getComputedStyle(c).textAlign, !!c.querySelector('img, svg')]))
}))"""

# The alpha of the top-left pixel of every drift thumbnail (0: transparent).
THUMBNAIL_CORNER_ALPHA_JS = """async () => {
    const alphas = [];
    for (const img of document.querySelectorAll('img[alt="distributions"]')) {
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const g = canvas.getContext('2d');
        g.drawImage(img, 0, 0);
        alphas.push(g.getImageData(0, 0, 1, 1).data[3]);
    }
    return alphas;
}"""

NUMBER = re.compile(r"[-+]?\d[\d,]*(\.\d+)?(e[-+]?\d+)?%?|[-+]?\.\d+")


def side(align):
    """left or right, as the reader sees it in a left-to-right page."""
    return {"start": "left", "-webkit-left": "left", "end": "right", "-webkit-right": "right"}.get(align, align)


def misaligned(tables):
    """Every breach of the rule, as sentences; empty when the tables follow it."""
    problems = []
    for n, table in enumerate(tables, 1):
        for j, (name, align) in enumerate(table["head"]):
            cells = [row[j] for row in table["rows"] if j < len(row)]
            if not cells:
                continue
            want = side(align)
            off = [(text[:20], side(a)) for text, a, _ in cells if side(a) != want]
            if off:
                problems.append(f"table {n}, column {name!r}: header {want}, cells {off[:3]}")
            values = [text for text, _, picture in cells if text not in ("", "NULL") and not picture]
            if values and all(NUMBER.fullmatch(v) for v in values) and want != "right":
                problems.append(f"table {n}, column {name!r} of numbers {values[:3]} is {want}-aligned")
            if values and all(v[0].isalpha() and not NUMBER.fullmatch(v) for v in values) and want != "left":
                problems.append(f"table {n}, column {name!r} of words {values[:3]} is {want}-aligned")
    return problems


def layout(tables):
    """The alignments of every header and cell, to compare two renderings of the same outputs."""
    return [([side(a) for _, a in t["head"]], [[side(a) for _, a, _ in row] for row in t["rows"]]) for t in tables]
