"""Article pages at desktop and phone widths: screenshots to look at, and nothing wider than the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

# Gitignored: for a person to look at, not compared.
SCREENSHOTS = Path(__file__).with_name("screenshots")
WIDTHS = {"desktop": 1280, "phone": 360}


@pytest.mark.parametrize("screen", WIDTHS)
def test_article_fits_and_is_captured(page: Any, site: Path, http_root: str, screen: str) -> None:
    """Each seed article fits the screen's width (no sideways scrolling), and is saved as a PNG."""
    width = WIDTHS[screen]
    page.set_viewport_size({"width": width, "height": 800})
    SCREENSHOTS.mkdir(exist_ok=True)
    articles = sorted((site / "articles").glob("*.html"))
    assert articles, "the seed site has no article pages"
    for article in articles:
        page.goto(f"{http_root}articles/{article.name}")
        page.screenshot(path=str(SCREENSHOTS / f"{article.stem}-{screen}.png"), full_page=True)
        overflow = page.evaluate("""() => {
            const wide = [...document.querySelectorAll('body *')].filter(
                el => el.getBoundingClientRect().right > window.innerWidth + 1);
            return {scroll: document.documentElement.scrollWidth,
                    wide: wide.slice(0, 5).map(el => el.outerHTML.slice(0, 120))};
        }""")
        assert overflow["scroll"] <= width, (
            f"{article.name} is {overflow['scroll']} px wide on a {width} px screen; "
            f"elements past the edge: {overflow['wide']}")
