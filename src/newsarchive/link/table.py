"""Claim links in columns of ints, each `how` text kept once: a sequence of `ClaimLink`s made on demand.

A large archive links hundreds of thousands of claims (a story told in nine articles links each
of its claims to the other eight), and as objects (a `ClaimLink`, two `Ref`s and a `how` text
each) they took most of a build's memory. Here a link is six ints in one array; the slugs and
`how` texts are stored once each. `ClaimLinkTable` reads as a sequence of `ClaimLink`s, so the
renderer and tests see records; `touching` finds the links of one claim without a look-up table
of records.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from newsarchive.records import ClaimLink, Ref, Relation

_RELATIONS: tuple[Relation, ...] = ("agrees", "disagrees", "related")
_CODE = {r: i for i, r in enumerate(_RELATIONS)}
_WIDTH = 6
"""Ints per link: article a, claim a, article b, claim b, how text, relation * 2 + editorial."""


class ClaimLinkBuilder:
    """Collect claim links as ints; `table()` sorts them as the archive lists them."""

    def __init__(self) -> None:
        self._rows = array("q")
        self._slugs: dict[str, int] = {}
        self._hows: dict[str, int] = {}

    def add(self, a: str, a_index: int, b: str, b_index: int, relation: Relation, how: str,
            editorial: bool = False) -> None:
        """Add the link between claim `a_index` of article `a` and claim `b_index` of article `b`."""
        slugs, hows = self._slugs, self._hows
        self._rows.extend((slugs.setdefault(a, len(slugs)), a_index, slugs.setdefault(b, len(slugs)), b_index,
                           hows.setdefault(how, len(hows)), _CODE[relation] * 2 + editorial))

    def add_link(self, link: ClaimLink) -> None:
        """Add a link given as a record."""
        self.add(link.a.article, link.a.index, link.b.article, link.b.index, link.relation, link.how,
                 link.editorial)

    def table(self, sort: bool = True) -> ClaimLinkTable:
        """Return the links sorted by their first claim, then their second (slug, then index).

        Not `sort`ed, they stay in the order they were added.
        """
        hows = [""] * len(self._hows)
        for text, i in self._hows.items():
            hows[i] = text
        if not sort:
            return ClaimLinkTable(tuple(self._slugs), self._rows, tuple(hows))
        slugs = sorted(self._slugs)
        rank = array("q", bytes(8 * len(slugs)))
        for new, slug in enumerate(slugs):
            rank[self._slugs[slug]] = new
        rows = self._rows
        n = len(rows) // _WIDTH
        for r in range(0, len(rows), _WIDTH):
            rows[r] = rank[rows[r]]
            rows[r + 2] = rank[rows[r + 2]]
        # One int per link as the sort key (slug ranks and indexes side by side); the sort is stable.
        wide = max((max(rows[r + 1], rows[r + 3]) for r in range(0, len(rows), _WIDTH)), default=0) + 1
        count = len(slugs)
        keys = [((rows[r] * wide + rows[r + 1]) * count + rows[r + 2]) * wide + rows[r + 3]
                for r in range(0, len(rows), _WIDTH)]
        order = sorted(range(n), key=keys.__getitem__)
        del keys
        out = array("q")
        for i in order:
            out.extend(rows[i * _WIDTH : (i + 1) * _WIDTH])
        return ClaimLinkTable(tuple(slugs), out, tuple(hows))


class ClaimLinkTable(Sequence[ClaimLink]):
    """The claim links of an archive, compact; reads as a sequence of `ClaimLink` records."""

    __slots__ = ("_hows", "_rows", "_slugs", "_touching")

    def __init__(self, slugs: tuple[str, ...] = (), rows: array[int] | None = None,
                 hows: tuple[str, ...] = ()) -> None:
        self._slugs = slugs
        self._rows = rows if rows is not None else array("q")
        self._hows = hows
        self._touching: dict[str, array[int]] | None = None

    @staticmethod
    def of(links: Iterable[ClaimLink]) -> ClaimLinkTable:
        """Return the table of `links`, in their order (itself where it is one already)."""
        if isinstance(links, ClaimLinkTable):
            return links
        builder = ClaimLinkBuilder()
        for link in links:
            builder.add_link(link)
        return builder.table(sort=False)

    def __len__(self) -> int:
        return len(self._rows) // _WIDTH

    @overload
    def __getitem__(self, i: int) -> ClaimLink: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[ClaimLink]: ...

    def __getitem__(self, i: int | slice) -> ClaimLink | Sequence[ClaimLink]:
        if isinstance(i, slice):
            return tuple(self._link(r) for r in range(len(self))[i])
        n = len(self)
        if not -n <= i < n:
            raise IndexError("claim link index out of range")
        return self._link(i % n if n else i)

    def __iter__(self) -> Iterator[ClaimLink]:
        return (self._link(r) for r in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(x == y for x, y in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ClaimLinkTable({list(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (ClaimLinkTable, (self._slugs, self._rows, self._hows))

    def _link(self, r: int) -> ClaimLink:
        a, ai, b, bi, how, flags = self._rows[r * _WIDTH : (r + 1) * _WIDTH]
        return ClaimLink(Ref(self._slugs[a], ai), Ref(self._slugs[b], bi), _RELATIONS[flags >> 1],
                         self._hows[how], bool(flags & 1))

    def touching(self, slug: str, index: int) -> list[tuple[Ref, ClaimLink]]:
        """Return (the other claim, the link) for each link of claim `index` of article `slug`, in order."""
        out: list[tuple[Ref, ClaimLink]] = []
        for r, side in self._ends(slug):
            if self._rows[r * _WIDTH + 1 + 2 * side] == index:
                link = self._link(r)
                out.append((link.a if side else link.b, link))
        return out

    def of_article(self, slug: str) -> Iterator[tuple[int, str, int, Relation, str, bool]]:
        """Yield (its claim, other article, other claim, relation, how, editorial) for each link of
        an article, in order, without making records."""
        rows, slugs, hows = self._rows, self._slugs, self._hows
        for r, side in self._ends(slug):
            base = r * _WIDTH
            flags = rows[base + 5]
            mine, other = (base + 2, base) if side else (base, base + 2)
            yield (rows[mine + 1], slugs[rows[other]], rows[other + 1], _RELATIONS[flags >> 1],
                   hows[rows[base + 4]], bool(flags & 1))

    def _ends(self, slug: str) -> Iterator[tuple[int, int]]:
        """Yield (link number, 0 where the article is the link's first end, else 1), in order."""
        if self._touching is None:
            self._touching = self._index()
        return (divmod(end, 2) for end in self._touching.get(slug, ()))

    def relation(self, relation: Relation) -> Iterator[ClaimLink]:
        """Yield the links of one relation, in order."""
        code = _CODE[relation]
        rows = self._rows
        return (self._link(r) for r in range(len(self)) if rows[r * _WIDTH + 5] >> 1 == code)

    def _index(self) -> dict[str, array[int]]:
        """Return slug → the ends of links in that article (link number * 2 + side), in link order."""
        ends: dict[int, array[int]] = {}
        rows = self._rows
        for r in range(len(self)):
            base = r * _WIDTH
            ends.setdefault(rows[base], array("q")).append(2 * r)
            ends.setdefault(rows[base + 2], array("q")).append(2 * r + 1)
        return {self._slugs[a]: found for a, found in ends.items()}

