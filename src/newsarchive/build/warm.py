"""An extraction worker started before the build knows what changed, readied while it finds out.

An extraction worker's first article costs ~0.15 s (importing the extraction, reading the
lexicons' YAML, compiling their patterns) and its next one a few milliseconds. In a rebuild after
an edit that first article was on the critical path: the worker was forked only once every input
was hashed. A rebuild whose articles were edited since the last build (`edited_since`: a file's
time, only a guess, the input hashes decide what is extracted) now forks its one worker as the
build starts and readies it meanwhile (`ready`); the load step takes it where it would have
started one worker, and otherwise it is stopped at once.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

READY_TEXT = ("Ready\n\nThe worker is ready, said Jane Smith, a spokeswoman for the BBC. "
              '"It is," she said.\n\n'
              "Sales rose 5% to $2bn in 2004, according to the Office for National Statistics. The figures "
              "were not a surprise, the statement said, and critics said the police in Washington had "
              "failed to act.\n\nResearch said: \u201cIt will pass.\u201d\n").encode()
"""What a worker extracts to ready itself: a headline, a quote, a speaker, a source, and claims
credited to a body, with a figure and a denial, and a one-word speaker at a sentence's start:
what a first article would otherwise load itself (the claims' patterns, the linking's lexicon, the
common words: ~25 ms of each load worker's first batch of 64 BBC articles, and of a rebuild's
first article)."""


def ready() -> None:
    """Import the extraction and load what its first article would (lexicons, patterns); no output."""
    from newsarchive.build.work import Job, load_batch

    load_batch([Job("ready.txt", "", READY_TEXT)])


class WarmWorker:
    """One forked extraction worker, readying itself from the moment it is made."""

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("fork"))
        self.pool.submit(ready)  # forks the worker now (a pool forks on its first task)

    @classmethod
    def for_rebuild(cls, executor: str, jobs: int, rebuild: bool) -> WarmWorker | None:
        """Return a worker where the load step would likely start one locally: a rebuild, cores to spare."""
        forks = "fork" in multiprocessing.get_all_start_methods()
        return cls() if rebuild and executor == "local" and jobs > 1 and forks else None

    def take(self) -> Executor | None:
        """Return the pool with its readied worker (None where taken or stopped); it is the caller's now."""
        pool, self.pool = self.pool, None
        return pool

    def stop(self) -> None:
        """Stop the worker without waiting for it to be ready (no-op where taken or stopped)."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        # A pool's shutdown waits for the task under way, and so would the interpreter's exit: the
        # worker is ended first. (`_processes` is the pool's own table of its workers.)
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)


def edited_since(files: Iterable[Path], marker: Path) -> bool:
    """Return True where any of `files` changed after `marker` (the last build's) or cannot be read.

    Only a guess at whether a rebuild will extract anything (an edit keeping an old time, a deleted
    article, a changed lexicon escape it), so that a rebuild where nothing changed forks no worker.
    """
    try:
        since = os.stat(marker).st_mtime_ns
        return any(os.stat(path).st_mtime_ns >= since for path in files)
    except OSError:
        return True
