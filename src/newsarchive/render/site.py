"""The site: templates compiled once, and every page of an archive rendered from them."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING, Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup

from newsarchive.config import SiteConfig
from newsarchive.records import Archive, Article, Entity
from newsarchive.render import data, jsonld
from newsarchive.render.body import make_markdown, render_body
from newsarchive.render.context import (
    ArchiveIndex,
    article_path,
    entity_path,
    index_archive,
    index_with_links,
)
from newsarchive.render.filters import KIND_LABELS, escape_output, kind_label, long_date
from newsarchive.render.jsontext import Block, made
from newsarchive.render.lists import place_list
from newsarchive.render.search import INDEX_PATH, SearchRows, search_index, search_index_chunks, search_rows
from newsarchive.render.shared import Content, GroupsOf, SharedPage, plan_shared, split_here
from newsarchive.render.views import article_view, entity_places, entity_roles

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

PACKAGE = Path(__file__).resolve().parent.parent
BUILTIN_TEMPLATES = PACKAGE / "templates"
BUILTIN_STATIC = PACKAGE / "static"
FEED_SIZE = 100
"""The feed carries the newest articles only, as feeds do; the index page lists them all."""
PAGE_TEMPLATES = ("article.html", "data.html", "entity.html")
"""The templates rendered once per article or entity: most of a build's pages."""


def summary(article: Article, limit: int = 300) -> str:
    """Return the standfirst, or the start of the first paragraph, as a one-line summary."""
    doc = article.doc
    text = doc.standfirst or next((p.text for p in doc.paragraphs if p.kind == "text"), "")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class _Template(Template):
    """A template whose printed values go through `filters.escape_output`.

    Jinja's compiled code calls `escape` only to print a value (`{{ x }}` with autoescaping on),
    so the name is replaced in each compiled module's namespace; filters and macros are untouched.
    """

    @classmethod
    def from_code(cls, environment: Environment, code: CodeType, globals: MutableMapping[str, Any],
                  uptodate: Callable[[], bool] | None = None) -> Template:
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = escape_output
        return template


class _Environment(Environment):
    """An environment whose templates hold their globals in a plain dict, not a `ChainMap`.

    Jinja reads a template's globals at every page: copied into each page's context, their names
    taken as a set, and set against an imported template's (`_get_default_module`). Through a
    `ChainMap` each of these is a Python loop: 0.2 s of the 0.9 s the 6,915 entity pages of 2,225
    BBC articles took. A `Site` sets its globals once, before it loads any template, so a copy
    holds the same names and values.
    """

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **d} if d else dict(self.globals)


def _depth_root(path: str) -> str:
    return "../" * path.count("/")


