"""Attribution cases from `fixtures/attribution/*.txt`: a passage in, each quote's speaker out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest

from newsarchive.extract import extract
from newsarchive.load.reader import parse_document

FIXTURES = Path(__file__).parent / "fixtures" / "attribution"
_EXPECT = re.compile(r"^(?P<quote>.+?) → (?P<speaker>.+?)(?: \((?P<kind>\w+)(?:, (?P<cue>[\w-]+))?\))?$")


class Expect(NamedTuple):
    quote: str
    speaker: str | None
    kind: str | None
    cue: str | None


class Case(NamedTuple):
    title: str
    text: str
    expect: list[Expect]


def read_cases(path: Path) -> list[Case]:
    """Return the cases of one fixture file (see fixtures/attribution/README.md)."""
    cases = []
    for block in path.read_text(encoding="utf-8").split("\n===\n"):
        title, _, rest = block.strip().partition("\n")
        text, _, expected = rest.partition("\n---\n")
        expect = []
        for line in expected.strip().splitlines():
            m = _EXPECT.match(line.strip())
            assert m, f"{path.name}: bad expectation {line!r}"
            speaker = None if m["speaker"] == "-" else m["speaker"]
            expect.append(Expect(m["quote"], speaker, m["kind"], m["cue"]))
        cases.append(Case(title.lstrip("# ").strip(), text.strip(), expect))
    return cases


CASES = [pytest.param(case, id=f"{path.stem}: {case.title}")
         for path in sorted(FIXTURES.glob("*.txt")) for case in read_cases(path)]


@pytest.mark.parametrize("case", CASES)
def test_attribution_case(case: Case) -> None:
    article = extract(parse_document(f"Fixture headline\n\n{case.text}\n", "fixture.txt"))
    for want in case.expect:
        found = [q for q in article.quotes if q.text.startswith(want.quote)]
        assert found, f"quote {want.quote!r} not found in {[q.text for q in article.quotes]}"
        q = found[0]
        got = (q.speaker, q.kind if want.kind else None, q.cue if want.cue else None)
        assert got == (want.speaker, want.kind, want.cue), f"{want.quote!r}: got {got}"


def test_every_fixture_file_has_cases() -> None:
    files = sorted(FIXTURES.glob("*.txt"))
    assert len(files) >= 8
    assert all(read_cases(p) for p in files)
