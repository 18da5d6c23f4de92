"""The quotes' and claims' pages planned from the last build's cut are the pages planned afresh."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsarchive.build import groups_memo
from newsarchive.build.groups_memo import GROUP_LAYOUT, GroupsMemo
from newsarchive.records import Archive
from newsarchive.render import Site, shared
from newsarchive.render.shared import Content, GroupsOf, SharedPage, split_here
from test_build_engine import make_archive, run
from test_build_incremental import SENTENCES, edit


def _checked(monkeypatch: pytest.MonkeyPatch, seen: list[tuple[bool, int]]) -> None:
    """Check every plan made with a `GroupsMemo` against one made afresh: paths, keys, bytes."""
    made = Site.shared_plan
    monkeypatch.setattr(shared, "PAGE_SIZE", 2)  # pages of 2 places: groups run on over pages

    def checked(self: Site, archive: Archive, content: Content | None = None, entities: str | None = None,
                groups_of: GroupsOf = split_here) -> list[SharedPage]:
        pages = made(self, archive, content, entities, groups_of)
        afresh = made(self, archive, content, entities)
        assert [p.path for p in pages] == [p.path for p in afresh]
        assert [p.key() for p in pages] == [p.key() for p in afresh]
        lists = [(p, q) for p, q in zip(pages, afresh, strict=True)
                 if p.path.startswith(("quotes", "claims"))]
        for page, fresh in lists:
            assert page.render() == fresh.render(), page.path
        if isinstance(groups_of, GroupsMemo):
            seen.append((groups_of.reused, sum(p.known is not None for p, _ in lists)))
        return pages

    monkeypatch.setattr(Site, "shared_plan", checked)


@pytest.mark.parametrize("seed", range(4))
def test_pages_from_the_kept_cut_are_the_pages_afresh(tmp_path: Path, seed: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bool, int]] = []
    _checked(monkeypatch, seen)
    rng = random.Random(seed)
    articles = make_archive(tmp_path)
    run(tmp_path)
    for step in range(8):
        if rng.random() < 0.6:  # a paragraph that moves no quote or claim: the cut holds
            quoted = [p for p in articles.glob("*.txt") if "said" in p.read_text(encoding="utf-8")]
            path = rng.choice(sorted(quoted))
            path.write_text(path.read_text(encoding="utf-8") + SENTENCES[-1], encoding="utf-8")
        else:
            edit(rng, articles, step)
        run(tmp_path, jobs=rng.choice([1, 2]))
    assert seen[0] == (False, 0)  # the first build cuts afresh
    # Kept, and only some pages planned again.
    assert any(reused and known for reused, known in seen)


def test_a_new_speaker_cuts_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bool, int]] = []
    _checked(monkeypatch, seen)
    articles = make_archive(tmp_path)
    run(tmp_path)
    path = sorted(articles.glob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8") + SENTENCES[-1], encoding="utf-8")
    run(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + SENTENCES[0], encoding="utf-8")
    run(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + SENTENCES[-1], encoding="utf-8")
    run(tmp_path)
    assert [reused for reused, _ in seen] == [False, True, False, True]


def test_a_claim_the_writer_states_keeps_the_quotes_cut(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    kept: list[list[str]] = []
    _checked(monkeypatch, [])
    made = GroupsMemo.save

    def noted(self: GroupsMemo, pages: list[SharedPage], keys: list[str]) -> None:
        kept.append(sorted(self.kept))
        made(self, pages, keys)

    monkeypatch.setattr(GroupsMemo, "save", noted)
    articles = make_archive(tmp_path)
    run(tmp_path)
    path = sorted(p for p in articles.glob("*.txt") if "said" in p.read_text(encoding="utf-8"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA late paragraph, edit 7.\n", encoding="utf-8")
    run(tmp_path)  # the writer states a claim ("edit 7"): the claims move, the quotes do not
    assert kept == [[], ["quotes"]]


def _moved(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], list[str]]]:
    """Note each build's kept and moved cuts (`GroupsMemo.kept`, `GroupsMemo.moved`) as it saves them."""
    noted: list[tuple[list[str], list[str]]] = []
    made = GroupsMemo.save

    def save(self: GroupsMemo, pages: list[SharedPage], keys: list[str]) -> None:
        noted.append((sorted(self.kept), sorted(self.moved)))
        made(self, pages, keys)

    monkeypatch.setattr(GroupsMemo, "save", save)
    return noted


