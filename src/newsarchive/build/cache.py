"""The build cache: extracted articles and rendered-page keys, keyed on content hashes.

Each article is stored twice over: its whole record (for the render workers, which read the
records they render by path, `RecordReader`) and its summary (for the main process, which links
the archive and plans the pages from summaries only; see `build/summary.py`).

The link step's claim memo (`link/claim_memo.py`) is kept there too, as a blob keyed by the code
that made it. One sqlite file (`.newsarchive-cache/cache.sqlite` beside the output, with its
write-ahead log `-wal` and `-shm` while a build runs). Losing it or finding it damaged only costs
time: every failure to read it is a miss, and a file sqlite cannot open is deleted and started
afresh.
"""

from __future__ import annotations

import logging
import os
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

log = logging.getLogger(__name__)

CACHE_DIR = ".newsarchive-cache"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (path TEXT PRIMARY KEY, key TEXT NOT NULL, data BLOB NOT NULL,
                                     summary BLOB NOT NULL, link BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS pages (relpath TEXT PRIMARY KEY, unit TEXT NOT NULL, key TEXT NOT NULL,
                                  hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pieces (slug TEXT PRIMARY KEY, key TEXT NOT NULL, line TEXT NOT NULL,
                                   head TEXT NOT NULL, places TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (name TEXT PRIMARY KEY, key TEXT NOT NULL, data BLOB NOT NULL);
"""
_VERSION = "5"
PAGE_SIZE = 16384
"""Bytes in a page of a new cache file."""
PieceColumn = Literal["line", "head", "places"]
"""An article's piece of a joined file: its archive.json line, search row, or quotes' and claims' rows."""


class Cache:
    """What the last builds learnt, by content hash; a no-op when `path` is None."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.db: sqlite3.Connection | None = None
        self._pages: tuple[int, list[tuple[str, str, str, str]]] | None = None
        """The file table as `_table` read it, with the database's `data_version` just before."""
        if path is not None:
            self.db = self._open(path)

    def _open(self, path: Path) -> sqlite3.Connection | None:
        for attempt in (1, 2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, isolation_level=None)
                # A write-ahead log, synced only when it is copied into the database: a rollback
                # journal cost each of a rebuild's ten commits four fsyncs and a copy of every page
                # it replaced (0.3-0.75 s of waiting for a one-article edit of 2,225). A power loss
                # may lose the last commits but never damages the file, and a page table without
                # its site is never used (`units_of`).
                # Pages of 16 KiB (for a new file; sqlite's default is 4 KiB): a record (~5 KB) or a
                # joined file's pieces (~9 KB) fit in one or two, not in a chain of overflow pages
                # read and written a system call each. A cold build of 2,225 articles writes ~50 MB
                # here, twice (log, then file): 81,000 -> 27,000 reads and writes, 47 -> 20 syncs.
                db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                # The tables in one transaction: statement by statement, a new cache's tables cost
                # a commit each (16 of them, 0.1-0.25 s before the workers could start).
                db.executescript(f"BEGIN; {_SCHEMA} COMMIT;")
                row = db.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
                if row is None or row[0] != _VERSION:
                    # Tables may have another shape in another version: make them afresh.
                    db.executescript("BEGIN; DROP TABLE articles; DROP TABLE pages; DROP TABLE meta; "
                                     "DROP TABLE pieces; DROP TABLE blobs;" + _SCHEMA)
                    db.execute("INSERT INTO meta VALUES ('version', ?)", (_VERSION,))
                    db.execute("COMMIT")
                return db
            except (sqlite3.Error, OSError) as exc:
                # A damaged cache is only lost time: start a new one (or go without).
                log.warning("newsarchive: cache %s unusable (%s); %s", path, exc,
                            "starting afresh" if attempt == 1 else "building without it")
                if attempt == 1:
                    for suffix in ("", "-journal", "-wal", "-shm"):
                        Path(str(path) + suffix).unlink(missing_ok=True)
        return None

    def _run(self, sql: str, args: Iterable[Any] = ()) -> list[Any]:
        if self.db is None:
            return []
        try:
            return self.db.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error as exc:
            log.warning("newsarchive: cache error (%s); going on without it", exc)
            self.db = None
            return []

    def article_keys(self) -> dict[str, str]:
        """Return path → key for every article the cache holds."""
        return {path: key for path, key in self._run("SELECT path, key FROM articles")}

    def article_summaries(self, paths: list[str]) -> dict[str, bytes]:
        """Return path → the pickled summary stored for it, for those of `paths` the cache holds."""
        out: dict[str, bytes] = {}
        for i in range(0, len(paths), 500):
            chunk = paths[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT path, summary FROM articles WHERE path IN ({marks})"
            out.update((path, bytes(summary)) for path, summary in self._run(sql, chunk))
        return out

    def put_articles(self, rows: list[tuple[str, str, bytes, bytes, bytes]]) -> bool:
        """Store (path, key, pickled result, summary, link pieces) rows; False where they were not saved."""
        if self.db is None:
            return False
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?)", rows)
            return True
        except sqlite3.Error as exc:
            log.warning("newsarchive: cache not saved (%s)", exc)
            return False

    def forget_articles(self, keep: set[str]) -> None:
        """Forget the articles no longer in `keep`."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.execute("BEGIN")
                gone = [(p,) for (p,) in self.db.execute("SELECT path FROM articles") if p not in keep]
                self.db.executemany("DELETE FROM articles WHERE path = ?", gone)
        except sqlite3.Error as exc:
            log.warning("newsarchive: cache not saved (%s)", exc)

    def units_of(self, site: str | None) -> dict[str, tuple[str, list[tuple[str, str]]]]:
        """Return `units()` where they describe the site of key `site` (the output's marker), else nothing.

        A build stopped after saving its table but before its site took the output's place leaves a
        table of pages the output does not hold; reused, they would bring the older pages back.
        """
        return self.units() if site is not None and self.get("site") == site else {}

    def units(self) -> dict[str, tuple[str, list[tuple[str, str]]]]:
        """Return unit → (input key, [(relpath, output hash)]) for the files of the last build."""
        out: dict[str, tuple[str, list[tuple[str, str]]]] = {}
        for rel, unit, key, h in self._table():
            out.setdefault(unit, (key, []))[1].append((rel, h))
        return out

    def relpaths(self) -> list[str]:
        """Return every file of the last build (the names alone: for a site that may be up to date)."""
        return [rel for (rel,) in self._run("SELECT relpath FROM pages")]

    def files(self) -> list[str]:
        """Return every file of the last build, read with the rest of the table that `units` reads next."""
        return [row[0] for row in self._table()]

    def _table(self) -> list[tuple[str, str, str, str]]:
        """Return the file table's rows, read once while no other connection has written to the database.

        A rebuild asks for it twice (`files`, then `units`): 13,700 rows of 2,225 articles.
        """
        version = self._run("PRAGMA data_version")
        if self._pages is not None and version and self._pages[0] == version[0][0]:
            return self._pages[1]
        rows: list[tuple[str, str, str, str]] = self._run("SELECT relpath, unit, key, hash FROM pages "
                                                          "ORDER BY relpath")
        self._pages = (version[0][0], rows) if version else None
        return rows

    def put_units(self, rows: list[tuple[str, str, str, str]]) -> None:
        """Replace the file table with this build's (relpath, unit, input key, output hash) rows.

        The site the cache names (`set("site")`, once the new site is in place) is forgotten with
        the old table: until then, the table describes no site in the output (`units_of`).

        Where the table is still what `units` read (no other connection has written to the
        database since: its `data_version` is the same, checked under the write lock), only the rows
        that differ are written: a one-change rebuild of 2,225 articles rewrote all 13,700, and the
        write-ahead log grew past its limit, to be copied into the database and synced (~0.1 s).
        """
        if self.db is None:
            return
        last, self._pages = self._pages, None
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.execute("DELETE FROM meta WHERE name = 'site'")
                new = {row[0]: row for row in rows}
                version = self.db.execute("PRAGMA data_version").fetchone()[0]
                if last is None or last[0] != version or len(new) != len(rows):
                    self.db.execute("DELETE FROM pages")
                    self.db.executemany("INSERT INTO pages VALUES (?, ?, ?, ?)", rows)
                    return
                was = {row[0]: row for row in last[1]}
                self.db.executemany("DELETE FROM pages WHERE relpath = ?",
                                    [(rel,) for rel in was.keys() - new.keys()])
                self.db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)",
                                    [row for rel, row in new.items() if was.get(rel) != row])
        except sqlite3.Error as exc:
            log.warning("newsarchive: cache not saved (%s)", exc)

    def pieces(self, slugs: list[str], column: PieceColumn) -> dict[str, tuple[str, str]]:
        """Return slug → (key, the piece in `column`) for those of `slugs` the cache holds."""
        out: dict[str, tuple[str, str]] = {}
        for i in range(0, len(slugs), 500):
            chunk = slugs[i : i + 500]
            rows = self._run(_pieces_sql(column, len(chunk)), chunk)
            out.update((slug, (key, text)) for slug, key, text in rows)
        return out

    def piece_keys(self) -> dict[str, str]:
        """Return slug → key for every article's pieces the cache holds."""
        return {slug: key for slug, key in self._run("SELECT slug, key FROM pieces")}

    def put_pieces(self, rows: list[tuple[str, str, str, str, str]]) -> bool:
        """Store (slug, key, line, head, places) rows; return False where they were not saved."""
        if self.db is None:
            return False
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany("INSERT OR REPLACE INTO pieces VALUES (?, ?, ?, ?, ?)", rows)
            return True
        except sqlite3.Error as exc:
            log.warning("newsarchive: cache not saved (%s)", exc)
            return False

    def forget_pieces(self, keep: set[str]) -> None:
        """Forget the pieces of slugs no longer in `keep`."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.execute("BEGIN")
                gone = [(s,) for (s,) in self.db.execute("SELECT slug FROM pieces") if s not in keep]
                self.db.executemany("DELETE FROM pieces WHERE slug = ?", gone)
        except sqlite3.Error as exc:
            log.warning("newsarchive: cache not saved (%s)", exc)

    def put_blob(self, name: str, key: str, data: bytes) -> None:
        """Keep `data` under `name`, for code of this `key` (`RecordReader.blob` reads it)."""
        self._run("INSERT OR REPLACE INTO blobs VALUES (?, ?, ?)", (name, key, data))

    def blob(self, name: str, key: str) -> bytes | None:
        """Return what `put_blob` kept under `name` for this `key`, if anything."""
        rows = self._run("SELECT data FROM blobs WHERE name = ? AND key = ?", (name, key))
        return bytes(rows[0][0]) if rows else None

    def last_blob(self, name: str) -> tuple[str, bytes] | None:
        """Return the key and data `put_blob` kept last under `name`, whatever its key."""
        rows = self._run("SELECT key, data FROM blobs WHERE name = ?", (name,))
        return (str(rows[0][0]), bytes(rows[0][1])) if rows else None

    def get(self, name: str) -> str | None:
        rows = self._run("SELECT value FROM meta WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else None

    def set(self, name: str, value: str) -> None:
        self._run("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


class RecordReader:
    """Read whole article records back by path: from the cache file, read-only, else from `held`.

    Made in the main process and inherited by forked render workers; each process opens its own
    connection on first use (a sqlite connection must not cross a fork). `held` keeps the pickled
    (record, link pieces) the cache could not take (no cache, or a failed write), so all are found.
    """

    def __init__(self, path: Path | None, held: dict[str, tuple[bytes, bytes]]) -> None:
        self.path = path
        self.held = held
        self._db: sqlite3.Connection | None = None
        self._pid = 0

    def records(self, paths: list[str]) -> dict[str, bytes]:
        """Return path → pickled record for the `paths` that are held or in the cache."""
        return self._read("data", 0, paths)

    def link_pieces(self, paths: list[str]) -> dict[str, bytes]:
        """Return path → pickled `LinkPieces` for the `paths` that are held or in the cache."""
        return self._read("link", 1, paths)

    def pieces(self, slugs: list[str], column: PieceColumn) -> dict[str, tuple[str, str]]:
        """Return slug → (key, the piece in `column`), as `Cache.pieces`."""
        out: dict[str, tuple[str, str]] = {}
        if self.path is None or not slugs:
            return out
        db = self._connect()
        for i in range(0, len(slugs), 500):
            chunk = slugs[i : i + 500]
            try:
                rows = db.execute(_pieces_sql(column, len(chunk)), chunk)
                out.update((slug, (key, text)) for slug, key, text in rows)
            except sqlite3.Error as exc:
                log.warning("newsarchive: cache %s unreadable (%s)", self.path, exc)
        return out

    def blob(self, name: str, key: str) -> bytes | None:
        """Return what `Cache.put_blob` kept under `name` for this `key`, if anything."""
        if self.path is None:
            return None
        try:
            row = self._connect().execute("SELECT data FROM blobs WHERE name = ? AND key = ?",
                                          (name, key)).fetchone()
        except sqlite3.Error as exc:
            log.warning("newsarchive: cache %s unreadable (%s)", self.path, exc)
            return None
        return bytes(row[0]) if row is not None else None

    def _read(self, column: str, held: int, paths: list[str]) -> dict[str, bytes]:
        out = {p: self.held[p][held] for p in paths if p in self.held}
        wanted = [p for p in paths if p not in out]
        if wanted and self.path is not None:
            db = self._connect()
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                try:
                    found = db.execute(f"SELECT path, {column} FROM articles WHERE path IN ({marks})", chunk)
                    out.update((path, bytes(data)) for path, data in found)
                except sqlite3.Error as exc:
                    log.warning("newsarchive: cache %s unreadable (%s)", self.path, exc)
        return out

    def _connect(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():
            assert self.path is not None
            self._db = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._db

    def close(self) -> None:
        if self._db is not None and self._pid == os.getpid():
            self._db.close()
        self._db = None


def _pieces_sql(column: PieceColumn, count: int) -> str:
    """Return the query of `count` articles' pieces in `column`, with their keys.

    One column at a time: each join reads one (the search index's two passes and archive.json's),
    and the lines of archive.json are three quarters of the bytes (14 of 19 MB, 2,225 BBC articles).
    """
    if column not in ("line", "head", "places"):
        raise ValueError(f"no such column of pieces: {column!r}")
    return f"SELECT slug, key, {column} FROM pieces WHERE slug IN ({','.join('?' * count)})"


def loads(data: bytes) -> Any:
    """Unpickle a cached value; None for anything damaged or written by other code."""
    try:
        return pickle.loads(data)
    except Exception:
        return None
