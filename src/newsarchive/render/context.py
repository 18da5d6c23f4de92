"""Look-up tables over one archive, built once and shared by every page rendered from it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from newsarchive.link.table import ClaimLinkTable
from newsarchive.load.files import slugify
from newsarchive.records import Archive, Article, ClaimLink, Entity, Ref

_SAFE = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*$")


@lru_cache(maxsize=1 << 16)
def safe_name(slug: str) -> str:
    """Return a slug usable as a file name in the site (no '..', no '/', no '.data' clash).

    Kept per slug: every page path is made from one, and a rebuild asks for ~20,000 (each
    person's and source's path alone up to three times while planning).
    """
    if _SAFE.match(slug) and not slug.endswith((".data", ".json")):
        return slug
    return slugify(slug)


def article_path(slug: str) -> str:
    """Return the site path of an article's page, relative to the site root."""
    return f"articles/{safe_name(slug)}.html"


def entity_path(entity: Entity) -> str:
    """Return the site path of a person's or source's page, relative to the site root."""
    folder = "people" if entity.kind == "person" else "sources"
    return f"{folder}/{safe_name(entity.id)}.html"


@dataclass(slots=True, unsafe_hash=True)
class Place:
    """A quote or claim as listed away from its article, linking back to its exact place.

    Not frozen, though never changed: a rebuild makes 25,700 of them to plan the quotes and claims
    pages, and a frozen dataclass's `__init__` (`object.__setattr__` per field) took 4x as long
    (0.107 -> 0.07 s of a one-change rebuild). Equal and hashed by value, as before.
    """

    article: Article
    index: int
    text: str
    href: str
    """Relative to the site root: articles/<slug>.html#q-N."""
    kind: str
    """The quote's kind, or "claim"."""
    who: str | None
    """The speaker, or the source a claim is credited to."""
    who_href: str | None
    editorial: bool = False
    why: str = ""


@dataclass(frozen=True, slots=True)
class LinkView:
    """A claim linked to one in another article, and how the link was found."""

    relation: str
    how: str
    place: Place
    editorial: bool


@dataclass(slots=True)
class ArchiveIndex:
    """Everything a page needs to find about the rest of the archive."""

    archive: Archive
    articles: dict[str, Article] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    """Site path (people/x.html, sources/y.html) → entity."""
    names: dict[tuple[str, str], str] = field(default_factory=dict)
    """(article slug, canonical name) → site path of the entity page."""
    links: ClaimLinkTable = field(default_factory=ClaimLinkTable)
    """The archive's claim links, which find those of one claim (`ClaimLinkTable.touching`)."""
    tags: dict[str, tuple[str, list[Article]]] = field(default_factory=dict)
    """Tag slug → (tag as written first, its articles newest first)."""
    tag_slugs: dict[str, str] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    """Article slug → `article_path` of it, worked out once: every quote and claim listed links there."""

    def article_path(self, slug: str) -> str:
        """Return `article_path(slug)`, kept for the next quote or claim of the same article."""
        path = self.paths.get(slug)
        if path is None:
            path = self.paths[slug] = article_path(slug)
        return path

    def href(self, slug: str, name: str | None) -> str | None:
        """Return the root-relative path of the page for a name used in an article."""
        return self.names.get((slug, name)) if name else None

    def quote_place(self, ref: Ref) -> Place | None:
        """Return the quote a reference points at, or None where it points at nothing."""
        art = self.articles.get(ref.article)
        return self.quote_place_of(art, ref.index) if art is not None else None

    def claim_place(self, ref: Ref) -> Place | None:
        """Return the claim a reference points at, or None where it points at nothing."""
        art = self.articles.get(ref.article)
        return self.claim_place_of(art, ref.index) if art is not None else None

    def quote_place_of(self, art: Article, index: int) -> Place | None:
        if not 0 <= index < len(art.quotes):
            return None
        q = art.quotes[index]
        return Place(art, index, q.text, f"{self.article_path(art.slug)}#q-{index}", q.kind, q.speaker,
                     self.href(art.slug, q.speaker), q.editorial)

    def claim_place_of(self, art: Article, index: int) -> Place | None:
        if not 0 <= index < len(art.claims):
            return None
        c = art.claims[index]
        return Place(art, index, c.text, f"{self.article_path(art.slug)}#c-{index}", "claim", c.by,
                     self.href(art.slug, c.by), c.editorial, c.why)

    def quote_places(self, art: Article) -> list[Place]:
        """Return `quote_place_of(art, i)` for every quote of `art`, in order (one look-up of its path)."""
        slug = art.doc.slug
        path, names = self.article_path(slug), self.names
        return [Place(art, i, q.text, f"{path}#q-{i}", q.kind, q.speaker,
                      names.get((slug, q.speaker)) if q.speaker else None, q.editorial)
                for i, q in enumerate(art.quotes)]

    def claim_places(self, art: Article) -> list[Place]:
        """Return `claim_place_of(art, i)` for every claim of `art`, in order."""
        slug = art.doc.slug
        path, names = self.article_path(slug), self.names
        return [Place(art, i, c.text, f"{path}#c-{i}", "claim", c.by,
                      names.get((slug, c.by)) if c.by else None, c.editorial, c.why)
                for i, c in enumerate(art.claims)]

    def claim_links(self, slug: str, index: int) -> list[LinkView]:
        views = []
        for other, link in self.links.touching(slug, index):
            place = self.claim_place(other)
            if place is not None:
                views.append(LinkView(link.relation, link.how, place, link.editorial))
        return views

    def tensions(self) -> list[tuple[Place, Place, ClaimLink]]:
        """Return the claim pairs that disagree, both ends found."""
        out = []
        for link in self.links.relation("disagrees"):
            a, b = self.claim_place(link.a), self.claim_place(link.b)
            if a is not None and b is not None:
                out.append((a, b, link))
        return out


def index_archive(archive: Archive) -> ArchiveIndex:
    """Build the look-up tables for an archive."""
    index = ArchiveIndex(archive)
    index.articles = {a.slug: a for a in archive.articles}
    by_kind: dict[tuple[bool, str], str] = {}
    for entity in (*archive.people, *archive.sources):
        path = entity_path(entity)
        index.entities[path] = entity
        by_kind[(entity.kind == "person", entity.id)] = path
    for art in archive.articles:
        person_names = {p.name for p in art.people}
        for name in (*person_names, *(s.name for s in art.sources)):
            ent_id = archive.names.get((art.slug, name))
            if ent_id is None:
                continue
            is_person = name in person_names
            found = by_kind.get((is_person, ent_id)) or by_kind.get((not is_person, ent_id))
            if found is not None:
                index.names[(art.slug, name)] = found
        for tag in art.doc.tags:
            tag_slug = index.tag_slugs.setdefault(tag, slugify(tag))
            index.tags.setdefault(tag_slug, (tag, []))[1].append(art)
    index.links = ClaimLinkTable.of(archive.claim_links)
    return index


def index_with_links(index: ArchiveIndex, archive: Archive) -> ArchiveIndex:
    """Return `index_archive(archive)`, given `index` of the same archive before its claim links were in.

    Only the links are new where `archive` holds the very articles, people, sources and names
    `index` was made of (the build makes `index` while the claims are being linked); otherwise
    the look-ups are built again.
    """
    before = index.archive
    if (archive.articles is not before.articles or archive.people is not before.people
            or archive.sources is not before.sources or archive.names is not before.names):
        return index_archive(archive)
    return replace(index, archive=archive, links=ClaimLinkTable.of(archive.claim_links))
