"""Entity canonicalisation: fullest names, titles off, short and possessive forms folded in."""

from __future__ import annotations

import pytest

from newsarchive.extract.draft import Draft, EntityDraft
from newsarchive.extract.entities import find_entities, gender, get_lexicon, spells
from newsarchive.extract.entities.classify import split_run
from newsarchive.extract.entities.registry import Registry
from newsarchive.extract.entities.scan import find_runs
from newsarchive.load.reader import parse_document
from newsarchive.records import Span


def entities(text: str) -> dict[str, EntityDraft]:
    draft = Draft(parse_document(f"Headline for a test\n\n{text}\n", "test.txt"))
    find_entities(draft)
    return draft.entities


def test_a_one_letter_honorific_after_a_given_name_is_an_initial() -> None:
    # ("M" is the French honorific: "M Chirac"; "Walter M Phillips" is one man)
    found = entities("Cosby's lawyer, Walter M Phillips Jr, said so. M Chirac disagreed.")
    assert "Walter M Phillips Jr" in found
    assert "Walter" not in found and "Chirac" in found
    # (an event's designator ends a name: "Memorial", "Trophy", "Marathon" are no surnames)
    event = entities("He was fourth at the Jose M Cagigal Memorial meeting.")
    assert not [n for n in event if "Memorial" in n]


def test_a_nickname_in_quotation_marks_is_inside_the_name() -> None:
    found = entities('President Ferdinand "Bongbong" Marcos Jr. named Rogelio “Jojo” Castañeda. '
                     "Marcos said so.")
    assert "Ferdinand Marcos Jr" in found and "Rogelio Castañeda" in found
    assert not {"Ferdinand", "Marcos", "Marcos Jr", "Castañeda"} & set(found)
    # (a Welsh name's "ap": "Rhun ap Dafydd" is one man)
    assert "Rhun ap Dafydd" in entities("Plaid Cymru leader Rhun ap Dafydd accused her of arrogance.")


def test_a_title_word_ending_a_name_after_an_honorific_is_a_surname() -> None:
    found = entities("Paul King of Cisco agreed. It is not clever, said Mr King. Mr Justice Forbes ruled.")
    assert "Mr King" in found["Paul King"].aliases
    assert "Forbes" in found and "Justice" in found["Forbes"].roles


def test_a_run_ending_in_an_outlet_head_is_an_outlet() -> None:
    found = entities("Earlier, the local Arab News said so. Have I Got News For You was shown. "
                     "D-Newport News won.")
    assert found["Arab News"].kind == "outlet" and found["Arab News"].roles == ["newspaper"]
    assert "News" not in found and not [n for n in found if n.endswith("Got News") or n.startswith("D-")]
    # (a sentence's first function word is no part of the name)
    opened = entities("As Breitbart News reported, the Obama White House was refusing to call it terrorism.")
    assert opened["Breitbart News"].kind == "outlet"


def test_a_royal_title_with_the_given_name_alone_is_the_person_named_in_full() -> None:
    found = entities("Foreign Minister Prince Saud Al-Faisal spoke. "
                     "Arab News quoted Prince Saud as saying so.")
    assert "Prince Saud" in found["Saud Al-Faisal"].aliases
    assert len(found["Saud Al-Faisal"].mentions) == 2 and "Saud" not in found


def test_a_name_with_a_web_domain_is_one_body() -> None:
    found = entities("ISP Plus.net backed it. \"Good,\" said Computerandvideogames.com editor John Houlihan.")
    assert found["Plus.net"].kind == "organisation"
    assert "Computerandvideogames" not in found and "Computerandvideogames.com" in found
    assert "Plus" not in found and "John Houlihan" in found


def test_a_name_followed_by_which_and_never_by_who_is_a_body() -> None:
    found = entities("Laura Ashley is parting with its chief. Laura Ashley, which is due to report, fell. "
                     "It has not been happening for Mr Jones, which is something new.")
    assert found["Laura Ashley"].kind == "organisation"
    assert found["Jones"].kind == "person"


def test_a_body_s_last_or_first_word_alone_is_that_body() -> None:
    found = entities("Malcolm Glazer wants Manchester United. United said it had a proposal. "
                     "Villa boss David O'Leary agreed.")
    assert "United" in found["Manchester United"].aliases and len(found["Manchester United"].mentions) == 2
    first = entities("Cairn Energy reported results. Cairn said they were very strong.")
    assert "Cairn" not in first and len(first["Cairn Energy"].mentions) == 2
    two = entities("Leeds United beat Manchester United. United said no.")
    assert "United" not in two and all(len(e.mentions) == 1 for e in two.values())


def test_a_hyphenated_pair_of_given_names_opens_a_name() -> None:
    found = entities("Meanwhile, Perpignan centre Jean-Philippe Granclaude is delighted. "
                     "Anna-Lena Groenefeld lost.")
    assert {"Jean-Philippe Granclaude", "Anna-Lena Groenefeld"} <= found.keys()


def test_a_name_before_a_role_and_a_name_is_no_person_by_the_verb_before_it() -> None:
    found = entities("\"Ossie was my hero,\" said Aviator star Alan Alda. "
                     "\"Growth slowed,\" said Global Insight economist Nariman Behravesh.")
    assert {n for n, e in found.items() if e.kind == "person"} == {"Alan Alda", "Nariman Behravesh"}


def test_letters_after_a_name_are_no_part_of_it_but_jr_is() -> None:
    found = entities("Scottish Finance Minister, Tom McCabe MSP, said so. Guy Mansfield QC warned. "
                     "McCabe agreed. Harry Connick Jr sang.")
    assert {"Tom McCabe", "Guy Mansfield", "Harry Connick Jr"} <= found.keys()
    assert "McCabe" in found["Tom McCabe"].aliases and "QC" not in found and "MSP" not in found


def test_a_word_for_a_people_before_a_name_is_a_role() -> None:
    found = entities("The paper said Australian Lynton Crosby told him so. Indonesian Dede Pranata "
                     "agreed. He used a Swiss Army Knife at the Australian MTV Music Awards.")
    assert {"Lynton Crosby", "Dede Pranata"} <= found.keys()
    assert "Australian" in found["Lynton Crosby"].roles and "Indonesian" in found["Dede Pranata"].roles
    assert not [n for n in found if "Army" in n or "Music" in n]


def test_a_one_word_name_before_a_word_for_staff_is_a_body() -> None:
    # (the headline counts: the body alone has no evidence against a person "Shell")
    draft = Draft(parse_document("Payoff for former Shell boss\n\nShell is to pay $1m. Shell said the "
                                 "pay-off was fine. Bush aide Karl Rove and Mr Tomlinson spoke.\n", "t.txt"))
    find_entities(draft)
    found = draft.entities
    assert found["Shell"].kind == "organisation"
    assert found["Karl Rove"].kind == "person" and found["Tomlinson"].kind == "person"


def test_a_sentence_s_first_word_for_a_person_before_a_known_surname_describes_them() -> None:
    found = entities("Robbie Keane scored. Matchwinner Keane was full of praise for him. Said Keane: no.")
    assert "matchwinner" in found["Robbie Keane"].roles
    assert not [n for n in found if n.startswith(("Matchwinner", "Said"))]


def test_the_first_word_alone_of_one_two_word_name_is_that_person() -> None:
    found = entities("Rock star Ozzy Osbourne was robbed. Ozzy said he was upset. UN head Ban Ki-moon spoke. "
                     "Ban said no. Azmat Begg and Moazzam Begg met. Begg left.")
    assert "Ozzy" in found["Ozzy Osbourne"].aliases and "Ban" in found["Ban Ki-moon"].aliases
    assert "Ozzy" not in found and "Ban" not in found


def test_a_capitalised_compound_ending_in_a_role_describes_the_name_after_it() -> None:
    found = entities("Rapper-turned-actor Lil Kestrel will return. Co-star Richard Gere agreed. "
                     "Commander-in-Chief Tom Hale spoke.")
    assert "Rapper-turned-actor" in found["Lil Kestrel"].roles and "Co-star" in found["Richard Gere"].roles
    assert "Tom Hale" in found


def test_a_number_word_opening_a_sentence_counts_a_body_s_head_word_after_it() -> None:
    found = entities("One Cabinet minister said no. Two Labour MPs agreed. Labour said so.")
    assert "One Cabinet" not in found and "Cabinet" not in found and "Two Labour" not in found


def test_an_unlisted_given_name_alone_is_the_one_three_word_name_it_opens() -> None:
    found = entities("Dr Tesfaye Alemu Gebremariam spoke in Geneva. Dr Tesfaye said WHO would act. "
                     "His father, Rafael, met Rafael Edward Cruz.")
    assert "Dr Tesfaye" in found["Tesfaye Alemu Gebremariam"].aliases and "Tesfaye" not in found
    assert "Rafael" not in found["Rafael Edward Cruz"].aliases  # (a listed given name: his father)


def test_a_country_code_before_a_one_word_body_is_part_of_its_name() -> None:
    found = entities("Shares in UK Coal have fallen. UK Coal said it was making progress. "
                     "US President George Bush spoke.")
    assert "UK Coal" in found and "Coal" in found["UK Coal"].aliases and "Coal" not in found
    assert "George Bush" in found


def test_an_outlet_named_by_a_people_s_word_is_no_outlet_before_a_plain_word() -> None:
    found = entities("The Australian world number three strolled on. The Australian has suffered "
                     "injuries. The Guardian news website won.")
    assert "The Australian" not in found and "The Guardian" in found
    paper = entities("The Australian reported that the carrier would grow.")
    assert paper["The Australian"].kind == "outlet"


def test_a_firm_word_before_a_name_with_a_given_name_makes_a_body_unless_a_person_fits() -> None:
    found = entities("Meanwhile, drugs group Eli Lilly is planning a campaign. The killing of the Dutch "
                     "film maker Theo van Gogh shocked many. She ran the firm Jack Smith founded.")
    assert found["Eli Lilly"].kind == "organisation"
    assert found["Theo van Gogh"].kind == "person" and found["Jack Smith"].kind == "person"


