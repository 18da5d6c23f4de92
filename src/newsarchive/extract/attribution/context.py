"""What the sieves share for one article: quote-masked text, sentences, mentions, cue words."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from newsarchive.extract.abbreviations import ends_no_sentence, known
from newsarchive.extract.attribution.lede import describes, lede_holder
from newsarchive.extract.draft import Draft, QuoteDraft
from newsarchive.extract.entities import gender, get_lexicon
from newsarchive.extract.entities.lexicon import Lexicon
from newsarchive.extract.text import LOWER_LETTERS, apart
from newsarchive.lexicon import load_data

if TYPE_CHECKING:
    from newsarchive.extract.attribution.cues import Cue, CueIndex

MASK = "·"
"""Stands in for every character inside a quotation, so cue patterns never match quoted words."""

SUBORDINATORS = frozenset(("after", "before", "when", "while", "as", "if", "because", "since", "although",
                           "though", "until", "once", "whether", "unless", "whereas"))
"""Words that open a subordinate clause ("after they reported", "when Clinton blasted him")."""


@dataclass(frozen=True, slots=True)
class CueWords:
    """The cue lexicon (`cues.yaml`) as sets and compiled patterns."""

    heads: dict[str, list[re.Pattern[str]]]
    """First word of each speech verb or "according to" phrase → patterns for the whole phrase,
    longest first: words are looked up, so the scan costs one pass however long the list."""
    head_words: frozenset[str]
    verbs: frozenset[str]
    weak: frozenset[str]
    strong: frozenset[str]
    """Verbs that are not weak: only they end a quotation's sentence as its tail ("“…” Miller
    said"); after a weak one a sentence of its own starts ("“…” Sonaptic hopes the …")."""
    according: frozenset[str]
    between: frozenset[str]
    passive: frozenset[str]
    hearsay: frozenset[str]
    """Verbs whose subject is talked about before "to be"/"to have" ("reported to have resigned")."""
    pronouns: dict[str, str]
    scare_re: re.Pattern[str]
    """A term-introducing word or phrase right before a quotation ("so-called", "the podcast")."""
    naming_re: re.Pattern[str]
    """A passive naming verb right before a quotation ("has been dubbed")."""
    term_ends: tuple[str, ...]
    """The last word of every phrase of `scare_re` and `naming_re`: text before a quotation that
    ends with none of them (spaces, commas and colons aside) matches neither."""
    unnamed: frozenset[str]
    anonymous: frozenset[str]
    """Roles that, after "the", stand for someone the text does not name ("the spokesman said")."""
    nouns: frozenset[str]
    """Nouns of speech ("statement", "interview", "remarks")."""
    firm_heads: frozenset[str]
    """Descriptions that point back to the nearest named organisation ("the company said")."""
    irregular_past: frozenset[str]
    documents: frozenset[str] = frozenset()
    """Words for a document ("order", "code", "act"): as a clause's subject, the quoted words in
    the clause are the document's."""
    findings: frozenset[str] = frozenset()
    """A body's published findings ("the report"), which speak for the body that published them."""
    colon_verbs: frozenset[str] = frozenset()
    """Verbs that are cues only right before a colon and a quotation ("admit: “…”")."""
    occasions: frozenset[str] = frozenset()
    """Occasions for words that "to" and a speech verb follow: "used a speech to say"."""
    scare_after: frozenset[str] = frozenset()
    """Nouns right after a short quotation that make it a name or term: "a “yes” vote", "its “I'm
    lovin' it” slogan"."""
    claim_labels: frozenset[str] = frozenset()
    """A fact check's label before the claim it checks ("CLAIM:"), lower case, colon off."""
    claimant_labels: frozenset[str] = frozenset()
    """The label of the line under it naming who made the claim ("CLAIMED BY:")."""
    heard_re: re.Pattern[str] | None = None
    """A hearing that heard evidence, `hearings` ("an inquest has heard", "the jury was told")."""
    lone: frozenset[str] = frozenset()
    """The heads whose one phrase is the head alone, in ASCII letters ("said"): where one stands
    as a whole word, its pattern matches it unless a letter, digit or "_" follows (`_ends_word`),
    so `find_cue_words` asks no pattern."""


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _lone(phrases: list[str]) -> frozenset[str]:
    """Return the heads of `_heads` whose one phrase is the head alone, in ASCII letters."""
    count: dict[str, int] = {}
    for phrase in set(phrases):
        head = phrase.split(" ", 1)[0]
        count[head] = count.get(head, 0) + 1
    return frozenset(p for p in set(phrases) if p.isascii() and p.isalpha() and count[p] == 1)


