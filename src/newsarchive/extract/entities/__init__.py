"""The entities pass: every named person, outlet and organisation, under its canonical name.

Runs of capitalised words are split into bodies (known outlets and organisations, or names
ending in "Institute", "Party", …), titles and name candidates. A candidate is a person where
the text shows it: a title or honorific, a known given name, a role or description beside it, a
speech verb beside it ("Nad said"), or an earlier full name it shortens. Short and possessive
forms fold into the fullest form; every surface form is kept as an alias.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from newsarchive.extract.draft import Draft, EntityDraft
from newsarchive.extract.entities.classify import FUNCTION_WORDS, PEERAGE, Piece, spells, split_run
from newsarchive.extract.entities.evidence import (
    article_before,
    cue_adjacent,
    cue_verbs,
    firm_apposed,
    firm_before,
    gender,
    it_after,
    medium_after,
    medium_before,
    person_roles,
    spokesman_after,
    voice_after,
    voice_for_before,
    voiced,
)
from newsarchive.extract.entities.lexicon import Lexicon, get_lexicon, numbered_in
from newsarchive.extract.entities.registry import Registry
from newsarchive.extract.entities.scan import JOINING, country_matches, find_runs, initial_at
from newsarchive.extract.text import SPEAKER_LABEL, has_digit
from newsarchive.lexicon import load_words
from newsarchive.records import Mention, Paragraph, Span

__all__ = ["find_entities", "gender", "get_lexicon", "spells"]

_BODY_PARAGRAPHS = ("text", "standfirst")
_PARTY_AND_PLACE = re.compile(r"[RDI]-[A-Z][\w.’'-]*")
"""A US politician's party and state or district after the name: "R-Lakeview", "D-Ky."."""


def _own_outlet(outlet: str, word: str, lex: Lexicon) -> str | None:
    """Return the article's own outlet where its name ends in the word an outlet is named by
    ("Herald" in The Sydney Morning Herald, "Post" in The Washington Post), or None."""
    own = outlet[4:] if outlet.startswith("The ") else outlet
    if not own.endswith(f" {word}"):
        return None
    body = lex.bodies.get(own)
    return body.name if body is not None else own


def find_entities(draft: Draft) -> None:
    """Fill `draft.entities` with the people, outlets and organisations the body names."""
    lex = get_lexicon()
    registry = Registry(lex.given, lex.surname_first, lex.gender)
    later: list[tuple[Paragraph, Piece]] = []
    titles: set[str] = set()
    products: set[str] = set()
    defined: dict[str, str] = {}
    lone: list[tuple[Paragraph, int, str]] = []
    lone_words = _lone_words(lex)
    for para in draft.doc.paragraphs:
        if para.kind not in _BODY_PARAGRAPHS:
            continue
        text = para.text  # (read once: an attribute of a record costs a lookup at each use)
        previous: Piece | None = None
        capitalised: list[tuple[int, str]] = []
        runs = find_runs(text, para.index, lex, capitalised)
        # ("Next", "A Five": one of `_lone_words`, an article before it or not; tested inline, as a
        # call per run of capitals cost the pass ~1 %)
        lone += [(para, start, found) for start, found in capitalised
                 if found in lone_words or (found[:2] == "A " and found[2:] in lone_words)
                 or (found[:3] == "An " and found[3:] in lone_words)]
        numbered = _numbered(draft, registry, para, lex) \
            + _portfolios(draft, registry, para, lex, capitalised)
        if para.kind == "text" and ":" in text[:64] and text[:2].isupper():
            numbered += _labelled(draft, registry, para, lex)
        outlet_end = 0
        for run in runs:
            pieces = split_run(run, text, lex)
            if " of " in run.text and not (len(pieces) == 1 and pieces[0].kind == "body") \
                    and _voiced_body(draft, registry, para, run.words, run.offsets, lex):
                continue  # "A Top of the Pops spokesperson said": the body, whole
            for piece in pieces:
                if numbered and any(s < piece.end and piece.start < e for s, e in numbered):
                    continue  # "BBC" of "BBC Radio 4", found whole already
                if piece.start < outlet_end:
                    continue  # "PC" of "magazine Mobile PC", found whole already
                if len(piece.words) == 1 and piece.words[0].isupper():
                    if _defines(text, previous, piece, registry, defined, lex):
                        continue  # "(LTA)" after the name it stands for: no mention of its own
                    if piece.kind == "body" and _spelt_before(draft, registry, para, piece, defined):
                        continue  # "Pakistan Tehreek-e-Insaf (PTI)": not the lexicon's Press Trust of India
                    body = _acronym_of(piece.words[0], registry, defined) \
                        or (_initials_of(piece.words[0], registry) if piece.body is None else None)
                    if body is not None:
                        # "the Land Transport Authority (LTA) … The LTA said": the body the text
                        # spelt out, whatever else the letters stand for elsewhere
                        registry.add_body(body.name, body.kind, piece.surface, _span(draft, para, piece),
                                          _body_roles(text, piece, lex))
                        previous = piece
                        continue
                elif len(piece.words) > 1 and piece.words[0][:2].isupper() and _short_form(piece, lex):
                    if _defines(text, previous, piece, registry, defined, lex):
                        continue  # "(AK Party)" after the name it stands for
                    body = _acronym_of(piece.surface, registry, defined) if defined else None
                    if body is not None:  # "the AK Party" again, after "… Development Party (AK Party)"
                        registry.add_body(body.name, body.kind, piece.surface, _span(draft, para, piece),
                                          _body_roles(text, piece, lex))
                        previous = piece
                        continue
                if piece.kind == "name" and len(piece.words) == 1 \
                        and _PARTY_AND_PLACE.fullmatch(piece.words[0]):
                    previous = piece
                    continue  # "Tom Brennan, R-Lakeview, said": his party and district, no one
                if piece.kind == "name":
                    outlet_end = _web_name(draft, registry, para, piece, lex) \
                        or _outlet(draft, registry, para, piece, lex)
                    if outlet_end:
                        previous = piece
                        continue
                if piece.kind == "body" and piece.surface in lex.platforms \
                        and (_word_after(text, piece.end) in lex.platform_media
                             or text[max(0, piece.start - 4):piece.start] in (" on ", "via ")):
                    previous = piece
                    continue  # "In a Facebook post", "wrote on Telegram": where it was said, no body cited
                if piece.kind == "body" and len(piece.words) == 1 and piece.words[0] in lex.ambiguous \
                        and registry.find_person(piece.words) is not None:
                    # "Fox said" after "Liam Fox": the person, not Fox News.
                    registry.add_person(piece.words, piece.surface, _span(draft, para, piece), [])
                elif piece.kind == "body" and piece.body is not None:
                    roles = _body_roles(text, piece, lex)
                    if piece.body.kind == "outlet" and piece.body.name not in lex.bodies:
                        roles.append(piece.body.type)  # "Arab News", found by its head word: "the newspaper"
                    name = piece.body.name
                    if len(piece.words) == 1 and piece.words[0] in lex.ambiguous and draft.doc.outlet:
                        # "told the Herald" in The Sydney Morning Herald: the paper itself
                        name = _own_outlet(draft.doc.outlet, piece.words[0], lex) or name
                    more = _listed_tail(text, piece, lex) if name == piece.surface else ""
                    lead = _listed_head(text, piece, lex) if name == piece.surface else ""
                    if lead:
                        # "the Rail and Maritime Workers' Union": one body, its trades a list
                        name = piece.surface = lead + name
                        piece.start -= len(lead)
                    if more:
                        # "the Department for Culture, Media and Sport": one body, its remit a list
                        name = piece.surface = name + more
                        piece.end = outlet_end = piece.end + len(more)
                    if " " in name and name not in registry.entities:
                        # "the Film Council" after "the UK Film Council"
                        name = _placed_body(name, registry, lex)
                    registry.add_body(name, piece.body.kind, piece.surface, _span(draft, para, piece), roles)
                elif piece.kind == "title" and len(piece.title) == 1 and piece.title[0] in lex.weak_titles \
                        and registry.find_person(piece.title) is not None:
                    # "Dean, a medical doctor," after "Howard Dean": the surname, no title
                    registry.add_person(piece.title, piece.surface, _span(draft, para, piece), [])
                elif piece.kind == "name" and any("-" in w and w.rpartition("-")[2] in lex.modifier_endings
                                                  for w in piece.words):
                    pass  # "the Carwyn James-inspired Lions", "a Liverpool-born singer": a modifier
                elif piece.kind == "name" and _work_before(text, piece, lex):
                    titles.add(" ".join(piece.words))  # "British film Vera Drake"
                elif piece.kind == "name" and _quoted_title(text, piece):
                    pass  # "starred in “Rush Hour”": no one named there (though "Trump" may be elsewhere)
                elif piece.kind == "name" and _titled_word(registry, piece):
                    later.append((para, piece))  # "Dr Pepper", "Miss Universe": someone's only if named so
                elif piece.kind == "name" and len(piece.words) == 1 and _product_after(text, piece, lex):
                    products.add(piece.words[0])  # "the Bloglines website"
                elif piece.kind == "name" and not (
                        _numbered_name(text, piece)
                        or _lone_head(draft, registry, para, piece, lex)
                        or _short_body(draft, registry, para, piece, lex)
                        or _company(draft, registry, para, piece, lex)
                        or _add_person(draft, registry, para, piece,
                                       _title_before(text, previous, piece), lex,
                                       _body_before(text, previous, piece)
                                       or _rank_opening(text, previous, piece) if piece.title else "")):
                    later.append((para, piece))
                previous = piece
    listed = _listed_people(registry, later, lex)
    # Short forms met before any evidence ("Putin" in the first line, "Vladimir Putin" later).
    for para, piece in later:
        if id(piece) in listed:
            registry.add_person(piece.words, piece.surface, _span(draft, para, piece), [])
            continue
        known = registry.find_person(piece.words) if len(piece.words) <= 2 else None
        if known is not None:
            registry.add_person(piece.words, piece.surface, _span(draft, para, piece), [])
        elif len(piece.words) == 2 and not piece.title and _descriptor(piece.words[0], lex) \
                and initial_at(para.text, piece.start) and registry.find_person(piece.words[1:]) is not None:
            # "Matchwinner Keane was full of praise" after "Robbie Keane": a sentence's first
            # word before a known surname describes that person
            registry.add_person(piece.words[1:], piece.words[1], _span(draft, para, piece),
                                [piece.words[0].lower()])
    for name in titles:
        entity = registry.entities.get(name)
        if entity is not None and entity.kind == "person" and not entity.roles:
            del registry.entities[name]  # a work's title, though "Vera Drake was" read as a person
    for name in products:
        entity = registry.entities.get(name)
        if entity is not None and entity.kind == "person" and not entity.roles:
            entity.kind = "organisation"  # "Ask Jeeves said it would not change Bloglines", its maker
    texts = [draft.doc.title or "", *(p.text for p in draft.doc.paragraphs)]
    if lone:
        _common_word_bodies(draft, registry, lex, lone, texts)
    _which_bodies(draft, registry, lex, texts)
    _national_bodies(draft, registry, lex)
    _the_names(draft, registry, lex, texts)
    _common_word_names(draft, registry, lex)
    _drop_common_words(draft, registry)
    _drop_plural_names(draft, registry, lex, texts)
    _lone_given_names(registry, lex)
    _cut_bodies(registry, lex)
    if lex.members:
        _member_bodies(draft, registry, lex, texts)
    draft.entities.update(registry.entities)


