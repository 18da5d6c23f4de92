"""The people's and sources' unit keys kept from the last build are the keys worked out afresh."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from newsarchive.build import entity_units_memo
from newsarchive.build.entity_units_memo import EntityUnitsMemo
from newsarchive.build.pages import Unit, entity_units
from newsarchive.records import Archive, Article
from test_build_engine import make_archive, run
from test_build_incremental import SENTENCES, edit, random_rebuilds


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
        if step == 4:  # two articles trade titles: their slugs trade too, their records do not
            pass
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


@pytest.mark.parametrize("seed", range(4))
def test_entities_key_from_kept_hashes_decides_as_the_whole_inputs(
        tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsarchive.build.entities_memo import EntitiesMemo
    from newsarchive.build.fingerprint import digest
    from newsarchive.link.archive import entity_inputs, order

    keys: list[tuple[str, str]] = []  # (the key made from kept hashes, a key of all the inputs)
    hashed, made = EntitiesMemo.input_digests, EntitiesMemo.__call__

    def fresh(self: EntitiesMemo, ordered: list[Article]) -> list[str]:
        found = hashed(self, ordered)
        assert found == [digest(repr(entity_inputs([a])[0])) for a in ordered]
        return found

    def checked(self: EntitiesMemo, articles: list[Article]) -> Archive:
        linked = made(self, articles)
        assert self.current is not None
        keys.append((self.current, self.key(entity_inputs(order(articles)))))
        return linked

    monkeypatch.setattr(EntitiesMemo, "input_digests", fresh)
    monkeypatch.setattr(EntitiesMemo, "__call__", checked)
    random_rebuilds(tmp_path, random.Random(seed), 10, 3, "*.txt", lambda rng: rng.choice(SENTENCES))
    same = [(a[0] == b[0], a[1] == b[1]) for a, b in itertools.pairwise(keys)]
    assert all(x == y for x, y in same) and any(x for x, _ in same) and not all(x for x, _ in same)
