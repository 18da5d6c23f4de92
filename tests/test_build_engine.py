"""The build engine: same input same bytes, rebuilds that redo only what changed, a safe output folder."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from newsarchive.build import BuildOptions, BuildResult, build
from newsarchive.build.cache import CACHE_DIR, PAGE_SIZE
from newsarchive.build.output import MARKER, safe_relpath
from newsarchive.errors import OutputError

SEEDS = Path(__file__).resolve().parent.parent / "articles"

EXTRA = {
    "council-vote.txt": "Council backs ferry\n\nThe council voted on Tuesday to keep the ferry.\n\n"
                        "“It is how half of us get to work,” said Maria Lopez, who chairs the residents' "
                        "group.\n",
    "ferry-costs.md": "---\ntitle: Ferry costs rise\ndate: 2024-05-02\ntags: [transport]\n---\n\n"
                      "Maria Lopez said the ferry would need “serious money” next year.\n\n"
                      "According to the council, 1,240 people took part in the vote.\n",
}


def make_archive(root: Path) -> Path:
    """Return an articles folder with the seed articles and two small ones sharing a speaker."""
    articles = root / "articles"
    articles.mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(seed, articles / seed.name)
    for name, text in EXTRA.items():
        (articles / name).write_text(text, encoding="utf-8")
    return articles


def run(root: Path, out: str = "site", **options: object) -> BuildResult:
    """Build `root`/articles into `root`/`out` from inside `root`, as the CLI would."""
    cwd = Path.cwd()
    os.chdir(root)
    try:
        return build(BuildOptions(output=Path(out), jobs=options.pop("jobs", 1), **options))  # type: ignore[arg-type]
    finally:
        os.chdir(cwd)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def same_as_a_clean_build(root: Path, step: int, label: str = "") -> None:
    """Build `root`'s archive afresh beside its site and assert the two trees are the same (the
    marker aside); `label` names the case in the message (default: "step N")."""
    run(root, f"clean-{step}", cache=False)
    got, want = tree(root / "site"), tree(root / f"clean-{step}")
    got.pop(MARKER), want.pop(MARKER)
    assert got == want, label or f"step {step}"


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    make_archive(tmp_path)
    return tmp_path


def test_build_writes_a_marked_site_and_reports_clean(root: Path) -> None:
    result = run(root)
    site = root / "site"
    assert result.status() == 0 and result.articles == 4 and result.failed == 0
    assert (site / MARKER).is_file()
    for name in ("index.html", "articles/council-vote.html", "articles/ferry-costs.html",
                 "articles/the-week-putin-mobilisation-revolution.html"):
        assert (site / name).is_file(), name
    assert result.written == len(tree(site)) - 1  # every file but the marker
    assert not [p for p in root.iterdir() if ".newsarchive-tmp" in p.name or ".newsarchive-old" in p.name]


def test_same_input_same_bytes_whatever_jobs(root: Path) -> None:
    run(root, "one", jobs=1, cache=False)
    run(root, "two", jobs=2, cache=False)
    run(root, "again", jobs=2)
    one, two, again = tree(root / "one"), tree(root / "two"), tree(root / "again")
    for t in (one, two, again):
        t.pop(MARKER)
    assert one == two == again


@pytest.mark.parametrize("pages", [1, 1000])
def test_entity_pages_rendered_while_the_claims_link_are_the_same(root: Path, pages: int,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A first build renders people's and sources' pages while its child links the claims: same bytes."""
    from newsarchive.build import engine
    from newsarchive.build import pages as build_pages

    run(root, "plain", jobs=2, cache=False)
    asked: list[int] = []
    counts: list[int] = []

    def meanwhile(prepared: build_pages.Prepared, writer: object, linked: object) -> build_pages.EarlyPages:
        # However long the claims take: `pages` pages, as if the child answered after them.
        done = build_pages.render_entities_meanwhile(prepared, writer,  # type: ignore[arg-type]
                                                     lambda: asked.append(1) or len(asked) > pages)
        counts.append(len(done.units))
        return done

    monkeypatch.setattr(engine, "render_entities_meanwhile", meanwhile)
    result = run(root, "early", jobs=2)
    early, plain = tree(root / "early"), tree(root / "plain")
    early.pop(MARKER), plain.pop(MARKER)
    assert counts == [min(pages, len(result_entities(root / "early")))] and early == plain
    assert result.written == len(early)
    assert tree(root / ".early.newsarchive-spare").keys() - {MARKER} == early.keys()
    path = root / "articles" / "council-vote.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more closing paragraph.\n", encoding="utf-8")
    run(root, "early", jobs=2)
    run(root, "plain", jobs=2, cache=False)
    early, plain = tree(root / "early"), tree(root / "plain")
    early.pop(MARKER), plain.pop(MARKER)
    assert early == plain and counts[1:] == [0, 0]  # rebuilds (both outputs exist) reuse them instead