_LISTED = re.compile(r"(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?){0,3},? and [A-Z][a-z]+(?: [A-Z][a-z]+)?(?![\w’'-])")
_ITEM_GLUE = re.compile(r",? and |, ")


def _listed_tail(text: str, piece: Piece, lex: Lexicon) -> str:
    """Return the rest of a body's name that lists its remit after "for" or "of" and one word:
    ", Media and Sport" of "the Department for Culture, Media and Sport", ", Food and Rural
    Affairs" of "the Department for Environment, Food and Rural Affairs"; "" where none does, or
    where an item is a body or a place of its own ("the Bank of England, Barclays and HSBC")."""
    if len(piece.words) < 3 or piece.words[-2] not in ("for", "of") or not text.startswith(", ", piece.end):
        return ""
    m = _LISTED.match(text, piece.end)
    if m is None:
        return ""
    items = _ITEM_GLUE.split(m.group()[2:])
    # (a head word alone is a remit, "Media"; with a word before it a body, "Home Office")
    if any(item in lex.bodies or item in lex.places
           or (" " in item and item.rsplit(" ", 1)[-1] in lex.org_heads) for item in items):
        return ""
    return m.group()


_LISTED_HEAD = re.compile(r"\b[Tt]he ((?:[A-Z][a-z]+, ){0,3}[A-Z][a-z]+,? and )$")


def _listed_head(text: str, piece: Piece, lex: Lexicon) -> str:
    """Return the words of a list before a body found by its head word, after "the": "Rail and "
    of "the Rail and Maritime Workers' Union", "Meteorology, Climatology and " of "The Meteorology,
    Climatology and Geophysics Agency"; "" where none stands there, or where an item is a body, a
    place or a head word of its own ("the Treasury and Home Office", "the UK and Irish Football
    Associations")."""
    if len(piece.words) < 2 or not text.endswith(" and ", 0, piece.start) or piece.surface in lex.bodies:
        # (a list before a listed body's name lists bodies: "the Eximbank and Credit Suisse")
        return ""
    m = _LISTED_HEAD.search(text, max(0, piece.start - 60), piece.start)
    if m is None:
        return ""
    items = [item for item in _ITEM_GLUE.split(m.group(1)) if item]
    if any(item in lex.bodies or item in lex.places or item in lex.org_heads or item in lex.given
           for item in items):
        return ""
    return m.group(1)


def _word_after(text: str, end: int) -> str:
    """Return the lower-case word right after a name, or "" where none follows it."""
    m = _WORD_AFTER.match(text, end)
    return m.group(1) if m is not None else ""


_WORD_AFTER = re.compile(r" ([a-z]+)\b")


_DEFINING = frozenset(((" (", ")"), (", ", ",")))
"""What stands before and after an acronym that defines the name before it."""


def _defines(text: str, previous: Piece | None, piece: Piece, registry: Registry,
             defined: dict[str, str], lex: Lexicon) -> bool:
    """Return True, and note the definition (the short form an alias of the body), where an
    acronym in brackets, or between commas, follows the name of the body whose initials it is:
    "the Land Transport Authority (LTA)", "the Nigeria Labour Congress, NLC, has warned"; in
    brackets, a short form in capitals whatever it spells (the name in another language: "the
    Meteorology, Climatology and Geophysics Agency (BMKG)", "Justice and Development Party (AK
    Party)")."""
    if previous is None:
        return False
    between = text[previous.end:piece.start]
    if (between, text[piece.end:piece.end + 1]) not in _DEFINING:
        return False
    name = previous.body.name if previous.body is not None else previous.name
    entity = registry.entities.get(name) or registry.entities.get(previous.surface)
    # (a body read whole with the list before its head word is known by the whole: "The
    # Meteorology, Climatology and Geophysics Agency")
    if entity is None or entity.kind == "person" or entity.name == piece.surface:
        return False
    if not (len(piece.words) == 1 and spells(piece.words[0], name)) \
            and not (between == " (" and _short_form(piece, lex) and piece.surface not in lex.bodies
                     and _whole_before(text, previous.start)):
        # (letters a list knows stand for its body, "US Securities Exchange Commission (SEC)"; a
        # name cut short before them is not theirs, "the Transport and General Workers Union (TGWU)")
        return False
    defined[piece.surface] = entity.name
    entity.aliases.add(piece.surface)
    return True


