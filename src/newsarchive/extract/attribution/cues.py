"""Find speech cues in a stretch of text and the holder each one names.

A cue is a speech verb ("said", "wrote", "told") or "according to". Its holder stands behind it
after a quotation or comma ("…”, said the paper"; "according to X") or before it ("Nad said",
"Sergey Shoigu, reportedly told", "The Financial Times reported that"). A holder is a mention of
a person or body, a pronoun ("he said") or a description ("the foreign affairs magazine").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsarchive.extract.attribution.context import MASK, Context
from newsarchive.extract.attribution.holders import description, pronoun

# Words allowed between an inverted verb and its holder: "said foreign affairs correspondent
# Simon Tisdall", "said Professor Marlene Laruelle", "wrote the FT's Gideon Rachman".
_LOWER_RUN = re.compile(r"(?:[a-z][\w’'-]*\s+){0,4}")
# A holder before its verb may carry an appositive between commas: "David Frost, director
# general of the British Chambers of Commerce, warned".
_APPOSITIVE = re.compile(r"\s*,[^,;:“”\"·]{1,120},\s*$|\s*,\s+(?:an?|the)\s[^,;:“”\"·]{1,80}$")
_NO_INVERSION = frozenset(("told", "tells", "tell", "telling"))


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue and, where the text names one, its holder."""

    paragraph: int
    start: int
    end: int
    verb: str
    holder: str | None
    """Canonical name of the person or body, None where the cue names nobody we know."""
    how: str
    """Which construction found the holder ("said-X", "X-said", "according-to", "pronoun", "description")."""


def paragraph_cues(ctx: Context, paragraph: int) -> list[Cue]:
    """Return the speech cues of a paragraph, sentence by sentence, noting each holder found."""
    cached = ctx.cue_cache.get(paragraph)
    if cached is not None:
        return cached
    found: list[Cue] = []
    for start, end in ctx.sentences[paragraph]:
        for cue in find_cues(ctx, paragraph, start, end):
            found.append(cue)
            if cue.holder is not None:
                ctx.speakers.append((paragraph, cue.start, cue.holder))
    ctx.cue_cache[paragraph] = found
    return found


def find_cues(ctx: Context, paragraph: int, start: int, end: int) -> list[Cue]:
    """Return the speech cues in [start, end) of a paragraph, in text order."""
    masked = ctx.masked[paragraph]
    out: list[Cue] = []
    for m in ctx.cues.verb_re.finditer(masked, start, end):
        verb = re.sub(r"\s+", " ", m.group())
        if verb in ctx.cues.according:
            holder, how = _after(ctx, paragraph, m.end(), end)
            out.append(Cue(paragraph, m.start(), m.end(), verb, holder, how and "according-to"))
            continue
        if _passive(ctx, masked, m.start(), verb):
            continue
        holder, how = None, ""
        if _inverted(masked, start, m.start()) and verb not in ctx.cues.weak and verb not in _NO_INVERSION:
            holder, how = _after(ctx, paragraph, m.end(), end)
        if not how:
            holder, how = _before(ctx, paragraph, start, m.start())
        # A weak verb names speech only with a holder, or as "reports that …".
        if how or verb not in ctx.cues.weak or masked.startswith(" that", m.end()):
            out.append(Cue(paragraph, m.start(), m.end(), verb, holder, how))
    return out


def _passive(ctx: Context, masked: str, at: int, verb: str) -> bool:
    if verb.endswith(("s", "ing")):
        return False  # "there have been reports that": a noun or present form, never passive
    words = masked[max(0, at - 30):at].split()
    while words and words[-1] in ctx.cues.between and words[-1] not in ctx.cues.passive:
        words.pop()
    return bool(words) and words[-1] in ctx.cues.passive


def _inverted(masked: str, start: int, at: int) -> bool:
    """Return True where a verb follows a quotation or comma, so its holder comes after it."""
    before = masked[max(start, at - 40):at].rstrip()
    if not before:
        return True
    words = before.split()
    while words and words[-1] in ("also", "then", "later", "once"):
        words.pop()
    if not words:
        return True
    last = words[-1][-1]
    return last in ",”\"’:" or last == MASK


def _after(ctx: Context, paragraph: int, at: int, end: int) -> tuple[str | None, str]:
    """Return the holder standing after a verb (inverted order), and how it was found."""
    masked = ctx.masked[paragraph]
    gap = _LOWER_RUN.match(masked, at + 1 if masked[at:at + 1] == " " else at, min(end, at + 80))
    pos = gap.end() if gap else at
    for n in ctx.named_at(paragraph, at, min(end, pos + 60)):
        between = masked[at:n.start]
        # Only role words, titles and "the" may stand between the verb and the name.
        if any(c in between for c in ",;:.·“”\"") or n.start > pos + 45:
            break
        return n.name, "said-X"
    found = description(ctx, paragraph, at, end)
    if found is not None:
        return found
    found = pronoun(ctx, paragraph, at, end, after=True)
    if found is not None:
        return found
    return None, ""


def _before(ctx: Context, paragraph: int, start: int, at: int) -> tuple[str | None, str]:
    """Return the holder standing before a verb, and how it was found."""
    masked = ctx.masked[paragraph]
    clause_start = max(start, masked.rfind("”", start, at) + 1, masked.rfind(MASK, start, at) + 1,
                       masked.rfind(";", start, at) + 1)
    head = masked[clause_start:at]
    words = head.split()
    cut = len(head)
    while words and words[-1] in ctx.cues.between:
        cut = head.rfind(words[-1])
        words.pop()
    tail_end = clause_start + cut
    found = pronoun(ctx, paragraph, clause_start, tail_end, after=False)
    if found is not None:
        return found
    found = description(ctx, paragraph, clause_start, tail_end, before=True)
    if found is not None:
        return found
    for n in ctx.named_at(paragraph, clause_start, tail_end):
        rest = masked[n.end:tail_end]
        if not rest.strip() or _APPOSITIVE.fullmatch(rest) or rest.strip() == ",":
            return n.name, "X-said"
    return None, ""
