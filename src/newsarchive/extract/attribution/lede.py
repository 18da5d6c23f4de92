"""Cataphora in a lede: the news convention of describing someone in the first paragraph and
naming them in the second ("Kostas Kenteris' lawyer has called for the charges to be dropped."
then "Gregory Ioannidis has submitted new evidence …"; "…, the lord chancellor has said." then
"… Lord Falconer said …")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsarchive.extract.entities.lexicon import Lexicon
from newsarchive.extract.text import alternation

if TYPE_CHECKING:
    from newsarchive.extract.attribution.context import Named

_cache: list[tuple[Lexicon, re.Pattern[str]]] = []
_LEDE_CHARS = 400
"""How much of the first paragraph is read for the description: a lede is a sentence or two."""


def _description(lex: Lexicon) -> re.Pattern[str]:
    """A description of a person by role with no name after it: "the lord chancellor", "Kostas
    Kenteris' lawyer", "the work and pensions minister", "the Trade and Industry Secretary"."""
    if _cache and _cache[0][0] is lex:
        return _cache[0][1]
    roles = alternation(sorted(lex.roles, key=len, reverse=True), ignore_case=True)
    pattern = re.compile(rf"(?:\b[Tt]he|[’'](?:s)?)\s+((?:[A-Za-z][\w-]*\s+){{0,3}}?)((?i:{roles}))\b"
                         rf"(?![-\w]|\s+(?:of\s+)?[A-Z])")
    _cache[:] = [(lex, pattern)]
    return pattern


def describes(text: str, lex: Lexicon) -> bool:
    """Return True where a first paragraph describes someone by role only (the test `lede_holder`
    starts with), so an article whose lede does not is passed over before its mentions are listed."""
    return _description(lex).search(text, 0, _LEDE_CHARS) is not None


def lede_holder(masked: list[str], named: list[Named], roles: dict[str, str],
                lex: Lexicon) -> tuple[str, str] | None:
    """Return (role, person) where the first paragraph describes a person by role only and the
    second names, as the subject of one of its sentences, a person the first did not mention
    and whose own roles name no other; else None. `named` is in reading order."""
    if len(masked) < 2 or not masked[0] or not masked[1]:
        return None
    m = _description(lex).search(masked[0], 0, _LEDE_CHARS)
    if m is None:
        return None
    role = re.sub(r"\s+", " ", m.group(2)).lower()
    first = {n.name for n in named if n.paragraph == 0}
    if any(n.kind == "person" and n.paragraph == 0 and n.end < m.start() - 3 for n in named):
        return None  # someone named before the description: the lede is about them
    text = masked[1]
    for n in named:
        if n.paragraph < 1 or n.kind != "person" or n.name in first:
            continue
        if n.paragraph > 1:
            return None
        if not (_subject_position(text, n.start) or text[n.end:n.end + 6] in (" said.", " said,", " says.")):
            continue  # (", Alan Johnson said.": the sentence's speaker)
        own = roles.get(n.name, "")
        if own and role.rsplit(" ", 1)[-1] not in own:
            return None  # "Finance Minister Sue Essex": another office
        return role, n.name
    return None


def _subject_position(text: str, start: int) -> bool:
    """Return True where only capitalised words stand between the sentence's start, or the comma
    after an opening phrase, and a name ("Lord Falconer said", "Finance Minister Sue Essex said",
    "Gregory Ioannidis has", "Speaking to MEPs, Commissioner Henrik Solberg said")."""
    before = text[:start]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "), before.rfind(", "))
    words = before[cut + 1:].split()
    return all(w[:1].isupper() for w in words)