def _whole_before(text: str, start: int) -> bool:
    """Return True where the word before a name is neither capitalised nor a word that joins names
    (so the name is not the end of a longer one the runs cut: "General Workers Union", "Natural
    Gas Corp" of "Oil & Natural Gas Corp")."""
    words = text[max(0, start - 40):start].split()[-3:]
    if not words:
        return True
    if words[-1] in ("the", "The"):
        # (but "the World Summit on the Information Society": a name's words before "on the")
        return not (len(words) == 3 and words[1] in JOINING and words[0][:1].isupper())
    return not (words[-1][:1].isupper() or words[-1] in JOINING)


def _short_form(piece: Piece, lex: Lexicon) -> bool:
    """Return True where a name may be a body's short form: up to three words, the first opening
    on two capitals ("BMKG", "AK Party"), none a place ("UK") or a given name."""
    words = piece.words
    if len(words) > 3 or piece.kind == "title" or not words[0][:2].isupper() or not words[0].isalpha():
        return False
    return not any(w in lex.places or w in lex.given for w in words)


_SPELT = re.compile(r"((?:[A-Z][\w'’.-]*|of|for|and|the|de|du|des|e|la|le|del)\s+){0,7}[A-Z][\w'’.-]*\s\($")
"""Capitalised words (and the small words of a name) right before an opening bracket."""


def _spelt_before(draft: Draft, registry: Registry, para: Paragraph, piece: Piece,
                  defined: dict[str, str]) -> bool:
    """Return True, and record the body, where a known body's acronym in brackets follows other
    words it spells: the text's own name for those letters ("Pakistan Tehreek-e-Insaf (PTI)",
    though the lexicon knows PTI as the Press Trust of India), which no head word showed a body.

    Only for letters the lexicon knows as a body: "Consumer Price Index (CPI)" names no body."""
    text = para.text
    if text[piece.end:piece.end + 1] != ")":
        return False
    m = _SPELT.search(text, max(0, piece.start - 120), piece.start)
    if m is None:
        return False
    words = text[m.start():piece.start - 2].split()
    word = piece.words[0]
    for i in range(len(words) - 1):  # the longest name first, from a capitalised word
        if not words[i][:1].isupper() or words[i] in ("The", "A", "An"):
            continue
        name = " ".join(words[i:])
        if spells(word, name):
            if piece.body is not None and (piece.body.name == word or _stems(piece.body.name) & _stems(name)):
                # the lexicon's body, written another way ("Securities Exchange Commission"), or
                # known by its letters ("WTA", "UNHCR")
                return False
            start = piece.start - 2 - len(name)
            registry.add_body(name, "organisation", name, Span(para.index, start, piece.start - 2,
                                                               draft.line_at(para, start)), [])
            defined[word] = name
            return True
    return False


def _stems(name: str) -> set[str]:
    """The first five letters of each word of four letters or more, in lower case."""
    return {w[:5].lower() for w in re.split(r"[\s-]+", name) if len(w) > 3}


def _acronym_of(word: str, registry: Registry, defined: dict[str, str]) -> EntityDraft | None:
    """Return the body an acronym stands for where the text spelt it out earlier, whatever else
    the letters stand for elsewhere."""
    entity = registry.entities.get(defined.get(word, ""))
    return entity if entity is not None and entity.kind != "person" else None


def _placed_body(name: str, registry: Registry, lex: Lexicon) -> str:
    """Return the one body named before whose name is `name` after a place or country ("the UK
    Film Council … the Film Council", "the London Stock Exchange … the Stock Exchange"), else `name`."""
    tail = " " + name
    found = [e.name for e in registry.entities.values() if e.kind != "person" and e.name.endswith(tail)
             and ((head := e.name[: -len(tail)]) in lex.places or head in lex.country_codes)]
    return found[0] if len(found) == 1 else name


def _initials_of(word: str, registry: Registry) -> EntityDraft | None:
    """Return the one body named so far whose initials an acronym no list knows is ("the Public
    Procurement Authority … According to the PPA"), where no other body's are."""
    if len(word) < 3 or not word.isalpha():
        return None
    found = [e for e in registry.entities.values()
             if e.kind != "person" and " " in e.name and _initials(e.name) == word]
    return found[0] if len(found) == 1 else None


def _initials(name: str) -> str:
    """The first letters of a name's capitalised words: "PPA" for "Public Procurement Authority"."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


_LIST_GLUE = frozenset((", ", " and ", ", and ", " or "))
"""What stands between the names of a list ("Kai Havertz, Ben White and Leandro Trossard")."""


def _listed_people(registry: Registry, later: Sequence[tuple[Paragraph, Piece]], lex: Lexicon) -> set[int]:
    """Return the ids of the full names with no evidence of their own that stand in a list beside
    a person's full name: "with Kai Havertz, Ben White and Leandro Trossard also on target" makes
    people of all three where Ben White is one (a list holds things of one kind). Not names with
    a common word, a role or a place in them ("Calendar Girls", "Finance Minister", "DR Congo")."""
    common = load_words("common_words")
    candidates = [(para, piece) for para, piece in later
                  if len(piece.words) in (2, 3) and not piece.title and not piece.honorific
                  and not any(w.lower() in common or w.lower() in lex.roles or w in lex.places
                              or (w.isupper() and len(w) > 1) for w in piece.words)
                  and " ".join(piece.words) not in lex.places]
    if not candidates:
        return set()
    people: dict[int, list[tuple[int, int]]] = {}
    for entity in registry.entities.values():
        if entity.kind == "person" and " " in entity.name:
            for m in entity.mentions:
                if " " in m.form:
                    people.setdefault(m.span.paragraph, []).append((m.span.start, m.span.end))
    found: set[int] = set()
    for para, piece in candidates:
        spans = people.get(para.index)
        if spans and any(para.text[piece.end:start] in _LIST_GLUE or para.text[end:piece.start] in _LIST_GLUE
                         for start, end in spans):
            found.add(id(piece))
    return found


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")
"""Endings of nouns for people ("Matchwinner", "Director", "Novelist", "Veteran" is an epithet)."""


def _descriptor(word: str, lex: Lexicon) -> bool:
    """Return True for a capitalised word that can describe a person before their surname: a role,
    an epithet, or a noun for a person; not a function word, a given name or a speech verb
    ("Said Ellis:")."""
    low = word.lower()
    return (low.endswith(_AGENT_ENDINGS) or low in lex.roles or lex.is_epithet(word)) \
        and word not in FUNCTION_WORDS and word not in lex.given and low not in cue_verbs()


_WHICH = re.compile(r",\s+which\s+(?!means\b|meant\b|(?:is|was)\s+(?:something|why|what|not|a|an)\b)[a-z]")
"""A relative clause about the name, not about the sentence (", which means", ", which is why")."""
_WHO = re.compile(r",\s+who\s")


def _which_bodies(draft: Draft, registry: Registry, lex: Lexicon, texts: Sequence[str]) -> None:
    """Make an organisation of a "person" with no role or honorific whom the text follows with
    ", which" and never with ", who": "Laura Ashley, which floated in 1985" is the company; or,
    for a one-word name, whom a word for staff follows, a firm's description stands after or a
    spokesman for stands before (`texts`: the headline and the paragraphs)."""
    paragraphs = draft.doc.paragraphs
    for entity in registry.entities.values():
        if entity.kind != "person" or entity.roles or any(
                form.split(" ", 1)[0].rstrip(".") in lex.honorifics for form in entity.aliases):
            continue
        ends = [(paragraphs[m.span.paragraph].text, m.span.end) for m in entity.mentions]
        if any(_WHICH.match(text, end) for text, end in ends) \
                and not any(_WHO.match(text, end) for text, end in ends):
            entity.kind = "organisation"
        elif " " not in entity.name and len(entity.aliases) <= 1 and (
                _staff_after(texts, entity.name, lex)
                or any(firm_apposed(text, end) for text, end in ends)
                or any(voice_for_before(paragraphs[m.span.paragraph].text, m.span.start)
                       for m in entity.mentions)):
            # "former Shell boss", "Sina, the country's biggest internet portal firm", "a spokesman
            # for Dell said"
            entity.kind = "organisation"


def _staff_after(texts: Sequence[str], name: str, lex: Lexicon) -> bool:
    """Return True where a word for a body's people (`Lexicon.staff`) follows `name` somewhere in
    the article's texts (the headline among them)."""
    for text in texts:
        for end in _whole_word_ends(text, name + " "):
            after = text[end:end + 40]
            if any(after.startswith(w) and not after[len(w):len(w) + 1].isalnum() for w in lex.staff):
                return True
    return False