def test_one_of_a_plural_role_after_a_name_shows_a_person() -> None:
    found = entities("Prassana Rambathla, one of Prof Reddy's graduate students, says it works. Pernod "
                     "tried to buy Glenmorangie, one of Scotland's premier whisky firms, but lost.")
    assert found["Prassana Rambathla"].roles == ["one of Prof Reddy's graduate students"]
    assert "Glenmorangie" not in found or found["Glenmorangie"].kind != "person"


def test_a_common_word_before_a_hyphenated_east_asian_given_name_is_a_surname() -> None:
    found = entities("South Korean President Park Geun-hye said the North was an outlaw nation. "
                     "The Park Lane hotel opened.")
    assert "Park Geun-hye" in found and "Geun-hye" not in found


def test_a_firm_in_apposition_or_a_spokesman_for_a_one_word_name_makes_a_body() -> None:
    found = entities("Shanda bought a stake in Sina, the country's biggest internet portal firm. Sina said "
                     "so. \"It is cheap,\" a spokesman for Dell said. Dell said no. C-Murder, a former "
                     "member of rap group Tru, was filmed. C-Murder said so.")
    assert found["Sina"].kind == "organisation" and found["Dell"].kind == "organisation"
    assert found["C-Murder"].kind == "person"


def test_a_one_word_name_the_text_also_writes_after_the_is_no_person() -> None:
    found = entities("New York group The Bravery have come top. Bravery said they were thrilled. "
                     "The Clinton campaign said no. Clinton said so. He praised The Game, who has become a "
                     "star. Game said so.")
    assert found["Bravery"].kind == "organisation"
    assert found["Clinton"].kind == "person" and found["Game"].kind == "person"


def test_titles_come_off_and_stay_as_roles() -> None:
    found = entities("Prime Minister Eduard Heger and Defence Minister Jaroslav Nad condemned it. "
                     "Nad said no.")
    assert {"Eduard Heger", "Jaroslav Nad"} <= found.keys()
    assert "Defence Minister" in found["Jaroslav Nad"].roles
    assert "Prime Minister" in found["Eduard Heger"].roles
    assert "Nad" in found["Jaroslav Nad"].aliases


def test_honorific_and_possessive_forms_fold_into_the_full_name() -> None:
    found = entities("Andrei Kolesnikov spoke at length. Kolesnikov’s research shows it. "
                     "Dr Karena Avedissian, an academic, agreed.")
    assert "Kolesnikov" in found["Andrei Kolesnikov"].aliases
    assert len(found["Andrei Kolesnikov"].mentions) == 2
    assert "Dr Karena Avedissian" in found["Karena Avedissian"].aliases
    assert found["Karena Avedissian"].roles == ["an academic"]


def test_outlet_short_forms_map_to_the_canonical_outlet() -> None:
    found = entities("The Mail reported it first. Later the FT agreed, and so did The Guardian.")
    assert found["Daily Mail"].kind == "outlet"
    assert "Mail" in found["Daily Mail"].aliases
    assert found["Financial Times"].aliases >= {"FT"}
    assert "The Guardian" in found


def test_roles_from_the_text() -> None:
    found = entities("“My mum agrees,” Irina, a 22-year-old student says. "
                     "It was said by foreign affairs correspondent Simon Tisdall.")
    assert found["Irina"].roles == ["a 22-year-old student"]
    assert found["Simon Tisdall"].roles == ["foreign affairs correspondent"]


def test_a_verb_a_preposition_or_a_conjunction_ends_the_words_before_a_role() -> None:
    found = entities("The call came after rival Donald Trump spoke, and the visitors had defender "
                     "Callum Marsh sent off, while Arsenal boss Arsene Wenger said so. "
                     "The row began when he pushed referee Paul Alcock.")
    assert found["Donald Trump"].roles == ["rival"]
    assert found["Callum Marsh"].roles == ["defender"]
    assert found["Arsene Wenger"].roles == ["Arsenal boss"]
    assert found["Paul Alcock"].roles == ["referee"]  # (a pronoun is a subject, the word after it a verb)


def test_a_sentence_opening_word_is_no_title_and_no_alias() -> None:
    found = entities("But Mr Balls said it was wrong. And Home Secretary Charles Clarke agreed. "
                     "Although Mr Clarke was late, Northern Ireland Secretary Paul Murphy spoke. "
                     "Speaking in Harrogate Mr Kennedy said so. "
                     "On Tuesday Foreign Secretary Jack Straw left.")
    assert found["Balls"].aliases == {"Mr Balls", "Balls"}
    assert found["Balls"].roles == []
    assert found["Charles Clarke"].roles == ["Home Secretary"]
    assert not any(a.startswith(("And", "Although")) for a in found["Charles Clarke"].aliases)
    assert found["Paul Murphy"].roles[0] == "Northern Ireland Secretary"
    assert found["Kennedy"].roles == []
    assert found["Jack Straw"].roles == ["Foreign Secretary"]


def test_a_compound_of_common_words_is_no_part_of_a_name() -> None:
    found = entities("Damien Duff scored. Man-of-the-match Duff said so. Oscar-nominated Clive Owen "
                     "agreed with Paris-based Euronext. President Park Geun-hye spoke.")
    assert "Man-of-the-match Duff" not in found and "Duff" in found["Damien Duff"].aliases
    assert "Clive Owen" in found
    assert "Paris-based Euronext" not in found
    assert any(name.endswith("Geun-hye") for name in found)  # a hyphenated given name stays


def test_a_place_after_of_or_for_is_no_person() -> None:
    found = entities("Princess Marguerite of Romania spoke. Tony Blair, MP for Sedgefield, agreed. "
                     "The Archbishop of Canterbury Dr Rowan Williams prayed. "
                     "Lord Faulkner of Worcester left.")
    assert "Romania" not in found and "Sedgefield" not in found and "Canterbury" not in found
    assert "Rowan Williams" in found and "Faulkner" in found and "Marguerite" in found


def test_an_office_of_several_words_after_of_or_for_is_no_part_of_the_name() -> None:
    # (its words are common ones; the name is not: "Rana" is no known given name)
    found = entities("Federal Minister for National Food Security Rana Tanveer Hussain said so. "
                     "Governor of Lagos State Babajide Sanwo-Olu agreed. "
                     "Echoing the new US Secretary of State Condoleezza Rice, the prime minister said it.")
    assert "Rana Tanveer Hussain" in found and "Babajide Sanwo-Olu" in found
    assert found["Rana Tanveer Hussain"].roles == ["Federal Minister for National Food Security"]
    # (a title before "of" is one: "US Secretary of State"; the name closes an opening phrase,
    # so "the prime minister" after it is the verb's subject, not her role)
    assert found["Condoleezza Rice"].roles == ["US Secretary of State"]
    # (the office before a known given name is the role too, "Star of David" no person's)
    found = entities("Minister for Trade Policy Greg Hands said so. They wore the Star of David.")
    assert found["Greg Hands"].roles == ["Minister for Trade Policy"] and "David" not in found


def test_a_known_acronym_spelt_out_otherwise_is_the_texts_body() -> None:
    # "PTI" is the lexicon's Press Trust of India; the text says which body its letters are
    found = entities("The Pakistan Tehreek-e-Insaf (PTI) held a rally. The PTI said 20,000 came.")
    assert "Pakistan Tehreek-e-Insaf" in found and "Press Trust of India" not in found
    assert "PTI" in found["Pakistan Tehreek-e-Insaf"].aliases
    # (a body the lexicon knows by its letters stays the lexicon's, whatever the text's spelling)
    found = entities("The Women's Tennis Accosiation (WTA) met.")
    assert "WTA" in found and "Women's Tennis Accosiation" not in found


def test_ministries_named_by_their_portfolio_in_lower_case_where_the_text_cites_them() -> None:
    found = entities("Russia's defence ministry said 40 drones fell. A health department spokesman "
                     "agreed. Officials from the environment ministry met on Monday.")
    assert "Defence Ministry" in found and "Health Department" in found
    assert "Environment Ministry" not in found


def test_bodies_found_by_their_head_word() -> None:
    found = entities("David Frost, director general of the British Chambers of Commerce, warned.")
    assert found["British Chambers of Commerce"].kind == "organisation"
    assert found["David Frost"].kind == "person"


@pytest.mark.parametrize("text", [
    "Anti-virus firm Sophos said that 10% of e-mail was spam. Sophos said it would act.",
    "Sophos said it would act. Later anti-virus firm Sophos said it had.",
    "Australian winemaker Southcorp has rejected a takeover offer. Southcorp said no.",
    "Southcorp said it had rejected a takeover offer. Southcorp said no.",
    "Chart-topping pop band Busted have confirmed a break. Busted said it was time.",
    "An Ajax spokesman told BBC Sport the coach must fit. Ajax would not say more.",
])
def test_a_name_after_a_firm_word_is_a_body(text: str) -> None:
    found = entities(text)
    name = next(n for n in ("Sophos", "Southcorp", "Busted", "Ajax") if n in text)
    assert found[name].kind == "organisation"
    assert len(found[name].mentions) == 2


def test_a_camel_case_name_is_no_person() -> None:
    found = entities("MediaWaveCo said profits rose. MediaWaveCo added more. Ian McManus said no.")
    assert "MediaWaveCo" not in found
    assert found["Ian McManus"].kind == "person"


def test_a_role_of_something_after_a_comma_shows_a_person() -> None:
    found = entities("Shami Chakrabarti, director of civil rights group Liberty, has called for it. "
                     "Saumil Nanavati, president of Sydus, agreed.")
    assert found["Shami Chakrabarti"].roles == ["director of civil rights group Liberty"]
    assert found["Saumil Nanavati"].kind == "person"
    assert not [e for e in entities("Paris, capital of France, is big.").values() if e.kind == "person"]


