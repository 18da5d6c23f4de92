"""Cataphora in a lede (`attribution/lede.py`): an office in the first paragraph whose holder the
second names, for quotes and for claims."""

from __future__ import annotations

from newsarchive.extract import extract
from newsarchive.load.reader import parse_document
from newsarchive.records import Article


def _article(text: str) -> Article:
    return extract(parse_document("Headline for a case\n\n" + text, "case.txt"))


def test_capitalised_office_in_a_lede_credits_the_claim_to_its_holder() -> None:
    # ("the Trade and Industry Secretary": an office in capitals, its portfolio before it)
    article = _article(
        "Plans to extend paid maternity leave beyond six months should be prominent in the "
        "manifesto, the Trade and Industry Secretary has said.\n\n"
        "Patricia Hewitt said the cost of the proposals was \"being evaluated\".")
    found = [c for c in article.claims if c.text.startswith("Plans to extend")]
    assert found and found[0].by == "Patricia Hewitt"


def test_holder_named_after_an_opening_phrase() -> None:
    # ("Speaking to …, Commissioner Henrik Solberg said": the subject after a participle's phrase;
    # "trade commissioner" is his office though his own role says only "commissioner")
    article = _article(
        "Brussels will take \"swift and proportionate\" action if export controls tighten, the EU's "
        "trade commissioner told MEPs on Tuesday.\n\n"
        "Speaking to the trade committee in Brussels, Commissioner Henrik Solberg said the bloc "
        "had more tools than ever.")
    found = [q for q in article.quotes if q.text.startswith("swift")]
    assert found and found[0].speaker == "Henrik Solberg"


def test_no_holder_where_the_second_paragraph_names_someone_in_a_list() -> None:
    # (a name after a comma that is not a clause's subject: not the office's holder)
    article = _article(
        "Ministers will not hesitate to act on 40% tariffs, the trade secretary has said.\n\n"
        "The talks, chaired by Liam Byrne, ended without a deal.")
    found = [c for c in article.claims if c.text.startswith("Ministers will")]
    assert not found or found[0].by != "Liam Byrne"
