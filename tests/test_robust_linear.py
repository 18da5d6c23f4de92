"""Each extraction pass costs time linear in the text, on one huge run-together paragraph too."""

from __future__ import annotations

import time

import pytest

from newsarchive.extract import PASSES
from newsarchive.extract.draft import Draft
from newsarchive.records import Document, Paragraph

# Paragraphs that ran together: claims credited to a speaker, descriptions that send attribution
# looking back, quotes, and sentences without a full stop (one sentence of thousands of clauses).
UNITS = [
    "John Smith, director of Acme Corp, said “sales rose 5% in 2004” the mayor said. ",
    "John Smith, director of Acme Corp, said “sales rose 5% in 2004”; ",
    "sales rose 5% in 2004, the company said; ",
    "Sales rose 5%; profit fell by 2% in 2004 - a record. ",
    "x.Yy",
    "sales rose 5% in 2004, according to data from research firm Acme Corp; The shadow home secretary, "
    "Ann Lee, said ",
    "Ann Lee said so. Articles about “video games” by Tom Hay existed, and ",
]


def _doc(text: str) -> Document:
    return Document(path="p.txt", slug="p", title=None, author=None, outlet=None, date=None, url=None,
                    tags=(), paragraphs=(Paragraph(0, "text", text, 1),), boilerplate=())


def _seconds(text: str, timed: str) -> float:
    """Return the CPU time of pass `timed` on the text, after the passes before it (not timed)."""
    draft = Draft(_doc(text))
    for name, run in PASSES:
        if name == timed:
            start = time.process_time()
            run(draft)
            return time.process_time() - start
        run(draft)
    raise AssertionError(timed)


@pytest.mark.parametrize("timed", ["attribution", "claims"])
@pytest.mark.parametrize("unit", UNITS)
def test_cost_is_linear_on_one_huge_paragraph(unit: str, timed: str) -> None:
    # A quadratic rule shows up as a 16-fold cost for 4 times the text; linear stays near 4.
    small = unit * (25_000 // len(unit))
    big = unit * (100_000 // len(unit))
    # (best of three each: a busy machine can push one run over the bound)
    small_time = min(_seconds(small, timed) for _ in range(3))
    ratio = min(_seconds(big, timed) for _ in range(3)) / max(small_time, 1e-2)
    assert ratio < 9, (unit, timed, ratio)


def test_the_data_view_costs_time_linear_in_a_paragraphs_quote_marks() -> None:
    """A paragraph of thousands of straight quotation marks is one JSON string of as many escaped
    ones; joining them piece by piece copied the string each time (30,000 marks: 4.8 s)."""
    import json

    from newsarchive.render.data import highlighted

    def seconds(marks: int) -> float:
        text = json.dumps({"text": 'word "q" ' * marks})
        start = time.process_time()
        highlighted(text)
        return time.process_time() - start

    small_time = min(seconds(10_000) for _ in range(3))
    ratio = min(seconds(40_000) for _ in range(3)) / max(small_time, 1e-2)
    assert ratio < 8, ratio  # 4x the marks: linear is ~4, the quadratic join ~16
