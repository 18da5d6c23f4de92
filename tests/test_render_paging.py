"""Long lists are cut into pages: every page there, linked both ways, every quote and claim kept."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path, PurePosixPath

import pytest

from newsarchive.config import SiteConfig
from newsarchive.render import Site, shared
from newsarchive.render.shared import Pager, page_paths, split_groups
from newsarchive.render.views import Group
from render_fixture import sample_archive
from test_render_site import parse


def test_split_groups_fills_pages_and_carries_long_groups_over() -> None:
    groups = [Group("A", None, list(range(3)), "g-a"), Group("B", None, list(range(4)), "g-b")]  # type: ignore[arg-type]
    pages = split_groups(groups, size=3)
    assert [[(p.group.slug, len(p.places), p.continued) for p in page] for page in pages] == [
        [("g-a", 3, False)], [("g-b", 3, False)], [("g-b", 1, True)]]


def test_pager_links() -> None:
    pager = Pager(2, page_paths("quotes", 3))
    assert (pager.prev, pager.next) == ("quotes.html", "quotes-3.html")
    assert Pager(1, page_paths("index", 1)).numbered() == [(1, "index.html")]


@pytest.fixture()
def paged(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    monkeypatch.setattr(shared, "PAGE_SIZE", 1)
    return dict(Site(SiteConfig(title="Harbour Archive")).pages(sample_archive()))


def test_small_pages_keep_every_entry_and_link_every_page(paged: dict[str, bytes]) -> None:
    archive = sample_archive()
    assert {"index.html", "index-2.html", "index-3.html"} <= set(paged)
    assert "index-4.html" not in paged
    quotes = sum(1 for a in archive.articles for q in a.quotes if q.kind != "scare")
    found = sum(len(re.findall(r'class="place place-(?!claim)', paged[p].decode()))
                for p in paged if re.fullmatch(r"quotes(-\d+)?\.html", p))
    assert found == quotes
    for path, body in paged.items():
        if not path.endswith(".html"):
            continue
        page = parse(body)
        assert not page.duplicates, path
        for link in page.links:
            target, _, fragment = link.partition("#")
            if not target or "://" in target or target.startswith(("data:", "mailto:")):
                continue
            resolved = str(PurePosixPath(path).parent / target)
            resolved = re.sub(r"(^|/)[^/]+/\.\./", r"\1", resolved).removeprefix("./")
            assert resolved in paged, f"{path}: {link}"
            if fragment and resolved.endswith(".html"):
                assert fragment in parse(paged[resolved]).ids, f"{path}: {link}"
    sitemap = paged["sitemap.xml"].decode()
    for name in ("index-3.html", "quotes-2.html", "claims-2.html"):
        assert name in sitemap


def test_plan_keys_change_only_where_the_page_shows_the_change() -> None:
    archive = sample_archive()
    site = Site(SiteConfig())
    before = {p.path: p.key() for p in site.shared_plan(archive)}
    again = {p.path: p.key() for p in Site(SiteConfig()).shared_plan(archive)}
    assert before == again
    content = {a.slug: a.slug for a in archive.articles}
    first = {p.path: p.key() for p in site.shared_plan(archive, lambda a: content[a.slug])}
    content[archive.articles[-1].slug] = "edited"
    second = {p.path: p.key() for p in Site(SiteConfig()).shared_plan(archive, lambda a: content[a.slug])}
    changed = {path for path in first if first[path] != second[path]}
    assert "index.html" in changed and "search.html" not in changed and "static/style.css" not in changed


def test_every_index_page_changes_key_with_the_number_of_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each page says how many articles there are: deleting one on the last page must re-render the
    # others too (a rebuild kept "2225 articles" on index-2.html after one was deleted).
    monkeypatch.setattr(shared, "PAGE_SIZE", 2)
    archive = sample_archive()
    copies = tuple(replace(a, doc=replace(a.doc, slug=f"{a.slug}-copy")) for a in archive.articles)
    six = replace(archive, articles=(archive.articles + copies)[:6])
    five = replace(six, articles=six.articles[:5])  # three pages either way; page 2 the same articles
    first = {p.path: p.key() for p in Site(SiteConfig()).shared_plan(six)}
    second = {p.path: p.key() for p in Site(SiteConfig()).shared_plan(five)}
    assert {p for p in first if p.startswith("index")} == {"index.html", "index-2.html", "index-3.html"}
    assert {p for p in second if p.startswith("index")} == {"index.html", "index-2.html", "index-3.html"}
    assert first["index-2.html"] != second["index-2.html"]


def test_the_people_and_sources_lists_stand_by_the_entities_key_where_one_is_given(
        monkeypatch: pytest.MonkeyPatch) -> None:
    archive = sample_archive()
    lists = ("people.html", "sources.html")
    first = {p.path: p.key() for p in Site(SiteConfig()).shared_plan(archive, entities="e1")}
    monkeypatch.setattr(shared, "entity_part", lambda *args: pytest.fail("an entity's part was made"))
    again = {p.path: p.key() for p in Site(SiteConfig()).shared_plan(archive, entities="e1")}
    other = {p.path: p.key() for p in Site(SiteConfig()).shared_plan(archive, entities="e2")}
    assert first == again
    assert {path for path in first if first[path] != other[path]} == set(lists)
    monkeypatch.undo()
    without = {p.path: p.key() for p in Site(SiteConfig()).shared_plan(archive)}
    assert all(without[path] != first[path] for path in lists)  # each list shows its entities' parts


def _continued_keys(site: Site, archive: object) -> dict[str, str]:
    return {p.path: "\n".join(p.parts()) for p in site.shared_plan(archive)  # type: ignore[arg-type]
            if re.fullmatch(r"(quotes|claims)-\d+\.html", p.path)}


def test_a_continued_group_shows_no_count_and_its_key_holds_none(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # An added claim changes its group's count: with the built-in templates that changes the page
    # where the group begins, not every page it goes on over (a one-change rebuild re-rendered
    # ~70 claims pages for it). A user's groups.html may print the count anywhere: then it is kept.
    monkeypatch.setattr(shared, "PAGE_SIZE", 1)
    archive = sample_archive()
    site = Site(SiteConfig(title="Harbour Archive"))
    pages = dict(site.pages(archive))
    continued = [p for p, body in pages.items() if b'class="continued"' in body]
    assert continued
    for path in continued:
        heading = re.search(rb'<h2 id="[^"]*-title">.*?</h2>', pages[path], re.S)
        assert heading is not None and b'class="n"' not in heading.group(), path
    keys = _continued_keys(site, archive)
    assert all("\0True" not in k or "\0\0True" in k for k in keys.values())
    (tmp_path / "groups.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    user = _continued_keys(Site(SiteConfig(title="Harbour Archive"), tmp_path), archive)
    assert any("\0True" in k and "\0\0True" not in k for k in user.values())
