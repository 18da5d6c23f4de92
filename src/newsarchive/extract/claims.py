"""The claims pass: checkable statements of fact, and the source each is credited to.

A clause is a claim when it holds something a fact-checker can look up (a number, a date, a
named event, a definite outcome, a record, a denied event, a report) and no word of opinion,
prediction or hedging outside quotation marks. Captions, headings and the standfirst (which
restates the body) are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from newsarchive.extract.claims_by import ParagraphQuotes, Resolver
from newsarchive.extract.claims_clauses import Stretches, clauses
from newsarchive.extract.draft import Draft
from newsarchive.extract.labels import answerer, office_holder
from newsarchive.extract.text import SPEAKER_LABEL, alternation, apart, has_digit, spaces_but
from newsarchive.lexicon import load_data
from newsarchive.load.masthead import dateline_end
from newsarchive.records import Claim, Span

# A word or a figure. One character class first lets the engine skip to candidates; the
# look-behinds tell the two kinds apart (same matches as `[a-z][a-z']*|\d[\d,.]*`, ~10 % faster).
_WORD = re.compile(r"[a-z\d](?:(?<=[a-z])[a-z']*|(?<=\d)[\d,.]*)")
# The same for ASCII text (most of it), where `\d` is [0-9]: the engine tests a range instead of
# asking Unicode whether each character is a digit (~20 % faster over the BBC corpus's clauses).
_WORD_ASCII = re.compile(r"[a-z][a-z']*|[0-9][0-9,.]*")


# In ASCII text with no digit, `_WORD`'s words are the runs of letters and apostrophes but for
# their leading apostrophes: through this table (once a paragraph) and cut by `str.split` (a
# clause at a time), they cost half the `findall`.
_APART = spaces_but("abcdefghijklmnopqrstuvwxyz'")


def _words(lowered: str, may_digit: bool = True, spaced: str | None = None) -> list[str]:
    """Return the words and figures of folded text, as `_WORD` finds them.

    `may_digit`: False where the text is known to hold no digit; `spaced`: `apart(lowered,
    _APART)`, where the caller has it (a slice of its paragraph's).
    """
    if not lowered.isascii():
        return _WORD.findall(lowered)
    if may_digit and has_digit(lowered):
        return _words_and_figures(lowered)
    words = (apart(lowered, _APART) if spaced is None else spaced).split()
    if "'" not in lowered:
        return words
    # A word starts with a letter: leading apostrophes go, and a piece of them alone.
    return [w.lstrip("'") for w in words if w.strip("'")]


# What `_WORD_ASCII` may match, kept; every other character a space (`_words_and_figures`).
_APART_FIGURES = spaces_but("abcdefghijklmnopqrstuvwxyz'0123456789,.")


def _words_and_figures(lowered: str) -> list[str]:
    """Return `_WORD_ASCII.findall(lowered)` for ASCII text, the pattern run only where a stretch
    is not one plain word.

    No match of the pattern takes a character outside `_APART_FIGURES`, so its matches in the
    text are its matches in each stretch of those characters, in order; a stretch of letters
    alone is one match, itself. (A clause with a figure cost the regular expression's engine
    ~700 instructions a word; most of its stretches are plain words.)
    """
    out: list[str] = []
    for stretch in apart(lowered, _APART_FIGURES).split():
        if stretch.isalpha():
            out.append(stretch)
        else:
            out += _WORD_ASCII.findall(stretch)  # ("5,000.", "said,", "don't", "mp3")
    return out


_YEAR = re.compile(r"(?:1[6-9]\d\d|20\d\d)s?")
# An age ("a 31-year-old poet") describes a person; it is not what the sentence asserts.
_AGE_TAIL = (["year", "old"], ["years", "old"])
_MIN_WORDS = 5


@dataclass(frozen=True, slots=True)
class Phrases:
    """A word list from the data file: single words in a set, longer phrases in one pattern."""

    words: frozenset[str]
    needs: dict[str, tuple[frozenset[str], ...]]
    """The words of each longer phrase, under its longest word: the pattern runs only when all the
    words of one phrase are present."""
    pattern: re.Pattern[str] | None
    anchors: frozenset[str] = frozenset()
    """The keys of `needs` as a set, so the test for them costs the size of the clause, not of the list."""

    @classmethod
    def of(cls, items: list[str]) -> Phrases:
        items = [str(i).lower() for i in items]
        single = frozenset(i for i in items if re.fullmatch(r"[a-z']+", i))
        multi = sorted((i for i in items if i not in single), key=len, reverse=True)
        alt = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in multi)
        pattern = re.compile(rf"(?<![\w']){'(?:' + alt + ')'}(?![\w'])") if multi else None
        needs: dict[str, tuple[frozenset[str], ...]] = {}
        for m in multi:
            words = _WORD.findall(m)
            if words:
                anchor = max(words, key=len)
                needs[anchor] = (*needs.get(anchor, ()), frozenset(words))
        return cls(single, needs, pattern, frozenset(needs))

    @property
    def cue_words(self) -> frozenset[str]:
        """Return every word whose presence can let `find` succeed (single words and anchors)."""
        return self.words | self.anchors

    def could_match(self, present: list[str], cued: set[str] | frozenset[str] | None = None) -> bool:
        """Return True where some longer phrase has all its words in the clause's words (`present`).

        `cued`: the clause's words that are in a set holding all of `cue_words` (it is asked
        instead of `present`: a few words, not all of them).
        """
        hits = present if cued is None else cued
        # (The lexicon's sets are asked about the words: no set of the clause's words is built.)
        if self.pattern is None or self.anchors.isdisjoint(hits):
            return False  # (most clauses)
        for anchor in self.anchors.intersection(hits):
            if any(n.issubset(present) for n in self.needs[anchor]):
                return True
        return False

    def find(self, words: list[str], lowered: str,
             cued: set[str] | frozenset[str] | None = None) -> str | None:
        """Return the first phrase found in the clause, or None (`cued` as for `could_match`)."""
        if self.pattern is not None and self.could_match(words, cued):
            m = self.pattern.search(lowered)
            if m:
                return str(m.group(0))
        if not self.words.isdisjoint(words if cued is None else cued):
            return next(w for w in words if w in self.words)
        return None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The claims data file, compiled once."""

    numbers: Phrases
    number_patterns: dict[str, re.Pattern[str]]
    """Each number word, in lower case and not part of an age ("ten-year-old")."""
    dates: Phrases
    event_names: frozenset[str]
    events: re.Pattern[str]
    weekdays: frozenset[str]
    """The weekdays, in lower case: one in a title is no date ("the Sunday Times")."""
    outcomes: frozenset[str]
    verbal_outcomes: frozenset[str]
    """Outcome verbs that tell no outcome where they describe a noun (`_told_as_outcome`)."""
    active_outcomes: frozenset[str]
    """Of those, the ones that tell an outcome only in an active clause (`_told_as_outcome`)."""
    outcome_idioms: tuple[str, ...]
    """What follows an active-only outcome verb in an idiom that judges ("missed the point")."""
    records: Phrases
    currencies: frozenset[str]
    """Currencies written in letters before a figure, which make it an amount ("Rs 6 lakh")."""
    record_trades: frozenset[str]
    """Nouns that make "record" a disc's trade, no record set ("record company", "record label")."""
    event_nouns: frozenset[str]
    negations: Phrases
    hedges: frozenset[str]
    reports: Phrases
    any_cue: frozenset[str]
    """Every word that can give a reason other than a digit or a denial: a clause with none of
    them, no digit and no negation is rejected before the reasons are worked out one by one."""
    negation_cues: frozenset[str]
    kinds: dict[str, int] = field(default_factory=dict)
    """Each word of `any_cue`, `negation_cues` and `hedges`, with the bits (`_CUE`, `_NEGATION`,
    `_HEDGE`) of the sets it is in: a clause's words are looked up once, not once per set."""


