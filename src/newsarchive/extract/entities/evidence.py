"""Decide whether a name candidate is a person, and collect the roles the text gives them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsarchive.extract.entities.classify import PEERAGE, Piece, east_asian_name
from newsarchive.extract.entities.lexicon import Lexicon
from newsarchive.extract.entities.scan import initial_at, kin_named
from newsarchive.extract.text import alternation
from newsarchive.lexicon import load_data, load_words

# ", a 22-year-old student", ", the head of the group", ", Twitter’s director of political advertising",
# ", one of Prof Reddy's graduate students"
_OWNER = r"[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3}[’']s"
_ACRONYM_AFTER = r"(?:\s\([A-Z][A-Za-z&.-]{1,15}\))"
"""A body's acronym in brackets closing a description: "… of the Roads and Transport Authority (RTA),"."""
_APPOSITIVE = re.compile(rf",\s+((?:an?|the|his|her|their|one\s+of\s+(?:the|his|her|their|{_OWNER})"
                         rf"|{_OWNER})\s"
                         rf"[^,.;:“”\"()—–]{{2,90}}?{_ACRONYM_AFTER}?)"
                         r"(?=\s*[,.;:)—–]|\s*$|\s+(?:says|said|told)\b)")
# ", director of civil rights group Liberty,", ", spokesman for e-mail software firm Sendmail said",
# ", director general and chairman of the board of …", ", deputy police chief in Bombay,": a role
# word and what or where the role is of, with no article before it.
_MONTHS = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ROLE_OF = re.compile(rf",\s+((?:[a-z][\w-]*\s+){{0,2}}?(?:and\s+)?([a-z][\w-]*)\s+"
                      rf"(?:of|at|for|with|from|in(?=\s[A-Z])(?!\s{_MONTHS}))\s"
                      rf"[^,.;:“”\"()—–]{{2,90}}?{_ACRONYM_AFTER}?)(?=\s*[,.;:)—–]|\s*$|\s+(?:says|said|told)\b)")
_GENERIC = frozenset(("any", "every", "each", "no", "some", "many", "most", "like", "other", "another"))
# Endings of words for peoples and other capitalised adjectives ("Palestinian", "Taiwanese",
# "Kurdish", "Electric"); but "-vic" ends surnames ("Djokovic", "Milosevic"), see _SURNAME_ENDINGS.
_DEMONYM = ("ian", "ians", "ese", "ans", "ish", "ic")
_SURNAME_ENDINGS = ("vic", "vić", "ić")
# After "the", an epithet that a verb or a stop follows stands for someone, it is not their name:
# "the Dutchman said", "the Scot, who", "the Portuguese added".
# "the Dutchman", "the 24-year-old Swiss", "the former Scot": "the" and a few modifiers before an epithet
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z0-9][\w-]*\s+){0,3}$")
_EPITHET_AFTER = re.compile(r"\s*(?:[,.;:!?)]|[a-z]+(?:ed|s)\b|(?:said|told|wrote|spoke|who|has|was|is)\b)")
_AGE = re.compile(r",\s+(\d{1,3}),")
_DESCRIBED_WHO = re.compile(r",\s+(an?\s+[\w’'-]+(?:\s+[\w’'-]+){0,4}?)\s+who\s")
"""A description a relative "who" goes on: ", a top GOP operative who played …"."""
_INITIAL = re.compile(r"[A-Z]\.")
_WORKS = frozenset(("film", "movie", "story", "book", "novel", "song", "album", "play", "show", "series",
                    "documentary", "musical", "programme", "program", "game"))
"""Head words of a description of a work, not a person ("Fergus Crane, a story about a boy who …")."""
_DETERMINERS = frozenset(("a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "and", "by",
                          "with", "of", "to", "for", "as", "former", "said", "says", "told", "like",
                          "any", "every", "each", "no", "one", "another", "some", "many", "most", "other",
                          # (a verb ends the words before a role: "the visitors had defender Callum Marsh")
                          "is", "was", "were", "are", "be", "been", "had", "has", "have", "did", "does",
                          "will", "would", "can", "could", "may", "might", "should", "must",
                          # (and a preposition or a conjunction: "the call came after rival Donald Trump")
                          "after", "before", "against", "than", "since", "at", "from", "on", "in", "into",
                          "over", "about", "behind", "between", "among", "without", "toward", "towards",
                          "but", "while", "how", "that", "which", "who", "when", "where", "because", "if",
                          # (and a focusing adverb: "with only captain Tom Ellery offering resistance")
                          "only", "even", "also", "just"))
