"""The link step: every article's records in, one cross-linked `Archive` out.

One person or source is one Entity (one page) across the archive (see `names`); its page gathers
the quotes, claims and articles of every name that joined it. Claims about the same thing in
different articles are linked (see `claim_links`). Editors' archive-level corrections (same or
different person, claim links) from sidecar files are carried out here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newsarchive.link.names import Names, person_key, person_nodes, source_key, source_nodes
from newsarchive.link.table import ClaimLinkBuilder, ClaimLinkTable
from newsarchive.load.files import slugify
from newsarchive.records import Archive, Article, ClaimLink, Diagnostic, Entity, EntityKind, Ref

if TYPE_CHECKING:
    from newsarchive.link.pieces import LinkPieces


def _sort_key(article: Article) -> tuple[int, str, str]:
    date = article.doc.date or ""
    # Newest first; undated last.
    descending = "".join(chr(0x10FFFF - ord(c)) for c in date)
    return (0 if date else 1, descending, article.doc.title or article.slug)


@dataclass(slots=True)
class _Gathered:
    """What the link step collects for one entity before it is frozen."""

    # Plain dicts, not Counters: one _Gathered per entity, and a Counter costs ten times a dict to make.
    kinds: dict[str, int] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)
    roles: dict[str, None] = field(default_factory=dict)
    aliases: set[str] = field(default_factory=set)
    quotes: list[Ref] = field(default_factory=list)
    claims: list[Ref] = field(default_factory=list)
    articles: dict[str, None] = field(default_factory=dict)


def _display_name(g: _Gathered, person: bool) -> str:
    """Choose the page's name: the fullest, untitled, most used form."""
    if len(g.names) == 1:  # most entities have one name: nothing to score (min of one is that one)
        return next(iter(g.names))

    def score(name: str) -> tuple[int, int, int, int, str]:
        # People: most words, no title, most used. Sources: most words but "the", most used, shortest.
        if person:
            key = person_key(name)
            untitled = len(re.findall(r"[^\W\d_][\w'’-]*", name)) == len(key)
            return (-len(key), 0 if untitled else 1, -g.names[name], -len(name), name)
        return (-len(source_key(name).split()), 0, -g.names[name], len(name), name)
    return min(g.names, key=score)


def _same_person_requests(ordered: Sequence[Article], names: Names) -> list[Diagnostic]:
    """Join the people editors said are one; report the requests that name nobody."""
    by_key: dict[tuple[str, ...], str] = {}
    for (_slug, name), node in sorted(names.node.items()):
        if node.startswith("p:"):
            by_key.setdefault(person_key(name), node)
    diags: list[Diagnostic] = []
    for art in ordered:
        for r in art.requests:
            if r.kind != "same-person":
                continue
            mine = names.node.get((art.slug, r.name))
            other = by_key.get(person_key(r.other))
            if mine is None:
                diags.append(Diagnostic(r.path or art.path, r.line, f"same person: no person named "
                                        f"'{r.name}' in {art.slug}; the correction no longer applies"))
            elif other is None:
                diags.append(Diagnostic(r.path or art.path, r.line, f"same person: nobody named '{r.other}' "
                                        "in the archive; the correction no longer applies"))
            else:
                names.groups.union(mine, other)
    return diags


def _claim_requests(ordered: Sequence[Article]) -> tuple[list[ClaimLink], list[Diagnostic]]:
    """Return the claim links editors declared, and the ones that no longer match a claim."""
    by_slug = {a.slug: a for a in ordered}
    links: list[ClaimLink] = []
    diags: list[Diagnostic] = []

    def find(art: Article, text: str) -> int | None:
        want = _norm(text)
        return next((i for i, c in enumerate(art.claims) if want in _norm(c.text)), None)

    for art in ordered:
        for r in art.requests:
            if r.kind != "claim-link":
                continue
            other_art = by_slug.get(r.article or art.slug)
            where = r.path or art.path
            if other_art is None:
                diags.append(Diagnostic(where, r.line, f"claim link: no article '{r.article}' in the "
                                        "archive; the correction no longer applies"))
                continue
            mine, theirs = find(art, r.name), find(other_art, r.other)
            for idx, text, slug in ((mine, r.name, art.slug), (theirs, r.other, other_art.slug)):
                if idx is None:
                    diags.append(Diagnostic(where, r.line, f"claim link: no claim in {slug} contains "
                                            f"'{text}'; the correction no longer applies"))
            if mine is not None and theirs is not None:
                a, b = sorted((Ref(art.slug, mine), Ref(other_art.slug, theirs)),
                              key=lambda x: (x.article, x.index))
                links.append(ClaimLink(a, b, r.relation, r.how or "linked by an editor", editorial=True))
    return links, diags