class Site:
    """Renders an archive's pages with the built-in templates, overridden by name from a user folder."""

    def __init__(self, config: SiteConfig, templates: Path | None = None) -> None:
        self.config = config
        self.user_templates = templates if templates is not None and templates.is_dir() else None
        loaders = [FileSystemLoader(str(BUILTIN_TEMPLATES))]
        if self.user_templates is not None:
            loaders.insert(0, FileSystemLoader(str(self.user_templates)))
        self.env = _Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(["html", "xml"]),
                                undefined=StrictUndefined,
                                keep_trailing_newline=True,
                                # A Site renders one build's pages: templates never change meanwhile,
                                # and checking each file's mtime at every page (an extends, an
                                # import) cost 33,000 stat calls in a 2,225-article build.
                                auto_reload=False,
                                # Every page looks its templates up again (an extends, an import):
                                # through Jinja's LRU cache that is a lock and a deque each time
                                # (~2 % of the render workers' time); a site has a dozen templates,
                                # kept in a plain dict.
                                cache_size=-1)
        self.env.template_class = _Template
        self.env.filters["long_date"] = long_date
        self.env.filters["kind_label"] = kind_label
        self.env.globals.update(site=config, article_path=article_path, entity_path=entity_path,
                                summary=summary, kind_labels=KIND_LABELS, card=self.card,
                                cards=self.cards, place_list=place_list)
        self.feed_size = FEED_SIZE
        self._templates: dict[str, Template] = {}
        self._cards: dict[tuple[int, str, int], tuple[Article, Markup]] = {}
        self._index: ArchiveIndex | None = None

    def builtin(self, *names: str) -> bool:
        """Return True where none of the named templates is overridden from the user's folder."""
        return self.user_templates is None or not any((self.user_templates / n).is_file() for n in names)

    @functools.cached_property
    def md(self) -> MarkdownIt:
        """The Markdown parser, made where a Markdown article or an editor's note first needs it."""
        return make_markdown()

    # -- the interface the build engine calls ------------------------------------------------------

    def render_article(self, archive: Archive, article: Article) -> str:
        """Return the HTML page of one article, its quotes and claims marked in place."""
        index = self._index_for(archive)
        doc = article.doc
        path = article_path(article.slug)
        md = self.md if doc.markdown else None
        body = render_body(md, article, lambda name: self._rel(index.href(article.slug, name), path))
        notes = [Markup(self.md.render(n.markdown)) for n in article.notes]
        return self._render("article.html", path, title=doc.heading,
                            description=summary(article),
                            og_type="article", jsonld=jsonld.article_graph(self.config, index, article),
                            article=article, doc=doc, body=body, notes=notes,
                            view=article_view(index, article), data_path=path[:-5] + ".json",
                            data_view=path[:-5] + ".data.html")

    def render_entity(self, archive: Archive, entity: Entity) -> str:
        """Return the page of one person or source: roles, quotes, claims and mentions across the archive."""
        index = self._index_for(archive)
        quotes, claims, articles = entity_places(index, entity)
        what = {"person": "Person", "outlet": "Outlet"}.get(entity.kind, "Organisation")
        return self._render("entity.html", entity_path(entity), title=entity.name,
                            description=f"{what}: {len(quotes)} quotes, {len(claims)} claims, "
                                        f"named in {len(articles)} articles.",
                            og_type="profile" if entity.kind == "person" else "website",
                            jsonld=jsonld.entity_graph(self.config, entity), entity=entity, what=what,
                            quotes=quotes, claims=claims, articles=articles,
                            roles=entity_roles(index, entity))

    def pages(self, archive: Archive) -> Iterator[tuple[str, bytes]]:
        """Yield every file of the site as (relative posix path, content), in a fixed order."""
        yield from self.shared_pages(archive)
        for article in archive.articles:
            yield from self.article_pages(archive, article)
        for entity in (*archive.people, *archive.sources):
            yield entity_path(entity), self.render_entity(archive, entity).encode()
        yield INDEX_PATH, self.search_index(archive)
        yield "archive.json", data.archive_json(archive)

    def template_fingerprint(self) -> str:
        """Return a hash of the templates, static files and rendering code in use, for caches."""
        digest = hashlib.sha256()
        folders = [("builtin", BUILTIN_TEMPLATES), ("static", BUILTIN_STATIC),
                   ("code", Path(__file__).parent)]
        if self.user_templates is not None:
            folders.append(("user", self.user_templates))
        for label, folder in folders:
            for file in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
                digest.update(f"{label}/{file.relative_to(folder).as_posix()}\0".encode())
                digest.update(file.read_bytes())
        digest.update(repr(self.config).encode())
        return digest.hexdigest()

    # -- finer-grained pieces, for a build engine that caches and parallelises per page ------------

    def article_pages(self, archive: Archive, article: Article) -> Iterator[tuple[str, bytes]]:
        """Yield an article's page, its JSON record and the highlighted view of that record."""
        yield from self._article_files(archive, article, data.article_json(article))

    def article_output(self, archive: Archive, article: Article
                       ) -> tuple[list[tuple[str, bytes]], tuple[str, SearchRows]]:
        """Return `article_pages` and `article_pieces` together, the record turned into JSON once."""
        json_text, line = data.article_texts(article)
        files = list(self._article_files(archive, article, json_text))
        return files, (line, search_rows(article))

    def _article_files(self, archive: Archive, article: Article, json_text: str
                       ) -> Iterator[tuple[str, bytes]]:
        path = article_path(article.slug)
        yield path, self.render_article(archive, article).encode()
        yield path[:-5] + ".json", json_text.encode()
        yield path[:-5] + ".data.html", self._render(
            "data.html", path[:-5] + ".data.html", title=f"Data: {article.doc.heading}",
            description="The article's record as JSON.", article=article,
            code=data.highlighted(json_text), page_of=path, json_path=path[:-5] + ".json").encode()

    def shared_plan(self, archive: Archive, content: Content | None = None,
                    entities: str | None = None, groups_of: GroupsOf = split_here) -> list[SharedPage]:
        """Return the pages made from the whole archive, each with what it shows, not yet rendered.

        `content` stands an article's record by a short string (the build passes its input key);
        by default the record's repr, which is exact but slow. `entities`, where given, stands
        for the archive's people and sources likewise (same string, same people and sources with
        the same names, roles and articles: the build passes `EntitiesMemo.current`). Neither the
        search index nor archive.json is among them: those are joined from per-article pieces
        (`article_pieces`). `groups_of` says how the quotes' and claims' groups fall on pages (the
        build: as last time where it can, `build.groups_memo`).
        """
        return plan_shared(self, archive, self._index_for(archive), content or repr, entities, groups_of)

    def shared_pages(self, archive: Archive) -> Iterator[tuple[str, bytes]]:
        """Yield the pages made from the whole archive: static files, front page, lists, feed, sitemap."""
        for page in self.shared_plan(archive):
            yield page.path, page.render()

    def article_pieces(self, archive: Archive, article: Article) -> tuple[str, SearchRows]:
        """Return an article's line of archive.json and its rows of the search index."""
        return data.article_line(article), search_rows(article)

    def search_index(self, archive: Archive, pieces: Iterable[SearchRows] | None = None) -> bytes:
        """Return the search index script, from the articles' `article_pieces` where given."""
        rows = pieces if pieces is not None else (search_rows(a) for a in archive.articles)
        return search_index(archive, self._index_for(archive), rows)

    def search_index_chunks(self, archive: Archive, pieces: Callable[[], Iterable[SearchRows]],
                            entities: Block = made, escaped: bool = False) -> Iterator[str]:
        """Yield the search index script in pieces; `pieces()` gives every article's rows, in order.

        The people's and sources' rows are one chunk, made through `entities`; `escaped`: the
        rows are escaped for the script already (`jsonld.escape_for_script`).
        """
        return search_index_chunks(archive, self._index_for(archive), pieces, entities, escaped)

    def static_files(self) -> Iterator[tuple[str, bytes]]:
        """Yield the CSS and scripts: built-in ones, each replaced by a user's file of the same name."""
        for relpath, _, read in self.static_plan():
            yield relpath, read()

    def static_plan(self) -> list[tuple[str, str, Callable[[], bytes]]]:
        """Return (relpath, what its bytes are made of, how to get them) for each of `static_files`.

        A file stands by the hash of its bytes; the generated Pygments styles by Pygments' version
        (and this code), so that they are made only where they may have changed.
        """
        files = {p.name: p for p in sorted(BUILTIN_STATIC.iterdir()) if p.is_file()}
        if self.user_templates is not None and (self.user_templates / "static").is_dir():
            files.update({p.name: p for p in (self.user_templates / "static").iterdir() if p.is_file()})
        plan: dict[str, tuple[str, str, Callable[[], bytes]]] = {}
        for name, p in files.items():
            content = p.read_bytes()
            plan[f"static/{name}"] = (f"static/{name}", hashlib.blake2b(content, digest_size=16).hexdigest(),
                                      functools.partial(bytes, content))
        plan.setdefault(data.PYGMENTS_CSS, (data.PYGMENTS_CSS, data.pygments_version(), data.pygments_css))
        return [plan[relpath] for relpath in sorted(plan)]

    def html_paths(self, archive: Archive) -> list[str]:
        """Return the root-relative path of every HTML page, as the sitemap lists them."""
        pages = self.shared_plan(archive)
        return next(page.parts() for page in pages if page.path == "sitemap.xml")

    # -- helpers -----------------------------------------------------------------------------------

    def index(self, archive: Archive, unlinked: ArchiveIndex | None = None) -> ArchiveIndex:
        """Return the look-ups over `archive` every page uses, built on first use.

        `unlinked`: the look-ups of the same archive before its claim links were in (the build
        makes them while the claims are being linked); only the links are added to them.
        """
        if unlinked is not None and (self._index is None or self._index.archive is not archive):
            self._index = index_with_links(unlinked, archive)
        return self._index_for(archive)

    def _index_for(self, archive: Archive) -> ArchiveIndex:
        # Pages are rendered one archive at a time: build the look-ups once, not once per page.
        if self._index is None or self._index.archive is not archive:
            self._index = index_archive(archive)
        return self._index

    def compile(self) -> None:
        """Compile the templates of the article and entity pages now, before the build forks its workers.

        Each worker would otherwise compile them again. The templates these extend and import are
        compiled on first use, as before: a broken template that no page uses still breaks nothing.
        """
        for name in PAGE_TEMPLATES:
            self._template(name)

    def _template(self, name: str) -> Template:
        if name not in self._templates:
            self._templates[name] = self.env.get_template(name)
        return self._templates[name]

    def card(self, article: Article, root: str, level: int = 3) -> Markup:
        """Return `_macros.html`'s `article_card` for `article`, made once per page depth and level.

        An article's card is the same on every page at the same depth that lists it: each person
        and source it names lists it (15,339 cards, 2,225 articles, in a 2,225-article build).
        """
        key = (id(article), root, level)
        kept = self._cards.get(key)
        if kept is None or kept[0] is not article:  # the article object is kept, so its id stays its own
            macros = self._template("_macros.html").module
            kept = (article, macros.article_card(article, root, level))  # type: ignore[attr-defined]
            self._cards[key] = kept
        return kept[1]

    def cards(self, articles: Iterable[Article], root: str, level: int = 3) -> Markup:
        """Return `card` of each article, between two newlines: the built-in `article_cards`.

        The same markup as the template loop docs/templates.md gives; as a function, not a macro,
        it spares a macro call per list (~6 µs: 6,993 entity pages and the front and tag pages).
        """
        return Markup("\n" + "".join([self.card(article, root, level) for article in articles]) + "\n")

    def render_page(self, name: str, path: str, **context: Any) -> bytes:
        """Return the template `name` rendered as the page at `path`, encoded."""
        return self._render(name, path, **context).encode()

    def site_jsonld(self) -> Markup:
        """Return the JSON-LD of the site as a whole, for the front page."""
        return jsonld.site_graph(self.config)

    def _render(self, name: str, path: str, **context: Any) -> str:
        context.setdefault("jsonld", None)
        context.setdefault("og_type", "website")
        context.setdefault("description", self.config.description)
        base = self.config.base_url
        return self._template(name).render(root=_depth_root(path), page_path=path,
                                           canonical=base + path if base else None, **context)

    @staticmethod
    def _rel(path: str | None, page: str) -> str | None:
        return _depth_root(page) + path if path else None

    @staticmethod
    def tag_list(index: ArchiveIndex) -> list[tuple[str, str, int]]:
        return [(tag, f"tags/{slug}.html", len(arts)) for slug, (tag, arts) in sorted(index.tags.items())]

    @staticmethod
    def updated(archive: Archive) -> str:
        dates = [a.doc.date for a in archive.articles if a.doc.date]
        # Built from the articles, never the clock, so the same input gives the same bytes.
        return (max(dates) if dates else "1970-01-01") + "T00:00:00Z"
