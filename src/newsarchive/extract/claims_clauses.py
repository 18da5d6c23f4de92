"""Cut a paragraph into sentences, and sentences into the clauses a claim can be."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from newsarchive.extract.abbreviations import ends_no_sentence, known
from newsarchive.extract.entities import get_lexicon
from newsarchive.lexicon import load_data

# A sentence ends at . ! ? or … (with any closing marks after it) before a space and a capital,
# digit or opening mark; or, in text whose paragraphs ran together, straight into a capital word.
# (`[.!?…][.!?…]*`, not `[.!?…]+`: a pattern opened by a repeat gives the engine nothing to skip
# to, so it is tried at every character; opened by a character class, it skips to the marks.)
_END = re.compile(r"[.!?…][.!?…]*[”\"’')\]]*(?:\s+(?=[“\"‘'(\[]?[A-Z0-9])|(?=[A-Z][a-z]))")
# The same where the text holds no "!", "?" or "…" (most paragraphs): opened by a literal, the
# pattern is searched for much faster than one opened by a character class (`\.\.*`, not `\.+`,
# for the reason above: 4x faster over the BBC paragraphs, same matches).
_END_DOT = re.compile(r"\.\.*[”\"’')\]]*(?:\s+(?=[“\"‘'(\[]?[A-Z0-9])|(?=[A-Z][a-z]))")
# A spaced dash sets off an aside; "; " and ", but " join two statements. One character class
# comes first, so the engine skips to candidates (an alternation is tried at every character);
# the look-behinds tell them apart.
_CUT = re.compile(r"[–—;,-](?:(?<=[–—-])-?(?=\s)|(?<=;)(?=\s)|(?<=,)(?=\s+but\s))")


# (init=False and an __init__ of our own: mypyc compiles it, and makes one per object far faster
# than the __init__ dataclasses writes, which runs as Python.)
@dataclass(slots=True, init=False)
class Clause:
    """A stretch of a paragraph that can hold one claim."""

    start: int
    end: int
    sentence: tuple[int, int]
    """Start and end of the sentence it belongs to."""
    aside: bool
    """True for the part after a single dash: the writer's own remark, outside the sentence's cue."""
    head: int
    """Where a ", but" the clause holds uncut stands, whose part after it goes on with the subject
    before it ("…, but have rejected immigration quotas"): the part before it is a claim of its
    own where the whole is none. -1 where there is none."""

    def __init__(self, start: int, end: int, sentence: tuple[int, int], aside: bool = False,
                 head: int = -1) -> None:
        self.start = start
        self.end = end
        self.sentence = sentence
        self.aside = aside
        self.head = head


_LONGEST_WORD = 200


class Stretches:
    """A paragraph's quoted stretches, asked what lies inside them by bisection: a scan of every
    stretch for every cut or clause was quadratic in a paragraph of thousands of quotes."""

    def __init__(self, regions: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(regions)
        self.starts = [start for start, _end in ordered]
        self.reach: list[int] = []
        """At each stretch (in order of start), the furthest end reached so far."""
        furthest = -1
        for _start, end in ordered:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def covers(self, pos: int) -> bool:
        """Return True where a stretch holds the position strictly inside it."""
        k = bisect_left(self.starts, pos) - 1
        return k >= 0 and self.reach[k] > pos

    def overlaps(self, start: int, end: int) -> bool:
        """Return True where a stretch shares a character with [start, end)."""
        k = bisect_left(self.starts, end) - 1
        return k >= 0 and self.reach[k] > start


def sentences(text: str, quotes: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence, not cutting after abbreviations or initials."""
    stops: frozenset[str] | None = None  # (asked for at the first full stop: most paragraphs' last)
    given: frozenset[str] = frozenset()
    out: list[tuple[int, int]] = []
    start = 0
    inside: Stretches | None = None  # (made where first needed: most paragraphs never ask)
    end_re = _END if "?" in text or "!" in text or "…" in text else _END_DOT
    # The last space or line break before `seen`, looked for again only after it: a search back
    # from every dot to the start was quadratic in text with no spaces.
    space, seen = -1, 0
    broken = "\n" in text  # (body paragraphs seldom are: no search for a line break in them)
    for m in end_re.finditer(text):
        dot = m.start()
        if text[dot] == ".":
            found = text.rfind(" ", seen, dot)
            if broken:
                found = max(found, text.rfind("\n", seen, dot))
            if found > space:
                space = found
            seen = dot
            # "Mr." and single initials ("Paul D. Ryan") do not end a sentence. (A "word" of
            # hundreds of characters is neither: not copied again for every dot in it.)
            if dot - space <= _LONGEST_WORD:
                if stops is None:
                    lex = get_lexicon()
                    stops, given = known(lex), lex.given
                if ends_no_sentence(text[space + 1 : dot], text[m.end():m.end() + 24], stops, given):
                    continue  # ("No. 4 on the chart", "No. 10 Downing Street": a number's sign)
        # With no space after it, only a full stop after a lower-case word outside quotes ends a
        # sentence ("said.The"): "U.S.A" or "Yahoo!Inc" do not.
        if not m.group(0)[-1].isspace():
            if text[dot] != "." or dot == 0 or not text[dot - 1].islower():
                continue
            inside = Stretches(quotes) if inside is None else inside
            if inside.covers(dot):
                continue
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
        start = m.end()
    tail = text[start:].rstrip()
    if tail.strip():
        lead = len(text[start:]) - len(text[start:].lstrip())
        out.append((start + lead, start + len(tail)))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    # (">": a Markdown block quote's mark; "•", "- ", "— ", "* ": a list's)
    while a < b and (text[a] in " ,;>•" or (text[a] in "-–—*" and text[a + 1 : a + 2] == " ")):
        a += 1
    while b > a and text[b - 1] in " ,;":
        b -= 1
    return a, b


