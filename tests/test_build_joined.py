"""The joined files' people-and-sources part: copied from the last build's file only where it is the same."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsarchive.build.output import MARKER
from newsarchive.build.splice import Splicer
from newsarchive.render import data, search
from test_build_engine import make_archive, run, same_as_a_clean_build, tree
from test_build_incremental import SENTENCES, edit, tamper_with_joined

WRITERS_CLAIM = "\n\nA late paragraph, edit 7.\n"
"""A claim the writer states: the joined files change, their people and sources do not."""


def _never(*args: object) -> str:
    raise AssertionError("the people's and sources' part was made again")


def test_the_part_is_copied_where_the_people_and_sources_are_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = make_archive(tmp_path)
    run(tmp_path)
    run(tmp_path)  # up to date
    path = sorted(articles.glob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8") + WRITERS_CLAIM, encoding="utf-8")
    with monkeypatch.context() as patch:  # (the join child is forked: it inherits the patch)
        patch.setattr(search, "entity_rows", _never)
        patch.setattr(data, "entity_listings", _never)
        run(tmp_path)
    run(tmp_path, "clean", cache=False)
    got, want = tree(tmp_path / "site"), tree(tmp_path / "clean")
    got.pop(MARKER), want.pop(MARKER)
    assert got == want


def test_the_part_is_made_again_where_the_last_file_was_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = make_archive(tmp_path)
    run(tmp_path)
    for name in ("archive.json", "search-index.js"):
        site = tmp_path / "site" / name
        site.write_bytes(site.read_bytes().replace(b"Maria", b"Marie"))
    path = sorted(articles.glob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8") + WRITERS_CLAIM, encoding="utf-8")
    run(tmp_path)
    run(tmp_path, "clean", cache=False)
    got, want = tree(tmp_path / "site"), tree(tmp_path / "clean")
    got.pop(MARKER), want.pop(MARKER)
    assert got == want
    assert b"Marie" not in got["search-index.js"] and b"Marie" not in got["archive.json"]


@pytest.mark.parametrize("seed", range(4))
def test_rebuilds_after_edits_to_people_and_sources_equal_a_clean_build(tmp_path: Path, seed: int) -> None:
    """Names added, renamed, dropped with their articles: the part follows them."""
    rng = random.Random(1000 + seed)
    articles = make_archive(tmp_path)
    run(tmp_path)
    for step in range(6):
        if rng.random() < 0.5:
            path = rng.choice(sorted(articles.glob("*.txt")))
            path.write_text(path.read_text(encoding="utf-8") + rng.choice(SENTENCES), encoding="utf-8")
        else:
            edit(rng, articles, step)
        if rng.random() < 0.2:
            tamper_with_joined(rng, tmp_path)
        run(tmp_path, jobs=rng.choice([1, 2]))
        same_as_a_clean_build(tmp_path, step, f"seed {seed}, step {step}")


def test_a_joined_file_changed_by_hand_is_not_kept_where_the_new_one_is_the_same(tmp_path: Path) -> None:
    """The new search index hashes as the last build recorded: the file on disk, changed since, goes."""
    articles = make_archive(tmp_path)
    run(tmp_path)
    index = tmp_path / "site" / "search-index.js"
    before = index.read_bytes()
    with index.open("r+b") as f:  # in place: the same inode, other bytes
        f.write(b"/* changed by hand */")
    path = sorted(articles.glob("*.txt"))[0]
    # A sentence the search index does not show: the new index is the last build's, byte for byte.
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA late paragraph with nothing in it.\n",
                    encoding="utf-8")
    run(tmp_path)
    assert index.read_bytes() == before
    same_as_a_clean_build(tmp_path, 1)


def test_each_join_reads_only_its_own_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The search index's two passes and archive.json's each read one column of the cached pieces
    (the archive.json lines are most of their bytes), and the files are as a clean build's."""
    from newsarchive.build.cache import Cache
    from newsarchive.build.joined import JoinChild

    asked: list[str] = []
    pieces = Cache.pieces

    def spied(self: Cache, slugs: list[str], column: str) -> dict[str, tuple[str, str]]:
        asked.append(column)
        found = pieces(self, slugs, column)  # type: ignore[arg-type]
        assert all(len(row) == 2 for row in found.values())
        return found

    monkeypatch.setattr(Cache, "pieces", spied)
    monkeypatch.setattr(JoinChild, "wanted", staticmethod(lambda joined: False))  # joined here, not apart
    make_archive(tmp_path)
    run(tmp_path, jobs=1)
    assert sorted(set(asked)) == ["head", "line", "places"]
    same_as_a_clean_build(tmp_path, 0)


class _Blobs:
    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], bytes] = {}

    def blob(self, name: str, key: str) -> bytes | None:
        return self.kept.get((name, key))

    def put_blob(self, name: str, key: str, data: bytes) -> None:
        self.kept[name, key] = data


def _spliced(splicer: Splicer, texts: dict[str, str]) -> bytes:
    def chunks() -> Iterator[str]:
        yield "["
        for name, text in texts.items():
            # The key is the text: a piece is copied where its text is as last time.
            copied = splicer.reused(name, text)
            yield ",\n" + splicer.piece(name, text, text if copied is None else copied)
        splicer.end()
        yield "ü]"  # a closing chunk that may end as the last piece does
    return b"".join(splicer.chunks(chunks()))


def test_pieces_copied_as_the_old_files_bytes_are_the_text_written_afresh(tmp_path: Path) -> None:
    """Copied pieces are written as their bytes in the old file (not decoded and encoded again)."""
    store = _Blobs()
    first = {"a": "« Zoë »", "b": "naïve ü]", "c": "plain", "d": "ü]"}
    splicer = Splicer("x.json", store, None, None)
    data = _spliced(splicer, first)
    assert data == ("[" + "".join(",\n" + t for t in first.values()) + "ü]").encode()
    old = tmp_path / "x.json"
    old.write_bytes(data)
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    splicer.save(digest)
    again = {**first, "b": "naïve, edited ü]"}
    splicer = Splicer("x.json", store, old, digest)
    assert splicer.intact
    data = _spliced(splicer, again)
    assert data == ("[" + "".join(",\n" + t for t in again.values()) + "ü]").encode()
    for name, (_, start, end) in splicer.spans.items():  # the new layout is sound
        assert data[start:end] == again[name].encode()
