"""Gather people and sources across articles into one page each (simple first version)."""

from __future__ import annotations

from collections.abc import Sequence

from newsarchive.load.reader import slugify
from newsarchive.records import Archive, Article, Entity, EntityKind, Ref


def _sort_key(article: Article) -> tuple[int, str, str]:
    date = article.doc.date or ""
    # Newest first; undated last.
    return (0 if date else 1, "".join(chr(0x10FFFF - ord(c)) for c in date), article.doc.title or article.slug)


def link_archive(articles: Sequence[Article]) -> Archive:
    """Return the archive: articles newest first, one Entity per canonical name."""
    ordered = tuple(sorted(articles, key=_sort_key))
    gathered: dict[tuple[EntityKind, str], dict[str, list[Ref] | list[str] | set[str]]] = {}
    names: dict[tuple[str, str], str] = {}
    for art in ordered:
        for person in art.people:
            gathered.setdefault(("person", person.name), {"quotes": [], "claims": [], "articles": []})
        for source in art.sources:
            gathered.setdefault((source.kind, source.name), {"quotes": [], "claims": [], "articles": []})
        for i, q in enumerate(art.quotes):
            if q.speaker:
                for kind in ("person", "outlet", "organisation"):
                    entry = gathered.get((kind, q.speaker))  # type: ignore[arg-type]
                    if entry is not None:
                        entry["quotes"].append(Ref(art.slug, i))  # type: ignore[union-attr]
        for i, c in enumerate(art.claims):
            if c.by:
                for kind in ("person", "outlet", "organisation"):
                    entry = gathered.get((kind, c.by))  # type: ignore[arg-type]
                    if entry is not None:
                        entry["claims"].append(Ref(art.slug, i))  # type: ignore[union-attr]
        for x in (*art.people, *art.sources):
            kind = "person" if x in art.people else x.kind  # type: ignore[union-attr]
            entry = gathered[(kind, x.name)]  # type: ignore[index]
            if art.slug not in entry["articles"]:
                entry["articles"].append(art.slug)  # type: ignore[union-attr]
    people: list[Entity] = []
    sources: list[Entity] = []
    used: set[tuple[bool, str]] = set()
    for (kind, name), entry in sorted(gathered.items(), key=lambda kv: kv[0][1].casefold()):
        is_person = kind == "person"
        base = slugify(name)
        slug, n = base, 2
        while (is_person, slug) in used:
            slug, n = f"{base}-{n}", n + 1
        used.add((is_person, slug))
        ent = Entity(id=slug, name=name, kind=kind, quotes=tuple(entry["quotes"]),  # type: ignore[arg-type]
                     claims=tuple(entry["claims"]), articles=tuple(entry["articles"]))  # type: ignore[arg-type]
        (people if is_person else sources).append(ent)
        for art_slug in ent.articles:
            names[(art_slug, name)] = slug
    return Archive(articles=ordered, people=tuple(people), sources=tuple(sources), names=names)
