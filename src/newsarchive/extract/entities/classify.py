"""Split a run of capitalised words into named things: bodies, titles and person names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsarchive.extract.entities.lexicon import Body, Lexicon
from newsarchive.extract.entities.scan import JOINING, NAME_PARTICLES, PATRONYMICS, Run, initial_at, kin_named
from newsarchive.lexicon import load_data, load_words

# Words before an ambiguous outlet form ("Times", "Post") that show a medium is meant.
_MEDIUM_BEFORE = re.compile(r"(?:\b(?:the|The|told|to|on|in|with|by|for|from|according to)\s+)$")


_CROSSING = re.compile(r"\b(?:across|crossing|crossed|cross|sides?\s+of|beneath)\s+the\s+$")
"""Words before "the" and a name that make it a place one crosses ("across the Atlantic")."""


# Sentence openers that are capitalised only for that ("A European Parliament committee").
# Closed-class words that open a sentence before a run of names: no part of a title or a body.
FUNCTION_WORDS = frozenset(("A", "An", "The", "This", "That", "These", "Those", "But", "And", "Or", "So",
                             "In", "On", "At", "For", "From", "With", "By", "As", "If", "When", "While",
                             "Although", "Though", "Because", "However", "Meanwhile", "Yet", "Now", "Then",
                             "Still", "Also", "Even", "Once", "Unless", "Whether", "Since", "Until", "After",
                             "Before", "During", "Like", "Unlike", "Where", "Why", "How", "What", "Who",
                             "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                             "Earlier", "Later", "Yesterday", "Today", "Separately", "Elsewhere",
                             "Previously", "Recently", "Initially", "Finally", "About", "Against",
                             "Among", "Amid", "Around", "Despite", "Through", "Without", "Within", "Across",
                             "Between"))


# (init=False and an __init__ of our own: mypyc compiles it, and makes one per object far faster
# than the __init__ dataclasses writes, which runs as Python.)
@dataclass(slots=True, init=False)
class Piece:
    """One named thing found in a run."""

    kind: str
    """"body", "name" (a person candidate) or "title" (a title with no name after it)."""
    start: int
    end: int
    words: list[str]
    """The name's words (titles and honorifics removed)."""
    surface: str
    """The words as written, titles included ("Dr Karena Avedissian")."""
    body: Body | None
    title: list[str]
    """Title words before the name, as written ("Defence", "Minister")."""
    honorific: str | None
    possessive: bool
    initial: bool

    def __init__(self, kind: str, start: int, end: int, words: list[str], surface: str,
                 body: Body | None = None, title: list[str] | None = None, honorific: str | None = None,
                 possessive: bool = False, initial: bool = False) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.words = words
        self.surface = surface
        self.body = body
        self.title = [] if title is None else title
        self.honorific = honorific
        self.possessive = possessive
        self.initial = initial

    @property
    def name(self) -> str:
        return " ".join(self.words)


def _key(word: str) -> str:
    return word[:-1] if word.endswith(".") and len(word) > 2 else word