def _ends_word(text: str, at: int, end: int) -> bool:
    """Return True where a pattern's `\b` holds at `at` after a letter, with the text ending at
    `end` (a word character is what `re` takes for one: alphanumeric or "_")."""
    return at >= end or not (text[at].isalnum() or text[at] == "_")


def _heads(phrases: list[str]) -> dict[str, list[re.Pattern[str]]]:
    heads: dict[str, list[re.Pattern[str]]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        pattern = re.compile(rf"{_alternation([phrase])}\b", re.IGNORECASE)
        heads.setdefault(phrase.split(" ", 1)[0], []).append(pattern)
    return heads


_WORD = re.compile(r"[A-Za-z]+")


def letters_apart(text: str) -> str | None:
    """Return the text lower-cased with every character but a letter as a space, where it is
    ASCII but for the mask; else None (`find_cue_words` cuts a stretch's words from a slice)."""
    bare = text.replace(MASK, " ")
    return apart(bare, LOWER_LETTERS) if bare.isascii() else None


# (init=False and an __init__ of our own, as for `Named`: mypyc compiles it.)
@dataclass(slots=True, init=False)
class CueWord:
    """A speech verb or an "according to" phrase where `find_cue_words` found it, read as a match
    object is (`start()`, `end()`, `group()`): most are found with no match object made."""

    _start: int
    _end: int
    _words: str

    def __init__(self, start: int, end: int, words: str) -> None:
        self._start = start
        self._end = end
        self._words = words

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        """Return the words as written."""
        return self._words


def find_cue_words(cues: CueWords, text: str, start: int, end: int,
                   apart: str | None = None) -> list[CueWord]:
    """Return the speech verbs and "according to" phrases in [start, end) of a text, in order,
    with a verb of `colon_verbs` right before a colon and a quotation ("He did, however, admit:
    “…”"; not "wanted to admit 250,000 Syrians").

    `apart`: `letters_apart(text)`, where the caller has it for more than one stretch of the text.
    """
    found = _listed_cue_words(cues, text, start, end, apart)
    colon = text.find(":", start, end) if cues.colon_verbs else -1
    if colon < 0:
        return found
    before = len(found)
    while colon >= 0:
        at = colon
        while at > start and _letter(text[at - 1]):
            at -= 1
        if at < colon and text[at:colon].lower() in cues.colon_verbs \
                and _COLON_QUOTE.match(text, colon + 1, end) is not None \
                and _DETERMINERS.isdisjoint(text[max(start, at - 30):at].lower().split()[-2:]):
            found.append(CueWord(at, colon, text[at:colon]))
        colon = text.find(":", colon + 1, end)
    if len(found) > before:
        found.sort(key=lambda w: w.start())
    return found


_DETERMINERS = frozenset(("a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this",
                          "that"))
"""Words that make a colon verb after them a noun: "a snappy retort:", "his claim:"."""
_COLON_QUOTE = re.compile(rf"\s*[“\"‘'«]\s*{MASK}")
"""A quotation right after a colon (its words masked)."""


def _listed_cue_words(cues: CueWords, text: str, start: int, end: int,
                      apart: str | None = None) -> list[CueWord]:
    """Return the speech verbs and "according to" phrases of the cue lists in [start, end)."""
    # Which cue words the stretch holds is set work done in C; then only their occurrences are
    # looked at, not every word of the text (most sentences hold one cue word, or none).
    if apart is not None:
        # (cut once a paragraph, its words cost half a `findall` of each sentence's)
        present = cues.head_words.intersection(apart[start:end].split())
        if not present:
            return []
    stretch = text[start:end]
    low = stretch.lower()
    if apart is None:
        # (The mask is the one other character of most sentences with a quotation: it is no
        # letter and lower-cases to itself, so such a sentence is cut as ASCII text is, with one
        # `findall`.)
        if stretch.isascii() or stretch.replace(MASK, "").isascii():
            present = cues.head_words.intersection(_WORD.findall(low))
        else:
            # Lower-casing some non-ASCII letters makes ASCII ones ("K" → "k"), which can join a
            # cue word to its neighbour: such a stretch holds the words of its lower-cased text.
            if cues.head_words.isdisjoint(_WORD.findall(low)):
                return []
            present = cues.head_words.intersection(map(str.lower, _WORD.findall(stretch)))
        if not present:
            return []
    found: list[CueWord] = []
    for at, n in _occurrences(stretch, low, present):
        word = stretch[at:at + n]
        capital = not word.islower()
        lowered = word.lower()
        at += start
        if lowered in cues.lone:
            # (its pattern, `word\b` ignoring case, matches the word `_occurrences` found where
            # `\b` holds after it: a call and a match object spared at most cues)
            if _ends_word(text, at + n, end) and (not capital or (word[1:].islower()
                                                                  and _opens_sentence(text, at))):
                found.append(CueWord(at, at + n, word))
            continue
        for pattern in cues.heads[lowered]:
            m = pattern.match(text, at, end)
            if m is None:
                continue
            # A capitalised verb is a cue only where it opens its sentence ("Said Dorothy
            # Poynter, …", "Continued Stone: “…”"), not a name ("Edward Said"); a phrase
            # ("According to") may open a clause anywhere.
            if not capital or " " in m.group() or (word[1:].islower() and _opens_sentence(text, at)):
                found.append(CueWord(m.start(), m.end(), m.group()))
            break
    return found


def _letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


def _occurrences(stretch: str, low: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """Return (offset, length) of each of the words in the stretch, as whole words of ASCII letters
    the way `_WORD` cuts them, in any case, in order."""
    if len(low) != len(stretch):  # lower-casing moved the offsets ("İ"): walk the words
        return [(w.start(), len(w.group())) for w in _WORD.finditer(stretch) if w.group().lower() in words]
    out = []
    for word in words:
        n = len(word)
        at = low.find(word)
        while at >= 0:
            whole = (at == 0 or not _letter(stretch[at - 1])) \
                and (at + n == len(stretch) or not _letter(stretch[at + n]))
            if whole and stretch[at:at + n].isascii():
                out.append((at, n))
            at = low.find(word, at + 1)
    if len(words) > 1:
        out.sort()
    return out


def _opens_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?;:\n"


@lru_cache(maxsize=4)
def _cue_words(key: int) -> CueWords:
    data = load_data("cues")
    verbs = [str(v) for v in data.get("verbs") or ()]
    according = [str(v) for v in data.get("according") or ()]
    scare = [str(v) for v in data.get("scare_before") or ()]
    naming = [str(v) for v in data.get("naming") or ()]
    return CueWords(
        heads=_heads(according + verbs),
        lone=_lone(according + verbs),
        head_words=frozenset(phrase.split(" ", 1)[0] for phrase in according + verbs),
        verbs=frozenset(verbs),
        weak=frozenset(str(v) for v in data.get("weak") or ()),
        strong=frozenset(verbs) - frozenset(str(v) for v in data.get("weak") or ()),
        according=frozenset(according),
        between=frozenset(str(v) for v in data.get("between") or ()),
        passive=frozenset(str(v) for v in data.get("passive") or ()),
        hearsay=frozenset(str(v) for v in data.get("hearsay") or ()),
        pronouns={str(k): str(v) for k, v in (data.get("pronouns") or {}).items()},
        scare_re=re.compile(rf"(?:^|\W)(?:{_alternation(scare)})[\s,:]*$"),
        # ("has been dubbed “X”", and as a participle, "launched in December and dubbed “Otoku”":
        # no one names it in so many words; not after a comma, "in what Bay Buchanan, national
        # treasurer for Reagan's campaign, called “hand-to-hand combat”")
        naming_re=re.compile(rf"\b(?:is|are|was|were|be|been|being|so|and|now|widely|often|popularly)"
                             rf"\s+(?:{_alternation(naming)})[\s,:]*$"),
        term_ends=tuple(sorted({phrase.split(" ")[-1] for phrase in scare + naming})),
        unnamed=frozenset(str(v) for v in data.get("unnamed") or ()),
        anonymous=frozenset(str(v) for v in data.get("anonymous") or ()),
        nouns=frozenset(str(v) for v in data.get("nouns") or ()),
        firm_heads=frozenset(str(v) for v in data.get("firm_heads") or ()),
        irregular_past=frozenset(str(v) for v in data.get("irregular_past") or ()),
        documents=frozenset(str(v) for v in data.get("documents") or ()),
        findings=frozenset(str(v) for v in data.get("findings") or ()),
        occasions=frozenset(str(v) for v in data.get("occasions") or ()),
        colon_verbs=frozenset(str(v) for v in data.get("colon_verbs") or ()),
        scare_after=frozenset(str(v) for v in data.get("scare_after") or ()),
        claim_labels=frozenset(str(v).lower() for v in data.get("claim_labels") or ()),
        claimant_labels=frozenset(str(v).lower() for v in data.get("claimant_labels") or ()),
        heard_re=_heard_re([str(v) for v in data.get("hearings") or ()]),
    )


def _heard_re(hearings: list[str]) -> re.Pattern[str] | None:
    """Return the pattern of a hearing that heard: "an inquest has heard", "the court was told"
    (one word may stand before the hearing: "a High Court jury"; no repetition that backtracks)."""
    if not hearings:
        return None
    return re.compile(rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w’'-]+\s+)?(?:{_alternation(hearings)})"
                      r"\s+(?:(?:has|had)\s+heard|heard|(?:was|were)\s+told)\b")


def cue_words() -> CueWords:
    """Return the cue lexicon in use."""
    return _cue_words(id(load_data("cues")))


# (init=False and an __init__ of our own, as in draft.py: mypyc compiles it; the one dataclasses
# writes runs as Python. Not frozen: an explicit __init__ cannot set a frozen one's fields.)
@dataclass(slots=True, init=False)
class Named:
    """A mention of a person or body, by canonical name, where it stands."""

    paragraph: int
    start: int
    end: int
    name: str
    kind: str

    def __init__(self, paragraph: int, start: int, end: int, name: str, kind: str) -> None:
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.name = name
        self.kind = kind


class Sentences:
    """Each paragraph's sentence spans, worked out only for the paragraphs the sieves look at."""

    __slots__ = ("_done", "_lex", "_masked", "_verbs")

    def __init__(self, masked: list[str], lex: Lexicon, verbs: frozenset[str]) -> None:
        self._masked = masked
        self._lex = lex
        self._verbs = verbs
        self._done: dict[int, list[tuple[int, int]]] = {}

    def __getitem__(self, paragraph: int) -> list[tuple[int, int]]:
        spans = self._done.get(paragraph)
        if spans is None:
            spans = self._done[paragraph] = _sentences(self._masked[paragraph], self._lex, self._verbs)
        return spans


@dataclass(slots=True)
class Context:
    """One article as the sieves see it."""

    draft: Draft
    lex: Lexicon
    cues: CueWords
    masked: list[str]
    """Each paragraph's text with quotations' insides masked."""
    sentences: Sentences
    """Each paragraph's sentences, as (start, end) offsets, split when first asked for."""
    named: list[Named]
    """Every mention, in reading order."""
    named_keys: list[tuple[int, int]]
    """(paragraph, start) of each of `named`, for bisection without a key function (which a
    bisection calls at each step, building a tuple each time)."""
    genders: dict[str, str | None]
    roles: dict[str, str]
    """Canonical name → its roles and descriptions, lower-cased and joined, for "the minister"."""
    quotes_in: dict[int, list[QuoteDraft]] = field(default_factory=dict)
    quote_starts: dict[int, list[int]] = field(default_factory=dict)
    speakers: list[tuple[int, int, str]] = field(default_factory=list)
    """(paragraph, offset, name) of every holder a sieve resolved, in the order found."""
    spoken: set[str] = field(default_factory=set)
    """The names in `speakers`, for a membership test that does not scan them."""
    anonymous: dict[int, list[int]] = field(default_factory=dict)
    """Paragraph → offsets of the cues whose speaker the text leaves unnamed ("a spokesman said")."""
    named_cues: dict[int, list[int]] = field(default_factory=dict)
    """Paragraph → offsets of the cues that name their speaker, in order."""
    voices: dict[int, dict[int, str]] = field(default_factory=dict)
    """Paragraph → cue offset → body, for the cues where a body's spokesman speaks ("a BBC
    spokesman said"), for the "he" or "she" after them."""
    cue_cache: dict[int, list[Cue]] = field(default_factory=dict)
    index_cache: dict[int, CueIndex] = field(default_factory=dict)
    first_plain: dict[int, int] = field(default_factory=dict)
    lede: tuple[str, str] | None = None
    """(role, person) where the first paragraph describes someone the second names (`lede`)."""
    offices: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    """Office → (paragraph, offset, person) of each description of it resolved so far (`offices`)."""
    mention_keys: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """Name → (paragraph, start) of its mentions, in order; made when first asked for."""
    unnamed_first: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Description's head → (paragraph, end) of the first place the text brings one in unnamed
    ("a spokesman", "A political strategist"), past the text where none does; made when first
    asked for (`holders._unnamed_before`)."""

    def quotes_before(self, q: QuoteDraft, limit: int) -> list[QuoteDraft]:
        """Return up to `limit` quotations of q's paragraph that end before it starts, nearest first
        (by bisection: a paragraph of 100,000 quotes costs each one a lookup, not a scan)."""
        quotes, i = self._quotes_at(q)
        return [p for p in quotes[max(0, i - limit):i][::-1] if p.end <= q.start]

    def quote_around(self, q: QuoteDraft, limit: int = 4) -> QuoteDraft | None:
        """Return the quotation of q's paragraph that holds q (nested in it), among the `limit`
        that start before it, or None (by bisection, as `quotes_before`)."""
        quotes, i = self._quotes_at(q)
        return next((p for p in quotes[max(0, i - limit):i + 1] if p is not q and p.start <= q.start
                     and q.end <= p.end), None)

    def _quotes_at(self, q: QuoteDraft) -> tuple[list[QuoteDraft], int]:
        """Return q's paragraph's quotations and where q's start falls among them."""
        quotes = self.quotes_in.get(q.paragraph, [])
        starts = self.quote_starts.get(q.paragraph)
        if starts is None:
            starts = self.quote_starts[q.paragraph] = [p.start for p in quotes]
        return quotes, bisect_left(starts, q.start)

    def last_cue_before(self, cues: dict[int, list[int]], paragraph: int, at: int) -> int:
        """Return the offset of the last of a paragraph's cues (`anonymous` or `named_cues`)
        that starts before `at`, or -1."""
        offsets = cues.get(paragraph, [])
        i = bisect_left(offsets, at)
        return offsets[i - 1] if i else -1

    def has_honorific(self, name: str) -> bool:
        """Return True where the text gives the person an honorific ("Mr Blair", "Lord Faulkner")."""
        entity = self.draft.entities.get(name)
        return entity is not None and any(
            a.split(" ", 1)[0].rstrip(".") in self.lex.honorifics for a in entity.aliases if " " in a)

    def sentence_of(self, paragraph: int, offset: int) -> tuple[int, int]:
        """Return the (start, end) of the sentence holding the offset."""
        spans = self.sentences[paragraph]
        if not spans:
            return 0, len(self.masked[paragraph])
        # Spans are in order and touch: the last one starting at or before the offset holds it.
        i = bisect_right(spans, (offset, 1 << 62)) - 1
        start, end = spans[max(i, 0)]
        if start <= offset < end:
            return start, end
        return spans[-1]

    def named_at(self, paragraph: int, start: int, end: int) -> list[Named]:
        """Return the mentions lying within [start, end) of a paragraph."""
        i = bisect_left(self.named_keys, (paragraph, start))
        out = []
        while i < len(self.named) and self.named[i].paragraph == paragraph and self.named[i].start < end:
            if self.named[i].end <= end:
                out.append(self.named[i])
            i += 1
        return out

    def before(self, paragraph: int, offset: int) -> Iterator[Named]:
        """Yield the mentions standing before a place, nearest first."""
        i = bisect_left(self.named_keys, (paragraph, offset))
        named = self.named
        for j in range(i - 1, -1, -1):
            yield named[j]

    def opens_paragraph(self, paragraph: int, offset: int) -> bool:
        """Return True where only quotations and spaces stand before the offset in its paragraph."""
        first = self.first_plain.get(paragraph)
        if first is None:
            masked = self.masked[paragraph]
            first = self.first_plain[paragraph] = len(masked) - len(masked.lstrip(" " + MASK))
        return offset <= first


# A sentence ends at . ! ? (closing marks after it) or at a closing quotation mark, before a space
# and what opens a sentence (guillemets too, with the space French sets inside them: "« Nous …").
# One character class comes first so the engine skips to candidates (an alternation of two would
# be tried at every character); the look-behinds tell them apart.
_BOUNDARY = re.compile(r"[.!?\"”»](?:(?<=[.!?])[\"”’)»]*\s+(?=(?:[\"“‘(„]|«\s?)?[A-Z0-9·])"
                       r"|(?<=[\"”»])\s+(?=(?:[\"“]|«\s?)[A-Z·]))")


_TAIL_WORDS = 6
"""How many words after a quotation ending in a full stop may lead to its speech verb ("“…today?”
Sen. John Smith said") for the sentence to go on."""


# "“…Manchester.” Milan coach Carlo Ancelotti said his team were …": a verb of saying that a
# reported clause follows opens a sentence of its own (not "“…” Smith told the BBC").
_SAYING = frozenset(("said", "says", "added", "adds", "insisted", "insists", "claimed", "claims", "argued",
                     "argues", "explained", "explains", "believes", "believed", "admitted", "admits"))
_REPORTED = frozenset(("he", "she", "it", "they", "we", "i", "his", "her", "their", "its", "the", "that",
                       "this", "there", "a", "an"))
_COLON_WORDS = 4
"""How many words from a speech verb a colon may stand that makes it bring in what follows."""
_CLAUSE_OPENERS = frozenset(("why", "how", "what", "whether", "where", "when", "if", "that"))


def _speaker_tail(words: list[str], verbs: frozenset[str]) -> bool:
    """Return True where the words are a speaker and their verb: "Miller said", "Sen. John Smith
    said", "said Miller", "the senator said" (not "O’Malley’s move was first reported by")."""
    common = 0
    for i, w in enumerate(words):
        w = w.strip(",.:;")
        if w in verbs:
            # "“….” Henry explained why he paused": a verb opening a clause of its own; "“….”
            # Canaries boss Nigel Worthington added: “…”": a verb bringing in the next quotation
            return not (i + 1 < len(words) and words[i + 1] in _CLAUSE_OPENERS) \
                and not any(x.endswith(":") for x in words[i:i + _COLON_WORDS]) \
                and not (w in _SAYING and i > 0 and i + 1 < len(words) and words[i + 1] in _REPORTED)
        if w[:1].islower() and w not in ("the", "a", "an", "he", "she", "they"):
            common += 1
            if common > 1:
                return False
    return False


def _sentences(masked: str, lex: Lexicon, verbs: frozenset[str]) -> list[tuple[int, int]]:
    spans = []
    stops: frozenset[str] | None = None  # (asked for at the first full stop)
    start = 0
    for m in _BOUNDARY.finditer(masked):
        # (the word before the stop, whole up to 40 characters: "example.com" is no "le.com")
        # (`rsplit(None, 1)`: the last word as `split()[-1:]` gives it, the rest left whole)
        word = masked[max(0, m.start() - 40):m.start()].rsplit(None, 1)[-1:] or [""]
        w = word[0].lstrip("(“\"")
        # ("U.S.", "p.m." are abbreviations; "$8.6m." ends a sentence)
        if masked[m.start()] == ".":
            stops = known(lex) if stops is None else stops
            if ends_no_sentence(w, masked[m.end():m.end() + 24], stops, lex.given):
                continue
        if w.endswith(MASK) or w.endswith(MASK + "."):
            # A quotation ending in a full stop ends the sentence only if what follows starts
            # one: "“…today?” Miller said" goes on; "“no to war.” For months" and "“…nomination.”
            # O’Malley’s move was first reported by MSNBC" do not.
            nxt = masked[m.end():m.end() + 24 * _TAIL_WORDS].split()[:_TAIL_WORDS]
            if nxt and nxt[0][:1] not in "“\"‘" and nxt[0].strip(",") not in lex.not_names \
                    and _speaker_tail(nxt, verbs):
                continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(masked)))
    return spans