def test_a_place_after_an_honorific_is_a_name() -> None:
    found = entities("Baroness Scotland said the law would change. Lord Sainsbury agreed.")
    assert {"Scotland", "Sainsbury"} <= found.keys()
    assert found["Scotland"].kind == "person"


def test_a_lone_head_word_is_the_body_named_before() -> None:
    found = entities("The European Commission has objected. The Commission said it would rule. "
                     "The Bank of England held rates. The Bank said inflation was low.")
    assert len(found["European Commission"].mentions) == 2
    assert len(found["Bank of England"].mentions) == 2
    assert "Commission" not in found and "Bank" not in found


def test_a_person_after_a_firm_word_with_a_name_stays_a_person() -> None:
    found = entities("Analyst firm boss Jill Finger said so. Ms Finger added more.")
    assert found["Jill Finger"].kind == "person"
    found = entities("Lord Falconer said it was fair. Jill Finger said it was not. Finger said it again.")
    assert found["Falconer"].kind == "person"
    assert found["Jill Finger"].kind == "person"


@pytest.mark.parametrize("text", [
    "Over the weekend, protests flared up in Moscow and St Petersburg.",
    "The republics of the North Caucasus remember the Soviet Union and the Russian Empire.",
    "Labour called a General Election on Monday.",
    "The third film in the Lord of the Rings trilogy boosted results.",
    "Ministers insist the bill will help. Investors said so too. MSPs are advised. Reports said no.",
    "He said the ban was harsh, but he believes Arsenal were the main aggressors.",
    "Argentina said the debt would be paid. Taiwan has warned. Hong Kong said no.",
    "Vera Drake was praised. The British film Vera Drake has 11 nominations. Quirky comedy Sideways won.",
    "Creditors have said no. Catholics are angry, the Gunners have said.",
    "The Spaniard believed he was talking to a director. The 55-year-old Frenchman told reporters.",
    "Blackburn have rejected a third bid, but Coldplay are said to be keen.",
])
def test_places_and_common_words_are_no_people(text: str) -> None:
    assert not [e for e in entities(text).values() if e.kind == "person"]


def test_registry_keeps_the_fullest_form_and_every_alias() -> None:
    reg = Registry()
    span = Span(0, 0, 1, 1)
    assert reg.add_person(["Trump"], "Mr Trump", span, []) == "Trump"
    assert reg.add_person(["Donald", "Trump"], "Donald Trump", span, []) == "Donald Trump"
    assert reg.add_person(["Trump"], "Trump", span, []) == "Donald Trump"
    entity = reg.entities["Donald Trump"]
    assert entity.aliases >= {"Mr Trump", "Trump", "Donald Trump"}
    assert len(entity.mentions) == 3


def test_registry_tells_apart_people_who_share_a_surname() -> None:
    reg = Registry()
    span = Span(0, 0, 1, 1)
    reg.add_person(["Bill", "Clinton"], "Bill Clinton", span, [])
    reg.add_person(["Hillary", "Clinton"], "Hillary Clinton", span, [])
    assert set(reg.entities) == {"Bill Clinton", "Hillary Clinton"}
    # A bare surname goes to the one named last.
    assert reg.find_person(["Clinton"]) == "Hillary Clinton"


def test_places_hold_countries_and_cities_but_no_given_names() -> None:
    from newsarchive.extract.entities.lexicon import get_lexicon

    lex = get_lexicon()
    assert {"Argentina", "Taiwan", "Hong Kong", "Leicester", "California"} <= lex.places
    assert not ({"Georgia", "Florence", "Austin", "Jackson", "Washington"} & lex.places)
    assert not (lex.places & lex.given)


def test_a_person_before_have_after_an_auxiliary_stays_a_person() -> None:
    found = entities("Did Blair have doubts? Blair said no, and Blair has said so since.")
    assert found["Blair"].kind == "person"


def test_a_common_word_after_an_honorific_is_a_surname() -> None:
    found = entities("Few minis will go round, predicts Oliver Irish, editor of gadget magazine Stuff. "
                     "\"It is likely,\" said Mr Irish. "
                     "Last year The Lord Of the Rings won.")
    assert found["Oliver Irish"].kind == "person"
    assert len(found["Oliver Irish"].mentions) == 2
    assert "Of" not in found


def test_a_title_word_before_a_full_stop_ends_the_name() -> None:
    found = entities("The Commission on Social Justice. The report says Mr Dean. Then Mr Dean left.")
    assert "Commission on Social Justice" in found
    assert not [name for name in found if name.endswith((".", "The", "Then"))]


def test_companies_from_the_data_file_are_bodies() -> None:
    found = entities("Nissan said sales rose. Analysts at Gartner agreed, and Deutsche Boerse said nothing.")
    for name in ("Nissan", "Gartner", "Deutsche Boerse"):
        assert found[name].kind == "organisation"


def test_press_ends_a_body_but_is_a_surname_after_a_given_name() -> None:
    found = entities("A spokesman for the Oxford University Press said so. Actress Natalie Press said no.")
    assert found["Oxford University Press"].kind == "organisation"
    assert found["Natalie Press"].kind == "person"


def test_bodies_with_a_digit_in_their_name_are_found() -> None:
    found = entities("Mr Brown told BBC Radio 4's Today programme he was sure. Channel 4 said no. "
                     "Radio 1 said the show would go on. It cost 538,000 dollars.")
    assert {"BBC Radio 4", "Channel 4", "BBC Radio 1"} <= set(found)
    assert "BBC" not in found and "FiveThirtyEight" not in found


@pytest.mark.parametrize("text,name", [
    ("\"This is a simple tool,\" said MSN's Blake Irving.", "Blake Irving"),
    ("\"It is expensive,\" Birgit Kuhlhoff, from Sal Oppenheim investment bank, told Reuters.",
     "Birgit Kuhlhoff"),
])
def test_a_name_with_a_speech_verb_across_a_possessive_or_an_origin_is_a_person(text: str, name: str) -> None:
    assert entities(text)[name].kind == "person"


def test_a_name_after_a_word_for_a_medium_is_an_outlet_with_its_following_capitals() -> None:
    found = entities("It was chosen by US magazine Mobile PC. Ian Harris of industry magazine Flight "
                     "International agreed. Brian Smith told the paper Tony Blair was wrong.")
    assert found["Mobile PC"].kind == "outlet" and found["Mobile PC"].roles == ["magazine"]
    assert found["Flight International"].kind == "outlet"
    assert found["Tony Blair"].kind == "person"  # "told the paper": the paper's story, not its name
    assert "PC" not in found and "Mobile" not in found


def test_british_and_european_given_names_make_people() -> None:
    found = entities("Alastair Campbell met Cate Blanchett and Didier Drogba. Rhodri Glyn Thomas agreed.")
    assert {"Alastair Campbell", "Cate Blanchett", "Didier Drogba", "Rhodri Glyn Thomas"} <= set(found)


def test_gender_comes_from_the_fullest_form_then_an_honorific_before_a_surname() -> None:
    lex = get_lexicon()
    assert gender({"Lindsay", "Maurice Lindsay"}, lex) == "male"  # not "Lindsay", a woman's name alone
    assert gender({"Shani Rhys James", "Ms James"}, lex) == "female"
    assert gender({"Ms Sarah Teather", "Teather"}, lex) == "female"
    assert gender({"Katherine Jackson", "Mr Jackson"}, lex) == "female"  # another Jackson's form


def test_a_hyphenated_modifier_is_no_name_and_exchange_ends_a_body() -> None:
    found = entities("A George Bush-style speech was heard. Shares on the Sao Paulo Stock Exchange fell. "
                     "Secretary General Ban Ki-moon said the Security Council should act.")
    assert not [name for name in found if "style" in name]
    assert found["Sao Paulo Stock Exchange"].kind == "organisation"
    assert found["Ban Ki-moon"].kind == "person"


def test_an_article_opening_a_sentence_is_no_part_of_a_body_name() -> None:
    found = entities("Labour said no. A Tory spokesman said it was wrong. An IAEA spokesman agreed.")
    assert "Tory" in found["Conservative Party"].aliases


def test_clubs_from_the_data_file_are_bodies() -> None:
    found = entities("Arsenal said the deal was done. Man Utd and Spurs disagreed.")
    for name in ("Arsenal", "Manchester United", "Tottenham Hotspur"):
        assert found[name].kind == "organisation"


def test_government_ends_a_body_name() -> None:
    found = entities("The Welsh Assembly Government said it was a strike about national issues.")
    assert found["Welsh Assembly Government"].kind == "organisation"


def test_a_name_before_a_word_for_a_medium_and_a_speech_verb_is_an_outlet() -> None:
    found = entities("America's TV Guide magazine describing it as a cross. A Scottish newspaper said so.")
    assert found["TV Guide"].kind == "outlet"
    assert "Scottish" not in found


def test_an_ambiguous_outlet_form_before_a_word_for_a_firm_or_role_is_an_adjective() -> None:
    found = entities("The Australian firm said it would break even. "
                     "The Spectator editor Boris Johnson agreed.")
    assert "The Australian" not in found
    assert found["The Spectator"].kind == "outlet"  # its editor: the outlet is named


def test_an_ampersand_between_capitals_stays_inside_one_name() -> None:
    found = entities("M&S cut prices, and an AT&T spokesman said the R&D budget was safe. "
                     "Shares in B&B fell.")
    assert "M&S" in found["Marks & Spencer"].aliases
    assert found["AT&T"].kind == "organisation"
    assert "R&D" not in found and "M" not in found and "T" not in found
    assert "B&B" in found["Bradford & Bingley"].aliases


def test_a_plurals_apostrophe_before_a_head_word_stays_inside_the_bodys_name() -> None:
    found = entities("The British Bankers' Association said lending was weaker. "
                     "The Musicians' Union agreed. Wave Systems' Embassy chip is new, "
                     "and the Court of Appeals' Board on Professional Responsibility ruled.")
    assert found["British Bankers' Association"].kind == "organisation"
    assert found["Musicians' Union"].kind == "organisation"
    assert "Wave Systems' Embassy" not in found  # a body's own name before the possessive
    assert "Court of Appeals' Board on Professional Responsibility" not in found


