"""Golden article bodies: every change to how the text is marked up shows in review as a diff.

Regenerate after an intended change with:

    NEWSARCHIVE_REGOLD=1 python -m pytest tests/test_render_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsarchive.config import SiteConfig
from newsarchive.render import Site
from render_fixture import sample_archive

GOLDEN = Path(__file__).resolve().parent / "render_golden"


def body_of(page: str) -> str:
    """Return the article body and the side panel: the parts made from the record."""
    start = page.index('<div class="article-body"')
    return page[start : page.index("</aside>") + len("</aside>")] + "\n"


@pytest.mark.parametrize("slug", ["harbour-tolls", "council-split", "evil"])
def test_article_body_matches_its_golden_file(slug: str) -> None:
    archive = sample_archive()
    article = next(a for a in archive.articles if a.slug == slug)
    got = body_of(Site(SiteConfig()).render_article(archive, article))
    golden = GOLDEN / f"{slug}.html"
    if os.environ.get("NEWSARCHIVE_REGOLD"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8"), f"{golden} differs; see the module docstring"
