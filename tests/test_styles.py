"""Articles in the shapes of today's news sites and wires, read end to end as a reader would.

Each file in `fixtures/styles/` was written for these tests (names and events made up) in the
layout one outlet uses; `expect.yaml` says what a reader takes from it. They guard the loader's
reading of bylines, date lines, datelines and furniture, and attribution on text shaped unlike
the BBC and PolNeAR corpora the extractor was tuned on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from newsarchive.extract import extract
from newsarchive.load.reader import read_document
from newsarchive.records import Article

STYLES = Path(__file__).parent / "fixtures" / "styles"
EXPECT: dict[str, dict[str, Any]] = yaml.safe_load((STYLES / "expect.yaml").read_text(encoding="utf-8"))


def _article(name: str) -> Article:
    return extract(read_document(STYLES / name))


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_style(name: str) -> None:
    want, article = EXPECT[name], _article(name)
    doc = article.doc
    for key, value in (want.get("meta") or {}).items():
        assert getattr(doc, key) == value, f"{key}: {getattr(doc, key)!r}"
    if "first" in want:
        body = [p for p in doc.paragraphs if p.kind == "text"]
        assert body[0].text.startswith(want["first"]), body[0].text[:60]
    for start, speaker in (want.get("speakers") or {}).items():
        found = [q for q in article.quotes if q.text.startswith(start)]
        assert found, f"no quote starts {start!r}"
        assert found[0].speaker == speaker, f"{start!r}: {found[0].speaker!r}"
    for start, kind in (want.get("kinds") or {}).items():
        found = [q for q in article.quotes if q.text.startswith(start)]
        assert found and found[0].kind == kind, f"{start!r}: {found[0].kind if found else 'no quote'}"
    for phrase, by in (want.get("claims") or {}).items():
        found = [c for c in article.claims if phrase in c.text]
        assert found, f"no claim holds {phrase!r}"
        assert found[0].by == by, f"{phrase!r}: by {found[0].by!r}"
    for start, by in (want.get("claims_start") or {}).items():
        found = [c for c in article.claims if c.text.startswith(start)]
        assert found, f"no claim starts {start!r}: {[c.text[:20] for c in article.claims]}"
        assert found[0].by == by, f"{start!r}: by {found[0].by!r}"
    for phrase in want.get("no_claims") or ():
        assert not [c for c in article.claims if phrase in c.text], f"a claim holds {phrase!r}"
    people = {p.name for p in article.people}
    assert set(want.get("people") or ()) <= people
    assert not set(want.get("not_people") or ()) & people
    assert set(want.get("sources") or ()) <= {s.name for s in article.sources}
    for name, roles in (want.get("roles") or {}).items():
        found = [p for p in article.people if p.name == name]
        for role in [roles] if isinstance(roles, str) else roles:
            assert found and role in found[0].roles, f"{name}: {found[0].roles if found else 'not found'}"
    for name, aliases in (want.get("aliases") or {}).items():
        entity = [e for e in (*article.people, *article.sources) if e.name == name]
        found_aliases = set(entity[0].aliases) if entity else set()
        assert set(aliases) <= found_aliases, f"{name}: {sorted(found_aliases)}"
    sources = {s.name for s in article.sources}
    assert set(want.get("sources") or ()) <= sources, sorted(sources)
    assert not set(want.get("not_sources") or ()) & sources
    if "boilerplate" in want:
        assert [b.text for b in doc.boilerplate] == want["boilerplate"]


def test_every_style_file_has_expectations() -> None:
    assert {p.name for p in STYLES.iterdir() if p.suffix in (".txt", ".md")} == set(EXPECT)