def _mask(text: str, quotes: list[QuoteDraft]) -> str:
    # Quotes one after another (nearly always): the text is built from slices, not from a list
    # of every character (3x faster); otherwise, or for a quote of nothing but spaces, as below.
    pieces: list[str] = []
    pos = 0
    for q in quotes:
        inner = text[q.start:q.end].rstrip()
        if q.start < pos or q.end > len(text) or not inner:
            return _mask_chars(text, quotes)
        pieces.append(text[pos:q.start])
        if inner[-1] in ".!?":
            pieces += (MASK * (len(inner) - 1), ".", MASK * (q.end - q.start - len(inner)))
        else:
            pieces.append(MASK * (q.end - q.start))
        pos = q.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _mask_chars(text: str, quotes: list[QuoteDraft]) -> str:
    chars = list(text)
    for q in quotes:
        inner = text[q.start:q.end].rstrip()
        chars[q.start:q.end] = MASK * (q.end - q.start)
        # Keep a sentence end that falls inside a quotation ("chanting “no to war.” For months")
        if inner[-1:] in ".!?" and q.end > q.start:
            chars[q.start + len(inner) - 1] = "."
    return "".join(chars)


def lede_only(draft: Draft) -> tuple[str, str] | None:
    """Return the lede's (role, person) of an article with no quotation (`lede_holder`), which
    `build_context` finds for the others: its claims are credited by it as theirs are."""
    paragraphs = draft.doc.paragraphs
    if len(paragraphs) < 2:
        return None
    lex = get_lexicon()
    if not describes(paragraphs[0].text, lex):
        return None
    named = []
    roles: dict[str, str] = {}
    for name, entity in draft.entities.items():
        for mention in entity.mentions:
            s = mention.span
            if s.paragraph <= 2:  # (who the first two paragraphs name, and whether the third does)
                named.append(Named(s.paragraph, s.start, s.end, name, entity.kind))
        roles[name] = " ".join(entity.roles).lower()
    named.sort(key=lambda n: (n.paragraph, n.start))
    return lede_holder([paragraphs[0].text, paragraphs[1].text], named, roles, lex)