def _name_word(word: str) -> str:
    """Return a word as a name keeps it: without an abbreviation's full stop ("Jr."), but with
    initials' ("M.A. Siddique", "T.R.B. Rajaa"; "R. Vasanthi") and a given name's short form, as a
    Filipino name writes "María" ("Jose Ma. Abad")."""
    initials = len(word) % 2 == 0 and word[1::2] == "." * (len(word) // 2)
    return word[:-1] if len(word) > 2 and word.endswith(".") and not initials and word != "Ma." else word


_MEDIA_JOBS = frozenset(("editor", "columnist", "reporter", "correspondent", "critic", "writer", "journalist",
                         "publisher", "owner", "proprietor", "cartoonist", "sketchwriter", "commentator"))
"""Roles an outlet gives ("The Spectator editor"): the outlet is named, not described."""
_nouns_cache: list[tuple[Lexicon, frozenset[str]]] = []


def _noun_words(lex: Lexicon) -> frozenset[str]:
    """Words for a firm or a role ("firm", "government", "minister"), after which an ambiguous
    outlet form is an adjective."""
    if not _nouns_cache or _nouns_cache[0][0] is not lex:
        cues = load_data("cues")
        nouns = frozenset(str(w) for w in cues.get("firm_heads") or ()) | lex.roles
        _nouns_cache[:] = [(lex, nouns - _MEDIA_JOBS)]
    return _nouns_cache[0][1]


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    cues = load_data("cues")
    return frozenset(str(w) for w in cues.get("verbs") or () if " " not in str(w))


_PlanPiece = tuple[str, int, int, int, list[str], list[str], str | None, Body | None]
"""A piece by word index: (kind, first word, end word, first word of the surface, name words,
title words, honorific, body). Offsets are added per mention."""
_Plan = tuple[_PlanPiece, ...]

_PLAN_CACHE_SIZE = 50_000
_plans: dict[str, _Plan] = {}
_plans_lex: list[Lexicon] = []


def split_run(run: Run, text: str, lex: Lexicon) -> list[Piece]:
    """Return the bodies, titles and candidate person names a run of capitalised words holds."""
    # The same runs recur ("Mr Blair", "Labour", "Prime Minister Tony Blair"): how a run splits
    # depends on its words alone, except where an ambiguous outlet form needs the text around it,
    # so the split is worked out once per distinct run and replayed at this run's offsets.
    if not _plans_lex or _plans_lex[0] is not lex:
        _plans.clear()
        _plans_lex[:] = [lex]
    # (Keyed by the words joined, which the run has already: a tuple of them cost building and
    # hashing a tuple for every run, and comparing it word by word.)
    key = run.text
    plan = _plans.get(key)
    if plan is None:
        plan, pure = _plan(run.words, run.offsets, text, lex)
        if pure:
            if len(_plans) >= _PLAN_CACHE_SIZE:
                _plans.clear()
            _plans[key] = plan
    words, offs = run.words, run.offsets
    pieces = []
    for kind, i, end, first, name, title, honorific, body in plan:
        start = offs[i] if kind != "title" else offs[first]
        stop = offs[end - 1] + len(words[end - 1])
        if kind == "name":
            surface = text[offs[first]:stop]
            pieces.append(Piece(kind, start, stop, name, surface, title=title, honorific=honorific,
                                initial=run.initial and i == 0))
        elif kind == "body":
            pieces.append(Piece(kind, start, stop, name, " ".join(name), body=body))
        else:
            pieces.append(Piece(kind, start, stop, [], " ".join(title), title=title))
    if pieces and run.possessive:
        pieces[-1].possessive = True
    return pieces


def _after_honorific(words: list[str], i: int, honorific: str | None) -> bool:
    """Return True for a word right after an honorific: a surname, though a common name or a
    people's ("Mr Irish", "Mrs English", "Mr Street")."""
    return honorific is not None and i > 0 and _key(words[i - 1]) == honorific \
        and words[i].lower() not in JOINING and words[i] not in FUNCTION_WORDS  # ("Lord Of the Rings")


def _role_word_before(text: str, start: int, lex: Lexicon) -> bool:
    """Return True where the word right before `start` is a role in lower case ("agent ")."""
    if start < 2 or text[start - 1] != " ":
        return False
    word = text[max(0, start - 24):start - 1].rsplit(" ", 1)[-1]
    return word.islower() and word in lex.roles


def _plan(words: list[str], offs: list[int], text: str, lex: Lexicon) -> tuple[_Plan, bool]:
    """Return how a run splits into pieces, and False where that depended on the text around it."""
    n = len(words)
    if n <= 2 and all(w in lex.postnominals for w in words):
        return (), True  # ("J. Kumaragurubaran, IAS, said": a name's letters, set apart by commas)
    pieces: list[_PlanPiece] = []
    title: list[str] = []
    title_start = -1
    honorific: str | None = None
    pure = True
    after_of = of_title = False
    i = 0
    if (words[0].lower() in lex.trades and n >= 2) or (words[0].lower() in lex.shared_trades and n >= 3
                                                        and not any(w in lex.given for w in words[1:])):
        traded = _traded(words, lex)
        if traded is not None:  # "Bookmaker Ladbrokes said": the trade is no part of the name
            return (("body", 1, n, 1, words[1:], [], None, traded),), True
    while i < n:
        w = words[i]
        if w in ("The", "the") or (i == 0 and w in ("A", "An") and n > 1):
            i += 1  # ("A Tory spokesman said": the article opens the sentence, no name)
            continue
        body_end, body = _match_body(words, i, lex)
        if body is None and i + 1 < n and w in lex.country_codes and _coded_body(words, i, lex):
            i += 1  # "the US Securities and Exchange Commission": the code is no part of a known body
            continue
        if body is None and i + 1 < n and not (title or honorific) \
                and (w in lex.places or _nationality(w, lex) or w.endswith("ish")):
            # "the Kenya Red Cross", "the British Red Cross": a country's branch of a known body
            tail_end, tail = _match_body(words, i + 1, lex)
            # (not "the Russian Empire": "Empire" is an outlet only where the text says so)
            if tail is not None and (tail_end == n or words[tail_end] in JOINING) \
                    and " ".join(words[i + 1:tail_end]) not in lex.ambiguous \
                    and tail.name not in lex.place_bodies:
                body_end = tail_end
                body = Body(" ".join(words[i:tail_end]), tail.kind, tail.type, frozenset())
        if body is not None and body_end < n:
            body_end, body = _known_and_more(words, body_end, body, lex)
        if body is not None and body_end == i + 1 and w in lex.given and body_end < n \
                and words[body_end] not in JOINING and _key(words[body_end]) not in lex.title_starts \
                and lex.bodies.get(words[body_end]) is None:
            body = None  # "Chelsea Clinton": a given name before a surname, not the club
        if body is not None and _portfolio_and(words, i, body_end, lex):
            # "Treasury and Finance Minister Mehmet Şimşekoğlu": two portfolios before a title are
            # the office's words, no body cited
            if not title:
                title_start = i
            title.extend(words[i:body_end + 2])
            i = body_end + 2
            continue
        if body is not None:
            if body.name in lex.not_bodies:
                i = body_end
                continue
            # "Dr Fox said" is a person; "the Times said" an outlet.
            if not (title or honorific):
                ok, needs_text = _ambiguous_ok(words, i, body_end, text, offs, lex)
                pure = pure and not needs_text
            else:
                ok = False
            if ok:
                pieces.append(("body", i, body_end, i, words[i:body_end], [], None, body))
                title, honorific, after_of = [], None, False
                i = body_end
                continue
        t_end = _match_title(words, i, lex)
        if t_end == i + 1 and i + 4 == n and words[i + 1] == "and" and words[i + 3] in lex.org_heads \
                and words[i + 2][:1].isupper() and words[i + 2] not in lex.given and not (title or honorific):
            # "Justice and Development Party": a title word, "and" and a word, then a head word
            # that ends the run, is a body's name (not "Justice" and a body "Development Party")
            pieces.append(("body", i, n, i, words[i:n], [], None,
                           Body(" ".join(words[i:n]), "organisation", "organisation", frozenset())))
            title, after_of = [], False
            i = n
            continue
        if t_end == i + 1 == n and _key(w) in lex.title_surnames \
                and _after_honorific(words, i, honorific):
            t_end = i  # "said Mr King": a title word that ends the name after an honorific is its surname
        if t_end == i + 1 and w in _PEERS_BY_PLACE and w in lex.given and i + 3 <= n \
                and words[i + 1] in lex.given \
                and all(x[1:].islower() and _match_title(words, x_i, lex) == x_i and x not in JOINING
                        for x_i, x in enumerate(words[i + 1:i + 3], i + 1)):
            # "Gov. Earl Ray Tomblin": a given name, though a peer's title too (a peer is styled by
            # a place or a surname, "Earl Spencer", never by a given name and a surname)
            t_end = i
        if t_end == i + 1 == n - 1 and i == 0 and w in lex.given and _key(w) in lex.title_surnames \
                and words[1][:1].isupper() and _role_word_before(text, offs[0], lex):
            # "Jordan's agent Dean Whitlow": after a role in lower case, a given name that is a
            # title too opens the name ("Dean", "Major"), as a title would not follow the role
            t_end = i
        if t_end > i:
            if not title:
                title_start = i
            phrase = " ".join(_key(t) for t in words[i:t_end])
            if t_end > i + 1 and phrase in lex.honorifics:
                honorific = phrase  # "Tan Sri", "Datuk Seri": an honorific of more than one word
            else:
                for t in words[i:t_end]:
                    if _key(t) in lex.honorifics:
                        honorific = _key(t)
                    else:
                        title.append(t)
            i = t_end
            continue
        if w in JOINING:
            # "Princess Marguerite of Romania", "MP for Sedgefield": what follows is a place
            if w in ("of", "for") and i > 0 and (i > 1 or words[0] in lex.given or title or honorific):
                # (not "Attorneys for Clinton", "Supporters of Trump": a sentence's first word)
                after_of, of_title = True, bool(title)
                if honorific is not None and i > 0 and _key(words[i - 1]) == honorific:
                    honorific = None  # "Lord of the Rings", "Lady of the Lake": no one's name after "of"
            i += 1
            continue
        j = i
        while j < n and words[j] not in JOINING:
            j += 1
        org_end = _org_end(words, i, j, lex)
        if org_end == i and j == i + 1 and j + 1 < n and words[j] == "for" and not (title or honorific) \
                and _cause_for_place(words, i, lex):
            pure = False
            if not initial_at(text, offs[i]):  # (not "Support for Britain fell" opening a sentence)
                org_end = n  # "advocacy group Democracy for America": a cause for a place, a body's name
        # "the local Arab News said", "Computer Reseller News": an outlet's head word ends the run
        # (plain words before it: not "Have I Got News", "Some BBC News", "D-Newport News")
        lead = i
        while lead < j - 1 and words[lead] in FUNCTION_WORDS:
            lead += 1  # ("As Breitbart News reported": the sentence's first word is no part of it)
        outlet = org_end == i and j - lead >= 2 and words[j - 1] in lex.outlet_heads \
            and all(w.isalpha() and w not in lex.not_surnames for w in words[lead:j - 1])
        if outlet:
            org_end = j
        elif org_end == i and j - lead >= 2 and words[j - 1] in lex.country_tails \
                and all(w not in lex.not_names and w not in lex.given and w.isalpha()
                        for w in words[lead:j - 1]):
            initial = not text[max(0, offs[lead] - 20):offs[lead]].rstrip()[-1:].isalnum()
            pure = pure and not initial
            if not initial or _named_then(text, offs[j - 1] + len(words[j - 1])):
                org_end = j  # "Water UK said", "… by Universities UK": a body
        if org_end > i and org_end - i == 2 and words[i + 1] in lex.org_heads and (
                words[i] in _DETERMINERS
                or (words[i].lower() in _NUMBER_WORDS and initial_at(text, offs[i]))):
            # "This Government has failed", "Every Council", "One Cabinet minister said" opening a
            # sentence: a head word, no body's name
            i = org_end
            title, honorific = [], None
            continue
        if org_end > i:
            while org_end - i > 2 and (words[i] in FUNCTION_WORDS or words[i] in _OWNERS
                                       or _compound(words[i], lex)
                                       or _glued_lead(words, i, org_end, offs, text)
                                       or (words[i].lower() in _NUMBER_WORDS
                                           and " ".join(words[i + 1:org_end]) in lex.bodies)):
                # ("Five Bank of America subsidiaries", "Two Supreme Court justices": a count)
                i += 1  # ("US-based Massachusetts Institute of Technology", "His Treasury Department")
            name = words[i:org_end]
            text_form = " ".join(name)
            known = lex.bodies.get(text_form.replace(" & ", " and ")) if "&" in name else None
            if known is not None:
                # "The Securities & Exchange Commission": the lexicon's body, written with "&"
                pieces.append(("body", i, org_end, i, name, [], None, known))
            elif text_form not in lex.not_bodies:
                pieces.append(("body", i, org_end, i, name, [], None,
                               Body(text_form, "outlet", "newspaper", frozenset()) if outlet
                               else Body(text_form, "organisation", "organisation", frozenset())))
            title, honorific = [], None
            i = org_end
            continue
        # A title word at the end of a name ("John Major") is part of the name; capitalised
        # words before a title word belong to it ("Prime Minister", "Shadow Home Secretary").
        # ("Federal Minister for Food Rana Tanveer Hussain": a title that "for" or "of" follows
        # ends the words before it too, where no given name stands among them)
        k = i
        while k < j:
            # "Walter M Phillips": a one-letter honorific after a given name is an initial
            if k > i and k < (t_end := _match_title(words, k, lex)) \
                    and (t_end < j or (t_end < n and words[j] in ("of", "for")
                                       and not any(w in lex.given for w in words[i:k]))) \
                    and not (len(words[k].rstrip(".")) == 1 and words[k - 1] in lex.given):
                break
            k += 1
        if k < j and not any(w in lex.given for w in words[i:k]):
            # "But Mr Balls", "And Home Secretary Charles Clarke": a sentence's first function
            # word is no part of the title.
            while i < k and words[i] in FUNCTION_WORDS:
                i += 1
            # "Speaking in Harrogate Mr Kennedy said": a comma lost before an honorific; words
            # that hold no role word are no title for it.
            if _key(words[k]) in lex.honorifics and not any(w.lower() in lex.roles for w in words[i:k]):
                i = k
                continue
            if not title and i < k:
                title_start = i
            title.extend(words[i:k])
            i = k
            continue
        # Trimmed by index, then cut once: slicing word by word was quadratic in a long run.
        # ("Park told reporters" after "Park Jin-woo": a lone place word may be a known surname.)
        # (Not down to one common word: "National Grid", "Royal Mail" are one name, a body's.)
        untrimmed = i
        kin = False
        if n == 1 and words[0] in lex.given and words[0] in lex.not_names:
            pure = False  # ("His wife, June, runs …": her name, though "June" is a month)
            kin = kin_named(text, offs[0], offs[0] + len(words[0]), lex)
        while not kin and i < k \
                and (words[i] in lex.not_names or _compound(words[i], lex) or _office(words[i], lex)) \
                and not (k == n and k - i == 2 and _one_name(words, i, lex)) \
                and _key(words[i]) not in lex.honorifics \
                and not (k - i == 1 and (_peer(words, i, lex) or _after_honorific(words, i, honorific))) \
                and not (k - i == 2 and _EAST_ASIAN_GIVEN.match(words[i + 1])) \
                and not (k - i == 1 and words[i] in lex.cue_surnames) \
                and not (i == 0 and k >= 2 and words[0].lower() in _NUMBER_WORDS
                         and not initial_at(text, offs[0])):
            # ("the main Three Gorges Dam", "the Seven Sisters": a number word inside a sentence in
            # capitals opens a name; "Two Labour MPs" opening a sentence counts them)
            i += 1
        # Letters after a name are no part of it, nor a name of their own ("Tom McCabe MSP", "Guy
        # Mansfield QC"; "Jr" and "Sr" are: "Harry Connick Jr").
        end = k
        while k - i > 1 and words[k - 1] in lex.postnominals and words[k - 1] not in _GENERATIONS:
            k -= 1
        while k - i > 1 and words[k - 1] in lex.not_names and not _surname_after_given(words[k - 2:k], lex):
            if k == n and k - i == 2 and _given_then_place(words[i:k], lex):
                pure = False
                if _beside_cue(text, offs[i], offs[k - 1] + len(words[k - 1])):
                    break  # "said Linda Park, a mother of three": a surname, not "Victoria Park"
            elif k == n and k - i == 2 and _spoken_surname(words, i, offs, text, lex):
                pure = False
                break  # "said Al From, who founded the DLC": a surname that is a common word
            k -= 1
        name_words = words[i:k]
        # "Maricopa County Recorder Helen Purcell": a given name inside a long run starts the name.
        # (not an Arabic name's "bin" or "Al": "Hamdan bin Rashid Al Nuaimi" is one man's name)
        # ("Associate Professor Chua Kim Seng", "Transport Tan Wei Ling": a name written surname
        # first starts at its surname, though a given name ("Kim") follows it)
        # (not "Michelle Ye Hee Lee": a given name before it opens the name)
        if len(name_words) > 3 and surname_first(name_words[-3:], lex) \
                and not any(w in lex.given for w in name_words[:-3]):
            if not title:
                title_start = i
            title.extend(name_words[:-3])
            i += len(name_words) - 3
            name_words = name_words[-3:]
        elif len(name_words) > 2 and not any(w in PATRONYMICS for w in name_words) \
                and not surname_first(name_words, lex):
            given = next((p for p, w in enumerate(name_words)
                          if p and w in lex.given and not _article_particle(name_words, p, lex)), 0)
            # (not before a generation alone: the "Marcos" of "Ferdinand Marcos Jr" is a surname)
            if given and given < len(name_words) - 1 - (name_words[-1] in _GENERATIONS) \
                    and name_words[0] not in lex.given:
                if not title:
                    title_start = i
                title.extend(name_words[:given])
                i += given
                name_words = name_words[given:]
        # "Australian Lynton Crosby", "Spaniard Conchita Martinez": a word for a people before a
        # name is what the person is, no part of the name.
        # (not "Swiss Army Knife", "Australian MTV Music Awards", "Argentine Economic Minister")
        if len(name_words) > 1 and k == j and _nationality(name_words[0], lex) \
                and all(w not in lex.not_names and not w.isupper() and not _office(w, lex)
                        and _match_title(name_words, p, lex) == p for p, w in enumerate(name_words)):
            if not title:
                title_start = i
            title.append(name_words[0])
            i += 1
            name_words = name_words[1:]
        if after_of and not all(w.isupper() for w in name_words):
            # … unless a given name starts a name there ("Archbishop of Canterbury Rowan Williams");
            # an acronym ("Rhian Beynon of the JCWI") is a body, found as one later
            opens: int | None = 0 if honorific else next(
                (p for p, w in enumerate(name_words)
                 if w in lex.given or _key(w) in lex.honorifics or _INITIALS.fullmatch(w)), None)
            office = opens is not None  # (what stands before the name is known to be no part of it)
            if opens and _key(name_words[opens]) in lex.honorifics:
                honorific = _key(name_words[opens])  # "Archbishop of Canterbury Dr Rowan Williams"
                opens += 1
            elif opens is None and len(name_words) >= 3 and of_title and not surname_first(name_words, lex):
                # "Archbishop of Canterbury Rowan Williams": a one-word place, then the name; or
                # an office's words ("Minister for National Food Security Rana Tanveer Hussain",
                # "Governor of Lagos State Babajide Sanwo-Olu"): common words are no name's
                opens = 1
                common = load_words("common_words")
                while len(name_words) - opens > 2 and name_words[opens].lower() in common:
                    opens += 1
                    office = True
            elif opens is None and len(name_words) >= 2 and of_title and i > untrimmed:
                opens = 0  # "Minister of Finance Liao Guohua": the office's word trimmed, then the name
            if opens is None or opens >= len(name_words):
                name_words = []
            elif opens:
                i += opens
                name_words = name_words[opens:]
            # "Minister for National Food Security Rana Tanveer Hussain": the office, whole, is
            # the role (not a place's "MP for Sedgefield", whose name came before)
            # (not "Star of David": an office names what it is of)
            title = words[title_start:i] if of_title and office and name_words and title_start >= 0 \
                and words[i - 1] not in JOINING else []
            if honorific is not None and title and _key(title[-1]) == honorific:
                title = title[:-1]
        after_of = False
        if len(name_words) > 2 and name_words[0] in lex.given:
            # "Rand Paul Scores Direct Hit On Donald Trump", "Hillary Clinton Says Trump": a
            # headline in capitals; a name ends before a verb's -s form (and past four words
            # before it, there is no name: "Donald Trump Just Revealed Who He Would Pick")
            cut = _headline_verb(name_words, lex)
            if cut:
                k = i + cut
                name_words = name_words[:cut] if cut <= 4 else []
        if name_words and not (title or honorific) and _after_linking(words, i) \
                and _common_words_only(name_words, lex):
            name_words = []  # "the Club for Growth", "War on Want": a body's last words, no one's name
        if name_words:
            first = title_start if (title or honorific) and title_start >= 0 else i
            pieces.append(("name", i, k, first, [_name_word(x) for x in name_words],
                           list(title), honorific, None))
        title, honorific = [], None
        i = max(k, i + 1)
        while i < end and words[i] in lex.postnominals and words[i] not in _GENERATIONS:
            i += 1
    if title:
        pieces.append(("title", n, n, title_start, [], list(title), None, None))
    return tuple(pieces), pure


def _cause_for_place(words: list[str], i: int, lex: Lexicon) -> bool:
    """Return True where a common word, "for" and a place close a run ("Democracy for America",
    "Freedom for Tibet"): inside a sentence, a body named for its cause, not a person "Democracy"
    and a place (not a title's "Minister for Europe")."""
    return words[i].lower() in load_words("common_words") and words[i] not in lex.given \
        and " ".join(words[i + 2:]) in lex.places


def _coded_body(words: list[str], i: int, lex: Lexicon) -> bool:
    """Return True where a known body follows a country's code and ends the run or stands before
    "of" or "and" ("US Securities and Exchange Commission"; not "US Treasury Secretary John Snow",
    an office)."""
    end, body = _match_body(words, i + 1, lex)
    return body is not None and (end == len(words) or words[end] in JOINING)


def _after_linking(words: list[str], i: int) -> bool:
    """Return True where a run's word `i` follows "of", "for" or "on" (and "the" after one):
    "Club for Growth", "War on Want", "Friends of the Earth" (not "and": "Blair and Brown")."""
    at = i - 1 if i > 1 and words[i - 1] == "the" else i
    return at > 0 and words[at - 1] in ("of", "for", "on")


_AUXILIARIES = frozenset(("is", "are", "was", "were", "has", "had", "does", "did", "can", "will", "would"))
"""Verbs no name holds in capitals ("Hillary Does When A Guy Walks Up", "Trump Is In ISIS …")."""


def _headline_verb(words: list[str], lex: Lexicon) -> int:
    """Return the place of the first word after a person's given name that is a verb's -s form in
    capitals ("Scores", "Says", "Excommunicates": a common word whose stem is one too) or an
    auxiliary ("Is", "Does"), no given name, not before a generation's "Jr"; or 0 where there is none."""
    common = load_words("common_words")
    last = len(words) - 1 - (words[-1] in _GENERATIONS)
    for p in range(1, last):
        low = words[p].lower()
        if words[p] in lex.given:
            continue
        if low in _AUXILIARIES or (len(low) > 3 and low.endswith("s") and low in common
                                   and (low[:-1] in common or (low.endswith("es") and low[:-2] in common))):
            return p
    return 0


def _common_words_only(words: list[str], lex: Lexicon) -> bool:
    """Return True where every word is a common English word and none a given name ("Growth",
    "Disease Control", not "Brown" of "Gordon Brown", a name with no common word before it)."""
    common = load_words("common_words")
    return all(w.lower() in common and w not in lex.given for w in words)


def _traded(words: list[str], lex: Lexicon) -> Body | None:
    """Return the company a run names after a word for its trade ("Bookmaker Ladbrokes", "Carmaker
    Rover", "Retailer Next"): a known body, or up to three capitalised words that no given name,
    honorific or title opens ("Jeweller Tom Smith" is a person)."""
    end, body = _match_body(words, 1, lex)
    if body is not None and end == len(words):
        return body
    rest = words[1:]
    if len(rest) > 3 or rest[0] in lex.given or _key(rest[0]) in lex.honorifics or rest[0] in FUNCTION_WORDS \
            or _match_title(words, 1, lex) > 1 or any(w in JOINING or not w[:1].isupper() for w in rest):
        return None
    return Body(" ".join(rest), "organisation", "organisation", frozenset())


_INITIALS = re.compile(r"(?:[A-Z]\.){2,4}")
"""Initials that open a name as a given name does ("Minister for Industries T.R.B. Rajaa")."""


def _article_particle(words: list[str], p: int, lex: Lexicon) -> bool:
    """Return True for "Al" or "El" inside a name as the article of an Arabic surname, right after
    the first word or a given name ("Hamdan Al Nuaimi"), not the given name Al deeper in a run
    ("Maricopa County Recorder Al Smith") or after a title."""
    before = words[p - 1]
    return words[p] in ("Al", "El") and (p == 1 or before in lex.given) \
        and before.lower() not in lex.roles and before not in lex.titles


_DETERMINERS = frozenset(("This", "That", "These", "Those", "Our", "Every", "Each", "Its", "Their", "His",
                          "Her", "My", "Your", "Any", "Some", "Another", "Which", "Whose"))
"""Words that make a body's head word after them a common noun ("This Government", "Every Council")."""
_LEGAL_FORMS = frozenset(("Inc", "Inc.", "Ltd", "Ltd.", "plc", "Plc", "PLC", "Corp", "Corp.", "LLC", "Co.",
                          "AG", "SA", "NV", "SE"))
"""What follows a company's name as its legal form ("Goldman Sachs Group Inc.", "Harwell plc")."""


def _known_and_more(words: list[str], end: int, body: Body, lex: Lexicon) -> tuple[int, Body | None]:
    """Return where a known body's name ends when more of a name follows it in the run: its legal
    form ("Goldman Sachs Group Inc."), a head word that misnames it ("Brookings Institute" for
    the Brookings Institution); None for the body where a head word makes another body of it
    ("the Met Office", not the Met; "Celtic League", "Barclays Capital")."""
    n = len(words)
    rest = words[end:]
    if any(w in _LEGAL_FORMS for w in rest) \
            and all(w in _LEGAL_FORMS or w in ("Group", "Holdings") for w in rest):
        return n, body
    if body.kind == "outlet" and words[end] in lex.places and (end + 1 == n or words[end + 1] in JOINING) \
            and words[end] not in lex.bodies and words[end - 1].lower() not in load_words("common_words"):
        # "ITV Wales", "BBC Scotland": an outlet's service for a country or region (not an
        # outlet's name that is a common word: "Independent Vermont Sen. Bernie Sanders")
        return end + 1, Body(f"{body.name} {words[end]}", body.kind, body.type, frozenset())
    if end == n - 1 and words[end] in lex.org_heads and words[end] not in lex.bodies:
        if body.name.rsplit(" ", 1)[-1] in lex.org_heads:
            return n, body
        return end, None
    return end, body


def _portfolio_and(words: list[str], i: int, end: int, lex: Lexicon) -> bool:
    """Return True for a known body of one portfolio's word, "and" and another portfolio's, then
    a title ("Treasury and Finance Minister"): the words of an office, no body."""
    return end == i + 1 and end + 2 < len(words) and words[end] == "and" \
        and words[i].lower() in lex.portfolios and words[end + 1].lower() in lex.portfolios \
        and _match_title(words, end + 2, lex) > end + 2


def _one_name(words: list[str], i: int, lex: Lexicon) -> bool:
    """Return True for a run of two words that is one name though its first word is never a
    name alone ("National Grid", "Royal Mail", not "Yesterday Brown", "Speaking Smith"): a
    describing word, then a common word that is no given name and no designator."""
    first, second = words[i], words[i + 1]
    return all(w in ("The", "the") for w in words[:i]) and first not in FUNCTION_WORDS and first.isalpha() \
        and first[1:].islower() and not first.endswith(("ing", "ed", "s")) and first not in lex.given \
        and second not in lex.not_names and second not in lex.given and second[1:].islower() \
        and second.lower() in load_words("common_words")


_EAST_ASIAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+$")
"""A hyphenated given name with a lower-case second part ("Geun-hye", "Ki-moon"): the word before
it is a surname ("Park Geun-hye", "Moon Jae-in"), even where it is a common word."""


_EAST_ASIAN_NAME = re.compile(r"[A-Z][a-z]{0,4} [A-Z][a-z]{1,5}-[a-z]{1,5}")
"""A short surname before such a given name: "Ban Ki-moon", "Tsai Ing-wen", "Lee Min-jung"."""


def surname_first(words: list[str], lex: Lexicon) -> bool:
    """Return True for a three-word name written surname first, as Chinese names in Singapore,
    Malaysia and Hong Kong are and Korean and Vietnamese ones may be: a listed surname, then two
    short words ("Lim Boon Hock", "Lee Hsien Loong"; not "Lee Harvey Oswald")."""
    return len(words) == 3 and words[0] in lex.surname_first \
        and all(2 <= len(w) <= 5 and w.isalpha() and w[1:].islower() and w not in lex.not_names
                for w in words[1:])


def east_asian_name(words: list[str]) -> bool:
    """Return True for a two-word name written surname first, as Korean and Taiwanese names are."""
    # (the given name's hyphen first: most two-word names have none, and need no pattern run)
    return len(words) == 2 and "-" in words[1] and _EAST_ASIAN_NAME.fullmatch(" ".join(words)) is not None


_GENERATIONS = frozenset(("Jr", "Sr", "Jr.", "Sr."))
"""Postnominals that belong to the name they follow."""


PEERAGE = frozenset(("Lord", "Lady", "Baroness", "Baron"))
"""Honorifics of peers, whose titles are often places: "Baroness Scotland", "Lord Chelsea"."""


def _nationality(word: str, lex: Lexicon) -> bool:
    """Return True for a listed epithet ("Australian", "Spaniard") or a people's word made from a
    listed place ("Indonesian", "Kenyan"), unless it is also a given name."""
    return (word in lex.epithets or (word[-1:] == "n" and word[:-1] in lex.places)) \
        and word not in lex.given


def _peer(words: list[str], i: int, lex: Lexicon) -> bool:
    """Return True for a lone word right after a peer's honorific ("Baroness Scotland")."""
    return i > 0 and words[i - 1] in PEERAGE and len(words[i]) > 3 and words[i][1:].islower() \
        and words[i] not in FUNCTION_WORDS


_PEERS_BY_PLACE = frozenset(("Earl", "Duke", "Count", "Baron", "Viscount", "Marquess"))
"""Peers' titles that are given names too, styled by a place or a surname after them."""

# Possessives that open a sentence before a body's name: "His Treasury Department didn't …".
_OWNERS = frozenset(("His", "Its", "Their"))

_BRACKETED = re.compile(r" \(([A-Z]{2,})\)")
"""A short form in brackets right after a name: " (CBO)"."""


def _glued_lead(words: list[str], i: int, end: int, offs: list[int], text: str) -> bool:
    """Return True where a body's first word is no part of its name by the body's own short form
    in brackets: "Past Congressional Budget Office (CBO) forecasts" (the letters spell the name
    without "Past", not with it)."""
    last = offs[end - 1] + len(words[end - 1])
    m = _BRACKETED.match(text, last)
    if m is None or words[i].lower() not in load_words("common_words"):
        return False
    name = " ".join(words[i:end])
    return spells(m.group(1), name[len(words[i]) + 1:]) and not spells(m.group(1), name)


def _compound(word: str, lex: Lexicon) -> bool:
    """Return True for a capitalised compound of common words ("Man-of-the-match", "Paris-based",
    "Oscar-nominated", "Twenty-seven", "Rapper-turned-actor", "Labour-run"), not a hyphenated given name
    ("Geun-hye", "Jae-in")."""
    parts = word.split("-")
    lower = [p for p in parts[1:] if p[:1].islower()]
    if not lower:
        return False
    if parts[-1].lower() in lex.roles:
        # "Commander-in-Chief": a title, handled as one; "Rapper-turned-actor": a description
        return len(parts) > 2 and parts[-1][:1].islower() and any(p.endswith("ed") for p in lower[:-1])
    # ("Labour-run", "Soviet-style": a modifier's ending, `names.yaml` `modifier_endings`)
    return len(parts) > 2 or lower[-1].endswith(("ed", "ing", "born")) or lower[-1] in _NUMBER_WORDS \
        or lower[-1] in lex.modifier_endings


# Prefixes that make a role word another office: "Co-Chairman", "Vice-Captain", "Ex-Minister".
_OFFICE_PREFIXES = frozenset(("co", "vice", "deputy", "ex", "acting", "joint", "former", "assistant"))


def _office(word: str, lex: Lexicon) -> bool:
    """Return True for a capitalised compound office ("Co-Chairman"), a role and no name."""
    head, _, rest = word.partition("-")
    return bool(rest) and head.lower() in _OFFICE_PREFIXES and rest.lower() in lex.roles


_NUMBER_WORDS = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"))


def _surname_after_given(name_words: list[str], lex: Lexicon) -> bool:
    """Return True where the last word, though an ordinary word elsewhere, is the surname of a given
    name before it: "Theresa May", "Kanye West", "George Will", "Marty Small" (not "John In")."""
    last, given = name_words[-1], name_words[-2]
    return (given in lex.female or given in lex.male) and last not in lex.not_surnames and last[1:].islower()


def _given_then_place(name_words: list[str], lex: Lexicon) -> bool:
    """Return True for a given name before a word that names places ("Linda Park", "Stanley Park",
    "Victoria Street"): a person's name or a place's, as the text around it says."""
    last, given = name_words[-1], name_words[-2]
    return (given in lex.female or given in lex.male) and last[1:].islower() and last in lex.cue_surnames


def _spoken_surname(words: list[str], i: int, offs: list[int], text: str, lex: Lexicon) -> bool:
    """Return True where a given name and a capitalised common word are one person's name by
    where they stand: a cue word before and a comma after ("said Al From, who …"), or a cue word
    right after ("Al From said"); not "said Al from the store", whose "from" is in lower case."""
    given, last = words[i], words[i + 1]
    if not ((given in lex.female or given in lex.male) and last[1:].islower() and last.isalpha()):
        return False
    end = offs[i + 1] + len(last)
    before = text[max(0, offs[i] - 12):offs[i]].split()
    cue_before = bool(before) and before[-1] in _cue_words()
    return (cue_before and text.startswith(",", end)) or _cue_after(text, end)


def _cue_after(text: str, end: int) -> bool:
    """Return True where a cue word is the first word after `end`."""
    words = text[end:end + 14].split(None, 1)
    return bool(words) and words[0].strip(",") in _cue_words()


def _named_then(text: str, end: int) -> bool:
    """Return True where a comma or a cue word follows a name ending at `end`: "Water UK, which
    represents the industry," and "Water UK said" name a body; "No UK firm" does not."""
    return text.startswith(",", end) or _cue_after(text, end)


def _beside_cue(text: str, start: int, end: int) -> bool:
    """Return True where a cue word stands right before or after [start, end): "said Linda Park",
    "Grace Park said" (a park says nothing)."""
    before = text[max(0, start - 12):start].split()
    return (bool(before) and before[-1] in _cue_words()) or _cue_after(text, end)


def _match_body(words: list[str], i: int, lex: Lexicon) -> tuple[int, Body | None]:
    """Return the end of the longest known outlet or body name starting at word i, and the body."""
    if words[i] not in lex.body_starts:
        if words[i].isupper() and len(words[i]) > 2:
            return _outlet_in_capitals(words, i, lex)
        return i, None
    for j in range(min(len(words), i + 8), i, -1):
        body = lex.bodies.get(" ".join(words[i:j]))
        if body is not None:
            return j, body
    return i, None


def _outlet_in_capitals(words: list[str], i: int, lex: Lexicon) -> tuple[int, Body | None]:
    """Return the end of a known outlet's name of two words or more written in capitals from word
    i, and the outlet: a paper's own style for its name ("PREMIUM TIMES reported", "told PUNCH")."""
    for j in range(min(len(words), i + 6), i + 1, -1):
        if not all(w.isupper() for w in words[i:j]):
            continue
        body = lex.bodies.get(" ".join(w.capitalize() for w in words[i:j]))
        if body is not None and body.kind == "outlet":
            return j, body
    return i, None


def _ambiguous_ok(words: list[str], i: int, j: int, text: str, offs: list[int],
                  lex: Lexicon) -> tuple[bool, bool]:
    """Return whether a known form names the body here, and True where the text around it decided."""
    form = " ".join(words[i:j])
    if form in lex.place_bodies and j - i == 1:
        # "in the Amazon", "the Brazilian Amazon": the place; "Amazon said", "retailer Amazon": the firm
        return not ((i > 0 and (words[i - 1] in ("The", "the") or _nationality(words[i - 1], lex)))
                    or text[max(0, offs[i] - 4):offs[i]] == "the "), True
    if form not in lex.ambiguous:
        return True, False
    if j < len(words):
        return False, False  # "the National Association of …": part of a longer name
    if i > 0 and words[i - 1] in ("The", "the"):
        # ("The Australian firm said": an adjective before a word for a firm or a role)
        after = text[offs[j - 1] + len(words[j - 1]):offs[j - 1] + len(words[j - 1]) + 20].split()
        plain = after[0].strip(",.;:") if after else ""
        if form in lex.epithets and plain.islower() and plain not in _cue_words() \
                and plain not in lex.medium_ends:
            return False, True  # "the Australian government", "The Australian world number three"
        return not (after and after[0].strip(",.") in _noun_words(lex)), True
    after = text[offs[j - 1] + len(words[j - 1]):offs[j - 1] + len(words[j - 1]) + 14].split()
    if form in lex.epithets and text[max(0, offs[i] - 4):offs[i]] == "the " \
            and after and after[0].strip(",.;:") in _cue_words():
        return False, True  # "… shook his hand, the Australian said": an epithet for a person
    if _MEDIUM_BEFORE.search(text, max(0, offs[i] - 16), offs[i]):
        # ("both sides of the Atlantic", "across the Atlantic": the ocean, not the magazine)
        return _CROSSING.search(text, max(0, offs[i] - 24), offs[i]) is None, True
    return bool(after) and after[0].strip(",.") in _cue_words(), True


def _match_title(words: list[str], i: int, lex: Lexicon) -> int:
    """Return the end of the longest title or honorific starting at word i (i when none)."""
    if _key(words[i]) not in lex.title_starts:
        return i
    for j in range(min(len(words), i + lex.max_title_words), i, -1):
        phrase = " ".join(_key(w) for w in words[i:j])
        if phrase in lex.titles or phrase in lex.honorifics:
            return j
        if phrase in lex.services and j + 1 < len(words) and words[j] in lex.given:
            return j  # "Marine John Tiegen" (not "Marine Le Pen")
        # A capitalised role word before a name is a title too ("Minority Whip Dick Durbin").
        if j == i + 1 and j < len(words) and phrase.lower() in lex.roles and phrase not in lex.not_names:
            return j
    return i


_TIMES = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                    "February", "March", "April", "June", "July", "August", "September", "October",
                    "November", "December"))


