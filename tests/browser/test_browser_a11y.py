"""Accessibility: axe-core finds no serious or critical violation on each kind of page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

FAILING_IMPACT = ("serious", "critical")
# One page of each kind: for people, sources and articles the largest, having the most to check.
KINDS = ["index.html", "articles/*.html", "articles/*.data.html", "people/*.html", "sources/*.html",
         "people.html", "quotes.html", "claims.html", "tensions.html", "search.html"]


def largest(site: Path, pattern: str) -> str:
    """Return the site path of the largest page matching the pattern; fail when there is none."""
    # An article's data view (x.data.html) is a kind of its own, not an article page.
    found = sorted((p for p in site.glob(pattern) if (".data." in p.name) == (".data." in pattern)),
                   key=lambda p: (-p.stat().st_size, p.name))
    assert found, f"the seed site has no page {pattern}"
    return found[0].relative_to(site).as_posix()


def violations(page: Any, axe_source: str) -> list[str]:
    """Run axe-core in the page and return its serious and critical violations, one line each."""
    page.add_script_tag(content=axe_source)
    found: list[dict[str, Any]] = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [f"{v['impact']}: {v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['html'][:160]})"
            for v in found if v["impact"] in FAILING_IMPACT]


def test_axe_finds_a_planted_violation(page: Any, axe_source: str, tmp_path: Path) -> None:
    """axe-core is really run: an image without alt text is reported as critical."""
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en"><title>x</title><main><img src="data:,"></main>', encoding="utf-8")
    page.goto((tmp_path / "bad.html").as_uri())
    assert any("image-alt" in line for line in violations(page, axe_source))


@pytest.mark.parametrize("kind", KINDS)
def test_page_has_no_serious_violations(page: Any, axe_source: str, site: Path, http_root: str,
                                        kind: str) -> None:
    """Each kind of page passes axe-core's checks with nothing serious or critical."""
    page.goto(http_root + largest(site, kind))
    found = violations(page, axe_source)
    assert not found, f"axe-core on {kind}:\n" + "\n".join(found)


def test_article_in_dark_mode_has_no_serious_violations(page: Any, axe_source: str, site: Path,
                                                        http_root: str) -> None:
    """The article page keeps its contrast under the dark colour scheme too."""
    page.emulate_media(color_scheme="dark")
    page.goto(http_root + largest(site, "articles/*.html"))
    found = violations(page, axe_source)
    assert not found, "axe-core on an article in dark mode:\n" + "\n".join(found)
