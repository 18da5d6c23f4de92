"""A country's armed service in lower case after its possessive ("Ukraine's air force said") is a
body where the text cites it (`organisations.yaml` `services`)."""

from __future__ import annotations

from newsarchive.extract import extract
from newsarchive.load.reader import parse_document
from newsarchive.records import Article


def _article(text: str) -> Article:
    return extract(parse_document("Headline for a case\n\n" + text, "case.txt"))


def test_a_cited_service_is_a_body_and_speaks() -> None:
    article = _article(
        "Taiwan’s coast guard said it had tracked 12 Chinese vessels near the island on Monday.\n\n"
        "“We will respond calmly and firmly,” the coast guard said in a statement.")
    assert "Taiwan's Coast Guard" in {s.name for s in article.sources}
    found = [q for q in article.quotes if q.text.startswith("We will respond")]
    assert found and found[0].speaker == "Taiwan's Coast Guard"
    claims = [c for c in article.claims if "12 Chinese vessels" in c.text]
    assert claims and claims[0].by == "Taiwan's Coast Guard"


def test_a_service_in_the_story_is_no_source() -> None:
    # (no speech verb beside it: the army is what the story is about, not who speaks)
    article = _article("Russia's army advanced 3km near the town, Ukrainian officials said on Monday.")
    assert not [s for s in article.sources if "Army" in s.name]
