"""`build()`: discover → load and extract (in workers, cached) → link → render (in workers) → swap in.

Read it like mkdocs' `commands/build.py`: each step is one named function below.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import pickle
import re
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from newsarchive.build.article_units_memo import ArticleUnitsMemo
from newsarchive.build.cache import CACHE_DIR, Cache, RecordReader, loads
from newsarchive.build.collector import kept_for_the_build, release
from newsarchive.build.discover import ArticleFile, discover
from newsarchive.build.entities_memo import EntitiesMemo
from newsarchive.build.entity_units_memo import EntityUnitsMemo
from newsarchive.build.executor import DaskPool, batched, default_jobs, process_pool, run_batches
from newsarchive.build.fingerprint import code_fingerprint, digest, folder_fingerprint
from newsarchive.build.output import MARKER, SiteWriter, all_files, read_marker
from newsarchive.build.pages import (
    EarlyPages,
    Prepared,
    Renderer,
    prepare,
    ready_renderer,
    render_entities_meanwhile,
    render_site,
)
from newsarchive.build.progress import Progress
from newsarchive.build.timing import stage
from newsarchive.build.warm import WarmWorker, edited_since, ready
from newsarchive.build.work import Job, Loaded, load_batch, longest_first
from newsarchive.config import CONFIG_NAME, SiteConfig, load_config, with_base_url
from newsarchive.errors import ArticleError, ConfigError, NewsarchiveError
from newsarchive.lexicon import add_lexicon_dir, data_fingerprint, keep_parsed_in
from newsarchive.link.archive import link_entities, with_claim_links
from newsarchive.load.files import read_bytes
from newsarchive.records import Archive, Article, Diagnostic

if TYPE_CHECKING:
    from newsarchive.build.pages import PlannedGroups
    from newsarchive.link.pieces import LinkPieces
    from newsarchive.link.table import ClaimLinkTable
    from newsarchive.render.context import ArchiveIndex


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What `newsarchive build` was asked to do."""

    articles: Path = Path("articles")
    templates: Path = Path("templates")
    output: Path = Path("site")
    base_url: str | None = None
    jobs: int = 0
    """Worker processes; 0 means one per core."""
    executor: str = "local"
    """"local", or "dask://HOST:PORT" to send per-article work to a Dask cluster."""
    cache: bool = True
    config: Path | None = None
    """The config file; None: `newsarchive.yaml` beside the articles folder, else in the working folder."""


@dataclass(slots=True)
class BuildResult:
    """What a build did, for the summary line and the exit status."""

    articles: int = 0
    failed: int = 0
    crashed: int = 0
    written: int = 0
    reused: int = 0
    up_to_date: bool = False
    seconds: float = 0.0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "warning")

    def status(self, strict: bool = False) -> int:
        """Return the exit status: 1 if an article failed (with `strict`, also on warnings)."""
        return 1 if self.errors or (strict and self.warnings) else 0