def _gather(art: Article, names: Names, gathered: dict[str, _Gathered]) -> dict[str, str]:
    """Add one article's people, sources, quotes and claims to their entities; return its names."""
    local: dict[str, str] = {}

    def add(name: str, aliases: Sequence[str], roles: Sequence[str], kind: str) -> None:
        node = names.node.get((art.slug, name))
        if node is None:
            return
        root = names.groups.find(node)
        g = gathered.setdefault(root, _Gathered())
        g.kinds[kind] = g.kinds.get(kind, 0) + 1
        g.names[name] = g.names.get(name, 0) + 1
        g.aliases.update(aliases)
        g.articles[art.slug] = None
        g.roles.update(dict.fromkeys(roles))
        local[name] = root
        for alias in aliases:
            local.setdefault(alias, root)

    for p in art.people:
        add(p.name, p.aliases, p.roles, "person")
    for s in art.sources:
        add(s.name, s.aliases, (), s.kind)

    def resolve(name: str) -> str | None:
        if name in local:
            return local[name]
        # A speaker or source the article did not list: the archive's person or source of that name.
        for node in ("p:" + " ".join(person_key(name)), "s:" + source_key(name)):
            if node in names.groups.parent:
                return names.groups.find(node)
        return None

    for i, q in enumerate(art.quotes):
        root = resolve(q.speaker) if q.speaker else None
        if q.speaker and root is not None and root in gathered:
            gathered[root].quotes.append(Ref(art.slug, i))
            gathered[root].articles[art.slug] = None
            local.setdefault(q.speaker, root)
    for i, c in enumerate(art.claims):
        root = resolve(c.by) if c.by else None
        if c.by and root is not None and root in gathered:
            gathered[root].claims.append(Ref(art.slug, i))
            gathered[root].articles[art.slug] = None
            local.setdefault(c.by, root)
    return local


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[“”„«»\"]", '"', text.replace("’", "'")).split()).casefold()


def link_archive(articles: Sequence[Article], pieces: Mapping[str, LinkPieces] | None = None,
                 claim_links: ClaimLinkTable | None = None) -> Archive:
    """Return the archive: articles newest first, one Entity per person or source, claims linked.

    `pieces` maps an article's path to its `link_pieces`, where the caller kept them (the build
    caches them with each article); any article missing there has them worked out here.
    `claim_links` are the links `link_claims` finds between these articles, where the caller has
    found them already (the build, with `claim_memo`); editors' links are added here either way.
    """
    linked = link_entities(articles)
    if claim_links is None:
        # Imported here: a build links the claims in a forked child (`build.engine`), which imports
        # them itself, on the other core, while the main process goes on.
        from newsarchive.link.claim_links import link_claims
        from newsarchive.link.pieces import link_pieces

        known = pieces or {}
        ordered = linked.articles
        claim_links = link_claims(ordered, [known.get(a.path) or link_pieces(a) for a in ordered]).table()
    return with_claim_links(linked, claim_links)


NamesOf = Callable[[Sequence[Article]], tuple[Names, list[Diagnostic]]]
"""What gives the names of the articles (newest first) their nodes: `link_names`, or a memo of it."""


def name_inputs(ordered: Sequence[Article]) -> list[tuple[object, ...]]:
    """Return all that `link_names` reads of the articles, in order: same inputs, same names."""
    return [(a.slug, tuple((p.name, tuple(p.aliases)) for p in a.people),
             tuple((s.name, tuple(s.aliases)) for s in a.sources),
             tuple((r.kind, r.name, r.other, r.path, r.line) for r in a.requests
                   if r.kind in ("same-person", "different-person")))
            for a in ordered]


