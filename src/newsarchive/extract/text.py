"""Cheap tests of a paragraph's text that more than one pass asks, and the word cutter they share."""

from __future__ import annotations

import re
from collections.abc import Iterable

_ANY_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Return True where the text holds a decimal digit (`\\d`: any script's digits)."""
    # Ten substring tests (memchr in C) cost a tenth of a regular expression's scan, which tests
    # every character against a class; only text with other scripts in it is scanned for theirs.
    if "0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text \
            or "6" in text or "7" in text or "8" in text or "9" in text:
        return True
    return not text.isascii() and _ANY_DIGIT.search(text) is not None


def spaces_but(keep: str, lower: bool = False) -> bytes:
    """Return a table for `apart`: each ASCII character in `keep` stays (lower-cased where
    `lower`), every other byte becomes a space."""
    return bytes([ord(c.lower() if lower else c) if c in keep else 32 for c in map(chr, range(256))])


def apart(text: str, table: bytes) -> str:
    """Return ASCII text with each character mapped by a `spaces_but` table.

    `apart(text, table).split()` then cuts the text into the runs of the kept characters, as a
    `findall` of `[…]+` would, in about half its time. (Through bytes: `str.translate` pays a
    dictionary look-up for each character it has not met yet in the call, 2-3 µs a paragraph;
    `bytes.translate` reads a 256-byte table, and ASCII encodes and decodes by copying.)
    """
    if not text.isascii():  # (O(1): str knows it) other text would come back longer, offsets moved
        raise ValueError("apart() takes ASCII text")
    return text.encode().translate(table).decode()


LOWER_LETTERS = spaces_but("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", lower=True)
"""ASCII text through this table (`apart`) is its runs of letters, lower-cased, set apart by spaces."""


SPEAKER_LABEL = re.compile(r"(?:[\[(]?\d{1,2}:\d\d(?::\d\d)?[\])]?[ \t]+)?"
                           r"(?:[QA]|(?P<name>[A-ZÀ-Ý][\w'’.-]+(?: [A-ZÀ-Ý][\w'’.-]+){0,3})"
                           r"(?: \([A-Z]\))?(?:, [A-Z][A-Z .-]{1,30}){0,2}):[ \t]+(?=\S)")
"""A speaker's label opening a paragraph of a transcript ("ALBERS: ", "DANA WHITAKER: ",
"LUCÍA FERNÁNDEZ, BYLINE: ", "GOV. LAURA PRICE (R), ALABAMA: ", "MAYOR TERRENCE HILL, MOBILE,
ALABAMA: ", a podcast's "[00:00:27] Martin Okonjo: ") or an interview ("Q: ",
"A: "); a label in mixed case only where it names a person the article names (not "Why it
matters: ")."""


def alternation(words: Iterable[str], ignore_case: bool = False, spaces: str = r"\s+") -> str:
    """Return a pattern's alternation of the words, in the order given, grouped by first letter
    ("d(?:efence|efense)|f(?:oreign affairs|oreign)"); a space in a word matches `spaces`.

    `ignore_case`: for use inside `(?i:…)`. There the engine enters every alternative at each
    place it is tried (only one opened by a case-sensitive literal or class is passed over at
    once), so hundreds of words cost hundreds of entries; grouped, it enters one per first letter
    (the lede's 273 roles: ~10x less). The matches are the same: at any place only one group's
    letter can match, and its words are tried in their given order. Words opened by a character
    that is not ASCII are left as one plain alternation (under `(?i:…)` "K", the Kelvin sign,
    matches "k").
    """
    escaped = [(w, re.escape(w).replace(r"\ ", spaces)) for w in words]
    if not all(w[:1].isascii() and w[:1].isalnum() for w, _ in escaped):
        return "|".join(e for _, e in escaped)
    groups: dict[str, list[str]] = {}
    for w, e in escaped:
        groups.setdefault(w[0].lower() if ignore_case else w[0], []).append(e[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" if len(rests) > 1 else first + rests[0]
                    for first, rests in groups.items())
