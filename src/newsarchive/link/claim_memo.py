"""Link the claims of an archive again after a few articles changed, comparing only what may differ.

Comparing the claims of every pair of related stories is most of the link step, and an edit to
one article changes few of those comparisons. What one pair's comparison gives depends on the
two articles' claim keys and slugs, and on the archive only through whether a word is rare (used
by at most `rare` claims, `claim_links.rarity`), asked of words among the two articles' stems.
So a pair compared last time gives the same links now where both articles' keys are the same and
none of their stems changed from rare to common or back; only the other pairs are compared again.
`ClaimMemo` keeps what that takes: every article's fingerprint, the pairs compared, how often each
word was used, and the links found.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from newsarchive.link.claim_links import link_claims, rarity, related_stories
from newsarchive.link.pieces import LinkPieces
from newsarchive.link.table import ClaimLinkBuilder, ClaimLinkTable
from newsarchive.records import Article


@dataclass(frozen=True, slots=True)
class ClaimMemo:
    """What one linking of the claims leaves for the next."""

    slugs: tuple[str, ...]
    prints: tuple[str | None, ...]
    """Each article's fingerprint (of its link pieces), by its place in `slugs`; None: unknown."""
    pairs: array[int]
    """The pairs of articles compared, as `x * len(slugs) + y` (places in `slugs`, x < y), sorted."""
    df: dict[str, int]
    rare: int
    links: ClaimLinkTable
    """The links found between the claims (editors' links not among them)."""

    def compared(self, a: str, b: str, place: dict[str, int]) -> bool:
        """Return True where the articles `a` and `b` were compared (`place`: slug → place in slugs)."""
        x, y = sorted((place[a], place[b]))
        key = x * len(self.slugs) + y
        i = bisect_left(self.pairs, key)
        return i < len(self.pairs) and self.pairs[i] == key


def link_claims_again(articles: Sequence[Article], pieces: Sequence[LinkPieces], prints: Sequence[str | None],
                      memo: ClaimMemo | None) -> tuple[ClaimLinkTable, ClaimMemo]:
    """Return the claim links of `articles` (as `link_claims` finds them) and the memo for next time.

    `prints` fingerprint each article's `pieces` (same order); `memo` is the last linking's, or None.
    """
    df, rare = rarity(pieces)
    pairs = related_stories([p.names for p in pieces])
    slugs = tuple(a.slug for a in articles)
    builder = ClaimLinkBuilder()
    todo = pairs
    if memo is not None:
        todo = _reuse(memo, articles, pieces, prints, pairs, df, rare, builder)
    link_claims(articles, pieces, builder, todo, (df, rare))
    n = len(slugs)
    keys = array("q", sorted(min(x, y) * n + max(x, y) for x, y in pairs))
    found = builder.table()
    return found, ClaimMemo(slugs, tuple(prints), keys, dict(df), rare, found)


def _reuse(memo: ClaimMemo, articles: Sequence[Article], pieces: Sequence[LinkPieces],
           prints: Sequence[str | None], pairs: list[tuple[int, int]], df: dict[str, int], rare: int,
           builder: ClaimLinkBuilder) -> list[tuple[int, int]]:
    """Add the links of the pairs whose comparison cannot have changed; return the pairs to compare."""
    before = {slug: i for i, slug in enumerate(memo.slugs)}
    words = set(df) | set(memo.df)
    flipped = {w for w in words if (memo.df.get(w, 0) <= memo.rare) != (df.get(w, 0) <= rare)}
    same: set[str] = set()
    for art, own, mark in zip(articles, pieces, prints, strict=True):
        old = before.get(art.slug)
        if (mark is not None and old is not None and memo.prints[old] == mark
                and not any(flipped.intersection(k.stems) for k in own.claims)):
            same.add(art.slug)
    kept: set[tuple[str, str]] = set()
    todo: list[tuple[int, int]] = []
    for x, y in pairs:
        a, b = sorted((articles[x].slug, articles[y].slug))
        if a in same and b in same and memo.compared(a, b, before):
            kept.add((a, b))
        else:
            todo.append((x, y))
    for link in memo.links:
        if (link.a.article, link.b.article) in kept:
            builder.add_link(link)
    return todo
