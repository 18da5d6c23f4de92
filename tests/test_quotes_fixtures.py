"""Quote spans on the hand-written cases in tests/fixtures/quotes/*.txt (format in its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.extract.draft import Draft, QuoteDraft
from newsarchive.extract.quotes import find_quotes
from newsarchive.records import Document, Paragraph

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"


def read_cases(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """Return (title, input paragraphs, expected lines) for each `## title` block of a fixture file."""
    cases: list[tuple[str, list[str], list[str]]] = []
    for block in ("\n" + path.read_text(encoding="utf-8")).split("\n## ")[1:]:
        title, _, rest = block.partition("\n")
        given, sep, expected = rest.partition("\n->\n")
        assert sep, f"{path.name}: case {title!r} has no '->' line"
        cases.append((title, [line for line in given.splitlines() if line.strip()],
                      [line for line in expected.splitlines() if line.strip()]))
    return cases


CASES = [pytest.param(given, expected, id=f"{path.stem}: {title}")
         for path in sorted(FIXTURES.glob("*.txt")) for title, given, expected in read_cases(path)]


def run_pass(paragraphs: list[str]) -> Draft:
    paras = tuple(Paragraph(i, "text", text, i + 1) for i, text in enumerate(paragraphs))
    doc = Document(path="case.txt", slug="case", title=None, author=None, outlet=None, date=None, url=None,
                   tags=(), paragraphs=paras, boilerplate=())
    draft = Draft(doc)
    find_quotes(draft)
    return draft


def render(draft: Draft, q: QuoteDraft, wanted: str) -> str:
    """Write a found quote the way the fixtures do, with the attributes the expected line asks for."""
    out = f"{q.open_mark or '∅'}{draft.text(q)}{q.close_mark or '∅'}"
    shown = []
    for attr in wanted.split():
        if attr in ("direct", "partial", "scare"):
            shown.append(q.kind)
        elif attr == "continued":
            shown.append("continued" if q.continued else "not-continued")
        elif attr.startswith("depth="):
            shown.append(f"depth={q.depth}")
        else:
            raise AssertionError(f"unknown attribute {attr!r} in a fixture")
    return f"{out} | {' '.join(shown)}" if shown else out


@pytest.mark.parametrize(("given", "expected"), CASES)
def test_fixture(given: list[str], expected: list[str]) -> None:
    draft = run_pass(given)
    quotes = sorted(draft.quotes, key=lambda q: (q.paragraph, q.start))
    if expected == ["(none)"]:
        assert [render(draft, q, "") for q in quotes] == []
        return
    wants = [line.partition(" | ")[2] for line in expected]
    got = [render(draft, q, want) for q, want in zip(quotes, wants, strict=False)]
    got += [render(draft, q, "") for q in quotes[len(wants):]]
    assert got == expected


def test_every_fixture_file_has_cases() -> None:
    files = sorted(FIXTURES.glob("*.txt"))
    assert files, "no fixture files found"
    for path in files:
        assert read_cases(path), f"{path.name} has no cases"