def entity_inputs(ordered: Sequence[Article]) -> list[tuple[object, ...]]:
    """Return all that `link_entities` reads of the articles (newest first) but their order's causes.

    Same inputs in the same order, same people, sources, names and diagnostics: `name_inputs`, the
    article's path (a request's diagnostic may name it), and the roles, kinds, speakers and claim
    sources `_gather` reads. A quote without a speaker or a claim without a source adds nothing
    (`_gather` skips it), so only the others count, with their places: an edit that adds a
    sentence with a number (a claim the writer states) keeps the inputs the same.
    """
    names = name_inputs(ordered)
    return [(a.path, *named, tuple(tuple(p.roles) for p in a.people), tuple(s.kind for s in a.sources),
             tuple((i, q.speaker) for i, q in enumerate(a.quotes) if q.speaker),
             tuple((i, c.by) for i, c in enumerate(a.claims) if c.by))
            for a, named in zip(ordered, names, strict=True)]


def link_names(ordered: Sequence[Article]) -> tuple[Names, list[Diagnostic]]:
    """Return each name's node in the articles (newest first), and diagnostics of editors' requests."""
    names = Names()
    apart = [(a.slug, r.name, r.other) for a in ordered for r in a.requests if r.kind == "different-person"]
    person_nodes(((a.slug, p.name, p.aliases) for a in ordered for p in a.people), names, apart)
    source_nodes(((a.slug, s.name, s.aliases) for a in ordered for s in a.sources), names)
    for node in names.node.values():
        names.groups.find(node)  # every node known to the groups, so look-ups can test membership
    return names, _same_person_requests(ordered, names)


def link_entities(articles: Sequence[Article], names_of: NamesOf = link_names) -> Archive:
    """Return the archive without its claim links: articles newest first, one Entity per person or source.

    It needs nothing of the claims' keys, so the build runs it beside the claim linking; the build
    passes a `names_of` that keeps the names of the last build while `name_inputs` stay the same.
    """
    return entities_of(order(articles), names_of)


def order(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Return the articles in archive order: newest first, undated last, by title."""
    return tuple(sorted(articles, key=_sort_key))


def entities_of(ordered: tuple[Article, ...], names_of: NamesOf = link_names) -> Archive:
    """Return `link_entities` of articles already in archive order (`order`)."""
    names, diagnostics = names_of(ordered)

    gathered: dict[str, _Gathered] = {}
    local_of = {art.slug: _gather(art, names, gathered) for art in ordered}

    people: list[Entity] = []
    sources: list[Entity] = []
    used: set[tuple[bool, str]] = set()
    ids: dict[str, str] = {}
    built = sorted(((r, g, g.kinds.get("person", 0) >= sum(g.kinds.values()) - g.kinds.get("person", 0))
                    for r, g in gathered.items()), key=lambda t: (t[0].split(":", 1)[1], t[0]))
    for root, g, is_person in built:
        name = _display_name(g, is_person)
        base = slugify(name)
        slug, n = base, 2
        while (is_person, slug) in used:
            slug, n = f"{base}-{n}", n + 1
        used.add((is_person, slug))
        ids[root] = slug
        kind: EntityKind = ("outlet" if g.kinds.get("outlet", 0) >= g.kinds.get("organisation", 0)
                            else "organisation")
        if is_person:
            kind = "person"
        ent = Entity(id=slug, name=name, kind=kind, roles=tuple(g.roles),
                     aliases=tuple(sorted((g.aliases | set(g.names)) - {name})),
                     quotes=tuple(g.quotes), claims=tuple(g.claims), articles=tuple(g.articles))
        (people if is_person else sources).append(ent)
    people.sort(key=lambda e: (e.name.casefold(), e.id))
    sources.sort(key=lambda e: (e.name.casefold(), e.id))
    name_map = {(slug, name): ids[root] for slug, local in local_of.items() for name, root in local.items()}
    return Archive(articles=ordered, people=tuple(people), sources=tuple(sources), names=name_map,
                   diagnostics=tuple(diagnostics))


def with_claim_links(linked: Archive, claim_links: ClaimLinkTable) -> Archive:
    """Return `linked` (from `link_entities`) with the claim links found and those editors declared.

    An editor's link replaces the one found between the same claims.
    """
    editorial, link_diags = _claim_requests(linked.articles)
    found = claim_links
    if editorial:
        pinned = {(x.a, x.b) for x in editorial}
        builder = ClaimLinkBuilder()
        for x in found:
            if (x.a, x.b) not in pinned:
                builder.add_link(x)
        for x in editorial:
            builder.add_link(x)
        found = builder.table()
    return replace(linked, claim_links=found, diagnostics=(*linked.diagnostics, *link_diags))
