"""Data files read every plain word as a word: YAML 1.1's yes/no/on/off are not booleans here."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from newsarchive import lexicon
from newsarchive.lexicon import load_data

_DATA = resources.files("newsarchive.data")
_FILES = sorted(p.name.removesuffix(".yaml") for p in _DATA.iterdir() if p.name.endswith(".yaml"))


def _list_items(value: object) -> Iterator[object]:
    """Every item of every list in `value`, however deep."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _list_items(item)
    elif isinstance(value, list):
        for item in value:
            yield item
            yield from _list_items(item)


@pytest.mark.parametrize("name", _FILES)
def test_every_listed_word_is_text(name: str) -> None:
    # Settings (numbers, true/false) sit in mappings; a list holds words, names or entries.
    odd = [item for item in _list_items(load_data(name)) if not isinstance(item, (str, dict, list))]
    assert odd == [], f"{name}.yaml lists {odd!r}: quote them"


def test_no_and_off_stay_words() -> None:
    assert "No" in load_data("names")["not_names"]
    assert "no" in load_data("links")["negations"]


def test_a_users_lexicon_keeps_yes_and_no_as_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "names.yaml").write_text("not_names: [Yes, no, On, off]\nflag: true\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "_extra_dirs", [tmp_path])
    load_data.cache_clear()
    try:
        data = load_data("names")
        assert {"Yes", "no", "On", "off"} <= set(data["not_names"])
        assert data["flag"] is True
    finally:
        monkeypatch.undo()
        load_data.cache_clear()
