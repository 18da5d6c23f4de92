"""Pair the quotation marks of one paragraph into spans, telling quotes from apostrophes.

Each mark is read from its shape (“ opens, ” closes, " can do either) and from what stands on
either side of it: an opening mark follows a space, the start, a bracket or a dash and comes before
a word; a closing mark follows a word or punctuation and comes before a space, punctuation or the
end. Marks then pair on a stack, family by family (double, single, guillemets), so a single quote
can sit inside a double one.

Nested quotes: the outer quote is always reported whole, marks and all, and the inner one is
reported too, with `depth` 1 (2, …). The inner words are the quoted speaker quoting someone else,
or naming something ("He called it ‘a disaster’"); a reader looking up either needs the span,
and `depth` lets attribution give it its own speaker or none instead of the outer one.

Damage is recovered rather than passed on:

- a closing mark with nothing open, before any other quote, runs from the start of the paragraph;
- an opening mark that never closes runs to the end of the paragraph, or up to the next opening
  mark where that one starts a new sentence (the newspaper convention of re-opening each quoted
  paragraph, which BBC text keeps on one line: `… portfolio. "Our businesses …`);
- single marks that never close are dropped (nearly always apostrophes), except at the very start
  of a paragraph, where they follow the same re-opening convention;
- a straight opening mark while a straight quote is open means the first lost its closing mark
  (straight marks cannot nest readably): it ends there;
- a lone closing mark after a digit is an inch or seconds sign (6'3");
- a run of four or more marks in a row cannot be read as quotation and is skipped, and so are
  marks inside HTML tags (and, in Markdown, code spans and link targets).

Within a family any opening mark pairs with any closing one, so text that mixes straight and
curly marks (`"… ,” she said`) still pairs.

Everything is one left-to-right scan over the marks with a stack no deeper than `max_depth`, so
the cost is linear in the paragraph's length whatever the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from newsarchive.lexicon import load_data

OPEN, CLOSE, EITHER = 1, 2, 3
SHAPES = {"open": 0, "close": 1, "neutral": 2, "angle": 3}
_S_OPEN, _S_CLOSE, _S_NEUTRAL, _S_ANGLE = 0, 1, 2, 3
_SENTENCE_END = ".?!…"
_OPENING_PUNCT = "([{<—–-/"
# The marks that also serve as apostrophes (it's, Putin’s): a straight or right single mark.
_APOSTROPHES = "'’"
_SENTENCE_BREAK = re.compile(r"[.?!]\s")
_TAG = re.compile(r"<[A-Za-z/!][^<>]{0,300}>")
# In Markdown also code spans and link targets ([text](url "title")): their marks are not prose.
_MARKDOWN_CODE = re.compile(
    r"<[A-Za-z/!][^<>]{0,300}>"  # an HTML tag
    r"|(`+)[^`]{1,500}?\1"  # a code span
    r"|\]\([^()\s]{0,500}(?:\s+\"[^\"]{0,300}\")?\)"  # a link target, with its title
)
_WORD = re.compile(r"[^\W_]")
_LEAD = re.compile(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]*")
# The next single mark that is not inside a word.
_NEXT_SINGLE = re.compile(r"(?<![^\W_])['’‘]|['’‘](?![^\W_])")


class MarkSpan(NamedTuple):
    """A quotation found in one paragraph: the text between its marks (offsets into the paragraph)."""

    start: int
    """Offset of the first quoted character (whitespace inside the marks is left out)."""
    end: int
    """Offset one past the last quoted character."""
    open_mark: str | None
    """The opening mark, or None where it was missing and the span runs from the paragraph start."""
    close_mark: str | None
    """The closing mark, or None where it never came."""
    open_at: int
    """Offset of the opening mark (or of the paragraph start where there is none)."""
    close_at: int
    """Offset of the closing mark (or of where the span was cut off where there is none)."""
    depth: int = 0
    """How many quotes enclose this one (1 for a quote inside a quote)."""
    reopened: bool = False
    """True where it stopped because the next quote re-opened after a full stop (same speaker)."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The marks table and word lists of `data/quotes.yaml`, compiled once."""

    marks: dict[str, tuple[int, int]]
    """Mark → (family number, shape number)."""
    families: int
    single: frozenset[int]
    """The family numbers of single marks (an unclosed one is read as an apostrophe)."""
    all_marks: str
    """Every one-character mark."""
    ascii_marks: str
    """The ASCII ones among them: all an ASCII paragraph can hold."""
    pattern: re.Pattern[str]
    """Finds every one-character mark (longer marks start with one)."""
    not_mark: re.Pattern[str]
    """Finds the end of a run of marks."""
    elisions: frozenset[str]
    max_depth: int
    speech_verbs: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_data("quotes")
    marks: dict[str, tuple[int, int]] = {}
    single: set[int] = set()
    for number, (name, shapes) in enumerate(data["families"].items()):
        if name.startswith("single"):
            single.add(number)
        for shape, listed in shapes.items():
            for mark in listed:
                marks[mark] = (number, SHAPES[shape])
    one = "".join(m for m in marks if len(m) == 1)
    # A plain character class lets the regex engine skip text fast; every other test (apostrophes,
    # runs, tags, two-character marks) is done in Python on the few marks found.
    pattern = re.compile(f"[{re.escape(one)}]")
    not_mark = re.compile(f"[^{re.escape(one)}]")
    ascii_marks = "".join(c for c in one if c.isascii())
    return Lexicon(marks, len(data["families"]), frozenset(single), one, ascii_marks, pattern, not_mark,
                   frozenset(w.lower() for w in data.get("elisions", [])), int(data.get("max_depth", 4)),
                   frozenset(w.lower() for w in data.get("speech_verbs", [])))


