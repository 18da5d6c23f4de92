"""A description of an office no one in the text is given: who held it at the article's date."""

from __future__ import annotations

from newsarchive.extract import extract
from newsarchive.load.reader import parse_document

_JEB = """Jeb Bush on Monday brought his older brother, George W. Bush, to South Carolina, hours after \
Mr. Trump attacked him.

''There seems to be a lot of name-calling going on,'' the former president told a crowd.
"""


def _speaker(text: str, date: str | None) -> str | None:
    front = f"---\ntitle: Headline\ndate: {date}\n---\n" if date else "Headline\n\n"
    article = extract(parse_document(front + text, "x.txt"))
    return article.quotes[0].speaker


def test_former_holder_at_the_articles_date() -> None:
    # (Donald Trump left the office too, but after 2016: in 2016 only George W. Bush had)
    assert _speaker(_JEB, "2016-02-17") == "George W. Bush"


def test_holder_at_the_date_of_two_named() -> None:
    text = ("Theresa May met Tony Blair on Monday to discuss Brexit.\n\n"
            "\"We will leave on time,\" the prime minister said.\n")
    assert _speaker(text, "2019-01-10") == "Theresa May"
    assert _speaker(text, "2005-01-10") == "Tony Blair"
