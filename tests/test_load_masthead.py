"""The lines above an article's first paragraph: bylines, dates, outlets, wire datelines."""

from __future__ import annotations

import pytest

from newsarchive.load.masthead import (
    byline,
    byline_block,
    card_line,
    copyright_outlet,
    date_line,
    dateline_end,
    dateline_outlet,
    outlet_line,
    published_in_outlet,
)
from newsarchive.load.reader import parse_document


@pytest.mark.parametrize(("line", "found"), [
    ("By Maria Lopez", ("Maria Lopez", None)),
    ("By Jane Whitfield and Tomás Ortega", ("Jane Whitfield and Tomás Ortega", None)),
    ("BY MARIA GONZALEZ", ("Maria Gonzalez", None)),
    ("By Andrew Roth in Moscow and Pjotr Sauer", ("Andrew Roth and Pjotr Sauer", None)),
    ("By Jane Smith, Associated Press", ("Jane Smith", "Associated Press")),
    ("Peter Walker Political correspondent", ("Peter Walker", None)),
    ("Jane Smith Chief economics editor", ("Jane Smith", None)),
    ("Harriet Marsden, The Week UK", ("Harriet Marsden", "The Week")),
    ("Leeds, The Guardian", None),
    ("by the editors", None),
    ("Bylines matter to readers", None),
    ("Interview by Claire Donnelly", ("Claire Donnelly", None)),
    ("By Ananya Sharma, New Delhi", ("Ananya Sharma", None)),
    ("The council approved the budget on Monday.", None),
    ("By Daniel Rosales, Staff Writer", ("Daniel Rosales", None)),  # a job, not a second writer
    ("By Ruth Okafor and Senior Correspondent", ("Ruth Okafor", None)),
    ("Zhuang Mei in Beijing", ("Zhuang Mei", None)),  # no "By": the writer where she is
    ("Helen Davis and Amy Ho in Taipei", ("Helen Davis and Amy Ho", None)),
    ("Protests in Beijing", None),
    ("Text by: FRANCE 24", (None, "France 24")),  # only an outlet, in capitals
    ("By Katharina Vollmer und Jonas Brehm", ("Katharina Vollmer and Jonas Brehm", None)),
    ("By Callum Reid, BBC Sport at Ewood Park", ("Callum Reid", "BBC Sport")),  # where, no writer
    ("by DAILY SABAH WITH AA", (None, "Daily Sabah")),  # the outlet, with the agency it drew on
    ("By Jane Whitfield with Tomás Ortega", ("Jane Whitfield and Tomás Ortega", None)),
    ("Ava Kessler, Patch Staff", ("Ava Kessler", "Patch")),  # the writer's standing at the outlet
    ("By RFE/RL's Russian Service", (None, "Radio Free Europe/Radio Liberty")),  # an outlet's desk
    ("By Al Jazeera Staff", (None, "Al Jazeera")),  # the outlet's staff, no writer
    ("By Reuters staff", (None, "Reuters")),
    ("By the Associated Press", (None, "Associated Press")),
    ("By CNN's Jane Doe", ("Jane Doe", "CNN")),  # a writer under the outlet's name
    ("Ava Kessler, Patch Contributor", ("Ava Kessler", "Patch")),
    # the writer's job after the name, with no outlet (The Sun, the Gleaner), and a labelled byline
    ("Ellie Hartnell, Showbiz Reporter", ("Ellie Hartnell", None)),
    ("Orville Campbell/Gleaner Writer", ("Orville Campbell", None)),
    ("WRITER: Aekarach Sattaburuth", ("Aekarach Sattaburuth", None)),
    ("John Smith, Foreign Minister", None),
    ("Geneva/Zurich", None),
])
def test_byline(line: str, found: tuple[str, str | None] | None) -> None:
    assert byline(line) == found


