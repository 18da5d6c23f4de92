"""Per-article work that runs in worker processes: bytes in, an extracted Article (or errors) out."""

from __future__ import annotations

import logging
import pickle
import traceback
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from newsarchive.build.collector import paused
from newsarchive.build.summary import summarise
from newsarchive.errors import NewsarchiveError
from newsarchive.lexicon import add_lexicon_dir
from newsarchive.records import Article, Diagnostic, Document, quick_pickle

if TYPE_CHECKING:
    from newsarchive.link.pieces import LinkPieces

log = logging.getLogger(__name__)


@quick_pickle
@dataclass(frozen=True, slots=True)
class Job:
    """One article to load and extract: everything a worker needs, with no shared state."""

    display: str
    key: str
    """Content hash of everything the result depends on (the cache key)."""
    raw: bytes
    sidecar: str | None = None
    """Path of the `<stem>.annotations.yaml` corrections file, where there is one."""


@quick_pickle
@dataclass(frozen=True, slots=True)
class Loaded:
    """What became of one article file."""

    display: str
    key: str
    article: Article | None
    """None where the file could not be read at all; in the build's main process, the summary."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Problems outside the article record: why it failed, sidecar problems."""
    crashed: bool = False
    """True where the failure was a bug in newsarchive, not a problem with the file."""
    link: LinkPieces | None = None
    """What the link step needs of this article alone, worked out here in parallel and cached."""


def longest_first(jobs: list[Job]) -> list[Job]:
    """Return the jobs with the longest articles first (ties in the order given).

    Workers take batches in turn, and a step ends with its last batch: cut from articles in
    this order, the last batches hold the shortest ones, so neither worker waits long for the
    other at the end (2,225 BBC articles, two workers: ~60 ms of one core idle -> ~5 ms, modelled
    on the articles' sizes).
    """
    return sorted(jobs, key=lambda job: len(job.raw), reverse=True)


def _corrections(article: Article, sidecar: str, display: str) -> tuple[Article, list[Diagnostic]]:
    from newsarchive.annotate import apply_corrections

    fixed, diagnostics = apply_corrections(article, Path(sidecar))
    # Name the sidecar as the user names the article (relative), not by the absolute path read.
    shown = str(Path(display).with_suffix("")) + ".annotations.yaml"
    return fixed, [replace(d, path=shown) if d.path == sidecar else d for d in diagnostics]


def load_articles(jobs: list[Job]) -> list[Loaded]:
    """Read, extract and correct a batch of articles; never raise, whatever the files hold."""
    # Imported here: a rebuild's main process reads its articles from the cache and never needs
    # the extraction (its import is ~50 ms of a one-change rebuild's start) nor the reader (YAML,
    # the layout's patterns: ~30 ms).
    from newsarchive.extract import extract_many
    from newsarchive.load.reader import document_from_bytes

    read: list[Document | Loaded] = []
    for job in jobs:
        try:
            read.append(document_from_bytes(job.raw, job.display))
        except Exception as exc:
            read.append(_failed(job, exc))
    # (All the batch's documents at once: each pass runs over them in turn, `extract_many`.)
    extracted = iter(extract_many([doc for doc in read if isinstance(doc, Document)]))
    out: list[Loaded] = []
    for job, doc in zip(jobs, read, strict=True):
        if isinstance(doc, Loaded):
            out.append(doc)
            continue
        try:
            article = next(extracted)
            if isinstance(article, Exception):
                raise article
            out.append(_corrected(job, article))
        except Exception as exc:
            out.append(_failed(job, exc))
    return out


def _corrected(job: Job, article: Article) -> Loaded:
    """Apply the article's corrections and work out its link pieces."""
    from newsarchive.link.pieces import link_pieces

    extra: list[Diagnostic] = []
    if job.sidecar is not None:
        article, extra = _corrections(article, job.sidecar, job.display)
    return Loaded(job.display, job.key, article, tuple(extra), link=link_pieces(article))


def _failed(job: Job, exc: Exception) -> Loaded:
    """Return what becomes of an article whose reading, extraction or correction raised `exc`."""
    if isinstance(exc, NewsarchiveError):
        return Loaded(job.display, job.key, None,
                      (Diagnostic(exc.path or job.display, exc.line, exc.message, "error"),))
    if isinstance(exc, RecursionError):
        return Loaded(job.display, job.key, None,
                      (Diagnostic(job.display, None, "article too deeply nested to read; skipped", "error"),))
    detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    log.debug("newsarchive: crash on %s\n%s", job.display,
              "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    return Loaded(job.display, job.key, None,
                  (Diagnostic(job.display, None, f"internal error, please report: {detail}", "error"),),
                  crashed=True)


def summary_of(loaded: Loaded) -> Loaded:
    """Return what the main process keeps of a loaded article: its summary, without link pieces."""
    article = summarise(loaded.article) if loaded.article is not None else None
    return replace(loaded, article=article, link=None)


def load_batch(jobs: list[Job], lexicon_dirs: tuple[str, ...] = ()) -> list[tuple[bytes, bytes, bytes]]:
    """Load a batch of articles; return each result (less its link pieces), summary and pieces, pickled."""
    for folder in lexicon_dirs:
        add_lexicon_dir(Path(folder))
    # Pickling here, in parallel, spares the main process a second pickling for the cache. The
    # record goes without its link pieces, which have their own column: they doubled its pickling
    # and unpickling time for nothing (2,225 BBC articles: 0.59 -> 0.27 s to pickle, 1.20 -> 0.79 s
    # to read back in the render workers, 14.6 -> 11.5 MB).
    out: list[tuple[bytes, bytes, bytes]] = []
    with paused():
        for loaded in load_articles(jobs):
            out.append((pickle.dumps(replace(loaded, link=None), protocol=pickle.HIGHEST_PROTOCOL),
                        pickle.dumps(summary_of(loaded), protocol=pickle.HIGHEST_PROTOCOL),
                        pickle.dumps(loaded.link, protocol=pickle.HIGHEST_PROTOCOL)))
    return out
