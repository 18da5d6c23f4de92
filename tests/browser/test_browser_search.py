"""Search as you type, served and from disk: words of a quote find it, and the hit opens it in place."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

# Words from the middle of a quote in the seeds, typed as a reader would remember them.
TYPED = "coming around to the fact"
QUOTE = "My mum is coming around to the fact that this war is wrong"
ARTICLE = "articles/russia-home-front-putin-could-be-toppled.html"


def test_typing_words_of_a_quote_finds_it(page: Any, origin: Any) -> None:
    """Typing in the header's box lists the quote as a hit; the hit opens the article at the quote."""
    page.goto(origin.index)
    page.locator("#search-input").press_sequentially(TYPED)
    results = page.locator("#search-results")
    expect(results).to_be_visible()
    hit = results.locator("a", has_text=QUOTE).first
    expect(hit).to_contain_text("Quote")
    hit.click()
    expect(page).to_have_url(re.compile(re.escape(ARTICLE) + r"#q-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"#{anchor}")).to_contain_text(QUOTE)


def test_search_says_when_nothing_is_found(page: Any, origin: Any) -> None:
    """Words found nowhere give a plain 'Nothing found', and Escape closes the results."""
    page.goto(origin.index)
    page.locator("#search-input").fill("zqxjv wqpfk")
    results = page.locator("#search-results")
    expect(results).to_contain_text("Nothing found")
    page.keyboard.press("Escape")
    expect(results).to_be_hidden()


def test_search_page_reads_the_query_from_the_address(page: Any, origin: Any) -> None:
    """search.html?q=… (where the box's form goes without the script's help) lists the hits."""
    page.goto(origin.root + "search.html?q=" + TYPED.replace(" ", "+"))
    expect(page.locator("#search-input")).to_have_value(TYPED)
    expect(page.locator("#search-page-results a", has_text=QUOTE).first).to_be_visible()
