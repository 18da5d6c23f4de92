"""The offline search index: a JavaScript file that sets a global, so it loads from file:// too."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from newsarchive.records import Archive, Article
from newsarchive.render.context import ArchiveIndex, article_path, entity_path
from newsarchive.render.jsonld import escape_for_script
from newsarchive.render.jsontext import BLOCK_ITEMS, Block, compact, made
from newsarchive.render.views import entity_roles

INDEX_PATH = "search-index.js"
MAX_TEXT = 240
"""Quotes and claims are cut to this many characters in the index: enough to find and recognise."""


def _cut(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class SearchRows:
    """One article's rows of the search index, as JSON text ready to join."""

    head: str
    """The article's own row."""
    places: str
    """Its quotes' and claims' rows, joined by commas (empty where it has none)."""


def _dump(row: list[str]) -> str:
    return compact(row)


def search_rows(art: Article) -> SearchRows:
    """Return an article's rows of the search index: [type, text, detail, root-relative url]."""
    doc = art.doc
    detail = " · ".join(x for x in (doc.outlet, doc.date, doc.author) if x)
    path = article_path(art.slug)
    title = doc.heading
    places = [_dump(["q", _cut(q.text), f"{q.speaker or 'unattributed'} — {title}", f"{path}#q-{i}"])
              for i, q in enumerate(art.quotes) if q.kind != "scare"]
    places.extend(_dump(["c", _cut(c.text), f"{c.by or 'the writer'} — {title}", f"{path}#c-{i}"])
                  for i, c in enumerate(art.claims))
    return SearchRows(_dump(["a", doc.heading, detail, path]), ",".join(places))


def search_index(archive: Archive, index: ArchiveIndex, rows: Iterable[SearchRows]) -> bytes:
    """Return the search index script: articles, people, sources, then quotes and claims."""
    kept = list(rows)
    return "".join(search_index_chunks(archive, index, lambda: kept)).encode()


def entity_rows(archive: Archive, index: ArchiveIndex) -> Iterator[str]:
    """Yield the people's and then the sources' rows of the search index, `BLOCK_ITEMS` at a time.

    The rows are joined by commas within each text, and the texts are to be joined by commas.
    """
    people = (escape_for_script(_dump(["p", e.name, ", ".join(entity_roles(index, e)), entity_path(e)]))
              for e in archive.people)
    sources = (escape_for_script(_dump(["s", e.name, e.kind, entity_path(e)])) for e in archive.sources)
    rows = (*people, *sources)
    for i in range(0, len(rows), BLOCK_ITEMS):
        yield ",".join(rows[i : i + BLOCK_ITEMS])


def search_index_chunks(archive: Archive, index: ArchiveIndex, rows: Callable[[], Iterable[SearchRows]],
                        entities: Block = made, escaped: bool = False) -> Iterator[str]:
    """Yield the search index script in pieces, never whole in memory.

    `rows` gives every article's rows, in archive order, each time it is called: the articles'
    own rows come first and their quotes and claims last, so they are read twice. The people's
    and sources' rows between them are one chunk, made through `entities` (`entity_rows`).
    `escaped`: the rows are escaped for the script already (the build's join copies them so
    from the last build's file: escaping them again changed nothing, for ~8 ms of 4,450 texts).
    """
    escape = _same if escaped else escape_for_script
    yield "window.NEWSARCHIVE_SEARCH=["
    sep = ""
    for r in rows():
        yield sep + escape(r.head)
        sep = ","
    for block in entities(lambda: entity_rows(archive, index)):
        yield sep + block
        sep = ","
    for r in rows():
        if r.places:
            yield sep + escape(r.places)
            sep = ","
    yield "];\n"


def _same(text: str) -> str:
    return text
