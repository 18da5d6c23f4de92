"""What a claim is about, as comparable keys: word stems, concepts, quantities, denials."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from newsarchive.lexicon import load_data
from newsarchive.records import quick_pickle

_TOKEN = re.compile(r"[$£€]?\d[\d,]*(?:\.\d+)?(?:%|bn|m|k)?|[a-z][a-z']*(?:-[a-z]+)*")
_SUFFIXES = ("ians", "isations", "izations", "isation", "ization", "ations", "ation", "ising", "izing",
             "ised", "ized", "ises", "izes", "ise", "ize", "ings", "ing", "ives", "ive", "ions", "ion", "ers",
             "ed", "es", "s", "ian", "ia")
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "bn": 1e9}
_WORD_NUMBERS = {w: float(i) for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"))}
_WORD_NUMBERS.update({"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "sixty": 60.0, "seventy": 70.0,
                      "eighty": 80.0, "ninety": 90.0, "dozen": 12.0, "a": 1.0})
_VAGUE = {"dozens": (24.0, 100.0), "hundreds": (200.0, 1e3), "thousands": (2e3, 1e4),
          "millions": (2e6, 1e9), "billions": (2e9, 1e12)}
_WINDOW = 6
_MEASURES = frozenset(("point", "points", "year", "years", "month", "months", "week", "weeks", "day", "days",
                       "hour", "hours", "minute", "minutes", "mile", "miles", "km", "seats", "times",
                       "votes"))
_CAPITALISED = re.compile(r"[\s“\"(]([A-Z][a-z]+)")
"""A capitalised word after a space, quotation mark or bracket (consumed: cheaper than a look-behind)."""
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_STARTS = frozenset(("tens", "hundreds", *_VAGUE, *(w for w in _WORD_NUMBERS if w != "a")))
"""The words that can start a quantity (`quantities`); any other token must start with a figure."""
_UP = frozenset(("rose", "rise", "rises", "risen", "rising", "increase", "increased", "increases",
                 "grew", "grow", "gained", "gain", "gains", "created", "create", "creating", "added",
                 "climbed", "jumped", "higher", "raised", "raise", "boost", "boosted"))
_DOWN = frozenset(("fell", "fall", "falls", "fallen", "falling", "drop", "dropped", "drops", "decline",
                   "declined", "lost", "loss", "losses", "lose", "cut", "cuts", "cutting", "slip", "slipped",
                   "slump", "slumped", "shed", "lower", "reduced", "reduce", "slashed", "slash"))
"""Words that give a figure a direction ("lost 800,000 jobs", "rose by 3%"), within a few words of it;
not "up" or "down", which are as often part of a verb ("call up 300,000 men")."""
_WAYS = {**dict.fromkeys(_UP, "up"), **dict.fromkeys(_DOWN, "down")}
_SOURCE_WORDS = frozenset(("said", "says", "say", "according", "told", "reported", "reports", "estimated",
                           "estimates"))
"""Words that name who gives a figure ("Nationwide said that prices fell 0.2%"): names before them are
the source, not the place or body the figure is for."""
_SCOPE_WORDS = frozenset(("in", "across", "throughout", "at", "for", "of"))
"""Words after a figure that lead to where or whose it is ("3% in the North West")."""
_TOKEN_CASED = re.compile(_TOKEN.pattern, re.IGNORECASE)
_MONTHS = frozenset(("january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                     "sep", "sept", "oct", "nov", "dec"))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return a rough stem, so "protests", "protesting" and "protest" compare equal."""
    word = word.replace("'", "").replace("z", "s") if len(word) > 4 else word.replace("'", "")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") if len(word) > 4 else word


class _Stems(dict[str, str]):
    """Each word's `stem` where `keep` keeps the word, else "": worked out once a word.

    Looked up for every word of every claim (~310,000 for 2,225 BBC articles, ~22,000 distinct)
    through `map(stems.__getitem__, words)`, in C where the word is known.
    """

    __slots__ = ("keep",)
    LIMIT = 65536

    def __init__(self, keep: Callable[[str], bool]) -> None:
        super().__init__()
        self.keep = keep

    def __missing__(self, word: str) -> str:
        found = stem(word) if self.keep(word) else ""
        if len(self) < self.LIMIT:
            self[word] = found
        return found

    def of(self, words: Iterable[str]) -> frozenset[str]:
        """Return the stems of the words kept."""
        found = frozenset(map(self.__getitem__, words))
        return found - _LEFT_OUT if "" in found else found


_LEFT_OUT = frozenset(("",))


