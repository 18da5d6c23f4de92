"""What each page's template receives, gathered from the archive into plain records."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsarchive.records import Archive, Article, Entity
from newsarchive.render.context import ArchiveIndex, LinkView, Place, entity_path


@dataclass(frozen=True, slots=True)
class Named:
    """A person or source as listed beside an article: name, page, roles, what they said there."""

    name: str
    href: str | None
    """Root-relative path of its page, where it has one."""
    kind: str
    roles: tuple[str, ...] = ()
    quotes: tuple[Place, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim beside its article, with its links to claims elsewhere."""

    place: Place
    links: tuple[LinkView, ...] = ()


@dataclass(frozen=True, slots=True)
class Group:
    """Quotes or claims of one speaker or source, for quotes.html and claims.html."""

    name: str
    href: str | None
    places: Sequence[Place] = field(default_factory=list)
    """In order; a build may make them only as they are read (`build.groups_memo`)."""
    slug: str = ""
    """Id of the group's section, unique on its page."""


@dataclass(frozen=True, slots=True)
class ArticleView:
    """Everything beside the body on an article page."""

    speakers: tuple[Named, ...]
    sources: tuple[Named, ...]
    people: tuple[Named, ...]
    claims: tuple[ClaimView, ...]
    scare: tuple[Place, ...]
    unattributed: tuple[Place, ...]
    tags: tuple[tuple[str, str], ...]
    """(tag, root-relative path of its page)."""


def article_view(index: ArchiveIndex, article: Article) -> ArticleView:
    """Gather who is quoted, cited and named in an article, and its claims with their links."""
    slug = article.slug
    places = [p for i in range(len(article.quotes))
              if (p := index.quote_place_of(article, i)) is not None]
    by_speaker: dict[str, list[Place]] = {}
    for p in places:
        if p.who and p.kind != "scare":
            by_speaker.setdefault(p.who, []).append(p)
    people = {p.name: p for p in article.people}
    speakers = tuple(Named(name, index.href(slug, name), "person" if name in people else "source",
                           people[name].roles if name in people else (), tuple(qs))
                     for name, qs in by_speaker.items())
    sources = tuple(Named(s.name, index.href(slug, s.name), s.kind) for s in article.sources)
    named = tuple(Named(p.name, index.href(slug, p.name), "person", p.roles) for p in article.people)
    claims = tuple(ClaimView(place, tuple(index.claim_links(slug, i)))
                   for i in range(len(article.claims))
                   if (place := index.claim_place_of(article, i)) is not None)
    tags = tuple((t, f"tags/{index.tag_slugs[t]}.html") for t in article.doc.tags if t in index.tag_slugs)
    return ArticleView(speakers, sources, named, claims,
                       tuple(p for p in places if p.kind == "scare"),
                       tuple(p for p in places if p.kind != "scare" and not p.who), tags)


def entity_places(index: ArchiveIndex, entity: Entity) -> tuple[list[Place], list[Place], list[Article]]:
    """Return an entity's quotes, claims and the articles naming it, across the archive."""
    quotes = [p for r in entity.quotes if (p := index.quote_place(r)) is not None]
    claims = [p for r in entity.claims if (p := index.claim_place(r)) is not None]
    articles = [index.articles[s] for s in entity.articles if s in index.articles]
    return quotes, claims, articles


def entity_roles(index: ArchiveIndex, entity: Entity) -> tuple[str, ...]:
    """Return the entity's roles, or where the link step gave none, the roles its articles give it."""
    if entity.roles or entity.kind != "person":
        return entity.roles
    path = entity_path(entity)
    roles: dict[str, None] = {}
    for slug in entity.articles:
        art = index.articles.get(slug)
        for person in art.people if art is not None else ():
            if index.names.get((slug, person.name)) == path:
                roles.update(dict.fromkeys(person.roles))
    return tuple(roles)


def _grouped(places: Iterable[Place], nobody: str) -> list[Group]:
    groups: dict[str, Group] = {}
    lists: dict[str, list[Place]] = {}
    for p in places:
        key = p.who_href or f"name:{p.who or ''}"
        listed = lists.get(key)
        if listed is None:
            listed = lists[key] = []
            groups[key] = Group(p.who or nobody, p.who_href, listed)
        listed.append(p)
    ordered = sorted(groups.values(), key=lambda g: (g.name == nobody, g.name.casefold(), g.href or ""))
    # Two groups can share a name (one with a page, one without; "the MPs" and "The MPs").
    used: set[str] = set()
    out = []
    for g in ordered:
        base = "g-" + "".join([c if c.isalnum() else "-" for c in g.name.casefold()])
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out.append(Group(g.name, g.href, g.places, slug))  # `replace(g, slug=slug)`, without its look-ups
    return out


def quote_groups(archive: Archive, index: ArchiveIndex) -> list[Group]:
    """Return every attributed quote in the archive, grouped by speaker, speakers A to Z."""
    return _grouped((p for art in archive.articles if art.quotes for p in index.quote_places(art)
                     if p.kind != "scare"), "Not attributed")


def claim_groups(archive: Archive, index: ArchiveIndex) -> list[Group]:
    """Return every claim in the archive grouped by the source it is credited to."""
    return _grouped((p for art in archive.articles if art.claims for p in index.claim_places(art)),
                    "Stated by the writer")


def most_quoted(archive: Archive, limit: int) -> list[Entity]:
    """Return the people and sources with the most quotes, for the front page."""
    ranked = sorted((e for e in (*archive.people, *archive.sources) if e.quotes),
                    key=lambda e: (-len(e.quotes), e.name.casefold()))
    return ranked[:limit]