@pytest.mark.parametrize(("line", "iso"), [
    ("Tue 12 Mar 2024 17.45 GMT", "2024-03-12"),
    ("Published: March 12, 2024 at 3:45 pm ET", "2024-03-12"),
    ("Updated 3 Feb 2023", "2023-02-03"),
    ("Updated 6:12 AM EST, Wed January 3, 2024", "2024-01-03"),
    ("12 March 2024", "2024-03-12"),
    ("2024-03-12", "2024-03-12"),
    ("Wed Oct 9 2024 - 05:00", "2024-10-09"),
    ("Posted: Nov 6, 2024 / 05:12 PM PST", "2024-11-06"),
    ("Sat 31 Feb 2024", None),  # no such day
    ("The March 12, 2024 vote was close.", None),
    ("Smarch 12, 2024", None),
    ("09/18/2025 06:00 AM EDT", "2025-09-18"),  # month first, as US sites write it
    ("18/09/2025", "2025-09-18"),  # day first
    ("04/05/2025", None),  # either
    ("March 12, 2026 · 5:04 AM ET", "2026-03-12"),
    ("TNN | Updated: Jan 14, 2026, 08:12 IST", "2026-01-14"),
    ("Posted Tue 3 Mar 2026 at 5:12am, updated Tue 3 Mar 2026 at 9:40am", "2026-03-03"),
    ("Updated March 4, 2026 at 6:03 p.m. EST|Published March 4, 2026 at 2:15 p.m. EST", "2026-03-04"),
    ("Madrid - MAR 13, 2026 - 07:30 CET", "2026-03-13"),  # the place it was written first
    ("4:05 AM PST · March 12, 2026", "2026-03-12"),
    ("Published: 6:30pm, 12 Mar 2026", "2026-03-12"),
    ("Mar 11, 2026 - Energy & Environment", "2026-03-11"),  # the section after it
    ("February 11, 2026 9:14 PM 3 min read", "2026-02-11"),  # how long it takes to read
    ("Jakarta ● Mon, February 2, 2026", "2026-02-02"),
    ("CHENNAI 17 February 2026 22:41 IST", "2026-02-17"),  # the place in capitals
    ("Updated - 18 February 2026 07:12 IST", "2026-02-18"),
    ("Issued on: 19/01/2026 - 14:32 Modified: 19/01/2026 - 18:05", "2026-01-19"),
    ("March 18, 2026 | 04:35 pm GMT+7", "2026-03-18"),
    ("Since March 12, 2024", None),
    ("12 min read", None),
    ("11.03.2026, 17.42 Uhr", "2026-03-11"),  # dots: the day first
    ("Politics of Tuesday, 24 November 2026", "2026-11-24"),  # GhanaWeb: the section, then the day
    ("General News of Monday, 23 November 2026", "2026-11-23"),
    ("Friends of Monday", None),
    ("Updated November 24, 2026 — 6.42pm, first published at 4.15pm", "2026-11-24"),  # an em dash
    ("Published on 24/11/2026 - 14:05 GMT+1•Updated 16:20", "2026-11-24"),  # a bullet parts them
    ("Published : Nov. 24, 2026 - 15:31", "2026-11-24"),  # a space before the colon
    ("Last Updated : 24 November 2026, 18:20 IST", "2026-11-24"),
    ("NEWS RELEASE 24-NOV-2026", "2026-11-24"),  # EurekAlert!: the day, month and year by dashes
    ("Ends 24-Nov-2026", None),
    ("Vatican City, Nov 24, 2026 / 12:40 pm", "2026-11-24"),  # (CNA: the place, then the date)
    ("24.11.2026 - Update : 24.11.2026", "2026-11-24"),  # (Anadolu)
    ("Update : 24.11.2026", "2026-11-24"),
    ("Washington, the capital, 2026", None),
    ("Monday 24 November 2026 19:14, UK", "2026-11-24"),  # (Sky: the zone after a comma)
    ("Last update on: Tue Nov 24, 2026 09:10 PM", "2026-11-24"),  # (The Daily Star)
])
def test_date_line(line: str, iso: str | None) -> None:
    assert date_line(line) == iso


