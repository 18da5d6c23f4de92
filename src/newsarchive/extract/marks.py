"""Pair the quotation marks of one paragraph into spans, telling quotes from apostrophes.

Each mark is read from its shape (“ opens, ” closes, " can do either) and from what stands on
either side of it: an opening mark follows a space, the start, a bracket or a dash and comes before
a word; a closing mark follows a word or punctuation and comes before a space, punctuation or the
end. Marks then pair on a stack, family by family (double, single, guillemets), so a single quote
can sit inside a double one. Damage is recovered rather than passed on:

- a closing mark with nothing open, before any other quote, runs from the start of the paragraph;
- an opening mark that never closes runs to the end of the paragraph, or up to the next opening
  mark where that one starts a new sentence (the newspaper convention of re-opening each quoted
  paragraph, which BBC text keeps on one line: `… portfolio. "Our businesses …`);
- single marks that never close are dropped (nearly always apostrophes), except at the very start
  of a paragraph, where they follow the same re-opening convention;
- a run of three or more marks in a row cannot be read as quotation and is skipped.

Everything is one left-to-right scan over the marks with a stack no deeper than `max_depth`, so
the cost is linear in the paragraph's length whatever the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsarchive.lexicon import load_data

OPEN, CLOSE, EITHER = 1, 2, 3
_SENTENCE_END = ".?!…"
_OPENING_PUNCT = "([{<—–-/"
_ALL_MARKS = "“”\"„‟«»‹›‘’'‚`"
# Any mark, except ' and ’ with a letter or digit on both sides (it's, O'Malley): those are always
# apostrophes, and leaving them to the regex engine keeps the Python loop for the few real marks.
_MARKS = re.compile(
    # Quotes inside an HTML tag (attribute values) are markup, not quotation.
    r"(?P<tag><[A-Za-z/!][^<>\n]{0,300}>)|"
    "(?P<run>[" + re.escape(_ALL_MARKS) + "]{3,})"
    r"|''|``|[“”\"„‟«»‹›‘‚`]|(?<![^\W_])['’]|['’](?![^\W_])"
)
# The next single mark that is not inside a word.
_NEXT_SINGLE = re.compile(r"(?<![^\W_])['’‘]|['’‘](?![^\W_])")


@dataclass(frozen=True, slots=True)
class MarkSpan:
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

    family: dict[str, str]
    """Mark → family name."""
    shape: dict[str, str]
    """Mark → "open", "close", "neutral" or "angle"."""
    elisions: frozenset[str]
    max_depth: int
    speech_verbs: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_data("quotes")
    family: dict[str, str] = {}
    shape: dict[str, str] = {}
    for name, shapes in data["families"].items():
        for kind, marks in shapes.items():
            for mark in marks:
                family[mark] = name
                shape[mark] = kind
    return Lexicon(family, shape, frozenset(w.lower() for w in data.get("elisions", [])),
                   int(data.get("max_depth", 4)), frozenset(w.lower() for w in data.get("speech_verbs", [])))


@dataclass(slots=True)
class _Open:
    family: str
    mark: str
    at: int
    depth: int


def _word_after(text: str, i: int) -> str:
    """Return the run of letters and digits starting at `i`, lowercased (at most 8 long)."""
    j = i
    n = min(len(text), i + 8)
    while j < n and text[j].isalnum():
        j += 1
    return text[i:j].lower()


def _is_elision(text: str, i: int, elisions: frozenset[str]) -> bool:
    """Say whether the mark at `i` shortens the word after it ('em, '90s, 'n')."""
    word = _word_after(text, i + 1)
    if word in elisions:
        return True
    return len(word) == 3 and word[:2].isdigit() and word[2] == "s"


def _possessive(text: str, i: int) -> bool:
    """Say whether a single closing mark reads better as a plural possessive (the players' union).

    It does when it follows an s, a lowercase word comes next, and the next single mark in the
    paragraph can close the quote instead.
    """
    if i == 0 or text[i - 1] not in "sS":
        return False
    if not text[i + 1 : i + 2].isspace() or not text[i + 2 : i + 3].islower():
        return False
    nxt = _NEXT_SINGLE.search(text, i + 1)
    if nxt is None:
        return False
    j = nxt.start()
    return not text[j - 1].isspace() and nxt.group() != "‘"


def _role(text: str, i: int, mark: str, shape: str, is_open: bool, lex: Lexicon) -> int:
    """Return OPEN, CLOSE, EITHER or 0 (an apostrophe, or nothing to pair) for the mark at `i`."""
    j = i + len(mark)
    before = text[i - 1] if i else " "
    after = text[j] if j < len(text) else " "
    space_before = before.isspace()
    space_after = after.isspace()
    opens = not space_after and (space_before or before in _OPENING_PUNCT or before in _ALL_MARKS)
    closes = not space_before and (space_after or not after.isalnum())
    if shape == "open":
        if before.isalnum() and after.isalnum():
            return 0  # don‘t: a misprinted apostrophe
        return CLOSE if closes and not opens and is_open else OPEN
    if shape == "close":
        if mark == "’":
            if space_before or i == 0:
                return 0  # ’em, ’90s, rock ’n’ roll: an elision
            if not is_open or (_possessive(text, i)):
                return 0
            return CLOSE
        return OPEN if opens and not closes and not is_open else CLOSE
    # A neutral mark: " or '.
    if mark == "'":
        if opens and not closes:
            return 0 if _is_elision(text, i, lex.elisions) else OPEN
        if not is_open or _possessive(text, i):
            return 0
        return CLOSE
    if opens and not closes:
        return OPEN
    if closes and not opens:
        return CLOSE
    return EITHER  # ."We (paragraphs run together) or a mark between spaces: the state decides


def _starts_sentence(text: str, i: int) -> bool:
    """Say whether the opening mark at `i` follows the end of a sentence (or another quote's end)."""
    j = i - 1
    while j >= 0 and (text[j].isspace() or text[j] in _ALL_MARKS):
        j -= 1
    return j >= 0 and text[j] in _SENTENCE_END


def find_spans(text: str) -> list[MarkSpan]:
    """Return the quotation spans of one paragraph, in order of their start."""
    lex = lexicon()
    family_of, shape_of = lex.family, lex.shape
    spans: list[MarkSpan] = []
    stack: list[_Open] = []
    angle_opener: dict[str, str] = {}
    skip_at = -1
    seen_quote = False
    n = len(text)

    def emit(start: int, end: int, open_mark: str | None, close_mark: str | None, open_at: int,
             close_at: int, depth: int, reopened: bool = False) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append(MarkSpan(start, end, open_mark, close_mark, open_at, close_at, depth, reopened))

    for m in _MARKS.finditer(text):
        i = m.start()
        if m.group("run") is not None or m.group("tag") is not None or i == skip_at:
            continue
        mark = m.group()
        family = family_of[mark]
        shape = shape_of[mark]
        if shape == "angle":
            first = angle_opener.setdefault(family, mark)
            role = OPEN if mark == first else CLOSE
        else:
            is_open = any(o.family == family for o in stack)
            role = _role(text, i, mark, shape, is_open, lex)
            if role == 0:
                if shape != "open" and text[i + 1 : i + 3] in ("n'", "n’"):
                    skip_at = i + 2  # the closing half of rock 'n' roll
                continue
            if role == EITHER:
                role = CLOSE if is_open else OPEN
        if role == OPEN:
            top = stack[-1] if stack else None
            if top is not None and top.family == family:
                if family.startswith("single"):
                    stack.pop()  # an unclosed single mark is nearly always an apostrophe
                elif ((mark == top.mark and shape == "neutral") or _starts_sentence(text, i)
                      or len(stack) >= lex.max_depth):
                    # One straight mark inside another cannot be read as nesting: the first one
                    # lost its closing mark. After a full stop, it is the next paragraph re-opening.
                    stack.pop()
                    emit(top.at + len(top.mark), i, top.mark, None, top.at, i, top.depth, reopened=True)
            elif len(stack) >= lex.max_depth:
                continue
            stack.append(_Open(family, mark, i, len(stack)))
            continue
        k = len(stack) - 1
        while k >= 0 and stack[k].family != family:
            k -= 1
        if k < 0:
            # A lone closing mark before any other quote: the opening one was lost. After a digit
            # it is an inch or seconds sign (6'3" tall).
            if not seen_quote and not stack and family != "single" and not text[i - 1 : i].isdigit():
                emit(0, i, None, mark, 0, i, 0)
                seen_quote = True
            continue
        for inner in stack[k + 1 :]:
            if inner.family != "single":
                emit(inner.at + len(inner.mark), i, inner.mark, None, inner.at, i, inner.depth)
        opened = stack[k]
        del stack[k:]
        emit(opened.at + len(opened.mark), i, opened.mark, mark, opened.at, i, opened.depth)
        seen_quote = True
    for left in stack:
        at_start = not text[: left.at].strip()
        if left.family != "single" or at_start:
            emit(left.at + len(left.mark), n, left.mark, None, left.at, n, left.depth)
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans
