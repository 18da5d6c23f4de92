"""Cataphora in a lede (`attribution/lede.py`): an office in the first paragraph whose holder the
second names, for quotes and for claims."""

from __future__ import annotations

import pytest

from newsarchive.extract import extract
from newsarchive.load.reader import parse_document

CASES = [
    # ("the Trade and Industry Secretary": an office in capitals, its portfolio before it)
    ("Plans to extend paid maternity leave beyond six months should be prominent in the manifesto, "
     "the Trade and Industry Secretary has said.\n\n"
     "Patricia Hewitt said the cost of the proposals was \"being evaluated\".",
     "claim", "Plans to extend", "Patricia Hewitt"),
    # ("Speaking to …, Commissioner Henrik Solberg said": the subject after a participle's phrase;
    # "trade commissioner" is his office though his own role says only "commissioner")
    ("Brussels will take \"swift and proportionate\" action if export controls tighten, the EU's "
     "trade commissioner told MEPs on Tuesday.\n\n"
     "Speaking to the trade committee in Brussels, Commissioner Henrik Solberg said the bloc "
     "had more tools than ever.",
     "quote", "swift", "Henrik Solberg"),
]


@pytest.mark.parametrize(("text", "kind", "start", "holder"), CASES)
def test_lede_office_is_its_holders(text: str, kind: str, start: str, holder: str) -> None:
    article = extract(parse_document("Headline for a case\n\n" + text, "case.txt"))
    found = [c.by for c in article.claims if c.text.startswith(start)] if kind == "claim" \
        else [q.speaker for q in article.quotes if q.text.startswith(start)]
    assert found and found[0] == holder


def test_no_holder_where_the_second_paragraph_names_someone_in_a_list() -> None:
    # (a name after a comma that is not a clause's subject: not the office's holder)
    article = extract(parse_document(
        "Headline for a case\n\nMinisters will not hesitate to act on 40% tariffs, the trade "
        "secretary has said.\n\nThe talks, chaired by Liam Byrne, ended without a deal.", "case.txt"))
    found = [c for c in article.claims if c.text.startswith("Ministers will")]
    assert not found or found[0].by != "Liam Byrne"