_SUBJECT_PRONOUNS = frozenset(("he", "she", "it", "they", "we", "I", "you"))
"""A pronoun before a role is a clause's subject, and the word after it its verb: "he pushed referee
Paul Alcock" gives no role."""


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue words the entity pass needs: speech verbs and the words allowed before them."""

    verbs: frozenset[str]
    between: frozenset[str]
    firm_heads: frozenset[str]
    firm_plurals: frozenset[str]
    firm_media: frozenset[str]
    """Words for a business by its medium ("website", "network"): before a name only after no name."""
    past: frozenset[str]
    """Verbs in the past that end in no "-ed" ("met", "led"): no word of a role before a name."""


@lru_cache(maxsize=1)
def _cues() -> Cues:
    data = load_data("cues")
    verbs = frozenset(str(v) for v in data.get("verbs") or () if " " not in str(v))
    return Cues(verbs, frozenset(str(v) for v in data.get("between") or ()),
                frozenset(str(v) for v in data.get("firm_heads") or ()),
                frozenset(str(v) for v in data.get("firm_plurals") or ()),
                frozenset(str(v) for v in data.get("firm_media") or ()),
                frozenset(str(v) for v in data.get("irregular_past") or ()))


def _people_word_before(piece: Piece, text: str, lex: Lexicon) -> str | None:
    """Return the word for a people right before a name of two or three words ("Russian Dmitri
    Sokolov beat …", "Dane Holger Rasmussen"): a person is so described, a body is not ("British
    Airways" has a word no name has)."""
    if not 2 <= len(piece.words) <= 3 or piece.start < 2 or text[piece.start - 1] != " " \
            or any(w in lex.not_names or w in lex.org_heads or w in lex.outlet_heads or not w[1:].islower()
                   for w in piece.words):
        return None  # (not "Russian News Agency Interfax")
    lead, _, word = text[max(0, piece.start - 40):piece.start - 1].rpartition(" ")
    if lead.rpartition(" ")[2][:1].isupper():
        return None  # (not "the Great American Music Hall": the word inside a longer name)
    if word in lex.given or not word[:1].isupper() or not (
            word in lex.epithets or (word[-1:] == "n" and word[:-1] in lex.places)):
        return None
    return word


_BEATEN = re.compile(r"\b(?:beat|beats|defeated|defeats|edged|edges|overcame|overcomes|thrashed|thrashes|"
                     r"stunned|stuns|upset|upsets|lost\s+to|loses\s+to|fell\s+to|falls\s+to|beaten\s+by)\s$")
_SCORE = re.compile(r"\s\d{1,2}-\d{1,2}(?![\d-])")


def _beaten(piece: Piece, text: str) -> bool:
    """Return True for a name of two words between a verb of winning or losing and a score ("…
    beat Holger Rasmussen 6-3 6-2"): a player (a team's name is a club's, known, or has a word
    no name has)."""
    # (a score opens on a space and a digit: most names have neither after them, so no pattern is run)
    return len(piece.words) == 2 and text[piece.end + 1:piece.end + 2].isdecimal() \
        and _SCORE.match(text, piece.end) is not None \
        and _BEATEN.search(text, max(0, piece.start - 14), piece.start) is not None


def from_body(text: str, end: int) -> bool:
    """Return True where ", from" and a body called by its kind follow a name ("Shami Chakrabarti,
    from human rights group Liberty,"): one speaks for a body as its member, so the name is a
    person's, however unknown its given name."""
    if not text.startswith(", from ", end):
        return False
    words = text[end + 7:end + 90].split()
    heads = _cues().firm_heads
    for at, word in enumerate(words[:6]):
        if not word.isalpha() or not word.islower():
            return False
        if word in heads and at + 1 < len(words) and words[at + 1][:1].isupper():
            return True
    return False


_VOICE_FOR = re.compile(r"\bspokes(?:man|woman|person)\s+for\s+(?:the\s+)?$")


def voice_for_before(text: str, start: int) -> bool:
    """Return True where "a spokesman for" stands right before a name: "a spokesman for Dell"
    (one speaks for a body; for a person, "a spokesman for Mr Blair", an honorific shows)."""
    return _VOICE_FOR.search(text, max(0, start - 30), start) is not None


@lru_cache(maxsize=1)
def _firm_apposed() -> re.Pattern[str]:
    heads = "|".join(sorted(_cues().firm_heads, key=len, reverse=True))
    # (the firm word heads the description: not ", a former member of rap group Tru")
    # (nor a possessive: ", the club's manager" describes a person; nor the subject of a cue after
    # the name: "… program BitTorrent, the firm said"; but what it is for may follow: "Cosla, the
    # umbrella body for Scotland's 32 councils")
    verbs = alternation(sorted(cue_verbs(), key=len, reverse=True), spaces=r"\ ")
    return re.compile(rf",\s+(?:the|a|an)\s+(?:(?!(?:of|for|at|with|from|in)\s)[\w’'-]+\s+){{0,5}}?"
                      rf"(?:{heads})\b(?![’']s\b)(?!\s+(?:of|at|{verbs})\b)")


def firm_apposed(text: str, end: int) -> bool:
    """Return True where a description of a firm stands in apposition after a name: "Sina, the
    country's biggest internet portal firm" (not "Smith, the head of the firm")."""
    return text.startswith(",", end) and _firm_apposed().match(text, end) is not None


def cue_verbs() -> frozenset[str]:
    """Return the one-word speech verbs of `cues.yaml` ("said", "told")."""
    return _cues().verbs


def firm_before(piece: Piece, text: str, lex: Lexicon) -> bool:
    """Return True for a name that a word for a firm stands right before: "anti-virus firm
    Sophos", "oil giant Yukos", "Swiss drugmaker Novartis" name companies, not people (but "the
    firm Jack Smith founded": a given name or a title makes a person)."""
    first = piece.words[0]
    if piece.title or piece.honorific:
        return False
    before = text[max(0, piece.start - 20):piece.start]
    if not before.endswith(" "):
        return False
    words = before.split()
    word = words[-1] if words else ""
    cues = _cues()
    if word in cues.firm_media:
        # "property website Rightmove", "mobile network Orange"; not "told the BBC News website
        # Ford did not …": a named body's website is no business of that name
        if len(words) > 1 and words[-2][:1].isupper():
            return False
    elif not word.islower() or not (word in cues.firm_heads or word in cues.firm_plurals
                                    or word.endswith("maker")):
        return False
    if first in lex.given or first.split("-", 1)[0] in lex.given:  # (and "Jeanne-Marie Gescher")
        # "drugs group Eli Lilly", "rock band Franz Ferdinand" are bodies; "the firm Jack Smith
        # founded", "a firm Jack Smith ran" a person: an article before the firm word
        # ("film maker Theo van Gogh", "economist team Jim and Margaret Cuthbert": people)
        return len(words) > 1 and words[-2].islower() and words[-2] not in _DETERMINERS \
            and not word.endswith("maker") and word not in _PEOPLE_GROUPS \
            and not _verb_after_name(text, piece.end)
    return True


_PEOPLE_GROUPS = frozenset(("team", "band"))
"""Firm words that a person's name may follow as one of the group ("economist team Jim and …")."""


def _verb_after_name(text: str, end: int) -> bool:
    """Return True where a verb in the past follows a name ("Jack Smith founded")."""
    word = _word_after(text, end + 1).rstrip(",.;:") if text[end:end + 1] == " " else ""
    return word.endswith("ed") or word in _cues().verbs


def _word_before(text: str, at: int) -> str:
    """Return the word that ends at `at` (a space), read back at most 30 characters."""
    return text[text.rfind(" ", max(0, at - 30), at) + 1:at]


def _word_after(text: str, at: int) -> str:
    """Return the word that starts at `at`, up to the next space (within 30 characters)."""
    end = text.find(" ", at, at + 30)
    return text[at:end] if end >= 0 else ""


def medium_before(piece: Piece, text: str, lex: Lexicon) -> tuple[str, int] | None:
    """Return the outlet type of a name that a word for a medium stands right before ("US
    magazine Mobile PC", "music channel MTV"), and where the name ends: with the capitalised words
    that follow it ("Flight International"), or between commas after it ("the Vatican's official
    newspaper, L'Osservatore Romano,"). None for "told the paper Mr Smith was", "the paper Jack
    Smith founded" (a title, a given name or a speech verb before it)."""
    at = piece.start - 1
    if at < 1 or text[at] != " ":
        return None
    word = _word_before(text, at)
    apposed = word.endswith(",") and text.startswith(",", piece.end)
    if (word[:-1] if apposed else word) not in lex.medium_ends:
        return None  # (the quick test: no word for a medium right before the name)
    if piece.title or piece.honorific or piece.words[0] in lex.given:
        return None
    before = text[max(0, piece.start - 40):piece.start - 2 if apposed else piece.start]
    words = before.split()
    if not words:
        return None
    typ = lex.mediums.get(" ".join(words[-2:])) or lex.mediums.get(words[-1])
    if typ is None or (len(words) >= 3 and words[-2] in ("the", "a") and words[-3] in _cues().verbs):
        return None
    end = piece.end
    while True:
        m = _NEXT_CAPITAL.match(text, end)
        if m is None:
            return typ, end
        end = m.end()


def medium_after(piece: Piece, text: str, lex: Lexicon) -> tuple[str, int] | None:
    """Return the outlet type of a name that a word for a medium and a speech verb follow
    ("Broadcast magazine said", "TV Guide magazine describing"), and where the name starts, with
    the capitalised words right before it ("TV" of "TV Guide"); None for "Scottish newspaper
    said" (a people's word)."""
    if text[piece.end:piece.end + 1] != " " \
            or _word_after(text, piece.end + 1).rstrip(".,;:") not in lex.medium_ends:
        return None  # (the quick test: no word for a medium right after the name)
    if piece.title or piece.honorific or piece.possessive or piece.words[0] in lex.given \
            or " ".join(piece.words) in lex.places or lex.is_epithet(piece.words[-1]) \
            or piece.words[-1].endswith(("ish", "ian", "ese", "an")):
        return None
    after = text[piece.end:piece.end + 40].split()[:2]
    if not after or ((len(after) < 2 or after[1].rstrip(",.:") not in _cues().verbs)
                     and _word_before(text, piece.start - 1) not in _TOLD
                     and not _verb_the(text, piece.start)):
        return None  # ("told Time magazine", "in Nature magazine", "wrote the influential Edge
        # magazine" need no verb after)
    typ = lex.mediums.get(after[0].rstrip(".,;:"))
    if typ is None:
        return None
    start = piece.start
    while True:
        m = _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
        if m is None or m.group(1) in ("The", "A", "An") or _initial_word(text, m.start(1)):
            return typ, start
        start = m.start(1)


_TOLD = frozenset(("told", "tells", "telling", "to", "in", "with"))
"""Words before a name and a medium word that make the name a medium's: "told Time magazine"."""

_VERB_THE = re.compile(r"\b([a-z]+)\s+the\s+(?:[a-z-]+\s+){0,2}$")


def _verb_the(text: str, start: int) -> bool:
    """Return True where a speech verb and "the" (and at most two lower-case words) stand right
    before `start`: "wrote the influential Edge magazine"."""
    m = _VERB_THE.search(text, max(0, start - 50), start)
    return m is not None and m.group(1) in _cues().verbs


_CAPITAL_BEFORE = re.compile(r"(?<![\w’'])([A-Z][\w]*) $")


def _initial_word(text: str, at: int) -> bool:
    """Return True for a word that opens its sentence (capitalised for that alone)."""
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?\"“:"


_NEXT_CAPITAL = re.compile(r" [A-Z][\w]*(?:[A-Z]\w*)*(?![\w’'-])")


_CAMEL = re.compile(r"[a-z]{3,}[A-Z]")
_PLURAL_VERB = re.compile(r"\s+(?:are|were|have)\b")
_AND = frozenset(("and", "&", "or"))
_AUXILIARY = frozenset(("did", "does", "do", "will", "would", "could", "should", "might", "may", "must",
                        "can", "to", "let", "has", "had", "if"))


def _plural_subject(piece: Piece, text: str) -> bool:
    """Return True for a one-word name that a plural verb follows ("Busted have confirmed",
    "Unions are"): a group or a plural noun, no one person (but "she and sister Venus are")."""
    return len(piece.words) == 1 and not (piece.title or piece.honorific) \
        and _plural_verb_at(text, piece.end) \
        and not _AND.intersection(_words_before(text, piece.start, 2)) \
        and not any(w.lower() in _AUXILIARY for w in _words_before(text, piece.start, 1)) \
        and not text[max(0, piece.start - 2):piece.start].strip().endswith(",")


def _plural_verb_at(text: str, end: int) -> bool:
    """Return True where "are", "were" or "have" follows `end` after spaces."""
    at = past_spaces(text, end)  # (the quick test first: the pattern only checks the word's end)
    return at > 0 and text.startswith(("are", "were", "have"), at) \
        and _PLURAL_VERB.match(text, end) is not None


def past_spaces(text: str, at: int) -> int:
    """Return where the spaces (`\\s`, one or more) starting at `at` end; -1 where none starts there.

    A quick test before a pattern that opens on spaces and a word: the word's first letters rule
    most places out without the call (a pattern's call costs ~1,000 instructions, most of it sre's
    set-up)."""
    if not text[at:at + 1].isspace():
        return -1
    at += 1
    while text[at:at + 1].isspace():
        at += 1
    return at


def _camel_case(word: str) -> bool:
    """Return True for a word with a capital inside it after three lowercase letters: a company's
    or a product's ("GlaxoSmithKline", "PepsiCo", "PlayStation"), not "McManus" or "MacArthur"."""
    # (the capital stands after three letters: a word with none there needs no search)
    return not word[3:].islower() and _CAMEL.search(word) is not None and not word.startswith(("Mac", "Fitz"))


# "Yukos has said it intends", "Renault said its margins": a speech verb, then "it"/"its".
_IT_AFTER = re.compile(r"(?:’s|'s)?,?\s+"
                       r"(?:(?:has|had|also|later|then|now|still|already|earlier|previously)\s+){0,2}"
                       r"([a-z]+)\s+(?:that\s+)?its?\b")


_SPOKESMAN_AFTER = re.compile(r"\s+spokes(?:man|woman|person)\b")
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:[Aa]n?|[Tt]he)\s+$")


