"""The render step: plan every page, render the changed ones in workers, join the archive-wide files.

Each article gives a *unit* of files (its page, its JSON record, the record's HTML view), each
person or source one page, and each page made from the whole archive (front page and its further
pages, quotes and claims pages, lists, tags, feed, sitemap, static files) one unit too. Every unit
has a key, the hash of what it shows; a unit whose key is as last time is hard-linked from the
previous site instead of rendered, and a file that renders to the same bytes as before is linked
too, so unchanged files are never rewritten. The article and entity pages are rendered in worker
processes, forked once their units are planned so that each inherits the archive without pickling
it; only unit numbers travel. The main process meanwhile plans and renders the pages made from the
whole archive (a few dozen, each long). The archive holds article summaries (`build/summary.py`);
a worker reads the whole records of the articles it renders from the cache, a batch at a time
(`cache.RecordReader`).

The search index and archive.json change with any article, so they are joined from per-article
pieces (a line of JSON, a few search rows) that the workers make beside each article's page and
the cache keeps by the article's content (`JoinedPieces`: stored as they come, read back in order).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from newsarchive.build.cache import Cache, RecordReader, loads
from newsarchive.build.collector import paused
from newsarchive.build.executor import batched, default_jobs, process_pool
from newsarchive.build.fingerprint import code_fingerprint, digest
from newsarchive.build.joined import EARLY_JOIN, JoinChild, JoinedPieces, Piece, Row, whole_archive_files
from newsarchive.build.output import SiteWriter, read_marker, safe_relpath
from newsarchive.build.progress import Progress
from newsarchive.build.timing import stage
from newsarchive.build.work import Loaded
from newsarchive.config import SiteConfig
from newsarchive.errors import NewsarchiveError
from newsarchive.link.table import ClaimLinkTable
from newsarchive.records import Archive, Article, Entity, quick_pickle

if TYPE_CHECKING:
    from newsarchive.build.engine import BuildOptions, BuildResult
    from newsarchive.build.template_code import TemplateCode
    from newsarchive.render import Site
    from newsarchive.render.context import ArchiveIndex
    from newsarchive.render.shared import GroupPages, SharedPage
    from newsarchive.render.views import Group

UnitKind = Literal["article", "person", "source", "shared"]
Previous = dict[str, tuple[str, list[tuple[str, str]]]]
"""Last build's units: unit → (input key, [(relpath, output hash, or `PAGE_HASH` for a page)])."""


@quick_pickle  # sent to the render workers by the thousand (9,100 for 2,225 BBC articles)
@dataclass(frozen=True, slots=True)
class Unit:
    """One article's files, one entity's page, or one page made from the whole archive, to produce."""

    name: str
    """The unit's main page (its relpath); names the unit in the cache."""
    kind: UnitKind
    index: int
    """Index into archive.articles, .people or .sources, or into the shared plan, by kind."""
    key: str
    """Hash of everything the unit shows: same key, same bytes."""


def make_site(config: SiteConfig, templates: Path) -> Site:
    """Return the renderer, with the archive's own templates where the folder exists."""
    from newsarchive.render import Site

    return Site(config, templates if templates.is_dir() else None)


def content_keys(archive: Archive, keys: dict[str, str]) -> dict[str, str]:
    """Return slug → a hash of the article's whole record (its input key, and its slug)."""
    return {a.slug: digest(keys[a.path] if a.path in keys else repr(a), a.slug) for a in archive.articles}


def article_names(archive: Archive) -> dict[str, list[str]]:
    """Return slug → the names its article links to, each with the entity's id and kind, sorted."""
    entity_of: dict[tuple[str, str], Entity] = {}
    for ent in (*archive.people, *archive.sources):
        entity_of.setdefault((ent.id, ent.name), ent)
    names_of: dict[str, list[str]] = {}
    for (slug, name), ent_id in archive.names.items():
        found = entity_of.get((ent_id, name))
        names_of.setdefault(slug, []).append(f"{name}\0{ent_id}\0{found.kind if found else ''}")
    for names in names_of.values():
        names.sort()
    return names_of


