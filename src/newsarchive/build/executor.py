"""Where per-article work runs: in this process, in a local process pool, or on a Dask cluster."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any, TypeVar

from newsarchive.errors import NewsarchiveError

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """Return the number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def process_pool(jobs: int, initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = (), force: bool = False) -> Executor | None:
    """Return a local pool of `jobs` processes, or None to work in this process (one job, not `force`d)."""
    if jobs <= 1 and not force:
        if initializer is not None:
            initializer(*initargs)
        return None
    # fork: workers inherit the loaded code and the linked archive without pickling them.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=context, initializer=initializer,
                               initargs=initargs)


def run_batches(pool: Executor | None, fn: Callable[[T], R], batches: Iterable[T]) -> Iterator[R]:
    """Yield fn(batch) for each batch, in order, on the pool or here."""
    if pool is None:
        yield from map(fn, batches)
    else:
        yield from pool.map(fn, batches)


class DaskPool:
    """Send batches to a Dask distributed scheduler at `address` (dask://HOST:PORT)."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise NewsarchiveError("--executor dask:// needs Dask: pip install 'newsarchive[dask]'") from None
        target = address.removeprefix("dask://")
        try:
            self.client = Client(f"tcp://{target}" if "://" not in target else target,  # type: ignore[no-untyped-call]
                                 timeout="10s")
        except OSError as exc:
            raise NewsarchiveError(f"cannot reach the Dask scheduler at {address}: {exc}") from None

    def map(self, fn: Callable[[T], R], batches: Iterable[T]) -> Iterator[R]:
        """Yield fn(batch) for each batch, in order, as the cluster finishes them."""
        futures = deque(self.client.map(fn, list(batches), pure=False))
        while futures:
            # Let go of each future once read, so that neither side keeps every result.
            yield futures.popleft().result()

    def close(self) -> None:
        self.client.close()  # type: ignore[no-untyped-call]


def batched(items: list[T], jobs: int, size: int = 64) -> list[list[T]]:
    """Cut `items` into batches: big enough to keep traffic low, enough of them to balance cores."""
    if not items:
        return []
    per = max(1, min(size, -(-len(items) // (jobs * 4))))
    return [items[i : i + per] for i in range(0, len(items), per)]
