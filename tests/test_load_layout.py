"""The loader's layout: headline, standfirst, headings, captions, boilerplate, byline, bio."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.load.reader import parse_document, slugify

ARTICLE = """Storm closes ports along the coast

Ferries cancelled as winds reach 90mph

Harbour at dusk
Boats sheltering in the harbour on Tuesday
(Image credit: Jane Doe/Example Images)

Ports along the coast were closed on Tuesday as winds reached 90mph.

Subscribe to The Coastal Herald

Get the facts behind the news, delivered to your inbox.

Sign up

What happens next?

Forecasters expect the wind to ease by Thursday.

Continue reading for free

Jane Smith is a reporter at The Coastal Herald covering transport and the environment.
"""


def doc(text: str, path: str = "articles/x.txt"):  # type: ignore[no-untyped-def]
    return parse_document(text, path)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in doc(text).paragraphs]


def test_headline_standfirst_and_line_numbers() -> None:
    d = doc(ARTICLE)
    assert d.title == "Storm closes ports along the coast"
    assert d.standfirst == "Ferries cancelled as winds reach 90mph"
    assert d.paragraphs[0].kind == "standfirst"
    assert d.paragraphs[0].line == 3
    body = [p for p in d.paragraphs if p.kind == "text"]
    assert body[0].text.startswith("Ports along the coast")
    assert body[0].line == 9


def test_caption_block_and_credit() -> None:
    d = doc(ARTICLE)
    captions = [p.text for p in d.paragraphs if p.kind == "caption"]
    assert captions == ["Harbour at dusk", "Boats sheltering in the harbour on Tuesday"]
    assert any(b.reason == "image credit" for b in d.boilerplate)


def test_heading_kept_as_heading() -> None:
    assert ("heading", "What happens next?") in kinds(ARTICLE)


def test_promotion_box_and_bio_are_boilerplate() -> None:
    d = doc(ARTICLE)
    furniture = [b.text for b in d.boilerplate]
    assert "Subscribe to The Coastal Herald" in furniture
    assert "Get the facts behind the news, delivered to your inbox." in furniture
    assert "Sign up" in furniture
    assert "Continue reading for free" in furniture
    assert d.author == "Jane Smith"
    assert d.outlet == "The Coastal Herald"
    assert not any("Subscribe" in p.text or "Jane Smith" in p.text for p in d.paragraphs)


@pytest.mark.parametrize(("line", "outlet"), [
    ("Subscribe to our newsletter to receive the latest updates.", "The Coastal Herald"),
    ("Subscribe to Our Daily Briefing", "The Coastal Herald"),
    ("Subscribe to HuffPost’s politics podcast here.", "HuffPost"),
])
def test_a_promotion_names_the_outlet_only_by_its_name(line: str, outlet: str) -> None:
    # (else the writer's bio names it: "Jane Smith is a reporter at The Coastal Herald")
    d = doc(ARTICLE.replace("Subscribe to The Coastal Herald", line))
    assert d.outlet == outlet


def test_first_line_that_is_body_text_is_not_a_title() -> None:
    text = ("In 1916, the tsar was bunkered down behind the front lines, commanding his troops in a series "
            "of increasingly catastrophic retreats.\n\nMore followed.\n")
    d = doc(text)
    assert d.title is None
    assert d.paragraphs[0].text.startswith("In 1916")


def test_byline_line() -> None:
    d = doc("Council approves budget\n\nBy Maria Lopez\n\nThe council approved the budget on Monday.\n")
    assert d.author == "Maria Lopez"
    assert [p.text for p in d.paragraphs] == ["The council approved the budget on Monday."]


def test_hard_wrapped_lines_are_joined() -> None:
    d = doc("Title here\n\nThe minister said the plan would\ngo ahead next year.\n")
    assert [p.text for p in d.paragraphs] == ["The minister said the plan would go ahead next year."]


def test_front_matter_wins_over_inference() -> None:
    text = ("---\ntitle: Set Title\nauthor: A Writer\ndate: 2022-09-25\ntags: [russia, war]\n---\n"
            "Inferred\n\nBody.\n")
    d = doc(text)
    assert (d.title, d.author, d.date, d.tags) == ("Set Title", "A Writer", "2022-09-25", ("russia", "war"))
    assert d.paragraphs[-1].line == 9


def test_markdown_headings_and_title() -> None:
    d = doc("# A Title\n\nSome *text*.\n\n## Section\n\nMore text.\n", "articles/x.md")
    assert d.title == "A Title"
    assert [(p.kind, p.text) for p in d.paragraphs] == [
        ("text", "Some *text*."), ("heading", "Section"), ("text", "More text.")]


@pytest.mark.parametrize(("text", "slug"), [
    ("Putin’s partial mobilisation", "putins-partial-mobilisation"),
    ("../../etc/passwd", "etc-passwd"),
    ("", "article"),
])


def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_seed_article_layout_when_shared_present() -> None:
    path = Path(__file__).resolve().parents[1] / "articles" / "the-week-putin-mobilisation-revolution.txt"
    from newsarchive.load import read_document

    d = read_document(path, "articles/the-week-putin-mobilisation-revolution.txt")
    assert d.title is not None and d.title.startswith("Could Vladimir Putin")
    assert d.author == "Sorcha Bradley"
    assert [p.text for p in d.paragraphs if p.kind == "heading"] == ["What did the papers say?", "What next?"]


def test_one_line_promotion_does_not_take_the_next_paragraph() -> None:
    # No button closes this box: the short paragraph after it is body text, and so is a
    # paragraph with a promotion's word that quotes someone.
    d = doc("Minister rejects delay\n\nThe minister spoke on Tuesday.\n\n"
            "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am\n\n"
            "A spokesperson for the builders welcomed the minister’s stance.\n\n"
            "“Certainty is what builders need,” they told a briefing.\n")
    assert [b.text for b in d.boilerplate] == [
        "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am"]
    assert [p.text for p in d.paragraphs][1:] == [
        "A spokesperson for the builders welcomed the minister’s stance.",
        "“Certainty is what builders need,” they told a briefing."]


def test_more_site_furniture_lines() -> None:
    d = doc("Headline here\n\nThis article is more than 2 years old\n\nListen to this article\n\n"
            "The council approved the budget on Monday.\n\nPhotograph: Jane Doe/Getty Images\n\n"
            "Share this with Facebook\nCopy this link\n\nRelated Internet Links\n\n"
            "The BBC is not responsible for the content of external sites.\n\nComments\n")
    assert d.standfirst is None
    assert [p.text for p in d.paragraphs] == ["The council approved the budget on Monday."]
    assert len(d.boilerplate) == 8


def test_wire_and_agency_furniture_lines() -> None:
    d = doc("Headline here\n\nThe council approved the budget on Monday.\n\n"
            "Related news\nStrike: unions give the government a seven-day ultimatum\nGovernors say no\n\n"
            "(END)\n\njwlee@yna.co.kr\n\nEditor: Liu Fang\n")
    assert [p.text for p in d.paragraphs] == ["The council approved the budget on Monday."]
    assert len(d.boilerplate) == 6


def test_a_writers_card_parted_by_blank_lines_with_a_date() -> None:
    d = doc("Headline here\n\nSíle Ní Bhriain\n\nPolitical Correspondent\n\nWed Oct 9 2024 - 05:00\n\n"
            "The council approved the budget on Monday.\n")
    assert d.author == "Síle Ní Bhriain" and d.date == "2024-10-09"
    assert [p.text for p in d.paragraphs] == ["The council approved the budget on Monday."]
    joined = doc("Headline here\n\nSíle Ní Bhriain\nPolitical Correspondent\nWed Oct 9 2024 - 05:00\n\n"
                 "The council approved the budget on Monday.\n")
    assert joined.author == "Síle Ní Bhriain" and joined.date == "2024-10-09"


def test_a_place_line_and_a_staff_byline_above_the_text_are_furniture() -> None:
    d = doc("Headline here\n\nStaff Reporter\nDubai\nPublished: October 2, 2024 12:30 PM\n\n"
            "The council approved the budget on Monday.\n\nLondon\n")
    assert d.date == "2024-10-02"
    assert [p.text for p in d.paragraphs] == ["The council approved the budget on Monday.", "London"]


def test_furniture_above_the_headline_a_quoted_headline_entry_times_and_a_bio_that_covers() -> None:
    d = parse_document("Democracy Dies in Darkness\n\n"
                       "‘We built it for the city we had’: an architect looks back\n\n"
                       "The tower opened in 2016 and still divides the city.\n\n14:32\n\nPower is back.\n\n"
                       "Erin Caldwell covers education in Maryland for The Washington Post.\n", "x.txt")
    assert d.title == "‘We built it for the city we had’: an architect looks back"
    assert d.boilerplate[0].text == "Democracy Dies in Darkness"
    assert [(p.kind, p.text) for p in d.paragraphs if p.text == "14:32"] == [("heading", "14:32")]
    assert d.author == "Erin Caldwell" and d.outlet == "The Washington Post"
    # (a first paragraph that is a quotation stays body text)
    body = parse_document("“We will fight,” the mayor said on Monday.\n\nMore text here.\n", "y.txt")
    assert body.title is None


PDF = """Coastal Review 2026

