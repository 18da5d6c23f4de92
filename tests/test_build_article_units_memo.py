"""The articles' unit keys kept from the last build are the keys worked out afresh."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsarchive.build import article_units_memo
from newsarchive.build.article_units_memo import ArticleUnitsMemo
from newsarchive.build.pages import Unit, article_units
from newsarchive.records import Archive
from test_build_engine import make_archive, run
from test_build_incremental import SENTENCES, random_rebuilds


@pytest.mark.parametrize("seed", range(6))
def test_kept_article_keys_are_the_keys_afresh(tmp_path: Path, seed: int,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bool, int, int]] = []  # reused, recomputed, all
    made = ArticleUnitsMemo.__call__

    def checked(self: ArticleUnitsMemo, archive: Archive, base: str, content: dict[str, str],
                names_of: dict[str, list[str]] | None = None) -> list[Unit]:
        units = made(self, archive, base, content, names_of)
        assert units == article_units(archive, base, content)
        seen.append((self.reused, self.recomputed, len(units)))
        return units

    monkeypatch.setattr(ArticleUnitsMemo, "__call__", checked)
    # (the sentence appended half the time changes no names and no claim links)
    random_rebuilds(tmp_path, random.Random(seed), 12, 5, "*.*", lambda rng: SENTENCES[-1])
    assert any(reused and recomputed < total for reused, recomputed, total in seen)


def test_an_article_linked_to_a_changed_one_is_keyed_again(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bool, int, list[Unit]]] = []
    made = ArticleUnitsMemo.__call__

    def checked(self: ArticleUnitsMemo, archive: Archive, base: str, content: dict[str, str],
                names_of: dict[str, list[str]] | None = None) -> list[Unit]:
        units = made(self, archive, base, content, names_of)
        assert units == article_units(archive, base, content)
        seen.append((self.reused, self.recomputed, units))
        return units

    monkeypatch.setattr(ArticleUnitsMemo, "__call__", checked)
    articles = make_archive(tmp_path)  # two of whose articles give numbers of conscripts: linked
    run(tmp_path)
    path = articles / "the-week-putin-mobilisation-revolution.txt"
    path.write_text(path.read_text(encoding="utf-8") + SENTENCES[-1], encoding="utf-8")
    run(tmp_path)
    (_, _, before), (reused, recomputed, after) = seen
    assert reused and recomputed == 2  # the article edited, and the one its claim is linked to
    assert {u.name for u, v in zip(before, after, strict=True) if u.key != v.key} == {
        "articles/the-week-putin-mobilisation-revolution.html",
        "articles/russia-home-front-putin-could-be-toppled.html"}


def test_a_claim_link_gone_keys_the_other_article_again(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bool, list[Unit]]] = []
    made = ArticleUnitsMemo.__call__

    def checked(self: ArticleUnitsMemo, archive: Archive, base: str, content: dict[str, str],
                names_of: dict[str, list[str]] | None = None) -> list[Unit]:
        units = made(self, archive, base, content, names_of)
        assert units == article_units(archive, base, content)
        seen.append((self.entities.reused, units))
        return units

    monkeypatch.setattr(ArticleUnitsMemo, "__call__", checked)
    articles = make_archive(tmp_path)
    for name, many in (("council-vote.txt", "More than 500"), ("ferry-costs.md", "About 900")):
        path = articles / name  # the writer's claims about one number: the two articles are linked
        text = path.read_text(encoding="utf-8")
        path.write_text(f"{text}\n\n{many} people joined the ferry protest on Monday.\n", encoding="utf-8")
    run(tmp_path)
    path = articles / "ferry-costs.md"  # the number goes, and the link with it; the names stay
    path.write_text(path.read_text(encoding="utf-8").replace("About 900 people", "Many people"),
                    encoding="utf-8")
    run(tmp_path)
    (_, before), (entities_kept, after) = seen
    assert entities_kept  # so only the claim links tell that the other article's key changed
    assert {u.name for u, v in zip(before, after, strict=True) if u.key != v.key} == {
        "articles/council-vote.html", "articles/ferry-costs.html"}


def test_a_damaged_memo_is_worked_out_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = make_archive(tmp_path)
    run(tmp_path)
    seen: list[int] = []
    kept, made = article_units_memo.BlobMemo.kept, ArticleUnitsMemo.__call__

    def damaged(self: article_units_memo.BlobMemo, key: str) -> object:
        return b"not a memo" if self.kind == article_units_memo.ARTICLE_UNITS else kept(self, key)

    def counted(self: ArticleUnitsMemo, archive: Archive, base: str, content: dict[str, str],
                names_of: dict[str, list[str]] | None = None) -> list[Unit]:
        units = made(self, archive, base, content, names_of)
        assert units == article_units(archive, base, content)
        seen.append(self.recomputed)
        return units

    monkeypatch.setattr(article_units_memo.BlobMemo, "kept", damaged)
    monkeypatch.setattr(ArticleUnitsMemo, "__call__", counted)
    path = sorted(articles.glob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8") + SENTENCES[-1], encoding="utf-8")
    assert run(tmp_path).status() == 0
    assert seen == [len(list(articles.iterdir()))]
