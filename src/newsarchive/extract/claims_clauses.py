"""Cut a paragraph into sentences, and sentences into the clauses a claim can be."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsarchive.lexicon import load_data

# A sentence ends at . ! ? or … (with any closing marks after it) before a space and a capital,
# digit or opening mark; or, in text whose paragraphs ran together, straight into a capital word.
_END = re.compile(r"[.!?…]+[”\"’')\]]*(?:\s+(?=[“\"‘'(\[]?[A-Z0-9])|(?=[A-Z][a-z]))")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_LOOKBACK = 24
# A spaced dash sets off an aside; "; " and ", but " join two statements.
_DASH = re.compile(r"\s+(?:–|—|--|-)\s+")
_JOIN = re.compile(r";\s+|,\s+(?=but\s)")


@dataclass(frozen=True, slots=True)
class Clause:
    """A stretch of a paragraph that can hold one claim."""

    start: int
    end: int
    sentence: tuple[int, int]
    """Start and end of the sentence it belongs to."""
    aside: bool = False
    """True for the part after a single dash: the writer's own remark, outside the sentence's cue."""


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(str(a) for a in load_data("claims").get("abbreviations", []))


def _inside(pos: int, regions: Sequence[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in regions)


def sentences(text: str, quotes: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence, not cutting after abbreviations or initials."""
    abbrev = _abbreviations()
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        dot = m.start()
        word = _WORD_BEFORE.search(text, max(dot - _LOOKBACK, 0), dot + 1)
        if text[dot] == "." and word:
            w = word.group(1).rstrip(".").lower()
            # "Mr." and single initials ("Paul D. Ryan") do not end a sentence.
            if w in abbrev or (len(w) == 1 and w.isalpha()):
                continue
        # With no space after it, only a full stop after a lower-case word outside quotes ends a
        # sentence ("said.The"): "U.S.A" or "Yahoo!Inc" do not.
        if not m.group(0)[-1].isspace() and (
                text[dot] != "." or dot == 0 or not text[dot - 1].islower() or _inside(dot, quotes)):
            continue
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
        start = m.end()
    tail = text[start:].rstrip()
    if tail.strip():
        lead = len(text[start:]) - len(text[start:].lstrip())
        out.append((start + lead, start + len(tail)))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " ,;":
        a += 1
    while b > a and text[b - 1] in " ,;":
        b -= 1
    return a, b


def clauses(text: str, quotes: Sequence[tuple[int, int]] = ()) -> list[Clause]:
    """Return the clauses of every sentence of `text`, outside quotation marks' cuts."""
    out: list[Clause] = []
    for s, e in sentences(text, quotes):
        cuts: list[tuple[int, int, bool]] = []  # (cut start, cut end, what follows is an aside)
        dashes = [m for m in _DASH.finditer(text, s, e) if not _inside(m.start(), quotes)]
        # One dash: an aside after it. Two: a parenthesis, which stays part of its sentence.
        if len(dashes) == 1 and len(text[dashes[0].end() : e].split()) >= 3:
            cuts.append((dashes[0].start(), dashes[0].end(), True))
        for m in _JOIN.finditer(text, s, e):
            if not _inside(m.start(), quotes):
                cuts.append((m.start(), m.end(), False))
        cuts.sort()
        pos, aside = s, False
        for a, b, next_aside in cuts:
            if a <= pos:
                continue
            ca, cb = _trim(text, pos, a)
            if cb > ca:
                out.append(Clause(ca, cb, (s, e), aside))
            pos, aside = b, aside or next_aside
        ca, cb = _trim(text, pos, e)
        if cb > ca:
            out.append(Clause(ca, cb, (s, e), aside))
    return out