@pytest.mark.parametrize(("text", "outlet"), [
    ("FRANKFURT, March 4 (Reuters) - German carmaker Voltwerk is exploring a sale", "Reuters"),
    ("BOSTON (AP) — A powerful storm knocked out power", "Associated Press"),
    ("NEW YORK, Jan. 5 (Reuters) - Shares rose", "Reuters"),
    ("The firm (Acme) - said on Monday it would", None),
    ("Shares in Apple (AAPL) - the maker of the iPhone - rose", None),
    ("BOSTON, Feb. 10, 2026 /PRNewswire/ -- Corvane Therapeutics, Inc. today announced", "PR Newswire"),
    ("Paris (AFP) – Hundreds of farmers drove their tractors", "Agence France-Presse"),
    ("New York (AFP) – Oscar-winning actress", "Agence France-Presse"),
    ("Senator Smith (R) - who chairs the panel - said", None),
    ("MOSCOW, November 24. /TASS/. There are currently no plans", "TASS"),  # TASS's full stops
    ("Prices rose 4.2 per cent. /Updated/. Officials said", None),
    ("Madrid, Nov 24 (EFE).- The Spanish government on Tuesday", "EFE"),  # (the Spanish wires' ".-")
    ("Madrid, Nov 24 (Smith).- The minister", None),
    ("(ANSA) - ROME, NOV 24 - Undersecretary Fabrizio Lanzetta resigned", "ANSA"),  # (the agency first)
    ("(R) - TEXAS, NOV 24 - Senator Smith said", None),
])
def test_dateline_outlet(text: str, outlet: str | None) -> None:
    assert dateline_outlet(text) == outlet


def test_a_name_and_section_parted_from_the_date_by_a_blank_line_are_the_byline() -> None:
    doc = parse_document("ANC dismisses DA's call for a reshuffle\n\nSipho Mthembu\nPolitics\n\n"
                         "24 Nov 2026\n\nThe ANC has dismissed the demand, saying the partners should"
                         " talk.\n", "x.txt")
    assert (doc.author, doc.date) == ("Sipho Mthembu", "2026-11-24")
    assert doc.paragraphs[0].text.startswith("The ANC has dismissed")


def test_a_name_alone_under_the_headline_whose_bio_closes_the_text_is_the_byline() -> None:
    doc = parse_document("Marcos taps a new flood control czar\n\nBonz Dela Cruz\n\nMANILA - The President"
                         " named a czar on Monday.\n\nBonz Dela Cruz is a multimedia reporter covering the"
                         " Senate.\n\nHow does this make you feel?\nHappy\nSad\n\nAdd a comment\n", "x.txt")
    assert doc.author == "Bonz Dela Cruz" and doc.standfirst is None
    assert [p.text[:6] for p in doc.paragraphs] == ["MANILA"]


def test_names_joined_by_and_over_a_date_line_are_the_writers() -> None:
    d = parse_document("UK politics live\n\nRachel Kendrick and Tom Ambrose\nTue 24 Nov 2026 18.02 GMT\n"
                       "First published on Tue 24 Nov 2026 07.45 GMT\n\nThe chancellor has insisted.\n",
                       "x.txt")
    assert (d.author, d.date) == ("Rachel Kendrick and Tom Ambrose", "2026-11-24")
    d = parse_document("Storm warning\n\nBreaking News and Weather\nMarch 12, 2026\n\nThe storm is coming.\n",
                       "x.txt")
    assert d.author is None


@pytest.mark.parametrize(("card", "writer"), [
    ("Bookmark\nShare\nNews\nBy\nJames Whitlam\nLocal Democracy Reporter", "James Whitlam"),  # (Reach)
    ("By Harriet Coles\nBBC News, Leeds", "Harriet Coles"),  # (the outlet, and where it writes from)
])
def test_a_byline_under_buttons_or_over_the_outlet_and_place(card: str, writer: str) -> None:
    d = parse_document(f"Council tax to rise\n\n{card}\n\n24 November 2026\n\nResidents face a rise.\n",
                       "x.txt")
    assert (d.author, d.date) == (writer, "2026-11-24")
    assert d.paragraphs[0].text == "Residents face a rise."