def build(options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build the site; problems with single articles are reported in the result, not raised."""
    started = time.perf_counter()
    progress = progress or Progress(enabled=False)
    result = BuildResult()
    config = read_config(options)
    if not options.articles.is_dir():
        raise NewsarchiveError(f"no articles folder at {options.articles} "
                               "(see --articles, or start one with newsarchive init)")
    add_lexicon_dir(options.articles.absolute().parent / "lexicons")
    # The lexicons' YAML parsed once, kept beside the cache: each process that extracts reads that.
    keep_parsed_in(cache_path(options).parent if options.cache else None)
    files, skipped = discover(options.articles)
    result.diagnostics.extend(skipped)
    writer = SiteWriter(options.output, protect=(options.articles, options.templates))
    rebuild = options.cache and cache_path(options).is_file() and edited_since(
        (p for f in files for p in (f.path, f.sidecar) if p is not None), writer.output / MARKER)
    cache = Cache(cache_path(options) if options.cache else None)
    # A rebuild's one extraction worker is forked now and readies itself while the inputs are hashed.
    warm = WarmWorker.for_rebuild(options.executor, options.jobs or default_jobs(), rebuild)
    try:
        with stage("hash inputs"):
            jobs, keys = hash_inputs(files, result)
        site_key = digest(code_fingerprint(), data_fingerprint(), folder_fingerprint(options.templates),
                          repr(config), *sorted(keys.values()))
        if is_up_to_date(writer, cache, site_key):  # (the readied worker is stopped below)
            result.diagnostics.extend(cached_diagnostics(cache))
            result.articles = len(keys)
            result.up_to_date = True
            return result
        renderer: list[Renderer] = []

        def meanwhile() -> None:
            # While the workers extract the changed articles, the renderer is readied and the
            # previous site's files are linked into the new one: an edit changes few of them. (In
            # the link step, this process is the longer side; here, the extraction worker.)
            renderer.append(ready_renderer(config, options.templates, cache))
            writer.start()
            writer.link_previous(cache.files())

        with stage("load"):
            loaded, records = load_articles(jobs, keys, cache, options, progress, meanwhile, warm)
        articles = unique_slugs(collect_articles(loaded, result), result)
        del loaded
        # While the link step runs, this process gathers the people and sources and then what
        # planning the pages needs of them.
        prepared: list[Prepared] = []
        early: list[EarlyPages] = []
        entities = EntitiesMemo(cache, keys)
        entity_units = EntityUnitsMemo(cache, entities)
        with stage("link"), kept_for_the_build():
            archive, memo = link_step(
                articles, records, result, lambda: None,
                lambda linked: prepared.append(prepare(linked, renderer[0], writer, cache, keys,
                                                       entity_units)), entities,
                lambda linked: early.append(render_entities_meanwhile(prepared[0], writer, linked)))
            if memo is not None:
                cache.put_blob(CLAIM_MEMO, memo_key(), memo)
            entities.save()
            entity_units.save()
            del memo
        del articles
        article_units = ArticleUnitsMemo(cache, entities)
        render_site(archive, prepared[0], options, writer, cache, records, keys, result, progress,
                    article_units, early[0] if early else None, entities.current,
                    lambda linked, index, content: groups_memo(cache, entities, prepared[0].base, linked,
                                                               index, content, article_units.renamed))
        prepared[0].code.save()
        article_units.save()
        with stage("swap in"):
            writer.finish(site_key)
        cache.set("site", site_key)
        cache.set("diagnostics", _encode_diagnostics(result.diagnostics))
    finally:
        if warm is not None:
            warm.stop()
        release()
        writer.abort()
        cache.close()
        result.seconds = time.perf_counter() - started
        result.diagnostics.sort(key=lambda d: (d.path, d.line or 0))
    return result


def groups_memo(cache: Cache, entities: EntitiesMemo, base: str, archive: Archive, index: ArchiveIndex,
                content: dict[str, str], renamed: tuple[str, set[str]] | None = None) -> PlannedGroups:
    """Return the `GroupsMemo` of this build (imported here: it needs the renderer, which a build
    imports only once it has started its workers)."""
    from newsarchive.build.groups_memo import GroupsMemo

    return GroupsMemo(cache, entities, base, archive, index, content, renamed)


def read_config(options: BuildOptions) -> SiteConfig:
    """Read `newsarchive.yaml` (beside the articles folder, else here) and apply --base-url."""
    path = options.config
    if path is None:
        beside = options.articles.absolute().parent / CONFIG_NAME
        path = beside if beside.is_file() else Path(CONFIG_NAME)
    config = load_config(path)
    if options.base_url is not None and not re.match(r"^https?://[^\s/]+", options.base_url):
        raise ConfigError(f"--base-url {options.base_url!r} must start with http:// or https://")
    return with_base_url(config, options.base_url)


def cache_path(options: BuildOptions) -> Path:
    """Keep the cache beside the output, so a throw-away output folder keeps its cache."""
    return options.output.absolute().parent / CACHE_DIR / "cache.sqlite"


def hash_inputs(files: list[ArticleFile], result: BuildResult) -> tuple[dict[str, Job], dict[str, str]]:
    """Read every article and sidecar and key each on its content and the code that reads it."""
    base = digest(code_fingerprint(), data_fingerprint())
    jobs: dict[str, Job] = {}
    keys: dict[str, str] = {}
    for f in files:
        try:
            raw = read_bytes(f.path, f.display)
            side = read_bytes(f.sidecar, str(f.sidecar)) if f.sidecar is not None else b""
        except ArticleError as exc:
            result.diagnostics.append(Diagnostic(exc.path or f.display, exc.line, exc.message, "error"))
            continue
        key = digest(base, f.display, raw, side)
        keys[f.display] = key
        jobs[f.display] = Job(f.display, key, raw, str(f.sidecar) if f.sidecar is not None else None)
    return jobs, keys


def is_up_to_date(writer: SiteWriter, cache: Cache, site_key: str) -> bool:
    """Return True where the output is the site these exact inputs make, every page in place."""
    marker = read_marker(writer.output) if writer.previous is not None else None
    if marker is None or marker.get("key") != site_key or cache.get("site") != site_key:
        return False
    pages = cache.relpaths()
    return bool(pages) and all_files(writer.output, pages)


def load_articles(jobs: dict[str, Job], keys: dict[str, str], cache: Cache, options: BuildOptions,
                  progress: Progress, meanwhile: Callable[[], None] = lambda: None,
                  warm: WarmWorker | None = None) -> tuple[list[Loaded], RecordReader]:
    """Load and extract every article: from the cache where its key matches, else in workers.

    Return each article's summary (`work.summary_of`), sorted by path, and where the render
    workers find the whole records: the cache, or this process for those it could not take.
    The workers start first, so that the few articles of an edit are extracted while this process
    reads the many unchanged ones back from the cache, and then runs `meanwhile` (readying the
    renderer and the staging folder: an extraction worker's first article takes ~0.1 s of imports
    and lexicons), taking
    `warm`'s worker where one worker is wanted (stopping it otherwise).
    """
    cached_keys = cache.article_keys()
    todo = [job for display, job in jobs.items() if cached_keys.get(display) != keys[display]]
    progress.start("reading", len(jobs))
    fresh: list[Loaded] = []
    held: dict[str, tuple[bytes, bytes]] = {}

    def take(results: Iterator[list[tuple[bytes, bytes, bytes]]]) -> None:
        for batch in results:
            items: list[Loaded] = [pickle.loads(summary) for _, summary, _ in batch]
            fresh.extend(items)
            # Saved as they come, so that no more than a batch of whole records is held here.
            pairs = list(zip(items, batch, strict=True))
            if not cache.put_articles([(item.display, item.key, data, summary, link)
                                       for item, (data, summary, link) in pairs]):
                held.update((item.display, (data, link)) for item, (data, _, link) in pairs)
            progress.advance(len(batch))

    # The workers start first, with the collector as it is; the summaries read back here live as
    # long as the build.
    with _Loads(todo, options, overlap=len(jobs) - len(todo), warm=warm) as running, kept_for_the_build():
        loaded: list[Loaded] = []
        damaged: list[Job] = []
        hits = [display for display in jobs if cached_keys.get(display) == keys[display]]
        for i in range(0, len(hits), 500):
            found = cache.article_summaries(hits[i : i + 500])
            for display in hits[i : i + 500]:
                hit = loads(found.get(display, b""))
                if isinstance(hit, Loaded) and hit.key == jobs[display].key:
                    loaded.append(hit)
                else:
                    damaged.append(jobs[display])
        progress.advance(len(loaded))
        meanwhile()
        take(running.results)
    if damaged:
        with _Loads(damaged, options) as running:
            take(running.results)
    cache.forget_articles(set(jobs))
    progress.done()
    saved = cache.path if cache.path is not None and cache.path.is_file() else None
    return sorted(loaded + fresh, key=lambda x: x.display), RecordReader(saved, held)


class _Loads:
    """Load and extract articles in workers (local processes or Dask), started on entering."""

    def __init__(self, todo: list[Job], options: BuildOptions, overlap: int = 0,
                 warm: WarmWorker | None = None) -> None:
        self.todo = todo
        self.options = options
        self.overlap = overlap
        self.warm = warm
        """A worker forked before the inputs were hashed: taken where one worker is wanted."""
        """Cached articles this process reads meanwhile: where many, even one article goes to a worker."""
        self.pool: Executor | None = None
        self.dask: DaskPool | None = None
        self.results: Iterator[list[tuple[bytes, bytes, bytes]]] = iter(())

    def __enter__(self) -> _Loads:
        options = self.options
        jobs = options.jobs or default_jobs()
        task = _LoadTask(tuple(str(p) for p in _lexicon_dirs(options)))
        batches = batched(longest_first(self.todo), jobs)
        # Few articles are extracted here, unless this process has many cached ones to read meanwhile.
        spare = jobs > 1 and self.overlap > 100
        workers = jobs if len(self.todo) > 8 else 1
        warm = self.warm.take() if self.warm is not None and batches and workers == 1 and spare else None
        if self.warm is not None:
            self.warm.stop()
        if not batches:
            return self
        if options.executor.startswith("dask://"):
            self.dask = DaskPool(options.executor)
            self.results = self.dask.map(task, batches)
            return self
        if options.executor != "local":
            raise ConfigError(f"--executor {options.executor!r}: use 'local' or 'dask://HOST:PORT'")
        forked = "fork" in multiprocessing.get_all_start_methods()
        if warm is None and workers > 1 and len(self.todo) >= READY_HERE * workers and forked:
            # Readied here once, the extraction (imports, lexicons, their patterns: ~0.17 s of CPU)
            # is inherited by every worker forked below, instead of readied in each. Only where
            # each worker has several batches to do: the workers wait for this meanwhile.
            ready()
        self.pool = warm or process_pool(workers, force=spare)
        if self.pool is None:
            self.results = run_batches(None, task, batches)
        else:
            # Submitted now, not when the results are first asked for; each let go once taken, as
            # a future keeps its result (a batch of whole records) for as long as it is held.
            futures = deque(self.pool.submit(task, b) for b in batches)
            self.results = (futures.popleft().result() for _ in range(len(futures)))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        if self.dask is not None:
            self.dask.close()


READY_HERE = 256
"""Articles to extract per worker from which this process readies the extraction for them all."""


@dataclass(frozen=True, slots=True)
class _LoadTask:
    """A picklable `load_batch` with the lexicon folders bound (for local and Dask workers alike)."""

    lexicons: tuple[str, ...]

    def __call__(self, jobs: list[Job]) -> list[tuple[bytes, bytes, bytes]]:
        return load_batch(jobs, self.lexicons)


def _lexicon_dirs(options: BuildOptions) -> list[Path]:
    folder = options.articles.absolute().parent / "lexicons"
    return [folder] if folder.is_dir() else []


def collect_articles(loaded: list[Loaded], result: BuildResult) -> list[Article]:
    """Gather the articles that loaded and every diagnostic, counting failures and crashes."""
    articles: list[Article] = []
    for item in loaded:
        result.diagnostics.extend(item.diagnostics)
        if item.article is None:
            result.failed += 1
            result.crashed += item.crashed
            continue
        result.diagnostics.extend(item.article.diagnostics)
        articles.append(item.article)
    result.articles = len(loaded)
    return articles


def unique_slugs(articles: list[Article], result: BuildResult) -> list[Article]:
    """Give every article its own slug (first by path keeps it) and warn about shared titles."""
    taken: dict[str, str] = {}
    titles: dict[str, str] = {}
    out: list[Article] = []
    for art in articles:
        slug = art.slug
        if slug in taken:
            n = 2
            while f"{slug}-{n}" in taken:
                n += 1
            new = f"{slug}-{n}"
            result.diagnostics.append(Diagnostic(art.path, None, f"slug {slug!r} is already used by "
                                                 f"{taken[slug]}; this article's page is {new!r}"))
            art = replace(art, doc=replace(art.doc, slug=new))
            slug = new
        taken[slug] = art.path
        title = (art.doc.title or "").strip().casefold()
        if title and title in titles:
            result.diagnostics.append(Diagnostic(art.path, None, f"same title as {titles[title]}"))
        elif title:
            titles[title] = art.path
        out.append(art)
    return out


def link_step(articles: list[Article], records: RecordReader, result: BuildResult,
              meanwhile: Callable[[], None] = lambda: None,
              with_entities: Callable[[Archive], None] = lambda linked: None,
              entities_of: Callable[[Sequence[Article]], Archive] = link_entities,
              while_linking: Callable[[Callable[[], bool]], None] = lambda linked: None
              ) -> tuple[Archive, bytes | None]:
    """Link the articles into one archive and keep its diagnostics; run `meanwhile` as it links.

    `with_entities` is given the archive with its people and sources but no claim links yet, as
    soon as it is there (while the claims are still being linked, where they are linked apart);
    `entities_of` gathers the people and sources (`build.entities_memo`: the last build's where it can).
    `while_linking`, where the claims are linked apart, is then run with a test of whether they are
    linked, so that this process can work until then instead of waiting.

    Return the archive and the claim memo (`link.claim_memo`, pickled) for the next build.
    Where processes can be forked, the claims are linked in a child process, while this one runs
    `meanwhile` and then gathers the people and sources (`link_entities`, which needs no claim
    keys): two cores at work, and the link pieces of every article and the claim linking's working
    tables never take room in this process, whose memory every render worker inherits. Only the
    links (a compact table) and the memo come back.
    """
    global _to_link
    methods = multiprocessing.get_all_start_methods()
    if "fork" not in methods:
        meanwhile()
        linked = entities_of(articles)
        with_entities(linked)
        claim_links, memo = _link_claims(articles, records)
    else:
        _to_link = (articles, records)
        try:
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
                linking = pool.submit(_link_in_child)
                meanwhile()
                linked = entities_of(articles)
                with_entities(linked)
                while_linking(linking.done)
                claim_links, memo = linking.result()
        finally:
            _to_link = None
    archive = with_claim_links(linked, claim_links)
    result.diagnostics.extend(archive.diagnostics)
    return archive, memo


# What the forked link process reads (inherited, never pickled); set only while it runs.
_to_link: tuple[list[Article], RecordReader] | None = None


def _link_in_child() -> tuple[ClaimLinkTable, bytes | None]:
    """Link the claims of `_to_link`; return the links and the memo."""
    assert _to_link is not None
    # This process ends once it has answered and makes no reference cycles worth collecting: the
    # cyclic collector would only walk the inherited summaries over and over (1.9 -> 1.5 s CPU for
    # 2,225 articles).
    gc.disable()
    return _link_claims(*_to_link)


CLAIM_MEMO = "claim-memo"
"""The cache's name for the last build's `ClaimMemo`."""


def memo_key() -> str:
    """Return the key a claim memo is kept under: the code that compared the claims."""
    return digest(code_fingerprint(), "claim memo")


def _link_claims(articles: list[Article], records: RecordReader) -> tuple[ClaimLinkTable, bytes | None]:
    """Link the claims, with the link pieces their workers cached (any missing are worked out).

    Claims are compared again only where the last build's memo (kept in the cache) cannot tell
    the outcome, and only the link pieces of the articles compared again are unpickled (every
    article's are read, to fingerprint them: a twentieth of the time). Return the links and the
    new memo, pickled (None where there is no cache).
    """
    # Imported here, in the forked child that runs this (where fork is available): the main process
    # never needs them, and goes on meanwhile instead of importing them (~15 ms) at start.
    from newsarchive.link.claim_memo import ClaimMemo, link_claims_again
    from newsarchive.link.pieces import Compactor, LinkPieces, link_pieces

    found: dict[str, bytes] = {}
    paths = [a.path for a in articles]
    for i in range(0, len(paths), 500):
        found.update(records.link_pieces(paths[i : i + 500]))
    prints = [hashlib.blake2b(data, digest_size=16).hexdigest() if (data := found.get(a.path)) else None
              for a in articles]
    shared = Compactor()

    def fetch(wanted: list[int]) -> list[LinkPieces]:
        out: list[LinkPieces] = []
        for i in wanted:
            item = loads(found.pop(articles[i].path, b""))  # read once: let its bytes go
            if isinstance(item, LinkPieces):
                out.append(shared.pieces(item))
            else:  # damaged: worked out again, and never taken for the same as last time's
                prints[i] = None
                out.append(link_pieces(articles[i]))
        return out

    last = loads(records.blob(CLAIM_MEMO, memo_key()) or b"")
    claim_links, memo = link_claims_again(articles, fetch, prints,
                                          last if isinstance(last, ClaimMemo) else None)
    del last
    found.clear()
    saved = pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL) if records.path is not None else None
    return claim_links, saved


def cached_diagnostics(cache: Cache) -> list[Diagnostic]:
    """Return the diagnostics of the build that made the current site (for an up-to-date rebuild)."""
    return _decode_diagnostics(cache.get("diagnostics") or "")


def _encode_diagnostics(diagnostics: list[Diagnostic]) -> str:
    return pickle.dumps([(d.path, d.line, d.message, d.severity) for d in diagnostics]).hex()


def _decode_diagnostics(text: str) -> list[Diagnostic]:
    try:
        rows = loads(bytes.fromhex(text)) if text else None
    except ValueError:
        return []
    if not isinstance(rows, list):
        return []
    return [Diagnostic(*row) for row in rows]

