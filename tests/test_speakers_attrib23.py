"""Who speaks where the text calls a body by its kind ("The party says", "the airline said",
"the band said")."""

from __future__ import annotations

from newsarchive.extract import extract
from newsarchive.load.reader import parse_document
from newsarchive.records import Article


def _article(text: str) -> Article:
    return extract(parse_document("Headline for a case\n\n" + text, "case.txt"))


def _by(article: Article, words: str) -> str | None:
    found = [c for c in article.claims if words in c.text]
    assert found, words
    return found[0].by


def _speaker(article: Article, words: str) -> str | None:
    found = [q for q in article.quotes if q.text.startswith(words)]
    assert found, words
    return found[0].speaker


def test_the_party_is_the_nearest_party_the_text_names() -> None:
    article = _article(
        "The Conservative Party promised lower taxes on Monday. The Liberal Democrats want to scrap "
        "council tax.\n\n"
        "The party says the plans could save the average pensioner £100 every year and cut winter "
        "deaths.")
    assert _by(article, "The party says") == "Liberal Democrats"


def test_a_firm_word_opening_a_sentence_is_the_company_named() -> None:
    article = _article(
        "British Airways is to halt its flights from London to Jeddah from 27 March.\n\n"
        "The airline said the decision was a commercial one after a 20% fall in demand.")
    assert _by(article, "The airline said") == "British Airways"