Page 1 of 12

Sir Malcolm Reddaway, Comptroller of the Audit Office, said: "The evidence
is clear. We are asking ageing defences to hold back rising seas, and the
money to keep them working has not kept pace. Without a settlement, the govern-
ment will pay more for long-
term repairs than it would have cost to prevent them."

Coastal Review 2026                                  Page 2 of 12

Notes to editors
1. The Audit Office scrutinises public spending on behalf of Parliament.
"""


def test_text_wrapped_at_a_column_is_one_paragraph() -> None:
    d = doc(PDF)
    body = [p.text for p in d.paragraphs if p.kind == "text"]
    assert len(body) == 1
    assert "said: \"The evidence is clear. We are asking" in body[0]  # (a line that ends a sentence)
    # (hyphens at a line's end: a word, then a compound)
    assert "the government will pay more for long-term repairs" in body[0]
    assert [b.text for b in d.boilerplate] == [
        "Page 1 of 12", "Coastal Review 2026                                  Page 2 of 12",
        "Notes to editors",
        "1. The Audit Office scrutinises public spending on behalf of Parliament."]


def test_lines_ending_sentences_are_not_joined_as_wrapped() -> None:
    text = ("Trump says he will be tough\n\n"
            "He said in the interview that he would be tougher than before.\n\n"
            "\u201cWe have to do something and it\u2019s the only way you stop it.\u201d\n"
            "\u201cWe have to be a lot tougher. We are playing with a different set of rules.\u201d\n"
            "\u201cWe have to play the game at a much tougher level than we are playing.\u201d\n"
            "\u201cWe\u2019re not fighting it strongly enough.\u201d\n")
    assert len([p for p in doc(text).paragraphs if p.kind == "text"]) == 5


def test_a_forwarded_newsletter() -> None:
    text = ("---------- Forwarded message ---------\nFrom: The Morning Brief <brief@example.news>\n"
            "Date: Tue, Apr 7, 2026 at 6:02 AM\nSubject: Rail strike called off\nTo: <sam@example.com>\n\n"
            "View in browser\n\nGood morning. The rail strike planned for Thursday was called off.\n\n"
            "What we're reading\n\n- Why cocoa keeps climbing (The Economist)\n\n"
            "Was this forwarded to you? Sign up here.\n\n"
            "Unsubscribe | Update your preferences | Privacy policy\n\n"
            "The Morning Brief, 1200 Market St, Suite 400, Philadelphia, PA 19107\n")
    d = doc(text)
    assert (d.title, d.date) == ("Rail strike called off", "2026-04-07")
    assert [p.text for p in d.paragraphs] == [
        "Good morning. The rail strike planned for Thursday was called off."]


def test_an_empty_markdown_heading_is_no_paragraph() -> None:
    # ("# #": a heading whose only words are its closing marks; found by test_robust_props)
    doc = parse_document("Headline\n\n“\n\n# # \n", "a.md")
    assert all(p.text for p in doc.paragraphs)


@pytest.mark.parametrize("caption", [
    "Residents block the main road in Yallahs on Monday. - Photo by Orville Campbell",  # (the Gleaner)
    "Pope Leo XIV / Credit: Vatican Media",  # (CNA)
])
def test_caption_closing_on_a_credit_after_a_dash_or_slash(caption: str) -> None:
    d = doc(f"Storm closes ports\n\n{caption}\n\nPorts along the coast were closed on Tuesday.\n")
    assert [p.kind for p in d.paragraphs] == ["caption", "text"]


def test_section_labels_parted_by_a_comma_above_the_headline() -> None:
    d = doc("WORLD, EUROPE\n\nTurkish minister urges EU to stop stalling on visas\n\n"
            "The minister spoke in Ankara on Tuesday.\n")
    assert d.title == "Turkish minister urges EU to stop stalling on visas"
    assert [b.text for b in d.boilerplate] == ["WORLD, EUROPE"]