def test_the_conversations_authors_and_its_republication_note() -> None:
    d = parse_document("Heatwaves kill\n\nAuthors\nHelena Marsh\nSenior Lecturer in Public Health,"
                       " University of Northbridge\n\nTomasz Wieczorek\nResearch Fellow, University of"
                       " Northbridge\n\nDisclosure statement\nHelena Marsh does not work for, consult, own"
                       " shares in or receive funding from any company or organisation.\n\n"
                       "More than 47,000 people died.\n\n"
                       "This article is republished from The Conversation under a Creative Commons"
                       " license.\n",
                       "x.txt")
    assert (d.author, d.outlet) == ("Helena Marsh and Tomasz Wieczorek", "The Conversation")
    assert [p.text for p in d.paragraphs] == ["More than 47,000 people died."]


def test_a_writers_card_may_end_with_the_date() -> None:
    d = parse_document("Rail fares to rise\n\nHolly Brennan\nTransport Correspondent\n"
                       "Wednesday 14 January 2026 11:02 GMT\n\nFares will rise by 4.6 per cent.\n", "x.txt")
    assert (d.author, d.date) == ("Holly Brennan", "2026-01-14")


def test_a_name_alone_above_a_date_line_is_the_byline() -> None:
    d = parse_document("Kelpware raises $32M for seaweed packaging\n\n"
                       "Rina Sawhney\n4:05 AM PST · March 12, 2026\n\n"
                       "Kelpware has raised $32 million.\n", "x.txt")
    assert (d.author, d.date) == ("Rina Sawhney", "2026-03-12")
    d = parse_document("Storm warning\n\nBreaking News\nMarch 12, 2026\n\nThe storm is coming.\n", "x.txt")
    assert d.author is None  # (common words, not a name)


@pytest.mark.parametrize("top", ["China / Politics\n", "SPAIN\n", "Counties\n", "TechCrunch\nStartups\n\n",
                                 # (in words, or a local edition, where a byline stands under the headline)
                                 "NSW\nPolitics\nState politics\n\n", "Israel-Palestine conflict\n\n",
                                 "Maplewood, NJ Patch\n\n", "Formula 1 | Race report\n\n"])
def test_a_section_label_above_the_headline_is_furniture(top: str) -> None:
    d = parse_document(f"{top}Beijing orders review of local government debt after city misses payment\n\n"
                       "By Zhuang Mei\n\nChina's finance ministry has ordered a review.\n", "x.txt")
    assert d.title == "Beijing orders review of local government debt after city misses payment"
    assert d.boilerplate[0].reason == "section label"
    assert d.outlet == ("TechCrunch" if top.startswith("TechCrunch") else None)


@pytest.mark.parametrize("under", ["By Jane Smith\n", "Published March 3, 2026\n",
                                   "By Jane Smith\nMarch 3, 2026\n"])
def test_a_headline_with_its_masthead_under_it_and_no_blank_line(under: str) -> None:
    d = parse_document(f"Storm cuts power to 40,000 homes across the county\n{under}\n"
                       "A storm cut power on Monday.\n", "x.txt")
    assert d.title == "Storm cuts power to 40,000 homes across the county"
    assert [p.text for p in d.paragraphs] == ["A storm cut power on Monday."]


def test_a_short_first_line_over_a_sentence_is_no_label() -> None:
    # (a section's words above a line ending in a full stop: that line may be a first paragraph)
    d = parse_document("Flood warning\n\nThe river rose by two metres overnight in the town.\n\n"
                       "Residents were told to leave.\n", "x.txt")
    assert d.title == "Flood warning"
    # (nor above a line with no byline or date line under it: a speaker's line in a debate)
    d = parse_document("Rural buses\n\nSarah Pennock (Wensleydale and Ripon) (LD)\n\n"
                       "The number of routes has fallen by 20% since 2015.\n", "x.txt")
    assert d.title == "Rural buses"


def test_a_sections_common_word_is_no_outlet_of_that_name() -> None:
    d = parse_document("National\nPolitics\n\nKampala traders close shops over new tax rules\n\n"
                       "By Edgar Mwesigwa\n\nTraders closed their shops on Tuesday.\n", "x.txt")
    assert (d.title, d.outlet) == ("Kampala traders close shops over new tax rules", None)