def test_a_sentence_opening_word_the_article_also_writes_in_lower_case_is_no_person() -> None:
    found = entities("Research has found that old phones help. The research found they last. "
                     "Creditors agreed on Friday, said the creditors' lawyer. Brown said he agreed.")
    assert "Research" not in found and "Creditors" not in found
    assert found["Brown"].kind == "person"  # never written "brown"


def test_a_sentence_opening_common_word_is_no_person() -> None:
    found = entities("Members urged the government to act. Dismal reports came in. Young said so too.")
    assert "Members" not in found and "Dismal" not in found
    assert found["Young"].kind == "person"  # the word list writes it with a capital too: a name


def test_a_name_after_a_speech_verb_and_the_before_a_medium_word_is_an_outlet() -> None:
    found = entities("\"Halo is the best game,\" wrote the influential Edge magazine in its review. "
                     "Mr Bakrie told the Bisnis Indonesia newspaper that aid was coming.")
    assert found["Edge"].kind == "outlet"
    assert found["Bisnis Indonesia"].kind == "outlet"


def test_a_name_told_something_before_a_word_for_a_medium_is_an_outlet() -> None:
    found = entities("The bank's spokeswoman told Time magazine. He told Dutch newspaper Trouw. "
                     "Jo Hall, editor of Digital Camera magazine, said so.")
    assert found["Time"].kind == "outlet"
    assert found["Digital Camera"].kind == "outlet"
    assert "Dutch" not in found


def test_a_demonym_that_names_an_outlet_is_an_epithet_after_a_lower_case_the_and_a_verb() -> None:
    found = entities("When Lleyton Hewitt shook his hand, the Australian said he was the best. "
                     "The Australian newspaper reported it.")
    assert found["The Australian"].kind == "outlet"
    assert found["The Australian"].mentions and len(found["The Australian"].mentions) == 1


def test_analysts_before_a_name_make_it_a_firm_but_not_a_hyphenated_given_name() -> None:
    found = entities("Telecom analysts Ovum welcomed the move. Jeanne-Marie Gescher, founder of "
                     "the CGA consultancy Jeanne-Marie Gescher, agreed.")
    assert found["Ovum"].kind == "organisation"
    assert found["Jeanne-Marie Gescher"].kind == "person"


def test_a_role_a_company_shares_makes_no_person_of_one_word() -> None:
    found = entities("Oracle completed its takeover of its smaller rival Peoplesoft. "
                     "By retaining Peoplesoft staff, Oracle grew. Her rival Serena Williams won.")
    assert "Peoplesoft" not in found or found["Peoplesoft"].kind != "person"
    assert found["Serena Williams"].kind == "person"


def test_a_club_that_is_also_a_given_name_stays_a_person_before_a_surname() -> None:
    found = entities("Chelsea won again. Chelsea Clinton said she was pleased.")
    assert found["Chelsea"].kind == "organisation"
    assert found["Chelsea Clinton"].kind == "person"


def test_a_one_word_name_before_a_word_for_a_product_is_no_person() -> None:
    found = entities("Ask Jeeves has bought the Bloglines website. Bloglines said it had grown. "
                     "Jane Austen site visits rose.")
    assert found["Bloglines"].kind == "organisation"
    assert found["Jane Austen"].kind == "person"


def test_full_names_listed_beside_a_person_are_people() -> None:
    found = entities("Saka scored twice, with Kai Havertz, Ben White and Leandro Trossard also on target. "
                     "The film beat Calendar Girls, Ben White and Finding Neverland.")
    assert found["Kai Havertz"].kind == "person"
    assert found["Leandro Trossard"].kind == "person"
    assert "Calendar Girls" not in found or found["Calendar Girls"].kind != "person"
    assert "Finding Neverland" not in found or found["Finding Neverland"].kind != "person"


def test_industry_words_end_a_body_that_its_short_form_then_names() -> None:
    found = entities("Nortek Semiconductor will cut 2,000 jobs. A Nortek spokesperson said sales fell. "
                     "Employers pay National Insurance.")
    assert found["Nortek Semiconductor"].kind != "person"
    assert "Nortek" in found["Nortek Semiconductor"].aliases
    assert "National Insurance" not in found


def test_a_place_word_after_a_given_name_is_a_surname_beside_a_cue() -> None:
    found = entities("\u201cWe will be back,\u201d said Linda Park, a mother of three. "
                     "The rally moved on to Stanley Park in the afternoon.")
    assert found["Linda Park"].kind == "person"
    assert "Linda" not in found
    assert "Stanley Park" not in found or found["Stanley Park"].kind != "person"


def test_a_plain_word_before_a_country_tail_is_a_body() -> None:
    found = entities("Universities UK said fees would rise. Water UK, which represents the industry, "
                     "said it agreed. No UK firm was hit. Official UK figures fell.")
    assert found["Universities UK"].kind != "person"
    assert found["Water UK"].kind != "person"
    assert "No UK" not in found and "Official UK" not in found


def test_korean_names_are_written_surname_first() -> None:
    found = entities("UN Secretary-General Ban Ki-moon met Foreign Minister Park Jin-woo. "
                     "\u201cWe agreed,\u201d Park told reporters. Ban said little. "
                     "Lee Min-jung, a professor, agreed.")
    assert found["Ban Ki-moon"].kind == "person" and "Ban" in found["Ban Ki-moon"].aliases
    assert "Park" in found["Park Jin-woo"].aliases
    assert gender(found["Lee Min-jung"].aliases, get_lexicon()) is None  # (Lee is no given name here)


def test_a_determiner_and_a_head_word_name_no_body() -> None:
    found = entities("This Government has failed. Every Council said no. The Musicians' Union agreed, "
                     "and so did the Nigeria Employers' Consultative Association.")
    assert "This Government" not in found and "Every Council" not in found
    assert "Nigeria Employers' Consultative Association" in found


def test_arabic_names_and_surnames_with_particles_keep_one_person() -> None:
    found = entities("Sheikh Hamdan bin Rashid Al Nuaimi, the chairman, spoke. Sheikh Hamdan told reporters. "
                     "Abdullah bin Khalid Al Mansoori agreed. \u201cYes,\u201d Al Mansoori said. "
                     "Marine Le Pen spoke. \u201cNo,\u201d Le Pen said. "
                     "Maricopa County Recorder Al Smith agreed.")
    assert "Sheikh Hamdan" in found["Hamdan bin Rashid Al Nuaimi"].aliases
    assert "Al Mansoori" in found["Abdullah bin Khalid Al Mansoori"].aliases
    assert "Le Pen" in found["Marine Le Pen"].aliases
    assert "Al Smith" in found


def test_two_surnames_and_accented_given_names() -> None:
    found = entities("President Claudia Ramírez Ochoa spoke. \u201cYes,\u201d Ramírez Ochoa said. "
                     "Her predecessor, Andrés Manuel López Obrador, agreed. "
                     "Tim Allen Just Got Asked About Donald Trump. Donald Trump said no.")
    assert "Ramírez Ochoa" in found["Claudia Ramírez Ochoa"].aliases
    assert "Andrés Manuel López Obrador" in found
    assert "Donald Trump" in found  # (not folded into a headline read as a name)


def test_a_person_of_common_words_alone_is_a_body_where_it_speaks_and_nothing_elsewhere() -> None:
    found = entities("Network Rail said 23 lines had closed. National Grid says crews are out. It is "
                     "the Private Securities Litigation Reform Act of 1995. Former Buckingham Palace press "
                     "spokesman Dicky Arbiter said the prince should apologise.")
    assert found["Network Rail"].kind == "organisation" and found["National Grid"].kind == "organisation"
    assert "Grid" not in found and not [n for n in found if "Securities" in n]
    assert found["Dicky Arbiter"].kind == "person"  # (a person's role is given)


def test_a_known_body_s_legal_form_is_its_name_and_a_head_word_after_a_short_form_another_body() -> None:
    found = entities("It hired Goldman Sachs Group Inc. to advise it. The Met Office says gusts hit 92mph. "
                     "Barclays said so.")
    assert "Goldman Sachs" in found and not [n for n in found if "Inc" in n]
    assert "Met Office" in found and "Scotland Yard" not in found


def test_a_sentence_s_first_preposition_is_no_part_of_a_body_and_family_words_are_no_names() -> None:
    found = entities("About Corvane Therapeutics: it is based in Boston. Her son, David, said: "
                     "\"Mam thought books were a right.\"")
    assert "Corvane Therapeutics" in found and "About Corvane Therapeutics" not in found
    assert "Mam" not in found


def test_a_word_for_a_science_or_a_craft_is_a_role() -> None:
    found = entities("The team, led by glaciologist Ingrid Solberg, agreed. \"It works,\" said Matthew "
                     "Greer, a volcanologist at Imperial College who was not involved in the study.")
    assert found["Ingrid Solberg"].roles == ["glaciologist"]
    assert found["Matthew Greer"].roles and "volcanologist" in found["Matthew Greer"].roles[0]


def test_an_acronym_the_text_spells_out_is_that_body() -> None:
    # (the lexicon's LTA is the Lawn Tennis Association; this text says what its LTA is)
    found = entities("The Land Transport Authority (LTA) will study the buses. The LTA said it would "
                     "report. The Professional Footballers' Association (PFA) agreed, and the PFA said so.")
    assert "LTA" in found["Land Transport Authority"].aliases
    assert "PFA" in found["Professional Footballers' Association"].aliases
    assert "Lawn Tennis Association" not in found and "PFA" not in found
    # letters that are not the name's initials define nothing
    other = entities("The Land Transport Authority (ABC) will study the buses. The ABC said so.")
    assert "ABC" not in other["Land Transport Authority"].aliases