def _word_after(text: str, i: int) -> str:
    """Return the run of letters and digits starting at `i`, lowercased (at most 8 long)."""
    j = i
    n = min(len(text), i + 8)
    while j < n and text[j].isalnum():
        j += 1
    return text[i:j].lower()


def _is_elision(text: str, at: int, elisions: frozenset[str]) -> bool:
    """Say whether the word at `at`, right after a mark, is a shortened one ('em, '90s, 'n')."""
    word = _word_after(text, at)
    if word in elisions:
        return True
    return len(word) == 3 and word[:2].isdigit() and word[2] == "s"


def _possessive(text: str, i: int) -> bool:
    """Say whether a single closing mark reads better as a plural possessive (the players' union).

    It does when it follows an s, a lowercase word comes next, and the next single mark in the
    same sentence can close the quote instead.
    """
    if i == 0 or text[i - 1] not in "sS":
        return False
    if not text[i + 1 : i + 2].isspace() or not text[i + 2 : i + 3].islower():
        return False
    nxt = _NEXT_SINGLE.search(text, i + 1)
    if nxt is None:
        return False
    j = nxt.start()
    if text[j - 1].isspace() or nxt.group() == "‘":
        return False  # the next single mark opens: this one must close
    # A closing mark in a later sentence belongs to something else ('All Golds' rugby … . …').
    return _SENTENCE_BREAK.search(text, i, j) is None


def _role(text: str, i: int, j: int, shape: int, apostrophe: bool, is_open: bool, lex: Lexicon) -> int:
    """Return OPEN, CLOSE, EITHER or 0 (an apostrophe, or nothing to pair) for the mark text[i:j]."""
    before = text[i - 1] if i else " "
    after = text[j] if j < len(text) else " "
    space_before = before.isspace()
    space_after = after.isspace()
    opens = not space_after and (space_before or before in _OPENING_PUNCT or before in lex.all_marks)
    closes = not space_before and (space_after or not after.isalnum())
    if shape == _S_OPEN:
        if before.isalnum() and after.isalnum():
            return 0  # don‘t: a misprinted apostrophe
        return CLOSE if closes and not opens and is_open else OPEN
    if apostrophe:
        if opens and not closes:
            if shape == _S_CLOSE or _is_elision(text, j, lex.elisions):
                return 0  # ’em, 'em, ’90s, rock ’n’ roll
            return OPEN
        if not is_open or _possessive(text, i):
            return 0  # the players' union, the 1990s’
        return CLOSE
    if shape == _S_CLOSE:
        return OPEN if opens and not closes and not is_open else CLOSE
    if opens and not closes:
        return OPEN
    if closes and not opens:
        return CLOSE
    return EITHER  # ."We (paragraphs run together) or a mark between spaces: the state decides


