"""The whole site from a small hand-annotated archive: pages, links, escaping, feeds, data, themes."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest

from newsarchive.config import SiteConfig
from newsarchive.records import Archive
from newsarchive.render import Site
from render_fixture import HOSTILE, sample_archive


class Page(HTMLParser):
    """Collect a page's links, ids, scripts and the classes on each element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.duplicates: list[str] = []
        self.scripts: list[tuple[str | None, str]] = []
        self._script: str | None = None
        self._in_script = False
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.elements.append((tag, a))
        if a.get("id"):
            if a["id"] in self.ids:
                self.duplicates.append(a["id"] or "")
            self.ids.add(a["id"] or "")
        for key in ("href", "src", "action"):
            if a.get(key):
                self.links.append(a[key] or "")
        if tag == "script":
            self._in_script, self._script = True, a.get("type")
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)


@pytest.fixture(scope="module")
def archive() -> Archive:
    return sample_archive()


@pytest.fixture(scope="module")
def pages(archive: Archive) -> dict[str, bytes]:
    return dict(Site(SiteConfig(title="Harbour Archive")).pages(archive))


def parse(content: bytes) -> Page:
    page = Page()
    page.feed(content.decode())
    page.close()
    return page


def test_every_page_the_site_needs_is_there(pages: dict[str, bytes]) -> None:
    for path in ("index.html", "quotes.html", "claims.html", "people.html", "sources.html", "search.html",
                 "tensions.html", "articles/harbour-tolls.html", "articles/harbour-tolls.json",
                 "articles/harbour-tolls.data.html",
                 "articles/council-split.html", "people/ana-ruiz.html", "people/tom-baker.html",
                 "sources/port-authority.html", "tags/transport.html", "tags/local-politics.html",
                 "search-index.js", "archive.json", "feed.xml", "sitemap.xml", "static/style.css",
                 "static/site.js", "static/search.js", "static/pygments.css"):
        assert path in pages, path


def test_no_internal_link_is_broken(pages: dict[str, bytes]) -> None:
    parsed = {path: parse(body) for path, body in pages.items() if path.endswith(".html")}
    checked = 0
    for path, page in parsed.items():
        for link in page.links:
            parts = urlsplit(link)
            assert parts.scheme.lower() != "javascript", (path, link)
            if parts.scheme or link.startswith("//"):
                continue
            target = str(PurePosixPath(path).parent / unquote(parts.path)) if parts.path else path
            target = re.sub(r"(^|/)[^/]+/\.\./", r"\1", target).removeprefix("./")
            assert target in pages, f"{path}: {link} → {target} missing"
            assert target.endswith((".html", ".json", ".xml", ".css", ".js")), (path, link)
            if parts.fragment:
                assert parts.fragment in parsed[target].ids, f"{path}: {link} has no #{parts.fragment}"
            checked += 1
    assert checked > 100


def test_no_page_has_a_duplicate_id(pages: dict[str, bytes]) -> None:
    for path, body in pages.items():
        if path.endswith(".html"):
            assert not parse(body).duplicates, path


def test_quotes_and_claims_are_marked_in_place_with_their_speakers(pages: dict[str, bytes]) -> None:
    page = parse(pages["articles/harbour-tolls.html"])
    quote = next(a for t, a in page.elements if a.get("id") == "q-0")
    assert quote["class"] == "quote quote-direct"
    assert quote["data-href"] == "../people/ana-ruiz.html"
    assert quote["tabindex"] == "0"
    assert quote["title"] == "Ana Ruiz · direct quote"
    claim = next(a for t, a in page.elements if a.get("id") == "c-2")
    assert "Ferry Owners Association" in (claim["title"] or "")
    editorial = next(a for t, a in page.elements if a.get("id") == "q-3")
    assert "editorial" in (editorial["class"] or "")
    html = pages["articles/harbour-tolls.html"].decode()
    assert '<figure class="caption"><figcaption>' in html
    assert '<h2 class="subhead" id="p-5">What happens next?</h2>' in html
    assert "Image credit" not in html  # boilerplate left out


def test_the_side_panel_links_claims_that_disagree_and_says_how(pages: dict[str, bytes]) -> None:
    html = pages["articles/harbour-tolls.html"].decode()
    assert 'href="../articles/council-split.html#c-0"' in html
    assert "same quantity &#39;crossings a day would stop&#39;, 12 against 3" in html
    index = pages["index.html"].decode()
    assert 'href="articles/harbour-tolls.html#c-2"' in index
    assert 'href="articles/council-split.html#c-0"' in index


def test_person_pages_gather_quotes_and_claims_with_links_to_their_place(pages: dict[str, bytes]) -> None:
    html = pages["people/ana-ruiz.html"].decode()
    for n in (0, 1, 3):
        assert f'href="../articles/harbour-tolls.html#q-{n}"' in html
    assert 'href="../articles/harbour-tolls.html#c-1"' in html
    assert "director of the port authority" in html