def _whole_word_ends(text: str, phrase: str) -> Iterator[int]:
    """Yield where each occurrence of `phrase` ends that no letter or digit stands right before."""
    at = text.find(phrase)
    while at >= 0:
        if at == 0 or not text[at - 1].isalnum():
            yield at + len(phrase)
        at = text.find(phrase, at + 1)


def _national_bodies(draft: Draft, registry: Registry, lex: Lexicon) -> None:
    """Give a one-word body its country's code back where the text writes it before the name:
    "UK Coal", "UK Athletics" ("UK" is no part of a person's name, so the name lost it)."""
    paragraphs = draft.doc.paragraphs
    for name, entity in list(registry.entities.items()):
        if entity.kind == "person" or " " in name or name in lex.bodies:
            continue  # (a known body keeps its name: "the US Federal Bureau of Investigation" is the FBI)
        for m in entity.mentions:
            before = paragraphs[m.span.paragraph].text[max(0, m.span.start - 3):m.span.start]
            if before[:2] in lex.country_codes and before[2:] == " " \
                    and f"{before}{name}" not in registry.entities:
                del registry.entities[name]
                entity.aliases.add(name)
                entity.name = f"{before}{name}"
                registry.entities[entity.name] = entity
                break


def _member_bodies(draft: Draft, registry: Registry, lex: Lexicon, texts: Sequence[str]) -> None:
    """Record a body the text names only in a person's role, by a word for its members ("Oasis
    singer Liam Gallagher", `Lexicon.members`), where the text speaks of that kind of body after
    "the" ("The band said they were victims"), so the description finds it; not a place, a
    people's adjective, a kind ("Rock singer", `Lexicon.member_kinds`) or a body already known."""
    paragraphs = draft.doc.paragraphs
    for entity in list(registry.entities.values()):
        if entity.kind != "person":
            continue
        for role in entity.roles:
            name, _, member = role.rpartition(" ")
            kind = lex.members.get(member)
            if kind is None or not name or not all(w[:1].isupper() for w in name.split(" ")) \
                    or name in registry.entities or name in lex.bodies or name in lex.places \
                    or any(w in lex.member_kinds for w in name.split(" ")) \
                    or lex.is_epithet(name.rsplit(" ", 1)[-1]) or name.split(" ", 1)[0] in lex.title_starts \
                    or not any(_after_article(text, kind) for text in texts):
                continue
            for m in entity.mentions:
                text = paragraphs[m.span.paragraph].text
                start = m.span.start if text.startswith(role, m.span.start) else m.span.start - len(role) - 1
                if start >= 0 and text.startswith(role + " ", start):
                    para = paragraphs[m.span.paragraph]
                    registry.add_body(name, "organisation", name, Span(para.index, start, start + len(name),
                                                                       draft.line_at(para, start)), [kind])


def _after_article(text: str, word: str) -> bool:
    """Return True where `word` stands after "the" or "The" as a whole word in `text`."""
    return any(not text[end:end + 1].isalnum() for the in ("the ", "The ")
               for end in _whole_word_ends(text, the + word))


_lone_cache: list[tuple[Lexicon, frozenset[str]]] = []


def _lone_words(lex: Lexicon) -> frozenset[str]:
    """Return the capitalised common words the name lists drop that may name a body: not a
    function word, a given name, a body's name or kind, or a plural ("Analysts")."""
    if _lone_cache and _lone_cache[0][0] is lex:
        return _lone_cache[0][1]
    common = load_words("common_words")
    words = frozenset(w for w in lex.not_names
                      if w.isalpha() and w[1:].islower() and w not in FUNCTION_WORDS and w not in lex.given
                      and w.lower() in common and w not in lex.bodies and w not in lex.org_heads
                      and w not in lex.org_leads and not (w.endswith("s") and w.lower()[:-1] in common))
    _lone_cache[:] = [(lex, words)]
    return words


def _common_word_bodies(draft: Draft, registry: Registry, lex: Lexicon,
                        lone: Sequence[tuple[Paragraph, int, str]], texts: Sequence[str]) -> None:
    """Make a body of a common word that has a spokesman ("A Five spokesman said") or speaks of
    itself as "it" ("Next has said its profit …", where the text also writes "Next" inside a
    sentence: no word capitalised only by its place), never written after "the" ("the Palace");
    `lone` holds the runs of `_lone_words` (no body's kind: "A Government spokesman", the sieves
    know it by its kind). Its mentions are those and any beside a speech verb."""
    occurrences: dict[str, list[tuple[Paragraph, int, int]]] = {}
    for para, start, found in lone:
        word = found.rsplit(" ", 1)[-1]
        occurrences.setdefault(word, []).append((para, start + len(found) - len(word), start + len(found)))
    for word, places in occurrences.items():
        if word in registry.entities:
            continue
        voiced_at = [(p, s, e) for p, s, e in places
                     if voice_after(p.text, e) and (p.text[s - 2:s] == "A " or p.text[s - 3:s] == "An "
                                                    or article_before(p.text, s))]
        inside = [(p, s, e) for p, s, e in places if not initial_at(p.text, s)]
        speaking = [(p, s, e) for p, s, e in places
                    if it_after(Piece("name", s, e, [word], word), p.text, lex)]
        if not (voiced_at or (speaking and inside)) or any(_after_the(text, word, lex) for text in texts):
            continue
        for para, start, end in places:
            if (para, start, end) in voiced_at or (para, start, end) in inside \
                    or (para, start, end) in speaking or cue_adjacent(para.text, start, end):
                registry.add_body(word, "organisation", word, Span(para.index, start, end,
                                                                   draft.line_at(para, start)), [])


def _the_names(draft: Draft, registry: Registry, lex: Lexicon, texts: Sequence[str]) -> None:
    """Make a body of a one-word "person" with no role or title whose name the article also
    writes after "the": "The Bravery", "the Sundance TV Channel", "the Charlton goal", "the
    Merriam-Webster list" (not "the Clinton campaign": a person's name before a word for their
    people or time)."""
    for name, entity in registry.entities.items():
        if entity.kind != "person" or entity.roles or " " in name or len(entity.aliases) > 1 \
                or any(form.split(" ", 1)[0].rstrip(".") in lex.honorifics for form in entity.aliases):
            continue
        if name in lex.places or any(_WHO.match(draft.doc.paragraphs[m.span.paragraph].text, m.span.end)
                                     for m in entity.mentions):
            continue  # ("The Game, who has become the hottest new star": a stage name)
        if any(_after_the(text, name, lex) for text in texts):
            entity.kind = "organisation"


def _after_the(text: str, name: str, lex: Lexicon) -> bool:
    """Return True where `name` stands after "the" or "The" as a whole word in `text`, other than
    before a word for a person's people or time (`Lexicon.personal_after`: "the Clinton campaign")."""
    for the in ("the ", "The "):
        for end in _whole_word_ends(text, the + name):
            if not text[end:end + 1].isalnum() \
                    and text[end + 1:end + 20].split(" ", 1)[0].strip(".,;:") not in lex.personal_after:
                return True
    return False


