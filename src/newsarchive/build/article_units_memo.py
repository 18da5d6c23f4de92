"""The articles' page keys, kept from the last build where only some articles' content changed.

An article's unit key (`pages.article_unit`) hashes its content key, the names it links to (each
with its entity's id and kind) and its claim links (each with the other article's content key).
Where the link step kept the last build's people and sources (`EntitiesMemo`: the same names,
entities and kinds) and the claim links are the very same table as last time (compared whole:
slugs, rows and `how` texts), only an article whose content key changed, or one linked to such an
article, can have a new key; the others keep theirs. So the last build's keys are kept with the
content keys they were made from, under a hash of the code, templates and config (`base`), with
the entities' key and a hash of each article's names. On other people and sources (a quote added
for a named speaker, an article added or removed) with the same claim links, an article whose
names, with their entities' ids and kinds, hash as last time keeps its key too; on other claim
links, everything is keyed afresh.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from newsarchive.build.cache import Cache
from newsarchive.build.entities_memo import EntitiesMemo
from newsarchive.build.fingerprint import digest
from newsarchive.build.memo import BlobMemo
from newsarchive.build.pages import Unit, article_names, article_unit, article_units
from newsarchive.link.table import ClaimLinkTable
from newsarchive.records import Archive

ARTICLE_UNITS = "article-units"
"""The cache's name for the last build's article units."""


@dataclass(frozen=True, slots=True)
class _Kept:
    entities: str
    """The key of the people and sources the units were made with (`EntitiesMemo.current`)."""
    names: dict[str, str]
    """Slug → a hash of the names its article links to (`pages.article_names`)."""
    links: str
    """`table_digest` of the claim links the keys were made with."""
    content: dict[str, str]
    """The content keys the units were made from (slug → key)."""
    units: dict[str, tuple[str, str]]
    """Slug → its unit's name and key."""


def table_digest(links: ClaimLinkTable) -> str:
    """Return a hash of the whole table: its slugs, its rows and its `how` texts, in order."""
    slugs, rows, hows = links.__reduce__()[1]
    h = hashlib.blake2b(digest_size=16)
    for texts in (slugs, hows):
        for text in texts:
            data = text.encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
        h.update(b"\xff" * 8)  # no text is 2**64 - 1 bytes long: the end of the list
    h.update(rows.tobytes())
    return h.hexdigest()


class ArticleUnitsMemo(BlobMemo):
    """A `pages.article_units` that keeps the last build's keys of the articles whose inputs are the same."""

    def __init__(self, cache: Cache, entities: EntitiesMemo) -> None:
        super().__init__(cache, ARTICLE_UNITS)
        self.entities = entities
        self.recomputed = 0
        """How many units were keyed afresh (all of them where nothing was kept)."""
        self.renamed: tuple[str, set[str]] | None = None
        """The key of the last build's people and sources, and the slugs of the articles whose names
        hash otherwise than they did with those (new ones among them); None where that is not known
        (nothing kept). The quotes' and claims' places of the others link to the same pages
        (`build.groups_memo`)."""

    def __call__(self, archive: Archive, base: str, content: dict[str, str],
                 names_of: dict[str, list[str]] | None = None) -> list[Unit]:
        current = self.entities.current
        if current is None:  # the people and sources came from elsewhere
            return self._afresh(archive, base, content, names_of, None, "", {})
        key = self.key(base)
        links = ClaimLinkTable.of(archive.claim_links)
        table = table_digest(links)
        kept = self.kept(key)
        if names_of is None:
            names_of = article_names(archive)
        if not isinstance(kept, _Kept):
            return self._afresh(archive, base, content, names_of, key, table, {})
        # Other people and sources: the names an article links to may be others too.
        if kept.entities == current:
            names = {a.slug: kept.names[a.slug] for a in archive.articles if a.slug in kept.names}
        else:
            names = {}
        for art in archive.articles:
            if art.slug not in names:
                names[art.slug] = _names_digest(names_of.get(art.slug, []))
        renamed = {slug for slug, named in names.items() if kept.names.get(slug) != named}
        self.renamed = (kept.entities, renamed)
        if kept.links != table:
            return self._afresh(archive, base, content, names_of, key, table, names)
        self.reused = True
        changed = {slug for slug in kept.content.keys() | content.keys()
                   if kept.content.get(slug) != content.get(slug)}
        # An article shows the content key of each article its claims are linked to.
        again = changed | renamed
        again.update(other for slug in changed for _, other, *_ in links.of_article(slug))
        units: list[Unit] = []
        made: dict[str, tuple[str, str]] = {}
        for i, art in enumerate(archive.articles):
            slug = art.slug
            found = kept.units.get(slug) if slug not in again else None
            if found is None:
                unit = article_unit(i, art, base, content, names_of, links)
                found = (unit.name, unit.key)
                self.recomputed += 1
            made[slug] = found
            units.append(Unit(found[0], "article", i, found[1]))
        self.keep(key, _Kept(current, names, table, dict(content), made))
        return units

    def _afresh(self, archive: Archive, base: str, content: dict[str, str],
                names_of: dict[str, list[str]] | None, key: str | None, table: str,
                names: dict[str, str]) -> list[Unit]:
        """Key every article's unit; `names`, each one's names hashed where already done."""
        if names_of is None:
            names_of = article_names(archive)
        units = article_units(archive, base, content, names_of)
        self.recomputed = len(units)
        if key is not None:
            slugs = [archive.articles[u.index].slug for u in units]
            for slug in slugs:
                if slug not in names:
                    names[slug] = _names_digest(names_of.get(slug, []))
            self.keep(key, _Kept(self.entities.current or "", names, table, dict(content),
                                 {slug: (u.name, u.key) for slug, u in zip(slugs, units, strict=True)}))
        return units


def _names_digest(names: list[str]) -> str:
    """Return a hash of an article's `article_names`: same hash, same pages linked to."""
    return digest(*names)
