"""Article pages at desktop and phone widths: nothing wider than the screen, and a screenshot to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

# Gitignored: for a person to look at, not compared.
SCREENSHOTS = Path(__file__).with_name("screenshots")
WIDTHS = {"desktop": 1280, "phone": 360}
# The longer seed, with the most kinds of mark; a full-page capture costs a second or two each.
CAPTURED = "the-week-putin-mobilisation-revolution"


@pytest.mark.parametrize("screen", WIDTHS)
def test_article_fits_and_is_captured(page: Any, site: Path, http_root: str, screen: str) -> None:
    """Each seed article fits the screen's width (no sideways scrolling); one is saved as a PNG."""
    width = WIDTHS[screen]
    page.set_viewport_size({"width": width, "height": 800})
    SCREENSHOTS.mkdir(exist_ok=True)
    # Article pages only, not their data views (x.data.html).
    articles = sorted(p for p in (site / "articles").glob("*.html") if p.suffixes == [".html"])
    assert articles, "the seed site has no article pages"
    for article in articles:
        page.goto(f"{http_root}articles/{article.name}")
        if article.stem == CAPTURED:
            page.screenshot(path=str(SCREENSHOTS / f"article-{screen}.png"), full_page=True)
        overflow = page.evaluate("""() => {
            const wide = [...document.querySelectorAll('body *')].filter(
                el => el.getBoundingClientRect().right > window.innerWidth + 1);
            return {scroll: document.documentElement.scrollWidth,
                    wide: wide.slice(0, 5).map(el => el.outerHTML.slice(0, 120))};
        }""")
        assert overflow["scroll"] <= width, (
            f"{article.name} is {overflow['scroll']} px wide on a {width} px screen; "
            f"elements past the edge: {overflow['wide']}")