def _common_word_names(draft: Draft, registry: Registry, lex: Lexicon) -> None:
    """Make a body of a "person" of two words or more, every one a common English word and none a
    given name or an honorific, where it speaks ("Network Rail said", "National Grid says"), and
    drop it elsewhere ("Private Securities Litigation Reform Act", "Chief Medical Officer"): people's
    names are seldom made of words alone."""
    common = load_words("common_words")
    paragraphs = draft.doc.paragraphs
    for name, entity in list(registry.entities.items()):
        if entity.kind != "person" or " " not in name:
            continue
        parts = name.split(" ")
        if any(w in lex.given or not w[1:].islower() or (w.lower() not in common and w not in lex.not_names)
               for w in parts) \
                or any(form.split(" ", 1)[0].rstrip(".") in lex.honorifics for form in entity.aliases):
            continue
        if parts[-1].lower() not in lex.roles \
                and any(w in lex.roles for role in entity.roles for w in role.lower().split()):
            continue  # "press spokesman Dicky Arbiter": the text says it is a person
        if any(cue_adjacent(paragraphs[m.span.paragraph].text, m.span.start, m.span.end)
               for m in entity.mentions):
            entity.kind, entity.roles = "organisation", []
        else:
            del registry.entities[name]


def _drop_common_words(draft: Draft, registry: Registry) -> None:
    """Drop a one-word person with no role or title, named only where a sentence starts, whose
    word the article also writes in lower case or is a common word (`common_words.txt`): a word
    capitalised by its place ("Research has found …, the research said", "Members urged …")."""
    body: str | None = None
    for name, entity in list(registry.entities.items()):
        if entity.kind != "person" or entity.roles or " " in name or not name.isalpha() \
                or any(" " in form for form in entity.aliases):
            continue
        paragraphs = draft.doc.paragraphs
        if not all(initial_at(paragraphs[m.span.paragraph].text, m.span.start) for m in entity.mentions):
            continue
        word = name.lower()
        if word in load_words("common_words"):
            del registry.entities[name]
            continue
        if body is None:
            body = " ".join(p.text for p in paragraphs if p.kind in _BODY_PARAGRAPHS)
        if re.search(rf"(?<![\w-]){word}(?![\w-])", body):
            del registry.entities[name]


def _drop_plural_names(draft: Draft, registry: Registry, lex: Lexicon, texts: Sequence[str]) -> None:
    """Drop a person whose name ends on the plural of a common word, with no honorific, where the
    words before it are no one's name ("Chicago Cubs", "the Bushes", "Independents"; not "Hope
    Hicks", "Bobby Sands", "Jalen Hooks", "Lord Dubs") or where the text writes it as a group:
    after "the" and before no noun ("the Beastie Boys,", "The Stone Roses were"; not "the Tom
    Hanks movie") or before a word for a band's member ("Rolling Stones guitarist Keith Richards")."""
    common = load_words("common_words")
    for name, entity in list(registry.entities.items()):
        if entity.kind != "person":
            continue
        words = name.split(" ")
        last = words[-1].lower()
        if len(last) <= 3 or not last.endswith("s") or last[-2] == "s" or last not in common \
                or words[-1] in lex.given \
                or any(form.split(" ", 1)[0].rstrip(".") in lex.honorifics for form in entity.aliases):
            continue
        plain = (last[:-1] in common or last[:-2] in common) \
            and all(_plain_lead(w, common, lex) for w in words[:-1])
        if plain or (len(words) > 1 and (any(_group_after_the(text, name) for text in texts)
                                         or _member_after(draft, entity, lex))):
            del registry.entities[name]


_GROUP_AFTER = (",", ".", ";", ":", ")", " and ", " who ", " were ", " are ", " have ")
"""What follows a group's name after "the" where the name is no noun's modifier ("the Tom Hanks movie")."""


def _group_after_the(text: str, name: str) -> bool:
    """Return True where `text` writes `name` after "the" or "The", followed by a clause's end, "and"
    or a plural verb: a group, not a person."""
    for the in ("the ", "The "):
        for end in _whole_word_ends(text, the + name):
            if text.startswith(_GROUP_AFTER, end):
                return True
    return False


def _member_after(draft: Draft, entity: EntityDraft, lex: Lexicon) -> bool:
    """Return True where a word for a band's member follows a mention ("Rolling Stones guitarist")."""
    paragraphs = draft.doc.paragraphs
    for m in entity.mentions:
        after = paragraphs[m.span.paragraph].text[m.span.end:m.span.end + 16]
        if after[:1] == " " and after[1:].split(" ", 1)[0] in lex.members:
            return True
    return False


def _cut_bodies(registry: Registry, lex: Lexicon) -> None:
    """Fold a body whose name ends on "for" or "of" and a common word into the one body the
    article names in full with it: "Office for National" ("the Office for National (ONS)
    statistics") is the Office for National Statistics (not "Bank of England" into "Bank of
    England Museum": a place ends a name)."""
    common = load_words("common_words")
    bodies = [name for name, entity in registry.entities.items() if entity.kind != "person"]
    for name in bodies:
        words = name.split(" ")
        if len(words) < 3 or words[-2] not in ("for", "of") or words[-1].lower() not in common \
                or words[-1] in lex.places:
            continue
        fuller = [other for other in bodies if other.startswith(name + " ") and other in registry.entities]
        if len(fuller) == 1:
            _fold(registry.entities.pop(name), registry.entities[fuller[0]])


def _fold(short: EntityDraft, full: EntityDraft) -> None:
    """Give `full` the aliases, mentions (in the text's order) and roles of `short`, one entity."""
    full.aliases |= short.aliases
    full.mentions = sorted(full.mentions + short.mentions, key=_text_order)
    full.roles += [role for role in short.roles if role not in full.roles]


def _text_order(mention: Mention) -> tuple[int, int]:
    """Return where a mention stands in the article, to sort by."""
    return mention.span.paragraph, mention.span.start


def _lone_given_names(registry: Registry, lex: Lexicon) -> None:
    """Fold a one-word person into the one person of two words whose name it opens, named before
    or after it, where no one's name ends in it and no honorific stands before it: a given name
    alone ("Lachlan" and "Lachlan Murdoch"; "Donald" and "Donald J. Trump"; not "Obama" into
    "Obama Speech", a title-case caption: a surname no list knows before a common word)."""
    common = load_words("common_words")
    people = [name for name, entity in registry.entities.items() if entity.kind == "person"]
    for word in people:
        entity = registry.entities[word]
        if " " in word or any(name.endswith(" " + word) for name in people) \
                or any(form.split(" ", 1)[0].rstrip(".") in lex.honorifics for form in entity.aliases):
            continue
        openers = [name for name in people if name.startswith(word + " ") and name in registry.entities]
        if len(openers) != 1:
            continue
        parts = openers[0].split(" ")
        if not (len(parts) == 2 or (len(parts) == 3 and len(parts[1]) == 2 and parts[1][1] == ".")) \
                or (parts[-1].lower() in common and word not in lex.given):
            continue
        _fold(registry.entities.pop(word), registry.entities[openers[0]])


def _plain_lead(word: str, common: frozenset[str], lex: Lexicon) -> bool:
    """Return True for a word before a group's plural that is no one's name: a common word, a
    place, a people's word, a figure or an acronym ("Red Hot Chili Peppers", "Chicago Cubs", "13
    Hours", "MSN Spaces"; not "Jalen" of "Jalen Hooks", a given name no list holds)."""
    return (word.lower() in common or word in lex.places or word.isupper() or word[:1].isdigit()
            or word in lex.epithets or (word[-1:] == "n" and word[:-1] in lex.places)) \
        and word not in lex.given


def _work_before(text: str, piece: Piece, lex: Lexicon) -> bool:
    """Return True for a name right after a word for a work: its title ("quirky comedy Sideways")."""
    if piece.title or piece.honorific or not text[max(0, piece.start - 1):piece.start].isspace():
        return False
    words = text[max(0, piece.start - 16):piece.start].split()
    return bool(words) and words[-1] in lex.works


_QUOTE_CLOSES = re.compile(r"[,.!?]?[”\"’'](?!\w)")


