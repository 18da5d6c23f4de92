"""Quote marks as a reader meets them: a hover or keyboard focus names the speaker; a switch hides them."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

ARTICLE = "articles/the-week-putin-mobilisation-revolution.html"
QUOTE = "changes must be made"
SPEAKER = "Ramzan Kadyrov"
MAX_TABS = 400
TRANSPARENT = "rgba(0, 0, 0, 0)"


def tip(element: Any) -> str:
    """Return the tooltip the stylesheet draws after the element ('none' when there is none)."""
    content: str = element.evaluate("el => getComputedStyle(el, '::after').content")
    return content


def background(element: Any) -> str:
    """Return the element's computed background colour."""
    colour: str = element.evaluate("el => getComputedStyle(el).backgroundColor")
    return colour


def tab_to(page: Any, element_id: str) -> int:
    """Press Tab until the element with this id has focus; return how many presses it took."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return presses
    raise AssertionError(f"#{element_id} not reached in {MAX_TABS} presses of Tab")


def test_hovering_a_quote_names_its_speaker(page: Any, origin: Any) -> None:
    """The quote's title, and the tip shown on hover only, name the speaker and the kind of quote."""
    page.goto(origin.root + ARTICLE)
    quote = page.locator("#article-body q.quote", has_text=QUOTE).first
    expect(quote).to_have_attribute("title", re.compile(SPEAKER))
    assert tip(quote) == "none"
    quote.hover()
    assert SPEAKER in tip(quote)
    assert "quote" in tip(quote)


def test_keyboard_reaches_a_quote_and_follows_it(page: Any, origin: Any) -> None:
    """Tab reaches the quote, focus shows its speaker, and Enter opens the speaker's page."""
    page.goto(origin.root + ARTICLE)
    quote = page.locator("#article-body q.quote", has_text=QUOTE).first
    tab_to(page, quote.get_attribute("id"))
    expect(quote).to_be_focused()
    assert SPEAKER in tip(quote)
    outline = quote.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "the focused quote shows no focus outline"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"people/ramzan-kadyrov\.html$"))


def test_marks_switch_hides_and_shows_marks(page: Any, origin: Any) -> None:
    """The switch turns marks off and on, with the mouse and from the keyboard, and is remembered."""
    page.goto(origin.root + ARTICLE)
    switch = page.locator("#marks-toggle")
    quote = page.locator("#article-body q.quote-direct, #article-body q.quote-partial").first
    expect(switch).to_be_visible()
    expect(switch).to_have_attribute("aria-pressed", "true")
    shown = background(quote)
    assert shown != TRANSPARENT, "a quote has no mark to begin with"

    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "false")
    expect(page.locator("html")).to_have_class(re.compile(r"\bmarks-off\b"))
    assert background(quote) == TRANSPARENT
    quote.hover()
    assert tip(quote) == "none", "a hidden mark still shows its tip"

    page.reload()
    expect(switch).to_have_attribute("aria-pressed", "false")
    assert background(quote) == TRANSPARENT, "the switch is not remembered across pages"

    tab_to(page, "marks-toggle")
    page.keyboard.press("Space")
    expect(switch).to_have_attribute("aria-pressed", "true")
    assert background(quote) == shown
    page.keyboard.press("Enter")
    expect(switch).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Enter")
    expect(switch).to_have_attribute("aria-pressed", "true")
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bmarks-off\b"))
