"""The link step's people and sources, kept from the last build while what they are made of stays the same.

`link.archive.link_entities` reads of the articles only their order and `entity_inputs` (names,
aliases, roles, kinds, who said each quote and made each claim, editors' person requests), and
the code and lexicons that compare them. Most edits change none of these (a sentence reworded, a
paragraph added without a quote), so the last build's people, sources, names and diagnostics are
kept in the cache under a hash of them all, and worked out again (`NamesMemo` helping) otherwise.
Where they are worked out again, the last build's stay readable (`last`) until `save`: the memos of
the people's and sources' pages compare each entity with its last record (`EntityUnitsMemo`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsarchive.build.cache import Cache, loads
from newsarchive.build.fingerprint import digest
from newsarchive.build.memo import BlobMemo
from newsarchive.build.names_memo import NamesMemo
from newsarchive.link.archive import entities_of, entity_inputs, order
from newsarchive.records import Archive, Article, Diagnostic, Entity

ENTITIES = "entities"
"""The cache's name for the last build's people and sources."""
INPUT_DIGESTS = "entity-input-digests"
"""The cache's name for the hashes of each article's entity inputs, by input key and slug."""


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

    def __init__(self, cache: Cache, keys: Mapping[str, str] | None = None) -> None:
        super().__init__(cache, ENTITIES)
        self.names = NamesMemo(cache)
        self.keys = keys or {}
        """Article path → its input key, where known: an article's entity inputs are a function of it."""
        self.digests = BlobMemo(cache, INPUT_DIGESTS)
        self.current: str | None = None
        """The key of this build's people and sources, once gathered: same key, same entities."""
        self._last: tuple[str, bytes] | None = None
        """The last build's key and pickled `_Kept`, where this build's people and sources are not those."""

    def __call__(self, articles: Sequence[Article]) -> Archive:
        ordered = order(articles)
        key = self.current = self.key(self.input_digests(ordered))
        kept = self.kept(key)
        if isinstance(kept, _Kept):
            self.reused = True
            return Archive(articles=ordered, people=kept.people, sources=kept.sources, names=kept.names,
                           diagnostics=kept.diagnostics)
        self._last = self.cache.last_blob(self.kind)
        linked = entities_of(ordered, self.names)
        self.keep(key, _Kept(linked.people, linked.sources, linked.names, linked.diagnostics))
        return linked

    def last(self, key: str) -> list[Entity] | None:
        """Return the people and then the sources whose key was `key`, where they are the last build's
        and this build has others (None otherwise, where they cannot be read, or asked again: they are
        let go once read)."""
        if self._last is None or self._last[0] != key:
            return None
        kept = loads(self._last[1])
        self._last = None  # read once
        return [*kept.people, *kept.sources] if isinstance(kept, _Kept) else None

    def input_digests(self, ordered: Sequence[Article]) -> list[str]:
        """Return a hash of each article's `entity_inputs`, in order: same hashes, same inputs.

        Hashing the `repr` of every article's inputs took 0.07 s of a one-change rebuild of 2,225
        articles; an article's inputs are a function of its record (its input key) and its slug
        (which `unique_slugs` may change), so the last build's hashes are kept under both.
        """
        key = self.digests.key("entity input digests")
        last = self.digests.kept(key)
        known: dict[tuple[str, str], str] = last if isinstance(last, dict) else {}
        fresh: dict[tuple[str, str], str] = {}
        out: list[str] = []
        for art in ordered:
            at = (self.keys.get(art.path, ""), art.slug)
            found = known.get(at) if at[0] else None
            if found is None:
                found = digest(repr(entity_inputs([art])[0]))
            if at[0]:
                fresh[at] = found
            out.append(found)
        if fresh != known:
            self.digests.keep(key, fresh)
        return out

    def save(self) -> None:
        """Keep what was worked out in this build for the next."""
        self.names.save()
        self.digests.save()
        super().save()
