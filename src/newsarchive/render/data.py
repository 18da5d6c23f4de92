"""Each article's record as data: JSON to download and a highlighted view of it."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import JsonLexer

from newsarchive.export import article_to_dict
from newsarchive.records import Archive, Article, ClaimLink, Entity, Ref

PYGMENTS_CSS = "static/pygments.css"
_LEXER = JsonLexer()
_FORMATTER = HtmlFormatter(cssclass="highlight")


def article_json(article: Article) -> str:
    """Return the article's record as indented JSON text."""
    return json.dumps(article_to_dict(article), ensure_ascii=False, indent=2) + "\n"


def highlighted(json_text: str) -> Markup:
    """Return JSON text as highlighted HTML (Pygments escapes the text)."""
    return Markup(highlight(json_text, _LEXER, _FORMATTER))


def pygments_css() -> bytes:
    """Return the highlighting styles, light by default and dark where the reader prefers it."""
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


def archive_json(archive: Archive) -> bytes:
    """Return the whole archive as one JSON document."""
    data = {"articles": [article_to_dict(a) for a in archive.articles],
            "people": [_entity(e) for e in archive.people],
            "sources": [_entity(e) for e in archive.sources],
            "claim_links": [_link(x) for x in archive.claim_links]}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()
