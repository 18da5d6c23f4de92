"""Each article's record as data: JSON to download and a highlighted view of it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any

from markupsafe import Markup

from newsarchive.export import article_to_dict
from newsarchive.records import Archive, Article, ClaimLink, Entity, Ref
from newsarchive.render.jsontext import Block, dumps, grouped, made

PYGMENTS_CSS = "static/pygments.css"


def readable_json(data: dict[str, Any]) -> str:
    """Return a mapping as JSON with one key per line and one list item per line.

    Easy to read and diff, and written by json's C encoder: `indent=` switches to the pure-Python
    encoder, which took longer than rendering the article's page.
    """
    return _json_texts(data)[0]


def _json_texts(data: dict[str, Any]) -> tuple[str, str]:
    """Return `readable_json` of a mapping and the mapping as one line, as `json.dumps` writes it.

    Both are joined from the same encoded values, so a record is encoded once for its file and its
    line of archive.json (`str.replace` on the readable text took half as long again as both).
    """
    lines = []
    flat = []
    for key, value in data.items():
        name = dumps(key)
        if isinstance(value, list) and value:
            items = [dumps(v) for v in value]
            lines.append(f"  {name}: [\n    " + ",\n    ".join(items) + "\n  ]")
            flat.append(f"{name}: [" + ", ".join(items) + "]")
        else:
            text = dumps(value)
            lines.append(f"  {name}: {text}")
            flat.append(f"{name}: {text}")
    return "{\n" + ",\n".join(lines) + "\n}\n", "{" + ", ".join(flat) + "}"


def article_json(article: Article) -> str:
    """Return the article's record as readable JSON text."""
    return readable_json(article_to_dict(article))


def article_texts(article: Article) -> tuple[str, str]:
    """Return `article_json` and `article_line` of an article together, its record encoded once."""
    return _json_texts(article_to_dict(article))


# Pygments' JSON lexer takes ~13 ms on one article's record, over half a minute for a 2,000-article
# archive. Our JSON comes from json.dumps, so one regular expression tokenises it exactly; the
# markup and CSS classes are Pygments' own (`pygments_highlight` is kept to check that in tests),
# except that whitespace is left bare instead of wrapped in unstyled spans: a third fewer tokens.
_JSON_TOKEN = re.compile(r"(?P<s2>&quot;(?:[^&\\]++|\\.|&(?!quot;))*+&quot;)(?P<key>(?=[ \t]*:))?"
                         r"|(?P<mi>-?\d+(?![.eE\d]))|(?P<mf>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
                         r"|(?P<kc>true|false|null)|(?P<p>[\[\]{},:]+)")


def _span(match: re.Match[str]) -> str:
    kind = match.lastgroup
    return f'<span class="{"nt" if kind == "key" else kind}">{match.group()}</span>'


# A string's content is the only text that differs much from one record to the next; what lies
# between two strings (punctuation, spaces, numbers, true/false/null) is the same few thousand runs
# in every record (16,000 in 2,225 BBC records, 516,000 runs in all), so each run is marked up once
# by `_JSON_TOKEN` and kept. The strings are cut out by `str.split` on the escaped quotation mark, in
# C: a third of the time the regular expression that matched each string and number took.
_KEY_AFTER = re.compile(r"[ \t]*:")


class _Between(dict[str, tuple[str, str]]):
    """For each run of text between two strings, made on first use: how the string before it opens
    (`nt` where the run starts with the colon that makes that string a key, else `s2`) and what
    follows that string's content (its closing quotation mark and tag, then the run marked up)."""

    LIMIT = 32768
    """Runs kept at most (~10 MB): a run holding a number (`: 17, `) is one of a few thousand."""

    def __missing__(self, text: str) -> tuple[str, str]:
        marks = (('<span class="nt">' if _KEY_AFTER.match(text) else '<span class="s2">') + _QUOTE,
                 _QUOTE + "</span>" + _JSON_TOKEN.sub(_span, text))
        if len(self) < self.LIMIT:
            self[text] = marks
        return marks


_QUOTE = "&quot;"
_BETWEEN = _Between()


def _escapes_mark(piece: str) -> bool:
    """Return True where `piece` ends in an odd number of backslashes, so the quotation mark after
    it is escaped. (The run cannot reach back past a quotation mark: "&quot;" ends in ";".)"""
    return piece[-1:] == "\\" and (len(piece) - len(piece.rstrip("\\"))) % 2 == 1