def _may_cut(text: str) -> bool:
    """Return False where `_CUT` cannot match: no dash, semicolon or "but" in the text."""
    # (One test for "-" before its three spaced forms: most paragraphs have none.)
    return "–" in text or "—" in text or ";" in text or "but" in text \
        or ("-" in text and ("- " in text or "-\n" in text or "-\t" in text))


def _cut_marks(text: str, quotes: Sequence[tuple[int, int]]
               ) -> tuple[list[tuple[int, int, bool]], list[int]]:
    """Return where the paragraph may be cut, as (start, end, is a dash), outside quotation marks,
    and where a ", but" is left uncut (`Clause.head`)."""
    marks: list[tuple[int, int, bool]] = []
    joins: list[int] = []
    # Substring tests are far cheaper than a scan, and most paragraphs have nothing to cut.
    if not _may_cut(text):
        return marks, joins
    inside = Stretches(quotes) if quotes else None
    for m in _CUT.finditer(text):
        at = m.start()
        dash = text[at] in "–—-"
        # A dash is spaced on both sides; a hyphen inside a word is not a cut.
        if (not dash or text[at - 1 : at].isspace()) and not (inside and inside.covers(at)):
            if text[at] == "," and not _subject_after_but(text, m.end()):
                joins.append(at)
            else:
                marks.append((at, m.end(), dash))
    return marks, joins


