"""The name lexicons (outlets, organisations, titles, given names) as lookup tables."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from newsarchive.extract.text import alternation
from newsarchive.lexicon import data_generation, load_data

SourceType = str
"""An outlet's kind in `outlets.yaml` ("newspaper", "magazine", "think-tank", …)."""


@dataclass(frozen=True, slots=True)
class Body:
    """A known outlet or organisation: its canonical name, kind and the words that point back to it."""

    name: str
    kind: str
    """"outlet" or "organisation" (the record's kind)."""
    type: SourceType
    """The finer kind: "newspaper", "agency", "think-tank", "organisation"."""
    describe: frozenset[str]
    """Descriptions that point back to it once named ("paper", "foreign affairs magazine")."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the entity and attribution passes look names up in."""

    bodies: dict[str, Body]
    """Surface form (without a leading "The") → the body it names."""
    ambiguous: frozenset[str]
    """Forms that count as an outlet only after "the" or a medium word."""
    org_heads: frozenset[str]
    org_leads: frozenset[str]
    places: frozenset[str]
    """Countries, regions and cities (`places.yaml`): a name that is one is no person."""
    surname_heads: frozenset[str]
    """Head words that are surnames too: "Guy Chambers" is a person, "British Chambers" a body."""
    not_bodies: frozenset[str]
    honorifics: frozenset[str]
    titles: dict[str, str]
    """Title words and phrases (abbreviations included) → the role they give."""
    max_title_words: int
    title_starts: frozenset[str]
    """First words of titles, honorifics and capitalised roles: a quick test before a full match."""
    weak_titles: frozenset[str]
    roles: frozenset[str]
    female: frozenset[str]
    male: frozenset[str]
    not_names: frozenset[str]
    not_surnames: frozenset[str]
    cue_surnames: frozenset[str]
    """Words of `not_surnames` that name places and are surnames too ("Park", "Street", "Court"):
    a surname after a given name only where a cue word stands beside it ("said Linda Park")."""
    surname_first: frozenset[str]
    """Chinese, Korean and Vietnamese surnames, which open a name written surname first."""
    epithets: frozenset[str]
    works: frozenset[str]
    """Words for a work ("film", "musical"): the name right after one is a title, no person."""
    """Words that, after "the", stand for a person already named ("the Scot said")."""
    """Words of `not_names` that are never a surname, even after a given name."""
    type_words: dict[str, frozenset[str]]
    """Description word ("paper") → the outlet types it can point back to."""
    abbrevs: frozenset[str]
    """Words that may carry a full stop inside a name ("Sen.", "Dr.", "Jr.")."""
    modifier_endings: frozenset[str]
    """What may follow a hyphen in a capitalised word that is a modifier ("Bush-style")."""
    mediums: dict[str, str]
    """Word for a medium ("magazine") → the outlet type a new name right after it is."""
    medium_ends: frozenset[str]
    """The last word of every form of `mediums`: a quick test before a full one."""
    given: frozenset[str] = frozenset()
    """`female` and `male` together: every given name."""
    body_starts: frozenset[str] = frozenset()
    """First words of the forms in `bodies`: most capitalised words start none, and are passed
    over without building the phrases a full match would look up."""
    numbered: re.Pattern[str] | None = None
    """The forms in `bodies` with a digit in them ("Radio 4", "Channel 4", "5 Live"), which runs of
    capitalised words never hold: found in the text by this pattern instead."""
    numbered_gate: tuple[re.Pattern[str], str, int, int] | None = None
    """A pattern for the digits of `numbered`'s forms, those digits, how far before the first of
    them a match of `numbered` may start, and how far past the last a match and its look-ahead
    may read (`numbered_in`)."""
    postnominals: frozenset[str] = frozenset()
    products: frozenset[str] = frozenset()
    """Nouns for a product or business right after a name ("the Bloglines website"): no person."""
    domain: re.Pattern[str] | None = None
    """A web domain's end right after a name (`organisations.yaml` `domains`): ".com", ".co.uk"."""
    personal_after: frozenset[str] = frozenset()
    """Words a person's name modifies after "the" (`names.yaml` `personal_after`: "the Clinton
    campaign"), where no other name stands after "the"."""
    country_codes: frozenset[str] = frozenset()
    """Two-letter codes of countries that open a body's name ("UK Coal", `organisations.yaml`
    `country_codes`)."""
    country_tails: frozenset[str] = frozenset()
    """Country words that end a body's name after a plain capitalised word ("Water UK")."""
    place_tails: frozenset[str] = frozenset()
    """Places `places` leaves out as surnames that may end a body's name after its head word
    ("Imperial College London", `organisations.yaml` `place_tails`)."""
    place_leads: frozenset[str] = frozenset()
    """Words that open a body's name before a country's, the whole run the body ("Statistics
    Canada", "Statistics South Africa": a national statistics office; `organisations.yaml`)."""
    name_leads: frozenset[str] = frozenset()
    """Words of other languages that open a body's name with no "of" after them, the whole run
    the body ("Banca Adriatica", "Banco Pichincha", "Partito Liberale"; `organisations.yaml`)."""
    portfolios: frozenset[str] = frozenset()
    """A government's portfolios, lower-case (`organisations.yaml` `portfolios`: "finance",
    "treasury"): two joined by "and" before a title are an office's words."""
    platforms: frozenset[str] = frozenset()
    """Social platforms' names (`organisations.yaml` `platforms`): before a word of
    `platform_media` ("a Facebook post") the place something was said, no source."""
    platform_media: frozenset[str] = frozenset()
    portfolio: re.Pattern[str] | None = None
    """A government's portfolio before a lower-case "ministry" or "department" (`organisations.yaml`
    `portfolios`, `portfolio_heads`): "the defence ministry", "Russia's Interior ministry"."""
    service: re.Pattern[str] | None = None
    """A country's armed service in lower case after its possessive (`organisations.yaml`
    `services`): "Ukraine's air force", "Taiwan's coast guard"; the country is group 1."""
    service_heads: tuple[str, ...] = ()
    countries: dict[str, str] = field(default_factory=dict)
    """A country by its people's adjective (`organisations.yaml` `countries`: "Ukrainian": "Ukraine")."""
    service_after: re.Pattern[str] | None = None
    """A service right after a country's adjective: " air force" of "the Ukrainian air force"."""
    country: re.Pattern[str] | None = None
    """A country of `countries` by name or by its people's adjective ("Russia", "North Korea",
    "Ukrainian"): one scan finds both."""
    country_words: frozenset[str] = frozenset()
    """The first words of `country`'s names (and each with a full stop, as a run of capitals
    takes an abbreviation's): where it is not empty, the runs of capitals the pass cuts hold every
    place `country` can match (`_country_words`), and the pattern is tried only there."""
    country_verb: re.Pattern[str] | None = None
    """A speech verb of `country_verbs` right after a name, perhaps after "has": " has said"."""
    country_verbs: frozenset[str] = frozenset()
    """The verbs that make a country beside them a speaker (`organisations.yaml` `country_verbs`)."""
    """The services' words: only a paragraph with one right after "'s " is matched."""
    place_bodies: frozenset[str] = frozenset()
    """Bodies named as a place that takes "the" is (`organisations.yaml` `place_bodies`): after
    "the" or a people's word the place is meant ("the Amazon", "the Brazilian Amazon")."""
    trades: frozenset[str] = frozenset()
    """A business's trade in a word no person's job is (`organisations.yaml` `trades`): opening a
    run, it makes the name after it a company's ("Bookmaker Ladbrokes", "Carmaker Rover")."""
    shared_trades: frozenset[str] = frozenset()
    """A business's trade in a word that is a person's job too (`organisations.yaml`
    `shared_trades`: "Promoter Live Nation"): opening a run, it makes a company of two or three
    words after it where none is a given name ("Promoter Frank Warren" is a person)."""
    speaking_heads: frozenset[str] = frozenset()
    """Words that end a body's name only where the name speaks or has a spokesperson
    (`organisations.yaml` `speaking_heads`: "Nordvik Line said", not "the West Coast Main Line")."""
    staff: frozenset[str] = frozenset()
    """Words for a body's people that make a one-word name before them a body (`organisations.yaml`
    `staff`: "Shell boss", "Segas chairman")."""
    members: dict[str, str] = field(default_factory=dict)
    """A word for a body's member → the body's kind (`organisations.yaml` `members`: "singer" →
    "band")."""
    member_kinds: frozenset[str] = frozenset()
    """Capitalised words before a member's word that say what kind, no body's name ("Rock singer")."""
    outlet_heads: frozenset[str] = frozenset()
    """Words that end an outlet's name no list holds ("Arab News"): a newspaper, by default."""
    title_surnames: frozenset[str] = frozenset()
    """Title words that are surnames too, as the last word after an honorific ("Mr King")."""
    services: frozenset[str] = frozenset()
    """A service before a name ("Marine", "Navy SEAL"; `titles.yaml` `services`): a title where a
    given name follows it."""
    shared_roles: frozenset[str] = frozenset()
    """Roles a company holds as well as a person ("rival", "partner"): no evidence of a person alone."""
    """Letters after a name ("MP", "QC", "OBE"): "Peter Ainsworth MP, said" is his."""

    def is_epithet(self, word: str) -> bool:
        """Return True for a word that after "the" stands for a person: "Dutchman", "Brazilian", "Scot"."""
        return word in self.epithets or (word.endswith(_EPITHET_ENDINGS) and word not in self.not_surnames)

    def gender(self, word: str) -> str | None:
        """Return "female"/"male" for a given name or honorific, None when unknown."""
        if word in self.female:
            return "female"
        if word in self.male:
            return "male"
        return None


