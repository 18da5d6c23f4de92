"""How the quotes' or claims' groups fall on pages (`Cut`), and the last build's cut with an edit put in.

`build.groups_memo` keeps a build's cut for the next. An edit that adds or removes a quote or
claim in a group the archive already has (the usual one: a paragraph with a figure, a claim the
writer states) changes the cut only from that place on; `recut` takes the changed articles'
places out of the last cut and puts their places now in, in the order grouping them afresh
gives (by article, then index), and cuts the groups' new lengths into pages; an article added or
removed is put in or taken out the same way. Where that cannot be told without grouping everything
again (a new group, a group emptied, a group whose first place, which names it, now names it
otherwise) it gives up, and the groups are made afresh.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from newsarchive.records import Article
from newsarchive.render import shared
from newsarchive.render.context import ArchiveIndex
from newsarchive.render.shared import SplitGroups


@dataclass(frozen=True, slots=True)
class Cut:
    """How one list's groups fell on pages, and which quote or claim is where."""

    groups: list[tuple[str, str | None, str, str, str | None]]
    """Each group's name, page, slug, key (its speaker's page, else "name:" and the name) and the
    speaker of its first place (who named it), in order."""
    starts: array[int]
    """Where each group's places begin in `slugs` and `indexes`, and their end."""
    slugs: list[str]
    """The article of every place listed, group after group."""
    indexes: array[int]
    """Each place's index among its article's quotes or claims."""
    pages: list[list[tuple[int, int, int]]]
    """For each page, (group, first place, end) of each part of a group on it."""

    def places_of(self, slug: str) -> list[int]:
        """Return where the article's places are in `slugs`."""
        out: list[int] = []
        slugs, at = self.slugs, -1
        while True:
            try:
                at = slugs.index(slug, at + 1)
            except ValueError:
                return out
            out.append(at)

    def shape(self, slug: str) -> list[tuple[int, str, str | None]]:
        """Return (index, group key, speaker where it names the group) of each of the article's places."""
        out: list[tuple[int, str, str | None]] = []
        for at in self.places_of(slug):
            gi = bisect_right(self.starts, at) - 1
            first = at == self.starts[gi]  # the place whose speaker names the group
            out.append((self.indexes[at], self.groups[gi][3], self.groups[gi][4] if first else None))
        return sorted(out)

    def pages_of(self, slug: str) -> set[int]:
        """Return the pages (from 1) showing one of the article's places."""
        wanted: dict[int, list[int]] = {}
        for at in self.places_of(slug):
            gi = bisect_right(self.starts, at) - 1
            wanted.setdefault(gi, []).append(at - self.starts[gi])
        return {number for number, parts in enumerate(self.pages, start=1) for gi, start, end in parts
                if any(start <= n < end for n in wanted.get(gi, ()))}

    def size(self, group: int) -> int:
        """Return the number of places in the group."""
        return self.starts[group + 1] - self.starts[group]

    def shows(self, number: int) -> list[tuple[list[str], array[int]]]:
        """Return the articles and indexes of the places of each part on page `number`."""
        out = []
        for gi, start, end in self.pages[number - 1]:
            at = self.starts[gi] + start
            out.append((self.slugs[at : at + end - start], self.indexes[at : at + end - start]))
        return out


def group_key(who: str | None, href: str | None) -> str:
    """Return what a listed quote or claim is grouped by (`render.views`): its speaker's page, else name."""
    return href or f"name:{who or ''}"


def shape(index: ArchiveIndex, article: Article, quotes: bool) -> list[tuple[int, str, str | None]]:
    """Return (index, group key, speaker) of each quote (or claim) of the article listed now."""
    slug, names = article.doc.slug, index.names
    listed = ([(i, q.speaker) for i, q in enumerate(article.quotes) if q.kind != "scare"] if quotes
              else [(i, c.by) for i, c in enumerate(article.claims)])
    return [(i, group_key(who, names.get((slug, who)) if who else None), who) for i, who in listed]


def holds(cut: Cut, index: ArchiveIndex, article: Article, quotes: bool) -> bool:
    """Return True where the article's places fall in `cut` as they did: the same groups, the same names."""
    was, now = cut.shape(article.doc.slug), shape(index, article, quotes)
    return (len(was) == len(now) and all(i == j and k == m and (w is None or w == who)
                                         for (i, k, w), (j, m, who) in zip(was, now, strict=True)))


def cut_of(split: SplitGroups) -> Cut:
    """Return how `split`'s groups fall on pages, with every place's article and index."""
    groups = split.groups
    starts = array("i", [0])
    slugs: list[str] = []
    indexes = array("i")
    for g in groups:
        slugs.extend([p.article.doc.slug for p in g.places])
        indexes.extend([p.index for p in g.places])
        starts.append(len(slugs))
    number = {id(g): i for i, g in enumerate(groups)}
    pages: list[list[tuple[int, int, int]]] = []
    done = [0] * len(groups)
    for page in split.split:
        parts: list[tuple[int, int, int]] = []
        for part in page:
            i = number[id(part.group)]
            start = done[i]  # the group's places on earlier pages
            done[i] = start + len(part.places)
            parts.append((i, start, done[i]))
        pages.append(parts)
    meta = [(g.name, g.href, g.slug, group_key(g.places[0].who, g.places[0].who_href) if g.places else "",
             g.places[0].who if g.places else None) for g in groups]
    return Cut(meta, starts, slugs, indexes, pages)


