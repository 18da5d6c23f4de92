"""The cache's file table after `put_units`: always exactly this build's rows, written whole or as a diff."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

import pytest

from newsarchive.build.cache import CACHE_DIR, Cache
from newsarchive.build.output import MARKER
from newsarchive.build.pages import PAGE_HASH
from test_build_engine import make_archive, run
from test_build_incremental import edit

Rows = list[tuple[str, str, str, str]]
JOINED = ("search-index.js", "archive.json")
"""The files joined from every article's pieces (`build.joined`), whose hash the next build checks."""


def table(path: Path) -> set[tuple[str, str, str, str]]:
    with sqlite3.connect(path) as db:
        return set(db.execute("SELECT relpath, unit, key, hash FROM pages"))


def changed(rng: random.Random, rows: Rows) -> Rows:
    """Return `rows` with some dropped, added, or given another unit, key or hash."""
    out = [row for row in rows if rng.random() > 0.1]
    for i, (rel, unit, key, h) in enumerate(out):
        what = rng.random()
        if what < 0.1:
            out[i] = (rel, unit, f"k{rng.randrange(5)}", h)
        elif what < 0.2:
            out[i] = (rel, unit, key, f"h{rng.randrange(5)}")
        elif what < 0.25:
            out[i] = (rel, f"u{rng.randrange(5)}", key, h)
    out.extend((f"new/{rng.randrange(10_000)}.html", "u", "k", "h") for _ in range(rng.randrange(4)))
    return list({row[0]: row for row in out}.values())


@pytest.mark.parametrize("seed", range(5))
def test_the_table_is_each_builds_rows(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    path = tmp_path / "cache.sqlite"
    rows: Rows = [(f"p/{i}.html", f"u{i % 7}", f"k{i % 3}", f"h{i}") for i in range(300)]
    for step in range(12):
        cache = Cache(path)
        cache.units()  # what a build reads of the last one (or not, below)
        if rng.random() < 0.3:  # another build writes meanwhile: the table is no longer what was read
            with sqlite3.connect(path) as other:
                other.execute("INSERT OR REPLACE INTO pages VALUES ('stray.html', 'u', 'k', 'h')")
        if rng.random() < 0.2:
            cache = Cache(path)  # nothing read: written whole
        rows = changed(rng, rows)
        cache.put_units(rows)
        cache.close()
        assert table(path) == set(rows), f"seed {seed}, step {step}"


@pytest.mark.parametrize("seed", range(3))
def test_after_random_rebuilds_the_table_names_every_file_by_its_bytes(tmp_path: Path, seed: int) -> None:
    """Every file is in the table; the joined files with the hash of their bytes, pages with none.

    (A rebuild compares a page's new bytes with its file, `pages.store`.)
    """
    rng = random.Random(seed)
    articles = make_archive(tmp_path)
    run(tmp_path, jobs=2)
    for step in range(4):
        edit(rng, articles, step)
        run(tmp_path, jobs=rng.choice([1, 2]))
        site = tmp_path / "site"
        files = {p.relative_to(site).as_posix(): hashlib.blake2b(p.read_bytes(), digest_size=16).hexdigest()
                 if p.name in JOINED else PAGE_HASH
                 for p in site.rglob("*") if p.is_file() and p.name != MARKER}
        rows = table(tmp_path / CACHE_DIR / "cache.sqlite")
        assert {rel: h for rel, _, _, h in rows} == files, f"seed {seed}, step {step}"
        assert len(rows) == len(files)


def test_a_rebuild_reads_the_table_once_unless_another_connection_writes(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    rows: Rows = [(f"p/{i}.html", f"u{i % 7}", f"k{i % 3}", f"h{i}") for i in range(50)]
    cache = Cache(path)
    cache.put_units(rows)
    reads: list[str] = []
    assert cache.db is not None
    cache.db.set_trace_callback(lambda sql: reads.append(sql) if "FROM pages" in sql else None)
    assert sorted(cache.files()) == sorted(rel for rel, *_ in rows)
    units = cache.units()
    assert len(reads) == 1  # `units` took the rows `files` read
    assert units["u0"] == ("k0", [(rel, h) for rel, unit, _, h in sorted(rows) if unit == "u0"])
    with sqlite3.connect(path) as other:
        other.execute("INSERT INTO pages VALUES ('stray.html', 'u0', 'k0', 'h')")
    assert ("stray.html", "h") in cache.units()["u0"][1]  # read again: the table is not what was read
    assert len(reads) == 2
    cache.close()