def spokesman_after(piece: Piece, text: str, lex: Lexicon) -> bool:
    """Return True for a one-word name, with no title or given name, between an article and
    "spokesman": a body ("An Ajax spokesman told", "a BaFin spokeswoman said"); a person named
    so ("a Trump spokesman") is found as one before this is asked."""
    if len(piece.words) != 1 or piece.title or piece.honorific or piece.words[0] in lex.given \
            or piece.words[0] in lex.places or piece.possessive:
        return False
    return voiced(piece, text)


def voice_after(text: str, end: int) -> bool:
    """Return True where "spokesman" (or -woman, -person) follows: "a defence ministry spokesman"."""
    return _SPOKESMAN_AFTER.match(text, end) is not None


def voiced(piece: Piece, text: str) -> bool:
    """Return True for a name between an article and "spokesman" ("An Edison spokesperson")."""
    return voice_after(text, piece.end) and article_before(text, piece.start)


def article_before(text: str, start: int) -> bool:
    """Return True where "a", "an" or "the" stands right before offset `start`."""
    return _ARTICLE_BEFORE.search(text, max(0, start - 5), start) is not None


_RELATIVE_BEFORE = re.compile(r", (?:which|who) [^,]*$")
_PLACE_IN_APPOSITION = re.compile(r", (?:an?|the|his|her|their) [^,]*\b(?:of|in|from|at|near) $")
"""A description's place closing it: "Smt. R. Vasanthi, a resident of Valasaravakkam, said it took"."""