def _person_opens(words: list[str], k: int, lex: Lexicon) -> bool:
    """Return True where a given name and a capitalised word after it open a person's name inside
    a run: "Chairman of the State Duma Committee on International Affairs Leonid Slutov" ends the
    committee's name before "Leonid"."""
    return words[k] in lex.given and k + 1 < len(words) and words[k + 1][:1].isupper() \
        and words[k - 1] not in JOINING


def _plain(word: str, lex: Lexicon) -> bool:
    """Return True for a common word in capitals ("Health", "Pensions") or a place ("Avon")."""
    return word.lower() in load_words("common_words") or word in lex.places or word in lex.place_tails


def _body_opens(words: list[str], i: int, lex: Lexicon) -> bool:
    """Return True where a body's own name opens at word i after "and the": two capitalised words
    or more ("the Chinese Academy of Sciences"), or a lead or head word ("the Commission for Racial
    Equality"); not a name's last words ("… for Latin America and the Caribbean", "School for
    the Deaf and the Blind")."""
    k = i
    while k < len(words) and words[k] not in JOINING:
        k += 1
    return k - i >= 2 or (k > i and (words[i] in lex.org_leads or words[i] in lex.org_heads))


def _org_end(words: list[str], i: int, j: int, lex: Lexicon) -> int:
    """Return the end of a body's name that starts at word i (i when the words are no body)."""
    n = len(words)
    end = j
    # "Bank of England", "Institute for Fiscal Studies": a lead word carries the name on.
    if j < n and words[j - 1] in lex.org_leads:
        k = j
        # (up to a day or month: "the National Audit Office on Friday"; a place's name particle
        # too: "the Rural Producers Union of São Félix do Xingu")
        while k < n and (words[k] in JOINING or words[k][:1].isupper()
                         or (words[k] in NAME_PARTICLES and k + 1 < n and words[k + 1][:1].isupper())) \
                and words[k] not in _TIMES and not (k > j + 1 and _person_opens(words, k, lex)):
            if words[k] == "and" and k == j:
                break  # ("the Champions League and Liverpool": a lead carries a name on by "of", "for")
            if words[k] == "and" and words[k + 1:k + 2] == ["the"] and _body_opens(words, k + 2, lex):
                break  # ("the Smithsonian Research Center and the Chinese Academy of Sciences": two)
            if words[k] == "and" and k > j and k + 2 < n and words[k + 1] in lex.given \
                    and words[k + 2][:1].isupper() and words[k + 2] not in lex.org_heads:
                break  # ("the University of California and Dan Gillmor, a … journalist": a person)
            k += 1
        while k > j and words[k - 1] in JOINING:
            k -= 1
        if k > j + 1:
            return k
    if end - i >= 2 and words[end - 1] in lex.org_heads \
            and not (words[end - 1] in lex.surname_heads and words[end - 2] in lex.given):
        return end  # (not "Songwriter Guy Chambers", "Charlotte Church": a given name, then a surname)
    if end - i >= 3 and words[end - 2] in lex.org_heads \
            and (words[end - 1] in lex.places or words[end - 1] in lex.place_tails):
        return end  # "Imperial College London", "King's College London": where the body is, last
    if j - i >= 2 and words[i] in lex.place_leads and " ".join(words[i + 1:j]) in lex.places:
        return j  # "Statistics Canada", "Statistics South Africa": a body named for its country
    if j - i >= 2 and words[i] in lex.name_leads:
        return j  # "Banca Adriatica", "Banco Pichincha": a body named in its own language
    if j - i == 1 and j + 3 <= n and words[j] in ("and", "&") and words[j + 2] in lex.org_heads \
            and words[j + 1][:1].isupper() and (j + 3 == n or words[j + 3] in JOINING) \
            and _plain(words[i], lex) and _plain(words[j + 1], lex) \
            and f"{words[j + 1]} {words[j + 2]}" not in lex.bodies:
        # "Health and Safety Executive", "Avon and Somerset Police": one body of two plain words or
        # places (not "Ford and General Motors", "Computer and Cisco Systems": two bodies)
        return j + 3
    return i


def spells(acronym: str, name: str) -> bool:
    """Return True where an acronym's letters are the name's initials, in order: each word gives
    its first letter and maybe more of its letters ("CCTV": China Central Television), a short
    lower-case word ("of", "for") or a hyphened part ("Tehreek-e-Insaf") may give none."""
    words = [w for w in re.split(r"[\s-]+", name) if w.isalpha() or w[:1].isalpha()]
    letters = acronym.lower()
    ends = {0}  # how many of the acronym's letters the words so far may have given
    for w in words:
        low = w.lower()
        optional = w[:1].islower() or low in ("the", "and")
        reach: set[int] = set(ends) if optional else set()
        for at in ends:
            if at < len(letters) and letters[at] == low[0]:
                i, j = at + 1, 1
                reach.add(i)
                while i < len(letters) and j < len(low):  # more letters of the same word, in order
                    if letters[i] == low[j]:
                        i += 1
                        reach.add(i)
                    j += 1
        ends = reach
        if not ends:
            return False
    return len(letters) in ends
