"""The render step: plan the per-article and per-entity pages, render the changed ones in workers.

Each article gives a *unit* of files (its page, its JSON record, the record's HTML view) and each
person or source one page. Units are rendered in worker processes (forked after linking, so each
inherits the archive without pickling it) and written straight into the staging folder; the pages
made from the whole archive (front page, lists, feed, sitemap, search index, assets) are rendered
meanwhile in the main process. A unit whose inputs hash as last time is hard-linked from the
previous site instead of rendered, and a file that renders to the same bytes as before is linked
too, so unchanged files are never rewritten.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from newsarchive.build.cache import Cache
from newsarchive.build.executor import batched, default_jobs, process_pool
from newsarchive.build.fingerprint import code_fingerprint, digest
from newsarchive.build.output import SiteWriter, safe_relpath
from newsarchive.build.progress import Progress
from newsarchive.config import SiteConfig
from newsarchive.records import Archive, Entity

if TYPE_CHECKING:
    from newsarchive.build.engine import BuildOptions, BuildResult
    from newsarchive.render import Site

UnitKind = Literal["article", "person", "source"]
Previous = dict[str, tuple[str, list[tuple[str, str]]]]
"""Last build's units: unit → (input key, [(relpath, output hash)])."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One article's files, or one entity's page, to produce."""

    name: str
    """The unit's main page (its relpath); names the unit in the cache."""
    kind: UnitKind
    index: int
    """Index into archive.articles, .people or .sources, by kind."""
    key: str
    """Hash of everything the unit shows: same key, same bytes."""


def make_site(config: SiteConfig, templates: Path) -> Site:
    """Return the renderer, with the archive's own templates where the folder exists."""
    from newsarchive.render import Site

    return Site(config, templates if templates.is_dir() else None)


def plan_units(archive: Archive, base: str, keys: dict[str, str]) -> list[Unit]:
    """Return every article and entity unit with the key of what it shows.

    `keys` maps an article's path to the hash of its inputs, which fixes its whole record; an
    article's key adds what it shows of the rest of the archive (the pages its names link to, the
    claims linked to its own); an entity's key is its record plus the keys of the articles it draws on.
    """
    from newsarchive.render.context import article_path, entity_path

    content = {a.slug: digest(keys.get(a.path, repr(a)), a.slug) for a in archive.articles}
    entity_of: dict[tuple[str, str], Entity] = {}
    for ent in (*archive.people, *archive.sources):
        entity_of.setdefault((ent.id, ent.name), ent)
    names_of: dict[str, list[str]] = {}
    for (slug, name), ent_id in archive.names.items():
        found = entity_of.get((ent_id, name))
        names_of.setdefault(slug, []).append(f"{name}\0{ent_id}\0{found.kind if found else ''}")
    links_of: dict[str, list[str]] = {}
    for link in archive.claim_links:
        for ref, other in ((link.a, link.b), (link.b, link.a)):
            links_of.setdefault(ref.article, []).append(
                f"{ref.index}\0{other.article}\0{other.index}\0{content.get(other.article)}\0"
                f"{link.relation}\0{link.how}\0{link.editorial}")
    units: list[Unit] = []
    for i, art in enumerate(archive.articles):
        parts = [content[art.slug], *sorted(names_of.get(art.slug, ())), *sorted(links_of.get(art.slug, ()))]
        units.append(Unit(safe_relpath(article_path(art.slug)), "article", i, digest(base, *parts)))
    for kind, group in (("person", archive.people), ("source", archive.sources)):
        for i, ent in enumerate(group):
            slugs = {r.article for r in (*ent.quotes, *ent.claims)} | set(ent.articles)
            parts = [ent.id, ent.name, ent.kind, "\0".join(ent.roles), "\0".join(ent.aliases),
                     " ".join(f"{r.article}:{r.index}" for r in ent.quotes),
                     " ".join(f"{r.article}:{r.index}" for r in ent.claims), " ".join(ent.articles),
                     *(content.get(slug, "") for slug in sorted(slugs))]
            units.append(Unit(safe_relpath(entity_path(ent)), kind, i,  # type: ignore[arg-type]
                              digest(base, *parts)))
    return units