def _quoted_title(text: str, piece: Piece) -> bool:
    """Return True for a name that fills a quotation by itself ("starred in “Rush Hour”", "sang
    'Sweet Caroline'"): a work's title, a term or a nickname, no one named there."""
    lead = piece.end - len(piece.surface)
    if lead < 1 or text[lead - 1] not in "“\"‘'" or (lead > 1 and text[lead - 2].isalnum()):
        return False
    return _QUOTE_CLOSES.match(text, piece.end) is not None


def _titled_word(registry: Registry, piece: Piece) -> bool:
    """Return True for a title or an honorific before one word that is never a name ("Dr Pepper",
    "Miss Universe", "Sgt Pepper", "Queen Mother") and no person named before has: a drink's, a
    contest's or a work's name; the person's only where the text names one so. (Not a peer's or
    "Mr": "Lord Falconer", "Mr Straw" are styled by a surname that is a common word too.)"""
    return len(piece.words) == 1 and bool(piece.honorific or piece.title) \
        and piece.honorific not in _SURNAME_STYLES and piece.words[0].lower() in load_words("common_words") \
        and registry.find_person(piece.words) is None


_SURNAME_STYLES = PEERAGE | {"Mr", "Mrs", "Ms", "Messrs"}


def _product_after(text: str, piece: Piece, lex: Lexicon) -> bool:
    """Return True for a one-word name right before a word for a product or business ("the
    Bloglines website", "the Opera browser"), with no title, honorific or given name."""
    if piece.title or piece.honorific or piece.words[0] in lex.given or text[piece.end:piece.end + 1] != " ":
        return False
    end = text.find(" ", piece.end + 1, piece.end + 16)
    word = text[piece.end + 1:end if end > 0 else piece.end + 16].rstrip(",.;:")
    return word in lex.products


def _lone_head(draft: Draft, registry: Registry, para: Paragraph, piece: Piece, lex: Lexicon) -> bool:
    """Handle a body's head word standing alone: "the Bank said" after "the Bank of England",
    "the Commission" after "the European Commission" is the one body named so before; else it
    names no one ("Party", "Group"). Return False for any other name."""
    name = " ".join(piece.words)
    if len(piece.words) != 1 or name not in lex.org_heads or piece.title or piece.honorific \
            or registry.find_person(piece.words) is not None:
        return False  # (a surname such as "Chambers" after "Guy Chambers" is the person)
    if para.text[max(0, piece.start - 4):piece.start].lower() == "the ":
        bodies = [e for e in registry.entities.values() if e.kind != "person" and " " in e.name
                  and name in (e.name.split(" ", 1)[0], e.name.rsplit(" ", 1)[-1])]
        if len(bodies) == 1:  # (two associations named: which one is unknown)
            registry.add_body(bodies[0].name, bodies[0].kind, piece.surface, _span(draft, para, piece), [])
    return True


def _short_body(draft: Draft, registry: Registry, para: Paragraph, piece: Piece, lex: Lexicon) -> bool:
    """Record a body's last word standing alone as that body, where the text has named exactly
    one body ending in it: "United said" after "Manchester United", "Sachs" after "Goldman
    Sachs" (not a given name, a place, a word of `not_names` or someone already named so), or its
    first word, "Meadowbrook" after "Meadowbrook Senior Living" (not a common word)."""
    if len(piece.words) != 1 or piece.title or piece.honorific:
        return False
    word = piece.words[0]
    bodies = registry.bodies_ending(word)  # (first: most words end no body named before)
    if len(bodies) != 1 or word in lex.not_names or word in lex.outlet_heads \
            or registry.find_person(piece.words) is not None:
        return False
    if bodies[0].name.count(" ") == 2 and not bodies[0].name.endswith(word) \
            and word.lower() in load_words("common_words"):
        return False  # ("Digital prints cost less" after the Digital Screen Network)
    if (word in lex.given or word in lex.places) and not voiced(piece, para.text):
        # (a given name or a place may end a body's name where an article and "spokesman" stand
        # round it: "An Edison spokesperson" after "Southern California Edison"; no one and no
        # town is "an Edison")
        return False
    registry.add_body(bodies[0].name, bodies[0].kind, piece.surface, _span(draft, para, piece), [])
    return True


_ARTICLES = frozenset(("A", "An", "The"))


def _voiced_body(draft: Draft, registry: Registry, para: Paragraph, words: list[str], offsets: list[int],
                 lex: Lexicon) -> bool:
    """Record a run with "of" inside it as one body where an article and "spokesman" stand round
    it ("A Top of the Pops spokesperson said", "a House of Fraser spokeswoman"): a person's
    spokesman is "Mr Blair's spokesman", and no one's name runs "X of Y" (an office's is left to the
    title rules: "a Duke of York spokesman"). Return False where it is no such run."""
    end = offsets[-1] + len(words[-1])
    if not voice_after(para.text, end):
        return False
    i = 1 if words[0] in _ARTICLES else 0
    if (i == 0 and not article_before(para.text, offsets[0])) or len(words) - i < 3 \
            or words[i] in lex.title_starts or words[i] in lex.given:
        return False
    start = offsets[i]
    name = " ".join(words[i:])
    known = registry.entities.get(name)
    registry.add_body(name, known.kind if known is not None and known.kind != "person" else "organisation",
                      para.text[start:end], Span(para.index, start, end, draft.line_at(para, start)), [])
    return True


def _outlet(draft: Draft, registry: Registry, para: Paragraph, piece: Piece, lex: Lexicon) -> int:
    """Record a name no one knows as an outlet where a word for a medium stands before it ("US
    magazine Mobile PC"), and return where its name ends (0: none here); a person the text has
    shown as one stays one."""
    start, found = piece.start, medium_before(piece, para.text, lex)
    if found is None:
        after = medium_after(piece, para.text, lex)
        if after is None:
            return 0
        (typ, start), end = after, piece.end
    else:
        typ, end = found
    known = registry.entities.get(" ".join(piece.words))
    if (known is not None and known.kind == "person") or registry.find_person(piece.words) is not None:
        return 0
    surface = para.text[start:end]
    name = " ".join(surface.split())
    span = Span(para.index, start, end, draft.line_at(para, start))
    registry.add_body(name, "outlet", surface, span, [typ])
    return end


def _web_name(draft: Draft, registry: Registry, para: Paragraph, piece: Piece, lex: Lexicon) -> int:
    """Record a name with a web domain after it ("Plus.net", "Amazon.com") as one body, and
    return where it ends (0: no domain there)."""
    if lex.domain is None or para.text[piece.end:piece.end + 1] != ".":
        return 0  # (the quick test: no dot right after the name)
    m = lex.domain.match(para.text, piece.end)
    if m is None:
        return 0
    start = piece.end - len(piece.words[-1])
    if para.text[start:piece.end] != piece.words[-1]:
        return 0  # (a word the run changed: no plain name right before the dot)
    name = para.text[start:m.end()]
    span = Span(para.index, start, m.end(), draft.line_at(para, start))
    registry.add_body(name, "organisation", name, span, [])
    return m.end()


def _company(draft: Draft, registry: Registry, para: Paragraph, piece: Piece, lex: Lexicon) -> bool:
    """Record a name as a company where a word for a firm stands before it ("oil giant Yukos") or
    its speech verb is followed by "it" ("Cadbury said it"), or where that made it one earlier; a
    person taken from a bare earlier mention ("Yukos said") with no role becomes the company."""
    text = para.text
    name = " ".join(piece.words)
    more = _common_tail(text, piece.end, lex)
    if more and (registry.entities.get(name + more) is not None or firm_before(piece, text, lex)):
        # "the progressive group One Wisconsin Now", "ratepayer group Tauranga First": a body's
        # name may end in a common word, which a person's never does (so the run was cut there)
        name = piece.surface = name + more
        piece.words = name.split(" ")
        piece.end += len(more)
    known = registry.entities.get(name)
    if known is not None and known.kind != "person":
        registry.add_body(name, known.kind, piece.surface, _span(draft, para, piece), [])
        return True
    if known is not None and (known.roles or len(known.mentions) > 1):
        return False  # a person the text has shown as one
    if not (firm_before(piece, text, lex) or _speaking_head(piece, text, lex) or (
            known is None and (it_after(piece, text, lex) or spokesman_after(piece, text, lex)
                               or _firm_described(piece, text, lex))
            and registry.find_person(piece.words) is None)):
        return False  # ("Mourinho said it was" after "Jose Mourinho": the person)
    if known is not None:
        known.kind = "organisation"
    registry.add_body(name, "organisation", piece.surface, _span(draft, para, piece), [])
    return True


