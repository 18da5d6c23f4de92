"""The offline search index: a JavaScript file that sets a global, so it loads from file:// too."""

from __future__ import annotations

import json

from newsarchive.records import Archive
from newsarchive.render.context import ArchiveIndex, article_path, entity_path
from newsarchive.render.jsonld import escape_for_script
from newsarchive.render.views import entity_roles

INDEX_PATH = "search-index.js"
MAX_TEXT = 240
"""Quotes and claims are cut to this many characters in the index: enough to find and recognise."""



def _cut(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


def search_index(archive: Archive, index: ArchiveIndex) -> bytes:
    """Return the search index script: rows of [type, text, detail, root-relative url]."""
    rows: list[list[str]] = []
    for art in archive.articles:
        doc = art.doc
        detail = " · ".join(x for x in (doc.outlet, doc.date, doc.author) if x)
        rows.append(["a", doc.heading, detail, article_path(art.slug)])
    for entity in archive.people:
        rows.append(["p", entity.name, ", ".join(entity_roles(index, entity)), entity_path(entity)])
    for entity in archive.sources:
        rows.append(["s", entity.name, entity.kind, entity_path(entity)])
    for art in archive.articles:
        path = article_path(art.slug)
        title = art.doc.heading
        for i, q in enumerate(art.quotes):
            if q.kind != "scare":
                rows.append(["q", _cut(q.text), f"{q.speaker or 'unattributed'} — {title}", f"{path}#q-{i}"])
        for i, c in enumerate(art.claims):
            rows.append(["c", _cut(c.text), f"{c.by or 'the writer'} — {title}", f"{path}#c-{i}"])
    body = escape_for_script(json.dumps(rows, ensure_ascii=False, separators=(",", ":")))
    return f"window.NEWSARCHIVE_SEARCH={body};\n".encode()
