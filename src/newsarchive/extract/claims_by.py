"""Find who an article credits a claim to: a cue in its sentence, or the quote it stands in."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsarchive.extract.claims_clauses import Clause
from newsarchive.extract.draft import Draft, QuoteDraft
from newsarchive.extract.entities.lexicon import get_lexicon
from newsarchive.extract.entities.scan import UPPER
from newsarchive.extract.text import LOWER_LETTERS, alternation, apart
from newsarchive.lexicon import load_data

# A capitalised name of up to eight words ("the Economic Commission for Latin America and the
# Caribbean"), with an acronym in brackets after it; not a capitalised pronoun or article.
_NAME = (r"(?!(?:It|Its|They|We|I|This|That|These|Those|There|He|She|You|A|An|As)\b)(?:[Tt]he\s+)?(?!The\b)"
         rf"[{UPPER}][\w’'.&-]*(?:\s+(?:[\"“‘'][{UPPER}][\w’'.-]*[\"”’']\s+(?=[{UPPER}])"
         rf"|(?:of|for(?:\s+the)?|de|von|van|al|the|and|and\s+the)\s+)?[{UPPER}][\w’'.&-]*){{0,7}}"
         r"(?:\s+\([A-Z]{2,}\))?")
"""A name, whose words may open with a capital outside ASCII ("Mehmet Şimşekoğlu", "Özgür Çelik")
and may hold a nickname in quotation marks before a word of it ('Francis "Chiz" Escudero')."""
_FOR_THE = re.compile(r"\s+(?i:for\s+the)\s+")
_NICKNAME = re.compile(r"\s+(?:[\"“][^\"”\s]+[\"”]|[‘'][^’'\s]+[’'])(?=\s)")
_NO_SUBJECT = r"(?!(?:Most|Many|Some|All|Both|Several|Few|Other|Others|Each|Every|One|If|Let|Having)\b)"
"""Words that open a sentence and are no source: "Most (62%) said", "All told", "Let's say"."""
_WHEN = (r"(?:(?:[Ii]n|[Oo]n|[Bb]y)\s+(?:(?:early|late|mid-?)\s*)?"
         r"(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|October"
         r"|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+20\d\d)?"
         r"|(?:[Ll]ast|[Tt]his|[Ee]arlier\s+this)\s+(?:year|month|week))")
"""A time opening a sentence before its subject: "In 2004 IBM said", "On Monday, the firm said"."""
_OPENERS = (r"(?:(?:(?i:and|but|so|yet|now|however|meanwhile|indeed|still|also|earlier|later|separately|as"
            rf"|in\s+a\s+statement|in\s+a\s+report)|{_WHEN})\b,?\s+)*")


_NOT_BEFORE_NAME = (r"(?:a|an|the|its|his|her|their|our|my|your|this|that|new|some|one|in|on|at|for|with|"
                    r"to|by|from|of|through|since|after|before|during|over|under|about|many|several|most|"
                    r"other|released|published|issued|compiled|collected)")
"""Words that cannot describe a name right after "according to" ("tourism minister Sontaya
Kunplome", "research firm BloombergNEF"; not "its Paris lawyer", "reports through Jan. 31")."""


_NAME_ENDS = r"(?=\s*(?:[,.;:!?)”’\"]|$)|\s+(?:and|who|which|that|in|on|at|for|of|to|from|as)\b)"
"""Where a name after such words ends: "according to analysts IDC, …" (not "according to media and
PR strategist Glen Yearwood", "many local GOP officials")."""


_DESCRIBING = r"(?!(?:in|on|at|to|from|with|via|during|after|before|over|under|through|into)\s)"
"""What cannot open the words describing the name after an inverted cue ("said senior analyst Jo
Lin", "say researchers at BDO", "announced by the Commerce Department"): a preposition right after
the verb says where or to whom ("wrote in a post on X", "wrote in a memo to … Steve Linick")."""


_AUXILIARIES = "can|could|will|would|shall|should|may|might|must|is|are|was|were|has|have|had|does|did"
"""Words that make the words after "Name, a …," a clause of their own, not what the name is."""


_HONORIFICS = ("Mr", "Mrs", "Ms", "Dr")
"""With the months and weekdays of `claims.yaml`: capitalised words that do not start a source's
name after describing words ("a report Tuesday from WKOW", "a speech Mrs. Clinton delivered")."""
_AFTER_FINDING = "of|by|from|released|published|conducted|in|on|out|found|showed|shows|finds"
"""Words after a finding's noun that show the name before it is its author's ("a Washington
Post-ABC News survey released …"; not "a US research think-tank")."""


def _alt(words: Sequence[str], ignore_case: bool = False) -> str:
    """Return the words as an alternation, longest first (`ignore_case`: for use in `(?i:…)`)."""
    return alternation(sorted(words, key=len, reverse=True), ignore_case)


@dataclass(frozen=True, slots=True)
class Cues:
    """The compiled credit patterns."""

    subject: re.Pattern[str]
    """"X reported that …", "Kadyrov has been forced to admit …" at the start of a clause."""
    according: re.Pattern[str]
    """"according to X" anywhere."""
    after: re.Pattern[str]
    """", said X", "”, reported the paper", "…, X said"."""
    descriptions: frozenset[str]
    verb_heads: frozenset[str] | None
    """The letters each cue verb starts with, in lower case: a word `_LETTERS` finds in any text the
    verb stands in. None where a verb does not start with a letter (then there is no quick test)."""
    body_tail: re.Pattern[str]
    """A body's lower-case head after its capitalised name (`claims.yaml` `body_tails`): "according
    to the Interior ministry" credits the "Interior ministry", not "Interior"."""
    ministry: re.Pattern[str]
    """A ministry by its portfolio, whole: "Russia's defence ministry", "the Interior ministry"."""
    document: re.Pattern[str]
    """An owner's document and a cue verb at the start of a clause: "Sanders' fundraising email to
    supporters notes that …" (`claims.yaml` `documents`); the owner is group "who"."""

    def may_credit(self, text: str) -> bool:
        """Return False where `text` holds no cue verb and no "according to", so no pattern matches.

        Every pattern needs one, and most claims have neither: a set test on the words is much
        cheaper than the patterns' search.
        """
        if self.verb_heads is None:
            return True
        if text.isascii():
            # (O(1): str knows it.) ASCII letters fold alike in both cases, so the text's own
            # lower-cased letter runs are the words, without a case-insensitive scan and a join;
            # "according", all letters, stands in them where it stands in the lower-cased text.
            spaced = apart(text, LOWER_LETTERS)
            return "according" in spaced or not self.verb_heads.isdisjoint(spaced.split())
        # Runs of letters as the patterns' case-insensitive parts see them ("ſ", "K" included); a
        # verb always follows a space or a mark there, so it starts a run.
        words = " ".join(_LETTERS.findall(text))
        if not words.isascii():
            return True  # a letter the patterns fold to ASCII and str.lower() does not
        low = words.lower()
        return "according" in low or not self.verb_heads.isdisjoint(low.split(" "))

    def may_credit_words(self, lowered: str, words: list[str]) -> bool:
        """Return `may_credit(text)` for ASCII text, from its lower case and its words as the claims
        pass cuts them (`[a-z][a-z']*` and figures): its runs of letters are those words, cut at
        apostrophes ("didn't": "didn", "t")."""
        heads = self.verb_heads
        if heads is None or "according" in lowered or not heads.isdisjoint(words):
            return True
        return any(not heads.isdisjoint(w.split("'")) for w in words if "'" in w)


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = load_data("claims")
    verbs = _alt(data["cue_verbs"])
    fillers = _alt(data["cue_fillers"])
    descs = _alt(data["source_descriptions"])
    desc = rf"(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{descs})\b"
    # "Russia's defence ministry said", "The Defence ministry said": a ministry by its portfolio
    # (`organisations.yaml` `portfolios`), as the entities pass finds it
    orgs = load_data("organisations")
    # (and a country's armed service, `services`: "Ukraine's air force said", "the Ukrainian air
    # force said", by the adjectives of `countries`)
    ministry = rf"(?:(?:(?:[Tt]he|[A-Z][\w.-]*['’]s)\s+)?(?i:{_alt(orgs['portfolios'], True)})\s+" \
        rf"(?:{_alt(orgs['portfolio_heads'])})|[A-Z][a-z]+['’]s\s+(?:{_alt(orgs.get('services') or ())})" \
        rf"|[Tt]he\s+(?:{_alt(orgs.get('countries') or ())})\s+(?:{_alt(orgs.get('services') or ())}))\b"
    who = rf"(?P<who>{ministry}|{_NAME}|{desc}|(?i:he|she))"
    # "The shadow housing secretary, Tom Redfern, said": a lower-case description before the name
    # in apposition, which then takes a comma before the verb
    # (or a possessive one: "Chancellor Olaf Brenner's spokesman, Steffen Kuhlmann, told")
    # (or an office in capitals: "the Ranking Member on the Roads and Transport Committee, Hon.
    # Kwabena Owusu-Ansah, said", "SNP MSP for Dundee West, Iain Fotheringham, one of the two
    # rebels, said": what the name is may follow it)
    office = r"(?:[Tt]he\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:of|on|for)\s+" \
        r"(?:[\w'’&-]+\s+){0,6}?[A-Z][\w'’-]*"
    # ("a civil servant in Lagos, Mrs Funke Adeyemi, said": where the one described is, last; a
    # body's name may stand in the description: "A University of Sydney transport economist,
    # Professor Raj Mehta, said")
    body = r"(?:\s+[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and)\s+)?[A-Z][\w’'.&-]*){0,4})?"
    # (or a possessive determiner: "His daughter, Linda Prentiss-Cole, said", "Its lawyer, Hugh
    # Ray, told the court that")
    apposed = rf"(?P<apposed>(?:(?i:the|a|an){body}|(?i:his|her|their|its)|{_NAME}['’]s)\s+" \
        rf"(?:[a-z][\w-]*\s+){{0,4}}?" \
        rf"(?:[a-z][\w-]*|(?<=[a-z] )(?:in|at|from)\s+[A-Z][\w-]*),\s+" \
        rf"(?={_NAME},)|{office},\s+(?={_NAME},))?"
    what = r"(?:\s+(?=[a-z])[^,;.“”\"]{1,80},)?"  # (", one of the two rebels," after the name)
    age = r"(?:,\s+(?:aged\s+)?\d{1,3},)?"  # "Doris Whitworth, 82, said"
    findings = _alt(data.get("according_findings") or (), True)
    # "Defending, Richard Amis said", "Sentencing him, Judge Greaves said": the part the speaker
    # plays, before the name
    # ("Speaking to reporters in Ottawa, Sophie Lachance said", "Talking to Dawn, …": where; not
    # a gerund that is the subject of a verb: "Reading blogs remains more popular …, the survey found")
    finite = "is|are|was|were|remains?|has|have|had|will|would|can|could|may|might|should|must"
    part = rf"(?:[A-Z][a-z]+ing(?:\s+(?!(?:{finite})\b)[^,;.“”\"\s]+){{0,10}},\s+)?"
    # "Municipal commissioner Rajesh Kulkarni said", "A 2025 report from the Northfield Institute
    # found": what the name is, in lower case, or the finding it made
    calendar = [str(w).capitalize() for w in (*data["months"], *data["weekdays"], "may")]
    not_a_name = rf"(?!(?:{'|'.join((*_HONORIFICS, *calendar))})\b)"
    lower = rf"(?!(?:{_NOT_BEFORE_NAME}|and|or|but|nor)\b|[a-z]+ed\b)[a-z][\w-]*"  # (not "Biden rubbished")
    # (a capital first, then the capitalised stop words: a case-insensitive alternation tried at
    # every comma cost the claims pass 5 %)
    capitalised = "|".join(w.capitalize() for w in _NOT_BEFORE_NAME[3:-1].split("|"))
    # (the shape first, cheaply: a capitalised word, one or two lower-case ones, a capital)
    # ("Nakuru County Agriculture executive Dr Grace Wanjiru said": up to three capitalised words
    # first, an honorific after)
    # ("Anti-virus firm Sophos said": a hyphened word may open it)
    cap = r"(?:[A-Z][a-z]+(?:-[a-z]+)*|[A-Z]{2,6})"
    title = rf"(?=[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}}(?:\s+[a-z][\w-]*){{1,2}}\s+[A-Z])" \
        rf"(?!(?:{capitalised})\b)" \
        rf"{cap}(?:\s+{cap}){{0,2}}(?:\s+{lower}){{1,2}}\s+(?:(?:{'|'.join(_HONORIFICS)})\.?\s+)?" \
        rf"{not_a_name}(?=[A-Z])"
    # ("Former chief minister and JD(S) leader H D Kumaraswamy said", "Former minister and party
    # treasurer Jo Hale said": two jobs joined, the second perhaps after a party's name)
    joined = rf"(?=[A-Z][a-z]+(?:\s+[a-z][\w-]*){{1,2}}\s+and\s)[A-Z][a-z]+(?:\s+{lower}){{1,2}}\s+and\s+" \
        rf"(?:[A-Z][\w-]*(?:\([A-Z]\))?\s+)?{lower}(?:\s+{lower})?\s+{not_a_name}(?=[A-Z])"
    # (or a date's: "Last April's report by the Electoral Commission said", "Tuesday's survey by")
    made = rf"(?:(?i:a|an|the)|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?['’]s)\s+(?:(?:\d{{4}}|new|recent|latest)\s+)?" \
        rf"(?i:{findings})\s+(?:from|by)\s+"
    # ("Culture, Media and Sport Secretary Lisa Nandy said": a portfolio's list before the title)
    listed = rf"(?:{cap},\s+{cap}(?:,\s+{cap}){{0,2}},?\s+and\s+(?=[A-Z]))"
    # (`after` takes only the title)
    job = rf"(?:{title}|{listed}|{joined}|{made})?" if findings else f"(?:{title}|{listed}|{joined})?"
    # "Sen. Carla Ruesch (D-Ore.), who chairs the caucus's messaging arm, told …": the party and
    # state, a relative clause between the name and its verb
    # (or what the name is, in lower case: "John Smith, chief executive of Acme, said", or an office
    # in capitals: "Shri Pralhad Joshi, Union Minister for Consumer Affairs, said"; after an age,
    # the relative clause's comma is the age's: "Madam Siti Rahmah Ismail, 62, who lives in
    # Punggol, said")
    aside = r"(?:\s+\([^()]{1,30}\))?" \
        r"(?:(?:,|(?<=,))\s+(?:who|which|whose)\s+[^,;.“”\"]{1,80}," \
        r"|(?P<appos>,\s+(?:(?=[a-z])[^,;.“”\"]{1,100}" \
        rf"|{office}),))?"
    # ("Analysts at Nomura said", "economists at the Bank of England expect": the body they work for)
    plurals = _alt(data["staff_plurals"], True)
    staff = rf"(?:(?i:(?:[a-z]+\s+)?(?:{plurals}))\s+(?:at|from|with)\s+(?=[A-Z]|the\s+[A-Z]))?"
    subject = re.compile(rf"{_OPENERS}{part}{apposed}{job}{_NO_SUBJECT}{staff}{who}(?(apposed),{what})"
                         rf"{age}{aside}"
                         rf"\s+(?:(?:{fillers})\s+){{0,4}}(?:\w+ly\s+)?(?:{verbs})\b"
                         # (not "Currently, an entire project can take months, says Mr Dean";
                         # but "Ramesh Kumar, deputy police chief in Bombay, said Khan was …": a
                         # name the reported clause opens on, a word in lower case after it)
                         rf"(?(appos)(?!\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s*(?:[,.;:!?”\"]|$)))"
                         # (not a sum: "Ranasinghe and Sharma added 97 for the fifth wicket",
                         # "Stephen Jones added four conversions")
                         rf"(?!(?<=added)\s+(?:\d|(?:{_alt(data['number_words'])})\b))")
    # "according to data from research firm BloombergNEF", "according to a survey by the CBI"
    words = rf"(?:(?!{_NOT_BEFORE_NAME}\s)[a-z][\w-]*\s+)"
    # (and "figures published on Thursday by the Spanish Ministry of Housing")
    # (the name then ends where a name does: not "the UK" of "by the UK gaming industry's trade body")
    put_out = r"(?P<put>(?:published|released|issued|compiled)\s+(?:(?:on|last|this)\s+[A-Za-z]+\s+)?)?"
    finding = rf"(?:(?i:(?:a|an|the|new|latest|official)\s+){{0,2}}(?i:{findings})\s+{put_out}" \
        r"(?i:from|by|of)\s+)?" if findings else ""
    put_end = rf"|(?(put){_NAME_ENDS})" if findings else ""
    # ("according to tourism minister Sontaya Kunplome", "to a Washington Post-ABC News survey",
    # "to the think tank Autonomy"; after "the", a people's or a place's word may open them: "the
    # French news agency AFP"; with no "the", a place's word too: "according to US research
    # think-tank Pew", "according to BBC business editor Robert Peston", "Dutch newspaper De Telegraaf")
    described = rf"(?P<pre>(?:(?i:a|an)\s+{words}{{0,3}}?|(?i:the)\s+(?:[A-Z][a-z]+\s+)?{words}{{1,3}}?" \
        rf"|(?:[A-Z][A-Za-z]+\s+)?{words}{{1,3}}?)(?=[A-Z]))?"
    according = re.compile(rf"(?i:according\s+to)\s+{finding}{described}"
                           rf"(?(pre){not_a_name})(?P<who>{ministry}|{_NAME}|{desc}|(?:him|her)(?=,))"
                           rf"(?(pre)(?=[/-]|\s+(?i:{findings})(?:[,.;:]|\s+(?:{_AFTER_FINDING})\b)|{_NAME_ENDS})"
                           rf"{put_end})")
    told = {str(v) for v in data.get("object_verbs") or ()}
    inverted = _alt([v for v in data["cue_verbs"] if str(v) not in told], True)
    # ("…, Kremlin Spokesman Dmitry Peskarev told reporters on Tuesday.": the one told, after the verb)
    # ("…, the Department for Transport has announced": an auxiliary before it)
    listener = r"(?:(?:(?<=told)|(?<=tells))\s+" \
        r"(?:reporters|journalists|(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}))?"
    # ("…, the Associated Press news agency reported.": what the name is, after it)
    kind = rf"(?:\s+(?:[a-z][\w-]*\s+)?(?:{descs}))?"
    after = re.compile(
        rf"[,”’\"]\s*(?:(?i:{inverted})\s+(?:(?P<desc>{desc})|(?:{_DESCRIBING}[a-z][\w-]*\s+(?:[a-z][\w-]*\s+){{0,3}}?)?(?P<name>{_NAME}))"
        rf"|(?:{title})?{staff}(?P<subj>{ministry}|{_NAME}|{desc}|(?i:he|she)){kind}\s+(?:ha[sd]\s+|have\s+)?(?:{verbs})\b{listener})"
        rf"(?=\s*(?:[,.;:!?”\"]|$|\s+(?:in|for|of|on|at|to|from|speaking|who|which|that)\b"
        # (a day after the verb: "…, Law Adviser Mohammad Bhuiyan said yesterday.", "…, he said Tuesday.")
        rf"|\s+(?i:yesterday|today|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s*[,.;:!?]))")
    heads = [re.match(r"[a-z]+", str(v).split(" ", 1)[0].lower()) for v in data["cue_verbs"]]
    verb_heads = None if not all(heads) else frozenset(h.group() for h in heads if h)
    # ("Sanders' fundraising email to supporters notes that": its owner; a word or two may describe
    # it, and whom it went to follow it)
    document = re.compile(rf"{_OPENERS}(?P<who>{_NAME})['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}?"
                          rf"(?:{_alt(data.get('documents') or ())})"
                          rf"(?:\s+(?:to|for|on)\s+(?:the\s+)?[a-z][\w-]*)?"
                          rf"\s+(?:(?:{fillers})\s+){{0,3}}(?:{verbs})\b")
    return Cues(subject, according, after, frozenset(str(d) for d in data["source_descriptions"]),
                verb_heads, re.compile(rf" (?:{_alt(data['body_tails'])})\b"), re.compile(ministry), document)


_LETTERS = re.compile(r"(?i)[a-z]+")
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?[a-z]+$")


def _active(m: re.Match[str] | None) -> re.Match[str] | None:
    """Return a subject's match unless its verb is passive: "Davis, who was married to actress
    Ruby Dee, was found dead" credits no one ("has been forced to admit" is active)."""
    return None if m is None or _PASSIVE.search(m.group(0)) else m


_QUOTE_MIN_WORDS = 4
_SENTENCE_CUES = frozenset(("said-X", "X-said", "description", "according-to"))
"""The cues attribution finds in a quotation's own sentence."""
_CARRIED = frozenset(("paragraph", "continued"))
"""The cues by which a quotation keeps the speaker of the one before: no cue in its sentence."""
_ACRONYM = re.compile(r"\s+\([A-Z]{2,}\)$")
_POSSESSIVE = re.compile(r"'s$")
_ARTICLE = re.compile(r"^(?:the|this|that)\s+", re.IGNORECASE)
_LOWER_ARTICLE = re.compile(r"^(?:the|this|that)\s+")  # lower case: not part of the name


def _norm(name: str) -> str:
    # (Each pattern only where a substring test says it can match: most names need none of them.)
    if ")" in name:
        name = _ACRONYM.sub("", name)
    if "\"" in name or "“" in name or "‘" in name:
        name = _NICKNAME.sub("", name)  # ('Francis "Chiz" Escudero': the name without the nickname)
    name = name.replace("’", "'").strip(" ,.;:'\"")
    if "'s" in name:
        name = _POSSESSIVE.sub("", name)
    if name.startswith(("t", "T")):  # (no other letter folds to "t")
        name = _ARTICLE.sub("", name)
    return name.casefold()


class Resolver:
    """Turn the words of a cue into the canonical name the entity pass chose.

    The look-up tables are built on first use: most clauses credit nobody.
    """

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self._alias: dict[str, str] | None = None
        self.last_word: dict[str, set[str]] = {}
        self._marks: dict[bool, list[tuple[int, int, str]]] | None = None
        self.keys: dict[bool, list[tuple[int, int]]] = {}
        self.longer: dict[str, str | None] = {}
        self._last_sentence: SentenceScan | None = None
        self._credited: tuple[int, tuple[int, int], str] | None = None
        """The paragraph, sentence and person of the last clause credited to a person."""

    @property
    def alias(self) -> dict[str, str]:
        if self._alias is None:
            self._alias = {}
            for name, ent in self.draft.entities.items():
                for form in (name, *ent.aliases):
                    self._alias.setdefault(_norm(form), name)
                self.last_word.setdefault(_norm(name).split(" ")[-1], set()).add(name)
        return self._alias

    @property
    def marks(self) -> dict[bool, list[tuple[int, int, str]]]:
        """Every mention's (paragraph, start, name) in order, people's under True, others' under False.

        Kept apart so that `nearest` finds the last of a kind by one bisection: walking back past
        the other kind was quadratic in a paragraph naming thousands of people and no body.
        """
        if self._marks is None:
            self._marks = {True: [], False: []}
            for name, ent in self.draft.entities.items():
                for m in ent.mentions:
                    self._marks[ent.kind == "person"].append((m.span.paragraph, m.span.start, name))
            for person, marks in self._marks.items():
                marks.sort()
                self.keys[person] = [(p, s) for p, s, _ in marks]
        return self._marks

    def canonical(self, words: str) -> str:
        """Return the entity name these words stand for, or the words themselves, tidied."""
        key = _norm(words)
        alias = self.alias
        if key in alias:
            return alias[key]
        last = words.rsplit(" ", 1)
        if len(last) == 2 and last[1] in get_lexicon().postnominals and _norm(last[0]) in alias:
            return alias[_norm(last[0])]  # "Bethan Morgan-Lloyd MS", "Peter Ainsworth MP": the person
        if " for the " in key:
            # "Chart-Track for the Entertainment and Leisure Software …" (no name the article knows,
            # as "Office for the Coordination of Humanitarian Affairs" is): the first name
            return self.canonical(_FOR_THE.split(words, 1)[0])
        if " of " in key:
            # "Choi Min-jung of Seoul National University said": the person, not where they work
            person = alias.get(key.split(" of ", 1)[0])
            if person is not None and self.draft.entities[person].kind == "person":
                return person
            # "the Ministry of Trade, Industry and Energy": a body whose name lists its portfolios
            listing = {name for form, name in alias.items() if form.startswith(f"{key}, ")}
            if len(listing) == 1:
                return next(iter(listing))
        # "Metropolitan Police Commissioner Sir John Stevens": the longest known name it ends with.
        parts = key.split(" ")
        if parts[0] in get_lexicon().trades and " ".join(parts[1:]) in alias:
            return alias[" ".join(parts[1:])]  # "Bookmaker Ladbrokes": the company, without its trade
        for i in range(1, len(parts) - 1):
            tail = " ".join(parts[i:])
            if tail in alias:
                return alias[tail]
        # "the Mail" → "Daily Mail", "Kadyrov" → "Ramzan Kadyrov", where only one name fits.
        fits = self.last_word.get(parts[-1], set()) if key else set()
        if len(fits) == 1 and (" " not in key or parts[0] in {"mr", "mrs", "ms", "dr", "prof"}):
            return next(iter(fits))
        if key and " " not in key:
            longer = self._longer_form(key)
            if longer:
                return longer
        return _LOWER_ARTICLE.sub("", words.strip()).replace("’s", "").strip(" ,.;:")

    def person(self, words: str) -> str | None:
        """Return the person these words name ("TOM ALBERS", "ALBERS"), or None where the article
        names no one by them."""
        key = _norm(words)
        name = self.alias.get(key)
        if name is None:
            fits = self.last_word.get(key.split(" ")[-1], set())
            name = next(iter(fits)) if len(fits) == 1 else None
        entity = self.draft.entities.get(name) if name is not None else None
        return name if entity is not None and entity.kind == "person" else None

    def _longer_form(self, word: str) -> str | None:
        """Return the one longer name ending in `word` the article uses ("Daily Mail" for "Mail")."""
        if word not in self.longer:
            found: set[str] = set()
            pattern = re.compile(rf"\b((?:[A-Z][\w’'&-]*\s+){{1,3}})(?i:{re.escape(word)})\b")
            for para in self.draft.doc.paragraphs:
                for m in pattern.finditer(para.text):
                    lead = [w for w in m.group(1).split() if w[:1].isupper() and w.lower() != "the"]
                    if lead and all(w[:1].isupper() for w in m.group(1).split()):
                        found.add(" ".join([*lead, m.group(0).split()[-1]]))
            self.longer[word] = next(iter(found)) if len(found) == 1 else None
        return self.longer[word]

    def nearest(self, paragraph: int, start: int, person: bool) -> str | None:
        """Return the last entity of that kind named before this point, if any."""
        marks = self.marks[person]
        i = bisect_left(self.keys[person], (paragraph, start))
        return marks[i - 1][2] if i > 0 else None

    def _quoted_before(self, paragraph: int, at: int, quotes: ParagraphQuotes,
                       gender: str | None) -> str | None:
        """Return the speaker of the paragraph's last quotation before a pronoun, where no person
        is named between them: "“… a government that has wasted people's money …” The Tories, he
        said, can cut crime …" is Michael Howard's, not Mr Blair's, named before the quotation."""
        q = quotes.last_before(at)
        if q is None or q.speaker is None:
            return None
        entity = self.draft.entities.get(q.speaker)
        if entity is None or entity.kind != "person":
            return None
        marks, keys = self.marks[True], self.keys[True]
        if any(name != q.speaker for _, _, name in marks[bisect_left(keys, (paragraph, q.end)) :
                                                           bisect_left(keys, (paragraph, at))]):
            return None
        if gender is not None and get_lexicon().gender(q.speaker.split(" ", 1)[0]) not in (None, gender):
            return None
        return q.speaker

    def _still_speaking(self, paragraph: int, at: int, gender: str | None) -> str | None:
        """Return the person the paragraph's last credited sentence before this one is theirs,
        where every person named since is named inside that sentence: "Bill Bruch … said he called
        Haugland …. Now, he says, …" is Bruch still, not Haugland (the pronoun pass's rule)."""
        last = self._credited
        if last is None or last[0] != paragraph or not last[1][1] <= at:
            return None
        marks = self.marks[True]
        i = bisect_left(self.keys[True], (paragraph, at))
        if i == 0 or marks[i - 1][:2] < (paragraph, last[1][0]):
            return None  # (no one named since the sentence opened: the nearest is as good)
        if any(m[1] >= last[1][1] for m in marks[bisect_left(self.keys[True], (paragraph, last[1][1])) : i]):
            return None  # (someone named after that sentence: "Federer dropped a set. He said")
        if gender is not None and get_lexicon().gender(last[2].split(" ", 1)[0]) not in (None, gender):
            return None
        return last[2]

    def _nearest_person(self, paragraph: int, start: int, gender: str | None) -> str | None:
        """Return the last person named before this point whose given name does not contradict
        the pronoun's gender ("He recalled that …" is not Diane Okafor's, named last), among the
        last `_FITTING` named; None where none fits."""
        marks = self.marks[True]
        i = bisect_left(self.keys[True], (paragraph, start))
        lex = get_lexicon()
        fitting = [m for m in reversed(marks[max(0, i - _FITTING) : i])
                   if gender is None or lex.gender(m[2].split(" ", 1)[0]) in (None, gender)]
        if not fitting:
            return None
        other = next((m for m in fitting if m[2] != fitting[0][2]), None)
        if other is not None and other[0] == fitting[0][0] == paragraph \
                and self._governed(paragraph, fitting[0][1]) and not self._governed(paragraph, other[1]):
            # "Mr. Trump had hardly uttered a word about Mr. Clinton. In 1999, he said …": the
            # subject before, not the object of a preposition named last
            return other[2]
        return fitting[0][2]

    def _unnamed_voice_before(self, paragraph: int, start: int) -> bool:
        """Return True where the sentence before the one at `start`, in its paragraph, has a voice
        the text leaves unnamed for its subject and names no person: "The spokesman declined to
        comment …. He said No 10 …" is the spokesman's, not the minister's named before."""
        text = self.draft.doc.paragraphs[paragraph].text
        head = text[max(0, start - _VOICE_REACH):start].rstrip()
        if not head.endswith((".", ".”", '."')):
            return False
        opened = max(head.rfind(". ", 0, len(head) - 2), head.rfind(".” ", 0, len(head) - 2),
                     head.rfind('." ', 0, len(head) - 2))
        if opened < 0:
            return False
        m = _VOICE_OPENS.match(head, opened + 1)
        if m is None or m.group(1).lower() not in _anonymous():
            return False
        at = start - len(text[max(0, start - _VOICE_REACH):start]) + m.start()
        marks, keys = self.marks[True], self.keys[True]
        return not marks[bisect_left(keys, (paragraph, at)):bisect_left(keys, (paragraph, start))]

    def _governed(self, paragraph: int, start: int) -> bool:
        """Return True where a preposition stands right before a mention (an honorific between)."""
        before = self.draft.doc.paragraphs[paragraph].text[max(0, start - 24):start].split()[-2:]
        if before and before[-1][:1].isupper():
            before = before[:-1]  # ("about Mr. Clinton")
        return bool(before) and before[-1] in _GOVERNING

    def nearest_fitting(self, paragraph: int, start: int, description: list[str]) -> str | None:
        """Return the nearest earlier body whose name, role or words just before a mention hold
        the description's words ("the campaign group": "chair of the campaign group Better Rail"),
        among the last `_FITTING` named; else the nearest body."""
        marks = self.marks[False]
        i = bisect_left(self.keys[False], (paragraph, start))
        words = [w for w in description[1:] if w not in ("the", "this", "that")]
        if len(words) > 1:
            for _, _, name in reversed(marks[max(0, i - _FITTING) : i]):
                entity = self.draft.entities[name]
                paragraphs = self.draft.doc.paragraphs
                held = " ".join((name, *entity.roles, *(
                    paragraphs[m.span.paragraph].text[max(0, m.span.start - 40) : m.span.start]
                    for m in entity.mentions[:_FITTING]))).casefold()
                if all(w in held for w in words):
                    return name
        # (the nearest of its kind: "the paper said" an outlet; "the company said" no outlet, not
        # the "Reuters" or "BBC" a quotation was told to; "the survey found" may be either's)
        head = words[-1] if words else ""
        if len(words) == 1 and head not in _MEDIA and head not in _FIRMS:
            # "…, the ministry said" with a university named since: the nearest body of that name
            # ("Finance Ministry"), where one of the last named is, unless the lexicon describes
            # it so and a body it describes so is nearer ("The party says" after the Lib Dems is
            # theirs, not the Conservative Party's named before)
            bodies = get_lexicon().bodies
            recent = marks[max(0, i - _FITTING) : i]
            named = next((name for _, _, name in reversed(recent) if head in name.casefold().split()), None)
            described = next((name for _, _, name in reversed(recent)
                              if name in bodies and head in bodies[name].describe), None)
            if named is not None and (named not in bodies or head not in bodies[named].describe):
                return named
            # (else "The agency said …" after WHO and its "Contingency Fund for Emergencies": the
            # nearest body the lexicon describes so)
            if described is not None:
                return described
        if head in _STATES:
            # (a country named among the last is its government's: "On Friday, the government
            # said …" after "Indonesia"; any other body is not)
            countries = frozenset(get_lexicon().countries.values())
            return next((name for _, _, name in reversed(marks[max(0, i - _FITTING) : i])
                         if name in countries), None)
        if head in _MEDIA or head in _FIRMS:
            for _, _, name in reversed(marks[max(0, i - _FITTING) : i]):
                body = self.draft.entities.get(name)
                if body is not None and (body.kind == "outlet") == (head in _MEDIA):
                    return name
        return marks[i - 1][2] if i > 0 else None

    def credit(self, paragraph: int, text: str, clause: Clause, quotes: ParagraphQuotes,
               words: tuple[str, list[str]] | None = None) -> str | None:
        """Return who the article credits the clause to, or None where the writer asserts it.

        `words`: for ASCII text, the clause in lower case and its words as the claims pass cuts
        them, which tell whether any pattern can match without cutting the text again.
        """
        by = self._credit(paragraph, text, clause, quotes, words)
        if by is not None:
            entity = self.draft.entities.get(by)
            if entity is not None and entity.kind == "person":
                self._credited = (paragraph, clause.sentence, by)
        return by

    def _credit(self, paragraph: int, text: str, clause: Clause, quotes: ParagraphQuotes,
                words: tuple[str, list[str]] | None) -> str | None:
        """Return who the article credits the clause to (`credit`), by the clause's own words.

        `words`: for ASCII text, the clause in lower case and its words as the claims pass cuts
        them, which tell whether any pattern can match without cutting the text again.
        """
        near = quotes.overlapping(clause.start, clause.end)
        # A claim inside a quotation is the speaker's.
        for q in near:
            if q.speaker and q.kind != "scare" and q.start <= clause.start and clause.end <= q.end + 1:
                return q.speaker
        c = cues()
        m = None
        if clause.aside or clause.sentence == (clause.start, clause.end):
            a, b = clause.start, clause.end
            if c.may_credit(text[a:b]) if words is None else c.may_credit_words(*words):
                m = self.subject(text, a, b) or c.according.search(text, a, b) or c.after.search(text, a, b) \
                    or c.document.match(text, a, b)
        else:
            # The clause's sentence is searched as well: once for all its clauses (a run-together
            # paragraph with no full stop is one sentence of thousands of clauses).
            sentence = self._sentence(paragraph, text, clause.sentence)
            if sentence.may:
                m = self.subject(text, clause.start, clause.end) or sentence.found(self.subject) \
                    or c.document.match(text, clause.start, clause.end)
        if m:
            who = m.group("who") if "who" in m.re.groupindex else (m.group("desc") or m.group("name")
                                                                    or m.group("subj"))
            start = m.start("who") if "who" in m.re.groupindex else m.start()
            if "who" in m.re.groupindex:
                tail = c.body_tail.match(text, m.end("who"))
                # (not after a possessive: "according to a statement from Mr Spitzer's office" is
                # his, not an "office" of that name)
                if tail is not None and not who.endswith(("'s", "’s")):
                    # "according to the Interior ministry": not "Interior", nor a description
                    who = _ARTICLE.sub("", who) + tail.group()
            # (after "according to", an epithet may be an adjective: "the French news agency AFP")
            found = self._who(who, paragraph, start, quotes, clause, epithet=m.re is not c.according)
            described = who.split(" ", 1)[0].lower() in ("the", "this", "that") and who.split()[-1].islower()
            after_clause = "subj" in m.re.groupindex and bool(m.group("subj"))
            opening = who[:1] == "T" and who.split()[-1] not in _findings()
            entity = self.draft.entities.get(found) if found is not None else None
            if found is not None and described and (after_clause or opening) \
                    and not _fits(who, found, entity.kind if entity is not None else None):
                # "…, the court announced", "The committee found …" opening a sentence: not the
                # last body named, unless it is a court, a committee ("The report said" is the
                # last body's, as "the report said" is)
                return None
            return found
        lede = self.draft.lede
        if lede is not None and paragraph == 0 and _lede_cue(lede[0]).search(text, clause.start, clause.end):
            return lede[1]  # "…, the health secretary has said." with John Reid named below
        # A clause that holds some of a speaker's words is theirs; not a two-word title or term,
        # unless a cue in the sentence gave them ("Bethan Morgan-Lloyd MS, said the First Minister
        # was “in denial” about …", "the Labour leader said her party would “never” …").
        # Not a writer's sentence that only frames a few words a speaker carried over from before
        # ("The Labour party has committed itself to “universal, affordable and flexible”
        # childcare …" after Jacqui Smith's quotation is the writer's).
        for q in near:
            if q.speaker and q.kind != "scare" and q.start < clause.end and clause.start < q.end and \
                    (q.cue in _SENTENCE_CUES or len(text[q.start : q.end].split()) >= _QUOTE_MIN_WORDS) \
                    and not (q.kind == "partial" and q.cue in _CARRIED
                             and 2 * (min(q.end, clause.end) - max(q.start, clause.start))
                             < clause.end - clause.start):
                return q.speaker
        return None

    def subject(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """Match a subject and its verb at `start`; one followed by a lower-case apposition only
        where the subject is a name the article knows ("John Smith, chief executive of Acme,
        said"; not "The Roman Catholic Archbishop of Cardiff, the Most Reverend Peter Smith, told")
        and no "according to" later names the source."""
        c = cues()
        m = _active(c.subject.match(text, start, end))
        if m is not None and m.group("appos") is not None and (
                _norm(m.group("who")) not in self.alias or c.according.search(text, m.end(), end)):
            return None  # ("De Blasio, however, has found himself …, according to spokesperson Monica Klein")
        return m

    def _sentence(self, paragraph: int, text: str, sentence: tuple[int, int]) -> SentenceScan:
        """Return the crediting patterns' view of a sentence, kept for the next clause of it."""
        last = self._last_sentence
        if last is None or last.paragraph != paragraph or last.span != sentence:
            last = self._last_sentence = SentenceScan(paragraph, text, sentence)
        return last

    def _who(self, who: str, paragraph: int, at: int, quotes: ParagraphQuotes,
             clause: Clause, epithet: bool = True) -> str | None:
        lowered = who.casefold()
        is_pronoun = lowered in {"he", "she", "him", "her"}  # ("According to him, …")
        # "The Spaniard added that …", "the Minister said": an epithet or a title alone stands for a
        # person as a pronoun does (not "The Australian" where the text names that paper)
        parts = who.split()
        lex = get_lexicon()
        lede = self.draft.lede
        if lede is not None and paragraph == 0 and len(parts) >= 2 and parts[0] in ("the", "The") \
                and parts[-1].lower() in lede[0].split() and _norm(who) not in self.alias:
            # "…, the health secretary has said." with John Reid named below: the lede's holder
            return lede[1]
        # (a title after its portfolio too: "the Trade and Industry Secretary has said"; not a
        # body's name that ends on one: "the US Department of Justice")
        is_pronoun = is_pronoun or (epithet and len(parts) >= 2 and parts[0] in ("the", "The")
                                    and _norm(who) not in self.alias
                                    and ((len(parts) == 2 and lex.is_epithet(parts[1]))
                                         or (parts[-1] in lex.titles and "of" not in parts)))
        # "the Ynys Môn MS said", "the Tory MP added": a member by seat or party stands for a person
        # as a pronoun does, not for a source of those words
        is_pronoun = is_pronoun or (len(parts) >= 2 and parts[0] in ("the", "The")
                                    and parts[-1] in lex.postnominals and parts[-1][-1:] != "s"
                                    and _norm(who) not in self.alias)
        # (a description is in lower case: "the commission", not "The Kenya Human Rights Commission")
        is_desc = not is_pronoun and lowered.split(" ", 1)[0] in {"the", "this", "that"} and \
            lowered.split()[-1] in cues().descriptions and who.split()[-1][:1].islower()
        if is_desc and cues().ministry.fullmatch(who):
            # "the defence ministry": the body the entities pass found so, else the words
            return self.alias.get(_norm(who)) or self.canonical(who)
        if not (is_pronoun or is_desc):
            if who in _groups() and _norm(who) not in self.alias:
                return None  # "Researchers say …", "Analysts said": people the text does not name
            return self.canonical(who)
        # "said the paper", "he said": the speaker of a quote in the sentence, else the nearest
        # earlier name of the right kind ("the campaign group": the nearest body the text calls a
        # group, where one is near).
        if is_pronoun:
            # (or the speaker of words quoted in the clause: "“… I now fear it may happen,” he
            # told the Tampa Bay Times", a quotation opened a sentence before)
            # (or, opening the article, the holder of the office the lede gives: "…, the Trade
            # and Industry Secretary has said." with Patricia Hewitt named below)
            lede = self.draft.lede
            ledes = lede is not None and paragraph == 0 and parts[-1].lower() in lede[0].split()
            in_sentence = quotes.speaker_in(clause.sentence) or next(
                (q.speaker for q in quotes.overlapping(clause.start, clause.end)
                 if q.speaker and q.kind != "scare"), None)
            if in_sentence is None and self._unnamed_voice_before(paragraph, clause.sentence[0]):
                return None
            return in_sentence or next(
                (q.speaker for q in quotes.overlapping(clause.start, clause.end)
                 if q.speaker and q.kind != "scare"), None) \
                or self._quoted_before(paragraph, at, quotes, _GENDERS.get(lowered)) \
                or self._still_speaking(paragraph, at, _GENDERS.get(lowered)) \
                or self._nearest_person(paragraph, at, _GENDERS.get(lowered)) \
                or (lede[1] if lede is not None and ledes else None)
        return quotes.speaker_in(clause.sentence) or self.nearest_fitting(paragraph, at, lowered.split())


@lru_cache(maxsize=16)
def _lede_cue(role: str) -> re.Pattern[str]:
    """Return "the <role> said", in lower case, as the lede's description of its holder words it
    ("the health secretary has said"; `Draft.lede`)."""
    verbs = _alt(load_data("claims")["cue_verbs"])
    return re.compile(rf"\b[Tt]he\s+(?:[a-z][\w-]*\s+){{0,3}}?{re.escape(role)}\s+(?:(?:has|have|had)\s+)?"
                      rf"(?:{verbs})\b")


_GENDERS = {"he": "male", "him": "male", "she": "female", "her": "female"}


_MEDIA = frozenset(("paper", "newspaper", "magazine", "daily", "weekly", "tabloid", "broadsheet", "outlet",
                    "broadcaster", "channel", "journal", "publication"))
"""Descriptions of a medium, which point back to an outlet."""
_FIRMS = frozenset(("company", "firm", "bank", "utility", "startup", "carmaker", "airline", "retailer",
                    "insurer", "lender"))
"""Descriptions of a firm, which point back to a body that is no outlet."""
_STATES = frozenset(("government", "administration", "regime", "cabinet"))
"""Descriptions of a state's government, which only a body named or described so fits: "Last
month, the government said …" with only a firm named before is no one's, not the firm's."""
_FITTING = 12
"""How many bodies back a description looks for one it fits."""
_GOVERNING = frozenset(("about", "of", "for", "with", "against", "from", "by", "on", "at", "over"))
"""Prepositions whose object a pronoun after it seldom means where a subject was named before (not
"to": "According to Pat Ferguson, …. He added" is his)."""


_VOICE_REACH = 300
"""How far back the sentence before a pronoun is read for an unnamed voice as its subject."""
_VOICE_OPENS = re.compile(r"[”\"]?\s+(?:The|A|An)\s+(?:[\w’'-]+\s+){0,3}?([a-z]+)\s+[a-z]+(?:ed|s)\b")
"""A sentence whose subject is a description and its verb: "The spokesman declined", "A Home
Office spokeswoman said" (its head word, group 1, one of `cues.yaml`'s `anonymous`)."""


@lru_cache(maxsize=1)
def _anonymous() -> frozenset[str]:
    """Roles that stand for someone the text does not name (`cues.yaml` `anonymous`)."""
    return frozenset(str(w) for w in load_data("cues").get("anonymous") or ())


@lru_cache(maxsize=1)
def _findings() -> frozenset[str]:
    """Nouns for a body's findings (`claims.yaml`'s `according_findings`: "report", "survey")."""
    return frozenset(str(w) for w in load_data("claims").get("according_findings") or ())


@lru_cache(maxsize=1)
def _groups() -> frozenset[str]:
    """Plural words for people that open a sentence capitalised and are never a name
    ("Researchers", "Officials", "Analysts"; from `names.yaml`'s `not_names`)."""
    return frozenset(w for w in map(str, load_data("names").get("not_names") or ())
                     if w.endswith("s") and w[1:].islower())


_ANY_BODY = frozenset(("company", "firm", "group", "organisation", "organization", "body", "statement",
                       "station", "paper", "newspaper", "magazine", "agency", "network", "broadcaster",
                       "channel", "website", "site", "union", "club", "charity", "utility", "startup"))
"""Descriptions that fit the last body named whatever its name ("the company said", "the station
said", "the utility said"; not "the court", "the survey", "the budget office", which need their
word in the name)."""


def _fits(description: str, name: str, kind: str | None) -> bool:
    """Return True where a body fits a description after a clause ("…, the bank said": Bank of
    England), which then speaks for the last body named, as "said the company" does: by its name,
    by the lexicon's words for it ("The party says": the Liberal Democrats), or, for a firm's word,
    as a body that is no outlet ("The airline said": Ryanair)."""
    head = description.split()[-1].lower()
    if head in _ANY_BODY or head in name.lower():
        return True
    body = get_lexicon().bodies.get(name)
    if body is not None and head in body.describe:
        return True
    # (a firm's word fits a body the lexicon knows as a company: not "the bank said" for the
    # Senate named last)
    return head in _FIRMS and kind == "organisation" and body is not None and "company" in body.describe


class SentenceScan:
    """What crediting asks of one sentence: whether any pattern can match (`Cues.may_credit`) and,
    worked out on first need, the first match of a subject at its start, "according to" or an
    "…, said X" in it."""

    def __init__(self, paragraph: int, text: str, span: tuple[int, int]) -> None:
        self.paragraph = paragraph
        self.text = text
        self.span = span
        self.may = cues().may_credit(text[span[0] : span[1]])
        self.looked = False
        self.match: re.Match[str] | None = None

    def found(self, subject: Callable[[str, int, int], re.Match[str] | None]) -> re.Match[str] | None:
        if not self.looked:
            c, (a, b), text = cues(), self.span, self.text
            self.match = subject(text, a, b) or c.according.search(text, a, b) or c.after.search(text, a, b)
            self.looked = True
        return self.match


class ParagraphQuotes:
    """A paragraph's quotes, as crediting asks for them: those overlapping each clause, taken in
    order, and the speaker of the first quote with one in a sentence.

    Crediting looks only at quotes near the clause; handing it every quote of the paragraph made
    the claims pass quadratic in a paragraph of thousands of quotes. One sweep over the quotes by
    start keeps those still open.
    """

    def __init__(self, quotes: Sequence[QuoteDraft]) -> None:
        self.quotes = quotes
        self.order = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
        self.starts = [quotes[i].start for i in self.order]
        self.taken = 0
        self.open: list[int] = []
        self.since = -1
        self.sentence = (-1, -1)
        self.speaker: str | None = None

    def overlapping(self, start: int, end: int) -> list[QuoteDraft]:
        """Return the quotes that start before `end` and end at `start` or after, in the
        paragraph's order. Calls must come in the order of their stretches."""
        quotes, order = self.quotes, self.order
        if not quotes:
            return []
        if start < self.since:  # (not in order: start the sweep again)
            self.taken, self.open = 0, []
        self.since = start
        while self.taken < len(order) and quotes[order[self.taken]].start < end:
            self.open.append(order[self.taken])
            self.taken += 1
        self.open = [i for i in self.open if quotes[i].end >= start]
        return [quotes[i] for i in sorted(self.open)]

    def last_before(self, at: int) -> QuoteDraft | None:
        """Return the last quotation with a speaker that ends before `at`, or None."""
        for i in reversed(self.order[: bisect_left(self.starts, at)]):
            q = self.quotes[i]
            if q.end <= at and q.speaker and q.kind != "scare":
                return q
        return None

    def speaker_in(self, sentence: tuple[int, int]) -> str | None:
        """Return the speaker of the first quote (in the paragraph's order) with one that starts
        in the sentence."""
        if sentence != self.sentence:
            lo, hi = bisect_left(self.starts, sentence[0]), bisect_left(self.starts, sentence[1])
            first = min((i for i in self.order[lo:hi] if self.quotes[i].speaker), default=None)
            self.sentence = sentence
            self.speaker = None if first is None else self.quotes[first].speaker
        return self.speaker
