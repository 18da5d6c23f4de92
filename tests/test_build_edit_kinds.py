"""Each kind of edit a writer makes rebuilds the site a clean build makes, reusing what it can.

The kinds are `benchmarks/bench_build.py --edit`'s: a paragraph, a quote by a person the archive
has, a quote by a new person, a typo, an article added, one removed, a headline changed. Where
the people and sources are others after the edit (a quote for a named speaker), the memos keep
what does not depend on the entities changed: the people's and sources' page keys
(`EntityUnitsMemo`), the articles' (`ArticleUnitsMemo`), and the quotes' and claims' cut
(`GroupsMemo`), each checked against what is made afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.build import entities_memo
from newsarchive.build.article_units_memo import ArticleUnitsMemo
from newsarchive.build.cache import Cache
from newsarchive.build.entity_units_memo import EntityUnitsMemo
from newsarchive.build.pages import Unit, article_units, entity_units
from newsarchive.records import Archive, Entity
from test_build_engine import make_archive, run, same_as_a_clean_build
from test_build_groups_memo import _checked, _moved


def _append(text: str) -> Callable[[Path], None]:
    def edit(articles: Path) -> None:
        path = articles / "council-vote.txt"
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return edit


def _typo(articles: Path) -> None:
    path = articles / "council-vote.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("half of us", "hlaf of us"), encoding="utf-8")


def _new_article(articles: Path) -> None:
    (articles / "zz-new.txt").write_text(
        "Council sets out plans\n\nThe council approved a budget of 4 million pounds on Tuesday.\n\n"
        "“We have listened to residents,” said Maria Lopez.\n", encoding="utf-8")


def _delete(articles: Path) -> None:
    (articles / "ferry-costs.md").unlink()


def _retitle(articles: Path) -> None:
    path = articles / "council-vote.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Council backs ferry", "Council keeps ferry"),
                    encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "paragraph": _append("\n\nA late paragraph, edit 0.\n"),
    "quote": _append("\n\n“We will say more about this soon,” said Maria Lopez.\n"),
    "new-person": _append("\n\n“We had not expected this,” said Ottoline Quillwick.\n"),
    "typo": _typo,
    "new-article": _new_article,
    "delete": _delete,
    "rename-title": _retitle,
}


@pytest.mark.parametrize("kind", sorted(EDITS))
def test_each_kind_of_edit_rebuilds_the_clean_site(tmp_path: Path, kind: str) -> None:
    articles = make_archive(tmp_path)
    run(tmp_path)
    EDITS[kind](articles)
    assert run(tmp_path, jobs=2).status() == 0
    same_as_a_clean_build(tmp_path, 0, kind)
    EDITS["quote"](articles)  # and then a quote by a person the archive has, from what that build kept
    assert run(tmp_path, jobs=2).status() == 0
    same_as_a_clean_build(tmp_path, 1, f"{kind}, then a quote")


def _units_checked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, int]]:
    """Check every unit the two memos keep against one keyed afresh; note (memo, recomputed, all)."""
    seen: list[tuple[str, int, int]] = []
    entities, articles = EntityUnitsMemo.__call__, ArticleUnitsMemo.__call__

    def of_entities(self: EntityUnitsMemo, archive: Archive, base: str,
                    content: dict[str, str]) -> list[Unit]:
        units = entities(self, archive, base, content)
        assert units == entity_units(archive, base, content)
        seen.append(("entities", self.recomputed, len(units)))
        return units

    def of_articles(self: ArticleUnitsMemo, archive: Archive, base: str, content: dict[str, str],
                    names_of: dict[str, list[str]] | None = None) -> list[Unit]:
        units = articles(self, archive, base, content, names_of)
        assert units == article_units(archive, base, content)
        seen.append(("articles", self.recomputed, len(units)))
        return units

    monkeypatch.setattr(EntityUnitsMemo, "__call__", of_entities)
    monkeypatch.setattr(ArticleUnitsMemo, "__call__", of_articles)
    return seen


@pytest.mark.parametrize("kind", ["quote", "new-person", "new-article", "delete", "rename-title"])
def test_other_people_and_sources_keep_what_they_leave_alone(tmp_path: Path, kind: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _units_checked(monkeypatch)
    _checked(monkeypatch, [])  # every quotes and claims page as planned afresh: paths, keys, bytes
    noted = _moved(monkeypatch)
    articles = make_archive(tmp_path)
    run(tmp_path)
    reused = entities_memo.EntitiesMemo.__call__
    again: list[bool] = []

    def noting(self: entities_memo.EntitiesMemo, ordered: list[object]) -> Archive:
        linked = reused(self, ordered)  # type: ignore[arg-type]
        again.append(not self.reused)
        return linked

    monkeypatch.setattr(entities_memo.EntitiesMemo, "__call__", noting)
    EDITS[kind](articles)
    run(tmp_path)
    same_as_a_clean_build(tmp_path, 0, kind)
    # The people and sources are others, worked out again (a headline leaves them as they were).
    assert again[0] == (kind != "rename-title")
    (_, entity_again, entity_all), (_, article_again, article_all) = seen[2:4]
    assert entity_again < entity_all
    assert article_again < article_all
    # The quotes' and claims' cuts are kept or moved, not made afresh (the first build made them),
    # but for a new person's group of quotes.
    kept, moved = noted[1]
    assert sorted(kept + moved) == (["claims"] if kind == "new-person" else ["claims", "quotes"]), noted


def test_the_last_people_and_sources_unreadable_key_every_entity_afresh(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _units_checked(monkeypatch)
    articles = make_archive(tmp_path)
    run(tmp_path)
    last = Cache.last_blob

    def damaged(self: Cache, name: str) -> tuple[str, bytes] | None:
        found = last(self, name)
        damage = found is not None and name == entities_memo.ENTITIES
        return (found[0], b"\x80\x05garbage") if found is not None and damage else found

    monkeypatch.setattr(Cache, "last_blob", damaged)
    EDITS["new-person"](articles)  # other names: each entity is compared with the last build's
    run(tmp_path)
    assert seen[2][0] == "entities" and seen[2][1] == seen[2][2]  # all keyed afresh, as they must be
    same_as_a_clean_build(tmp_path, 0)
    monkeypatch.setattr(Cache, "last_blob", last)
    _append("\n\n“We had not expected that,” said Wilhelmina Brackenwick.\n")(articles)
    del seen[:]
    run(tmp_path)
    assert seen[0][0] == "entities" and seen[0][1] < seen[0][2]  # readable again: most kept
    same_as_a_clean_build(tmp_path, 1)


def test_a_quote_with_the_same_names_compares_no_entity(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The same names, the same pages: the entities drawing on no changed article keep their keys
    without the last build's entities being read."""
    seen = _units_checked(monkeypatch)
    articles = make_archive(tmp_path)
    run(tmp_path)
    EDITS["paragraph"](articles)  # the people and sources kept
    run(tmp_path)
    read: list[str] = []
    last = entities_memo.EntitiesMemo.last

    def noted(self: entities_memo.EntitiesMemo, key: str) -> list[Entity] | None:
        read.append(key)
        return last(self, key)

    monkeypatch.setattr(entities_memo.EntitiesMemo, "last", noted)
    del seen[:]
    EDITS["quote"](articles)
    run(tmp_path)
    assert not read
    assert seen[0][0] == "entities" and 0 < seen[0][1] < seen[0][2]
    same_as_a_clean_build(tmp_path, 0)