def test_furniture_and_a_date_line_above_the_headline() -> None:
    d = parse_document("Skip to navigation\nSkip to content\n\nNEWS RELEASE 24-NOV-2026\n\n"
                       "Coastal wetlands store twice as much carbon as thought\n\n"
                       "A study of 412 salt marshes suggests it.\n", "x.txt")
    assert (d.title, d.date) == ("Coastal wetlands store twice as much carbon as thought", "2026-11-24")
    assert [p.text for p in d.paragraphs] == ["A study of 412 salt marshes suggests it."]


def test_a_blogs_written_by_at_the_foot_names_the_writer_alone_under_the_headline() -> None:
    d = parse_document("Why I left big tech\n\nPriya Raman\n\nFollow\n\nThree years ago I quit.\n\n"
                       "Written by Priya Raman\n\n1.2K Followers\n\nFollow\n", "x.txt")
    assert d.author == "Priya Raman"
    assert [p.text for p in d.paragraphs] == ["Three years ago I quit."]


@pytest.mark.parametrize("caption", ["Palestinians wait at a distribution point in Khan Younis (AFP)",
                                     "Traders at Kikuubo and Owino markets closed their shops. PHOTO/FILE"])
def test_a_caption_closed_by_a_wires_name_or_photo_credit(caption: str) -> None:
    d = parse_document(f"Talks stall over the crossing\n\nBy Jane Smith\n\n{caption}\n\n"
                       "Talks in Cairo stalled on Tuesday.\n", "x.txt")
    assert [p.kind for p in d.paragraphs if p.text == caption] == ["caption"]


def test_a_title_over_a_dated_line_is_not_a_label() -> None:
    d = parse_document("Rural Bus Services\nVolume 768: debated on Wednesday 11 March 2026\n\n"
                       "Sarah Pennock asked what steps the Government are taking.\n", "x.txt")
    assert not [b for b in d.boilerplate if b.reason == "section label"]


def test_dateline_end() -> None:
    text = "BOSTON, Feb. 10, 2026 /PRNewswire/ -- Corvane Therapeutics today announced"
    assert text[dateline_end(text):].startswith("Corvane")
    text = "Madrid, Nov 24 (EFE).- The Spanish government on Tuesday approved"
    assert text[dateline_end(text):].startswith("The Spanish")
    assert dateline_end("The firm said on Monday") == 0


@pytest.mark.parametrize(("line", "outlet"), [
    ("©2026 Bloomberg L.P.", "Bloomberg"),
    ("Copyright © 2026 NPR. All rights reserved. Visit our website terms of use", "NPR"),
    ("Copyright 2024 The Associated Press. All rights reserved.", "Associated Press"),
    ("© 2024 Some Local Firm Ltd", None),
    ("Copyright © 2026, Los Angeles Times | Terms of Service | Privacy Policy", "Los Angeles Times"),
])
def test_copyright_outlet(line: str, outlet: str | None) -> None:
    assert copyright_outlet(line) == outlet


@pytest.mark.parametrize(("line", "card"), [
    ("Julie Tremblay · CBC News · Posted: Nov 21, 2026 4:00 AM EST | Last Updated: November 21, 2026",
     ("Julie Tremblay", "CBC", "2026-11-21")),
    ("Syed Irfan Raza | Published November 19, 2026 Updated about 4 hours ago",
     ("Syed Irfan Raza", None, "2026-11-19")),
    ("By: Maricel Santos - Reporter / @MSantosINQ", ("Maricel Santos", None, None)),
    ("Philippine Daily Inquirer / 05:12 AM November 20, 2026",
     (None, "Philippine Daily Inquirer", "2026-11-20")),
    ("Local Democracy Reporter·NZ Herald·", (None, "The New Zealand Herald", None)),
    ("Senior Reporter · Apple", None),
    ("Smith - who said it - was there", None),
    ("London / Paris", None),
    ("CBC News · Politics", None),
    ("Apple | Google", None),
])
def test_a_writers_card_on_one_line(line: str, card: tuple[str | None, ...] | None) -> None:
    assert card_line(line) == card