@pytest.mark.parametrize(("acronym", "name", "spelt"), [
    ("NUS", "National University of Singapore", True),
    ("CCTV", "China Central Television", True),
    ("PTI", "Pakistan Tehreek-e-Insaf", True),
    ("TA", "Land Transport Authority", False),
    ("ABC", "Land Transport Authority", False),
])
def test_acronym_spelling(acronym: str, name: str, spelt: bool) -> None:
    assert spells(acronym, name) is spelt


def test_a_body_named_for_two_things_or_ending_in_its_place_is_one_body() -> None:
    found = entities("A spokesman for Avon and Somerset Police said so. The Health and Safety Executive "
                     "agreed. Researchers at Imperial College London said it was worrying.")
    whole = {"Avon and Somerset Police", "Health and Safety Executive", "Imperial College London"}
    assert whole <= set(found)
    assert "Somerset Police" not in found and "Safety Executive" not in found
    # two bodies, one of them known by name, stay two
    two = entities("Sales at Ford and General Motors fell. Computer and Cisco Systems staff met.")
    assert "Ford and General Motors" not in two and "Computer and Cisco Systems" not in two


def test_a_countrys_branch_of_a_known_body_is_one_body() -> None:
    found = entities("The Kenya Red Cross said 3,000 people had fled. The British Red Cross sent staff. "
                     "The Russian Empire fell in 1917.")
    assert found["Kenya Red Cross"].kind == "organisation" and "British Red Cross" in found
    assert "Red Cross" not in found and "Russian Empire" not in found


def test_initials_with_full_stops_and_indian_honorifics_and_postnominals() -> None:
    found = entities("Managing Director M.A. Siddique said on Monday the line would open. Shri Siddique "
                     "said so again. Minister T.R.B. Rajaa agreed. Smt. R. Vasanthi, a resident of "
                     "Valasaravakkam, said it took her 50 minutes. Commissioner J. Kumaragurubaran, IAS, "
                     "said works would begin. Owain Pritchard MS said patients were waiting.")
    people = {"M.A. Siddique", "T.R.B. Rajaa", "R. Vasanthi", "J. Kumaragurubaran", "Owain Pritchard"}
    assert people <= set(found)
    assert "Shri Siddique" in found["M.A. Siddique"].aliases
    assert not {"Shri Siddique", "IAS", "Valasaravakkam", "Owain Pritchard MS"} & set(found)


def test_a_daughters_arabic_name_and_a_role_of_a_body_with_its_acronym() -> None:
    found = entities("Dr Hessa bint Khalifa Al Nuaimi, a researcher at UAE University, said so. Mattar Al "
                     "Tayer, director general and chairman of the board of the Roads and Transport Authority "
                     "(RTA), said work would begin.")
    assert "Hessa bint Khalifa Al Nuaimi" in found and "Hessa" not in found
    assert "Mattar Al Tayer" in found


def test_a_portuguese_name_known_by_the_word_before_its_particle() -> None:
    found = entities("President Luiz Inácio Lula da Silva spoke. Lula wrote on X. João Batista Ferreira dos "
                     "Santos, a rancher, said so. Ferreira told Folha.")
    assert "Lula" in found["Luiz Inácio Lula da Silva"].aliases and "Lula" not in found
    assert "Ferreira" in found["João Batista Ferreira dos Santos"].aliases


def test_the_amazon_is_a_place_and_a_temple_a_body() -> None:
    found = entities("Deforestation in the Brazilian Amazon fell. Rain fell across the Amazon. "
                     "Online retailer Amazon said it would hire staff. He visited the Shri Swaminarayan "
                     "Mandir Temple in Neasden.")
    assert "Brazilian Amazon" not in found and len(found["Amazon"].mentions) == 1
    assert found["Swaminarayan Mandir Temple"].kind != "person"


def test_a_name_described_as_a_body_and_a_platform_written_on() -> None:
    found = entities("Cosla, the umbrella body for Scotland's 32 councils, said the freeze had cost £1.1bn. "
                     "\u201cThe enemy struck again,\u201d Kiper wrote on Telegram. Officials shared it via "
                     "WhatsApp.")
    assert found["Cosla"].kind == "organisation"
    assert "Telegram" not in found and "Meta" not in found
    assert "Telegram" in entities("Telegram said it would remove the channel.")


def test_a_body_whose_remit_is_a_list_is_one_body() -> None:
    found = entities("The Department for Culture, Media and Sport said so. The Department for Environment, "
                     "Food and Rural Affairs (Defra) agreed. Shares in the Bank of England, Barclays and "
                     "HSBC fell.")
    assert {"Department for Culture, Media and Sport", "Department for Environment, Food and Rural Affairs",
            "Bank of England", "Barclays", "HSBC"} <= set(found)
    assert "Department for Culture" not in found and "Sport" not in found


def test_an_acronym_no_list_knows_is_the_one_body_named_before_with_its_initials() -> None:
    found = entities("The Public Procurement Authority approved the deals. According to the PPA, 38 "
                     "were restricted. The Ghana Anti-Corruption Coalition disagreed.")
    assert "PPA" not in found
    assert "PPA" in found["Public Procurement Authority"].aliases
    # (two bodies with the same initials: the acronym is neither)
    found = entities("The Public Procurement Authority and the Port Pilots Association met. The PPA said no.")
    assert "PPA" in found


def test_an_office_set_before_a_name_between_commas_is_its_role() -> None:
    found = entities("But the Minister for Roads and Highways, Nana Yaw Boateng-Mensah, dismissed it. "
                     "The Executive Director of the Anti-Corruption Coalition, Efua Asante-Darko, told us. "
                     "He has worked on the Star Wars DVD trilogy, Finding Nemo, and Indiana Jones. "
                     "She thanked the president and the first lady, Michelle Obama, who said so.")
    assert found["Nana Yaw Boateng-Mensah"].roles == ["Minister for Roads and Highways"]
    assert found["Efua Asante-Darko"].roles == ["Executive Director of the Anti-Corruption Coalition"]
    assert "Finding Nemo" not in found
    assert found["Michelle Obama"].roles == []


def test_an_office_opening_a_sentence_before_a_name_between_commas_is_its_role() -> None:
    found = entities("SNP MSP for Dundee West, Iain Fotheringham, one of the two rebels, said he had acted. "
                     "Another actress, Annabelle Wallace, said no. "
                     "A Democratic aide said comments from Rice, Rhodes, Panetta and Petraeus were "
                     "consistent.")
    assert found["Iain Fotheringham"].roles[0] == "SNP MSP for Dundee West"
    assert found["Annabelle Wallace"].roles == ["actress"]  # (not "Another actress")
    assert "Rhodes" not in found or not found["Rhodes"].roles  # (a verb: no office)
    # (a two-word title: "Member" alone is none)
    found = entities("Addressing a press conference, the Ranking Member on the Roads and Transport "
                     "Committee, Hon. Kwabena Owusu-Ansah, said 43 contracts were awarded without tender.")
    assert found["Kwabena Owusu-Ansah"].roles == ["Ranking Member on the Roads and Transport Committee"]
    # (after "its", "his", "her", "their" too; capitalised words ending on a title)
    found = entities("In a statement signed by its National Publicity Secretary, Alhaji Yakubu Suleiman, "
                     "the association said it would strike.")
    assert found["Yakubu Suleiman"].roles == ["National Publicity Secretary"]


def test_a_list_before_a_body_or_a_portfolio_is_part_of_it() -> None:
    found = entities("The Meteorology, Climatology and Geophysics Agency (BMKG) has forecast rain. "
                     "The Rail and Maritime Workers' Union said members would vote. "
                     "Public Works and Housing Minister Dody Hanggodo said the dam would be built. "
                     "Loans came from the Eximbank and Credit Suisse. "
                     "Blair and Foreign Secretary Jack Straw met.")
    assert "Meteorology, Climatology and Geophysics Agency" in found
    assert "Rail and Maritime Workers' Union" in found
    assert "Credit Suisse" in found  # (a listed body's name: the list is of bodies)
    assert found["Dody Hanggodo"].roles == ["Public Works and Housing Minister"]
    assert found["Jack Straw"].roles == ["Foreign Secretary"]


def test_names_in_the_shapes_of_other_countries() -> None:
    found = entities("Ahmed bin Sulayem, a resident of Al Barsha who commutes to Business Bay, welcomed it. "
                     "Minister for Industries T.R.B. Rajaa, who accompanied the officials, said so. "
                     "Prime Minister Aurélien Marchetti spoke. M. Marchetti added that France would act. "
                     "Its spokesperson, Mr. Olufemi Soneye, told Vanguard on Sunday: \"It is verified.\"")
    assert "Al Barsha" not in found  # (a place, in the description)
    assert found["T.R.B. Rajaa"].roles == ["Minister for Industries"]  # (initials open the name)
    assert "M. Marchetti" not in found  # ("M.": Monsieur)
    assert "M. Marchetti" in found["Aurélien Marchetti"].aliases
    assert "Vanguard" not in found or found["Vanguard"].kind != "person"  # (who was told)


def test_statistics_before_a_country_is_its_statistics_office() -> None:
    found = entities("Statistics Canada said prices rose. According to Statistics South Africa, "
                     "jobs fell. Minister in the Presidency Khumbudzo Ntshaveni-Mokoena said so.")
    assert found["Statistics Canada"].kind != "person"
    assert found["Statistics South Africa"].kind != "person"
    assert "Statistics" not in found
    assert found["Khumbudzo Ntshaveni-Mokoena"].kind == "person"
    assert "Presidency Khumbudzo Ntshaveni-Mokoena" not in found


def test_a_title_word_and_a_word_before_a_head_word_is_a_body() -> None:
    found = entities("Erdoğan told a meeting of his Justice and Development Party (AK Party) in Ankara. "
                     "Chief Justice and Supreme Court judges met.")
    assert found["Justice and Development Party"].kind == "organisation"
    assert "Development Party" not in found
    assert found["Supreme Court"].kind == "organisation"


