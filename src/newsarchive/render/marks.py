"""Mark spans (quotes, claims, names) in a paragraph's HTML, always nesting validly.

Spans are given as character offsets into the paragraph's source text. We insert placeholder
sequences at those offsets, escape or render the text (Markdown rendering leaves the placeholders
alone, as they are ordinary symbol characters), then swap the placeholders for tags. The swap walks
the HTML with a stack, so a claim that half-overlaps a quote, or a quote that runs across an
emphasis or a list item, is closed and reopened where needed instead of producing crossed tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

import markupsafe
from markupsafe import escape


def _escape_str(text: str) -> str:
    return str(escape(text))


escape_text: Callable[[str], str] = getattr(markupsafe, "_escape_inner", _escape_str)
"""`str(markupsafe.escape(text))` for a str: MarkupSafe 3's escaping itself (in C where built),
without the Markup that `escape` wraps its result in (two Python calls; ~190,000 in the article
bodies of a 2,225-article build)."""

# Symbol characters (Unicode category So) that news text does not use; any that do turn up in the
# source are replaced first. Being symbols, Markdown treats them like punctuation, so an opening
# placeholder beside `_` or `*` leaves emphasis parsing as it would be beside the quotation mark.
_OPEN, _CLOSE, _END = "\U0001f8b0", "\U0001f8b1", "\u2bd2"
_DIGITS = "".join(chr(0xE010 + d) for d in range(10))
_ALL = _OPEN + _CLOSE + _END + _DIGITS
_STRAY = re.compile(f"[{_ALL}]")
_SEQ = f"[{_OPEN}{_CLOSE}][{_DIGITS}]+{_END}"
_TOKEN = re.compile(f"(<[^>]*>|{_SEQ})")
_IN_TAG = re.compile("|".join([f"[{_ALL}]", *(re.escape(quote(c)) for c in _ALL)]), re.IGNORECASE)
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
# Link destinations and autolinks: a placeholder inside one would end up in (or punycode) the URL.
_DESTINATION = re.compile(r"\]\([^)]*\)|<[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*>|<[^<>\s@]+@[^<>\s]+>")

# Where marks may not stand directly: text there would be invalid HTML.
_CONTAINERS = frozenset({"ul", "ol", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "dl", "div"})
_BLOCKS = _CONTAINERS | frozenset({"p", "li", "pre", "td", "th", "dt", "dd", "figure", "figcaption",
                                   "h1", "h2", "h3", "h4", "h5", "h6", "hr"})
_VOID = frozenset({"br", "hr", "img", "wbr"})


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to mark: `attrs` go on its first piece only (the id lives there)."""

    start: int
    end: int
    tag: str
    """"q", "span" or "a"; an "a" inside a link becomes a "span"."""
    css: str
    attrs: str = ""
    """Pre-escaped attributes for the first piece, starting with a space (id, title, tabindex)."""
    href: str = ""
    mark_id: str = ""


@dataclass(slots=True)
class Marked:
    """A paragraph's HTML with its marks, and which mark ids it placed."""

    html: str
    placed: set[str] = field(default_factory=set)


def _code(kind: str, n: int) -> str:
    return kind + "".join(_DIGITS[int(d)] for d in str(n)) + _END


def _movable_start(text: str, pos: int, is_open: bool) -> int:
    """Keep a placeholder out of Markdown's line-start markers and off a backslash escape."""
    line_start = text.rfind("\n", 0, pos) + 1
    if not is_open and pos == line_start and pos > 0:
        return pos - 1
    marker = re.match(r"(?:[ \t]*(?:#{1,6}|>|[-*+]|\d{1,9}[.)])(?=[ \t]|$)[ \t]*)*", text[line_start:])
    if marker and line_start + marker.end() > pos:
        return line_start + marker.end() if is_open else line_start
    backslashes = len(text[line_start:pos]) - len(text[line_start:pos].rstrip("\\"))
    return pos - 1 if backslashes % 2 else pos