_CUE, _NEGATION, _HEDGE = 1, 2, 4


# Not a half of a game or a year: "the second half", "first-half", "half-time".
_NOT_A_PERIOD = r"(?<!first )(?<!second )(?<!first-)(?<!second-)(?!half-time)"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_data("claims")
    names = sorted(data["event_names"], key=len, reverse=True)
    alt = "|".join(re.escape(e) for e in names)
    numbers = Phrases.of(data["number_words"])
    dates = Phrases.of([*data["months"], *data["weekdays"], *data["time_words"]])
    event_names = frozenset(w.lower() for e in names for w in e.split()[-1:]) | {"may"}
    outcomes = frozenset(data["outcome_verbs"])
    records = Phrases.of(data["record_words"])
    negations = Phrases.of(data["negations"])
    reports = Phrases.of(data["report_cues"])
    any_cue = (numbers.cue_words | dates.cue_words | event_names | outcomes | records.cue_words
               | reports.cue_words)
    hedges = frozenset(data["hedges"])
    kinds: dict[str, int] = {}
    for words, bit in ((any_cue, _CUE), (negations.cue_words, _NEGATION), (hedges, _HEDGE)):
        for w in words:
            kinds[w] = kinds.get(w, 0) | bit
    return Lexicon(
        numbers=numbers,
        number_patterns={w: re.compile(rf"(?<![\w-]){_NOT_A_PERIOD if w == 'half' else ''}{re.escape(w)}\b"
                                       r"(?![- ]years?[- ]old)")
                         for w in (str(x).lower() for x in data["number_words"])},
        dates=dates,
        event_names=event_names,
        # A capitalised run ending in an event word; "May" counts only beside a day number.
        events=re.compile(rf"\b(?:[A-Z][\w’'-]+\s+){{1,4}}(?:{alt})\b|\b\d{{1,2}}\s+May\b|\bMay\s+\d{{1,2}}\b"),
        weekdays=frozenset(str(w).lower() for w in data["weekdays"]),
        outcomes=outcomes,
        verbal_outcomes=frozenset(data.get("verbal_outcomes") or ()),
        active_outcomes=frozenset(data.get("active_outcomes") or ()),
        outcome_idioms=tuple(str(i) for i in data.get("outcome_idioms") or ()),
        records=records,
        currencies=frozenset(str(w) for w in data.get("currency_words") or ()),
        record_trades=frozenset(data["record_trades"]),
        event_nouns=frozenset(data["event_nouns"]),
        negations=negations,
        hedges=hedges,
        reports=reports,
        any_cue=any_cue,
        negation_cues=negations.cue_words,
        kinds=kinds,
    )