def _words(items: Any) -> frozenset[str]:
    return frozenset(str(x) for x in items or ())


def _bodies(outlets: dict[str, Any],
            orgs: dict[str, Any]) -> tuple[dict[str, Body], dict[str, frozenset[str]]]:
    types: dict[str, set[str]] = {}
    for typ, words in (outlets.get("descriptions") or {}).items():
        for w in words or ():
            types.setdefault(str(w), set()).add(str(typ))
    bodies: dict[str, Body] = {}
    for entry in outlets.get("outlets") or ():
        typ = str(entry.get("kind", "website"))
        kind = "organisation" if typ in ("think-tank", "pollster") else "outlet"
        body = Body(str(entry["name"]), kind, typ, _words(entry.get("describe")))
        for form in [entry["name"], *(entry.get("aliases") or ())]:
            bodies.setdefault(_strip_the(str(form)), body)
    for entry in orgs.get("known") or ():
        body = Body(str(entry["name"]), "organisation", "organisation", _words(entry.get("describe")))
        for form in [entry["name"], *(entry.get("aliases") or ())]:
            bodies.setdefault(_strip_the(str(form)), body)
    for group, words in (("companies", _COMPANY_WORDS), ("clubs", _CLUB_WORDS)):
        for item in orgs.get(group) or ():
            entry = item if isinstance(item, dict) else {"name": item}
            own = _words(entry.get("describe"))
            body = Body(str(entry["name"]), "organisation", "organisation", words | own)
            for form in [entry["name"], *(entry.get("aliases") or ())]:
                bodies.setdefault(_strip_the(str(form)), body)
    return bodies, {w: frozenset(t) for w, t in types.items()}


