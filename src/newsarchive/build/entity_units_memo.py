"""The people's and sources' page keys, kept from the last build while the people and sources are the same.

An entity's unit key (`pages.entity_unit`) hashes the entity's record and the content key of
every article it draws on (`pages.drawn_on`). Where the link step kept the last build's people and
sources (`EntitiesMemo`: same inputs, same entities, in the same order), only the entities
drawing on an article whose content key changed can have a new key; the others keep theirs. So
the last build's keys are kept with the content keys they were made from and, for each article,
the entities drawing on it, under a hash of the code, the templates and config (`base`), with the
entities' own key.

Where the people and sources are others (a quote added for a named speaker, an article added or
removed: `EntitiesMemo` worked them out again), an entity that draws on no changed article keeps
its last key where its record is the same as last time. With the same names (`NamesMemo`: which
names are one entity) and the same pages in the same order, that needs no comparing: an entity is
gathered from the articles that name it or credit it, in archive order, and its page's name from
all entities' names, so one that draws on no changed article, before or now, is as it was.
Otherwise each is compared whole with the last build's (`EntitiesMemo.last`); where those cannot
be read, every entity is keyed afresh.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsarchive.build.cache import Cache
from newsarchive.build.entities_memo import EntitiesMemo
from newsarchive.build.memo import BlobMemo
from newsarchive.build.output import safe_relpath
from newsarchive.build.pages import Unit, UnitKind, drawn_on, entity_places, entity_unit
from newsarchive.records import Archive, Entity

ENTITY_UNITS = "entity-units"
"""The cache's name for the last build's entity units."""


@dataclass(frozen=True, slots=True)
class _Kept:
    entities: str
    """The key of the people and sources the units were made from (`EntitiesMemo.current`)."""
    linked: str
    """The key of the names they were gathered with (`NamesMemo.current`)."""
    content: dict[str, str]
    """The content keys the units were made from (slug → key)."""
    names: list[str]
    keys: list[str]
    """Each unit's name and key, in `pages.entity_places` order (plain strings: quick to read back)."""
    drawn: dict[str, list[int]]
    """Slug → the places of the entities drawing on that article."""