def test_a_broadcast_transcripts_furniture() -> None:
    doc = parse_document("Transcript: Morning Show, November 22, 2026\n\n"
                         "AIRED November 22, 2026 - 06:00 ET\n\n"
                         "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM.\n\n"
                         "ANNA REED, ANCHOR: Good morning.\n\n(BEGIN VIDEOTAPE)\n\n"
                         "GOV. LAURA PRICE (R), ALABAMA: Leave now.\n\n(END VIDEOTAPE)\n\n"
                         "(COMMERCIAL BREAK)\n", "t.txt")
    assert doc.date == "2026-11-22"
    assert [b.text for b in doc.boilerplate][1:] == [
        "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM.", "(BEGIN VIDEOTAPE)",
        "(END VIDEOTAPE)", "(COMMERCIAL BREAK)"]


def test_published_in_outlet() -> None:
    assert published_in_outlet("Published in Dawn, November 19th, 2026") == "Dawn"
    assert published_in_outlet("This article was first published by The Conversation") is None
    assert published_in_outlet("This article is republished from The Conversation under a Creative Commons"
                               " license.") == "The Conversation"


def test_outlet_line() -> None:
    assert outlet_line("Associated Press") == "Associated Press"
    assert outlet_line("Housing") is None
    # (the site as the source under the headline, by its web address or its name)
    assert outlet_line("Source: www.ghanaweb.com") == "GhanaWeb"
    assert outlet_line("Source: Reuters") == "Reuters"
    assert outlet_line("Source: the ministry") is None


def test_masthead_lines_are_furniture_and_metadata() -> None:
    d = parse_document("Storm knocks out power\n\nBY MARIA GONZALEZ\nAssociated Press\n\n"
                       "Tue 12 Mar 2024 17.45 GMT\n\n"
                       "BOSTON (AP) — A powerful storm knocked out power on Wednesday.\n\n"
                       "(Reporting by Maria Gonzalez; Editing by Mark Potter)\n\n"
                       "Copyright 2024 The Associated Press. All rights reserved. This material may not be "
                       "published, broadcast, rewritten or redistributed.\n", "articles/x.txt")
    assert (d.author, d.outlet, d.date) == ("Maria Gonzalez", "Associated Press", "2024-03-12")
    body = "BOSTON (AP) — A powerful storm knocked out power on Wednesday."
    assert [p.text for p in d.paragraphs] == [body]
    assert len(d.boilerplate) == 5


def test_front_matter_date_wins_over_a_date_line() -> None:
    d = parse_document("---\ndate: 2020-01-02\n---\nHeadline here\n\n12 March 2024\n\nBody text.\n",
                       "articles/x.txt")
    assert d.date == "2020-01-02"


def test_writers_card_caption_and_related_topics() -> None:
    d = parse_document("Water firms told to cut bonuses\n\nChris Mason\nPolitical editor\n@chrismasonbbc\n\n"
                       "Image source, Getty Images\nImage caption, Campaigners have staged protests\n\n"
                       "Water company bosses will be banned from receiving bonuses.\n\n"
                       "Related Topics\nWater pollution\nEnvironment\n", "articles/x.txt")
    assert d.author == "Chris Mason"
    assert [(p.kind, p.text) for p in d.paragraphs] == [
        ("caption", "Image caption, Campaigners have staged protests"),
        ("text", "Water company bosses will be banned from receiving bonuses.")]
    assert "Environment" in [b.text for b in d.boilerplate]


def test_byline_and_date_after_a_first_paragraph_and_a_bio_outlet() -> None:
    d = parse_document("Senators reach deal\n\nThe agreement would tighten asylum rules.\n\n"
                       "By Karoun Demirjian and Annie Karni\nReporting from Washington\n\nFeb. 4, 2024\n\n"
                       "A bipartisan group of senators released the text on Sunday.\n\n"
                       "Advertisement\nSKIP ADVERTISEMENT\n\n"
                       "Karoun Demirjian is a congressional correspondent for The Times. Annie Karni covers "
                       "Congress.\n", "articles/x.txt")
    assert (d.author, d.outlet, d.date) == ("Karoun Demirjian and Annie Karni", "The Times", "2024-02-04")
    assert [p.text for p in d.paragraphs] == ["The agreement would tighten asylum rules.",
                                              "A bipartisan group of senators released the text on Sunday."]