def test_markdown_articles_are_rendered_with_marks(pages: dict[str, bytes]) -> None:
    html = pages["articles/council-split.html"].decode()
    assert "<em>&quot;<q " in html
    assert '<a href="https://example.org/minutes">asked us</a>' in html
    assert html.count("<li>") >= 2
    assert '<h2 class="subhead" id="p-3">Vote</h2>' in html


def test_hostile_text_is_always_escaped(pages: dict[str, bytes]) -> None:
    # JSON data files hold the text as it is; everything a browser interprets must escape it.
    for path, body in pages.items():
        if path.endswith(".json"):
            continue
        text = body.decode()
        assert "<script>alert" not in text, path
        assert "<img src=x" not in text, path
        assert "<b>Outlet" not in text, path
        if path.endswith(".html"):
            for link in parse(body).links:
                assert not link.strip().lower().startswith("javascript:"), (path, link)


def test_json_ld_cannot_close_its_script_and_reads_back(pages: dict[str, bytes], archive: Archive) -> None:
    page = parse(pages["articles/evil.html"])
    blocks = [text for kind, text in page.scripts if kind == "application/ld+json"]
    assert len(blocks) == 1
    assert "</" not in blocks[0]
    data = json.loads(blocks[0])
    types = {node["@type"] for node in data["@graph"]}
    assert {"NewsArticle", "Quotation", "Claim"} <= types
    assert data["@graph"][0]["headline"] == f"{HOSTILE} headline"


def test_data_files_hold_the_records(pages: dict[str, bytes]) -> None:
    record = json.loads(pages["articles/harbour-tolls.json"])
    assert record["quotes"][0]["speaker"] == "Ana Ruiz"
    whole = json.loads(pages["archive.json"])
    assert [a["slug"] for a in whole["articles"]] == ["council-split", "harbour-tolls", "evil"]
    assert whole["claim_links"][0]["relation"] == "disagrees"
    assert 'class="highlight"' in pages["articles/harbour-tolls.data.html"].decode()


def test_search_index_is_a_script_setting_a_global_with_exact_places(pages: dict[str, bytes]) -> None:
    script = pages["search-index.js"].decode()
    assert script.startswith("window.NEWSARCHIVE_SEARCH=")
    rows = json.loads(script.removeprefix("window.NEWSARCHIVE_SEARCH=").rstrip().rstrip(";"))
    assert ["p", "Ana Ruiz", "director of the port authority", "people/ana-ruiz.html"] in rows
    assert any(r[0] == "q" and r[3] == "articles/harbour-tolls.html#q-0" for r in rows)
    assert any(r[0] == "c" and r[3] == "articles/council-split.html#c-0" for r in rows)
    assert "</script" not in script


def test_feed_and_sitemap_are_xml_and_absolute_with_a_base_url(archive: Archive) -> None:
    pages = dict(Site(SiteConfig(base_url="https://news.example/arch/")).pages(archive))
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring(pages["feed.xml"])
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 3
    assert feed.findtext(f"{atom}updated") == "2024-03-09T00:00:00Z"
    assert entries[0].find(f"{atom}link").get("href") == "https://news.example/arch/articles/council-split.html"
    sitemap = ET.fromstring(pages["sitemap.xml"])
    locs = [e.text or "" for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://news.example/arch/people/ana-ruiz.html" in locs
    assert all(loc.startswith("https://news.example/arch/") for loc in locs)
    canonical = '<link rel="canonical" href="https://news.example/arch/index.html">'
    assert canonical in pages["index.html"].decode()


def test_without_a_base_url_feed_and_sitemap_stay_relative(pages: dict[str, bytes]) -> None:
    feed = ET.fromstring(pages["feed.xml"])
    ids = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}id")]
    assert all(i and i.startswith("urn:newsarchive") for i in ids)
    assert b"<loc>articles/harbour-tolls.html</loc>" in pages["sitemap.xml"]
    assert b"canonical" not in pages["index.html"]


def test_the_same_archive_gives_the_same_bytes(archive: Archive, pages: dict[str, bytes]) -> None:
    again = list(Site(SiteConfig(title="Harbour Archive")).pages(archive))
    assert [p for p, _ in again] == list(pages)
    assert dict(again) == pages


