"""How the quotes' and claims' groups fell on their pages, kept from the last build while the same.

quotes.html and claims.html (and their numbered pages) list every quote and claim of the archive
by speaker or source. Planning them made a `Place` of each of ~26,000 quotes and claims, grouped
and cut them into pages and hashed every page's parts (~60 ms of a one-change rebuild's main
process of 2,225 articles), though one edited article changes only the pages showing its own.

Which group each listed quote or claim falls in, and so the cut into pages, is a function of the
articles' order and, for each, which of its quotes and claims are listed with what speaker or
source and page (its `shape`). Only an article whose content key changed, or whose names link to
other pages than last time (`ArticleUnitsMemo.renamed`: a person who gained or lost a quote may
be another entity; with the people and sources the link step kept, no article's), can have
another shape; an article added or removed is one of those, and the others keep their order
(archive order is a function of each article's content). Where each such article's shape is as
last time and the articles' order is, the last build's cut is kept: a page showing none of the
changed articles keeps its key (its parts are the same), and only the pages that show one make
their groups again, from the places' (article, index) kept for each group; otherwise the changed
places are moved in (`group_cut.recut`). Anything else (a new group or one emptied, names not
known to be the same, a kept result that cannot be read) groups everything afresh and keeps that
cut for the next build.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import overload

from newsarchive.build.cache import Cache, loads
from newsarchive.build.entities_memo import EntitiesMemo
from newsarchive.build.group_cut import Cut, cut_of, holds, recut, same_page
from newsarchive.build.memo import BlobMemo
from newsarchive.records import Archive, Article
from newsarchive.render.context import ArchiveIndex, Place
from newsarchive.render.shared import (
    GroupPages,
    GroupPart,
    SharedPage,
    SplitGroups,
    first_pages,
    jump_list,
    page_paths,
)
from newsarchive.render.views import Group

GROUP_LAYOUT = "group-layout"
"""The cache's name for the last build's cut of the groups into pages."""
GROUP_KEYS = "group-keys"
"""The cache's name for the last build's keys of the group pages and the content keys they were made of."""



@dataclass(frozen=True, slots=True)
class _Layout:
    order: list[str]
    """The articles' slugs, in archive order."""
    cuts: dict[str, Cut]
    """"quotes" and "claims" → its cut."""


@dataclass(frozen=True, slots=True)
class _Keys:
    entities: str
    """The key of the people and sources the pages were planned with (`EntitiesMemo.current`)."""
    layout: str
    """A hash of the pickled `_Layout` these keys were made with."""
    content: dict[str, str]
    """The content keys the pages were planned with (slug → key)."""
    keys: dict[str, str]
    """Page path → `SharedPage.key()`."""


class GroupsMemo:
    """The `GroupsOf` a build plans its shared pages with: the last build's cut where it still holds."""

    def __init__(self, cache: Cache, entities: EntitiesMemo, base: str, archive: Archive,
                 index: ArchiveIndex, content: dict[str, str],
                 renamed: tuple[str, set[str]] | None = None) -> None:
        """`renamed`: the articles whose names link to other pages than with the people and sources
        of a key, where known (`ArticleUnitsMemo.renamed`); needed only where they are others now."""
        self.cache = cache
        self.entities = entities.current or ""
        self.keys = BlobMemo(cache, GROUP_KEYS)
        self.archive, self.index, self.content = archive, index, content
        self.key: str | None = None
        """The key both kept results are under (None: the people and sources came from elsewhere)."""
        if entities.current is not None:
            self.key = self.keys.key((base, "groups"))
        self.kept: dict[str, Cut] = {}
        """The last build's cuts that still hold, by stem."""
        self.kept_id = ""
        self.last_keys: dict[str, str] = {}
        self.changed: set[str] = set()
        self.moved: dict[str, tuple[Cut, Cut]] = {}
        """The last build's cuts with the changed articles' places moved in (`group_cut.recut`), by stem."""
        self.fresh: dict[str, Cut] = {}
        self.paths: set[str] = set()
        """The paths of the group pages planned with this memo."""
        if self.key is not None:
            self._take_kept(renamed)

    @property
    def reused(self) -> bool:
        """True where both lists' cuts were kept from the last build."""
        return len(self.kept) == 2

    def _take_kept(self, renamed: tuple[str, set[str]] | None) -> None:
        assert self.key is not None
        data = self.cache.blob(GROUP_LAYOUT, self.key)
        keys = self.keys.kept(self.key)
        layout = loads(data or b"")
        if not isinstance(layout, _Layout) or not isinstance(keys, _Keys) or data is None:
            return
        if keys.layout != _layout_id(data):
            return
        if keys.entities == self.entities:
            named: set[str] = set()
        elif renamed is not None and renamed[0] == keys.entities:
            named = renamed[1]
        else:
            return
        content = self.content
        now = [a.slug for a in self.archive.articles]
        changed = {slug for slug in now if keys.content.get(slug) != content.get(slug)} | named
        removed = keys.content.keys() - content.keys()
        by_slug = self.index.articles
        # A changed article may have moved (its title or date changed): then its places move too.
        same_order = layout.order == now
        # An edit that adds a claim the writer states (a sentence with a figure) moves the claims,
        # not the quotes: each list's cut holds or not on its own.
        for stem, cut in layout.cuts.items():
            quotes = stem == "quotes"
            if same_order and all(holds(cut, self.index, by_slug[slug], quotes) for slug in changed):
                self.kept[stem] = cut
            elif (again := recut(cut, self.index, now, [by_slug[slug] for slug in changed], quotes,
                                 removed)) is not None:
                self.moved[stem] = (cut, again)
        self.kept_id, self.last_keys, self.changed = keys.layout, keys.keys, changed

    def __call__(self, stem: str, groups: Callable[[], list[Group]]) -> GroupPages:
        """Return how `stem`'s groups fall on pages: the last build's cut, else cut here and kept."""
        made: GroupPages
        if stem in self.kept:
            made = KeptGroups(stem, self.kept[stem], self.index, self.changed, self.last_keys)
        elif stem in self.moved:
            was, cut = self.moved[stem]
            made = KeptGroups(stem, cut, self.index, self.changed, self.last_keys, was)
            self.fresh[stem] = cut
        else:
            split = SplitGroups(groups())
            self.fresh[stem] = cut_of(split)
            made = split
        self.paths.update(page_paths(stem, made.count()))
        return made

    def save(self, pages: Sequence[SharedPage], keys: Sequence[str]) -> None:
        """Keep this build's cut (where made afresh) and the group pages' keys for the next build."""
        if self.key is None or self.cache.path is None:
            return
        listed = {p.path: k for p, k in zip(pages, keys, strict=True) if p.path in self.paths}
        layout_id = self.kept_id
        if self.fresh:
            data = pickle.dumps(_Layout([a.slug for a in self.archive.articles], {**self.kept, **self.fresh}),
                                protocol=pickle.HIGHEST_PROTOCOL)
            layout_id = _layout_id(data)
            self.cache.put_blob(GROUP_LAYOUT, self.key, data)
        self.keys.keep(self.key, _Keys(self.entities, layout_id, dict(self.content), listed))
        self.keys.save()


