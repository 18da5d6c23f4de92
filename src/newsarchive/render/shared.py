"""The pages made from the whole archive, planned before any is rendered.

Planning is cheap and rendering is not. Each planned page says what it shows as a list of short
strings (`parts`): an article stands there by its content key, an entity by its counts, so the same
parts give the same bytes with the same templates. The build hashes the parts and renders only the
pages whose hash changed since the last build, in its worker processes.

Long lists are cut into pages of `PAGE_SIZE` entries, linked by a pager: index.html, index-2.html, …
(articles newest first), quotes.html, quotes-2.html, … and claims.html, claims-2.html, … (by
speaker or source, A to Z; the first page lists every group and the page it is on).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Protocol

from newsarchive.records import Archive, Article, Entity
from newsarchive.render.context import ArchiveIndex, Place, article_path, entity_path
from newsarchive.render.views import Group, claim_groups, entity_roles, most_quoted, quote_groups

if TYPE_CHECKING:
    from newsarchive.render.site import Site

PAGE_SIZE = 200
"""Entries (article cards, quotes, claims) on one page of a long list."""
FRONT_TENSIONS = 20
"""Claims in tension shown on the front page; tensions.html lists them all."""

Content = Callable[[Article], str]
"""Return a string that stands for everything an article's record holds (the build: its input key)."""


@dataclass(frozen=True, slots=True)
class SharedPage:
    """One page made from the whole archive: where it goes, what it shows, how to render it."""

    path: str
    parts: Callable[[], list[str]]
    """What the page shows, as strings: same parts, same bytes (with the same templates and code)."""
    render: Callable[[], bytes]
    known: str | None = None
    """The hash of the page's parts where it is known without them (the same parts as last build's)."""

    def key(self) -> str:
        """Return the hash of the page's parts."""
        if self.known is not None:
            return self.known
        # Each part followed by a NUL, encoded at once: UTF-8 (surrogates passed one by one) encodes a
        # joined string as the join of its pieces' encodings, so these are the bytes of an update per
        # part and NUL, without 100,000 calls for the quotes and claims pages.
        data = "\0".join((self.path, *self.parts())) + "\0"
        return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class Pager:
    """Where one page of a long list stands among its pages."""

    number: int
    """1 for the first page."""
    paths: tuple[str, ...]
    """Root-relative path of every page of the list, first to last."""

    @property
    def prev(self) -> str | None:
        return self.paths[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.number] if self.number < len(self.paths) else None

    def numbered(self) -> list[tuple[int, str]]:
        """Return (page number, path) for every page."""
        return list(enumerate(self.paths, start=1))


@dataclass(frozen=True, slots=True)
class GroupPart:
    """The places of one group that fall on one page of quotes.html or claims.html."""

    group: Group
    places: Sequence[Place]
    continued: bool
    """True where the group began on an earlier page."""


def page_paths(stem: str, count: int) -> tuple[str, ...]:
    """Return the paths of a list's pages: stem.html, stem-2.html, …"""
    return (f"{stem}.html", *(f"{stem}-{n}.html" for n in range(2, max(count, 1) + 1)))