def test_two_portfolios_before_a_title_are_no_body() -> None:
    found = entities("Treasury and Finance Minister Mehmet Şimşekoğlu said it worked.")
    assert found["Mehmet Şimşekoğlu"].kind == "person"
    assert "Treasury" not in found
    found = entities("He criticised the Treasury and Prime Minister Boris Johnson.")
    assert found["Treasury"].kind == "organisation" and found["Boris Johnson"].kind == "person"


def test_an_outlet_and_a_place_is_its_service_there() -> None:
    found = entities("A poll for ITV Wales and Cardiff University found it. "
                     "Independent Vermont Sen. Bernie Sanders agreed.")
    assert found["ITV Wales"].kind == "outlet"
    assert found["Cardiff University"].kind == "organisation"
    assert "Wales and Cardiff University" not in found
    assert not [k for k in found if "Vermont" in k and k != "Vermont"]


def test_a_rank_abbreviated_after_a_role_is_a_role_of_its_own() -> None:
    found = entities("Army Spokesperson Brig. Gen. Effie Defrin-Levy said so. "
                     "Committee Chairman Rep. Jason Chaffetz agreed.")
    assert {"Army Spokesperson", "Brigadier General"} <= set(found["Effie Defrin-Levy"].roles)
    assert {"Committee Chairman", "Representative"} <= set(found["Jason Chaffetz"].roles)


def test_a_body_and_the_next_body_after_a_lead_word_are_two() -> None:
    found = entities("It was led with colleagues at the Smithsonian Environmental Research Center and the "
                     "Chinese Academy of Sciences. The Department for Environment, Food and Rural Affairs "
                     "agreed, as did the Economic Commission for Latin America and the Caribbean.")
    assert found["Smithsonian Environmental Research Center"].kind == "organisation"
    assert found["Chinese Academy of Sciences"].kind == "organisation"
    # (not where the words after "and the" are no body's name of their own)
    joined = [k for k in found if " and the " in k]
    assert joined == ["Economic Commission for Latin America and the Caribbean"]


def test_a_township_committeewoman_is_a_title() -> None:
    found = entities("Township Committeewoman Renée Odom said she had received 200 emails.")
    assert "Township Committeewoman" in found["Renée Odom"].roles


def test_a_verb_in_the_past_is_no_word_of_the_role_before_a_name() -> None:
    found = entities("Khalil al-Hayya met Egypt's intelligence chief Hassan Abdel-Rahman on Monday.")
    assert found["Hassan Abdel-Rahman"].roles == ["Egypt's intelligence chief"]


def test_an_outlet_named_by_its_last_word_in_its_own_article_is_that_outlet() -> None:
    text = ("Premier rules out toll relief\n\nBy Hannah Lowry, Sydney Morning Herald\n\n"
            "Gareth Pennington told the Herald he would not budge.\n")
    draft = Draft(parse_document(text, "test.txt"))
    find_entities(draft)
    assert draft.doc.outlet == "Sydney Morning Herald"
    assert draft.entities["Sydney Morning Herald"].kind == "outlet" and "The Herald" not in draft.entities
    other = "Headline for a test\n\nHe told the Herald he would not budge.\n"
    draft = Draft(parse_document(other, "test.txt"))
    find_entities(draft)
    assert "The Herald" in draft.entities  # (in another paper's article, the lexicon's Herald)


def test_a_transcripts_label_of_an_honorific_and_a_surname_is_the_surnames_person() -> None:
    found = entities("MR OKAFOR: Thank you, Chair.\n\nMR OKAFOR: Who carried out the inspection?")
    assert "Mr Okafor" not in found and "MR OKAFOR" in found["Okafor"].aliases


def test_a_short_form_in_brackets_after_a_body_is_its_alias_whatever_it_spells() -> None:
    found = entities("Erdoğan told a meeting of his Justice and Development Party (AK Party) in Ankara. "
                     "The AK Party won. The Meteorology, Climatology and Geophysics Agency (BMKG) "
                     "forecast rain. The BMKG said so.")
    assert "AK Party" in found["Justice and Development Party"].aliases and "AK Party" not in found
    assert "BMKG" in found["Meteorology, Climatology and Geophysics Agency"].aliases and "BMKG" not in found
    # (letters a list knows keep their body; a name cut short before the letters is not theirs)
    found = entities("A probe by the US Securities Exchange Commission (SEC) began. The SEC said no. "
                     "Amicus and the Transport and General Workers Union (TGWU) met. The TGWU agreed. "
                     "A spokesman for the UN's World Summit on the Information Society (WSIS) spoke.")
    assert "SEC" in found["Securities and Exchange Commission"].aliases
    assert "TGWU" not in found.get("Workers Union", found["Amicus"]).aliases
    assert "WSIS" not in found.get("Information Society", found["Amicus"]).aliases


def test_a_newspaper_named_between_commas_after_its_word_is_an_outlet() -> None:
    found = entities("Giovanni Maria Vian, the editor in chief of the Vatican's official newspaper, "
                     "L'Osservatore Romano, said every pope was political.")
    assert found["L'Osservatore Romano"].kind == "outlet"
    assert found["Giovanni Maria Vian"].kind == "person"


def test_a_body_right_before_a_title_is_part_of_the_role() -> None:
    found = entities("IDF Spokesperson Brig. Gen. Effie Defrin-Levy told reporters. "
                     "Fifa President Sepp Blatter agreed. Prime Minister Benjamin Netanyahu did not.")
    assert found["Effie Defrin-Levy"].roles[0] == "IDF Spokesperson"
    assert found["Sepp Blatter"].roles == ["Fifa President"]
    assert found["Benjamin Netanyahu"].roles == ["Prime Minister"]


def test_an_office_before_a_clerics_style_is_his_role() -> None:
    found = entities("The Bishop of Durham, the Rt Rev Dr Tom Wright, described the novel. "
                     "Their footnote named the Deputy Secretaries, the Under Secretaries, and staff.")
    assert "Bishop of Durham" in found["Tom Wright"].roles
    assert "Under Secretaries" not in found


def test_a_service_before_a_given_name_is_a_title() -> None:
    found = entities("Former CIA operative and Marine John Tiegen found it disqualifying. "
                     "Marine Le Pen disagreed. Navy SEAL Chris Kyle was there.")
    assert found["John Tiegen"].roles == ["Marine"]
    assert "Marine Le Pen" in found
    assert gender(found["John Tiegen"].aliases, get_lexicon()) == "male"
    assert "Chris Kyle" in found


def test_a_name_particle_inside_a_place_in_a_body_s_name() -> None:
    found = entities("He is president of the Rural Producers Union of São Félix do Xingu, he said. "
                     "How do Democrats win? They do Not know. \"How do I look?\" Why do the Clintons care?")
    assert "Rural Producers Union of São Félix do Xingu" in found
    assert not [n for n in found if "Democrats" in n or "Not" in n.split()]


def test_a_filipino_names_ma_is_inside_it_but_a_surname_ends_a_sentence() -> None:
    found = entities("But Sen. Jose Ma. Abad was not convinced. Later he met Jack Ma. The company said so.")
    assert "Jose Ma. Abad" in found and "Jose Ma" not in found
    assert "Jack Ma" in found


def test_a_given_name_that_is_a_month_after_his_wife_is_a_person() -> None:
    found = entities("His wife, June, runs the ticket booth. The ferry sat idle in June, he said.")
    assert found["June"].kind == "person" and found["June"].roles == ["wife"]


def test_an_english_do_cuts_a_run_as_no_do_did() -> None:
    lex = get_lexicon()
    text = '"How do I look?" Why do the Clintons care? The Rio Grande do Sul governor said so.'
    assert [r.words for r in find_runs(text, 0, lex)] == [["Clintons"], ["The", "Rio", "Grande", "do", "Sul"]]


def test_a_word_glued_before_a_body_is_no_part_of_its_name() -> None:
    # ("X-based" and a possessive open the sentence; "Past" is shown by the body's own letters)
    found = entities("US-based Massachusetts Institute of Technology (MIT) said so. "
                     "Past Congressional Budget Office (CBO) forecasts said more. "
                     "His Treasury Department did not spend it. "
                     "The Washington-based Economic Policy Institute agreed.")
    for name in ("Massachusetts Institute of Technology", "Congressional Budget Office",
                 "Treasury Department", "Economic Policy Institute"):
        assert name in found, name
    assert "CBO" in found["Congressional Budget Office"].aliases
    assert not [n for n in found if n.startswith(("US-based", "Past ", "His ", "Washington-based"))]
    # (the letters in brackets spell the whole name: its first word stays)
    assert "National Audit Office" in entities("National Audit Office (NAO) figures rose.")


def test_a_given_name_after_a_title_is_no_peers_title() -> None:
    found = entities("Gov. Earl Ray Tomblin said the state would act. Tomblin added more.")
    assert "Earl Ray Tomblin" in found and "Ray Tomblin" not in found


def test_a_common_word_after_a_given_name_beside_a_cue_is_a_surname() -> None:
    found = entities('"No party has won three times," said Al From, who helped found the DLC.')
    assert "Al From" in found and "Al" not in found
    assert "Al From" not in entities("We bought bread, said Al From the store next door.")


def test_two_plain_words_joined_by_an_ampersand_before_a_head_are_one_body() -> None:
    found = entities("Prices fell, the UN's Food & Agriculture Organisation has warned.")
    assert "Food & Agriculture Organisation" in found and "Agriculture Organisation" not in found
    # (a known body written with "&" is the lexicon's)
    sec = entities("The Securities & Exchange Commission accused the bank.")
    assert "Securities and Exchange Commission" in sec and "Exchange Commission" not in sec