# Words that open a clause's subject ("…, but the growth slowed", "…, but he lost"); after ", but"
# any other word in lower case goes on with the subject before it ("…, but have rejected
# immigration quotas", "…, but lost the Shortlist prize"), which is no claim of its own.
_SUBJECT_OPENERS = frozenset((
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your",
    "he", "she", "it", "they", "we", "you", "there", "some", "many", "most", "few", "both", "all", "each",
    "no", "none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "such", "neither", "other", "others", "several", "another"))


def _subject_after_but(text: str, at: int) -> bool:
    """Return True where the word after ", but" at `at` opens a subject: a capital, a figure,
    a pronoun or a determiner."""
    word = text[at:at + 40].split(None, 2)[1:2]  # (past "but")
    if not word:
        return False
    w = word[0].lstrip("“\"‘'(")
    return not w[:1].islower() or w.rstrip(",.;:’'") in _SUBJECT_OPENERS


# Words an aside's noun phrase opens with, and the verbs (forms of "be", "have", the modals and
# the reporting verbs) whose presence makes it a clause.
_PHRASE_OPENERS = frozenset(("its", "the", "a", "an", "his", "her", "their", "our"))
_CLAUSE_VERBS = frozenset((
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "should", "must", "shall", "do", "does", "did", "said", "says", "say",
    "told", "tells", "added", "adds",
    # (common irregular pasts: "- an auction of debt in August found few takers")
    "found", "made", "took", "gave", "came", "went", "got", "began", "rose", "fell", "won", "lost",
    "saw", "left", "held", "led", "paid", "sold", "bought", "met", "ran", "grew", "hit", "set"))


_SUBORDINATORS = frozenset(("since", "that", "which", "who", "when", "where", "while", "than"))


def _verbless(aside: str) -> bool:
    """Return True where the text after a dash is a noun phrase with no verb: opened by a
    determiner, and no word a verb for certain (no form of "be", "have", a modal, a reporting
    verb, nor a word in "-ed" or "-ing" that may be one)."""
    written = [w.strip(",.;:!?”’\"'()") for w in aside.split()]
    words = [w.lower() for w in written]
    if not words or words[0] not in _PHRASE_OPENERS:
        return False
    for i, w in enumerate(words):
        if w in _SUBORDINATORS:
            return True  # (a verb past it is the subordinate clause's: "the highest since records began")
        if w in _CLAUSE_VERBS or w.endswith(("ed", "ing", "n't")):
            return False
        if _verb_with_object(written, i):
            return False  # a verb and its object after the subject: "- the firm cut 300 jobs"
    return True


def _verb_with_object(written: list[str], i: int) -> bool:
    """Return True where word i of an aside (past its first) is a verb with its object: a
    lower-case word, none of `_NOT_SUBJECT_ENDS`, right after a noun (none of them before it)
    and before a determiner, a figure or an amount ("the firm cut 300 jobs", "the bank bought a
    rival"; not "a rise of 2%", "still a long way", "the 147, 156 Sportwagon, 166")."""
    if not 0 < i < len(written) - 1:
        return False
    w = written[i]
    return w.isalpha() and w.islower() and w not in _NOT_SUBJECT_ENDS \
        and _object_opens(written[i + 1].lower()) and written[i - 1].lower() not in _NOT_SUBJECT_ENDS


_PREPOSITIONS = frozenset((
    "of", "in", "on", "at", "for", "to", "from", "by", "with", "about", "over", "under", "after",
    "before", "between", "against", "into", "per", "around", "across", "through", "during", "like",
    "near", "amid", "among", "as", "up", "down", "off", "out", "within", "without", "behind", "beyond",
    "above", "below", "and", "or", "nor", "but", "than", "since", "until", "towards", "toward", "onto",
    "upon", "via", "despite", "including", "plus", "minus", "versus", "all", "both", "just", "only",
    "almost", "nearly", "some", "more", "less", "least", "most", "such", "many", "much", "what",
    "each", "every", "any", "half", "twice", "roughly", "worth", "alongside", "beside", "besides",
    "throughout", "inside", "outside", "except", "past", "along", "following", "regarding", "ahead",
    "next", "unlike", "beneath", "still", "even", "already", "also", "now", "then", "yet", "again",
    "well", "far", "not"))
"""Words a noun phrase's object or figure may follow inside it ("the highest in 10 years", "a rise
of 2%"): no verb of a clause."""
_OBJECT_OPENERS = frozenset(("a", "an", "the", "his", "her", "its", "their", "our", "some", "no"))
_NOT_SUBJECT_ENDS = _PREPOSITIONS | _OBJECT_OPENERS | {"to"}
"""Words a verb does not follow straight after its subject ("by extension, its", "to make such a")."""


def _object_opens(word: str) -> bool:
    """Return True for a word that opens a verb's object: a determiner, a figure or an amount."""
    return word in _OBJECT_OPENERS or word[:1].isdigit() or word[:1] in "£$€"


def _credited(part: str) -> bool:
    """Return True where the text holds "according to" or a cue verb of `claims.yaml`."""
    low = part.lower()
    if "according to" in low:
        return True
    verbs = _cue_verbs()
    return any(w.strip(",.;:“”\"'") in verbs for w in low.split())


_verbs: list[tuple[object, frozenset[str]]] = []


def _cue_verbs() -> frozenset[str]:
    """Return the single-word cue verbs of `claims.yaml` (made again where the data changes)."""
    data = load_data("claims")
    if not _verbs or _verbs[0][0] is not data:
        _verbs[:] = [(data, frozenset(str(v) for v in data["cue_verbs"] if " " not in str(v)))]
    return _verbs[0][1]


def clauses(text: str, quotes: Sequence[tuple[int, int]] = ()) -> list[Clause]:
    """Return the clauses of every sentence of `text`, outside quotation marks' cuts."""
    out: list[Clause] = []
    spans = sentences(text, quotes)
    marks, joins = _cut_marks(text, quotes)
    if not marks:
        # Most paragraphs have no dash, semicolon or ", but": one clause per sentence.
        for s, e in spans:
            ca, cb = _trim(text, s, e)
            if cb > ca:
                out.append(Clause(ca, cb, (s, e), False, _head(joins, ca, cb)))
        return out
    at = [c[0] for c in marks]  # (in order: found left to right)
    for s, e in spans:
        here = marks[bisect_left(at, s) : bisect_left(at, e)]
        cuts: list[tuple[int, int, bool]] = [(a, b, False) for a, b, dash in here if not dash]
        dashes = [(a, b) for a, b, dash in here if dash]
        # One dash: an aside after it. Two: a parenthesis, which stays part of its sentence. (Not
        # one "and" follows: "… streamline its operations - and has managed to save $1.1bn" goes on
        # with the sentence's subject, no aside and no claim of its own that opens with "and".)
        # Nor a phrase with no verb, opened by a determiner: "… fell 2% - its lowest level since
        # June 2003" says what the figure before it was, part of its sentence; unless the part
        # before it is credited to a source, whose statement the writer remarks on ("According to
        # Foreign Policy, 2,000 people have been arrested - the first since the Second World War").
        if len(dashes) == 1 and len(text[dashes[0][1] : e].split()) >= 3 \
                and not text.startswith("and ", dashes[0][1] + 1) \
                and (not _verbless(text[dashes[0][1] : e]) or _credited(text[s : dashes[0][0]])):
            cuts.append((dashes[0][0], dashes[0][1], True))
        cuts.sort()
        pos, aside = s, False
        for a, b, next_aside in cuts:
            if a <= pos:
                continue
            ca, cb = _trim(text, pos, a)
            if cb > ca:
                out.append(Clause(ca, cb, (s, e), aside, _head(joins, ca, cb)))
            pos, aside = b, aside or next_aside
        ca, cb = _trim(text, pos, e)
        if cb > ca:
            out.append(Clause(ca, cb, (s, e), aside, _head(joins, ca, cb)))
    return out


def _head(joins: list[int], start: int, end: int) -> int:
    """Return the first uncut ", but" inside [start, end), or -1."""
    if not joins:
        return -1
    k = bisect_left(joins, start)
    return joins[k] if k < len(joins) and joins[k] < end else -1
