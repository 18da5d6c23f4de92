"""Who speaks where the text gives a country, a country's service by its adjective, an owner's
document, a pronoun after a sentence naming someone else, or an office in a lede with no quotation."""

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


def test_an_owners_document_speaks_for_its_owner() -> None:
    article = _article(
        "Bernie Sanders spoke in Iowa on Monday.\n\n"
        "Sanders' fundraising email to supporters notes that the campaign raised $20 million in March.\n\n"
        "Mr Smith's letter to the council said 300 homes had been flooded in January.")
    assert _by(article, "$20 million") == "Bernie Sanders"
    assert _by(article, "300 homes") == "Smith"


def test_he_after_a_sentence_naming_another_is_its_speaker() -> None:
    article = _article(
        "That effort has been championed by North Dakota RNC Committeeman Curly Haugland, who has "
        "argued for years that delegates can't be bound.\n\n"
        "Bill Bruch, a state delegate, said he called Haugland earlier this month to learn more. "
        "Now, he says, at least seven of the state's 44 delegates have signed on.")
    assert _by(article, "44 delegates") == "Bill Bruch"


def test_a_ledes_office_credits_claims_without_quotations() -> None:
    article = _article(
        "More than 4,000 new nurses will be trained by 2008, the health secretary has said.\n\n"
        "John Reid told the Commons the plan would cost £200m.")
    assert not article.quotes
    assert _by(article, "4,000 new nurses") == "John Reid"


def test_he_after_a_quotation_is_its_speaker_not_one_named_before_it() -> None:
    # (BBC politics/110)
    article = _article(
        'Tony Blair has had the chance to tackle the problems facing Britain and has failed, '
        'Michael Howard has said.\n\n"Britain is heading in the wrong direction", the Conservative '
        'leader said in his New Year message. Mr Blair\'s government was a "bossy, interfering '
        'government that takes decisions that should be made by individuals," he added. But '
        'Labour\'s campaign spokesman Fraser Kemp responded: "Britain is working, don\'t let the '
        'Tories wreck it again". Mr Howard also paid tribute to the nation\'s character for its '
        'generous response to the Asian quake disaster. The catastrophe was overshadowing the hopes'
        ' for the future at this usually positive time of the year, Mr Howard said.\n\nMr Blair has '
        'failed to tackle these problems, he claimed, saying he has the "wrong solution" to '
        'them.\n\n"The result is big government and higher taxes eroding incentives, undermining '
        'enterprise and denying people choice. "Worst of all, it is a government that has wasted '
        'people\'s money and failed to tackle the problems families face today." The Tories, he '
        'said, can cut crime and improve public services without asking people to pay more taxes. '
        '"We can have progress without losing what makes Britain great - its tolerance, the respect'
        ' for the rule of law, the ability of everyone to fulfil their potential. "We simply need '
        'to change direction. The election will give Britain the chance to change." This is the '
        'record Mr Blair will have to defend in the coming months, he said, urging voters to hold '
        'him to account.')
    assert _by(article, "The Tories, he said") == "Michael Howard"


def test_a_dated_report_by_a_body_is_the_bodys() -> None:
    article = _article(
        "The youngest MP was 21 in 1904. Last April's report by the Electoral Commission said there "
        "was no strong argument for leaving the age for standing at 21.")
    assert _by(article, "no strong argument") == "Electoral Commission"


def test_a_country_after_a_sentence_opener_speaks() -> None:
    article = _article("But Russia said it had sent 12 ships to the port in March.")
    assert _by(article, "12 ships") == "Russia"