@dataclass(frozen=True, slots=True)
class Lexicon:
    stopwords: frozenset[str]
    concepts: dict[str, str]
    """Word → concept name."""
    phrase_concepts: tuple[tuple[str, str], ...]
    people_nouns: frozenset[str]
    at_least: tuple[str, ...]
    at_most: tuple[str, ...]
    about: tuple[str, ...]
    negations: re.Pattern[str]
    claim_stems: _Stems
    """The stems of a claim's words: letters first, not a stopword, longer than two letters."""
    context_stems: _Stems
    """The stems of the words around a figure: letters first, neither a stopword, a concept nor a month."""
    bound_ends: frozenset[str] = frozenset()
    """Last words of the bounds ("more than", "about"): only these can change a figure's range."""
    events: dict[str, str] = field(default_factory=dict)
    """Verb → the kind of event it tells ("sacked" → dismissal, "left" → departure)."""


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_data("links")
    concepts: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for concept, words in sorted(data.get("concepts", {}).items()):
        for w in words:
            w = str(w).lower()
            if " " in w:
                phrases.append((w, concept))
            else:
                concepts.setdefault(w, concept)
    negs = sorted((str(n) for n in data.get("negations", [])), key=len, reverse=True)
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in negs)
    stopwords = frozenset(str(w) for w in data.get("stopwords", []))
    return Lexicon(
        stopwords=stopwords,
        concepts=concepts,
        phrase_concepts=tuple(phrases),
        people_nouns=frozenset(str(w) for w in data.get("people_nouns", [])),
        at_least=tuple(str(w) for w in data.get("at_least", [])),
        at_most=tuple(str(w) for w in data.get("at_most", [])),
        about=tuple(str(w) for w in data.get("about", [])),
        negations=re.compile(rf"(?<![\w']){'(?:' + alt + ')'}(?![\w'])"),
        claim_stems=_Stems(lambda w: w[:1].isalpha() and w not in stopwords and len(w) > 2),
        # A month says when, not what is counted ("rose by 4.3% in December", "dropped by 1% in December").
        context_stems=_Stems(lambda t: t[:1].isalpha() and t not in stopwords and t not in concepts
                             and t not in _MONTHS),
        bound_ends=frozenset(str(w).split()[-1] for key in ("at_least", "at_most", "about")
                             for w in data.get(key, [])),
        events={str(w): kind for kind, words in sorted(data.get("events", {}).items()) for w in words},
    )


