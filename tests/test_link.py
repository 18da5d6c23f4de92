"""The link step: one page per person or source across articles, claims linked across stories."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsarchive.link import link_archive
from newsarchive.link.claim_keys import claim_keys
from newsarchive.link.names import person_key
from newsarchive.records import Archive, Article, Claim, Document, Person, Quote, Request, Source, Span

SPAN = Span(0, 0, 1, 1)


def article(slug: str, people: list[Person] = (), sources: list[Source] = (),  # type: ignore[assignment]
            quotes: list[Quote] = (), claims: list[Claim] = (),  # type: ignore[assignment]
            requests: list[Request] = (), date: str | None = None) -> Article:  # type: ignore[assignment]
    doc = Document(path=f"articles/{slug}.txt", slug=slug, title=slug, author=None, outlet=None,
                   date=date, url=None, tags=(), paragraphs=(), boilerplate=())
    return Article(doc, tuple(quotes), tuple(claims), tuple(people), tuple(sources), requests=tuple(requests))


def claim(text: str, by: str | None = None) -> Claim:
    return Claim(text, by, SPAN)


def person_named(archive: Archive, name: str) -> str:
    return next(e.id for e in archive.people if e.name == name)


def test_person_key_drops_titles_and_initials() -> None:
    assert person_key("President Vladimir Putin") == ("vladimir", "putin")
    assert person_key("Paul D. Ryan") == ("paul", "ryan")
    assert person_key("Putin’s") == ("putin",)


def test_one_person_across_articles() -> None:
    a = article("a", [Person("Vladimir Putin", aliases=("Putin",))],
                quotes=[Quote("We will win", "direct", "Putin", SPAN)])
    b = article("b", [Person("President Vladimir Putin")])
    c = article("c", [Person("Putin")], claims=[claim("Putin signed 3 decrees on Monday.", "Putin")])
    arch = link_archive([a, b, c])
    assert [e.name for e in arch.people] == ["Vladimir Putin"]
    putin = arch.people[0]
    assert set(putin.articles) == {"a", "b", "c"}
    assert putin.quotes == (arch.people[0].quotes[0],) and putin.quotes[0].article == "a"
    assert [r.article for r in putin.claims] == ["c"]
    assert arch.names[("b", "President Vladimir Putin")] == putin.id == arch.names[("c", "Putin")]


def test_shared_surname_is_not_one_person() -> None:
    arch = link_archive([article("a", [Person("Eduard Heger")]), article("b", [Person("Kim Heger")]),
                         article("c", [Person("Heger")])])
    assert sorted(e.name for e in arch.people) == ["Eduard Heger", "Heger", "Kim Heger"]


def test_sources_join_on_name_and_short_form() -> None:
    arch = link_archive([article("a", sources=[Source("Financial Times", "outlet", ("FT", "the paper"))]),
                         article("b", sources=[Source("The Financial Times", "outlet")]),
                         article("c", sources=[Source("FT", "outlet")])])
    assert [(e.name, set(e.articles)) for e in arch.sources] == [("Financial Times", {"a", "b", "c"})]


def test_sources_join_across_and_and_the_short_form_both_spell() -> None:
    arch = link_archive([
        article("a", sources=[Source("Food & Agriculture Organisation", "organisation", ("FAO",))]),
        article("b", sources=[Source("Food and Agriculture Organisation", "organisation", ("FAO",))]),
        article("c", sources=[Source("Food and Agriculture Organization", "organisation", ("FAO",))]),
        article("d", sources=[Source("American Broadcasting Company", "outlet", ("ABC",)),
                              Source("Australian Broadcasting Corporation", "outlet", ("ABC",))])])
    assert [set(e.articles) for e in arch.sources if "Agricult" in e.name] == [{"a", "b", "c"}]
    assert len([e for e in arch.sources if "Broadcasting" in e.name]) == 2


def test_sources_one_but_for_spaces_initials_stops_or_spelling_are_one() -> None:
    arch = link_archive([article("a", sources=[Source("Time Warner", "organisation"),
                                               Source("U.S. Embassy", "organisation"),
                                               Source("World Trade Centre", "organisation")]),
                         article("b", sources=[Source("TimeWarner", "organisation"),
                                               Source("US Embassy", "organisation"),
                                               Source("World Trade Center", "organisation"),
                                               Source("Labor Party", "organisation")]),
                         article("c", sources=[Source("Labour Party", "organisation")])])
    assert sorted(len(e.articles) for e in arch.sources) == [1, 1, 2, 2, 2]


def test_a_company_named_with_its_legal_form_is_the_one_named_without() -> None:
    arch = link_archive([article("a", sources=[Source("Shanghai Automotive", "organisation")]),
                         article("b", sources=[Source("Shanghai Automotive Industry Corp", "organisation"),
                                               Source("General Motors Acceptance Corp", "organisation")]),
                         article("c", sources=[Source("General Motors", "organisation"),
                                               Source("Acme Holdings", "organisation"),
                                               Source("Amazon", "organisation")]),
                         article("d", sources=[Source("Amazon.com", "organisation")])])
    assert sorted((e.name, len(e.articles)) for e in arch.sources) == [
        ("Acme Holdings", 1), ("Amazon.com", 2), ("General Motors", 1), ("General Motors Acceptance Corp", 1),
        ("Shanghai Automotive Industry Corp", 2)]


def test_ids_are_unique_and_output_deterministic() -> None:
    arts = [article(f"s{i}", [Person(f"Ann Lee{'' if i % 2 else ' Jr'}"), Person("John Smith")],
                    claims=[claim(f"John Smith said {i * 1000} soldiers were mobilised in Tallinn.")])
            for i in range(8)]
    first = link_archive(arts)
    shuffled = arts[:]
    random.Random(3).shuffle(shuffled)
    assert link_archive(shuffled) == first
    ids = [e.id for e in first.people]
    assert len(ids) == len(set(ids))


def story(slug: str, *texts: str) -> Article:
    return article(slug, [Person("Vladimir Putin"), Person("Ramzan Kadyrov")],
                   claims=[claim(t) for t in texts])


def test_different_quantities_for_the_same_thing_disagree() -> None:
    arch = link_archive([
        story("a", "Putin’s plan to send 300,000 new conscripts to Ukraine meets resistance in Russia."),
        story("b", "The Russian leader gave the order to mobilise tens of thousands of ordinary citizens.")])
    (link,) = arch.claim_links
    assert link.relation == "disagrees"
    assert "300,000 conscripts" in link.how and "tens of thousands of citizens" in link.how


def test_a_denial_disagrees_with_what_it_denies() -> None:
    arch = link_archive([story("a", "Panic spread, but we are yet to see “mass protests”."),
                         story("b", "Over the weekend, massive protests flared up in Moscow.")])
    (link,) = arch.claim_links
    assert link.relation == "disagrees" and "yet to see" in link.how


def test_unrelated_stories_are_not_linked() -> None:
    arch = link_archive([
        article("a", [Person("Ann Lee")], claims=[claim("The firm cut 300 jobs in Leeds.")]),
        article("b", [Person("Bob Kay")], claims=[claim("The bank cut 2,000 jobs in Leeds.")])])
    assert arch.claim_links == ()


def test_figures_agree_when_ranges_meet() -> None:
    arch = link_archive([story("a", "More than 2,000 people were arrested at protests in Moscow."),
                         story("b", "Police arrested about 2,100 people at protests in Moscow.")])
    assert [x.relation for x in arch.claim_links] == ["agrees"]


def test_claim_keys_read_quantities() -> None:
    (q,) = claim_keys("Police arrested more than 2,000 people on Sunday.").quantities
    assert (q.low, q.unit, q.noun, "arrest" in q.concepts) == (2000.0, "people", "people", True)
    money = claim_keys("It cost $15m (£8.3m) to make.").quantities
    assert {q.unit for q in money} == {"money $", "money £"}


def test_editor_requests_merge_split_and_link() -> None:
    a = article("a", [Person("Vlad Putin")], claims=[claim("He signed 3 decrees.")],
                requests=[Request("same-person", "Vlad Putin", "Vladimir Putin", path="a.yaml", line=2),
                          Request("claim-link", "3 decrees", "four decrees", article="b",
                                  relation="disagrees", path="a.yaml", line=5),
                          Request("claim-link", "gone text", "four decrees", article="b",
                                  path="a.yaml", line=9),
                          Request("same-person", "Nobody Here", "Vladimir Putin", path="a.yaml", line=12)])
    b = article("b", [Person("Vladimir Putin")], claims=[claim("Putin signed four decrees.")])
    c = article("c", [Person("Heger")], requests=[Request("different-person", "Heger", "Eduard Heger")])
    d = article("d", [Person("Eduard Heger")])
    arch = link_archive([a, b, c, d])
    assert person_named(arch, "Vladimir Putin") == arch.names[("a", "Vlad Putin")]
    assert arch.names[("c", "Heger")] != arch.names[("d", "Eduard Heger")]
    (link,) = [x for x in arch.claim_links if x.editorial]
    assert (link.a.article, link.b.article, link.relation) == ("a", "b", "disagrees")
    lines = sorted((d.line, d.message.split(":")[0]) for d in arch.diagnostics)
    assert lines == [(9, "claim link"), (12, "same person")]
    assert all(d.path == "a.yaml" for d in arch.diagnostics)


SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared")
def test_seed_archive_tensions() -> None:
    from newsarchive.extract import extract
    from newsarchive.load import read_document

    arch = link_archive([extract(read_document(p, str(p))) for p in sorted(SEEDS.glob("*.txt"))])
    texts = {a.slug: a for a in arch.articles}
    tensions = {(texts[x.a.article].claims[x.a.index].text, texts[x.b.article].claims[x.b.index].text)
                for x in arch.claim_links if x.relation == "disagrees"}
    assert any("300,000 new conscripts" in a and "tens of thousands of ordinary citizens" in b
               for a, b in tensions)
    assert any("yet to see “mass protests”" in a and "massive protests flared up" in b for a, b in tensions)


def test_compare_stories_finds_what_comparing_every_pair_of_claims_finds() -> None:
    from collections import Counter

    from newsarchive.link.claim_links import _relate, compare_stories, rarity
    from newsarchive.link.pieces import link_pieces
    from newsarchive.link.table import ClaimLinkBuilder

    # A small vocabulary, so claims share words often, with figures and denials among them.
    words = ["protests", "Moscow", "police", "arrested", "people", "conscripts", "not", "yet to see",
             "mass", "more than 2,000", "about 2,100", "300,000", "tens of thousands of", "prices",
             "rose", "5%", "7%", "jobs", "cut", "the", "firm", "never", "denied", "in 2004"]
    rng = random.Random(13)
    arts = [story(f"s{n:02d}", *(" ".join(rng.choice(words) for _ in range(rng.randint(3, 12))) + "."
                                 for _ in range(rng.randint(0, 6)))) for n in range(24)]
    pieces = [link_pieces(a) for a in arts]
    df, rare = rarity(pieces)
    pairs = [(x, y) for x in range(len(arts)) for y in range(x + 1, len(arts))]
    found = compare_stories(arts, pieces, pairs, (df, rare), ClaimLinkBuilder()).table()
    naive = ClaimLinkBuilder()
    for x, y in pairs:
        for i, ka in enumerate(pieces[x].claims):
            for j, kb in enumerate(pieces[y].claims):
                rel = _relate(ka, kb, Counter(df), rare)
                if rel is not None:
                    naive.add(arts[x].slug, i, arts[y].slug, j, rel[0], rel[1])  # type: ignore[arg-type]
    assert found == naive.table() and len(found) > 20


def test_claim_keys_stems_and_names() -> None:
    from newsarchive.link.claim_keys import lexicon, stem

    keys = claim_keys("(Police) said Moscow’s “Mass” call-up of 300 people was not cut in Leeds")
    # Capitals after a space, quotation mark or bracket, the text's first character included.
    assert keys.names == {stem(w) for w in ("police", "moscow", "mass", "leeds")}
    assert claim_keys("Police said").names == frozenset()
    lex = lexicon()
    words = ["call", "up", "people", "the", "protesting", "2004", "a-b", "moscow's"]
    said = ["police", "said", "moscow's", "mass", "call", "people", "not", "cut", "leeds"]
    assert keys.stems == {stem(w) for w in said if w not in lex.stopwords}
    assert lex.claim_stems.of(words) == {stem(w) for w in words
                                         if w[:1].isalpha() and w not in lex.stopwords and len(w) > 2}
    assert lex.context_stems.of(words) == {stem(w) for w in words if w[:1].isalpha()
                                           and w not in lex.stopwords and w not in lex.concepts}


def relations(a: str, b: str) -> list[str]:
    """Return the kinds of link made between two claims of one story."""
    return [x.relation for x in link_archive([story("a", a), story("b", b)]).claim_links]


def test_a_figure_owned_by_a_name_is_not_set_against_one_that_never_names_it() -> None:
    assert relations("Unison's 800,000 workers are among those balloted about a walkout in March.",
                     "Up to 1.4 million workers could take part in the walkout in March.") == []
    assert relations("Unison's 800,000 workers are among those balloted about a walkout in March.",
                     "Unison balloted its 1.4 million workers about a walkout in March.") == ["disagrees"]


def test_figures_told_twice_agree_whatever_their_order() -> None:
    text = "Mr Brown forecast UK growth at between 3% and 3.5% for the year in his Budget report."
    assert relations(text, text) == ["agrees"]
    text = "Labour will never return to the 10% inflation and 15% interest rates of the Tory years."
    assert relations(text, text) == ["agrees"]


def test_figures_for_a_month_and_for_no_time_agree_only_where_they_meet() -> None:
    assert "agrees" not in relations("Labor Department figures show US firms added 146,000 jobs in January.",
                                     "Labor Department figures show 157,000 new jobs were added last month.")
    assert relations("Average earnings in the UK rose by 4.3% in the year to December, the ONS said.",
                     "Retail sales in the UK rose 0.6% on the month, the ONS said.") == []


def test_a_month_is_no_setting_two_rates_share() -> None:
    assert "disagrees" not in relations(
        "Average earnings rose by 4.3% in the year to December, the Office for National Statistics said.",
        "Retail sales dropped by 1% on the month in December, the Office for National Statistics said.")


def test_an_intent_not_to_do_something_denies_nothing() -> None:
    assert relations("The Central Bank of Russia has been careful not to obstruct economic growth in Russia.",
                     "Economic growth in Russia slowed in the previous quarter as output fell.") == []


def test_a_denial_is_about_whoever_does_not() -> None:
    denial = "Jones, who won no medal in Athens, has never failed a drugs test."
    assert "disagrees" not in relations(denial, "White failed a drugs test after the Athens Olympics.")
    assert relations(denial, "Jones failed a drugs test after the Athens Olympics.") == ["disagrees"]


def test_a_denial_must_deny_what_the_other_claim_affirms() -> None:
    # "never voted" denies voting, not the general election the other claim speaks of
    assert relations("In the ICM Research survey, 14% of people said they never voted in general elections.",
                     "The Research unit found turnout fell in the last general election in 2001.") == []


def test_without_is_no_denial() -> None:
    assert "disagrees" not in relations(
        "Detaining foreign suspects without trial breaks human rights laws, the Law Lords said.",
        "The Law Lords said foreign suspects have the right to a fair trial under human rights laws.")


def test_figures_for_two_places_are_not_in_tension() -> None:
    # A place named beside a figure must be named by the other claim too.
    assert "disagrees" not in relations(
        "In the North West, the Halifax said house prices rose by 3% during the month.",
        "The North East showed house prices rising by 26.2% in the year, the Halifax said.")
    assert "disagrees" not in relations(
        "The average UK house price fell from £180,126 in November, the Land Registry said.",
        "In London, the average house price fell to £262,825 in November, the Land Registry said.")
    # The same place in both, or none beside either figure: a tension.
    assert relations("In the North West, the Halifax said house prices rose by 3% during the month.",
                     "In the North West, house prices rose by 26.2%, the Halifax said.") == ["disagrees"]


def test_a_place_after_according_to_its_source_is_the_figures() -> None:
    # (claims24) "According to the ONS," is the source, up to its comma; "North West" after it is
    # where the figure is for, which the other claim must name too.
    north_west = "According to the ONS, North West prices rose 3% in the year to June."
    assert claim_keys(north_west).quantities[0].scope == {"north", "west"}
    assert "disagrees" not in relations(north_west, "The ONS said prices rose 26.2% in the year to June.")


def test_who_gives_a_figure_is_not_where_it_is_for() -> None:
    assert relations("Last week, the Nationwide said that house prices fell 0.2% in December.",
                     "The Halifax, meanwhile, said that house prices increased by 1.1% in December.") \
        == ["disagrees"]


def test_a_body_that_makes_a_figure_must_be_named_by_the_other_claim() -> None:
    ba = "Since the attacks on New York, British Airways has cut 13,000 jobs to save costs."
    assert "disagrees" not in relations(
        ba, "Since the attacks on New York, Delta had to cut 6,900 jobs to save costs.")
    assert relations(
        ba, "Since the attacks on New York, British Airways had to cut 6,900 jobs to save costs.") \
        == ["disagrees"]


def test_figures_going_two_ways_or_counting_two_things_are_two_measures() -> None:
    # Jobs lost against jobs created; a sum of tax cuts against one of cuts in services.
    assert "disagrees" not in relations(
        "John Kerry pointed to a net loss of over 800,000 jobs since Mr Bush took office.",
        "Mr Bush said that two million jobs have been created in the past year.")
    assert "disagrees" not in relations(
        "Michael Howard is offering £4 billion of tax cuts from savings on public services.",
        "Labour said Michael Howard was planning £35 bn cuts in public services.")
    assert relations("John Kerry pointed to a net loss of over 800,000 jobs since Mr Bush took office.",
                     "Mr Bush said that two million jobs have been lost since he took office.") \
        == ["disagrees"]


def test_a_denial_of_someone_unnamed_sets_against_nothing() -> None:
    assert "disagrees" not in relations(
        "Her time of 4:19.11 was not good enough to qualify for Madrid.",
        "That leap was good enough to qualify for the European Indoor Championships in Madrid.")
    # A denial that a thing happened at all needs nobody named.
    assert relations("So far there have been no attacks involving gigabytes of data, Mr Seagrave said.",
                     "We have seen attacks involving five and ten gigabytes of traffic, Mr Pollard said.") \
        == ["disagrees"]


def test_compacted_claim_keys_are_the_keys() -> None:
    from newsarchive.link.pieces import Compactor

    for text in ("In the North West, house prices rose by 3% in the year, the Halifax said.",
                 "Her time of 4:19.11 was not good enough to qualify for Madrid.",
                 "Unison's 800,000 workers were not balloted, Jones said, in March 2005."):
        keys = claim_keys(text)
        assert Compactor().claim(keys) == keys


def test_a_verbs_particle_and_a_source_are_no_setting_of_a_figure() -> None:
    # "call up" gives no way; "according to Foreign Policy" names who says, not where.
    citizens = "The Russian leader gave the order to mobilise tens of thousands of ordinary citizens."
    assert relations("Putin plans to call up hundreds of thousands of men into the Russian army.",
                     citizens) == ["disagrees"]
    assert relations("According to Foreign Policy, 2,000 Russian conscripts were sent to the front.",
                     "The Russian leader sent tens of thousands of conscripts to the front.") == ["disagrees"]


def test_figures_of_two_kinds_of_event_neither_agree_nor_clash() -> None:
    assert relations("Argonaut has sacked about 100 employees after a cash crisis at Argonaut.",
                     "There are now 80 workers left at Argonaut headquarters in Edgware.") == []
    assert relations("Argonaut has sacked about 100 employees after a cash crisis at Argonaut.",
                     "In its cash crisis, Argonaut dismissed 90 employees.") == ["agrees"]


def test_a_share_a_figure_is_brought_to_is_a_level_not_a_change() -> None:
    cut = told("a", "A share sale, which cut GM's holding to 10%, together with asset sales ended it.",
               "General Motors", "Fiat")
    rose = told("b", "GM's revenues rose 4.7% to $51.2bn from $48.8bn a year earlier.", "General Motors")
    assert link_archive([cut, rose]).claim_links == ()


def told(slug: str, text: str, *sources: str) -> Article:
    """Return an article of one story (two people in common) with one claim and the bodies named."""
    return article(slug, [Person("Rod Eddington"), Person("Martin Broughton")],
                   sources=[Source(s) for s in sources], claims=[claim(text)])


def test_a_body_named_by_its_initials_is_the_body_named_in_full() -> None:
    short = told("a", "Since the attacks, BA has cut 13,000 jobs as part of a cost drive.",
                 "British Airways", "BA")
    full = told("b", "Since the attacks, British Airways has cut 13,000 jobs as part of a cost drive.",
                "British Airways")
    fewer = told("c", "Since the attacks, British Airways has cut 10,000 jobs as part of a cost drive.",
                 "British Airways")
    assert [x.relation for x in link_archive([short, full]).claim_links] == ["agrees"]
    assert [x.relation for x in link_archive([short, fewer]).claim_links] == ["disagrees"]