def _masked(text: str, regions: list[tuple[int, int]]) -> str:
    """Return the text with quoted stretches blanked, so hedges inside quotation marks do not count.

    Regions may overlap (a quote inside a quote). The text is built once from its pieces, so the
    cost stays linear however many quotes a paragraph holds.
    """
    pieces: list[str] = []
    pos = 0
    for a, b in sorted(regions):
        b = min(b, len(text))
        if b <= pos:
            continue
        a = max(a, pos)
        pieces += (text[pos:a], " " * (b - a))
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def negated_event(words: list[str], lowered: str, free: str | None, free_words: list[str],
                  negs: set[str], lex: Lexicon) -> str | None:
    """Return the denial ("yet to … protests") where a negation governs an event noun, else None.

    The negation must stand outside quotation marks (`free`, None where the clause has none), so
    a chant of "no to war" is not a denial; the event it governs may be quoted ("yet to see
    “mass protests”"). `negs`: the words of `free_words` that are in `lex.negation_cues`.
    """
    neg = lex.negations
    multi = neg.could_match(free_words, negs)
    if neg.words.isdisjoint(negs) and not multi and "n't" not in (free or lowered):
        return None
    if free is None and not multi:
        # No quotation marks and no phrase: walk the words.
        for i, w in enumerate(words):
            if w in neg.words or w.endswith("n't"):
                for nxt in words[i + 1 : i + 5]:
                    if nxt in lex.event_nouns:
                        return f"{w} … {nxt}"
        return None
    text = lowered if free is None else free
    spans = [(m.start(), m.end()) for m in neg.pattern.finditer(text)] if neg.pattern and multi else []
    spans += [(m.start(), m.end()) for m in _WORD.finditer(text) if m.group(0) in neg.words
              or m.group(0).endswith("n't")]
    for a, b in sorted(spans):
        for w in _WORD.findall(lowered, b, b + 60)[:4]:
            if w in lex.event_nouns:
                return f"{lowered[a:b]} … {w}"
    return None


def _as_written(text: str, figure: str) -> str:
    """Return the figure with the currency or per cent sign it has in the text ("$600m", "5.5%")."""
    at = text.find(figure)
    if at < 0:
        return figure
    return _as_written_at(text, at, figure)


def _as_written_at(text: str, at: int, figure: str) -> str:
    """`_as_written` for the figure standing at `at`."""
    end = at + len(figure)
    start = at - 1 if at and text[at - 1] in "$£€" else at
    for unit in ("%", "bn", "m", "k"):
        if text.startswith(unit, end) and not text[end + len(unit) : end + len(unit) + 1].isalpha():
            end += len(unit)
            break
    return text[start:end]


