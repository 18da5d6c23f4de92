"""Link the claims of an archive again after a few articles changed, comparing only what may differ.

Comparing the claims of every pair of related stories is most of the link step, and an edit to
one article changes few of those comparisons. What one pair's comparison gives depends on the
two articles' claim keys and slugs, and on the archive only through whether a word is rare (used
by at most `rare` claims, `claim_links.rarity`), asked of words among the two articles' stems.
So a pair compared last time gives the same links now where both articles' keys are the same and
none of their stems changed from rare to common or back; only the other pairs are compared again.
`ClaimMemo` keeps what that takes: every article's fingerprint, the pairs compared, how often each
word was used, and the links found.

It keeps as well what the rest of the archive's linking needs of each article (`StoryWords`: the
names it uses, the words of its claims), so that only the link pieces of the articles that changed,
and of those compared with them, are read back: an unchanged article's fingerprint says its
pieces, hence its words, are as last time.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from newsarchive.link.claim_links import compare_stories, rare_limit, related_stories
from newsarchive.link.pieces import LinkPieces
from newsarchive.link.table import ClaimLinkBuilder, ClaimLinkTable
from newsarchive.records import Article

_SEP = "\0"
_ESCAPED = re.compile(r"\\(.)", re.S)


def _escape(word: str) -> str:
    """Return `word` without `_SEP` in it (and `_unescape` gives it back)."""
    return word.replace("\\", "\\\\").replace(_SEP, "\\z") if "\\" in word or _SEP in word else word


def _unescape(word: str) -> str:
    return _ESCAPED.sub(lambda m: _SEP if m.group(1) == "z" else m.group(1), word) if "\\" in word else word


class StoryWords(NamedTuple):
    """What linking the rest of the archive needs of one article's link pieces."""

    print: str | None
    """The fingerprint of the pieces these were taken from; None: unknown."""
    names: frozenset[str]
    """The names the article uses (`LinkPieces.names`)."""
    words: str
    """Each claim's stems, claim after claim, escaped, each between two `_SEP` (one string pickles fast)."""
    claims: int
    """How many claims the article has."""

    @classmethod
    def of(cls, pieces: LinkPieces, mark: str | None) -> StoryWords:
        """Return the story words of `pieces`, whose fingerprint is `mark`."""
        stems = [_escape(w) for k in pieces.claims for w in sorted(k.stems)]
        return cls(mark, pieces.names, _SEP + "".join(w + _SEP for w in stems), len(pieces.claims))

    def counts(self) -> Counter[str]:
        """Return how many of the article's claims use each word."""
        if len(self.words) == 1:
            return Counter()
        return Counter(_unescape(w) for w in self.words[1:-1].split(_SEP))

    def uses_any(self, words: set[str]) -> bool:
        """Return True where a claim of the article uses one of `words`."""
        if len(words) > 32:
            return not {_escape(w) for w in words}.isdisjoint(self.words[1:-1].split(_SEP))
        return any(f"{_SEP}{_escape(w)}{_SEP}" in self.words for w in words)


@dataclass(frozen=True, slots=True)
class ClaimMemo:
    """What one linking of the claims leaves for the next."""

    slugs: tuple[str, ...]
    stories: tuple[StoryWords, ...]
    """Each article's fingerprint, names and words, by its place in `slugs`."""
    pairs: array[int]
    """The pairs of articles compared, as `x * len(slugs) + y` (places in `slugs`, x < y), sorted."""
    df: dict[str, int]
    rare: int
    links: ClaimLinkTable
    """The links found between the claims (editors' links not among them)."""

    @property
    def prints(self) -> tuple[str | None, ...]:
        """Each article's fingerprint (of its link pieces), by its place in `slugs`; None: unknown."""
        return tuple(s.print for s in self.stories)


Fetch = Callable[[list[int]], list[LinkPieces]]
"""Return the link pieces of the articles at these indices, in the same order."""