def test_a_number_word_in_capitals_inside_a_sentence_opens_a_name() -> None:
    lex = get_lexicon()
    text = "It is a sister project to the main Three Gorges Dam downstream. Two Labour MPs said so."
    names = [piece.words for run in find_runs(text, 0, lex) for piece in split_run(run, text, lex)]
    assert ["Three", "Gorges", "Dam"] in names and ["Gorges", "Dam"] not in names
    assert not [n for n in names if n[:1] == ["Two"]]


def test_a_description_that_who_goes_on_or_an_initial_shows_a_person() -> None:
    found = entities("Rich Heffley, a top Tallahassee GOP operative who played a major role in "
                     "John McCain's big Florida win in 2008 and is now running Bush's early-vote efforts "
                     "in the state, said the program is critical. M. Dane Waters, whose group has led "
                     "this effort, predicted a fight.")
    assert "Rich Heffley" in found and found["Rich Heffley"].roles == ["a top Tallahassee GOP operative"]
    assert "M. Dane Waters" in found
    # (not a work described, nor a sentence's opening word)
    work = entities("Fans voted Fergus Crane, a story about a boy who is taken on an adventure, "
                    "the best book.")
    assert not [r for e in work.values() for r in e.roles if "story" in r]
    opener = entities("Previously, a man with avowed respect for Castro who said so would be disqualified.")
    assert "Previously" not in opener
    # (before a known body, a number word counts: "One State Department lawyer")
    counted = entities("One State Department lawyer involved was Kate Duval.")
    assert "State Department" in counted and "One State Department" not in counted


def test_a_word_for_a_trade_opening_a_sentence_makes_the_name_after_it_a_company() -> None:
    found = entities("Bookmaker Ladbrokes said it would take bets. Jeweller Zale said sales fell. "
                     "Retailer Next said sales rose. Carmaker General Motors said so.")
    assert {"Ladbrokes", "Zale", "Next", "General Motors"} <= set(found)
    assert all(found[n].kind != "person" for n in ("Ladbrokes", "Zale", "Next"))
    assert not [n for n in found if n.split(" ", 1)[0] in ("Bookmaker", "Jeweller", "Retailer", "Carmaker")]
    # (a given name after it makes a person: "Jeweller Tom Smith")
    person = entities("Jeweller Tom Smith said trade was slow.")
    assert person["Tom Smith"].kind == "person"


def test_a_lone_surname_two_people_share_is_the_one_it_stood_for_before() -> None:
    found = entities("Marcel Lehel Lazar was extradited in 2014 and pleaded guilty in May. "
                     "Lazar admitted the charges.\n\n"
                     "His wife, Gabriela Violeta Lazar, wrote to the court.\n\n"
                     "Lazar stored the documents and passed them on, prosecutors said.")
    assert len(found["Marcel Lehel Lazar"].mentions) == 3
    assert len(found["Gabriela Violeta Lazar"].mentions) == 1
    # (no lone surname before: the last named, as before)
    last = entities("Bill Clinton spoke first. Hillary Clinton spoke next. Clinton said so.")
    assert len(last["Hillary Clinton"].mentions) == 2


def test_a_gendered_honorific_before_a_surname_two_people_share_is_the_one_it_fits() -> None:
    found = entities("Hillary Clinton spoke first. Bill Clinton spoke next. Mrs. Clinton said so. "
                     "Mr. Clinton agreed.")
    assert len(found["Hillary Clinton"].mentions) == 2 and len(found["Bill Clinton"].mentions) == 2


def test_a_body_s_name_after_a_firm_word_may_end_in_a_common_word() -> None:
    found = entities("The progressive group One Wisconsin Now unearthed the columns. "
                     "The ratepayer group Tauranga First objected.")
    assert {"One Wisconsin Now", "Tauranga First"} <= set(found)
    assert not {"One Wisconsin", "Tauranga"} & set(found)


def test_a_sentence_adverb_before_a_comma_is_no_person_and_its_apposition_no_role() -> None:
    found = entities("Ironically, the one who does is the candidate most identified with free trade. "
                     "Significantly, the judge said he could not require it. "
                     "Furthermore, the first-time candidate is likely to lose. "
                     "Holly, a nurse, said so.")
    assert not {"Ironically", "Significantly", "Furthermore"} & set(found)
    assert "Holly" in found


def test_common_words_after_of_for_or_on_in_a_run_are_no_person() -> None:
    found = entities("A super PAC connected to the Club for Growth gave $2m. Groups including War on Want "
                     "said so. The Centers for Disease Control and Prevention estimates it. "
                     "Blair and Brown said so.")
    assert not {"Growth", "Want", "Disease Control"} & set(found)
    assert "Brown" in found


def test_a_country_code_before_a_known_body_is_no_part_of_it() -> None:
    found = entities("In a filing with the US Securities and Exchange Commission, Sina said its shares fell.")
    assert "Securities and Exchange Commission" in found
    assert not {"US Securities", "Exchange Commission"} & set(found)


def test_a_number_before_a_one_word_name_that_is_a_common_word_is_part_of_it() -> None:
    found = entities("Rapper 50 Cent has become the first solo artist to top the chart. 50 Cent said so.")
    assert "50 Cent" in found and "Cent" not in found
    assert len(found["50 Cent"].mentions) == 2


def test_an_outlet_s_name_after_across_the_is_a_place() -> None:
    found = entities("It paid fines to regulators on both sides of the Atlantic. Trade across the Atlantic "
                     "rose. The Atlantic reported that trade rose.")
    assert len(found["The Atlantic"].mentions) == 1


def test_a_registry_a_prison_a_research_firm_and_a_magazine_are_bodies() -> None:
    found = entities("Figures from the Land Registry showed prices rose. He was held at Woodhill Prison. "
                     "A survey by Continental Research found 5% did. Computeractive Magazine said so.")
    bodies = ("Land Registry", "Woodhill Prison", "Continental Research")
    assert {*bodies, "Computeractive Magazine"} <= set(found)
    assert all(found[n].kind != "person" for n in bodies)
    assert found["Computeractive Magazine"].kind == "outlet"


def test_the_end_of_a_place_s_name_after_a_comma_is_no_person() -> None:
    found = entities("said Robert Stone, a 59-year-old from Hilton Head, South Carolina, who already voted.")
    assert "Robert Stone" in found and "Carolina" not in found


def test_a_name_after_website_or_network_is_a_business_unless_a_name_owns_the_website() -> None:
    found = entities("New data from property website Rightmove suggested prices fell. Growth at mobile "
                     "network Orange helped. He told the BBC News website Ford did not deserve credit.")
    assert found["Rightmove"].kind == "organisation" and found["Orange"].kind == "organisation"
    assert "Ford" not in found or found["Ford"].kind == "person"
    assert entities("The website Jack Smith founded said so.")["Jack Smith"].kind == "person"


def test_a_person_named_after_and_ends_the_body_before_it() -> None:
    found = entities("Critics included the dean at the University of California and Dan Gillmor, a writer.")
    assert "University of California" in found and "Dan Gillmor" in found
    assert not [n for n in found if n.endswith("and Dan Gillmor")]


def test_a_headline_in_capitals_ends_a_name_before_its_verb() -> None:
    found = entities("Pope Francis spoke (''Francesco Excommunicates Trump,'' declared La Stampa). "
                     "Donald J. Trump said it was disgraceful. Another read Hillary Clinton Says "
                     "EgyptAir Crash Seems Like Terrorism. Edward Burns Jr directed.")
    people = {n for n, e in found.items() if e.kind == "person"}
    assert "Donald J. Trump" in people and "Hillary Clinton" in people and "Edward Burns Jr" in people
    assert not any("Excommunicates" in n or "Says" in n for n in found)


def test_a_headline_s_auxiliary_ends_a_name_and_a_long_run_before_a_verb_is_none() -> None:
    found = entities("Watch What Hillary Does When A Guy Walks Up. Joe Biden said he agreed. "
                     "Read: Donald Trump Just Revealed Who He Would Pick For VP.")
    assert "Joe Biden" in found
    assert not any("Does" in n or "Revealed" in n for n in found)


def test_a_spanish_names_first_surname_alone_is_that_person() -> None:
    found = entities("The minister, Lucía Ferrández Ortega, spoke. María Jesús Calvo Peñalver objected. "
                     "Ferrández said rents rose. Calvo told reporters so.")
    assert "Ferrández" in found["Lucía Ferrández Ortega"].aliases
    assert "Calvo" in found["María Jesús Calvo Peñalver"].aliases
    assert not {"Ferrández", "Calvo"} & set(found)
    # (not a given name in the middle, nor a title's last word read as a surname)
    assert "Luther" not in entities("Martin Luther King spoke. Luther said so.")["Martin Luther King"].aliases
    show = entities("Rachel Maddow Show guests came. Maddow said so.")
    assert "Maddow" in show or "Maddow" in next(iter(show.values())).aliases


def test_a_peoples_word_before_a_word_for_a_medium_is_no_person() -> None:
    found = entities("He signed, according to Dutch newspaper De Telegraaf.")
    assert "De Telegraaf" in found and "Dutch" not in found
    # (an Italian "dello" inside an outlet's name)
    found = entities("Corriere dello Sport says the director travelled to Valencia.")
    assert "Corriere dello Sport" in found and not {"Sport", "Corriere della Sera"} & set(found)


def test_the_rest_of_an_office_after_a_title_is_no_person() -> None:
    found = entities("The governor, through his Chief Press Secretary, Aliyu Bello, denied it.")
    assert "Aliyu Bello" in found and "Press Secretary" not in found


def test_a_party_run_council_is_the_council() -> None:
    found = entities("The Labour-run Hollinbrook Borough Council needs to close a gap.")
    assert "Hollinbrook Borough Council" in found


def test_a_player_s_ranking_is_a_role_before_the_name_or_after_it() -> None:
    found = entities("He faces world number one Dmitri Sokolov. Holt, the world No 3, hit 41 winners.")
    assert found["Dmitri Sokolov"].roles == ["world number one"]
    assert found["Holt"].kind == "person" and found["Holt"].roles == ["the world No 3"]
    # (a seeding: "Haas overcame eighth seed Max Mirnyi" gives no verb in the role)
    found = entities("Haas overcame eighth seed Max Mirnyi. Kiefer, the third seed, lost.")
    assert found["Max Mirnyi"].roles == ["eighth seed"] and found["Kiefer"].roles == ["the third seed"]