def highlighted(json_text: str) -> Markup:
    """Return JSON text (as `json.dumps` writes it) highlighted the way Pygments marks it up."""
    # Escaped first, as a whole (str.replace runs in C; per-token escaping was most of the cost).
    # Every "&" of the text becomes "&amp;", so each "&quot;" left is one of its quotation marks.
    escaped = (json_text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
               .replace('"', _QUOTE).replace("'", "&#39;"))
    pieces = escaped.split(_QUOTE)
    between = _BETWEEN
    out = ['<div class="highlight"><pre><span></span>', _JSON_TOKEN.sub(_span, pieces[0])]
    append = out.append
    last = len(pieces) - 1
    i = 1
    # pieces[i] is a string's content and pieces[i + 1] the run after it, but for a quotation
    # mark escaped in a string (after an odd number of backslashes), which joins two pieces.
    while i < last:
        content = pieces[i]
        if _escapes_mark(content) and i + 1 < last:
            # (joined once, at the end: adding piece by piece copied the string each time, which
            # made a paragraph of 30,000 quotation marks take seconds)
            joined = [content]
            while _escapes_mark(pieces[i]) and i + 1 < last:
                i += 1
                joined.append(pieces[i])
            content = _QUOTE.join(joined)
        opening, rest = between[pieces[i + 1]]
        append(opening)
        append(content)
        append(rest)
        i += 2
    if i != len(pieces):  # a string left open: not JSON as `json.dumps` writes it
        raise ValueError("highlighted: not JSON text (a string is not closed)")
    out.append("</pre></div>\n")
    return Markup("".join(out))


# Pygments is imported where it is used, not with this module: its formatters' import (with
# `importlib.metadata`, for its plugins) and lexers' took ~18 ms of every build's main process,
# which needs neither where the CSS is unchanged (`pygments_version`).


def pygments_highlight(json_text: str) -> str:
    """Return JSON text highlighted by Pygments itself (slow; the reference for `highlighted`)."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import JsonLexer

    return highlight(json_text, JsonLexer(), HtmlFormatter(cssclass="highlight"))


def pygments_version() -> str:
    """Return what `pygments_css` is made of besides this code: the installed Pygments' version."""
    import pygments  # its package alone: ~0.1 ms

    return f"pygments {pygments.__version__}"


def pygments_css() -> bytes:
    """Return the highlighting styles, light by default and dark where the reader prefers it."""
    from pygments.formatters import HtmlFormatter

    light = HtmlFormatter(style="default").get_style_defs(".highlight")  # type: ignore[no-untyped-call]
    dark = HtmlFormatter(style="github-dark").get_style_defs(".highlight")  # type: ignore[no-untyped-call]
    return f"{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n".encode()


def _ref(ref: Ref) -> dict[str, Any]:
    return {"article": ref.article, "index": ref.index}


def _entity(e: Entity) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "kind": e.kind, "roles": list(e.roles), "aliases": list(e.aliases),
            "quotes": [_ref(r) for r in e.quotes], "claims": [_ref(r) for r in e.claims],
            "articles": list(e.articles)}


def _link(link: ClaimLink) -> dict[str, Any]:
    return {"a": _ref(link.a), "b": _ref(link.b), "relation": link.relation, "how": link.how,
            "editorial": link.editorial}


def article_line(article: Article) -> str:
    """Return the article's record as one line of JSON, as archive.json lists it."""
    return dumps(article_to_dict(article))


def _listing(name: str, items: Iterable[str], last: bool = False) -> Iterator[str]:
    first = True
    for item in items:
        yield (f"  {json.dumps(name)}: [\n    " if first else ",\n    ") + item
        first = False
    yield f"  {json.dumps(name)}: []" if first else "\n  ]"
    yield "\n" if last else ",\n"


def entity_listings(archive: Archive) -> Iterator[str]:
    """Yield the "people" and "sources" listings of archive.json, `BLOCK_ITEMS` entries at a time."""
    yield from grouped(chain(_listing("people", (dumps(_entity(e)) for e in archive.people)),
                             _listing("sources", (dumps(_entity(e)) for e in archive.sources))))


def archive_json_chunks(archive: Archive, lines: Iterable[str], entities: Block = made) -> Iterator[str]:
    """Yield archive.json in pieces, from each article's `article_line` (in archive order).

    The same text as `readable_json` of the whole archive, without holding the whole in memory.
    The people and sources are one chunk, made through `entities` (`entity_listings`).
    """
    yield "{\n"
    yield from _listing("articles", lines)
    yield from entities(lambda: entity_listings(archive))
    yield from _listing("claim_links", (dumps(_link(x)) for x in archive.claim_links), last=True)
    yield "}\n"


def archive_json(archive: Archive) -> bytes:
    """Return the whole archive as one JSON document."""
    return "".join(archive_json_chunks(archive, map(article_line, archive.articles))).encode()