def test_a_name_alone_before_the_text_is_no_byline() -> None:
    d = parse_document("Headline here\n\nJane Smith\nwas elected on Monday.\n\nMore text.\n",
                       "articles/x.txt")
    assert d.author is None


def test_a_standfirst_ending_in_a_full_stop_before_the_masthead() -> None:
    d = parse_document("Kenya's president signs finance bill\n\n"
                       "Opposition leaders say new taxes will hurt the poor.\n\nPublished On 26 Jun 2024\n\n"
                       "President William Ruto has signed the bill.\n", "articles/x.txt")
    assert d.standfirst == "Opposition leaders say new taxes will hurt the poor."
    assert d.date == "2024-06-26"
    d = parse_document("Budget approved\n\nThe council approved the budget.\n\nIt takes effect in May.\n",
                       "articles/x.txt")
    assert d.standfirst is None


def test_promotion_boxes_by_the_thousand_cost_linear_time() -> None:
    import time

    def seconds(n: int) -> float:
        text = "Title\n\n" + "Sign up to x\nSign up\n\nBy Ann Lee\n\n" * n
        start = time.process_time()
        parse_document(text, "articles/x.txt")
        return time.process_time() - start

    small = min(seconds(5_000) for _ in range(3))
    assert min(seconds(20_000) for _ in range(3)) / max(small, 1e-2) < 9


@pytest.mark.parametrize(("line", "card"), [
    ("By Hoang Phuong   March 18, 2026 | 04:35 pm GMT+7", ("Hoang Phuong", None, "2026-03-18")),  # columns
    ("Tuesday, April 7, 2026 | By Hannah Rourke", ("Hannah Rourke", None, "2026-04-07")),  # the date first
    ("Coastal Flood Resilience Review 2026      Page 2 of 12", None),
    ("Selin Karakaya   |24.11.2026 - Update : 24.11.2026", ("Selin Karakaya", None, "2026-11-24")),
])
def test_card_line(line: str, card: tuple[str | None, str | None, str | None] | None) -> None:
    assert card_line(line) == card


@pytest.mark.parametrize("card", [
    "Ana Clara Ribeiro Nogueira\nBrasília\nFeb. 6, 2026 at 6:00 PM",  # a place between
    "Dewi Anggraini\nThe Jakarta Post\nJakarta ● Mon, February 2, 2026",  # an outlet between
])
def test_a_name_over_a_place_or_outlet_and_a_date_is_the_byline(card: str) -> None:
    text = f"Floods displace thousands in Bekasi\n\n{card}\n\nFloods have forced 14,000 from home.\n"
    d = parse_document(text, "x.txt")
    assert d.author == card.split("\n")[0] and d.date is not None


def test_a_last_block_of_short_lines_is_the_sites_tags() -> None:
    d = parse_document("Siddaramaiah defends guarantee schemes\n\nBy Rakesh Kumar\n\n"
                       "The CM spoke on Tuesday.\n\nPublished 24 November 2026, 18:20 IST\n\n"
                       "Karnataka News\nSiddaramaiah\nBJP\nCongress\n\n"
                       "Follow us on: Facebook, X, Instagram and WhatsApp\n", "x.txt")
    assert [p.text for p in d.paragraphs] == ["The CM spoke on Tuesday."]
    assert [b.reason for b in d.boilerplate if b.text == "BJP"] == ["tags"]
    # (not the last lines of a list in the text, which end in punctuation or run longer)
    d = parse_document("Shopping list\n\nBy Rakesh Kumar\n\nShe bought:\n\nEggs;\nMilk;\nBread.\n", "x.txt")
    assert [p.text for p in d.paragraphs][-1] == "Bread."


def test_card_with_the_date_and_kind_first_and_contacts_after_the_name() -> None:
    lines = ["24 Nov 2026", "Analysis", "Nils Andersen", "@NilsAndersenLL nils.andersen@lloydslist.com"]
    assert byline_block(lines) == "Nils Andersen"
    assert byline_block(["24 Nov 2026", "Analysis", "Rotterdam yard density", "@NilsAndersenLL"]) is None