def article_units(archive: Archive, base: str, content: dict[str, str],
                  names_of: dict[str, list[str]] | None = None) -> list[Unit]:
    """Return every article's unit, keyed on what it shows; the archive's claim links must be in.

    `content` maps an article's slug to the hash of its record; an article's key adds what it
    shows of the rest of the archive (the pages its names link to, the claims linked to its own).
    `names_of` is `article_names(archive)` where already made.
    """
    if names_of is None:
        names_of = article_names(archive)
    links = ClaimLinkTable.of(archive.claim_links)
    return [article_unit(i, art, base, content, names_of, links) for i, art in enumerate(archive.articles)]


def article_unit(i: int, art: Article, base: str, content: dict[str, str], names_of: dict[str, list[str]],
                 links: ClaimLinkTable) -> Unit:
    """Return the unit of article `art`, the `i`th of the archive (see `article_units`)."""
    from newsarchive.render.context import article_path

    parts = [content[art.slug], *names_of.get(art.slug, ()),
             *(f"{mine}\0{other}\0{index}\0{content.get(other)}\0{relation}\0{how}\0{editorial}"
               for mine, other, index, relation, how, editorial in links.of_article(art.slug))]
    return Unit(safe_relpath(article_path(art.slug)), "article", i, digest(base, *parts))


def entity_units(archive: Archive, base: str, content: dict[str, str]) -> list[Unit]:
    """Return every person's and source's unit: its record plus the content of the articles it draws on.

    Claim links play no part, so the build makes these while the claims are being linked.
    """
    return [entity_unit(archive, kind, i, base, content) for kind, i in entity_places(archive)]


def entity_places(archive: Archive) -> list[tuple[UnitKind, int]]:
    """Return (kind, index) of every person and source, in unit order."""
    return [*(("person", i) for i in range(len(archive.people))),
            *(("source", i) for i in range(len(archive.sources)))]


def drawn_on(entity: Entity) -> set[str]:
    """Return the slugs of the articles whose content an entity's page shows."""
    return {r.article for r in (*entity.quotes, *entity.claims)} | set(entity.articles)


def entity_unit(archive: Archive, kind: UnitKind, i: int, base: str, content: dict[str, str]) -> Unit:
    """Return the unit of person or source `i` (by `kind`)."""
    from newsarchive.render.context import entity_path

    ent = (archive.people if kind == "person" else archive.sources)[i]
    parts = [ent.id, ent.name, ent.kind, "\0".join(ent.roles), "\0".join(ent.aliases),
             " ".join(f"{r.article}:{r.index}" for r in ent.quotes),
             " ".join(f"{r.article}:{r.index}" for r in ent.claims), " ".join(ent.articles),
             *(content.get(slug, "") for slug in sorted(drawn_on(ent)))]
    return Unit(safe_relpath(entity_path(ent)), kind, i, digest(base, *parts))


EntityUnits = Callable[[Archive, str, dict[str, str]], list[Unit]]
"""`entity_units`, or what gives the same (`build.entity_units_memo`)."""
ArticleUnits = Callable[[Archive, str, dict[str, str], dict[str, list[str]] | None], list[Unit]]
"""`article_units`, or what gives the same (`build.article_units_memo`)."""


class PlannedGroups(Protocol):
    """A `render.shared.GroupsOf` that can keep the cut it planned with for the next build."""

    def __call__(self, stem: str, groups: Callable[[], list[Group]]) -> GroupPages: ...

    def save(self, pages: Sequence[SharedPage], keys: Sequence[str]) -> None:
        """Keep what the next build needs, given the shared pages and their `SharedPage.key()`s."""


