"""The search index and archive.json: joined from every article's pieces, in the main process or beside it.

Both change with any article, so they are joined from per-article pieces (a line of JSON, a few
search rows) that the render workers make beside each article's page and the cache keeps by the
article's content (`JoinedPieces`: stored as they come, read back in order); the pieces of
unchanged articles are copied from the previous site's files (`splice`).

Where only a few articles' pieces are new (a rebuild after an edit), the main process makes
those and a forked child joins the two files (`JoinChild`) while the main process plans and
renders the pages: the join needs nothing of the plan, and the main process would otherwise do
it on its own, one core idle.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Protocol

from newsarchive.build.cache import Cache, PieceColumn, RecordReader
from newsarchive.build.output import SiteWriter
from newsarchive.build.splice import BlobStore, Splicer
from newsarchive.records import Archive, Article

if TYPE_CHECKING:
    from newsarchive.build.pages import Previous, Records
    from newsarchive.render import Site
    from newsarchive.render.jsontext import Block
    from newsarchive.render.search import SearchRows

EARLY_JOIN = 64
"""Most articles whose pieces the main process makes itself, to join while the pages render."""
Row = tuple[str, str, str, str, bool]
"""(relpath, unit, key, output hash, reused) for one file written (a page's hash is `pages.PAGE_HASH`)."""
Piece = tuple[str, str, "SearchRows"]
"""(slug, the article's line of archive.json, its search rows)."""


class PieceStore(BlobStore, Protocol):
    """Where the join reads the articles' pieces and the files' layouts, and keeps the new layouts."""

    def pieces(self, slugs: list[str], column: PieceColumn) -> dict[str, tuple[str, str]]: ...


class JoinedPieces:
    """Every article's line of archive.json and rows of the search index, kept in the cache, not here.

    Pieces come from the workers as they render articles, from the cache where the article's
    content key matches, else are made from the whole record. They go to the cache as they come
    (held here only where the cache cannot take them) and are read back in archive order, a chunk
    at a time, so that neither join holds every article's pieces at once.
    """

    def __init__(self, site: Site, archive: Archive, cache: Cache, records: Records,
                 keys: dict[str, str], entities_key: str | None = None) -> None:
        self.site = site
        self.archive = archive
        self.cache = cache
        self.records = records
        self.keys = keys
        """Slug → the key its pieces are stored under."""
        self.entities_key = entities_key
        """A key of the archive's people and sources (same key, same entities), where known."""
        self.saved: set[str] = set()
        self.held: dict[str, tuple[str, SearchRows]] = {}
        self.stored: dict[str, str] | None = None
        """The pieces' keys the cache held when first asked (`missing`)."""

    def add(self, pieces: list[Piece]) -> None:
        """Keep the pieces of articles just rendered."""
        rows = [(slug, self.keys[slug], line, search.head, search.places) for slug, line, search in pieces]
        if self.cache.put_pieces(rows):
            self.saved.update(slug for slug, *_ in pieces)
        else:
            self.held.update((slug, (line, search)) for slug, line, search in pieces)

    def missing(self) -> list[Article]:
        """Return the articles that have no pieces with their current key yet."""
        # The cache's keys are read once: the pieces stored since are in `saved` (asked twice of a
        # rebuild, whether to join apart and then which to make: ~6 ms of 2,225 keys each).
        if self.stored is None:
            self.stored = self.cache.piece_keys()
        stored = self.stored
        return [a for a in self.archive.articles if a.slug not in self.saved and a.slug not in self.held
                and stored.get(a.slug) != self.keys[a.slug]]

    def complete(self) -> None:
        """Make the pieces of every article that has none with its current key; forget the rest."""
        missing = self.missing()
        for i in range(0, len(missing), 64):
            self.add([(a.slug, *self.site.article_pieces(self.archive, a))
                      for a in self.records.whole(missing[i : i + 64])])
        self.cache.forget_pieces(set(self.keys))

    def each(self, store: PieceStore, column: PieceColumn, wanted: Callable[[str], bool] = lambda slug: True
             ) -> Iterator[tuple[str, str | None]]:
        """Yield every article's slug and its piece in `column`, in archive order.

        Only the pieces of the slugs `wanted` are read, from `store` (None for the others).
        """
        articles = self.archive.articles
        held = self.held
        for i in range(0, len(articles), 256):
            # `doc.slug` is `slug` without the property call (three joins ask 2,225 articles each).
            slugs = [a.doc.slug for a in articles[i : i + 256]]
            need = {slug for slug in slugs if wanted(slug)}
            found = store.pieces([slug for slug in slugs if slug in need and slug not in held], column)
            for n, slug in enumerate(slugs, start=i):
                if slug not in need:
                    yield slug, None
                elif slug in held:
                    yield slug, _piece(held[slug], column)
                elif (row := found.get(slug)) is not None and row[0] == self.keys[slug]:
                    yield slug, row[1]
                else:  # the cache failed since: make them again
                    made = self.site.article_pieces(self.archive, self.records.whole([articles[n]])[0])
                    yield slug, _piece(made, column)


def _piece(pieces: tuple[str, SearchRows], column: PieceColumn) -> str:
    """Return the piece in `column` of an article's (archive.json line, search rows)."""
    line, search = pieces
    return line if column == "line" else search.head if column == "head" else search.places


def whole_archive_files(site: Site, archive: Archive, writer: SiteWriter, previous: Previous,
                        joined: JoinedPieces, store: PieceStore) -> list[Row]:
    """Write the search index and archive.json, joined from every article's pieces (`joined.complete`).

    Each is written as it is joined, never whole in memory; the pieces that have not changed are
    copied from the previous site's file (`splice`). `store` gives the pieces and keeps the layouts.
    """
    from newsarchive.render.data import archive_json_chunks
    from newsarchive.render.jsonld import escape_for_script
    from newsarchive.render.search import INDEX_PATH, SearchRows

    keys = joined.keys
    rows: list[Row] = []
    index = _splicer(INDEX_PATH, writer, previous, store)

    def search(part: str) -> Iterator[SearchRows]:
        column: PieceColumn = "head" if part == "h" else "places"
        for slug, found in joined.each(store, column, lambda s: not index.has(f"{part}:{s}", keys[s])):
            text = index.reused(f"{part}:{slug}", keys[slug])
            if text is None:
                assert found is not None
                text = escape_for_script(found)
            index.piece(f"{part}:{slug}", keys[slug], text)
            yield SearchRows(text, "") if part == "h" else SearchRows("", text)
        index.end()

    parts = iter(("h", "p"))  # the articles' own rows, then their quotes' and claims'
    h = writer.write_chunks(INDEX_PATH, index.chunks(site.search_index_chunks(
        archive, lambda: search(next(parts)), spliced(index, joined.entities_key), escaped=True)))
    index.save(h)
    old = previous.get(INDEX_PATH)
    # The previous file is kept where it is the same: as recorded, and as found on disk (a file changed
    # in place since, by hand, say, keeps its recorded hash; the splicer hashed its bytes).
    reused = bool(old and old[1] and old[1][0][1] == h and index.intact
                  and writer.reuse(INDEX_PATH, replace=True))
    rows.append((INDEX_PATH, INDEX_PATH, "", h, reused))
    whole = _splicer("archive.json", writer, previous, store)

    def lines() -> Iterator[str]:
        for slug, found in joined.each(store, "line", lambda s: not whole.has(f"l:{s}", keys[s])):
            text = whole.reused(f"l:{slug}", keys[slug])
            if text is None:
                assert found is not None
                text = found
            yield whole.piece(f"l:{slug}", keys[slug], text)
        whole.end()

    h = writer.write_chunks("archive.json", whole.chunks(archive_json_chunks(
        archive, lines(), spliced(whole, joined.entities_key))))
    whole.save(h)
    rows.append(("archive.json", "archive.json", "", h, False))
    return rows


ENTITIES_PIECE = "entities"
"""The name of a joined file's people's and sources' part: its texts are pieces "entities:0", … ."""


def spliced(splicer: Splicer, key: str | None) -> Block:
    """Return the `Block` that takes the people's and sources' part from the last build's file.

    Where the people and sources are the same (`key`, from `build.entities_memo`), that part of
    the file is the same (it is made of them and the articles' names and roles, which their key
    covers); without a key it is made afresh. The last file's part is taken where every text of
    it and its end ("entities:end", empty) were recorded under `key`.
    """
    def block(make: Callable[[], Iterable[str]]) -> Iterator[str]:
        if key is None:
            yield from make()
            return
        count = 0
        while splicer.has(f"{ENTITIES_PIECE}:{count}", key):
            count += 1
        kept = splicer.has(f"{ENTITIES_PIECE}:end", key)
        texts = (splicer.reused(f"{ENTITIES_PIECE}:{i}", key) or "" for i in range(count)) if kept else make()
        for i, text in enumerate(texts):
            yield splicer.piece(f"{ENTITIES_PIECE}:{i}", key, text)
        splicer.end()  # the chunk that ends with the last text is written: its span is known
        splicer.piece(f"{ENTITIES_PIECE}:end", key, "")

    return block


def _splicer(relpath: str, writer: SiteWriter, previous: Previous, store: PieceStore) -> Splicer:
    """Return the splicer of the file at `relpath`, with the previous site's copy where there is one."""
    files = previous.get(relpath, ("", []))[1]
    old = writer.previous / relpath if writer.previous is not None and files else None
    return Splicer(relpath, store, old, files[0][1] if files else None)


class _ChildStore:
    """The join child's `PieceStore`: reads through its own connection, keeps the layouts to send back."""

    def __init__(self, reader: RecordReader) -> None:
        self.reader = reader
        self.blobs: list[tuple[str, str, bytes]] = []

    def pieces(self, slugs: list[str], column: PieceColumn) -> dict[str, tuple[str, str]]:
        return self.reader.pieces(slugs, column)

    def blob(self, name: str, key: str) -> bytes | None:
        return self.reader.blob(name, key)

    def put_blob(self, name: str, key: str, data: bytes) -> None:
        self.blobs.append((name, key, data))


# What the forked join child works on (inherited, never pickled); set only while it starts.
_to_join: tuple[Site, Archive, SiteWriter, Previous, JoinedPieces, RecordReader] | None = None


def _join_in_child() -> tuple[list[Row], list[tuple[str, str, bytes]]]:
    assert _to_join is not None
    site, archive, writer, previous, joined, reader = _to_join
    gc.disable()  # a short-lived process that makes no cycles worth collecting
    store = _ChildStore(reader)
    rows = whole_archive_files(site, archive, writer, previous, joined, store)
    reader.close()
    return rows, store.blobs


class JoinChild:
    """Join the search index and archive.json in a forked child, once the few new pieces are made here."""

    def __init__(self, site: Site, archive: Archive, writer: SiteWriter, previous: Previous,
                 joined: JoinedPieces, reader: RecordReader) -> None:
        global _to_join
        joined.complete()
        _to_join = (site, archive, writer, previous, joined, reader)
        self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        self.future: Future[tuple[list[Row], list[tuple[str, str, bytes]]]] = self.pool.submit(_join_in_child)

    @staticmethod
    def wanted(joined: JoinedPieces) -> bool:
        """Return True where the join can run apart: processes fork, and few pieces are to make."""
        return "fork" in multiprocessing.get_all_start_methods() and len(joined.missing()) <= EARLY_JOIN

    def result(self, cache: Cache) -> list[Row]:
        """Wait for the child; keep the layouts it made in `cache`; return its rows."""
        global _to_join
        try:
            rows, blobs = self.future.result()
        finally:
            self.pool.shutdown()
            _to_join = None
        for name, key, data in blobs:
            cache.put_blob(name, key, data)
        return rows

    def cancel(self) -> None:
        """Stop waiting for the child (the build failed)."""
        global _to_join
        self.pool.shutdown(cancel_futures=True)
        _to_join = None