_RESIDENT_OF = re.compile(r", (?:an?|the) (?:[a-z-]+ ){0,2}"
                          r"(?:resident|native|inhabitant|villager|citizen)s? of $")
"""A description that a place ends: "…, a resident of Al Barsha, said", "…, a longtime native of …,"."""


def it_after(piece: Piece, text: str, lex: Lexicon) -> bool:
    """Return True for a one-word name, with no title or given name, whose own speech verb is
    followed by "it" or "its": a body speaking of itself ("Cadbury said it was confident")."""
    if len(piece.words) != 1 or piece.title or piece.honorific or piece.words[0] in lex.given:
        return False
    m = _IT_AFTER.match(text, piece.end)
    if m is not None and text.startswith(",", piece.end) \
            and _RELATIVE_BEFORE.search(text, max(0, piece.start - 60), piece.start):
        return False  # "Turkey, which occupies northern Cyprus, had insisted it": the clause's end
    if m is not None and text.startswith(",", piece.end) \
            and _PLACE_IN_APPOSITION.search(text, max(0, piece.start - 60), piece.start):
        return False  # "R. Vasanthi, a resident of Valasaravakkam, said it": the description's end
    return m is not None and m.group(1) in _cues().verbs


def _words_before(text: str, start: int, n: int) -> list[str]:
    return text[max(0, start - 12 * n):start].split()[-n:]


def _last_words(text: str, start: int, n: int, k: int) -> list[str]:
    """Return the last `k` of `_words_before(text, start, n)`, without cutting up the rest."""
    return text[max(0, start - 12 * n):start].rsplit(None, k)[-k:]


# A closing quotation mark, then a dash, right before a name: the name is the quotation's credit.
_DASH_CREDIT = re.compile(r"[”\"’][.,]?\s*(?:—|―|–|--)\s*$")
_DASHES = ("—", "―", "–", "-")
"""The last characters of `_DASH_CREDIT`'s dashes."""


_PLACED = re.compile(r",\s+(?:from|of|at)\s+[^,;:.“”\"]{2,60},\s+([a-z]+)\b")


def cue_adjacent(text: str, start: int, end: int) -> bool:
    """Return True where a speech verb stands right after the name or right before it."""
    cues = _cues()
    # "Nad said", and ", Sergey Shoigu, reportedly told" inside commas; but not "in Kharkiv, said
    # the paper", where the verb's holder follows it.
    tail = text[end:end + 40]
    if tail.startswith(",") and text[max(0, start - 2):start].strip() != ",":
        tail = ""
    after = tail.lstrip(",").split(None, 3)  # (the first three words: no need to cut the rest)
    for w in after[:3]:
        w = w.strip(",.:;")
        if w in cues.verbs:
            return True
        if w not in cues.between:
            break
    before = _last_words(text, start, 3, 2)
    if before and before[-1].strip(",") in cues.verbs and text[end:end + 1] not in ("’", "'") \
            and (len(before) == 1 or before[-2][-1:] in ",”\"’'" or before[-2][-1:] in ".:;") \
            and not (before[-1] in _TELLING and before[-2][-1:] == "," and " " not in text[start:end]
                     and _TOLD_WHEN.match(text, end) is not None):
        # (not "Mr. Olufemi Soneye, told Vanguard on Sunday": who is told then is no speaker; but
        # "…, telling Stephanopolous that")
        # "“…,” said Nad", "Said Nad:": the verb's holder after it; not "he believes Arsenal
        # were" (a clause said, with its own subject), nor "said Gartner's analyst Kobita Desai"
        return True
    # (the quick test first: a dash and no more than spaces right before the name)
    if text[max(0, start - 6):start].rstrip().endswith(_DASHES) \
            and _DASH_CREDIT.search(text, max(0, start - 6), start):
        return True  # "“…” ― Krystal Correa": a quotation credited by a dash
    if len(before) >= 2 and before[-2].lower() == "according" and before[-1] == "to":
        return True
    if before and before[-1].endswith(("’s", "'s")) and before[-1][:1].isupper():
        # "“…,” said MSN's Blake Irving": the verb, a body's possessive, then the name
        owner = _last_words(text, start, 4, 3)
        if len(owner) >= 2 and owner[-2].strip(",") in cues.verbs \
                and (len(owner) == 2 or owner[-3][-1:] in ",”\"’'.:;"):
            return True
    at = past_spaces(text, end + 1) if text.startswith(",", end) else -1
    placed = _PLACED.match(text, end, end + 90) if at > 0 and text.startswith(("from", "of", "at"), at) \
        else None
    # "Birgit Kuhlhoff, from Sal Oppenheim investment bank, told Reuters": where from, then the verb
    return placed is not None and placed.group(1) in cues.verbs