GroupsPlanner = Callable[[Archive, "ArchiveIndex", dict[str, str]], PlannedGroups]
"""Given the archive, its look-ups and the content keys, return how the groups fall on pages
(`groups_here`, or the last build's cut where it holds: `build.groups_memo`)."""


class _Here:
    """Groups cut in this build, kept nowhere."""

    def __call__(self, stem: str, groups: Callable[[], list[Group]]) -> GroupPages:
        from newsarchive.render.shared import split_here

        return split_here(stem, groups)

    def save(self, pages: Sequence[SharedPage], keys: Sequence[str]) -> None:
        pass


def groups_here(archive: Archive, index: ArchiveIndex, content: dict[str, str]) -> PlannedGroups:
    """Return a `PlannedGroups` that cuts the groups afresh and keeps nothing."""
    return _Here()


@dataclass(frozen=True, slots=True)
class Prepared:
    """What planning the pages needs of the archive before its claims are linked.

    The build makes it while the link step's child links the claims (`prepare`), where this
    process would otherwise wait: last build's units, the content keys and the people's and
    sources' units, with the renderer readied earlier (`ready_renderer`).
    """

    site: Site
    base: str
    """What every unit's key starts from: the code, the templates and the config."""
    previous: Previous
    content: dict[str, str]
    entities: list[Unit]
    code: TemplateCode
    """The templates' compiled code, kept in the cache: `save` it once the pages are rendered."""
    unlinked: Archive
    """The archive these were made of: its people, sources and names, not yet its claim links."""
    index: ArchiveIndex
    """The renderer's look-ups over `unlinked` (`Site.index` adds the claim links)."""
    names: dict[str, list[str]]
    """`article_names(unlinked)`."""

    def names_of(self, archive: Archive) -> dict[str, list[str]] | None:
        """Return `article_names(archive)` where `archive` has the same names and entities, else None."""
        same = (archive.names is self.unlinked.names and archive.people is self.unlinked.people
                and archive.sources is self.unlinked.sources)
        return self.names if same else None


@dataclass(frozen=True, slots=True)
class Renderer:
    """The renderer with its page templates compiled, and where their compiled code is kept."""

    site: Site
    code: TemplateCode
    """The templates' compiled code, kept in the cache: `save` it once the pages are rendered."""


def ready_renderer(config: SiteConfig, templates: Path, cache: Cache) -> Renderer:
    """Import the renderer and compile the page templates (from the last build's code where the same).

    It needs nothing of the articles: the build does it while the load workers extract the changed
    articles, where this process would otherwise wait for them.
    """
    from newsarchive.build.template_code import TemplateCode

    site = make_site(config, templates)
    code = TemplateCode(cache)
    site.env.bytecode_cache = code  # the last build's compiled templates, where their sources are the same
    site.compile()  # once here, not in each render worker
    return Renderer(site, code)


def prepare(linked: Archive, renderer: Renderer, writer: SiteWriter, cache: Cache, keys: dict[str, str],
            units_of: EntityUnits = entity_units) -> Prepared:
    """Return what planning needs of `linked` (people and sources gathered; claim links not needed).

    `units_of` makes the people's and sources' units (`entity_units`, or the same kept from the
    last build).
    """
    site = renderer.site
    base = digest(code_fingerprint(), site.template_fingerprint(), repr(site.config))
    content = content_keys(linked, keys)
    marker = read_marker(writer.previous) if writer.previous is not None else None
    previous = cache.units_of(marker.get("key") if marker is not None else None)
    # The look-ups every page uses and the names each article links to need no claim links: made
    # here, while the claims are being linked, not after.
    from newsarchive.render.context import index_archive

    return Prepared(site, base, previous, content, units_of(linked, base, content), renderer.code, linked,
                    index_archive(linked), article_names(linked))