def test_a_claim_the_writer_states_moves_into_the_last_cut(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bool, int]] = []
    _checked(monkeypatch, seen)  # every page's key and bytes are those of a plan made afresh
    noted = _moved(monkeypatch)
    articles = make_archive(tmp_path)
    run(tmp_path)
    paths = sorted(p for p in articles.glob("*.txt") if "said" in p.read_text(encoding="utf-8"))
    path = paths[len(paths) // 2]
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n\nA late paragraph, edit 7.\n", encoding="utf-8")
    run(tmp_path)  # a claim the writer states, put into the last build's cut of the claims
    path.write_text(text, encoding="utf-8")
    run(tmp_path)  # and taken out again
    assert noted == [([], []), (["quotes"], ["claims"]), (["quotes"], ["claims"])]
    assert all(known for _, known in seen[1:])  # the pages before the claim keep their keys
    # The cut moved to is kept for the next build: a paragraph with nothing in it keeps both.
    path.write_text(text + SENTENCES[-1], encoding="utf-8")
    run(tmp_path)
    assert noted[-1] == (["claims", "quotes"], [])


def test_a_users_groups_template_counts_on_every_part(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """With a groups.html of the user's, which may print a group's count on its continued parts
    too, every page with a part of a group whose count changed is keyed again."""
    import newsarchive

    seen: list[tuple[bool, int]] = []
    _checked(monkeypatch, seen)
    noted = _moved(monkeypatch)
    articles = make_archive(tmp_path)
    (tmp_path / "templates").mkdir()
    builtin = Path(newsarchive.__file__).parent / "templates" / "groups.html"
    (tmp_path / "templates" / "groups.html").write_text(builtin.read_text(encoding="utf-8"), encoding="utf-8")
    run(tmp_path)
    paths = sorted(p for p in articles.glob("*.txt") if "said" in p.read_text(encoding="utf-8"))
    path = paths[len(paths) // 2]
    for n in (7, 8):  # two claims, one at a time: one of the two leaves the number of pages as it was
        path.write_text(path.read_text(encoding="utf-8") + f"\n\nA late paragraph, edit {n}.\n",
                        encoding="utf-8")
        run(tmp_path)
        assert noted[-1] == (["quotes"], ["claims"])


@pytest.mark.parametrize("seed", range(3))
def test_quotes_and_claims_moved_into_the_last_cut_are_the_pages_afresh(
        tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    _checked(monkeypatch, [])
    noted = _moved(monkeypatch)
    rng = random.Random(seed)
    articles = make_archive(tmp_path)
    run(tmp_path)
    for _ in range(8):  # quotes and claims of known speakers added to and taken from articles
        path = rng.choice(sorted(articles.glob("*.txt")))
        text = path.read_text(encoding="utf-8")
        paragraphs = text.split("\n\n")
        if rng.random() < 0.5 and len(paragraphs) > 3:
            del paragraphs[rng.randrange(2, len(paragraphs))]
            path.write_text("\n\n".join(paragraphs), encoding="utf-8")
        else:
            path.write_text(text + rng.choice(SENTENCES[:2] + SENTENCES[3:]), encoding="utf-8")
        run(tmp_path, jobs=rng.choice([1, 2]))
    assert noted[0] == ([], [])  # (the pages' keys and bytes are checked at every build)


@pytest.mark.parametrize("damage", [None, b"", b"not a layout", b"\x80\x05garbage"])
def test_a_missing_or_damaged_cut_is_made_afresh(tmp_path: Path, damage: bytes | None,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    articles = make_archive(tmp_path)
    run(tmp_path)
    seen: list[tuple[bool, int]] = []
    _checked(monkeypatch, seen)
    blob = groups_memo.Cache.blob

    def damaged(self: groups_memo.Cache, name: str, key: str) -> bytes | None:
        return damage if name == GROUP_LAYOUT else blob(self, name, key)

    monkeypatch.setattr(groups_memo.Cache, "blob", damaged)
    path = sorted(articles.glob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8") + SENTENCES[-1], encoding="utf-8")
    assert run(tmp_path).status() == 0
    assert seen == [(False, 0)]
    monkeypatch.setattr(groups_memo.Cache, "blob", blob)
    path.write_text(path.read_text(encoding="utf-8") + SENTENCES[-1], encoding="utf-8")
    run(tmp_path)
    assert seen[-1][0]  # made afresh and kept again


def test_a_deleted_cache_builds_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_build_engine import tree

    articles = make_archive(tmp_path)
    run(tmp_path)
    path = sorted(articles.glob("*.txt"))[1]
    path.write_text(path.read_text(encoding="utf-8") + SENTENCES[-1], encoding="utf-8")
    run(tmp_path)
    kept = tree(tmp_path / "site")
    for file in (tmp_path / ".newsarchive-cache").iterdir():
        file.unlink()
    run(tmp_path, out="again")
    again = tree(tmp_path / "again")
    assert {k: v for k, v in kept.items() if ".newsarchive" not in k} == {
        k: v for k, v in again.items() if ".newsarchive" not in k}
