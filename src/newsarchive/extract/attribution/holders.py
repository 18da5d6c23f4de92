"""Resolve holders that are not names: pronouns ("she wrote") and descriptions ("said the paper")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsarchive.extract.entities.lexicon import Lexicon

if TYPE_CHECKING:
    from newsarchive.extract.attribution.context import Context

_LOOKBACK = 4
"""How many paragraphs back a pronoun or description may reach for its antecedent."""

_heads_cache: list[tuple[Lexicon, re.Pattern[str], re.Pattern[str], frozenset[str]]] = []


def _heads(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """Return patterns for a description after a verb and before one, and the body words."""
    if _heads_cache and _heads_cache[0][0] is lex:
        return _heads_cache[0][1:]
    body_words = set(lex.type_words)
    for body in lex.bodies.values():
        body_words |= body.describe
    body_words |= {h.lower() for h in lex.org_heads if h.isalpha()}
    words = sorted(body_words | lex.roles, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    after = re.compile(rf"\s*(?:the|this|that)\s+((?:[\w’'-]+\s+){{0,3}}?)({alt})\b")
    before = re.compile(rf"\b(?:the|The|This|this)\s+((?:[\w’'-]+\s+){{0,3}}?)({alt})\s*,?\s*$")
    frozen = frozenset(body_words)
    _heads_cache[:] = [(lex, after, before, frozen)]
    return after, before, frozen


def description(ctx: Context, paragraph: int, start: int, end: int,
                before: bool = False) -> tuple[str | None, str] | None:
    """Return the named source a description points back to, or None where there is no description."""
    masked = ctx.masked[paragraph]
    after_re, before_re, body_words = _heads(ctx.lex)
    m = before_re.search(masked, max(start, end - 70), end) if before else after_re.match(masked, start, end)
    if m is None:
        return None
    head = re.sub(r"\s+", " ", m.group(2)).lower()
    phrase = re.sub(r"\s+", " ", m.group(1) + m.group(2)).lower().strip()
    at = m.start()
    if head in body_words:
        return _body_for(ctx, paragraph, at, head, phrase), "description"
    return _person_for(ctx, paragraph, at, head), "description"


def _body_for(ctx: Context, paragraph: int, at: int, head: str, phrase: str) -> str | None:
    """Return the nearest earlier body the description fits; one it names exactly comes first."""
    types = ctx.lex.type_words.get(head, frozenset())
    nearest: str | None = None
    for n in ctx.before(paragraph, at):
        if paragraph - n.paragraph > _LOOKBACK:
            break
        if n.kind == "person":
            continue
        body = ctx.lex.bodies.get(n.name[4:] if n.name.startswith("The ") else n.name)
        describe = body.describe if body else frozenset()
        if phrase != head and phrase in describe:
            return n.name
        fits = ((body is not None and body.type in types) or head in describe
                or head in ctx.roles.get(n.name, "") or head in n.name.lower())
        if fits and nearest is None:
            nearest = n.name
            if phrase == head:
                return nearest
    return nearest


def _person_for(ctx: Context, paragraph: int, at: int, head: str) -> str | None:
    for n in ctx.before(paragraph, at):
        if paragraph - n.paragraph > _LOOKBACK:
            break
        if n.kind == "person" and head in ctx.roles.get(n.name, ""):
            return n.name
    return None


def pronoun(ctx: Context, paragraph: int, start: int, end: int,
            after: bool) -> tuple[str | None, str] | None:
    """Return the antecedent of a pronoun at the edge of [start, end), or None if no pronoun stands there."""
    masked = ctx.masked[paragraph]
    words = masked[start:end].split()
    if not words:
        return None
    word = (words[0] if after else words[-1]).strip(",").lower()
    want = ctx.cues.pronouns.get(word)
    if want is None:
        return None
    at = start if after else end
    if want == "organisation":
        for n in ctx.before(paragraph, at):
            if paragraph - n.paragraph > _LOOKBACK:
                break
            if n.kind != "person":
                return n.name, "pronoun"
        return None, "pronoun"
    if want not in ("male", "female"):
        return None, "pronoun"
    for p, offset, name in reversed(ctx.speakers):
        if p == paragraph and offset < at and ctx.genders.get(name, "") in (None, want):
            return name, "pronoun"
        if p < paragraph:
            break
    # Sentence by sentence back from the pronoun, the first fitting person of each: a subject
    # ("Trump, who …, mocked Marco Rubio. And he said") is likelier than the nearest name.
    sentence: tuple[int, int, int] | None = None
    first: str | None = None
    for n in ctx.before(paragraph, at):
        if paragraph - n.paragraph > _LOOKBACK:
            break
        s_start, s_end = ctx.sentence_of(n.paragraph, n.start)
        span = (n.paragraph, s_start, s_end)
        if sentence is not None and span != sentence and first is not None:
            return first, "pronoun"
        sentence = span
        if n.kind == "person" and ctx.genders.get(n.name) in (None, want):
            first = n.name
    if first is not None:
        return first, "pronoun"
    return None, "pronoun"