def _in_name(text: str, a: int, b: int, lex: Lexicon) -> bool:
    """Return True where the figure at [a, b) is part of a proper name, no quantity: joined to a
    letter before it ("G7", "U2", "A380") or to a capitalised word by a hyphen ("Covid-19",
    "F-16"), to one capital after it ("3G", "7E7"), or a bare whole number after a capitalised
    word inside the clause ("Radio 4's", "Formula 1", "FTSE 100"; not a month's or a weekday's
    day, nor a score: "Arsenal 2-1")."""
    while b > a + 1 and text[b - 1] in ",.":
        b -= 1  # ("… Pro Evolution Soccer 4.": the stop is no part of it)
    before = text[a - 1] if a else ""
    if before.isalpha():
        return True
    if before == "-" and a > 1 and text[a - 2].isalpha():
        word = text[:a - 1].rsplit(None, 1)[-1]
        return word[:1].isupper()
    if b == a + 1 and b < len(text) and text[b].isupper() and text[b] not in "CFK" \
            and not text[b + 1 : b + 2].isalpha():
        return True  # (not "20C", "10K": a temperature, a distance)
    if before != " " or not text[a:b].isdigit() or len(text[a:b]) > 4:
        return False
    after = text[b : b + 2]
    if after[:1] in ("%", "-", "–", ",") or after[:1].isalpha() \
            or (after[:1] == "." and after[1:2].isdigit()):
        return False  # ("4%", "2-1", "60m", "2,000"; a tally: "Donald Trump 384, Sen. Ted Cruz 300")
    head = text[:a - 1].rsplit(None, 1)
    if len(head) < 2:
        return False  # (the clause's first word: "On 12 March", "About 300")
    word = head[1]
    if not (word[:1].isupper() and word.isalpha()) or word.lower() in lex.dates.words \
            or word in _RANKS or word in lex.currencies:
        return False
    # (what follows counts: "Clinton 3 points ahead", "London 13 years ago", "… Sunday 3 million")
    nxt = _next_word(text, b)
    counted = len(nxt) > 3 and nxt.isalpha() and nxt.islower() and nxt.endswith("s") \
        and not nxt.endswith("ss")
    return not counted and nxt not in lex.numbers.words


# Words before a figure that make it a rank or a day, no part of a name ("No 3 in the charts").
_RANKS = frozenset(("No", "Nos", "Number", "May"))


def _next_word(text: str, b: int) -> str:
    rest = text[b:].split(None, 1)
    return rest[0].strip(",.;:") if rest else ""


def _figures(text: str, words: list[str], cued: set[str], lex: Lexicon,
             digit: bool) -> tuple[str | None, str | None]:
    """Return the first year and the first other quantity (not an age, nor a figure in a name:
    `_in_name`) in the clause (`digit`: whether it holds a digit; `cued`: its words that are cue
    words of the lexicon)."""
    year = number = None
    if digit:
        aged = "old" in words
        pos = 0  # (past the figure before: each figure word is the next run of digits in the text)
        for i, w in enumerate(words):
            if not w[0].isdigit():
                continue
            at = text.find(w, pos)
            pos = at + len(w) if at >= 0 else pos
            w = w.rstrip(",.")
            if _YEAR.fullmatch(w):
                year = year or w
            elif number is None and not (aged and words[i + 1 : i + 3] in _AGE_TAIL) \
                    and not (at >= 0 and _in_name(text, at, at + len(w), lex)):
                number = _as_written(text, w) if at < 0 else _as_written_at(text, at, w)
            if year and number:
                break
    if number is None and not cued.isdisjoint(lex.numbers.words):
        for w in sorted(cued & lex.numbers.words, key=text.lower().find):
            # Lower case in the original too: "Half-Blood Prince" is a title, not a quantity.
            if lex.number_patterns[w].search(text):
                return year, w
    return year, number


# Before an outcome verb that describes a noun: a determiner ("the missed tests", "his three
# missed penalties", "the nominated films"); before one that tells an outcome only in an active
# clause, a form of "be" too (a feeling: "will be badly missed").
_DETERMINERS = frozenset({
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those",
    "potential", "two", "three", "four", "five"})
_BE = frozenset({"be", "been", "being", "is", "are", "was", "were", "am"})
_PAST_STATE = frozenset({"once", "formerly"})
"""Words that make an outcome verb after them a past state, no event: "the once nominated actor"."""


