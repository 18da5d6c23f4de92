"""The people's and sources' unit keys kept from the last build are the keys worked out afresh."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsarchive.build import entity_units_memo
from newsarchive.build.entity_units_memo import EntityUnitsMemo
from newsarchive.build.pages import Unit, entity_units
from newsarchive.records import Archive
from test_build_engine import make_archive, run
from test_build_incremental import SENTENCES, edit


@pytest.mark.parametrize("seed", range(6))
def test_kept_entity_keys_are_the_keys_afresh(tmp_path: Path, seed: int,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bool, int, int]] = []
    made = EntityUnitsMemo.__call__

    def checked(self: EntityUnitsMemo, archive: Archive, base: str, content: dict[str, str]) -> list[Unit]:
        units = made(self, archive, base, content)
        assert units == entity_units(archive, base, content)
        seen.append((self.reused, self.recomputed, len(units)))
        return units

    monkeypatch.setattr(EntityUnitsMemo, "__call__", checked)
    rng = random.Random(seed)
    articles = make_archive(tmp_path)
    run(tmp_path)
    for step in range(10):
        if rng.random() < 0.5:  # a paragraph that leaves the people and sources as they were
            path = rng.choice(sorted(articles.glob("*.txt")))
            path.write_text(path.read_text(encoding="utf-8") + SENTENCES[-1], encoding="utf-8")
        else:
            edit(rng, articles, step)
        run(tmp_path, jobs=rng.choice([1, 2]))
    assert any(reused and recomputed < total for reused, recomputed, total in seen)


def test_a_damaged_memo_is_worked_out_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = make_archive(tmp_path)
    run(tmp_path)
    seen: list[int] = []
    kept, made = entity_units_memo.BlobMemo.kept, EntityUnitsMemo.__call__

    def damaged(self: entity_units_memo.BlobMemo, key: str) -> object:
        return b"not a memo" if self.kind == entity_units_memo.ENTITY_UNITS else kept(self, key)

    def counted(self: EntityUnitsMemo, archive: Archive, base: str, content: dict[str, str]) -> list[Unit]:
        units = made(self, archive, base, content)
        assert units == entity_units(archive, base, content)
        seen.append(self.recomputed)
        return units

    monkeypatch.setattr(entity_units_memo.BlobMemo, "kept", damaged)
    monkeypatch.setattr(EntityUnitsMemo, "__call__", counted)
    path = sorted(articles.glob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8") + SENTENCES[-1], encoding="utf-8")
    assert run(tmp_path).status() == 0
    assert seen and seen[0] > 0