_TELLING = frozenset(("told", "tells", "telling"))
_TOLD_WHEN = re.compile(r" (?:on |last |this |early |late )?"
                        r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
                        r"|yesterday|today|week|month|night|morning)\b")
"""When a one-word listener was told something: after a comma that closes the speaker's name or
apposition, "told Vanguard on Sunday" names the listener (an outlet), no speaker."""


def role_before(text: str, start: int, lex: Lexicon) -> str | None:
    """Return a role written just before a name ("foreign affairs correspondent", "Chechen leader")."""
    # Most names have no role word before them: the last word decides, so only it is cut out.
    tail = _last_words(text, start, 5, 1)
    if not tail:
        return None
    last = tail[0].rstrip(",")
    if tail[0][-1:].isdigit() or last in _NUMBER_WORDS or last == "seed":
        # "world number one Dmitri Sokolov", "world No 3 Holt", "top seed Andy Roddick"
        return _rank_before(text, start)
    if last[:1].isupper() and not (len(tail[0]) == len(last) and "-" in last
                                   and last.rsplit("-", 1)[-1] in lex.roles):
        # a capitalised role word is a title, weighed as one ("Star Wars" is no star); a compound
        # opening a sentence whose last word is a role in lower case is a description of the
        # name after it ("Rapper-turned-actor Lil Kestrel")
        return None
    if not _role_word(last.lower(), lex) and last.lower().rsplit("-", 1)[-1] not in lex.roles:
        if not (tail[0].endswith("s,") and last[:-1].lower() in lex.roles
                and "one of" in " ".join(_words_before(text, start, 5)[:-1]).lower()):
            return None
        last = last[:-1]  # "one of their lawyers, Michalis Dimitrakopoulos": one of them
    words = _words_before(text, start, 5)
    role = [last]
    stop = ""
    for w in reversed(words[:-1]):
        if w in _SUBJECT_PRONOUNS:
            return None if len(role) < 2 else " ".join(role[1:])
        if w.lower() in _DETERMINERS or w in lex.not_names or not w[-1:].isalnum() or len(role) >= 4 \
                or w in _cues().past:  # ("… met Egypt's intelligence chief Hassan Abdel-Rahman")
            stop = w.lower()
            break
        role.insert(0, w)
    # "like any leader, Putin": a generic noun, not this person's role.
    return None if stop in _GENERIC else " ".join(role)


_VERB_NEXT = re.compile(r"\s+(?:says|said|told)\b")
_OPENER = re.compile(r"[\s“”\"']*(?:[A-Z][a-z]+ing|After|Before|Asked|Like|Unlike|Despite|In|On|At|With|From"
                     r"|Under|During)\s")
"""A sentence's first word that opens a phrase before its subject: "Echoing …,", "After meeting …,",
"In a statement signed by …,"."""


def _sentence_start(text: str, at: int) -> int:
    """Return where the sentence holding `at` starts (after the last full stop, ! or ? before it)."""
    return max(text.rfind(". ", 0, at), text.rfind("! ", 0, at), text.rfind("? ", 0, at)) + 1


_APPOSED_BEFORE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
                             r"(\w[\w'’-]*(?:\s+[\w'’&-]+){0,11}),\s$")
_APPOSED_INDEFINITE = re.compile(r"\ban?\s+(\w[\w'’-]*(?:\s+[\w'’&-]+){0,11}),\s$")
"""An office with "a" before it ("a spokesperson for the company, Dana Kessler,"), tried where
no office with "the" is set before the name ("a spokesman for the prosecutor, New York State
Comptroller Alan Hevesi," gives "the prosecutor")."""
_APPOSED_OPENING = re.compile(r"(?:^|(?<=[.?!]\s)|(?<=\n))([A-Z][\w'’-]*(?:\s+[\w'’&-]+){0,11}),\s$")
"""An office that opens a sentence ("SNP MSP for Dundee West, Iain Fotheringham,")."""


def apposed_before(text: str, start: int, lex: Lexicon) -> str | None:
    """Return an office set before a name between commas, opening on "the" (or "its", "his", "her",
    "their"; or "a" where none of those fits) or a sentence ("the Minister for Roads and Highways,
    Nana Yaw Boateng-Mensah, said"; "the deputy mayor for housing, Álvaro Sanz Molina,"; "SNP MSP
    for Dundee West, Iain Fotheringham,"), where one of its first two words is a role or a title,
    or the two are one ("the Ranking Member on the …"), or its words are capitalised and end on a
    title."""
    m = _APPOSED_BEFORE.search(text, max(0, start - 110), start) \
        or _APPOSED_OPENING.search(text, max(0, start - 110), start)
    office = _apposed_office(m, lex) if m is not None else None
    while m is not None and office is None and m.re is _APPOSED_BEFORE:
        # (a nearer "the" may open the office: "The Kremlin is considering replacing the governor
        # of Sverdlovsk region, Yevgeny Burlakov,": not the sentence's subject and its verb)
        m = _APPOSED_BEFORE.search(text, m.start(1), start)
        office = _apposed_office(m, lex) if m is not None else None
    if office is not None and office.rsplit(" ", 1)[-1] in lex.places and _ONE_WORD.match(text, start):
        return None  # "the mayor of Roanoke, Virginia,": the place's state, no one
    if office is None:
        m = _APPOSED_INDEFINITE.search(text, max(0, start - 110), start)
        office = _apposed_office(m, lex) if m is not None else None
    return office


_ONE_WORD = re.compile(r"[A-Z][\w'’-]*,")