def insert_placeholders(text: str, marks: Sequence[Mark], markdown: bool) -> str:
    """Return the text with an open and a close placeholder per mark, closes first at one offset."""
    text = _STRAY.sub("\ufffd", text)
    n = len(text)
    guarded = [(m.start(), m.end()) for m in _DESTINATION.finditer(text)] if markdown else []

    def outside(pos: int) -> int:
        return next((b for a, b in guarded if a < pos < b), pos)

    events: list[tuple[int, int, int, int, str]] = []
    for i, m in enumerate(marks):
        start = max(0, min(m.start, n))
        end = max(start, min(m.end, n))
        if markdown:
            start = outside(_movable_start(text, start, True))
            end = max(start, outside(_movable_start(text, end, False)))
        # Sort: position, closes before opens, outer opens first, inner closes first.
        events.append((start, 1, -end, i, _code(_OPEN, i)))
        events.append((end, 0, -start, -i, _code(_CLOSE, i)))
    events.sort()
    out: list[str] = []
    last = 0
    for pos, *_rest, code in events:
        out.append(text[last:pos])
        out.append(code)
        last = pos
    out.append(text[last:])
    return "".join(out)


def _open_tag(mark: Mark, first: bool, in_link: bool) -> str:
    tag = "span" if mark.tag == "a" and in_link else mark.tag
    href = f' href="{mark.href}"' if tag == "a" else ""
    if first:
        return f'<{tag} class="{mark.css}"{href}{mark.attrs}>'
    return f'<{tag} class="{mark.css} mark-cont"{href}>'


def swap_placeholders(html: str, marks: Sequence[Mark], phrasing_root: bool) -> Marked:
    """Replace placeholders in rendered HTML with tags, closing and reopening to keep nesting valid.

    `phrasing_root` says whether text may stand at the top level (an escaped plain paragraph that
    the caller wraps in <p>) or not (Markdown block output, which brings its own <p>).
    """
    placed: set[str] = set()
    out: list[str] = []
    # The stack holds ("html", -1, tag, open tag) for Markdown's elements and ("mark", index, tag, "")
    # for ours.
    stack: list[tuple[str, int, str, str]] = []
    pending: list[int] = []
    started: set[int] = set()

    def in_link() -> bool:
        return any(entry[2] == "a" for entry in stack)

    def phrasing() -> bool:
        for kind, _i, tag, _open in reversed(stack):
            if kind == "html":
                return tag not in _CONTAINERS
        return phrasing_root

    def open_mark(i: int) -> None:
        first = i not in started
        tag = "span" if marks[i].tag == "a" and in_link() else marks[i].tag
        out.append(_open_tag(marks[i], first, in_link()))
        if first and marks[i].mark_id:
            placed.add(marks[i].mark_id)
        started.add(i)
        stack.append(("mark", i, tag, ""))

    def flush() -> None:
        while pending:
            open_mark(pending.pop(0))

    def close_marks_above(depth: int) -> list[int]:
        """Close our marks above stack position `depth`; return them outermost first."""
        closed: list[int] = []
        while len(stack) > depth and stack[-1][0] == "mark":
            _k, i, tag, _open = stack.pop()
            out.append(f"</{tag}>")
            closed.insert(0, i)
        return closed

    for token in _TOKEN.split(html):
        if not token:
            continue
        head = token[0]
        if head == "<":
            token = _IN_TAG.sub("", token)
            m = _TAG_NAME.match(token)
            name = m.group(1).lower() if m else ""
            if token.startswith("</"):
                depth = max((k for k, e in enumerate(stack) if e[0] == "html" and e[2] == name), default=-1)
                if depth >= 0:
                    while len(stack) > depth + 1:
                        if stack[-1][0] == "mark":
                            pending[:0] = close_marks_above(depth + 1)
                        else:
                            stack.pop()
                    stack.pop()
                out.append(token)
            elif name in _VOID:
                if name == "hr":
                    pending[:0] = close_marks_above(0)
                out.append(token)
            elif name in _BLOCKS:
                pending[:0] = close_marks_above(_last_html(stack) + 1)
                out.append(token)
                stack.append(("html", -1, name, token))
            else:
                flush()
                out.append(token)
                stack.append(("html", -1, name, token))
        elif head == _OPEN:
            i = _number(token)
            if i < len(marks):
                if phrasing():
                    flush()
                    open_mark(i)
                else:
                    pending.append(i)
        elif head == _CLOSE:
            i = _number(token)
            if i in pending:
                pending.remove(i)
            pos = next((k for k, e in enumerate(stack) if e[0] == "mark" and e[1] == i), -1)
            if pos >= 0:
                # Close everything opened inside this mark (Markdown's elements too), close the
                # mark, then reopen what was inside so that tags never cross.
                above = stack[pos + 1 :]
                del stack[pos + 1 :]
                for entry in reversed(above):
                    out.append(f"</{entry[2]}>")
                _k, _i, tag, _open = stack.pop()
                out.append(f"</{tag}>")
                for entry in above:
                    if entry[0] == "mark":
                        open_mark(entry[1])
                    else:
                        out.append(entry[3])
                        stack.append(entry)
        else:
            if not token.isspace():
                flush()
            out.append(token)
    close_marks_above(0)
    return Marked("".join(out), placed)