def build_context(draft: Draft) -> Context:
    """Return the shared view of the article the sieves work on."""
    lex = get_lexicon()
    quotes_in: dict[int, list[QuoteDraft]] = {}
    for q in draft.quotes:
        quotes_in.setdefault(q.paragraph, []).append(q)
    for quotes in quotes_in.values():
        quotes.sort(key=lambda q: q.start)
    masked = [_mask(para.text, quotes_in[para.index]) if para.index in quotes_in else para.text
              for para in draft.doc.paragraphs]
    named = []
    genders: dict[str, str | None] = {}
    roles: dict[str, str] = {}
    for name, entity in draft.entities.items():
        kind = entity.kind
        for mention in entity.mentions:
            s = mention.span
            named.append(Named(s.paragraph, s.start, s.end, name, kind))
        if kind == "person":
            genders[name] = gender(sorted(entity.aliases, key=len, reverse=True), lex)
        roles[name] = " ".join(entity.roles).lower()
    cues = cue_words()
    sentences = Sentences(masked, lex, cues.strong)
    named += _surnames_by_cues(draft, masked, named, cues)
    named.sort(key=lambda n: (n.paragraph, n.start))
    lede = lede_holder(masked, named, roles, lex)
    if lede is not None:
        role, person = lede
        roles[person] = f"{roles[person]} {role}".strip()
        draft.lede = lede
    keys = [(n.paragraph, n.start) for n in named]
    return Context(draft, lex, cues, masked, sentences, named, keys, genders, roles, quotes_in, lede=lede)


