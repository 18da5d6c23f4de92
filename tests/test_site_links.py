"""Check every internal link of built sites: it names a file that exists, its #fragment an id there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from site_helpers import BBC, SEEDS, bbc_sample, build_site, files

# Attributes that load or link to another file, by element.
LINKING = {
    "a": ("href",), "area": ("href",), "link": ("href",), "form": ("action",),
    "img": ("src", "srcset"), "source": ("src", "srcset"), "script": ("src",), "iframe": ("src",),
    "audio": ("src",), "video": ("src", "poster"), "track": ("src",), "object": ("data",),
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
# Pages no link has to reach: the server shows 404.html by itself.
UNLINKED = {"404.html"}


@dataclass(frozen=True)
class Link:
    """One reference from a site file to another URL."""

    page: Path
    line: int
    url: str

    def __str__(self) -> str:
        return f"{self.page.name}:{self.line}: {self.url!r}"


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[int, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in LINKING.get(tag, ()):
                # A srcset lists "url width, url width"; the others hold one URL.
                urls = [c.split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
                self.urls.extend((line, u.strip()) for u in urls)


@cache
def scan(page: Path) -> tuple[tuple[Link, ...], frozenset[str]]:
    """Return the links of an HTML or CSS file, and the ids an HTML page defines."""
    text = page.read_text(encoding="utf-8")
    if page.suffix == ".css":
        links = [Link(page, text.count("\n", 0, m.start()) + 1, m.group(1)) for m in CSS_URL.finditer(text)]
        return tuple(links), frozenset()
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return tuple(Link(page, line, url) for line, url in scanner.urls), frozenset(scanner.ids)


def internal_links(site: Path) -> Iterator[Link]:
    """Yield the links of every page and stylesheet that stay inside the site."""
    for page in files(site, ".html", ".css"):
        for link in scan(page)[0]:
            parts = urlsplit(link.url)
            if not (parts.scheme or parts.netloc):
                yield link


def target(link: Link, site: Path) -> Path:
    """Return the file a relative link points at (a folder's index.html for a folder)."""
    path = unquote(urlsplit(link.url).path)
    if not path:
        return link.page
    found = (site / path.lstrip("/")) if path.startswith("/") else (link.page.parent / path)
    found = found.resolve()
    return found / "index.html" if found.is_dir() else found


def broken(site: Path) -> list[str]:
    """Return a line for each internal link whose file, or #fragment in it, does not exist."""
    problems = []
    for link in internal_links(site):
        dest = target(link, site)
        fragment = unquote(urlsplit(link.url).fragment)
        if not dest.is_relative_to(site.resolve()):
            problems.append(f"{link}: points outside the site")
        elif not dest.is_file():
            problems.append(f"{link}: no such file {dest.relative_to(site.resolve())}")
        elif fragment and dest.suffix == ".html" and fragment not in scan(dest)[1]:
            problems.append(f"{link}: no id {fragment!r} in {dest.relative_to(site.resolve())}")
    return problems


def not_for_disk(site: Path) -> list[str]:
    """Return a line for each link that fails when the site is opened from disk (file://)."""
    problems = []
    for link in internal_links(site):
        path = urlsplit(link.url).path
        if path.startswith("/"):
            problems.append(f"{link}: starts at the server root, so it breaks from file:// and under a path")
        elif path.endswith("/") or (path and (link.page.parent / unquote(path)).is_dir()):
            problems.append(f"{link}: names a folder, which file:// lists instead of opening index.html")
    return problems


def unreachable(site: Path) -> list[str]:
    """Return the pages that no chain of links from index.html reaches."""
    root = site.resolve()
    seen = {root / "index.html"}
    todo = [root / "index.html"]
    while todo:
        page = todo.pop()
        for link in scan(page)[0]:
            parts = urlsplit(link.url)
            dest = target(link, root)
            if not (parts.scheme or parts.netloc) and dest.suffix == ".html" and dest.is_file() \
                    and dest not in seen:
                seen.add(dest)
                todo.append(dest)
    pages = files(root, ".html")
    return [str(p.relative_to(root)) for p in pages if p not in seen and p.name not in UNLINKED]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the seed archive, and a sample of real BBC stories when ../shared is there."""
    root = tmp_path_factory.mktemp("links")
    built = {"seeds": build_site(SEEDS, root / "seeds-site")}
    if BBC.is_dir():
        built["bbc"] = build_site(bbc_sample(root / "bbc", per_topic=4), root / "bbc-site")
    return built


@pytest.fixture(params=["seeds", "bbc"])
def site(request: pytest.FixtureRequest, sites: dict[str, Path]) -> Path:
    """Run a test on each built site."""
    if request.param not in sites:
        pytest.skip(f"no {request.param} site: ../shared is absent")
    return sites[request.param]


def test_checks_catch_bad_links(tmp_path: Path) -> None:
    """The checks are really applied: a missing file, a missing id, an orphan page, a root link."""
    (tmp_path / "index.html").write_text(
        '<a href="a.html#here">a</a><a href="gone.html">x</a><a href="a.html#nowhere">y</a>'
        '<a href="/a.html">z</a><img src="img/">', encoding="utf-8")
    (tmp_path / "a.html").write_text('<p id="here">', encoding="utf-8")
    (tmp_path / "img").mkdir()
    (tmp_path / "orphan.html").write_text("<p>", encoding="utf-8")
    assert [p.rsplit(": ", 1)[1] for p in broken(tmp_path)] == [
        "no such file gone.html", "no id 'nowhere' in a.html", "no such file img/index.html"]
    assert len(not_for_disk(tmp_path)) == 2
    assert unreachable(tmp_path) == ["orphan.html"]


def test_every_internal_link_resolves(site: Path) -> None:
    """Every link, image, script and stylesheet reference names a file that exists, and an id in it."""
    problems = broken(site)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems[:60])


def test_links_work_from_disk(site: Path) -> None:
    """Links are relative and name files, so the site works opened from a folder as well as served."""
    problems = not_for_disk(site)
    assert not problems, f"{len(problems)} links that break from file://:\n" + "\n".join(problems[:60])


def test_every_page_is_reachable_from_the_index(site: Path) -> None:
    """No page is an orphan: a reader can get to each one by following links from index.html."""
    orphans = unreachable(site)
    assert not orphans, f"{len(orphans)} pages no link reaches:\n" + "\n".join(orphans[:60])