def test_user_templates_override_by_name_and_change_the_fingerprint(archive: Archive, tmp_path: Path) -> None:
    plain = Site(SiteConfig())
    (tmp_path / "static").mkdir()
    (tmp_path / "entity.html").write_text("<p>{{ entity.name }} custom</p>", encoding="utf-8")
    (tmp_path / "static" / "style.css").write_text("body{}", encoding="utf-8")
    themed = Site(SiteConfig(), tmp_path)
    pages = dict(themed.pages(archive))
    assert pages["people/ana-ruiz.html"] == b"<p>Ana Ruiz custom</p>"
    assert pages["static/style.css"] == b"body{}"
    assert b"article-body" in pages["articles/harbour-tolls.html"]
    assert themed.template_fingerprint() != plain.template_fingerprint()
    assert plain.template_fingerprint() == Site(SiteConfig()).template_fingerprint()


def test_marks_switch_is_a_real_button_and_search_has_a_label(pages: dict[str, bytes]) -> None:
    page = parse(pages["articles/harbour-tolls.html"])
    button = next(a for t, a in page.elements if a.get("id") == "marks-toggle")
    assert button["aria-pressed"] == "true" and button["type"] == "button"
    label = next(a for t, a in page.elements if t == "label")
    assert label["for"] == "search-input" and "search-input" in page.ids
    assert {"main", "search-form", "search-results", "panel", "article-body"} <= page.ids


def _unquote(html: str) -> str:
    return html.replace("&quot;", '"').replace("&#34;", '"').replace("&#39;", "'").replace("&#x27;", "'")


def test_an_articles_json_and_its_line_are_encoded_together_as_apart(archive: Archive) -> None:
    from newsarchive.render.data import article_json, article_line, article_texts

    for article in archive.articles:
        readable, line = article_texts(article)
        assert readable == article_json(article)
        assert line == article_line(article) == json.dumps(json.loads(readable), ensure_ascii=False)


def test_the_data_view_is_marked_up_exactly_as_pygments_would(archive: Archive) -> None:
    from newsarchive.render.data import article_json, highlighted, pygments_highlight

    for article in archive.articles:
        text = article_json(article)
        reference = re.sub(r'<span class="w">(\s*)</span>', r"\1", pygments_highlight(text))
        # Pygments releases differ in how they escape quote marks (2.21 writes &quot; and &#39;);
        # the markup must agree.
        assert _unquote(str(highlighted(text))) == _unquote(reference)


def test_random_json_is_marked_up_exactly_as_pygments_would() -> None:
    """Keys, strings holding escaped quotes, colons and digits, integers and floats, and the same
    runs between them in many documents (the highlighter keeps their markup)."""
    import random

    from newsarchive.render.data import highlighted, pygments_highlight

    rng = random.Random(11)
    words = ["", "a", 'say "x": 1', "k\\", "5", "-2.5e3", "true", "<b>&amp;</b>", "it's", ": ", "“q”",
             'ends \\"', "&quot;", '\\\\"\\']

    def value(depth: int) -> object:
        pick = rng.randrange(7 if depth < 3 else 4)
        if pick == 0:
            return rng.choice(words)
        if pick == 1:
            return rng.choice([0, -7, 42, 10**12, 1.5, -0.25, 1e21, 3e-9])
        if pick == 2:
            return rng.choice([True, False, None])
        if pick == 3:
            return rng.choice(words) + str(rng.randrange(100))
        if pick in (4, 5):
            return {rng.choice(words): value(depth + 1) for _ in range(rng.randrange(4))}
        return [value(depth + 1) for _ in range(rng.randrange(4))]

    for _ in range(300):
        text = json.dumps(value(0), ensure_ascii=False, indent=rng.choice([None, 2])) + "\n"
        reference = re.sub(r'<span class="w">(\s*)</span>', r"\1", pygments_highlight(text))
        assert _unquote(str(highlighted(text))) == _unquote(reference), text


def test_planning_the_pages_imports_no_pygments_and_rendering_its_styles_does() -> None:
    """A rebuild hashes what the styles are made of (Pygments' version), not the styles: no import."""
    import subprocess
    import sys

    import newsarchive

    probe = ("import sys\n"
             "from newsarchive.config import SiteConfig\n"
             "from newsarchive.render import Site\n"
             "from render_fixture import sample_archive\n"
             "pages = {p.path: p for p in Site(SiteConfig()).shared_plan(sample_archive())}\n"
             "keys = [p.key() for p in pages.values()]\n"
             "print(any(m.startswith('pygments.') for m in sys.modules))\n"
             "css = pages['static/pygments.css'].render()\n"
             "print(b'.highlight' in css, 'pygments.formatters' in sys.modules)\n")
    src = str(Path(newsarchive.__file__).parent.parent)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": f"{src}:{Path(__file__).parent}", "PATH": ""}, timeout=120)
    assert out.stdout.split() == ["False", "True", "True"]


def test_templates_are_kept_in_a_plain_dict() -> None:
    """Every page looks its base and macros up again: a dict, not Jinja's locked LRU cache."""
    site = Site(SiteConfig())
    site.compile()
    assert type(site.env.cache) is dict and "article.html" in {name for _, name in site.env.cache}