# Worker state, set once per worker by `_init_worker` (inherited through fork, never pickled).
_state: tuple[Site, Archive, SiteWriter, Previous] | None = None


def _init_worker(site: Site, archive: Archive, writer: SiteWriter, previous: Previous) -> None:
    global _state
    _state = (site, archive, writer, previous)


Row = tuple[str, str, str, str, bool]
"""(relpath, unit, key, output hash, reused) for one file written."""


def _render_batch(units: list[Unit]) -> list[Row]:
    """Render and write the units' files; return a row for each file."""
    assert _state is not None
    site, archive, writer, previous = _state
    rows: list[Row] = []
    for unit in units:
        if unit.kind == "article":
            files: Iterator[tuple[str, bytes]] = site.article_pages(archive, archive.articles[unit.index])
        else:
            entity = (archive.people if unit.kind == "person" else archive.sources)[unit.index]
            files = iter([(unit.name, site.render_entity(archive, entity).encode("utf-8"))])
        old = dict(previous.get(unit.name, ("", []))[1])
        for relpath, data in files:
            h, reused = store(writer, old.get(relpath), relpath, data)
            rows.append((relpath, unit.name, unit.key, h, reused))
    return rows


def store(writer: SiteWriter, old_hash: str | None, relpath: str, data: bytes) -> tuple[str, bool]:
    """Write `data`, or link the previous site's file where its bytes are the same."""
    h = hashlib.blake2b(data, digest_size=16).hexdigest()
    if old_hash == h and writer.reuse(relpath):
        return h, True
    writer.write(relpath, data)
    return h, False


def shared_pages(site: Site, archive: Archive, skip: set[str]) -> Iterator[tuple[str, bytes]]:
    """Yield `Site.pages` without the per-article and per-entity files the workers render.

    A copy of the site with those two renderers switched off runs `pages`, so any page the
    renderer adds to the whole-archive set is built here without the build knowing its name.
    """
    shallow = copy.copy(site)
    shallow.article_pages = lambda archive, article: iter(())  # type: ignore[method-assign]
    shallow.render_entity = lambda archive, entity: ""  # type: ignore[method-assign]
    for relpath, data in shallow.pages(archive):
        if relpath not in skip:
            yield relpath, data


def render_site(archive: Archive, config: SiteConfig, options: BuildOptions, writer: SiteWriter,
                cache: Cache, keys: dict[str, str], result: BuildResult, progress: Progress) -> None:
    """Render every page into the staging folder, reusing what has not changed."""
    site = make_site(config, options.templates)
    base = digest(code_fingerprint(), site.template_fingerprint(), repr(config))
    previous: Previous = cache.units() if writer.previous is not None else {}
    writer.start()
    units = plan_units(archive, base, keys)
    rows: list[Row] = []
    todo: list[Unit] = []
    progress.start("rendering", len(units))
    for unit in units:
        old_key, old_files = previous.get(unit.name, ("", []))
        if old_key == unit.key and old_files and all(writer.reuse(rel) for rel, _ in old_files):
            rows.extend((rel, unit.name, unit.key, h, True) for rel, h in old_files)
        else:
            todo.append(unit)
    progress.advance(len(units) - len(todo))
    jobs = options.jobs or default_jobs()
    pool = process_pool(jobs if len(todo) > 16 else 1, _init_worker, (site, archive, writer, previous))
    try:
        batches = batched(todo, jobs, size=32)
        # Submitted before the shared pages so the workers render while this process does those.
        pending = [pool.submit(_render_batch, b) for b in batches] if pool is not None else []
        planned = {u.name for u in units}
        for relpath, data in shared_pages(site, archive, planned):
            old = previous.get(relpath)
            h, reused = store(writer, old[1][0][1] if old and old[1] else None, relpath, data)
            rows.append((relpath, relpath, "", h, reused))
        results = (f.result() for f in pending) if pool is not None else map(_render_batch, batches)
        for batch, rendered in zip(batches, results, strict=True):
            rows.extend(rendered)
            progress.advance(len(batch))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    progress.done()
    result.written += sum(1 for r in rows if not r[4])
    result.reused += sum(1 for r in rows if r[4])
    cache.put_units([r[:4] for r in rows])