def _apposed_office(m: re.Match[str], lex: Lexicon) -> str | None:
    """Return the office an `apposed_before` pattern matched, or None where it is no office."""
    phrase = m.group(1)
    words = phrase.split()
    if m.re is _APPOSED_OPENING and words[0] in _OPENING_ARTICLES:
        if len(words) == 1:
            return None
        phrase, words = phrase.split(" ", 1)[1], words[1:]  # ("Another actress, Annabelle Wallace,")
    # (a role word in lower case, or a title, first or second: not "the Star Wars DVD trilogy,
    # Finding Nemo,"; and no list, clause or verb after it: not "the president and the first lady,
    # Michelle Obama,", "the strategist who helped Australia's PM, John Howard,", "The Australian
    # actress is … to film her latest movie, Eucalyptus,")
    if not any((w.islower() and _role_word(w, lex)) or w in lex.titles for w in words[:2]) \
            and " ".join(words[:2]) not in lex.titles \
            and not (words[-1] in lex.titles and all(w[:1].isupper() for w in words)):
        # ("the Ranking Member on the … Committee"; "its National Publicity Secretary": capitalised
        # words ending on a title)
        return None
    for i in range(1, len(words)):
        w = words[i]
        if w in _NOT_IN_OFFICE or (w.endswith(("ed", "ly")) and w.islower()) or w in _cues().verbs or (
                w in ("and", "or", "&") and not (words[i - 1][:1].isupper() and words[i + 1:i + 2]
                                                 and words[i + 1][:1].isupper())):
            return None  # (but "the Minister for Roads and Highways"; not "A Democratic aide said
            # comments from Rice, Rhodes, …")
    return phrase


_NOT_IN_OFFICE = frozenset(("who", "which", "that", "whose", "I", "we", "he", "she", "they", "it", "is",
                            "was", "are", "were", "has", "have", "had", "to", "will", "would", "-", "–", "—",
                            "meanwhile", "however", "also", "too", "though", "then", "now"))
_OPENING_ARTICLES = frozenset(("A", "An", "Another", "The"))
"""Words that open a sentence before an office and are no part of it ("Another peer, …")."""


def appositive(text: str, end: int, lex: Lexicon) -> str | None:
    """Return a description set after a name between commas (", a 31-year-old poet,")."""
    if not text.startswith(",", end):
        return None  # the patterns start with a comma; most names have none after them
    # (and go on with spaces and a word: its first character rules out those that cannot match)
    at = past_spaces(text, end + 1)
    if at < 0:
        return None
    first = text[at:at + 1]
    m = _APPOSITIVE.match(text, end) if first in "atho" or "A" <= first <= "Z" else None
    if m is not None and _VERB_NEXT.match(text, m.end()) and _OPENER.match(text, _sentence_start(text, end)):
        # "Echoing the new US Secretary of State Condoleezza Rice, the prime minister said": the
        # name closes an opening phrase, and the description after it is the verb's subject
        return None
    if m is None:
        office = _ROLE_OF.match(text, end) if "a" <= first <= "z" else None
        if office is not None and office.group(2) in lex.roles:
            return office.group(1)  # ", director of civil rights group Liberty,"
        age = _AGE.match(text, end) if first.isdecimal() else None
        return f"aged {age.group(1)}" if age else None
    phrase = m.group(1)
    words = [w.strip(",").lower() for w in phrase.split()]
    if words[:2] == ["one", "of"]:
        # ", one of Prof Reddy's graduate students" (not ", one of Scotland's premier whisky firms"):
        # the plural head is a role
        head = words[-1]
        return phrase if head in lex.roles or (head.endswith("s") and head[:-1] in lex.roles) else None
    if any("year-old" in w for w in words) or any(_role_word(w, lex) for w in words[:7]) \
            or _RANK.search(phrase) is not None:
        return phrase  # (", the world No 3,": a player's ranking)
    return None


_NUMBER_WORDS = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"))
_RANK = re.compile(r"\b(?:(?:world|[Bb]ritish|[Aa]merican|[Ee]uropean|national) (?:No\.? ?\d{1,3}|number "
                   r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}))"
                   r"|(?i:top|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                   r"|\d{1,2}(?:st|nd|rd|th)|No\.? ?\d{1,2})[ -]seed)(?![\w-])")
"""A player's ranking: "world No 3", "world number one", "British number two", "third seed"."""


def _rank_before(text: str, start: int) -> str | None:
    """Return a ranking written right before a name ("world number one" of "world number one
    Dmitri Sokolov"), or None."""
    m = _RANK.search(text, max(0, start - 24), start)
    return m.group(0) if m is not None and text[m.end():start] == " " else None


_ROLE_ENDINGS = ("ologist", "ologists", "ician", "icians", "ographer", "ographers", "onomist", "onomists")
"""Endings of words for what someone does that no list holds ("a volcanologist at Imperial
College", "glaciologist Ingrid Solberg", "a paediatrician")."""


def _role_word(word: str, lex: Lexicon) -> bool:
    """Return True for a word (in lower case) that says what a person does."""
    return word in lex.roles or word.endswith(_ROLE_ENDINGS)


def _common_plural(word: str, lex: Lexicon) -> bool:
    """Return True for a capitalised plural of a role ("Ministers", "Investors"), a plural acronym
    ("MSPs") or a capitalised speech verb ("Reports said"): a sentence's first word, no name."""
    if not word.endswith("s") or len(word) < 4:
        return False
    stem = word[:-1]
    return stem.lower() in lex.roles or (stem.isupper() and len(stem) > 1) or word.lower() in _cues().verbs


_LISTED_PORTFOLIO = re.compile(r"\b((?:[A-Z][a-z]+ )?[A-Z][a-z]+"
                               r"(?:, (?:[A-Z][a-z]+ )?[A-Z][a-z]+){0,3},? and )$")


def _listed_portfolio(text: str, piece: Piece, lex: Lexicon) -> str:
    """Return a list of portfolios before a title ("Public Works and " of "Public Works and Housing
    Minister Dody Hanggodo"), or "" where none stands there or an item is a name, a place or a body
    ("Blair and Foreign Secretary Jack Straw")."""
    if len(piece.title) < 2:
        return ""  # (a portfolio's title has its last portfolio in it: not "… and King Kong")
    title = " ".join(piece.title)
    at = text.rfind(title, max(0, piece.start - len(title) - 8), piece.start)
    if at < 6 or not text.endswith(" and ", 0, at):
        return ""
    m = _LISTED_PORTFOLIO.search(text, max(0, at - 60), at)
    if m is None or (m.start() > 1 and text[m.start() - 2:m.start() - 1].isalpha()
                     and text[:m.start() - 1].rsplit(" ", 1)[-1][:1].isupper()):
        return ""  # (not after a capitalised word: "Tony Blair, Culture and …")
    items = [item.split() for item in re.split(r",? and |, ", m.group(1)) if item]
    common = load_words("common_words")
    # (each item a portfolio, with a common word in it: not "Blair and Foreign Secretary")
    if any(w in lex.given or w in lex.places or w in lex.bodies or w in lex.honorifics or w in lex.titles
           for item in items for w in item) \
            or not all(any(w.lower() in common for w in item) for item in items):
        return ""
    return m.group(1)