def result_entities(site: Path) -> list[Path]:
    return [*(site / "people").glob("*.html"), *(site / "sources").glob("*.html")]


def test_rebuild_with_nothing_changed_touches_nothing(root: Path) -> None:
    run(root)
    before = inodes(root / "site")
    result = run(root)
    assert result.up_to_date and result.written == 0
    assert inodes(root / "site") == before


@pytest.mark.parametrize("damage", ["deleted", "folder", "dangling link", "link to a copy", "folder linked"])
def test_rebuild_with_nothing_changed_checks_every_page_is_a_file(root: Path, damage: str) -> None:
    run(root)
    site = root / "site"
    page = site / "people" / sorted(p.name for p in (site / "people").iterdir())[0]
    data = page.read_bytes()
    page.unlink()
    if damage == "folder":
        page.mkdir()
    elif damage == "dangling link":
        page.symlink_to(root / "nowhere.html")
    elif damage == "link to a copy":  # a symbolic link to a file is a file, as `Path.is_file` says
        (root / "copy.html").write_bytes(data)
        page.symlink_to(root / "copy.html")
    elif damage == "folder linked":  # its folder a symbolic link: the page is asked for by name
        shutil.move(str(site / "people"), str(root / "people-moved"))
        (site / "people").symlink_to(root / "people-moved")
        (root / "people-moved" / page.name).write_bytes(data)
    result = run(root)
    assert result.up_to_date == (damage in ("link to a copy", "folder linked"))
    if not result.up_to_date:
        assert page.is_file() and not page.is_symlink() and page.read_bytes() == data


def test_rebuild_after_one_change_renders_only_what_it_affects(root: Path) -> None:
    run(root)
    site = root / "site"
    before, old_bytes = inodes(site), tree(site)
    path = root / "articles" / "the-week-putin-mobilisation-revolution.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more closing paragraph.\n", encoding="utf-8")
    result = run(root)
    after = inodes(site)
    changed = {rel for rel in after if after[rel] != before.get(rel)}
    assert "articles/the-week-putin-mobilisation-revolution.html" in changed
    assert "articles/council-vote.html" not in changed and "articles/ferry-costs.html" not in changed
    # Files rewritten are those whose bytes changed (plus the marker); the rest are the old files.
    now = tree(site)
    assert changed - {MARKER} == {rel for rel in after if now.get(rel) != old_bytes.get(rel)} - {MARKER}
    assert result.reused > result.written
    run(root, "clean", cache=False)
    fresh, clean = tree(site), tree(root / "clean")
    fresh.pop(MARKER), clean.pop(MARKER)
    assert fresh == clean


def test_rebuild_compares_a_page_rendered_again_with_its_file(root: Path) -> None:
    """A page whose unit changed but whose bytes did not is reused only where its file still holds them.

    The last build's file is compared with the new bytes, not a hash recorded when it was written:
    a file changed since (same length, other bytes) is written anew.
    """
    path = root / "articles" / "the-week-putin-mobilisation-revolution.txt"
    run(root)
    # Where the edit below leaves a page's bytes but not its unit's key: found on a copy.
    trial = root.parent / "trial"
    shutil.copytree(root, trial, symlinks=True)
    before, keys = tree(trial / "site"), page_keys(trial)
    edited = path.read_text(encoding="utf-8") + "\nOne more closing paragraph.\n"
    (trial / "articles" / path.name).write_text(edited, encoding="utf-8")
    run(trial)
    after, new_keys = tree(trial / "site"), page_keys(trial)
    same = sorted(rel for rel in keys if rel.endswith(".html") and new_keys.get(rel) != keys[rel]
                  and after.get(rel) == before[rel])
    assert same, "the edit should re-render some page to the same bytes"
    page = root / "site" / same[0]
    data = page.read_bytes()
    os.unlink(page)  # a new file, not the spare's link to the old one
    page.write_bytes(data[:-2] + (b"xx" if data[-2:] != b"xx" else b"yy"))
    path.write_text(edited, encoding="utf-8")
    run(root)
    assert page.read_bytes() == data
    same_as_a_clean_build(root, 1)