def _starts_sentence(text: str, i: int, marks: str) -> bool:
    """Say whether the opening mark at `i` follows the end of a sentence (or another quote's end)."""
    j = i - 1
    while j >= 0 and (text[j].isspace() or text[j] in marks):
        j -= 1
    return j >= 0 and text[j] in _SENTENCE_END


def _unclosed_end(text: str, start: int, at: int) -> int:
    """Return where a quotation that lost its closing mark ends, given the mark at `at` that opens
    the next one: there, unless a colon introduces that one ("… for one or two seconds. Freddie
    Ljungberg is likely to … Arsene Wenger said: “Freddie is an option …”"), when the writer's
    sentence with the colon is no part of it and the quotation ends at the sentence before."""
    j = at - 1
    while j > start and text[j].isspace():
        j -= 1
    if text[j] != ":":
        return at
    stop = max(text.rfind(". ", start, j), text.rfind("? ", start, j), text.rfind("! ", start, j))
    return stop + 1 if stop > start else at


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Return start and end moved past the whitespace just inside the marks."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _next_ascii(text: str, marks: str, ahead: list[int], pos: int) -> int:
    """Return where the first of the marks stands at `pos` or after, -1 where none does.

    `ahead` holds, for each mark, where it was last found (-1: nowhere further on); only those
    left behind `pos` are looked for again, by str.find, which skips text far faster than a
    pattern that tests every character, and never twice over the same stretch.
    """
    first = -1
    for k in range(len(marks)):
        at = ahead[k]
        if 0 <= at < pos:
            at = ahead[k] = text.find(marks[k], pos)
        if at >= 0 and (first < 0 or at < first):
            first = at
    return first