def link_claims_again(articles: Sequence[Article], pieces: Sequence[LinkPieces] | Fetch,
                      prints: Sequence[str | None],
                      memo: ClaimMemo | None) -> tuple[ClaimLinkTable, ClaimMemo]:
    """Return the claim links of `articles` (as `link_claims` finds them) and the memo for next time.

    `pieces` are the articles' link pieces (same order), or what fetches them by index: only
    those of articles that changed since `memo` (the last linking's, or None), and of those
    compared with them, are fetched. `prints` fingerprint each article's pieces (same order); a
    fetch may set an article's to None (its pieces were damaged, and worked out again).
    """
    fetch: Fetch = pieces if callable(pieces) else (lambda wanted: [pieces[i] for i in wanted])
    before = {slug: i for i, slug in enumerate(memo.slugs)} if memo is not None else {}
    old: list[int | None] = []
    for art, mark in zip(articles, prints, strict=True):
        place = before.get(art.slug)
        same = (mark is not None and place is not None and memo is not None
                and memo.stories[place].print == mark)
        old.append(place if same else None)
    fetched: dict[int, LinkPieces] = {}
    fresh = [i for i, place in enumerate(old) if place is None]
    fetched.update(zip(fresh, fetch(fresh), strict=True))
    stories = [memo.stories[place] if memo is not None and place is not None
               else StoryWords.of(fetched[i], prints[i]) for i, place in enumerate(old)]
    df = _word_counts(memo, old, stories)
    rare = rare_limit(sum(s.claims for s in stories))
    pairs = related_stories([s.names for s in stories])
    builder = ClaimLinkBuilder()
    todo = pairs
    if memo is not None:
        todo = _reuse(memo, articles, old, stories, pairs, df, rare, builder)
    wanted = sorted({i for pair in todo for i in pair} - fetched.keys())
    fetched.update(zip(wanted, fetch(wanted), strict=True))
    compare_stories(articles, fetched, todo, (df, rare), builder)
    n = len(articles)
    keys = array("q", sorted(min(x, y) * n + max(x, y) for x, y in pairs))
    found = builder.table()
    slugs = tuple(a.slug for a in articles)
    return found, ClaimMemo(slugs, tuple(stories), keys, dict(df), rare, found)


def _word_counts(memo: ClaimMemo | None, old: list[int | None], stories: list[StoryWords]) -> Counter[str]:
    """Return how many claims use each word (`rarity`): the memo's, less the articles gone, plus the new."""
    if memo is None:
        df: Counter[str] = Counter()
        for s in stories:
            df.update(s.counts())
        return df
    df = Counter(memo.df)
    kept = set(old)
    for i, story in enumerate(memo.stories):
        if i not in kept:
            df.subtract(story.counts())
    for place, story in zip(old, stories, strict=True):
        if place is None:
            df.update(story.counts())
    for word in [w for w, n in df.items() if n <= 0]:
        del df[word]
    return df


def _reuse(memo: ClaimMemo, articles: Sequence[Article], old: list[int | None], stories: list[StoryWords],
           pairs: list[tuple[int, int]], df: Counter[str], rare: int,
           builder: ClaimLinkBuilder) -> list[tuple[int, int]]:
    """Add the links of the pairs whose comparison cannot have changed; return the pairs to compare.

    `old` gives each article's place in the memo where its pieces are the same, else None.
    """
    words = set(df) | set(memo.df)
    flipped = {w for w in words if (memo.df.get(w, 0) <= memo.rare) != (df.get(w, 0) <= rare)}
    same = [place if place is not None and not (flipped and story.uses_any(flipped)) else None
            for place, story in zip(old, stories, strict=True)]
    m = len(memo.slugs)
    compared = set(memo.pairs)
    kept: set[tuple[str, str]] = set()
    todo: list[tuple[int, int]] = []
    for x, y in pairs:
        a, b = same[x], same[y]
        if a is not None and b is not None and min(a, b) * m + max(a, b) in compared:
            kept.add((min(articles[x].slug, articles[y].slug), max(articles[x].slug, articles[y].slug)))
        else:
            todo.append((x, y))
    for link in memo.links:
        if (link.a.article, link.b.article) in kept:
            builder.add_link(link)
    return todo
