"""The seed gold as a regression test: speakers, scare quotes, people and sources (needs ../shared)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from newsarchive.extract import extract
from newsarchive.load.reader import read_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "gold" / "seeds.yaml"

pytestmark = pytest.mark.skipif(not GOLD.is_file(), reason="../shared is not here")


def _last(name: str | None) -> str:
    return (name or "").split()[-1].lower() if name else ""


def _articles() -> list[tuple[dict[str, Any], Any]]:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return [(art, extract(read_document((GOLD.parent / art["file"]).resolve())))
            for art in gold["articles"]]


def _find(article: Any, text: str) -> Any:
    key = text[:25]
    found = [q for q in article.quotes if key in q.text]
    return min(found, key=lambda q: len(q.text)) if found else None


def test_every_speech_quote_has_its_speaker() -> None:
    for gold, article in _articles():
        for want in gold["quotes"]:
            got = _find(article, want["text"])
            assert got is not None, want["text"]
            if want["kind"] == "scare":
                assert got.kind == "scare", want["text"]
            else:
                assert _last(got.speaker) == _last(want["speaker"]), (want["text"], got.speaker)
                assert got.kind in ("direct", "partial")


def test_scare_quotes_are_told_apart_and_the_damaged_span_is_attributed() -> None:
    for gold, article in _articles():
        for text in gold.get("scare_quotes_not_speech") or []:
            got = _find(article, text)
            assert got is None or got.kind == "scare", text
        for want in gold.get("unbalanced_quote_spans") or []:
            got = _find(article, want["text"])
            assert got is not None and _last(got.speaker) == _last(want["speaker"])


def test_people_and_sources() -> None:
    for gold, article in _articles():
        people = {_last(p.name) for p in article.people}
        sources = {s.name for s in article.sources}
        assert {_last(p) for p in gold["people"]} <= people
        assert len(people - {_last(p) for p in gold["people"]}) <= 1
        assert set(gold["sources"]) <= sources