_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))


def _coverage(named: list[Named]) -> dict[int, tuple[list[int], list[int]]]:
    """Return each paragraph's mention starts in order and, at each, the furthest end reached so
    far: `_inside` answers by one bisection (a scan of every mention per surname found was
    quadratic in a run-together paragraph naming thousands of people)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for n in named:
        spans.setdefault(n.paragraph, []).append((n.start, n.end))
    out: dict[int, tuple[list[int], list[int]]] = {}
    for paragraph, pairs in spans.items():
        pairs.sort()
        reach: list[int] = []
        furthest = -1
        for _start, end in pairs:
            furthest = max(furthest, end)
            reach.append(furthest)
        out[paragraph] = ([start for start, _end in pairs], reach)
    return out


def _inside(coverage: dict[int, tuple[list[int], list[int]]], paragraph: int, offset: int) -> bool:
    """Return True where a mention covers the offset."""
    if paragraph not in coverage:
        return False
    starts, reach = coverage[paragraph]
    k = bisect_right(starts, offset) - 1
    return k >= 0 and reach[k] > offset


def _surnames_by_cues(draft: Draft, masked: list[str], named: list[Named], cues: CueWords) -> list[Named]:
    """Return the surnames of people named in full that stand beside a speech verb but that the
    entities pass left out as ordinary words or ran into a sentence-opening verb: "West said"
    after "Marty West", "Said Ellis:" and "Continued Stone:" after "Ryan Ellis", "Roger Stone"."""
    last: dict[str, str | None] = {}
    for name, entity in draft.entities.items():
        if entity.kind != "person":
            continue
        words = [w for w in name.replace(".", " ").split() if w not in _SUFFIXES]
        if len(words) >= 2:
            surname = words[-1]
            last[surname] = name if last.get(surname, name) == name else None  # None: two people share it
    if not last:
        return []
    starts = {(n.paragraph, n.start) for n in named}
    coverage = _coverage(named)
    out = []
    for p, text in enumerate(masked):
        for surname, holder in last.items():
            if holder is None:
                continue
            at = text.find(surname)  # str.find: a few surnames, searched in C
            while at >= 0:
                end = at + len(surname)
                whole = (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "’'-")) \
                    and (end == len(text) or not text[end].isalnum())
                if whole and (p, at) not in starts and not _inside(coverage, p, at) \
                        and _beside_cue(text, at, end, cues):
                    out.append(Named(p, at, end, holder, "person"))
                at = text.find(surname, end)
    return out


def _beside_cue(text: str, start: int, end: int, cues: CueWords) -> bool:
    """Return True where a speech verb stands right before or after [start, end) ("said X", "X said")."""
    before = text[max(0, start - 24):start].split()[-1:]
    after = text[end:end + 40].split()
    while after and after[0] in cues.between:
        after = after[1:]
    return bool((before and before[0].lower().strip(",") in cues.verbs)
                or (after and after[0].strip(",.:;") in cues.verbs))