def _last_html(stack: list[tuple[str, int, str, str]]) -> int:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == "html":
            return k
    return -1


def _number(token: str) -> int:
    return int("".join(str(_DIGITS.index(c)) for c in token[1:-1]))


def mark_plain(text: str, marks: Sequence[Mark]) -> Marked:
    """Return plain text as escaped HTML with its marks.

    The same nesting as `swap_placeholders`, walked straight over the offsets: plain text has no
    tags of its own to weave around, and this runs for nearly every paragraph of every article.
    """
    if not marks:
        return Marked(escape_text(text))
    n = len(text)
    events: list[tuple[int, int, int, int]] = []
    for i, m in enumerate(marks):
        start = max(0, min(m.start, n))
        end = max(start, min(m.end, n))
        events.append((start, 1, -end, i))
        events.append((end, 0, -start, -i))
    events.sort()
    out: list[str] = []
    placed: set[str] = set()
    stack: list[tuple[int, str]] = []
    started: set[int] = set()
    links = 0  # how many open marks are links: a link inside one is written as a `span`

    def open_mark(i: int) -> None:
        nonlocal links
        mark = marks[i]
        first = i not in started
        out.append(_open_tag(mark, first, links > 0))
        if first:
            started.add(i)
            if mark.mark_id:
                placed.add(mark.mark_id)
        if mark.tag != "a":
            stack.append((i, mark.tag))
        elif links:
            stack.append((i, "span"))
        else:
            stack.append((i, "a"))
            links += 1

    last = 0
    for pos, is_open, _other, key in events:
        if pos > last:
            out.append(escape_text(text[last:pos]))
            last = pos
        if is_open:
            open_mark(key)
            continue
        i = -key
        if stack and stack[-1][0] == i:  # the innermost open mark: nothing to reopen
            tag = stack.pop()[1]
            out.append(f"</{tag}>")
            if tag == "a":
                links -= 1
            continue
        depth = next((k for k, (j, _t) in enumerate(stack) if j == i), -1)
        if depth < 0:
            continue
        reopen = [j for j, _t in stack[depth + 1 :]]
        for _j, tag in reversed(stack[depth:]):
            out.append(f"</{tag}>")
            if tag == "a":
                links -= 1
        del stack[depth:]
        for j in reopen:
            open_mark(j)
    out.append(escape_text(text[last:]))
    for _j, tag in reversed(stack):
        out.append(f"</{tag}>")
    return Marked("".join(out), placed)


def unplaced(marks: Iterable[Mark], placed: set[str]) -> str:
    """Return empty anchors for marks whose id did not make it into the HTML, so links still land."""
    return "".join(f'<span id="{m.mark_id}" class="mark-anchor"></span>'
                   for m in marks if m.mark_id and m.mark_id not in placed)