@dataclass(frozen=True, slots=True)
class Records:
    """Where the whole records of the archive's article summaries are found."""

    reader: RecordReader
    keys: dict[str, str]
    """Article path → the input key its record must carry."""

    def whole(self, summaries: list[Article]) -> list[Article]:
        """Return the whole record of each summary, with the slug the build gave it."""
        found = self.reader.records([a.path for a in summaries])
        out: list[Article] = []
        for summary in summaries:
            item = loads(found.get(summary.path, b""))
            if (not isinstance(item, Loaded) or item.article is None
                    or item.key != self.keys.get(summary.path)):
                where = self.reader.path or "this build"
                raise NewsarchiveError(f"{summary.path}: its record is no longer in the cache {where}; "
                                       "build again (another build may have changed the cache meanwhile)")
            article = item.article
            if article.slug != summary.slug:  # renamed by engine.unique_slugs
                article = replace(article, doc=replace(article.doc, slug=summary.slug))
            out.append(article)
        return out


# Worker state, set once per worker by `_init_worker` (inherited through fork, never pickled).
_state: tuple[Site, Archive, SiteWriter, Previous, Records] | None = None


def _init_worker(site: Site, archive: Archive, writer: SiteWriter, previous: Previous,
                 records: Records) -> None:
    global _state
    _state = (site, archive, writer, previous, records)


def _render_batch(units: list[Unit]) -> tuple[list[Row], list[Piece]]:
    """Render and write the units' files (articles and entities); return a row for each file and pieces."""
    assert _state is not None
    with paused():
        return render_units(units, *_state, shared=[])


def render_units(units: list[Unit], site: Site, archive: Archive, writer: SiteWriter, previous: Previous,
                 records: Records, shared: list[SharedPage]) -> tuple[list[Row], list[Piece]]:
    """Render and write the units' files; return a row for each file and each article's pieces."""
    rows: list[Row] = []
    pieces: list[Piece] = []
    wanted = [u.index for u in units if u.kind == "article"]
    whole = dict(zip(wanted, records.whole([archive.articles[i] for i in wanted]), strict=True))
    for unit in units:
        if unit.kind == "article":
            article = whole.pop(unit.index)
            made, (line, search) = site.article_output(archive, article)
            files: Iterator[tuple[str, bytes]] = iter(made)
            pieces.append((article.slug, line, search))
        elif unit.kind == "shared":
            files = iter([(unit.name, shared[unit.index].render())])
        else:
            entity = (archive.people if unit.kind == "person" else archive.sources)[unit.index]
            files = iter([(unit.name, site.render_entity(archive, entity).encode("utf-8"))])
        old = dict(previous.get(unit.name, ("", []))[1])
        for relpath, data in files:
            h, reused = store(writer, old.get(relpath), relpath, data)
            rows.append((relpath, unit.name, unit.key, h, reused))
    return rows, pieces


PAGE_HASH = ""
"""What the file table records as a page's output hash: none (`store` compares the bytes instead)."""


def store(writer: SiteWriter, old_hash: str | None, relpath: str, data: bytes) -> tuple[str, bool]:
    """Write `data`, or link the previous site's file where its bytes are the same.

    `old_hash` is the file table's hash of the page from the last build, None where it made none.
    Pages are not hashed: where the last build made the page, its file is compared with `data`.
    Hashing every page cost a cold build of 2,225 articles ~0.2 s of CPU (175 MB) for the next
    build's comparison alone, which reads back only the few pages it renders again.
    """
    if old_hash is not None and writer.holds(relpath, data) and writer.reuse(relpath):
        return PAGE_HASH, True
    writer.write(relpath, data)
    return PAGE_HASH, False


