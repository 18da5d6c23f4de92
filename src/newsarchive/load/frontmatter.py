"""YAML front matter between `---` lines at the top of an article."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from newsarchive.errors import ArticleError
from newsarchive.records import Diagnostic

KNOWN_KEYS = ("title", "author", "outlet", "date", "url", "tags", "slug")
CLIPPER_KEYS = {"source": "url", "published": "date", "created": None, "description": None}
"""What a web clipper (Obsidian's, MarkDownload) writes: the page's address, its date of
publication (where `url` or `date` is not also set), and keys with nothing to fill (the day it
was clipped, the page's summary), taken without a warning."""
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]|]*)\]\]")
_SAFE_URL = re.compile(r"^(https?://|/|\./|\.\./|[\w.-]+(/|$))", re.IGNORECASE)
_SLUG_OK = re.compile(r"^[a-z0-9][a-z0-9._-]{0,120}$")


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, but a date stays the text it was written as: `date: 2024-13-45` would
    otherwise raise ValueError from deep inside PyYAML, and the check below names it instead."""


def _date_as_written(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _date_as_written)


@dataclass(slots=True)
class FrontMatter:
    """Checked front-matter values; None where the file does not set one."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    slug: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (yaml text or None, body, number of lines the front matter took)."""
    if not text.startswith("---"):
        return None, text, 0
    first_nl = text.find("\n")
    if first_nl == -1 or text[:first_nl].strip() != "---":
        return None, text, 0
    pos = first_nl + 1
    while pos <= len(text):
        nl = text.find("\n", pos)
        line = text[pos:] if nl == -1 else text[pos:nl]
        if line.strip() in ("---", "..."):
            yaml_text = text[first_nl + 1 : pos]
            body = "" if nl == -1 else text[nl + 1 :]
            return yaml_text, body, text[: pos].count("\n") + 1
        if nl == -1:
            break
        pos = nl + 1
    return None, text, 0


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, (str, int, float)):
        return str(value).strip() or None
    return None


def parse_front_matter(yaml_text: str, path: str) -> FrontMatter:
    """Parse and check front matter; raise ArticleError naming the line for malformed YAML."""
    try:
        data = yaml.load(yaml_text, Loader=_Loader)  # (a safe loader, as yaml.safe_load's)
    except RecursionError:  # `[[[[…` thousands deep: PyYAML's parser recurses once a level
        raise ArticleError("malformed front matter: nested too deeply", path, 2) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for 0-based, +1 for the opening ---
        problem = getattr(exc, "problem", None) or "not valid YAML"
        src = yaml_text.splitlines()[line - 2] if mark is not None and 0 <= line - 2 < len(
            yaml_text.splitlines()) else None
        raise ArticleError(f"malformed front matter: {problem}", path, line, src) from None
    fm = FrontMatter()
    if data is None:
        return fm
    if not isinstance(data, dict):
        raise ArticleError("front matter must be a mapping of keys to values", path, 2)
    lines = yaml_text.splitlines()

    def line_of(key: str) -> int:
        for i, text in enumerate(lines):
            if text.startswith(f"{key}:"):
                return i + 2
        return 2

    for key, value in data.items():
        k = raw = str(key)
        if k in CLIPPER_KEYS:
            known = CLIPPER_KEYS[k]
            if known is None or known in data:
                continue
            k = known
        if k not in KNOWN_KEYS:
            fm.diagnostics.append(Diagnostic(path, line_of(raw), f"unknown front-matter key {k!r} ignored"
                                             f" (known: {', '.join(KNOWN_KEYS)})"))
            continue
        if k == "tags":
            if isinstance(value, str):
                value = [t.strip() for t in value.split(",")]
            if not isinstance(value, list):
                fm.diagnostics.append(Diagnostic(path, line_of(raw), "tags must be a list; ignored"))
                continue
            fm.tags = tuple(t for t in (_text(v) for v in value) if t)
            odd = sum(1 for v in value if v is not None and _text(v) is None and not _blank(v))
            if odd:
                fm.diagnostics.append(Diagnostic(path, line_of(raw), f"{odd} of the tags are not text; "
                                                 "ignored"))
            continue
        if k == "author" and isinstance(value, list):
            given = [v for v in value if v is not None and not _blank(v)]
            value = _names(value)  # a clipper's list of writers, ["[[Fiona Mackay]]", "[[Tom Ellery]]"]
            if value is None and given:
                fm.diagnostics.append(Diagnostic(path, line_of(raw), "front-matter 'author' must be "
                                                 "text or a list of names; ignored"))
                continue
        elif k == "author" and isinstance(value, str):
            value = _WIKI_LINK.sub(r"\1", value)
        text = _text(value)
        if text is None and value is not None:
            fm.diagnostics.append(Diagnostic(path, line_of(raw), f"front-matter {k!r} must be text; ignored"))
            continue
        if k == "url" and text is not None and not _SAFE_URL.match(text):
            fm.diagnostics.append(Diagnostic(path, line_of(raw), f"unsafe url {text!r} refused"))
            continue
        if k == "date" and text is not None:
            try:
                text = dt.date.fromisoformat(text[:10]).isoformat()
            except ValueError:
                fm.diagnostics.append(
                    Diagnostic(path, line_of(raw), f"date {text!r} is not YYYY-MM-DD; ignored"))
                continue
        if k == "slug" and text is not None and not _SLUG_OK.match(text):
            fm.diagnostics.append(Diagnostic(path, line_of(raw), f"slug {text!r} must be lowercase letters, "
                                             "digits, '.', '_' or '-'; ignored"))
            continue
        setattr(fm, k, text)
    return fm


def _blank(value: Any) -> bool:
    """Whether a front-matter value is empty text (left out without a word, as YAML's null is)."""
    return isinstance(value, str) and not value.strip()


def _names(values: list[Any]) -> str | None:
    """Return a list of writers as a byline writes them ("A, B and C"), wiki links' brackets taken off."""
    names = [n for n in (_text(_WIKI_LINK.sub(r"\1", v) if isinstance(v, str) else v) for v in values) if n]
    if len(names) <= 1:
        return names[0] if names else None
    return ", ".join(names[:-1]) + " and " + names[-1]