def _speaking_head(piece: Piece, text: str, lex: Lexicon) -> bool:
    """Return True for a name of two words or more ending in a word of `speaking_heads` that
    speaks or has a spokesperson ("Nordvik Line said", "a Nordvik Line spokesperson")."""
    return len(piece.words) >= 2 and piece.words[-1] in lex.speaking_heads and not piece.title \
        and (cue_adjacent(text, piece.start, piece.end) or voice_after(text, piece.end))


_NUMBER_BEFORE = re.compile(r"(?<![\w.,£$€])\d{1,3} $")
"""A number of one to three digits right before a name, not a money sum's."""
_MONTHS = frozenset(("January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"))


def _numbered_name(text: str, piece: Piece) -> bool:
    """Take a number right before a one-word name that is a common word into the name: a stage
    name ("Rapper 50 Cent said", was "Cent"). Return False: the name is recorded on."""
    at = piece.start
    # (the cheap test first: most names have no digit and a space right before them)
    if at >= 2 and text[at - 1] == " " and text[at - 2].isdigit() \
            and len(piece.words) == 1 and not piece.title and not piece.honorific \
            and piece.words[0].lower() in load_words("common_words"):
        m = _NUMBER_BEFORE.search(text, max(0, piece.start - 5), piece.start)
        before = text[max(0, piece.start - 16):piece.start].split()
        if m is not None and (len(before) < 2 or before[-2] not in _MONTHS):
            # (not a date's day: "March 1 Southeastern states")
            piece.start = m.start()
            piece.surface = text[piece.start:piece.end]
            piece.words = piece.surface.split(" ")
    return False


def _common_tail(text: str, end: int, lex: Lexicon) -> str:
    """Return the capitalised words of `not_names` right after a name ("Now" of "One Wisconsin
    Now unearthed"), with the space before each, or ""."""
    tail = end
    while text[tail:tail + 1] == " " and text[tail + 1:tail + 2].isupper():
        stop = tail + 1
        while stop < len(text) and text[stop].isalpha():
            stop += 1
        if text[tail + 1:stop] not in lex.not_names:
            break
        tail = stop
    return text[end:tail]


def _firm_described(piece: Piece, text: str, lex: Lexicon) -> bool:
    """Return True for a one-word name first met with a firm's description in apposition after it
    ("Kelpware, a London-based startup that makes …"); not a common word, a place or a sentence's
    opener ("Currently, the company …", "In California, the group …")."""
    word = piece.words[0]
    return len(piece.words) == 1 and not piece.title and not piece.honorific \
        and firm_apposed(text, piece.end) and word not in lex.places and word not in lex.not_names \
        and word.lower() not in load_words("common_words")


def _add_person(draft: Draft, registry: Registry, para: Paragraph, piece: Piece, title_before: str | None,
                lex: Lexicon, body: str = "") -> bool:
    is_person, roles = person_roles(piece, para.text, title_before, lex)
    if body and roles:
        roles[0] = f"{body} {roles[0]}"  # "IDF Spokesperson": the title is the body's office
    if len(piece.words) == 1 and piece.words[0].isupper() and len(piece.words[0]) > 1 \
            and cue_adjacent(para.text, piece.start, piece.end):
        # An acronym that speaks ("the IADB said") is a body the text cites.
        registry.add_body(piece.words[0], "organisation", piece.surface, _span(draft, para, piece), [])
        return True
    if not is_person:
        known = registry.find_person(piece.words) if len(piece.words) <= 2 else None
        if known is None:
            # ("Arab News quoted Prince Saud" after "Prince Saud Al-Faisal")
            return len(piece.words) == 1 and len(piece.title) == 1 and registry.add_titled_given(
                piece.words[0], piece.title[0], piece.surface, _span(draft, para, piece)) is not None
    registry.add_person(piece.words, piece.surface, _span(draft, para, piece), roles)
    return True


def _body_before(text: str, previous: Piece | None, piece: Piece) -> str:
    """Return the body named right before a title and a name, whose office the title is ("IDF" of
    "IDF Spokesperson Brig. Gen. Effie Defrin-Levy", "Fifa" of "Fifa President Sepp Blatter"),
    or ""."""
    if not piece.title or previous is None or previous.kind != "body" \
            or text[previous.end:previous.end + 1] != " " \
            or text[previous.end:piece.start].split() != piece.title:
        return ""
    return previous.surface


_ORDINAL = re.compile(r" (?:1st|2nd|3rd|[4-9]th|First|Second|Third) $")


def _rank_opening(text: str, previous: Piece | None, piece: Piece) -> str:
    """Return a rank's words that a title piece and an ordinal stand for before a title ("Sgt 1st"
    of "Sgt. 1st Class Dana Ruiz", "Petty Officer 2nd" of "Petty Officer 2nd Class …": the run of
    capitals broke at the ordinal), or ""."""
    if previous is None or previous.kind != "title" or not piece.title:
        return ""
    m = _ORDINAL.fullmatch(text, previous.end, piece.end - len(piece.surface))
    if m is None or not piece.surface.startswith(piece.title[0]):
        return ""
    return " ".join([*(t.rstrip(".") for t in previous.title), m.group(0).strip()])


def _title_before(text: str, previous: Piece | None, piece: Piece) -> str | None:
    """Return the title standing before a name across a comma ("Defence Minister, Sergey Shoigu")."""
    if previous is None or previous.kind != "title":
        return None
    if text[previous.end:piece.start].strip() not in (",", ""):
        return None
    return " ".join(t.rstrip(".") for t in previous.title)


def _body_roles(text: str, piece: Piece, lex: Lexicon) -> list[str]:
    """Return a description written beside a body ("Carnegie Moscow Center think-tank", "Spanish
    daily ABC": another ABC than the broadcaster, the paper a later "the paper" points to)."""
    after = text[piece.end:piece.end + 30].split()
    if after:
        word = after[0].strip(",.;:").lower()
        if word in lex.type_words:
            return [word]
    before = text[max(0, piece.start - 20):piece.start].split()
    if before and before[-1] in lex.type_words and before[-1].isalpha():
        return [before[-1]]
    return []


def _numbered(draft: Draft, registry: Registry, para: Paragraph, lex: Lexicon) -> list[tuple[int, int]]:
    """Record the bodies whose names hold a digit ("BBC Radio 4", "Channel 4"), and return where."""
    if lex.numbered is None or not has_digit(para.text):
        return []
    found = []
    for m in numbered_in(lex, para.text):
        form = m.group()
        body = lex.bodies[form[4:] if form.startswith("The ") else form]
        registry.add_body(body.name, body.kind, form, Span(para.index, m.start(), m.end(),
                                                           draft.line_at(para, m.start())), [])
        found.append((m.start(), m.end()))
    return found