def _unchanged(units: list[Unit], previous: Previous, writer: SiteWriter, rows: list[Row]) -> list[Unit]:
    """Link the files of the units whose key is as last time (their rows to `rows`); return the others."""
    todo: list[Unit] = []
    # The files `link_previous` linked are asked of `linked` here, not of `reuse` one call each
    # (13,700 files of 2,225 articles).
    linked = writer.linked
    nothing: tuple[str, list[tuple[str, str]]] = ("", [])
    for unit in units:
        name, key = unit.name, unit.key
        old_key, old_files = previous.get(name, nothing)
        if old_key != key or not old_files:
            todo.append(unit)
        # (An entity's or shared page's unit is one file: asked without a generator, ~2 ms in 9,000.)
        elif len(old_files) == 1 and ((rel := old_files[0][0]) in linked or writer.reuse(rel)):
            rows.append((rel, name, key, old_files[0][1], True))
        elif len(old_files) > 1 and all(rel in linked or writer.reuse(rel) for rel, _ in old_files):
            rows.extend([(rel, name, key, h, True) for rel, h in old_files])
        else:
            todo.append(unit)
    return todo


@dataclass(slots=True)
class EarlyPages:
    """The people's and sources' pages a first build rendered while its claims were being linked."""

    rows: list[Row] = field(default_factory=list)
    """A row for each file written, as `render_units` returns them."""
    units: set[str] = field(default_factory=set)
    """The names of the units rendered."""


def render_entities_meanwhile(prepared: Prepared, writer: SiteWriter,
                              linked: Callable[[], bool]) -> EarlyPages:
    """Render people's and sources' pages here until `linked()`: where there is no previous site.

    In a first build this process has gathered the people and sources well before its child has
    linked the claims, and would wait for it with one core idle. Their pages need no claim links
    (their units' keys hold none), so they are rendered here meanwhile, from the archive without
    them, and the render workers are left the rest. A rebuild reuses most of these pages instead,
    and leaves them all to `render_site`.
    """
    early = EarlyPages()
    if writer.previous is not None or prepared.previous:
        return early
    site, archive = prepared.site, prepared.unlinked
    site.index(archive, prepared.index)
    for unit in prepared.entities:
        if linked():
            break
        entity = (archive.people if unit.kind == "person" else archive.sources)[unit.index]
        h, reused = store(writer, None, unit.name, site.render_entity(archive, entity).encode("utf-8"))
        early.rows.append((unit.name, unit.name, unit.key, h, reused))
        early.units.add(unit.name)
    return early


