"""A progress bar for long builds on a terminal; silent everywhere else."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Draw `label [#####     ] done/total` on one terminal line, at most ten times a second."""

    def __init__(self, enabled: bool | None = None, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.label = ""
        self.total = 0
        self.count = 0
        self._drawn = 0.0
        self._started = 0.0

    def start(self, label: str, total: int) -> None:
        """Begin a stage of `total` steps."""
        self.label, self.total, self.count = label, total, 0
        self._started = time.monotonic()

    def advance(self, n: int = 1) -> None:
        """Count `n` more steps done."""
        self.count += n
        now = time.monotonic()
        # Short stages stay silent: a bar is only worth drawing on a build that takes a while.
        if self.enabled and now - self._started > 0.5 and now - self._drawn > 0.1:
            self._drawn = now
            self._draw()

    def _draw(self) -> None:
        width = 30
        filled = width * self.count // max(1, self.total)
        self.stream.write(f"\r{self.label:10} [{'#' * filled}{' ' * (width - filled)}] "
                          f"{self.count}/{self.total}\033[K")
        self.stream.flush()

    def done(self) -> None:
        """End the stage and clear the bar's line."""
        if self.enabled and self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
        self._drawn = 0.0