def _portfolios(draft: Draft, registry: Registry, para: Paragraph, lex: Lexicon,
                capitalised: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Record the ministries named by their portfolio and a lower-case head ("the defence
    ministry", "Russia's Interior ministry": Defence Ministry, Interior Ministry, as the capitalised
    form is) where the text cites them: a speech verb or "according to" beside them, or their
    spokesman ("a defence ministry spokesman said"); and return where.

    (In lower case the words are as often a description as a source: "an official in Indonesia's
    environment ministry", "the political science department".)
    """
    if lex.portfolio is None or ("ministry" not in para.text and "department" not in para.text):
        return _services(draft, registry, para, lex, capitalised)
    found = []
    text = para.text
    for m in lex.portfolio.finditer(text):
        start = m.start() - 4 if text[max(0, m.start() - 4):m.start()] in ("the ", "The ") else m.start()
        if not (cue_adjacent(text, start, m.end()) or voice_after(text, m.end())):
            continue
        name = " ".join(w[:1].upper() + w[1:] for w in m.group().split(" "))
        registry.add_body(name, "organisation", m.group(), Span(para.index, m.start(), m.end(),
                                                                draft.line_at(para, m.start())), [])
        found.append((m.start(), m.end()))
    return found + _services(draft, registry, para, lex, capitalised)


def _possessed(text: str, mark: str, heads: tuple[str, ...]) -> bool:
    """Return True where one of `heads` follows a possessive `mark` ("'s "): two scans of the
    text, where a test of each head word was four (2 % of the entities pass)."""
    at = text.find(mark)
    while at >= 0:
        if text.startswith(heads, at + len(mark)):
            return True
        at = text.find(mark, at + len(mark))
    return False


def _services(draft: Draft, registry: Registry, para: Paragraph, lex: Lexicon,
              capitalised: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Record a country's armed service named in lower case after its possessive, or after "the"
    and its people's adjective, where the text cites it ("Ukraine's air force said", "the
    Ukrainian air force said": Ukraine's Air Force, as the capitalised form is), and a country
    that speaks ("Russia insisted", "said China": its government); and return where. (Not
    "Russia's army advanced": a force in the story, no source.)"""
    text = para.text
    found = _countries(draft, registry, para, lex, capitalised)
    if lex.service is None:
        return found
    if _possessed(text, "'s ", lex.service_heads) or _possessed(text, "’s ", lex.service_heads):
        for m in lex.service.finditer(text):
            if m.group(1) in lex.places:
                _service_cited(draft, registry, para, m.group(1), m.group(2), m.start(), m.end(), found)
    return found


def _service_cited(draft: Draft, registry: Registry, para: Paragraph, country: str, service: str,
                   start: int, end: int, found: list[tuple[int, int]]) -> None:
    """Record "<country>'s <Service>" where a speech verb or a spokesman stands beside its words."""
    if not (cue_adjacent(para.text, start, end) or voice_after(para.text, end)):
        return
    name = f"{country}'s " + " ".join(w.capitalize() for w in service.split(" "))
    registry.add_body(name, "organisation", para.text[start:end],
                      Span(para.index, start, end, draft.line_at(para, start)), [])
    found.append((start, end))


_IN_PLACE = re.compile(r"(?:\b(?:in|from|of|at|across|to|for|on|with|and|or|near|by|against|about|the)|,) $")
"""A word before a country's name that makes it a place or a list's item ("officials in China said",
"France and Germany said"), no speaker of its own."""


_OPENING_WORDS = frozenset(("But", "And", "Yet", "So", "Now", "Still", "Also", "Then", "Meanwhile", "Instead",
                           "Later", "Earlier", "Separately", "However", "Today", "Yesterday", "Previously"))
"""Capitalised words before a country that open its sentence, not a name it ends ("But Russia said")."""


def _verb_before(text: str, start: int, lex: Lexicon) -> bool:
    """Return True where a verb of `country_verbs` is the word right before `start` ("said China.")."""
    words = text[max(0, start - 16):start].split()
    return bool(words) and words[-1] in lex.country_verbs


def _countries(draft: Draft, registry: Registry, para: Paragraph, lex: Lexicon,
               capitalised: list[tuple[int, str]]) -> list[tuple[int, int]]:
    """Record a country that speaks, by its name beside a speech verb ("Russia insisted", "said
    China."), as the body it stands for (its government), and a country's service after "the" and
    its people's adjective where the text cites it ("the Ukrainian air force said"); and return
    where. (Not one named in a person's name, "Elizabeth France said", nor a person the text calls
    by it: "Jordan said".)"""
    text = para.text
    if lex.country is None:
        return []
    found: list[tuple[int, int]] = []
    for m in country_matches(text, capitalised, lex):
        start, end = m.start(), m.end()
        if start and (text[start - 1].isalnum() or text[start - 1] in "'’-"):
            continue
        adjective = lex.countries.get(m.group())
        if adjective is not None:
            # "the Ukrainian air force said": the country's service, as "Ukraine's air force" is
            if text[max(0, start - 4):start] in ("the ", "The ") and lex.service_after is not None:
                service = lex.service_after.match(text, end)
                if service is not None:
                    _service_cited(draft, registry, para, adjective, service.group()[1:], start - 4,
                                   service.end(), found)
            continue
        # (the cheap tests first: most names stand beside no speech verb)
        if lex.country_verb is not None and lex.country_verb.match(text, end):
            before = text[max(0, start - 30):start].split()
            if _IN_PLACE.search(text, max(0, start - 9), start) \
                    or (before and before[-1][:1].isupper() and before[-1][-1:].isalpha()
                        and before[-1] not in _OPENING_WORDS):
                continue  # "officials in China said", "Telecoms ombudsman Elizabeth France said"
        elif text[end:end + 1] not in (",", ".", ";") or not _verb_before(text, start, lex):
            continue  # (not "said France coach Bernard Laporte": after its verb, it ends the clause)
        name = m.group()
        if registry.find_person([name]) is not None:
            continue  # "Jordan said" after Jim Jordan
        span = Span(para.index, start, end, draft.line_at(para, start))
        registry.add_body(name, "organisation", name, span, [])
        found.append((start, end))
    return found


_LABEL_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
"""A word of a name: letters, with hyphens or apostrophes inside ("O'NEILL", "JEAN-PAUL")."""


def _labelled(draft: Draft, registry: Registry, para: Paragraph, lex: Lexicon) -> list[tuple[int, int]]:
    """Record the person a transcript's label in capitals names ("KATE DONNELLY, CNN ANCHOR: …",
    "GOV. LAURA PRICE (R), ALABAMA: …"), with the office before the name and what follows it as
    roles, and return where the label stands. A name of one word ("ALBERS:") is a short form the
    text gives in full elsewhere, found as names are."""
    m = SPEAKER_LABEL.match(para.text)
    name = m.group("name") if m is not None else None
    if m is None or name is None or not name.isupper():
        return []
    words = name.split(" ")
    office = []
    while len(words) > 2 and (words[0].rstrip(".").capitalize() in lex.titles
                              or words[0].rstrip(".").capitalize() in lex.honorifics):
        office.append(words.pop(0).rstrip(".").capitalize())
    if len(words) == 2 and words[0].rstrip(".").capitalize() in lex.honorifics \
            and _LABEL_WORD.fullmatch(words[1]):
        words = words[1:]  # "MR OKAFOR:" is Okafor, as "said Mr Okafor" is
    elif len(words) < 2 or not all(_LABEL_WORD.fullmatch(w) for w in words):
        return []
    person = [w.title() for w in words]
    roles = [" ".join(lex.titles.get(w, w) for w in office)] if office else []  # ("Gov.": "Governor")
    # (", CNN ANCHOR", ", MOBILE, ALABAMA": what they are, or where from; a role only with a role word)
    for part in m.group(0)[m.end("name"):].strip(" :\t").split(","):
        words_of = part.split()
        if words_of and any(w.lower() in lex.roles for w in words_of):
            roles.append(" ".join(w if w in lex.bodies else w.lower() for w in words_of))
    start = m.start("name")
    span = Span(para.index, start, m.end("name"), draft.line_at(para, start))
    registry.add_person(person, name, span, roles)
    return [(start, m.end())]


def _span(draft: Draft, para: Paragraph, piece: Piece) -> Span:
    return Span(para.index, piece.start, piece.end, draft.line_at(para, piece.start))
