"""A reader's path through the seed archive: index → article → a quote's speaker → the other article."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

# The seeds: Ramzan Kadyrov is quoted in the first and named in the second.
WEEK = "the-week-putin-mobilisation-revolution"
HOME_FRONT = "russia-home-front-putin-could-be-toppled"
KADYROV_QUOTE = "changes must be made"
KADYROV_PAGE = "people/ramzan-kadyrov.html"


def ends_with(path: str) -> re.Pattern[str]:
    """Return a pattern matching a URL that ends with the site path (and maybe a #fragment)."""
    return re.compile(re.escape(path) + r"(#.*)?$")


def test_index_to_speaker_to_other_article(page: Any, origin: Any) -> None:
    """Click from the index to an article, on a quote to its speaker, and on to the other article."""
    page.goto(origin.index)
    page.locator(f'.card a[href$="articles/{WEEK}.html"]').first.click()
    expect(page).to_have_url(ends_with(f"articles/{WEEK}.html"))

    quote = page.locator("#article-body q.quote", has_text=KADYROV_QUOTE).first
    expect(quote).to_have_attribute("data-href", ends_with(KADYROV_PAGE))
    quote.click()
    expect(page).to_have_url(ends_with(KADYROV_PAGE))
    expect(page.locator("h1")).to_have_text("Ramzan Kadyrov")
    expect(page.locator(".place", has_text=KADYROV_QUOTE).first).to_be_visible()

    page.locator(f'.card a[href$="articles/{HOME_FRONT}.html"]').first.click()
    expect(page).to_have_url(ends_with(f"articles/{HOME_FRONT}.html"))
    expect(page.locator("#article-body")).to_contain_text("Kadyrov")


def test_person_page_links_back_to_the_quote(page: Any, origin: Any) -> None:
    """A quote listed on its speaker's page opens the article at that quote."""
    page.goto(origin.root + KADYROV_PAGE)
    page.locator(".place", has_text=KADYROV_QUOTE).locator("a", has_text=KADYROV_QUOTE).first.click()
    expect(page).to_have_url(re.compile(re.escape(f"articles/{WEEK}.html") + r"#q-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"#{anchor}")).to_contain_text(KADYROV_QUOTE)
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()


def test_site_navigation_reaches_every_index(page: Any, origin: Any) -> None:
    """The header's links open the people, sources, quotes and claims indexes, and each lists something."""
    page.goto(origin.index)
    for name, path in [("People", "people.html"), ("Sources", "sources.html"),
                       ("Quotes", "quotes.html"), ("Claims", "claims.html"), ("Articles", "index.html")]:
        page.locator(".site-nav").get_by_role("link", name=name, exact=True).click()
        expect(page).to_have_url(ends_with(path))
        expect(page.locator(".site-nav a[aria-current=page]")).to_have_text(name)
        expect(page.locator("#main a").first).to_be_visible()
