"""Read one article file into a `Document`."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from newsarchive.errors import ArticleError
from newsarchive.load.decode import decode

# Re-exported: callers have long imported these from here.
from newsarchive.load.files import ARTICLE_SUFFIXES as ARTICLE_SUFFIXES
from newsarchive.load.files import MAX_BYTES as MAX_BYTES
from newsarchive.load.files import read_bytes as read_bytes
from newsarchive.load.files import slugify as slugify
from newsarchive.load.frontmatter import FrontMatter, parse_front_matter, split_front_matter
from newsarchive.load.layout import lay_out
from newsarchive.records import Diagnostic, Document

_LINE = re.compile(r"line (\d+): ")
# A character reference left by a scraper in plain text ("Jos&#233; Manuel Barroso", "AT&amp;T"):
# numeric, or named with its semicolon (not "R&D" or "AT&T").
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


_NAME_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])(?![0-9])")
"""A date written into a file's name ("2015-06-15-slug.txt", "nyt_2016-02-17_jeb-bush.txt")."""


def date_from_name(stem: str) -> str | None:
    """Return the ISO date a file's name carries, as Hugo and Pelican take it where the article
    gives none; None where the name has no valid date or more than one."""
    found = _NAME_DATE.findall(stem)
    if len(found) != 1:
        return None
    year, month, day = found[0]
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None  # ("2015-02-30"): no day of the calendar


def _unescape(match: re.Match[str]) -> str:
    char = html.unescape(match.group())
    # (a reference to a control character or an unknown name stays as written)
    return match.group() if char == match.group() or "\ufffd" in char or not char.isprintable() else char


def read_text(path: Path, display: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Return a file's text and the repairs made while decoding it."""
    name = display or str(path)
    decoded = decode(read_bytes(path, name), name)
    return decoded.text, decoded.repairs


def _decode_references(text: str, repairs: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Decode the character references in plain text, adding a repair note where there were any."""
    first = _CHAR_REF.search(text)
    if first is None:
        return text, repairs
    decoded = _CHAR_REF.sub(_unescape, text)
    if decoded == text:
        return text, repairs
    where = text.count("\n", 0, first.start()) + 1
    return decoded, (*repairs, f"line {where}: HTML character references decoded (\"{first.group()}\")")


def parse_document(text: str, path: str, repairs: tuple[str, ...] = ()) -> Document:
    """Turn an article's text into a Document; raise ArticleError where it cannot be read at all."""
    if not text.strip():
        raise ArticleError("file is empty; skipped", path)
    markdown = path.lower().endswith((".md", ".markdown"))
    diagnostics = []
    if not markdown:  # (Markdown reads its own references)
        text, repairs = _decode_references(text, repairs)
    for repair in repairs:
        at = _LINE.match(repair)
        line, message = (int(at[1]), repair[at.end() :]) if at else (None, repair)
        diagnostics.append(Diagnostic(path, line, message))
    yaml_text, body, fm_lines = split_front_matter(text)
    fm = parse_front_matter(yaml_text, path) if yaml_text is not None else FrontMatter()
    if yaml_text is None and text.startswith("---\n"):
        diagnostics.append(Diagnostic(path, 1, "front matter opened with '---' but never closed; "
                                      "read as article text"))
    diagnostics.extend(fm.diagnostics)
    layout = lay_out(body, fm_lines + 1, markdown, fm.title)
    if not layout.paragraphs and (not body.strip() or not (layout.title or fm.title)):
        where = " after the front matter" if yaml_text is not None else ""
        line = fm_lines + 1 if fm_lines else None
        diagnostics.append(Diagnostic(path, line, f"article has no text{where}"))
    title = fm.title or layout.title
    stem = Path(path).stem
    slug = fm.slug or slugify(stem)
    return Document(
        path=path,
        slug=slug,
        title=title,
        author=fm.author or layout.author,
        outlet=fm.outlet or layout.outlet,
        date=fm.date or layout.date or date_from_name(stem),  # (the text's own date wins)
        url=fm.url,
        tags=fm.tags,
        paragraphs=layout.paragraphs,
        boilerplate=layout.boilerplate,
        markdown=markdown,
        standfirst=layout.standfirst,
        diagnostics=tuple(diagnostics),
    )


def document_from_bytes(raw: bytes, path: str) -> Document:
    """Decode and parse an article file's bytes (read elsewhere, for example by the build)."""
    decoded = decode(raw, path)
    return parse_document(decoded.text, path, decoded.repairs)


def read_document(path: Path, display: str | None = None) -> Document:
    """Read and parse one article file."""
    name = display or str(path)
    return document_from_bytes(read_bytes(path, name), name)