def recut(cut: Cut, index: ArchiveIndex, order: Sequence[str], changed: Sequence[Article],
          quotes: bool, removed: Collection[str] = ()) -> Cut | None:
    """Return `cut` with the changed articles' places as they are now and the removed articles' taken
    out (`order`: the articles' slugs in archive order now; the others' order is as last time); None
    where the groups would not be the same groups, named the same."""
    where = {slug: n for n, slug in enumerate(order)}
    number = {g[3]: gi for gi, g in enumerate(cut.groups)}
    gone = {a.doc.slug for a in changed} | set(removed)
    added: dict[int, list[tuple[int, int, str]]] = {}
    said: dict[tuple[str, int], str | None] = {}
    for art in changed:
        for i, key, who in shape(index, art, quotes):
            gi = number.get(key)
            if gi is None:  # a group the last build did not have
                return None
            added.setdefault(gi, []).append((where[art.doc.slug], i, art.doc.slug))
            said[art.doc.slug, i] = who
    touched = set(added)
    for slug in gone:
        touched.update(bisect_right(cut.starts, at) - 1 for at in cut.places_of(slug))
    slugs: list[str] = []
    indexes = array("i")
    starts = array("i", [0])
    for gi in range(len(cut.groups)):
        begin, end = cut.starts[gi], cut.starts[gi + 1]
        if gi not in touched:
            slugs.extend(cut.slugs[begin:end])
            indexes.extend(cut.indexes[begin:end])
        else:
            g_slugs = [s for s in cut.slugs[begin:end] if s not in gone]
            g_indexes = [i for s, i in zip(cut.slugs[begin:end], cut.indexes[begin:end], strict=True)
                         if s not in gone]
            for pos, i, slug in sorted(added.get(gi, ())):
                at = bisect_left(range(len(g_slugs)), (pos, i), key=_placed(where, g_slugs, g_indexes))
                g_slugs.insert(at, slug)
                g_indexes.insert(at, i)
            # The first place names the group: it must name it as last time's did.
            if not g_slugs or _speaker(index, said, quotes, g_slugs[0], g_indexes[0]) != cut.groups[gi][4]:
                return None
            slugs.extend(g_slugs)
            indexes.extend(g_indexes)
        starts.append(len(slugs))
    pages = split_sizes([starts[gi + 1] - starts[gi] for gi in range(len(cut.groups))])
    return Cut(cut.groups, starts, slugs, indexes, pages)


def _speaker(index: ArchiveIndex, said: dict[tuple[str, int], str | None], quotes: bool, slug: str,
             i: int) -> str | None:
    """Return the speaker (or source) of a listed quote (or claim) as its article names it."""
    if (slug, i) in said:
        return said[slug, i]
    article = index.articles[slug]
    return article.quotes[i].speaker if quotes else article.claims[i].by


def _placed(where: dict[str, int], slugs: list[str], indexes: list[int]) -> Callable[[int], tuple[int, int]]:
    """Return the order of a group's place `n`: its article's place in the archive, then its index."""
    return lambda n: (where[slugs[n]], indexes[n])


def split_sizes(sizes: Sequence[int]) -> list[list[tuple[int, int, int]]]:
    """Return (group, first place, end) of each part on each page, as `shared.split_groups` cuts them."""
    size = shared.PAGE_SIZE
    pages: list[list[tuple[int, int, int]]] = [[]]
    room = size
    for gi, n in enumerate(sizes):
        start = 0
        while start < n or (start == 0 and not n):
            if room == 0:
                pages.append([])
                room = size
            taken = min(room, n - start)
            pages[-1].append((gi, start, start + taken))
            start += max(taken, 1)
            room -= taken
    return pages


def same_page(was: Cut, now: Cut, number: int, counted: bool) -> bool:
    """Return True where page `number` shows what it showed in `was`: the same parts of the same
    groups, the same places, and no count it prints changed (the page's contents aside)."""
    if len(was.pages) != len(now.pages):
        return False  # every page's title and pager changed
    if was.pages[number - 1] != now.pages[number - 1]:
        return False
    resized = [gi for gi, _, _ in now.pages[number - 1] if was.size(gi) != now.size(gi)]
    if number == 1 and any(was.size(gi) != now.size(gi) for gi in range(len(now.groups))):
        return False  # the first page's list of groups gives each one's count
    if any(counted or start == 0 for gi, start, _ in now.pages[number - 1] if gi in resized):
        return False
    return was.shows(number) == now.shows(number)