def find_spans(text: str, markdown: bool = False) -> list[MarkSpan]:
    """Return the quotation spans of one paragraph (Markdown source if `markdown`), in order."""
    lex = lexicon()
    search = lex.pattern.search
    # The marks of ASCII text (nine paragraphs in ten) are found by `_next_ascii`; of other text,
    # by the pattern.
    ahead = [text.find(c) for c in lex.ascii_marks] if text.isascii() else None
    if (search(text) is None) if ahead is None else max(ahead, default=-1) < 0:
        return []  # most paragraphs: no mark at all
    table, single, max_depth = lex.marks, lex.single, lex.max_depth
    spans: list[MarkSpan] = []
    # The marks still open, outermost first: (family, mark, offset, depth).
    stack: list[tuple[int, str, int, int]] = []
    open_count = [0] * lex.families
    angle_opener: dict[int, str] = {}
    skip_at = -1
    seen_quote = False
    # Where the paragraph's text starts, past spaces and invisible direction marks.
    start_of_text = _LEAD.match(text)
    lead = start_of_text.end() if start_of_text else 0

    def emit(open_at: int, open_mark: str | None, close_at: int, close_mark: str | None, depth: int,
             reopened: bool = False) -> bool:
        start, end = _trimmed(text, open_at + len(open_mark) if open_mark else open_at, close_at)
        # Marks around nothing but spaces or punctuation (“”, “?”, an invisible character) quote
        # nobody.
        if start < end and (text[start].isalnum() or _WORD.search(text, start, end)):
            spans.append(MarkSpan(start, end, open_mark, close_mark, open_at, close_at, depth, reopened))
            return True
        return False

    one = lex.all_marks
    # Quotes inside an HTML tag (attribute values) are markup, not quotation.
    if markdown:
        tags = [(t.start(), t.end()) for t in _MARKDOWN_CODE.finditer(text)]
    else:
        tags = [(t.start(), t.end()) for t in _TAG.finditer(text)] if "<" in text else []
    tag = 0
    skip_to = 0
    while True:
        if ahead is None:
            m = search(text, skip_to)
            if m is None:
                break
            i = m.start()
        else:
            i = _next_ascii(text, lex.ascii_marks, ahead, skip_to)
            if i < 0:
                break
        skip_to = i + 1
        if i == skip_at:
            continue  # the second mark of rock 'n' roll
        mark = text[i]
        nxt = text[i + 1 : i + 2]
        if mark in _APOSTROPHES and nxt.isalnum() and text[i - 1 : i].isalnum():
            continue  # it's, O'Malley: always an apostrophe
        if nxt and nxt in one and text[i + 2 : i + 4] and text[i + 2] in one and text[i + 3 : i + 4] in one:
            # A run of four or more marks cannot be read as quotation.
            after_run = lex.not_mark.search(text, i + 4)
            skip_to = after_run.start() if after_run else len(text)
            continue
        if tags:
            while tag < len(tags) and tags[tag][1] <= i:
                tag += 1
            if tag < len(tags) and tags[tag][0] <= i:
                continue
        # A two-character mark ('' for ", NYT style), except that ''' after a word closes a single
        # quote before the double one ('independence,''').
        if nxt and mark + nxt in table and not (text[i + 2 : i + 3] == mark and text[i - 1 : i].strip()):
            mark += nxt
            skip_to += 1
        family, shape = table[mark]
        if shape == _S_ANGLE:
            role = OPEN if angle_opener.setdefault(family, mark) == mark else CLOSE
        else:
            is_open = open_count[family] > 0
            if i == lead and mark not in _APOSTROPHES:
                role = OPEN  # ” … first thing in the paragraph: no mark can close there
            else:
                role = _role(text, i, i + len(mark), shape, mark in _APOSTROPHES, is_open, lex)
            if role == 0:
                if text[i + 1 : i + 3] in ("n'", "n’"):
                    skip_at = i + 2
                continue
            if role == EITHER:
                role = CLOSE if is_open else OPEN
        if role == OPEN:
            if stack and stack[-1][0] == family:
                top = stack[-1]
                if family in single:
                    stack.pop()  # an unclosed single mark is nearly always an apostrophe
                    open_count[family] -= 1
                elif ((mark == top[1] and shape == _S_NEUTRAL) or len(stack) >= max_depth
                      or _starts_sentence(text, i, lex.all_marks)):
                    # One straight mark inside another cannot be nesting: the first lost its
                    # closing mark. After a full stop, it is the next paragraph re-opening.
                    stack.pop()
                    open_count[family] -= 1
                    emit(top[2], top[1], _unclosed_end(text, top[2], i), None, top[3], reopened=True)
            elif len(stack) >= max_depth:
                continue
            stack.append((family, mark, i, len(stack)))
            open_count[family] += 1
            continue
        if not open_count[family]:
            # A lone closing mark before any other quote: the opening one was lost. After a digit
            # it is an inch or seconds sign (6'3" tall).
            if not seen_quote and not stack and family not in single and not text[i - 1 : i].isdigit():
                seen_quote = emit(0, None, i, mark, 0)
            continue
        opened = stack.pop()
        open_count[opened[0]] -= 1
        while opened[0] != family:
            # Quotes opened inside this one and never closed end with it.
            if opened[0] not in single:
                emit(opened[2], opened[1], i, None, opened[3])
            opened = stack.pop()
            open_count[opened[0]] -= 1
        emit(opened[2], opened[1], i, mark, opened[3])
        seen_quote = True
    for left in stack:
        if left[0] not in single or not text[: left[2]].strip():
            emit(left[2], left[1], len(text), None, left[3])
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans
