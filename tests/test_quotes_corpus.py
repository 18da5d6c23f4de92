"""The quotes pass on real text from ../shared: every gold quote of the seeds, and no crash on BBC."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsarchive.extract.draft import Draft
from newsarchive.extract.quotes import find_quotes
from newsarchive.load import read_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "gold" / "seeds.yaml").is_file(),
                                  reason="../shared is absent")
_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "\u00a0": " "})


def norm(text: str) -> str:
    """Normalise as the shared scorer does: marks folded, spaces collapsed, case folded."""
    text = unicodedata.normalize("NFKC", text).translate(_MARKS)
    return re.sub(r"\s+", " ", text).strip().strip("\"' ").casefold()


def quotes_of(path: Path) -> list[str]:
    draft = Draft(read_document(path))
    find_quotes(draft)
    return [norm(draft.text(q)) for q in draft.quotes]


def seed_articles() -> list[dict[str, Any]]:
    gold = yaml.safe_load((SHARED / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
    articles: list[dict[str, Any]] = gold["articles"]
    return articles


@needs_shared
def test_every_seed_quote_is_found_and_nothing_else() -> None:
    for art in seed_articles():
        found = quotes_of((SHARED / "gold" / art["file"]).resolve())
        wanted = [norm(q["text"]) for q in art.get("quotes", []) + art.get("unbalanced_quote_spans", [])]
        wanted += [norm(t) for t in art.get("scare_quotes_not_speech", [])]
        for w in wanted[: len(wanted) - len(art.get("scare_quotes_not_speech", []))]:
            assert any(w[:25] in f for f in found), f"{art['file']}: missed {w!r}"
        for f in found:
            assert any(w[:25] in f for w in wanted), f"{art['file']}: {f!r} is not a gold quote"


@needs_shared
def test_bbc_corpus_runs_clean() -> None:
    files = sorted((SHARED / "corpus" / "bbc").rglob("[0-9]*.txt"))[::4]
    assert files
    for path in files:
        draft = Draft(read_document(path))
        find_quotes(draft)
        for q in draft.quotes:
            text = draft.doc.paragraphs[q.paragraph].text
            assert 0 <= q.start < q.end <= len(text), path