class EntityUnitsMemo(BlobMemo):
    """A `pages.EntityUnits` that keeps the last build's keys of the entities whose articles are unchanged."""

    def __init__(self, cache: Cache, entities: EntitiesMemo) -> None:
        super().__init__(cache, ENTITY_UNITS)
        self.entities = entities
        self.recomputed = 0
        """How many units were keyed afresh (all of them where nothing was kept)."""

    def __call__(self, archive: Archive, base: str, content: dict[str, str]) -> list[Unit]:
        places = entity_places(archive)
        if self.entities.current is None:  # the people and sources came from elsewhere
            return self._afresh(archive, places, base, content, None)
        current = self.entities.current
        key = self.key(base)
        kept = self.kept(key)
        if not isinstance(kept, _Kept) or len(kept.names) != len(kept.keys):
            return self._afresh(archive, places, base, content, key)
        changed = {slug for slug in kept.content.keys() | content.keys()
                   if kept.content.get(slug, "") != content.get(slug, "")}
        if kept.entities != current and kept.linked == self.entities.names.current:
            return self._same_names(archive, places, base, content, key, kept, changed)
        if kept.entities != current or len(kept.names) != len(places):
            last = self.entities.last(kept.entities)
            if last is None or len(last) != len(kept.names):
                return self._afresh(archive, places, base, content, key)
            return self._by_entity(archive, places, base, content, key, kept, last, changed)
        self.reused = True
        names, keys = list(kept.names), list(kept.keys)
        again = sorted({place for slug in changed for place in kept.drawn.get(slug, ())})
        for place in again:
            unit = entity_unit(archive, *places[place], base, content)
            names[place], keys[place] = unit.name, unit.key
        self.recomputed = len(again)
        # The same entities: gathered with the same names as the kept ones were.
        self.keep(key, _Kept(current, kept.linked, dict(content), names, keys, kept.drawn))
        return [Unit(name, kind, i, k) for (kind, i), name, k in zip(places, names, keys, strict=True)]

    def _same_names(self, archive: Archive, places: list[tuple[UnitKind, int]], base: str,
                    content: dict[str, str], key: str, kept: _Kept, changed: set[str]) -> list[Unit]:
        """Return the units of other people and sources gathered with the same names: where they
        have the same pages in the same order, an entity drawing on no `changed` article, last
        time or now, keeps its key; otherwise compare each (`_by_entity`)."""
        from newsarchive.render.context import entity_path

        names = [safe_relpath(entity_path((archive.people if kind == "person" else archive.sources)[i]))
                 for kind, i in places]
        if names != kept.names:
            last = self.entities.last(kept.entities)
            if last is None or len(last) != len(kept.names):
                return self._afresh(archive, places, base, content, key)
            return self._by_entity(archive, places, base, content, key, kept, last, changed)
        again = {place for slug in changed for place in kept.drawn.get(slug, ())}
        drawn: dict[str, list[int]] = {}
        for place, (kind, i) in enumerate(places):
            for slug in drawn_on((archive.people if kind == "person" else archive.sources)[i]):
                drawn.setdefault(slug, []).append(place)
        again.update(place for slug in changed for place in drawn.get(slug, ()))
        keys = list(kept.keys)
        for place in again:
            keys[place] = entity_unit(archive, *places[place], base, content).key
        self.recomputed = len(again)
        self.reused = True
        self.keep(key, _Kept(self.entities.current or "", self.entities.names.current or "", dict(content),
                             names, keys, drawn))
        return [Unit(name, kind, i, k) for (kind, i), name, k in zip(places, names, keys, strict=True)]

    def _by_entity(self, archive: Archive, places: list[tuple[UnitKind, int]], base: str,
                   content: dict[str, str], key: str, kept: _Kept, last: list[Entity],
                   changed: set[str]) -> list[Unit]:
        """Return the units of other people and sources: an entity whose record is as in `last` and
        that draws on no `changed` article keeps its key."""
        from newsarchive.render.context import entity_path

        was = {name: (ent, k) for name, ent, k in zip(kept.names, last, kept.keys, strict=True)}
        dirty = {kept.names[place] for slug in changed for place in kept.drawn.get(slug, ())}
        units: list[Unit] = []
        drawn: dict[str, list[int]] = {}
        for place, (kind, i) in enumerate(places):
            ent = (archive.people if kind == "person" else archive.sources)[i]
            name = safe_relpath(entity_path(ent))
            old = was.get(name) if name not in dirty else None
            if old is not None and old[0] == ent:
                units.append(Unit(name, kind, i, old[1]))
            else:
                units.append(entity_unit(archive, kind, i, base, content))
                self.recomputed += 1
            for slug in drawn_on(ent):
                drawn.setdefault(slug, []).append(place)
        self.reused = self.recomputed < len(units)
        self.keep(key, _Kept(self.entities.current or "", self.entities.names.current or "", dict(content),
                             [u.name for u in units], [u.key for u in units], drawn))
        return units

    def _afresh(self, archive: Archive, places: list[tuple[UnitKind, int]], base: str,
                content: dict[str, str], key: str | None) -> list[Unit]:
        units: list[Unit] = []
        drawn: dict[str, list[int]] = {}
        for place, (kind, i) in enumerate(places):
            units.append(entity_unit(archive, kind, i, base, content))
            for slug in drawn_on((archive.people if kind == "person" else archive.sources)[i]):
                drawn.setdefault(slug, []).append(place)
        self.recomputed = len(units)
        if key is not None:
            self.keep(key, _Kept(self.entities.current or "", self.entities.names.current or "",
                                 dict(content), [u.name for u in units], [u.key for u in units], drawn))
        return units
