"""Who claims are credited to where a sentence opens on a body called by its kind ("The party
says", "The airline said")."""

from __future__ import annotations

from test_speakers_fixa22 import _article, _by


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