def _pages_of(count: int) -> int:
    return max(1, -(-count // PAGE_SIZE))


def place_part(place: Place, content: Content) -> str:
    """Return what a listed quote or claim shows: its article's content, its place, its link."""
    return f"{content(place.article)}\0{place.index}\0{place.kind}\0{place.who_href}"


def entity_part(index: ArchiveIndex, entity: Entity) -> str:
    """Return what a list of people or sources shows of one entity."""
    roles = "\0".join(entity_roles(index, entity))
    return (f"{entity_path(entity)}\0{entity.name}\0{roles}\0{len(entity.quotes)}\0{len(entity.claims)}"
            f"\0{len(entity.articles)}")


def split_groups(groups: Sequence[Group], size: int | None = None) -> list[list[GroupPart]]:
    """Cut groups into pages of `size` places; a group longer than the room left goes on over pages."""
    size = size or PAGE_SIZE
    pages: list[list[GroupPart]] = [[]]
    room = size
    for g in groups:
        start = 0
        while start < len(g.places) or (start == 0 and not g.places):
            if room == 0:
                pages.append([])
                room = size
            chunk = g.places[start : start + room]
            pages[-1].append(GroupPart(g, chunk, continued=start > 0))
            start += max(len(chunk), 1)
            room -= len(chunk)
    return pages


class GroupPages(Protocol):
    """How the groups of quotes.html or claims.html fall on their pages.

    `SplitGroups` cuts the groups themselves; a build may keep the last build's cut instead and
    make only the groups of the pages it renders again (`build.groups_memo`).
    """

    def count(self) -> int:
        """Return the number of pages (at least one)."""
        ...

    def page(self, number: int) -> list[GroupPart]:
        """Return the parts of groups on page `number` (from 1)."""
        ...

    def jump(self, paths: Sequence[str]) -> list[tuple[Group, str]]:
        """Return every group with the link to where it begins (page 1's list), given the pages' paths."""
        ...

    def known(self, number: int, counted: bool) -> str | None:
        """Return the key of page `number` where it is known without its parts, else None (`counted`:
        each part of a group, continued or not, shows the group's count)."""
        ...


class SplitGroups:
    """`GroupPages` of groups cut into pages here (`split_groups`)."""

    def __init__(self, groups: list[Group]) -> None:
        self.groups = groups
        self.split = split_groups(groups)

    def count(self) -> int:
        return len(self.split)

    def page(self, number: int) -> list[GroupPart]:
        return self.split[number - 1]

    def jump(self, paths: Sequence[str]) -> list[tuple[Group, str]]:
        number = {id(g): i for i, g in enumerate(self.groups)}
        on_pages = ([number[id(part.group)] for part in page] for page in self.split)
        return jump_list(self.groups, first_pages(len(self.groups), on_pages), paths)

    def known(self, number: int, counted: bool) -> str | None:
        return None


def jump_list(groups: Sequence[Group], first: Sequence[int], paths: Sequence[str]) -> list[tuple[Group, str]]:
    """Return each group with the link to where it begins (`first`: its page's number, from 1)."""
    return [(g, ("" if n == 1 else paths[n - 1]) + f"#{g.slug}") for g, n in zip(groups, first, strict=True)]


def first_pages(count: int, pages: Iterable[Iterable[int]]) -> list[int]:
    """Return the number of the page each of `count` groups begins on, given each page's groups."""
    first = [0] * count
    for number, on_page in enumerate(pages, start=1):
        for i in on_page:
            if not first[i]:
                first[i] = number
    return first


GroupsOf = Callable[[str, Callable[[], list[Group]]], GroupPages]
"""Given "quotes" or "claims" and what makes its groups, return how they fall on pages."""


def split_here(stem: str, groups: Callable[[], list[Group]]) -> GroupPages:
    """Return the groups made and cut here (`SplitGroups`)."""
    return SplitGroups(groups())


def plan_shared(site: Site, archive: Archive, index: ArchiveIndex, content: Content,
                entities: str | None = None, groups_of: GroupsOf = split_here) -> list[SharedPage]:
    """Return every page made from the whole archive (not the search index or archive.json).

    `entities`, where given, stands for the archive's people and sources (`Site.shared_plan`);
    `groups_of` says how the quotes' and claims' groups fall on pages (by default, cut here).
    """
    pages: list[SharedPage] = []
    pages.extend(_static(site))
    pages.extend(_index_pages(site, archive, index, content))
    for stem, title, description, groups in (
            ("quotes", "Quotes by speaker", "Every attributed quote in the archive, by speaker.",
             partial(quote_groups, archive, index)),
            ("claims", "Claims by source", "Every checkable claim in the archive, by source.",
             partial(claim_groups, archive, index))):
        pages.extend(_group_pages(site, stem, title, description, groups_of(stem, groups), content))
    lists = (("people", "People", archive.people), ("sources", "Sources", archive.sources))
    for name, kind, listed in lists:
        pages.append(_entity_list(site, index, name, kind, listed, entities))
    tensions = index.tensions()
    pages.append(SharedPage(
        "tensions.html",
        lambda: [f"{place_part(a, content)}\0{place_part(b, content)}\0{link.how}\0{link.editorial}"
                 for a, b, link in tensions],
        lambda: site.render_page("tensions.html", "tensions.html", title="Claims in tension",
                                 description="Claims in different articles that disagree.",
                                 tensions=tensions)))
    pages.append(SharedPage("search.html", list, lambda: site.render_page(
        "search.html", "search.html", title="Search",
        description="Search articles, quotes, people and claims.")))
    for tag_slug, (tag, articles) in sorted(index.tags.items()):
        pages.append(_tag_page(site, tag_slug, tag, articles, content))
    feed = archive.articles[: site.feed_size]
    updated = site.updated(archive)
    pages.append(SharedPage("feed.xml", lambda: [updated, *map(content, feed)],
                            lambda: site.render_page("feed.xml", "feed.xml", articles=feed, updated=updated)))
    urls = html_paths(archive, index, [p.path for p in pages if p.path in _LISTED or _paged(p.path)])
    pages.append(SharedPage("sitemap.xml", lambda: urls,
                            lambda: site.render_page("sitemap.xml", "sitemap.xml", urls=urls)))
    return pages


_LISTED = ("index.html", "quotes.html", "claims.html", "tensions.html", "people.html", "sources.html")


def _paged(path: str) -> bool:
    stem, _, number = path.removesuffix(".html").rpartition("-")
    return f"{stem}.html" in _LISTED and number.isdigit()


def html_paths(archive: Archive, index: ArchiveIndex, lists: Sequence[str]) -> list[str]:
    """Return the root-relative path of every HTML page, for the sitemap: `lists` first."""
    urls = list(lists)
    urls.extend(article_path(a.slug) for a in archive.articles)
    urls.extend(entity_path(e) for e in (*archive.people, *archive.sources))
    urls.extend(f"tags/{tag_slug}.html" for tag_slug in sorted(index.tags))
    return urls


def _static(site: Site) -> Iterable[SharedPage]:
    for relpath, made_of, read in site.static_plan():
        yield SharedPage(relpath, lambda made_of=made_of: [made_of], read)  # type: ignore[misc]


def _index_pages(site: Site, archive: Archive, index: ArchiveIndex, content: Content) -> Iterable[SharedPage]:
    articles = archive.articles
    paths = page_paths("index", _pages_of(len(articles)))
    tensions = index.tensions()
    ranked = most_quoted(archive, 12)
    tags = site.tag_list(index)
    config = site.config
    head = [str(len(articles)), str(len(archive.people)), str(len(archive.sources)), str(len(tensions)),
            *(f"{place_part(a, content)}\0{place_part(b, content)}\0{link.how}\0{link.editorial}"
              for a, b, link in tensions[:FRONT_TENSIONS]),
            *(f"{entity_path(e)}\0{e.name}\0{len(e.quotes)}" for e in ranked),
            *(f"{tag}\0{href}\0{n}" for tag, href, n in tags)]
    for number, path in enumerate(paths, start=1):
        on_page = articles[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        pager = Pager(number, paths)

        def parts(on_page: Sequence[Article] = on_page, number: int = number) -> list[str]:
            # Every page shows the number of articles ("2225 articles in the archive").
            return [*(head if number == 1 else [str(len(articles))]), str(len(paths)), *map(content, on_page)]

        if number == 1:
            render = partial(site.render_page, "index.html", "index.html", title=config.title,
                             description=config.description, jsonld=site.site_jsonld(),
                             articles=on_page, total_articles=len(articles), pager=pager,
                             tensions=tensions[:FRONT_TENSIONS], more_tensions=len(tensions) - FRONT_TENSIONS,
                             most_quoted=ranked, tags=tags, archive_people=len(archive.people),
                             archive_sources=len(archive.sources))
        else:
            render = partial(site.render_page, "articles.html", path,
                             title=f"Articles, page {number} of {len(paths)}",
                             description=f"Articles, newest first: page {number} of {len(paths)}.",
                             articles=on_page, total_articles=len(articles), pager=pager)
        yield SharedPage(path, parts, render)


def _group_pages(site: Site, stem: str, title: str, description: str, layout: GroupPages,
                 content: Content) -> Iterable[SharedPage]:
    paths = page_paths(stem, layout.count())
    # The built-in templates show a group's count where the group begins, not on its "(continued)"
    # parts: an added claim then changes the pages it moves, not every page of its group's list.
    # A template of the user's may show it there too, so with one the parts hold it everywhere.
    counted = not site.builtin(f"{stem}.html", "groups.html")
    for number, path in enumerate(paths, start=1):
        pager = Pager(number, paths)
        page_title = title if number == 1 else f"{title}, page {number} of {len(paths)}"

        def jump(number: int = number) -> list[tuple[Group, str]]:
            return layout.jump(paths) if number == 1 else []

        def parts(number: int = number, page_title: str = page_title) -> list[str]:
            out = [page_title, str(len(paths))]
            out.extend(f"{g.name}\0{g.href}\0{len(g.places)}\0{href}" for g, href in jump(number))
            for part in layout.page(number):
                g = part.group
                count = len(g.places) if counted or not part.continued else ""
                out.append(f"{g.name}\0{g.href}\0{g.slug}\0{count}\0{part.continued}")
                out.extend(place_part(p, content) for p in part.places)
            return out

        def render(path: str = path, number: int = number, page_title: str = page_title,
                   pager: Pager = pager) -> bytes:
            page = layout.page(number)
            return site.render_page(f"{stem}.html", path, title=page_title, description=description,
                                    parts=page, jump=jump(number), pager=pager,
                                    empty=number == 1 and not page)
        yield SharedPage(path, parts, render, layout.known(number, counted))


def _entity_list(site: Site, index: ArchiveIndex, name: str, kind: str,
                 entities: Sequence[Entity], made_of: str | None = None) -> SharedPage:
    def render() -> bytes:
        roles = {entity_path(e): entity_roles(index, e) for e in entities}
        return site.render_page("entities.html", f"{name}.html", title=kind,
                                description=f"{kind} in the archive.", entities=entities, kind=name,
                                roles=roles)

    def parts() -> list[str]:
        # Where a string stands for the people and sources, it does for their lists: ~11 ms of a
        # rebuild of 2,225 articles (6,900 entities' roles looked up, their parts joined).
        return [f"entities\0{made_of}"] if made_of is not None else [entity_part(index, e) for e in entities]

    return SharedPage(f"{name}.html", parts, render)


def _tag_page(site: Site, tag_slug: str, tag: str, articles: list[Article], content: Content) -> SharedPage:
    path = f"tags/{tag_slug}.html"
    return SharedPage(path, lambda: [tag, *map(content, articles)], lambda: site.render_page(
        "tag.html", path, title=f"Tagged “{tag}”", description=f"{len(articles)} articles tagged {tag}.",
        tag=tag, articles=articles))