def _layout_id(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class _Places(Sequence[Place]):
    """A group's places, each made from its article and index when first read: a page showing part of
    a long group ("Stated by the writer": ~13,000 claims) makes only its own."""

    def __init__(self, cut: Cut, group: int, articles: dict[str, Article],
                 place: Callable[[Article, int], Place | None]) -> None:
        self.cut = cut
        self.start = cut.starts[group]
        self.size = cut.starts[group + 1] - self.start
        self.articles = articles
        self.place = place
        self.made: dict[int, Place] = {}

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, i: int) -> Place: ...

    @overload
    def __getitem__(self, i: slice) -> list[Place]: ...

    def __getitem__(self, i: int | slice) -> Place | list[Place]:
        if isinstance(i, slice):
            return [self[n] for n in range(*i.indices(self.size))]
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError("place index out of range")
        found = self.made.get(i)
        if found is None:
            at = self.start + i
            made = self.place(self.articles[self.cut.slugs[at]], self.cut.indexes[at])
            assert made is not None  # the same articles, the same places: the same quotes and claims
            found = self.made[i] = made
        return found

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # a list's, which it stands for, is not hashable either


class KeptGroups:
    """`GroupPages` of the last build's cut: groups made again only for the pages asked for."""

    def __init__(self, stem: str, cut: Cut, index: ArchiveIndex, changed: set[str],
                 last_keys: dict[str, str], was: Cut | None = None) -> None:
        self.cut = cut
        self.was = was
        """The last build's cut where `cut` is it with places moved: a page keeps its key only where it
        shows what it did (`group_cut.same_page`)."""
        self.index = index
        self.quotes = stem == "quotes"
        self.last_keys = last_keys
        self.paths = page_paths(stem, self.count())
        self.again = {n for slug in changed for n in cut.pages_of(slug)}
        """The pages showing a changed article's quote or claim: their keys are made afresh."""
        self.made: dict[int, Group] = {}

    def count(self) -> int:
        return max(len(self.cut.pages), 1)

    def _group(self, i: int) -> Group:
        group = self.made.get(i)
        if group is None:
            name, href, slug, _, _ = self.cut.groups[i]
            place = self.index.quote_place_of if self.quotes else self.index.claim_place_of
            group = self.made[i] = Group(name, href, _Places(self.cut, i, self.index.articles, place), slug)
        return group

    def page(self, number: int) -> list[GroupPart]:
        if number > len(self.cut.pages):
            return []
        return [GroupPart(g, g.places[start:end], continued=start > 0)
                for gi, start, end in self.cut.pages[number - 1] for g in (self._group(gi),)]

    def jump(self, paths: Sequence[str]) -> list[tuple[Group, str]]:
        count = len(self.cut.groups)
        first = first_pages(count, ([gi for gi, _, _ in parts] for parts in self.cut.pages))
        return jump_list([self._group(i) for i in range(count)], first, paths)

    def known(self, number: int, counted: bool) -> str | None:
        if number in self.again:
            return None
        if self.was is not None and not same_page(self.was, self.cut, number, counted):
            return None
        return self.last_keys.get(self.paths[number - 1])
