"""How long each stage of a build took, for `newsarchive build --verbose`."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

try:
    import resource
except ImportError:  # not on Unix: no account of the workers' time
    resource = None  # type: ignore[assignment]

log = logging.getLogger("newsarchive.build")


def _workers_cpu() -> tuple[float, float]:
    """Return the user and system CPU seconds of the ended child processes (a stage ends its workers)."""
    if resource is None:
        return 0.0, 0.0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime, used.ru_stime


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Log the wall time of the stage run inside, and the CPU this process and its workers spent."""
    wall, cpu, workers = time.perf_counter(), time.process_time(), _workers_cpu()
    try:
        yield
    finally:
        user, system = (after - before for after, before in zip(_workers_cpu(), workers, strict=True))
        # System time is mostly the kernel making files: worth telling apart from our own work.
        log.debug("newsarchive: %-13s %6.2f s wall; CPU %6.2f s here, %6.2f s user + %5.2f s system "
                  "in workers", name, time.perf_counter() - wall, time.process_time() - cpu, user, system)
