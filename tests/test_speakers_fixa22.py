"""Who speaks where the text gives a country, a country's service by its adjective."""

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


def test_a_country_that_speaks_is_its_government() -> None:
    article = _article(
        "Japan branded North Korea an \"outlaw nation in the neighborhood.\" Russia insisted that "
        "Pyongyang \"stop its dangerous escapades.\"\n\n"
        "“We will not move,” China said on Monday. Officials in France said 12 ships had sailed.")
    assert _speaker(article, "outlaw nation") == "Japan"
    assert _speaker(article, "stop its") == "Russia"
    assert _speaker(article, "We will not move") == "China"
    assert {"Japan", "Russia", "China"} <= {s.name for s in article.sources}
    assert "France" not in {s.name for s in article.sources}  # (where they spoke, not who)


def test_a_country_in_a_name_or_a_game_is_no_speaker() -> None:
    article = _article(
        "Telecoms ombudsman Elizabeth France said: \"We will look at every complaint.\"\n\n"
        "Ireland maintained their Grand Slam hopes with a 40-13 win. \"It was hard,\" said "
        "France coach Bernard Laporte.")
    assert _speaker(article, "We will look") == "Elizabeth France"
    assert _speaker(article, "It was hard") == "Bernard Laporte"
    assert not {"France", "Ireland"} & {s.name for s in article.sources}


def test_a_service_by_its_country_adjective() -> None:
    article = _article("The Ukrainian air force said it had shot down 30 of 35 drones overnight.")
    assert _by(article, "30 of 35 drones") == "Ukraine's Air Force"