def test_an_office_with_a_before_a_name_in_apposition_is_its_role_where_none_with_the_is() -> None:
    found = entities("In a brief statement, a spokesperson for the company, Dana Kessler, said so.")
    assert found["Dana Kessler"].roles == ["spokesperson for the company"]
    # (the office with "the" nearer the name wins: "a spokesman for the prosecutor, …")
    found = entities("But, a spokesman for the prosecutor, New York State Comptroller Alan Hevesi, said no.")
    assert "spokesman for the prosecutor" not in found["Alan Hevesi"].roles


def test_a_rank_with_an_ordinal_is_one_role() -> None:
    found = entities("Sgt. 1st Class Dana Ruiz said the crew was ready.")
    assert found["Dana Ruiz"].roles == ["Sgt 1st Class"]


def test_a_name_that_fills_a_quotation_by_itself_is_no_person() -> None:
    found = entities('He starred in "Barton Fink" and later in “Rush Hour”. She sang \'Sweet Caroline\'.')
    assert not {"Barton Fink", "Rush Hour", "Sweet Caroline"} & set(found)
    # (the same name outside the marks is a person still)
    found = entities("Donald Trump spoke. Anything with the words “Donald Trump” rates well.")
    assert found["Donald Trump"].kind == "person"


def test_a_title_before_a_word_that_is_never_a_name_is_no_person_unless_one_is_named_so() -> None:
    found = entities("Dr Pepper sales rose. The Beatles made Sgt Pepper. Miss Universe was held in May.")
    assert not {"Pepper", "Universe"} & set(found)
    # (a peer or "Mr" styled by such a surname is a person: "Lord Falconer", "Mr Straw")
    found = entities("Lord Falconer said so. Jack Straw agreed, and Mr Straw left.")
    assert "Falconer" in found and "Jack Straw" in found


def test_a_common_word_for_a_place_is_a_body_named_for_its_cause() -> None:
    found = entities("Neil Sroka of the advocacy group Democracy for America said so.")
    assert "Democracy for America" in found and "Democracy" not in found


def test_a_trade_that_is_a_job_too_makes_a_company_of_two_words_with_no_given_name() -> None:
    found = entities("Promoter Live Nation confirmed the dates. Promoter Frank Warren agreed.")
    assert found["Live Nation"].kind == "organisation" and "Nation" not in found
    assert found["Frank Warren"].kind == "person"


def test_a_body_s_first_word_alone_is_that_body_of_three_words() -> None:
    found = entities("Meadowbrook Senior Living runs the home. Meadowbrook did not respond.")
    assert found["Meadowbrook Senior Living"].kind == "organisation" and "Meadowbrook" not in found
    # (not a common word: "Digital prints cost less" after the Digital Screen Network)
    found = entities("The Digital Screen Network will help. Digital prints cost less, Ms Deans said.")
    assert len(found["Digital Screen Network"].mentions) == 1


def test_a_line_that_speaks_is_a_body() -> None:
    found = entities("Nordvik Line said it would apply a fee. The West Coast Main Line was shut.")
    assert found["Nordvik Line"].kind == "organisation"
    assert "West Coast Main Line" not in found or found["West Coast Main Line"].kind != "person"


def test_a_name_ending_on_a_plural_of_a_word_never_a_name_is_a_group() -> None:
    found = entities("Hamm will now embark on a new life with husband, Chicago Cubs shortstop Nomar "
                     "Garciaparra. Of voters, 44 percent of Independents disagreed.")
    assert not {"Chicago Cubs", "Independents"} & set(found)
    # (a given name, a name no list holds or a peer's honorific before it: a person)
    found = entities("Bobby Sands died. Lord Dubs said so. Wes Butters said so. “Go,” said Jalen Hooks.")
    assert {"Bobby Sands", "Dubs", "Wes Butters", "Jalen Hooks"} <= set(found)


def test_a_given_name_named_alone_as_kin_opens_the_two_word_name_after_it() -> None:
    found = entities("His older brother, Freddy, died in 1981. Freddy Trump was a pilot.")
    assert "Freddy Trump" in found and "Freddy" not in found
    # (not a surname alone before a capitalised word: "Obama" and "Obama Speech" stay apart)
    found = entities("Obama said so. The Obama Speech was long.")
    assert "Obama Speech" not in found or "Obama" in found


def test_a_peoples_word_before_an_unknown_name_makes_a_person() -> None:
    found = entities("Russian Dmitri Velminsky won the final in Turin on Sunday.")
    assert found["Dmitri Velminsky"].kind == "person"
    assert "Russian" in found["Dmitri Velminsky"].roles
    # (not a word inside a longer name, nor before a body's head word)
    assert "Music Hall" not in entities("He was held after a show at the Great American Music Hall.")
    assert "News Agency Interfax" not in entities("According to Russian News Agency Interfax, it is on.")


@pytest.mark.parametrize(("text", "name"), [
    # a name between a verb of winning and a score is a player's
    ("Top seed Arkady Velminsky beat Holger Tornquist 6-3 6-2 in the semi-final.", "Holger Tornquist"),
    # a name, then ", from" and a body called by its kind, is a member's
    ("Shami Chakrabarti, from human rights group Liberty, joined calls for a change.", "Shami Chakrabarti"),
])
def test_an_unknown_given_name_is_a_person_by_what_stands_around_it(text: str, name: str) -> None:
    assert entities(text)[name].kind == "person"


def test_a_lone_surname_two_share_is_not_the_one_given_as_the_others_kin() -> None:
    found = entities("Donald Trump tweeted on Sunday. Eric Trump, son of the Republican front-runner, spoke "
                     "on Monday. Eric Trump said so. Eric Trump said more.\n\nTrump said Friday he won.")
    assert "Trump" in found["Donald Trump"].aliases
    assert "Trump" not in found["Eric Trump"].aliases


def test_a_title_before_a_shared_surname_picks_the_one_who_held_the_office() -> None:
    found = entities("Bill Clinton and Hillary Clinton spoke. Mrs. Clinton spoke first.\n\n"
                     "Most people feel President Clinton was really good at being president.")
    assert "President Clinton" in found["Bill Clinton"].aliases
    assert "President Clinton" not in found["Hillary Clinton"].aliases


def test_an_office_between_commas_opens_on_the_nearest_the_before_the_name() -> None:
    found = entities("The Kremlin is considering replacing the governor of Sverdlovsk region, Yevgeny "
                     "Burlakov, after weeks of protests. She met the mayor of Roanoke, Virginia, on Monday.")
    assert "governor of Sverdlovsk region" in found["Yevgeny Burlakov"].roles
    assert "Virginia" not in found or found["Virginia"].kind != "person"


def test_a_word_of_another_language_for_a_body_opens_its_name() -> None:
    found = entities("Banca Adriatica said it was cooperating. Banco Pichincha agreed.")
    assert found["Banca Adriatica"].kind != "person" and found["Banco Pichincha"].kind != "person"


def test_a_plural_name_written_as_a_group_is_no_person() -> None:
    # after "the" and before no noun, or before a word for a band's member
    found = entities("The show featured the Beastie Boys, who rode bicycles. He met his friend, Rolling "
                     "Stones guitarist Keith Richards.")
    assert not {"Beastie Boys", "Rolling Stones"} & set(found)
    assert "Keith Richards" in found
    # ("the Tom Hanks movie": a person's name before a noun)
    assert "Tom Hanks" in entities("He starred in the Tom Hanks movie and met Tom Hanks.")


def test_brothers_and_sisters_end_a_body_not_a_given_name() -> None:
    found = entities("Last month, Paramount, Universal and Warner Brothers said they were opting for HD-DVD.")
    assert found["Warner Brothers"].kind == "organisation"
    # (a given name before it: a surname)
    assert entities("Joyce Brothers said so.")["Joyce Brothers"].kind == "person"


def test_a_kin_given_name_is_not_the_son_named_by_surname() -> None:
    found = entities("Moazzam Begg and Martin Mubanga were held. Mr Begg's father, Azmat, said he was "
                     "told. Before being driven to London, Azmat Begg said he was concerned.")
    assert "Azmat Begg" in found and "Azmat" not in found
    assert "Mr Begg" not in found["Azmat Begg"].aliases


def test_a_given_name_alone_before_the_full_name_is_that_person() -> None:
    found = entities("“We are proud,” said Lachlan, 44. Lachlan Murdoch said he would run it.")
    assert "Lachlan" not in found and "Lachlan" in found["Lachlan Murdoch"].aliases
    assert len(found["Lachlan Murdoch"].mentions) == 2


def test_a_lead_word_does_not_carry_a_name_on_over_and() -> None:
    found = entities("Chelsea meet Barcelona in the Champions League and Liverpool in the final. "
                     "The Department for Culture, Media and Sport said so.")
    assert "Champions League" in found and "Champions League and Liverpool" not in found
    assert "Department for Culture, Media and Sport" in found


def test_a_body_cut_after_for_is_the_full_body_named() -> None:
    found = entities("The Office for National (ONS) statistics revealed output fell. The Office for "
                     "National Statistics said output dropped 0.1%.")
    assert "Office for National" not in found
    assert "Office for National" in found["Office for National Statistics"].aliases


def test_a_body_named_again_without_its_place_is_the_same_body() -> None:
    found = entities("Andrea Arnold was congratulated by the UK Film Council, which funded her film. "
                     "Wasp, commissioned by the Film Council and Channel 4, won the prize.")
    assert len(found["UK Film Council"].mentions) == 2 and "Film Council" not in found
    # (two bodies that end so: which one is unknown)
    two = entities("The UK Film Council and the Scotland Film Council met. The Film Council said so.")
    assert "Film Council" in two
