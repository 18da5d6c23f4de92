"""The built-in `places` and `article_cards` (`lists.place_list`, `Site.cards`) write what
docs/templates.md's loops write."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest
from jinja2 import DictLoader
from markupsafe import Markup

from newsarchive.config import SiteConfig
from newsarchive.render.context import Place, index_archive
from newsarchive.render.lists import place_list
from newsarchive.render.site import Site
from render_fixture import HOSTILE, sample_archive

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "templates.md"


def _documented_loop(name: str = "places") -> str:
    """Return the macro `name` as docs/templates.md gives it, as a template."""
    text = DOCS.read_text(encoding="utf-8")
    found = re.search(r"```jinja\n(\{% macro " + name + r"\(.*?\{% endmacro %\})\n```", text, re.S)
    assert found is not None
    return found.group(1)


def _places(rng: random.Random) -> list[Place]:
    archive = sample_archive()
    index = index_archive(archive)
    out: list[Place] = []
    for art in archive.articles:
        undated = replace(art, doc=replace(art.doc, date=None, title=HOSTILE))
        for a in (art, undated):
            out.extend(index.quote_place_of(a, i) for i in range(len(a.quotes)))  # type: ignore[misc]
            out.extend(index.claim_place_of(a, i) for i in range(len(a.claims)))  # type: ignore[misc]
    odd = ["", "a & b", HOSTILE, "“quoted”", "2024-13-45"]
    for p in list(out):
        out.append(replace(p, text=rng.choice(odd) + p.text, why=rng.choice(odd), kind=rng.choice(
            ["direct", "partial", "scare", "claim", "other <kind>"]), editorial=rng.random() < 0.5,
            href=rng.choice(odd) + p.href))
    rng.shuffle(out)
    return out


def test_place_list_writes_the_documented_loop() -> None:
    site = Site(SiteConfig())
    site.env.loader = DictLoader({"loop.html": _documented_loop()})
    loop = site.env.get_template("loop.html").module.places  # type: ignore[attr-defined]
    rng = random.Random(5)
    places = _places(rng)
    assert len(places) > 40
    for root in ("", "../", "a&b/"):
        for n in (0, 1, 2, 7, len(places)):
            items = places[:n]
            assert place_list(items, root) == loop(items, root)
    assert isinstance(place_list(places, ""), Markup)


@pytest.mark.parametrize(("builtin", "own", "own_mark", "builtin_mark"), [
    ("{% set places = place_list %}",
     "{% macro places(items, root) %}{% for p in items %}[{{ p.index }}]{% endfor %}{% endmacro %}",
     '<ul class="places">[', 'class="place place-'),
    ("{% set article_cards = cards %}",
     "{% macro article_cards(articles, root, level=3) %}{% for a in articles %}[{{ a.slug }}]{% endfor %}"
     "{% endmacro %}",
     '<ol class="article-list compact">[', 'class="card"'),
])
def test_a_users_list_macro_is_used(tmp_path: Path, builtin: str, own: str, own_mark: str,
                                    builtin_mark: str) -> None:
    (tmp_path / "_macros.html").write_text(
        (ROOT / "src/newsarchive/templates/_macros.html").read_text(encoding="utf-8").replace(builtin, own),
        encoding="utf-8")
    archive = sample_archive()
    site = Site(SiteConfig(), tmp_path)
    entity = next(e for e in archive.people if e.quotes)
    html = site.render_entity(archive, entity)
    assert own_mark in html and builtin_mark not in html


def test_cards_write_the_documented_loop() -> None:
    site = Site(SiteConfig())
    archive = sample_archive()
    hostile = [replace(a, doc=replace(a.doc, title=HOSTILE)) for a in archive.articles]
    articles = [*archive.articles, *hostile]
    # (`card`, which both print, takes the built-in `_macros.html` as the site loaded it.)
    macros = site._template("_macros.html").module
    # Called as they are, not through a macro each (a macro call per list cost ~6 µs).
    assert macros.places is place_list and macros.article_cards == site.cards  # type: ignore[attr-defined]
    builtin = macros.article_cards  # type: ignore[attr-defined]
    site.env.loader = DictLoader({"loop.html": _documented_loop("article_cards")})
    loop = site.env.get_template("loop.html").module.article_cards  # type: ignore[attr-defined]
    for root in ("", "../", "a&b/"):
        for level in (2, 3):
            for n in (0, 1, 3, len(articles)):
                assert builtin(articles[:n], root, level) == loop(articles[:n], root, level)
        assert builtin(articles, root) == loop(articles, root, 3)
    assert isinstance(builtin(articles, ""), Markup)