def page_keys(root: Path) -> dict[str, str]:
    """Return relpath → unit key of every file in the cache's file table."""
    with sqlite3.connect(root / CACHE_DIR / "cache.sqlite") as db:
        return dict(db.execute("SELECT relpath, key FROM pages"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_rebuild_never_writes_into_the_previous_sites_files(root: Path, jobs: int) -> None:
    # The new site starts as links to the old site's files; a file written anew must replace its
    # link, never write through it (the old site stays whole until the new one is swapped in).
    run(root, jobs=jobs)
    site, snapshot = root / "site", root / "snapshot"
    for path in sorted(site.rglob("*")):
        if path.is_file():
            (snapshot / path.relative_to(site)).parent.mkdir(parents=True, exist_ok=True)
            os.link(path, snapshot / path.relative_to(site))
    old = tree(snapshot)
    path = root / "articles" / "council-vote.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("ferry", "boat"), encoding="utf-8")
    (root / "articles" / "ferry-costs.md").unlink()
    result = run(root, jobs=jobs)
    assert result.written > 0 and tree(snapshot) == old
    assert not (site / "articles" / "ferry-costs.html").exists()
    run(root, "clean", cache=False)
    fresh, clean = tree(site), tree(root / "clean")
    fresh.pop(MARKER), clean.pop(MARKER)
    assert fresh == clean


def test_deleted_article_disappears(root: Path) -> None:
    run(root)
    (root / "articles" / "council-vote.txt").unlink()
    run(root)
    assert not (root / "site" / "articles" / "council-vote.html").exists()


def test_cache_deleted_or_damaged_changes_nothing(root: Path) -> None:
    run(root)
    first = tree(root / "site")
    shutil.rmtree(root / CACHE_DIR)
    run(root)
    assert tree(root / "site") == first
    db = root / CACHE_DIR / "cache.sqlite"
    db.write_bytes(b"this is not a database" * 100)
    (root / "articles" / "council-vote.txt").touch()
    result = run(root)
    assert result.status() == 0 and tree(root / "site") == first
    con = sqlite3.connect(db)
    con.execute("UPDATE articles SET data = x'00ff'")
    con.commit()
    con.close()
    (root / "articles" / "extra.txt").write_text("Extra\n\nA new article.\n", encoding="utf-8")
    result = run(root)
    assert result.status() == 0 and (root / "site" / "articles" / "extra.html").is_file()


def test_a_new_cache_has_large_pages_and_an_old_one_still_serves(root: Path) -> None:
    """A new cache file takes `PAGE_SIZE` pages (records fit in one or two); one made with sqlite's
    default pages is used as it is."""
    run(root)
    db = root / CACHE_DIR / "cache.sqlite"
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
    first = tree(root / "site")
    shutil.rmtree(root / CACHE_DIR)
    db.parent.mkdir()
    con = sqlite3.connect(db)
    con.execute("PRAGMA page_size = 4096")
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    run(root)
    (root / "articles" / "council-vote.txt").touch()
    result = run(root)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == result.articles
    assert tree(root / "site") == first


def test_refuses_to_replace_a_folder_it_did_not_make(root: Path) -> None:
    mine = root / "Documents"
    mine.mkdir()
    (mine / "thesis.txt").write_text("years of work", encoding="utf-8")
    with pytest.raises(OutputError, match="did not write"):
        run(root, "Documents")
    assert tree(mine) == {"thesis.txt": b"years of work"}
    with pytest.raises(OutputError, match="would contain"):
        run(root, ".")
    assert (root / "articles" / "council-vote.txt").is_file()


def test_an_empty_output_folder_is_fine(root: Path) -> None:
    (root / "site").mkdir()
    assert run(root).status() == 0
    assert (root / "site" / MARKER).is_file()


def test_missing_articles_folder_is_an_error(tmp_path: Path) -> None:
    from newsarchive.errors import NewsarchiveError

    with pytest.raises(NewsarchiveError, match="no articles folder"):
        run(tmp_path)


def test_strict_turns_warnings_into_failure(root: Path) -> None:
    (root / "articles" / "odd.md").write_text("---\ntitle: Odd\ncolour: red\n---\n\nText here.\n",
                                              encoding="utf-8")
    result = run(root)
    assert result.status() == 0 and result.status(strict=True) == 1
    assert "articles/odd.md:3: warning: unknown front-matter key 'colour' ignored" in "\n".join(
        str(d) for d in result.diagnostics)


@pytest.mark.parametrize("relpath", ["../x.html", "/etc/passwd", "a/../../x", "a\\..\\x", "", ".", "a//b",
                                     MARKER, "c:x", "a\0b", "x/" + "y" * 300])
def test_unsafe_relpaths_refused(relpath: str) -> None:
    with pytest.raises(OutputError):
        safe_relpath(relpath)


@pytest.mark.parametrize("relpath", ["index.html", "articles/a.html", "static/site.js", "people/x-2.html"])
def test_safe_relpaths_kept(relpath: str) -> None:
    assert safe_relpath(relpath) == relpath


def test_load_batches_take_the_longest_articles_first() -> None:
    from newsarchive.build.work import Job, longest_first

    jobs = [Job(name, "", b"x" * size) for name, size in
            (("a.txt", 10), ("b.txt", 300), ("c.txt", 10), ("d.txt", 2000), ("e.txt", 300))]
    assert [job.display for job in longest_first(jobs)] == ["d.txt", "b.txt", "e.txt", "a.txt", "c.txt"]