def _rank_after_role(words: list[str], lex: Lexicon) -> int:
    """Return how many last words of a title are an abbreviated title ("Brig Gen", "Col") after a
    role word ("Spokesperson Brig Gen"); 0 when they are none."""
    for m in (2, 1):
        if len(words) > m and words[-m - 1].lower() in lex.roles:
            phrase = " ".join(words[-m:])
            full = lex.titles.get(phrase)
            if full is not None and full != phrase:
                return m
    return 0


def _sentence_adverb(piece: Piece, text: str, lex: Lexicon) -> bool:
    """Return True for an adverb in "-ly" that opens a sentence before a comma ("Ironically,",
    "Significantly,"): a common word, no given name ("Holly, a nurse, said" is hers)."""
    word = piece.words[0]
    return word.endswith("ly") and text.startswith(",", piece.end) and word not in lex.given \
        and word.lower() in load_words("common_words") and initial_at(text, piece.start)


def person_roles(piece: Piece, text: str, title_before: str | None, lex: Lexicon) -> tuple[bool, list[str]]:
    """Return whether the text shows the candidate is a person, and the roles it gives them."""
    roles: list[str] = []
    strong = False
    if piece.title:
        words = [t.rstrip(".") for t in piece.title]
        if len(words) == 1:
            words = [lex.titles.get(words[0], words[0])]
        rank = _rank_after_role(words, lex)
        if rank:
            # "IDF Spokesperson Brig. Gen. Effie Defrin-Levy": a role, then a rank's abbreviation,
            # are two roles, the rank written out (was "Spokesperson Brig Gen")
            roles.extend((" ".join(words[:-rank]), lex.titles[" ".join(words[-rank:])]))
        else:
            roles.append(_listed_portfolio(text, piece, lex) + " ".join(words))
        # "General Election" is no person: a title that is also a common word needs a name after it.
        # A capitalised role word is a weak title too: "Star Wars", "King Kong", "Coach Carter".
        plain = [t.rstrip(".") for t in piece.title]
        titled = any(t not in lex.weak_titles and t in lex.titles for t in plain)
        strong = titled or len(piece.words) >= 2 or piece.words[0] in lex.given
    if piece.honorific:
        strong = True
    if title_before:
        roles.append(title_before)
        strong = True
    first = piece.words[0] if piece.words else ""
    # The rejections first: they need no look at the text around the name.
    if all(w.isupper() and len(w) > 1 for w in piece.words):
        return False, []  # "IADB", "ECLAC": acronyms name bodies, not people
    if len(piece.words) == 1 and first.endswith(_DEMONYM) and not first.endswith(_SURNAME_ENDINGS) \
            and first not in lex.given:
        return False, []  # "Palestinian", "Taiwanese": a people, not a person
    if len(piece.words) == 1 and not (piece.title or piece.honorific) and lex.is_epithet(first) \
            and _THE_BEFORE.search(text, max(0, piece.start - 40), piece.start) \
            and _EPITHET_AFTER.match(text, piece.end):
        return False, []  # "the Dutchman said": an epithet
    if piece.title and len(piece.words) >= 2 and piece.words[-1].lower() in lex.roles \
            and not any(w in lex.given for w in piece.words):
        return False, []  # "his Chief Press Secretary, Aliyu Bello": the rest of the office, no name
    if len(piece.words) == 1 and not (piece.title or piece.honorific) and lex.is_epithet(first) \
            and _word_after(text, piece.end + 1) in lex.medium_ends:
        return False, []  # "according to Dutch newspaper De Telegraaf": a people's word, an adjective
    # ("Jean-Philippe Granclaude": a hyphenated pair of given names is one)
    # ("Ban Ki-moon": a surname, then a Korean or Taiwanese given name)
    named = (len(piece.words) >= 2 and (first in lex.given or (
        "-" in first and all(part in lex.given for part in first.split("-"))))) \
        or east_asian_name(piece.words)
    if any(w in lex.not_names for w in piece.words[1:]) and not (strong or named):
        return False, []
    if not (piece.title or piece.honorific) and " ".join(piece.words) in lex.places:
        return False, []  # "Argentina said", "Hong Kong has warned"
    if len(piece.words) == 1 and not (piece.title or piece.honorific) \
            and _place_ending(text, piece.start, first, lex):
        return False, []  # "from Hilton Head, South Carolina, who …": the end of a place's name
    if _plural_subject(piece, text) and not (named or strong):
        return False, []  # "Creditors have", "Unions are": a plural noun, no one person
    if len(piece.words) == 1 \
            and (first in lex.not_names or _common_plural(first, lex) or _camel_case(first)) \
            and not (piece.honorific in PEERAGE
                     and piece.surface.split()[0] == piece.honorific) \
            and not (first in lex.given and kin_named(text, piece.start, piece.end, lex)):
        return False, []  # (but "Baroness Scotland", "His wife, June,")
    if len(piece.words) == 1 and not (piece.title or piece.honorific) and _sentence_adverb(piece, text, lex):
        return False, []  # "Ironically, the one who does is …": no name, nor ", the …" a role
    if not (piece.title or piece.honorific) and text.endswith(" of ", 0, piece.start) \
            and _RESIDENT_OF.search(text, max(0, piece.start - 40), piece.start):
        return False, []  # "Ahmed Saleh, a resident of Al Barsha, said": a place, in the description
    before = role_before(text, piece.start, lex)
    if before is None and piece.honorific and not piece.title:
        # "Nakuru County Agriculture executive Dr Grace Wanjiru": the role before the honorific,
        # where all its words but the role's own are capitalised (not "revealed how club
        # manager Sir Alex Ferguson")
        at = text.rfind(piece.honorific, max(0, piece.start - len(piece.honorific) - 2), piece.start)
        before = role_before(text, at, lex) if at > 0 else None
        if before is not None:
            words = before.split()
            while words and words[-1].islower() and _role_word(words[-1], lex):
                words.pop()
            if not all(w[:1].isupper() for w in words):
                before = None
    if before is None and text.startswith(", ", piece.end):
        at = piece.start  # (before an honorific: "…, Hon. Kwabena Owusu-Ansah, said")
        if piece.honorific and text[max(0, at - 2):at] != ", ":
            at = text.rfind(piece.honorific, max(0, at - len(piece.honorific) - 2), at)
        if at > 0 and text[at - 2:at] != ", " and piece.title and text.startswith(piece.surface, piece.end
                                                                                  - len(piece.surface)):
            # (before a cleric's or a peer's style: "The Bishop of Durham, the Rt Rev Dr Tom Wright,")
            lead = piece.end - len(piece.surface)
            styled = _STYLED.search(text, max(0, lead - 16), lead)
            if styled is not None and (styled.group(1) or piece.words[0] in lex.given):
                # (not "the Deputy Secretaries, the Under Secretaries,": no one named)
                at = styled.start() + 2
        if at > 0 and text[at - 2:at] == ", ":
            before = apposed_before(text, at, lex)
    if before and len(piece.words) == 1 and not (strong or piece.title or piece.honorific) \
            and before.rsplit(" ", 1)[-1].lower() in lex.shared_roles:
        before = None  # "its smaller rival Peoplesoft": a company may be a rival too
    if before and len(piece.words) == 1 and not (piece.title or piece.honorific) and _award_for(before):
        return False, []  # "the best actress Oscar", "his best director Bafta": an award, no one
    if before:
        roles.append(before)
    after = appositive(text, piece.end, lex)
    if after:
        roles.append(after)
    # ", who …" follows people; bodies take "which".
    who = text.startswith(", who ", piece.end)
    if not (who or after) and text.startswith(", a", piece.end) \
            and not (len(piece.words) == 1 and (first in lex.not_names
                                                or first.lower() in load_words("common_words"))):
        # (not "Previously, a man who …": a sentence's opening word)
        described = _DESCRIBED_WHO.match(text, piece.end)
        if described is not None and not _WORKS.intersection(described.group(1).lower().split()):
            # "Rich Heffley, a top Tallahassee GOP operative who played …, said": a description
            # that "who" goes on is a person's, however long
            roles.append(described.group(1))
            who = True
    if not named and len(piece.words) == 3 and _INITIAL.fullmatch(piece.words[0]) \
            and all(w[1:].islower() and w.isalpha() and w not in lex.not_names for w in piece.words[1:]):
        named = True  # "M. Dane Waters": an initial, then two names
    people_word = _people_word_before(piece, text, lex) if not (strong or named or before) else None
    if people_word is not None:
        roles.append(people_word)  # "Russian Dmitri Sokolov": what the person is ("the Russian said")
    evidence = strong or named or who or bool(before or after or people_word) or from_body(text, piece.end) \
        or _beaten(piece, text) or (
        cue_adjacent(text, piece.start, piece.end) and not _role_then_name(text, piece.end, lex))
    return evidence, [r for r in roles if r]