def _told_as_outcome(lowered: str, verb: str, lex: Lexicon) -> bool:
    """Return True where `verb` (of `lex.verbal_outcomes`) tells an outcome somewhere in the
    folded clause: not joined to the word before ("Oscar-nominated") nor after a determiner or
    "once" (a past state: "He was once nominated for an Oscar"), and
    for `lex.active_outcomes` not after a form of "be" (one "-ly" adverb between is passed over:
    "is being sadly missed") nor in an idiom ("missed the point")."""
    at = lowered.find(verb)
    while at >= 0:
        end = at + len(verb)
        if (at == 0 or lowered[at - 1] == " ") and not lowered[end : end + 1].isalpha():
            before = lowered[max(0, at - 40) : at].split()[-2:]
            if before and before[-1].endswith("ly"):
                before = before[:-1]
            prev = before[-1].strip(",;:“”\"'") if before else ""
            active = verb in lex.active_outcomes
            after = " ".join(lowered[end : end + 40].split()[:2]).rstrip(",.;:!?”’\"'")
            if prev not in _DETERMINERS and prev not in _PAST_STATE \
                    and not (active and (prev in _BE or after in lex.outcome_idioms)):
                return True
        at = lowered.find(verb, end)
    return False


def _in_titles(text: str, day: str) -> bool:
    """Return True where every mention of the weekday is in a title after "the", no date: "The
    Sunday Telegraph", "told the Sunday Times" (not "on Sunday")."""
    name = day.capitalize()
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (text[max(0, at - 4) : at].lower() == "the " and text[end : end + 1] == " "
                and text[end + 1 : end + 2].isupper()):
            return False
        at = text.find(name, end)
    return True


def _fold(text: str) -> str:
    folded = text.lower().replace("’", "'")
    # Offsets must survive lower-casing ("İ" grows); keep the text as it is where they would not.
    return folded if len(folded) == len(text) else text.replace("’", "'")


def checkable(text: str, lowered: str | None = None, free_text: str | None = None) -> str | None:
    """Return why the clause is a checkable statement (a number, a date, …), or None.

    `lowered` is the clause folded to lower case (straight apostrophes); `free_text` the same
    with quoted stretches blanked, where the clause has any.
    """
    lowered = _fold(text) if lowered is None else lowered
    return _checkable(lexicon(), text, lowered, _words(lowered), free_text, True)


def _kinds(kinds: dict[str, int], words: list[str], free: list[str]) -> tuple[set[str], set[str], set[str]]:
    """Return the clause's cue words, and the negation words and hedges of its unquoted words
    (`free`), as the sets `any_cue`, `negation_cues` and `hedges` would give them."""
    cued: set[str] = set()
    negs: set[str] = set()
    hedges: set[str] = set()
    for w in words:
        bits = kinds.get(w, 0)
        if bits:
            if bits & _CUE:
                cued.add(w)
            if free is words:
                if bits & _NEGATION:
                    negs.add(w)
                if bits & _HEDGE:
                    hedges.add(w)
    if free is not words:
        for w in free:
            bits = kinds.get(w, 0)
            if bits & _NEGATION:
                negs.add(w)
            if bits & _HEDGE:
                hedges.add(w)
    return cued, negs, hedges


def _record_trade(words: list[str], lex: Lexicon) -> bool:
    """Return True where every "record" of the clause names the disc's trade ("the band's record
    company", "record labels charging more"), not a record set."""
    return all(i + 1 < len(words) and words[i + 1] in lex.record_trades
               for i, w in enumerate(words) if w == "record")


