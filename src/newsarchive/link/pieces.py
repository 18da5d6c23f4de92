"""What the link step needs of one article alone: worked out beside extraction and cached with it.

Claim keys and the names an article uses depend on nothing but the article, so the build computes
them in its workers and keeps them in the cache with the article's record; linking an archive where
one article changed then only joins dictionaries, instead of re-reading every claim.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace

from newsarchive.link.claim_keys import ClaimKeys, claim_keys
from newsarchive.link.names import person_key
from newsarchive.records import Article, quick_pickle

_PROPER = re.compile(r"[A-Z][\w’'-]+(?:\s+(?:of\s+|the\s+|de\s+)?[A-Z][\w’'-]+)+")


@quick_pickle
@dataclass(frozen=True, slots=True)
class LinkPieces:
    """One article's part of the link step's input."""

    claims: tuple[ClaimKeys, ...]
    """The comparable keys of each claim, in the article's order."""
    names: frozenset[str]
    """The names the article uses (its people, capitalised runs in its claims), as person keys."""


def story_names(article: Article) -> frozenset[str]:
    """Return the names an article uses: its people, and the capitalised runs in its claims."""
    found = {" ".join(k) for p in article.people if len(k := person_key(p.name)) > 1}
    for c in article.claims:
        for m in _PROPER.finditer(c.text):
            key = person_key(m.group(0))
            if len(key) > 1:
                found.add(" ".join(key))
    return frozenset(found)


def link_pieces(article: Article) -> LinkPieces:
    """Return what linking needs of `article` on its own."""
    return LinkPieces(tuple(claim_keys(c.text) for c in article.claims), story_names(article))


class Compactor:
    """Share equal sets of words between the pieces of many articles, each word kept once.

    Each article's pieces are unpickled apart, so every claim brings its own copies of common
    words and sets ("2004", {"minister"}); holding an archive's worth for the link step, sharing
    them takes about a third of the memory on real news (far more where stories repeat).
    """

    def __init__(self) -> None:
        self._sets: dict[frozenset[str], frozenset[str]] = {}

    def words(self, found: frozenset[str]) -> frozenset[str]:
        """Return the shared copy of a set of words."""
        shared = self._sets.get(found)
        if shared is None:
            shared = self._sets.setdefault(found, frozenset(sys.intern(w) for w in found))
        return shared

    def pieces(self, pieces: LinkPieces) -> LinkPieces:
        """Return `pieces` with their sets of words shared."""
        return LinkPieces(tuple(map(self.claim, pieces.claims)), self.words(pieces.names))

    def claim(self, k: ClaimKeys) -> ClaimKeys:
        """Return one claim's keys with their sets of words shared."""
        w = self.words
        quantities = tuple(replace(q, concepts=w(q.concepts), context=w(q.context)) for q in k.quantities)
        return ClaimKeys(w(k.stems), w(k.concepts), quantities, w(k.denied), k.phrase, w(k.dates), w(k.names))