_COMPANY_WORDS = frozenset(("company", "firm", "group"))
_CLUB_WORDS = frozenset(("club",))


def _domain(ends: frozenset[str]) -> re.Pattern[str] | None:
    if not ends:
        return None
    alt = "|".join(re.escape(e) for e in sorted(ends, key=len, reverse=True))
    return re.compile(rf"\.(?:{alt})(?![\w.-]*\w)")


def _portfolio(portfolios: frozenset[str], heads: frozenset[str]) -> re.Pattern[str] | None:
    if not portfolios or not heads:
        return None
    alt = alternation(sorted(portfolios, key=len, reverse=True), ignore_case=True, spaces=r"\ ")
    # The portfolio in either case ("defence", "Defence"), the head in lower case: a capitalised
    # "Defence Ministry" is a name the runs find.
    head = "|".join(re.escape(h) for h in sorted(heads))
    return re.compile(rf"(?<![\w'’-])((?i:{alt})) (?:{head})\b")


def _service(services: frozenset[str]) -> re.Pattern[str] | None:
    if not services:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(services, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s ({alt})\b(?![-\w]| [A-Z])")


def _service_after(services: frozenset[str]) -> re.Pattern[str] | None:
    return re.compile(rf" (?:{_longest_first(services)})\b(?![-\w]| [A-Z])") if services else None


def _speaking(words: Iterable[str]) -> re.Pattern[str] | None:
    # (the names alone, grouped by their first letter: the scan tries one branch where a capital
    # stands, not every name; the verb is looked at after)
    names = list(words)
    return re.compile(rf"(?:{_longest_first(names)})(?![\w'’-])") if names else None


_PLAIN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def _country_words(names: set[str]) -> frozenset[str]:
    """Return the names' first words, each also with a full stop, where every name is plain words
    of letters, each capitalised, and no word after a name's first opens a name; else nothing.

    Then a match of `country` starts where a word of a run of capitals (`scan.find_runs`) is one
    of them, or right after a character no run starts after (".", "_", "&"), and no match hides
    another's start, as a scan of the whole text would skip it ("North Korea" of "xNorth Korea"
    would hide a "Korea").
    """
    if not all(_PLAIN_NAME.fullmatch(n) for n in names):
        return frozenset()
    firsts = {n.split(" ", 1)[0] for n in names}
    if any(w in firsts for n in names for w in n.split(" ")[1:]):
        return frozenset()
    return frozenset(firsts | {f"{w}." for w in firsts})


def _verb_after(verbs: frozenset[str]) -> re.Pattern[str] | None:
    return re.compile(rf" (?:(?:has|have|had|also) )?(?:{_longest_first(verbs)})\b") if verbs else None


def _longest_first(words: Iterable[str]) -> str:
    """Return the words as an alternation, longest first, grouped by first letter
    (`text.alternation`); a space in a word matches one space."""
    return alternation(sorted(words, key=len, reverse=True), spaces=" ")


def _strip_the(form: str) -> str:
    return form[4:] if form[:4] in ("The ", "the ") else form


def _with_plain_spellings(places: frozenset[str], given: frozenset[str]) -> frozenset[str]:
    """Return the places with each name written with accents also in plain letters, as English
    news writes them ("Zürich" is "Zurich", "Malmö" "Malmo"); not where that spelling is a given
    name ("León" is no reason to read "Leon said" as a place)."""
    plain = set(places)
    for place in places:
        if place.isascii():
            continue
        folded = unicodedata.normalize("NFKD", place).encode("ascii", "ignore").decode("ascii")
        if folded and folded not in given and len(folded) == len(unicodedata.normalize("NFC", place)):
            plain.add(folded)
    return frozenset(plain)


def _build(outlets: dict[str, Any], orgs: dict[str, Any], titles: dict[str, Any],
           names: dict[str, Any], census: dict[str, Any], places: dict[str, Any]) -> Lexicon:
    bodies, type_words = _bodies(outlets, orgs)
    countries = {str(k): str(v) for k, v in (orgs.get("countries") or {}).items()}
    # The hand-kept lists (names.yaml) come first: a census name is only added where they lack it.
    female = _words(names.get("female")) | _words(titles.get("female"))
    male = _words(names.get("male")) | _words(titles.get("male"))
    either = _words(census.get("given")) - female - male
    census_female, census_male = _words(census.get("female")) - male, _words(census.get("male")) - female
    female, male = female | census_female, male | census_male
    title_map = {str(k): str(v) for k, v in (titles.get("titles") or {}).items()}
    return Lexicon(
        bodies=bodies,
        ambiguous=_words(outlets.get("ambiguous")),
        org_heads=_words(orgs.get("heads")),
        org_leads=_words(orgs.get("leads")),
        surname_heads=_words(orgs.get("surname_heads")),
        not_bodies=_words(orgs.get("not_bodies")),
        honorifics=_words(titles.get("honorifics")),
        titles=title_map,
        weak_titles=_words(titles.get("weak_titles")),
        services=_words(titles.get("services")),
        title_starts=frozenset({t.split(" ", 1)[0] for t in title_map}
                               | {h.split(" ", 1)[0] for h in _words(titles.get("honorifics"))}
                               | {t.split(" ", 1)[0] for t in _words(titles.get("services"))}
                               | {r.capitalize() for r in _words(titles.get("roles")) if " " not in r}),
        max_title_words=max((len(t.split()) for t in (*title_map, *_words(titles.get("honorifics")))),
                            default=1),
        roles=_words(titles.get("roles")),
        female=female,
        male=male,
        given=female | male | either,
        not_names=_words(names.get("not_names")),
        not_surnames=_words(names.get("not_surnames")),
        cue_surnames=_words(names.get("cue_surnames")),
        surname_first=_words(names.get("surname_first")),
        epithets=_words(names.get("epithets")),
        works=_words(names.get("works")),
        type_words=type_words,
        modifier_endings=_words(names.get("modifier_endings")),
        mediums={str(w): str(typ) for typ, words in (outlets.get("mediums") or {}).items()
                 for w in words or ()},
        medium_ends=frozenset(str(w).rsplit(" ", 1)[-1] for words in (outlets.get("mediums") or {}).values()
                              for w in words or ()),
        # (a title's short form takes a full stop, "Gov. Smith"; a whole word does not: "says Mr Dean. Then")
        abbrevs=frozenset({t for t, full in title_map.items() if " " not in t and t != full}
                          | _words(titles.get("honorifics"))
                          | {"Jr", "Sr", "St", "Mt", "Ft", "Inc", "Corp", "Ltd", "Co", "Ma"}),
        body_starts=frozenset(form.split(" ", 1)[0] for form in bodies),
        numbered=_numbered(bodies),
        numbered_gate=_numbered_gate(bodies),
        places=_with_plain_spellings(_words(places.get("places")), female | male | either),
        postnominals=_words(titles.get("postnominals")),
        shared_roles=_words(titles.get("shared_roles")),
        products=_words(names.get("products")),
        title_surnames=_words(titles.get("surnames")),
        outlet_heads=_words(outlets.get("heads")),
        staff=_words(orgs.get("staff")),
        members={str(w): str(kind)
                 for kind, words in (orgs.get("members") or {}).items() for w in words or ()},
        member_kinds=_words(orgs.get("member_kinds")),
        country_codes=_words(orgs.get("country_codes")),
        country_tails=_words(orgs.get("country_tails")),
        place_tails=_words(orgs.get("place_tails")),
        place_leads=_words(orgs.get("place_leads")),
        name_leads=_words(orgs.get("name_leads")),
        portfolios=_words(orgs.get("portfolios")),
        platforms=_words(orgs.get("platforms")),
        platform_media=_words(orgs.get("platform_media")),
        portfolio=_portfolio(_words(orgs.get("portfolios")), _words(orgs.get("portfolio_heads"))),
        service=_service(_words(orgs.get("services"))),
        service_heads=tuple(sorted(_words(orgs.get("services")))),
        countries=countries,
        service_after=_service_after(_words(orgs.get("services"))),
        country=_speaking({*countries, *countries.values()}),
        country_words=_country_words({*countries, *countries.values()}),
        country_verb=_verb_after(_words(orgs.get("country_verbs"))),
        country_verbs=_words(orgs.get("country_verbs")),
        place_bodies=_words(orgs.get("place_bodies")),
        trades=_words(orgs.get("trades")),
        shared_trades=_words(orgs.get("shared_trades")),
        speaking_heads=_words(orgs.get("speaking_heads")),
        personal_after=_words(names.get("personal_after")),
        domain=_domain(_words(orgs.get("domains"))),
    )


def _numbered_forms(bodies: dict[str, Body]) -> list[str]:
    """The forms with a digit, longest first (a form of digits alone, "538", is any number in
    the text: left out)."""
    return sorted((f for f in bodies if any(c.isdigit() for c in f) and any(c.isalpha() for c in f)),
                  key=len, reverse=True)


def _numbered_gate(bodies: dict[str, Body]) -> tuple[re.Pattern[str], str, int, int] | None:
    forms = _numbered_forms(bodies)
    if not forms:
        return None
    digits = "".join(sorted({c for f in forms for c in f if c.isdigit()}))
    # ("The " may open a match before the form: four characters more)
    lead = 4 + max(next(i for i, c in enumerate(f) if c.isdigit()) for f in forms)
    # (a match is "The", a space and a form at most; its look-ahead reads two characters past it)
    reach = 4 + max(len(f) for f in forms) + 2
    return re.compile("[" + re.escape(digits) + "]"), digits, lead, reach


def numbered_in(lex: Lexicon, text: str) -> list[re.Match[str]]:
    """Return the matches of `lex.numbered` in the text, as `finditer` gives them.

    The pattern is tried only from where a match could hold the next digit of its forms: every
    match holds one, at most `lead` characters from its start, so none starts before that digit's
    position less `lead`, nor after the paragraph's last such digit: the search stops as far past
    that one as a match starting there can read (`reach`). (Most paragraphs with a digit name no
    such body; the pattern tried at each capital cost ~24,000 instructions a paragraph, and
    searched on to the paragraph's end from its first digit, ~24,000 still.)
    """
    out: list[re.Match[str]] = []
    if lex.numbered is None or lex.numbered_gate is None:
        return out
    digit, digits, lead, reach = lex.numbered_gate
    last = max([text.rfind(c) for c in digits])
    if last < 0:
        return out
    # (in the text cut there, the look-ahead may see an end that is not there: a match starting
    # past the last digit is none)
    endpos = last + 1 + reach
    pos = 0
    while True:
        d = digit.search(text, pos)
        if d is None:
            return out
        # (look-behinds still see the text before the position searched from)
        m = lex.numbered.search(text, max(pos, d.start() - lead), endpos)
        if m is None or m.start() > last:
            return out
        out.append(m)
        pos = m.end()


def _numbered(bodies: dict[str, Body]) -> re.Pattern[str] | None:
    forms = _numbered_forms(bodies)
    if not forms:
        return None
    alternation = "|".join(re.escape(f) for f in forms)
    # Opened by a character class (each form's first character, and the T of "The"), so the
    # engine skips to candidates; a pattern opened by a look-behind is tried at every character
    # (3.5x slower over the BBC paragraphs with a digit, same matches). The look-behinds then say
    # which character was taken, as in `scan._run_re`.
    by_first: dict[str, list[str]] = {}
    for f in forms:
        by_first.setdefault(f[0], []).append(re.escape(f[1:]))
    firsts = "".join(re.escape(c) for c in sorted({*by_first, "T"}))
    rests = "|".join(rf"(?<={re.escape(c)})(?:{'|'.join(group)})" for c, group in sorted(by_first.items()))
    return re.compile(rf"[{firsts}](?<![\w-](?s:.))(?:(?<=T)he\s(?:{alternation})|{rests})(?![\w-]|[.,]\d)")


_EPITHET_ENDINGS = ("man", "woman", "ian", "ese", "ean", "yan")

_built: list[tuple[int, Lexicon]] = []


def get_lexicon() -> Lexicon:
    """Return the lexicon built from the data files in use (rebuilt when they change)."""
    # Asked twice for every article: the data's generation (which moves when a user lexicon
    # folder is added) says whether the tables still hold, without six look-ups of the files.
    generation = data_generation()
    if _built and _built[0][0] == generation:
        return _built[0][1]
    lexicon = _build(load_data("outlets"), load_data("organisations"), load_data("titles"),
                     load_data("names"), load_data("given_names"), load_data("places"))
    _built[:] = [(generation, lexicon)]
    return lexicon
