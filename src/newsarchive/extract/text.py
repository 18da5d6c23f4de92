"""Cheap tests of a paragraph's text that more than one pass asks."""

from __future__ import annotations

import re

_ANY_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Return True where the text holds a decimal digit (`\\d`: any script's digits)."""
    # Ten substring tests (memchr in C) cost a tenth of a regular expression's scan, which tests
    # every character against a class; only text with other scripts in it is scanned for theirs.
    if "0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text \
            or "6" in text or "7" in text or "8" in text or "9" in text:
        return True
    return not text.isascii() and _ANY_DIGIT.search(text) is not None


def spaces_but(keep: str) -> dict[int, str]:
    """Return a `str.translate` table turning every ASCII character not in `keep` into a space.

    `text.translate(table).split()` then cuts ASCII text into the runs of `keep`'s characters, as
    a `findall` of `[…]+` would, in about half its time (a C loop over a byte table; the
    engine keeps match state for every word).
    """
    return str.maketrans({c: " " for c in map(chr, range(128)) if c not in keep})