def _checkable(lex: Lexicon, text: str, lowered: str, words: list[str], free_text: str | None,
               may_digit: bool, free_spaced: str | None = None) -> str | None:
    """`checkable` for the claims pass, which has the lexicon at hand, the clause's words (it
    hands them on to crediting) and knows whether the clause's paragraph holds a digit at all
    (`may_digit`; about half of them hold none); `free_spaced`: `free_text` through `_APART`."""
    if "?" in text and text.rstrip("”’\"' )").endswith("?"):  # (no copy of the clause without a "?")
        return None
    if len(words) < _MIN_WORDS:
        return None
    free_text = lowered if free_text is None else free_text
    free = words if free_text is lowered else _words(free_text, may_digit, free_spaced)
    quoted = len(free) < len(words) * 0.4
    if quoted:
        free, free_text = words, lowered  # mostly quoted: the speaker's hedges count
    digit = may_digit and has_digit(text)
    # Most clauses give no reason at all: reject them with one set test instead of eight, asked
    # of the word lists (no set of all the words is built for them). The few cue words found are
    # what the reasons below ask about, rather than every word of the clause.
    cued, negs, hedges = _kinds(lex.kinds, words, free)
    if not cued and not negs and "n't" not in lowered and not digit:
        return None
    if len(hedges) > 1:
        return None
    why: list[str] = []
    year, number = _figures(text, words, cued, lex, digit)
    date = year or lex.dates.find(words, lowered, cued)
    if date in lex.weekdays and _in_titles(text, date):
        date = None
    if date:
        why.append(f"a date ({date})")
    if not cued.isdisjoint(lex.event_names) \
            and any(n.capitalize() in text for n in cued & lex.event_names) \
            and (m := lex.events.search(text)):
        why.append(f"a named event ({m.group(0)})")
    if number:
        why.append(f"a number ({number})")
    outcomes = cued & lex.outcomes if len(why) < 2 else set()
    if outcomes and not outcomes.isdisjoint(lex.verbal_outcomes):
        outcomes = {w for w in outcomes if w not in lex.verbal_outcomes or _told_as_outcome(lowered, w, lex)}
    if outcomes:
        why.append(f"a definite outcome ({min(outcomes, key=lowered.find)})")
    record = lex.records.find(words, lowered, cued)
    if record == "record" and _record_trade(words, lex):
        record = next((w for w in words if w in lex.records.words and w != "record"), None)
    if record:
        why.append(f"a record or comparison ({record})")
    if denial := negated_event(words, lowered, None if free_text is lowered else free_text, free, negs, lex):
        why.append(f"a denied event ({denial})")
    if report := lex.reports.find(words, lowered, cued):
        why.append(f"reported as fact ({report})")
    if not why or len(hedges) > len(why) - 1:
        return None
    if quoted and not (date or number or any(w.startswith("a named event") for w in why)):
        return None  # a speaker's own words need a figure, a date or an event to be checkable
    return "; ".join(why)





def _labels(draft: Draft) -> dict[int, tuple[str | None, int]]:
    """Return the speakers' labels of the body's paragraphs, by paragraph: the name (None for
    "Q:" and "A:") and where the label ends. A label opens its paragraph in capitals ("ALBERS: ")
    wherever one stands, in mixed case ("[00:00:27] Martin Okonjo: ") only where the same label
    opens two paragraphs or more, as a transcript's do (not a heading run into its text, "Jeb
    Bush: Student loans Some big ideas …"); or it is a line of its own over the paragraph, as a
    parliament's record sets it ("Sarah Pennock (Wensleydale and Ripon) (LD)", "The Prime
    Minister (Rachel Ashworth)"; a name alone only where the same name heads two paragraphs)."""
    found: dict[int, tuple[str | None, int]] = {}
    mixed: dict[str, int] = {}
    lines: list[tuple[int, str, bool]] = []  # (paragraph, name, with its office or seat in brackets)
    runs_on: set[int] = set()  # (the lines whose speaker's words run on over several paragraphs)
    paragraphs = draft.doc.paragraphs
    witness: str | None = None  # (a hearing's witness, sworn in: "THE WITNESS:" and "A." are theirs)
    for para in paragraphs:
        text = para.text
        if para.kind == "caption" or not (text[:1].isupper() or text[:1] in "[(0123456789"):
            continue
        if text.endswith((" (sworn)", " (affirmed)")) and (m := _SWORN.fullmatch(text)) is not None:
            witness = m.group("name")  # "MR GRAHAM PELL (affirmed)"
            continue
        if witness is not None and text[1:3] == ". " and text[:1] in "QA":
            found[para.index] = (witness if text[0] == "A" else None, 3)  # "Q. Did you see …?", "A. I saw …"
            continue
        # (a line of its own set apart by blank lines may be read as a heading or a standfirst)
        if len(text) <= _LINE_MAX and (m := _SPEAKER_LINE.fullmatch(text)) is not None:
            name = m.group("held") or m.group("name")
            lines.append((para.index, name, bool(m.group("held") or m.group("seat") or m.group("job"))))
            mixed[name] = mixed.get(name, 0) + 1
            if m.group("job"):
                runs_on.add(para.index)
            continue
        if ":" not in text[:64] or para.kind != "text":
            continue
        m = SPEAKER_LABEL.match(text)
        if m is not None:
            name = m.group("name")
            if name == "THE WITNESS" and witness is not None:
                name = witness
            found[para.index] = (name, m.end())
            if name and not name.isupper():
                mixed[name] = mixed.get(name, 0) + 1
    labels = {i: (name, end) for i, (name, end) in found.items() if mixed.get(name or "", 2) >= 2}
    for i, name, bracketed in lines:
        # (over words said: a sentence or more, not the next entry of a list of nominees,
        # "Caroline Quentin (Life Begins/ Von Trapped, ITV1)" over "Ant & Dec (…, ITV1)")
        said = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if (bracketed or mixed[name] >= 2) and said is not None and said.kind == "text" \
                and said.text.rstrip().endswith(_SAID_ENDS) and len(said.text.split()) >= 5 \
                and i + 1 not in labels:
            labels[i + 1] = (name, 0)
            after = i + 2
            while i in runs_on and after < len(paragraphs) and paragraphs[after].kind == "text" \
                    and after not in labels and _SPEAKER_LINE.fullmatch(paragraphs[after].text) is None:
                labels[after] = (name, 0)
                after += 1
    return labels