def _place_ending(text: str, start: int, word: str, lex: Lexicon) -> bool:
    """Return True where the word before `start` and `word` name a place ("South Carolina")."""
    if start < 2 or text[start - 1] != " ":
        return False
    before = text[max(0, start - 24):start - 1].rsplit(" ", 1)[-1]
    return before[:1].isupper() and f"{before} {word}" in lex.places


def _award_for(role: str) -> bool:
    """Return True where a role before a lone name is an award's category ("best actress",
    "second best actor"): the name is the award's, not a person's ("best friend Oscar" is one)."""
    words = role.split()
    return any(words[i] == "best" and words[i + 1] not in _BEST_COMPANIONS for i in range(len(words) - 1))


_BEST_COMPANIONS = frozenset(("friend", "friends", "man", "mate", "pal", "buddy", "girlfriend", "boyfriend"))
"""Words after "best" that name someone's companion, not an award's category ("his best friend Oscar")."""

_STYLED = re.compile(r", (?:the )?((?:Rt|Right|Very|Most)\.? )?$")
"""A comma and what opens a style before its title ("…, the Rt Rev Dr Tom Wright")."""

_WORD_THEN_CAPITAL = re.compile(r" ([a-z]+) [A-Z]")


def _role_then_name(text: str, end: int, lex: Lexicon) -> bool:
    """Return True where a role word and a capitalised word follow a name: "said Aviator star Alan
    Alda" (the name is a film's, and the one it names speaks)."""
    m = _WORD_THEN_CAPITAL.match(text, end)
    return m is not None and m.group(1) in lex.roles


def gender(forms: set[str] | list[str], lex: Lexicon) -> str | None:
    """Return "female"/"male" from a person's forms (given name or honorific), None if unknown.

    The forms are read in a fixed order, so the answer does not depend on how a set of them
    happens to iterate: an honorific before a full name ("Ms Sarah Teather"), then the given name
    of the fullest forms ("Maurice Lindsay" before "Lindsay", a woman's name alone), then an
    honorific before a surname ("Ms James"; one such form may be another person's, "Mr Jackson"
    beside "Katherine Jackson"), then any other."""
    ranked = sorted((_gender_rank(form, lex), form) for form in forms)
    # "Lee Min-jung", "Kim Soo-hyun" (and "Lee" alone after them): a surname first, not the given
    # names Lee and Kim; only an honorific tells ("Ms Lee")
    surname_first = any(east_asian_name(form.split(" ")) for form in forms)
    for _rank, form in ranked:
        first, _, rest = form.partition(" ")
        first = first.rstrip(".")
        if first in lex.services and " " in rest:
            first = rest.split(" ", 1)[0]  # "Marine John Tiegen": his service, then his given name
        if surname_first and first not in lex.honorifics:
            continue
        g = lex.gender(first)
        if g:
            return g
    return None


def _gender_rank(form: str, lex: Lexicon) -> tuple[int, int]:
    words = form.split()
    titled = words[0].rstrip(".") in lex.honorifics
    if titled and len(words) > 2:
        return 0, -len(words)
    if not titled and len(words) > 1:
        return 1, -len(words)
    return (2, 0) if titled else (3, 0)
