"""The built-in data files kept parsed (`lexicon.keep_parsed_in`) are read back only while they hold."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsarchive.lexicon import keep_parsed_in, load_data


@pytest.fixture
def kept(tmp_path: Path) -> Iterator[Path]:
    load_data.cache_clear()
    keep_parsed_in(tmp_path)
    yield tmp_path / "lexicon-titles.pickle"
    keep_parsed_in(None)
    load_data.cache_clear()


def _afresh() -> dict[str, object]:
    keep_parsed_in(None)
    load_data.cache_clear()
    return load_data("titles")


def test_a_data_file_is_kept_parsed_and_read_back(kept: Path) -> None:
    first = load_data("titles")
    key, data = pickle.loads(kept.read_bytes())
    assert data == first and first
    kept.write_bytes(pickle.dumps((key, {"read": "back"})))  # the same text's key: what is kept is used
    load_data.cache_clear()
    assert load_data("titles") == {"read": "back"}


@pytest.mark.parametrize("damage", [b"", b"garbage", pickle.dumps(("another text's key", {"x": 1})),
                                    pickle.dumps(["not", "a", "pair"]), None])
def test_a_stale_damaged_or_missing_copy_is_parsed_again(kept: Path, damage: bytes | None) -> None:
    load_data("titles")
    if damage is None:
        kept.unlink()
    else:
        kept.write_bytes(damage)
    load_data.cache_clear()
    found = load_data("titles")
    assert pickle.loads(kept.read_bytes())[1] == found  # written anew
    assert found == _afresh()


def test_nothing_is_kept_where_the_folder_cannot_be_written(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    load_data.cache_clear()
    keep_parsed_in(blocked / "inside")
    try:
        found = load_data("titles")
    finally:
        keep_parsed_in(None)
        load_data.cache_clear()
    assert found == load_data("titles")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_a_build_keeps_them_beside_its_cache_and_not_without_one(tmp_path: Path) -> None:
    from test_build_engine import make_archive, run

    make_archive(tmp_path / "a")
    make_archive(tmp_path / "b")
    try:
        run(tmp_path / "a", jobs=1)
        load_data.cache_clear()  # (what this process loaded before stays loaded, whatever the folder)
        load_data("titles")
        kept = (tmp_path / "a" / ".newsarchive-cache" / "lexicon-titles.pickle").is_file()
        run(tmp_path / "b", jobs=1, cache=False)
        load_data.cache_clear()
        load_data("titles")
    finally:
        keep_parsed_in(None)
        load_data.cache_clear()
    assert kept
    assert not (tmp_path / "b" / ".newsarchive-cache").exists()