@quick_pickle
@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure in a claim: the range it stands for, what it counts, what it is about."""

    low: float
    high: float
    words: str
    """The words in the text ("tens of thousands", "more than 2,000")."""
    unit: str
    """"people", "percent", "money $" (with its currency) or "count"."""
    noun: str
    """The word it counts ("conscripts"), or "" where none follows."""
    concepts: frozenset[str]
    """Concepts named within a few words of it."""
    context: frozenset[str]
    """Stems of the other words within a few words of it."""
    owner: str = ""
    """The stem of a possessive right before it ("Unison's 800,000 workers" → unison), else ""."""
    scope: frozenset[str] = frozenset()
    """Stems of the capitalised words a few words before or after it, its source's left out: the
    place, country or body it is for ("North West 3%", "BA has cut 13,000 jobs")."""
    direction: str = ""
    """"up" or "down" where a word near it says which way ("lost 800,000 jobs", "rose by 3%"), else ""."""
    measure: str = ""
    """The stem of the word right after it, or after its "of" ("£4bn of tax cuts" → tax), else ""."""
    event: str = ""
    """The kind of event the verb nearest it tells ("100 employees were sacked" → dismissal), else ""."""


@quick_pickle
@dataclass(frozen=True, slots=True)
class ClaimKeys:
    """The comparable parts of one claim."""

    stems: frozenset[str]
    concepts: frozenset[str]
    quantities: tuple[Quantity, ...]
    denied: frozenset[str]
    """Stems and concepts that a negation governs ("yet to see mass protests" → mass, protest)."""
    phrase: str
    """The denial as written, for the reader ("yet to see “mass protests”")."""
    dates: frozenset[str]
    """Years and months named, so figures for different times are not set against each other."""
    names: frozenset[str] = frozenset()
    """Stems of the capitalised words past the first: who, where or what the claim is about."""
    subject: frozenset[str] = frozenset()
    """Stems of the capitalised words in the clause before the denial, its first word too ("Jones,
    who did not …", "while Owen failed to"): who or what does not, which the claim it is set
    against must name as well."""
    heads: frozenset[str] = frozenset()
    """The first word each denial governs, stemmed ("never voted in general elections" → vot): what
    is denied, which the claim it is set against must affirm."""
    unnamed: bool = False
    """The denial is said of someone or something not named ("Her time … was not good enough", "That
    leap …"): no other claim can be shown to speak of the same one."""


def _number(token: str) -> tuple[float, str] | None:
    """Return (value, unit) for a figure token ("300,000", "$1.1bn", "5.5%")."""
    # Sums compare only in the same currency: "$15m (£8.3m)" is one figure, not two.
    unit = f"money {token[0]}" if token[:1] in "$£€" else "count"
    core = token.lstrip("$£€")
    scale = 1.0
    if core.endswith("%"):
        unit, core = "percent", core[:-1]
    for suffix in ("bn", "m", "k"):
        if core.endswith(suffix):
            scale, core = _SCALE[suffix], core[: -len(suffix)]
            break
    try:
        return float(core.replace(",", "")) * scale, unit
    except ValueError:
        return None


def _bound(before: str, value: float, lex: Lexicon) -> tuple[float, float]:
    if any(before.endswith(w) for w in lex.at_most):
        return (value * 0.7, value)
    if any(before.endswith(w) for w in lex.at_least):
        return (value, value * 1.5)
    if any(before.endswith(w) for w in lex.about):
        return (value * 0.8, value * 1.2)
    return (value, value)


def _is_number(token: str) -> bool:
    return token[:1].isdigit() or token in _WORD_NUMBERS


def _in_ratio(tokens: list[str], i: int) -> bool:
    """Return True where the figure at `i` is one side of a share ("6 in 10", "four out of 10")."""
    before = tokens[max(0, i - 3) : i]
    after = tokens[i + 1 : i + 4]
    return (len(before) >= 2 and before[-1] in ("in", "of") and _is_number(before[-2])) or \
        (len(before) >= 3 and before[-2:] == ["out", "of"] and _is_number(before[-3])) or \
        (len(after) >= 2 and after[0] in ("in", "of") and _is_number(after[1])) or \
        (len(after) >= 3 and after[:2] == ["out", "of"] and _is_number(after[2]))


def quantities(tokens: list[str], lex: Lexicon, text: str = "") -> list[Quantity]:
    """Find the figures among the tokens of a claim, `text` the claim as written (for its capitals)."""
    out: list[Quantity] = []
    capitals: tuple[int, ...] | None = None
    # Only a figure (a token not made of letters) or one of a few words can start a quantity:
    # the loop visits those alone, not every word (about 30 a claim, a figure in one of three).
    starts = [j for j, t in enumerate(tokens) if t[0] not in _LETTERS or t in _STARTS]
    i = 0
    for at in starts:
        if at < i:
            continue  # inside the figure found before
        i = at
        tok = tokens[i]
        span = 1
        rng: tuple[float, float] | None = None
        unit = "count"
        if tok[:1].isdigit() or (tok[:1] in "$£€" and tok[1:2].isdigit()):
            parsed = _number(tok)
            if parsed and not (len(tok) == 4 and 1600 <= parsed[0] <= 2099 and parsed[1] == "count"):
                value, unit = parsed
                nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
                if nxt in _SCALE:
                    value, span = value * _SCALE[nxt], 2
                elif nxt in ("per", "percent") or nxt == "cent":
                    unit = "percent"
                if _in_ratio(tokens, i):
                    unit = "ratio"  # "6 in 10 voters", "3 of 5" are shares, not counts
                rng = (value, value)
                if i and tokens[i - 1] in lex.bound_ends:
                    rng = _bound(" ".join(tokens[max(0, i - 3) : i]), value, lex)
        elif tok in ("tens", "hundreds") and tokens[i + 1 : i + 3] in (["of", "thousands"],
                                                                       ["of", "millions"]):
            base = 1e3 if tokens[i + 2] == "thousands" else 1e6
            # "Tens of thousands" is read as 15,000 to 99,000: a writer would say "some 10,000".
            rng = (15 * base, 99 * base) if tok == "tens" else (150 * base, 990 * base)
            span = 3
        elif tok in _VAGUE and tokens[i + 1 : i + 2] == ["of"]:
            rng = _VAGUE[tok]
        elif tok in _WORD_NUMBERS and tok != "a" and i + 1 < len(tokens) and tokens[i + 1] in _SCALE:
            value = _WORD_NUMBERS[tok] * _SCALE[tokens[i + 1]]
            rng, span = (value, value), 2
        if rng is None:
            i += 1
            continue
        words = " ".join(tokens[i : i + span])
        after = [t for t in tokens[i + span : i + span + 4] if t not in lex.stopwords or t == "people"]
        noun = ""
        for t in after[:2]:
            if t in _MEASURES:
                break  # "15 points among voters", "aged 45": not a count of people
            if t in lex.people_nouns:
                noun = t
                break
        if tokens[i - 1 : i] == ["aged"]:
            rng = None
        if rng is None:
            i += span
            continue
        if noun:
            unit = "people" if unit == "count" else unit
        if unit == "ratio":
            unit = "count"  # never compared
        around = tokens[max(0, i - _WINDOW) : i + span + _WINDOW]
        near = " ".join(around)
        concepts = frozenset({c for t in around if (c := lex.concepts.get(t))}
                             | {c for phrase, c in lex.phrase_concepts if phrase in near})
        context = lex.context_stems.of(around)
        before = tokens[i - 1] if i else ""
        owner = lex.claim_stems[before] if before.endswith(("'s", "'")) else ""
        if capitals is None:  # worked out for claims with a figure alone
            capitals = _capitals(text, len(tokens))
        out.append(Quantity(rng[0], rng[1], words, unit, noun, concepts, context, owner,
                            *_setting(tokens, i, i + span, capitals, lex, text)))
        i += span
    return out


def _capitals(text: str, count: int) -> tuple[int, ...]:
    """Return the indices of the tokens `text` writes with a capital ("" or a mismatch: none)."""
    cased = _TOKEN_CASED.findall(text.replace("’", "'").replace("“", " ").replace("”", " ").replace('"', " "))
    if len(cased) != count:
        return ()
    return tuple(k for k, t in enumerate(cased) if t[0].isupper())


def _after_commas(text: str, count: int) -> frozenset[int]:
    """Return the indices of the tokens right after a comma in `text` (a mismatch: none)."""
    found: list[int] = []
    last = 0
    k = -1
    for k, m in enumerate(_TOKEN_CASED.finditer(text)):
        if "," in text[last : m.start()]:
            found.append(k)
        last = m.end()
    return frozenset(found) if k + 1 == count else frozenset()


def _setting(tokens: list[str], start: int, end: int, capitals: tuple[int, ...],
             lex: Lexicon, text: str = "") -> tuple[frozenset[str], str, str, str]:
    """Return the scope, direction, measure and event of the figure at tokens[start:end] (see `Quantity`)."""
    # Each scan below is made only where a set test finds a word it looks for (most figures have none).
    lo = max(0, start - _WINDOW)
    if not _SOURCE_WORDS.isdisjoint(tokens[lo:start]):
        # "Nationwide said that …": who says is not what the figure is for
        lo = max(k for k in range(lo, start) if tokens[k] in _SOURCE_WORDS) + 1
    hi = min(len(tokens), end + _WINDOW)
    if not _SOURCE_WORDS.isdisjoint(tokens[end:hi]):
        hi = next(k for k in range(end, hi) if tokens[k] in _SOURCE_WORDS)
    # After the figure, a name says where or whose only behind "in", "across" … ("3% in the North
    # West"), not "to" ("300,000 conscripts to Ukraine"): from the first such word on.
    at = hi if _SCOPE_WORDS.isdisjoint(tokens[end:hi]) else \
        next(k for k in range(end, hi) if tokens[k] in _SCOPE_WORDS)
    # The claim's first word is capitalised whatever it is, as in `ClaimKeys.names`. A possessive is
    # whose the next word is ("Putin's plan to send 300,000"), not the figure's (one right before the
    # figure is its `owner`).
    begin = max(lo, 1)
    if "according" in tokens[:start]:  # "According to Foreign Policy, 2,000 …": the source, too
        source = max(k for k in range(start) if tokens[k] == "according") + 1
        source += tokens[source : source + 1] == ["to"]
        # (up to its comma: "According to the ONS, North West prices rose 3%" is for the North West)
        breaks = _after_commas(text, len(tokens)) if text else frozenset()
        while source < start and (source in capitals or tokens[source] == "the") and source not in breaks:
            source += 1
        begin = max(begin, source)
    scope = frozenset(stem(t) for k in capitals if begin <= k < start or at <= k < hi
                      if (t := tokens[k]) not in lex.stopwords and t not in _MONTHS
                      and not t.endswith(("'s", "'"))) if capitals else _NONE
    # A figure something is brought "to" is a level, whichever way it went ("cut its holding to 10%").
    direction = "" if tokens[start - 1 : start] == ["to"] else \
        _nearest(tokens, start, end, max(lo, start - 4), min(hi, end + 4), _WAYS)
    after = tokens[end : end + 3]
    if after[:1] == ["of"]:
        after = [t for t in after[1:] if t not in ("the", "a", "an")]
    first = after[0] if after else ""
    measure = stem(first) if first[:1].isalpha() and first not in lex.stopwords and first not in _MONTHS \
        else ""
    return scope, direction, measure, _nearest(tokens, start, end, lo, hi, lex.events)


def _nearest(tokens: list[str], start: int, end: int, lo: int, hi: int, kinds: dict[str, str]) -> str:
    """Return the kind of the word of `kinds` nearest the figure at tokens[start:end] within [lo, hi),
    the one before it first at each distance, else ""."""
    if kinds.keys().isdisjoint(tokens[lo:hi]):
        return ""
    for n in range(max(start - lo, hi - end)):
        for k in (start - 1 - n, end + n):
            if (lo <= k < start or end <= k < hi) and (kind := kinds.get(tokens[k])):
                return kind
    return ""


@lru_cache(maxsize=65536)
def claim_keys(text: str) -> ClaimKeys:
    """Return the comparable parts of a claim's text."""
    lex = lexicon()
    lowered = text.lower().replace("’", "'").replace("“", " ").replace("”", " ").replace('"', " ")
    tokens = _TOKEN.findall(lowered)
    words = tokens if "-" not in lowered else \
        [p for t in tokens for p in (t.split("-") if "-" in t and not t[:1].isdigit() else [t])]
    stems = lex.claim_stems.of(words)
    concepts = {c for w in words if (c := lex.concepts.get(w))}
    concepts.update(c for phrase, c in lex.phrase_concepts if phrase in lowered)
    denied: set[str] = set()
    phrase = ""
    subject = _NONE
    heads: set[str] = set()
    unnamed = False
    for m in lex.negations.finditer(lowered):
        after = _TOKEN.findall(lowered, m.end(), m.end() + 50)[:4]
        if after[:1] == ["to"]:
            continue  # "pledged not to increase", "careful not to obstruct": an intent, no denial
        following = [w for w in after if w[:1].isalpha()]
        content = [stem(w) for w in following if w not in lex.stopwords]
        governed = set(content) | {c for w in following if (c := lex.concepts.get(w))}
        if governed:
            denied |= governed
            heads.update(content[:1])
            if not phrase:
                phrase = text[m.start() : min(len(text), m.end() + 40)].split(".")[0].strip()
                clause = _clause_before(text, m.start())
                subject = _names(" " + clause, lex)
                # "Her time … was not good enough" is said of someone unnamed; "there have been no
                # attacks", "we are yet to see mass protests" deny that a thing happened at all.
                unnamed = not subject and _THERE.isdisjoint(_TOKEN.findall(clause.lower()))
    dates = frozenset(t for t in tokens
                      if t in _MONTHS or (len(t) == 4 and t[:2] in ("19", "20") and t.isdigit()))
    if "'" in lowered:  # "last June's"
        dates |= {w for t in tokens if "'" in t and (w := t.split("'")[0]) in _MONTHS}
    names = frozenset(stem(m.lower()) for m in _CAPITALISED.findall(text))
    return ClaimKeys(stems, frozenset(concepts), tuple(quantities(tokens, lex, text)), frozenset(denied),
                     phrase, dates, names, subject, frozenset(heads) if heads else _NONE, unnamed)


_NONE: frozenset[str] = frozenset()
_THERE = frozenset(("there", "we", "i"))
"""Words of a clause whose denial denies that a thing is or happened, not something of someone."""
"""One empty set for every claim that denies nothing (most): 2,225 articles' pieces hold 35,000 claims."""
_BREAKS = (",", ";", ":", "(", " – ", " - ", " but ", " and ", " while ", " whereas ")
_RELATIVES = ("who ", "which ", "that ", "whose ")


def _clause_before(text: str, end: int) -> str:
    """Return the clause that runs up to `end`, or, where it opens with "who", the one before it too."""
    at = max(text.rfind(b, 0, end) for b in _BREAKS)
    clause = text[at + 1 : end].lstrip()
    if at > 0 and clause.startswith(_RELATIVES):  # "Jones, who did not …": Jones is who did not
        return text[max(text.rfind(b, 0, at) for b in _BREAKS) + 1 : end]
    return clause


def capitalised_stems(name: str) -> frozenset[str]:
    """Return the stems of a name's capitalised words, as `ClaimKeys.names` holds them."""
    return _names(" " + name, lexicon())


def _names(text: str, lex: Lexicon) -> frozenset[str]:
    """Return the stems of the capitalised words in `text` past its first, stopwords ("Mr") left out."""
    return frozenset(stem(w) for m in _CAPITALISED.findall(text) if (w := m.lower()) not in lex.stopwords)