_SAID_ENDS = (".", "!", "?", "”", '"', "’", "…", ".]")
_SWORN = re.compile(r"(?:(?:MR|MRS|MS|MISS|DR|PROFESSOR|SIR|DAME|LORD|LADY)\s)?"
                    r"(?P<name>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,3}) \((?:sworn|affirmed)\)")
"""A witness called at a hearing or an inquiry, as its transcript sets it: "MR GRAHAM PELL (affirmed)"."""


_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Baroness)\.?\s)?"
_SPEAKER_NAME = r"[A-ZÀ-Ý][\w'’.-]+(?:\s[A-ZÀ-Ý][\w'’.-]+){0,2}\s[A-ZÀ-Ý][\w'’-]*\w"
"""(its last word ends in a letter: not "David Groner." under a reader's letter)"""
_SPEAKER_LINE = re.compile(rf"The\s[A-Z][\w’' -]{{2,80}}?\s\((?P<held>{_SPEAKER_NAME})\)"
                           rf"|{_HONORIFIC}(?P<name>{_SPEAKER_NAME})(?:(?P<seat>(?:\s\([^()\n]{{1,60}}\)){{1,2}})?:?"
                           rf"|(?P<job>(?:\s(?:--|—|–)\s[A-Z][\w&’'.,/ -]{{0,60}}){{1,2}}))")
"""A line of its own naming who speaks next: "Sarah Pennock (Wensleydale and Ripon) (LD)", "Sir
Geoffrey Lyle (North Shropshire) (Con)", "The Minister for Local Transport (Michael Oduya)",
"Michael Oduya", "Martin Okonjo (00:00:27):", and a call transcript's "Mark Lindqvist -- Chief
Executive Officer", "Ben Kowalczyk -- Barrett Securities -- Analyst" (whose words run on over
the paragraphs up to the next such line)."""
_LINE_MAX = 120


_lead_ins_cache: dict[str, tuple[object, re.Pattern[str]]] = {}


def _lead_ins(key: str = "lead_ins") -> re.Pattern[str]:
    """The labels of `claims.yaml` `key` before a colon as one pattern (made again when a user's
    lexicon changes the data): the lead-ins some outlets open paragraphs with ("Why it matters:"),
    or a review's info lines (`info_labels`: "Running time:")."""
    data = load_data("claims")
    found = _lead_ins_cache.get(key)
    if found is None or found[0] is not data:
        words = sorted((str(w) for w in data.get(key) or ()), key=len, reverse=True)
        alt = alternation(words, ignore_case=True) or r"(?!)"
        found = _lead_ins_cache[key] = (data, re.compile(rf"(?i:{alt}):\s+"))
    return found[1]


def _is_writer(name: str, author: str | None) -> bool:
    """Return True where a name is one of the byline's writers'."""
    return author is not None and name.casefold() in author.casefold()