def render_site(archive: Archive, prepared: Prepared, options: BuildOptions, writer: SiteWriter,
                cache: Cache, reader: RecordReader, keys: dict[str, str], result: BuildResult,
                progress: Progress, units_of_articles: ArticleUnits = article_units,
                done_early: EarlyPages | None = None, entities_key: str | None = None,
                groups_of: GroupsPlanner = groups_here) -> None:
    """Render every page into the staging folder, reusing what has not changed.

    `archive` holds article summaries, `prepared` is `prepare` of it (made before its claims were
    linked); `reader` finds their whole records, keyed as in `keys`. `units_of_articles` keys the
    articles' units (`article_units`, or the same kept from the last build); `done_early`, the
    pages already rendered while the claims were linked (`render_entities_meanwhile`);
    `entities_key`, a key of the archive's people and sources (`EntitiesMemo.current`), so that
    the joined files take their part from the last build's where it is the same, and the lists of
    people and sources are keyed by it; `groups_of`, how the quotes' and claims' groups fall on
    pages (`groups_here`, or the last build's cut where it holds, `build.groups_memo`).

    The workers are forked as soon as the article and entity units are known, articles first:
    while they render, this process plans and renders the pages made from the whole archive and,
    once every article's pieces are in, joins the search index and archive.json, instead of
    doing either with one core idle before or after them.
    """
    apart: JoinChild | None = None
    pool = None
    try:
        with stage("plan pages"):
            records = Records(reader, keys)
            site, base, previous, content = prepared.site, prepared.base, prepared.previous, prepared.content
            # Built once here, for the join child and workers to inherit.
            index = site.index(archive, prepared.index)
            piece_keys = {slug: digest(base, key) for slug, key in content.items()}
            joined = JoinedPieces(site, archive, cache, records, piece_keys,
                                  None if entities_key is None else digest(base, entities_key))
            # Where few articles changed, the search index and archive.json are joined beside this
            # process from here on: they need nothing of the plan.
            if JoinChild.wanted(joined):
                apart = JoinChild(site, archive, writer, previous, joined, reader)
            rows: list[Row] = []
            # Planning makes no reference cycles: the collector's young sweeps would only walk the
            # units, places and parts made here (~15 ms of a one-change rebuild of 2,225 articles).
            with paused():
                units = [*units_of_articles(archive, base, content, prepared.names_of(archive)),
                         *prepared.entities]
                todo = _unchanged(units, previous, writer, rows)
            if done_early is not None and done_early.units:
                rows.extend(done_early.rows)
                todo = [u for u in todo if u.name not in done_early.units]
            jobs = options.jobs or default_jobs()
            # Frozen, the inherited objects are never visited by a worker's garbage collector, whose
            # writes would make each worker copy the memory pages holding them. (The build's records
            # are frozen already, `collector.kept_for_the_build`; this sweeps only what planning made.)
            gc.collect()
            gc.freeze()
            pool = process_pool(jobs if len(todo) > 16 else 1, _init_worker,
                                (site, archive, writer, previous, records))
            batches = batched(todo, jobs, size=32)
            results = map(_render_batch, batches) if pool is None else pool.map(_render_batch, batches)
            # The last batch with an article in it: once it is in, every article's pieces are.
            last_article = max((i for i, b in enumerate(batches) if b[0].kind == "article"), default=-1)
            with paused():
                # `article.doc.slug` is `article.slug` without the property call: asked once per listed
                # quote and claim (25,000).
                groups = groups_of(archive, index, content)
                shared = site.shared_plan(archive, lambda article: content[article.doc.slug], entities_key,
                                          groups)
                page_keys = [page.key() for page in shared]
                shared_units = [Unit(safe_relpath(page.path), "shared", i, digest(base, key))
                                for i, (page, key) in enumerate(zip(shared, page_keys, strict=True))]
                shared_todo = _unchanged(shared_units, previous, writer, rows)
                groups.save(shared, page_keys)
            progress.start("rendering", len(units) + len(shared_units))
            progress.advance(len(units) - len(todo) + len(shared_units) - len(shared_todo))
        with stage("render pages"):
            with paused():  # as in the workers: the whole-archive pages make no reference cycles
                rendered, _ = render_units(shared_todo, site, archive, writer, previous, records, shared)
            rows.extend(rendered)
            progress.advance(len(shared_todo))
            del shared
            whole: list[Row] = []
            early = apart is None and pool is not None
            if early and len(joined.missing()) <= EARLY_JOIN:
                # The workers have every batch already: join the search index and archive.json
                # here meanwhile, instead of waiting, where only a few articles' pieces are to make.
                joined.complete()
                whole = whole_archive_files(site, archive, writer, previous, joined, cache)
                early = False
            for i, (batch, (rendered, pieces)) in enumerate(zip(batches, results, strict=True)):
                rows.extend(rendered)
                joined.add(pieces)
                progress.advance(len(batch))
                if early and i >= last_article:
                    # Every article's pieces are in: join while the workers render the entities.
                    joined.complete()
                    whole = whole_archive_files(site, archive, writer, previous, joined, cache)
                    early = False
            if pool is not None:
                pool.shutdown()  # here, so that the stage counts the workers' time
                pool = None
    except BaseException:
        if apart is not None:
            apart.cancel()
        raise
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    with stage("join and save"):
        if apart is not None:
            whole = apart.result(cache)
        elif not whole:
            joined.complete()
            whole = whole_archive_files(site, archive, writer, previous, joined, cache)
        rows.extend(whole)
        writer.drop_linked({r[0] for r in rows})
        reader.close()
        progress.done()
        result.written += sum(1 for r in rows if not r[4])
        result.reused += sum(1 for r in rows if r[4])
        cache.put_units([r[:4] for r in rows])
