"""The link step's people and sources, kept from the last build while what they are made of stays the same.

`link.archive.link_entities` reads of the articles only their order and `entity_inputs` (names,
aliases, roles, kinds, who said each quote and made each claim, editors' person requests), and
the code and lexicons that compare them. Most edits change none of these (a sentence reworded, a
paragraph added without a quote), so the last build's people, sources, names and diagnostics are
kept in the cache under a hash of them all, and worked out again (`NamesMemo` helping) otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsarchive.build.cache import Cache
from newsarchive.build.memo import BlobMemo
from newsarchive.build.names_memo import NamesMemo
from newsarchive.link.archive import entities_of, entity_inputs, order
from newsarchive.records import Archive, Article, Diagnostic, Entity

ENTITIES = "entities"
"""The cache's name for the last build's people and sources."""


@dataclass(frozen=True, slots=True)
class _Kept:
    """What `link_entities` made, but the articles (which the next build has afresh)."""

    people: tuple[Entity, ...]
    sources: tuple[Entity, ...]
    names: dict[tuple[str, str], str]
    diagnostics: tuple[Diagnostic, ...]


class EntitiesMemo(BlobMemo):
    """A `link_entities` that takes the last build's people and sources from the cache where it can.

    What it works out anew waits in `pending` until `save`, as in `NamesMemo` (the link step's
    child reads the cache meanwhile).
    """

    def __init__(self, cache: Cache) -> None:
        super().__init__(cache, ENTITIES)
        self.names = NamesMemo(cache)
        self.current: str | None = None
        """The key of this build's people and sources, once gathered: same key, same entities."""

    def __call__(self, articles: Sequence[Article]) -> Archive:
        ordered = order(articles)
        key = self.current = self.key(entity_inputs(ordered))
        kept = self.kept(key)
        if isinstance(kept, _Kept):
            self.reused = True
            return Archive(articles=ordered, people=kept.people, sources=kept.sources, names=kept.names,
                           diagnostics=kept.diagnostics)
        linked = entities_of(ordered, self.names)
        self.keep(key, _Kept(linked.people, linked.sources, linked.names, linked.diagnostics))
        return linked

    def save(self) -> None:
        """Keep what was worked out in this build for the next."""
        self.names.save()
        super().save()
