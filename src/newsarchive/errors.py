"""The one hierarchy of errors the CLI turns into a message and exit code 1."""

from __future__ import annotations


class NewsarchiveError(Exception):
    """Base class: anything the user can act on, with where it happened."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 source_line: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.source_line = source_line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = f"{where}{self.message}"
        if self.source_line is not None:
            text += "\n    " + self.source_line.rstrip()[:200]
        return text


class ArticleError(NewsarchiveError):
    """An article file cannot be read or parsed; the build skips it and goes on."""


class ConfigError(NewsarchiveError):
    """The site's config file has a bad value."""


class TemplateError(NewsarchiveError):
    """A template cannot be loaded or rendered."""


class OutputError(NewsarchiveError):
    """The output folder cannot be written safely (for example it holds files we did not make)."""