def find_claims(draft: Draft) -> None:
    """Add a Claim for each checkable clause of the body, credited where the text credits it."""
    resolver = Resolver(draft)
    lex = lexicon()
    by_para: dict[int, list[int]] = {}
    for i, q in enumerate(draft.quotes):
        by_para.setdefault(q.paragraph, []).append(i)
    labels = _labels(draft)
    for para in draft.doc.paragraphs:
        if para.kind != "text":
            continue
        # A wire's dateline opening the text ("BOSTON, Feb. 10, 2026 /PRNewswire/ --") is no claim.
        # (a dateline opens with a city in capitals, or names the agency in brackets soon after a
        # city in mixed case, "Madrid, Nov 24 (EFE).-": most paragraphs are spared the call)
        dateline = dateline_end(para.text) if para.text[:2].isupper() or (
            para.text[:1].isupper() and "(" in para.text[:32]) else 0
        # A transcript's or an interview's speaker ("TOM ALBERS: We pulled out …", "A: Money,
        # mostly."): the label is no part of a claim, and the labelled speaker's claims are theirs
        # (the writer's own, where the label is the byline's).
        label = labels.get(para.index)
        speaker = None
        if label is not None:
            if not label[0]:
                speaker = answerer(draft, para.index)  # (None for "Q: ", an unnamed answer)
            else:
                speaker = resolver.person(label[0]) or office_holder(draft, label[0])
                if speaker is None:
                    label = None
                elif _is_writer(speaker, draft.doc.author):
                    speaker = None
            if label is not None:
                dateline = max(dateline, label[1])
        elif ":" in para.text[:32]:
            lead = _lead_ins().match(para.text)
            if lead is not None:
                dateline = max(dateline, lead.end())  # "Why it matters: …": a lead-in, no part of the claim
        quotes = [draft.quotes[i] for i in by_para.get(para.index, [])]
        # The marks themselves belong to the quoted stretch.
        regions = [(max(q.start - 1, 0), q.end + 1) for q in quotes]
        text = para.text
        lowered = _fold(text)
        free = _fold(_masked(text, regions)) if regions else None
        # (ASCII paragraphs through `_APART` once: their clauses' words are cut from slices)
        ascii_ = lowered.isascii()
        spaced = apart(lowered, _APART) if ascii_ else None
        free_spaced = apart(free, _APART) if ascii_ and free is not None else None
        # (No test of the paragraph's words first: about one paragraph in nine holds no cue word,
        # and cutting every other paragraph into words once more cost four times what it saved.)
        digit = has_digit(text)
        # Does a quoted stretch overlap a clause? (By bisection: `Stretches`.)
        stretches = Stretches(regions) if regions else None
        near: ParagraphQuotes | None = None  # (made at the paragraph's first claim: most have none)
        for clause in clauses(text, regions):
            if clause.end <= dateline:
                continue
            if clause.start < dateline:
                clause.start = dateline  # (the label before the speaker's words)
            a, b = clause.start, clause.end
            body = text[a:b]
            quoted = free is not None and stretches is not None and stretches.overlaps(a, b)
            low = lowered[a:b]
            digits = digit and has_digit(body)  # (the clause's, asked once)
            words = _words(low, digits, None if spaced is None or digits else spaced[a:b])
            free_at = free[a:b] if free is not None and quoted else None
            why = _checkable(lex, body, low, words, free_at, digits,
                             None if free_spaced is None or free_at is None or digits else free_spaced[a:b])
            if why is None and clause.head > a:
                # (the part before an uncut ", but", where the whole is no claim: "Profits rose 1%
                # to £933m in 2004, but the bank expects …" without the hedge after it)
                b = clause.end = clause.head
                body, low = text[a:b], lowered[a:b]
                digits = digit and has_digit(body)
                words = _words(low, digits, None if spaced is None or digits else spaced[a:b])
                quoted = free is not None and stretches is not None and stretches.overlaps(a, b)
                free_at = free[a:b] if free is not None and quoted else None
                why = _checkable(lex, body, low, words, free_at, digits, None
                                 if free_spaced is None or free_at is None or digits else free_spaced[a:b])
            if why is None or not any(len(w) > 1 and w.islower() for w in body.split()) \
                    or (":" in body[:24] and _lead_ins("info_labels").match(body)):
                # ("Running time: 1 hour 52 minutes.": a review's info line, no statement)
                # (a statement has a verb, so a word in lower case: a team's line-up, "Att: 50,430
                # Ref: S Dunn", a headline in title case are none)
                continue
            near = ParagraphQuotes(quotes) if near is None else near
            # (ASCII text folds to its lower case: crediting may read its words as cut here)
            by = resolver.credit(para.index, text, clause, near, (low, words) if body.isascii() else None)
            if speaker is not None and (by is None or by not in draft.entities):
                # (in a speaker's turn, "The Government have confirmed £955 million" is the
                # minister's, where "the Government" is no body the article names)
                by = speaker
            line = draft.line_at(para, clause.start)
            draft.claims.append(Claim(body, by, Span(para.index, clause.start, clause.end, line), why))
