"""Lay out an article body: headline, standfirst, paragraphs, headings, captions, boilerplate."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from newsarchive.lexicon import load_data, load_words
from newsarchive.load import masthead
from newsarchive.records import Boilerplate, Paragraph, ParagraphKind

_END_PUNCT = (".", "!", "?", ":", ";", "”", '"', "’", "'", ")", "…")
_CLOSING_MARKS = ("”", '"', "’", "'")
_CREDIT = re.compile(r"^\(?\s*(?:(image|photo|picture|video)\s+(credit|source|caption)s?\s*[:,]"
                     r"|(?:photo|photograph|illustration)s?\s?[:|]\s)", re.IGNORECASE)
"""A picture's credit ("Image credit: Getty", "Photo | Joseph Kiprono | Nation"): the block it
opens holds the picture's caption."""
_ENTRY_TIME = re.compile(r"\d{1,2}[:.]\d\d\s?(?:[ap]\.?m\.?)?(?:\s[A-Z]{2,4})?$", re.IGNORECASE)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,200})\](?:\([^()\s]{0,500}\))?")
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]{0,300}\]\([^()\s]{0,500}(?:\s+\"[^\"\n]{0,200}\")?\)")
_CAPTION_CREDIT = re.compile(r"(?:(?:Photograph|Photo|Photos|Illustration|Picture|Image|Video)"
                             r"(?: [Cc]redit)?:"
                             r"|©)\s?[^:;“”\"©]{2,80}$"
                             r"|\s(?:PHOTO|PHOTOS|FILE PHOTO)\s?[/|]\s?[A-Z][A-Z .’'-]{1,40}$")
_DASHED_CREDIT = re.compile(r"\s[-–—/|]\s(?:(?:Photo|Photograph|Picture|File photo) by"
                            r"|(?:Photo |Image )?[Cc]redit:)\s[A-Z][\w .’'-]{1,60}$")
_BRACKET_CREDIT = re.compile(r"\((?:[A-Z][\w.’'-]*\s?){1,5}/\s?[A-Z][\w’' -]{1,40}\)$"
                             r"|\s\((?:AFP|AP|EPA|Reuters|Getty Images|Anadolu|Xinhua|PA)\)$")
"""A caption's credit closing its line, as the Guardian sets it under a picture ("… last autumn.
Photograph: Coastal Record"), or as other sites do ("… Photo Credit: B. Jothi Ramalingam", "… ©
Thomas Garnier, AFP", "… (State Emergency Service / Telegram)", "(AP Photo/Evan Vucci)", a
wire's name in brackets, "… on 22 November 2026 (AFP)", East African papers' "… PHOTO/FILE", the
Gleaner's "… on Monday. - Photo by Orville Campbell", CNA's "Pope Leo XIV / Credit: Vatican Media")."""


_SUBSCRIBE_TO = re.compile(r"(?i:subscribe to) (?!(?i:our|this|my|your|the latest)\b)"
                           r"(?P<o>(?:[Tt]he )?[A-Z][\w&’'.-]*(?: [A-Z][\w&’'.-]*){0,4})")
"""A promotion's "Subscribe to The Week": the outlet it names."""


def _md_plain(text: str) -> str:
    """Return a Markdown block as a reader sees it, for the furniture patterns: a line in
    emphasis marks ("*Subscribe for free …*") or a link ("[Subscribe now](…)") is its words."""
    if "[" in text:
        text = _MD_LINK.sub(r"\1", text)
    return text.strip("*_ ")


@dataclass(frozen=True, slots=True)
class Patterns:
    """The boilerplate lexicon, compiled once."""

    header: re.Pattern[str]
    button: re.Pattern[str]
    line: re.Pattern[str]
    promo: re.Pattern[str]
    list_header: re.Pattern[str]
    bio: re.Pattern[str]
    foot: re.Pattern[str]
    tail: re.Pattern[str]

    def furniture(self, text: str) -> bool:
        """Return True for a line of furniture: one a `line` pattern matches, or a short one a
        `tail` pattern ends."""
        return self.line.match(text) is not None or (
            len(text) <= _TAIL_LINE and text[-1:].isdigit()
            and self.tail.search(text, max(0, len(text) - _TAIL_CHARS)) is not None)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    data = load_data("boilerplate")

    def compile_all(key: str) -> re.Pattern[str]:
        # One alternation per list: a line is tried once, not once per pattern.
        return re.compile("|".join(f"(?:{p})" for p in data.get(key, [])) or "(?!)", re.IGNORECASE)

    return Patterns(header=compile_all("header"), button=compile_all("button"), line=compile_all("line"),
                    promo=re.compile(data["promo_words"], re.IGNORECASE), bio=re.compile(data["bio"]),
                    list_header=compile_all("list_header"), foot=compile_all("foot"),
                    tail=compile_all("tail"))


_FOOT_LINE = 60
"""How long a line a `foot` pattern is tried on ("Notes to editors" stands alone)."""
_TAIL_LINE, _TAIL_CHARS = 130, 40
"""How long a line a `tail` pattern is tried on, and how much of its end."""


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    number: int
    """1-based line number in the file."""


@dataclass(frozen=True, slots=True)
class Layout:
    """What `lay_out` finds in a body."""

    title: str | None
    standfirst: str | None
    author: str | None
    outlet: str | None
    paragraphs: tuple[Paragraph, ...]
    boilerplate: tuple[Boilerplate, ...]
    date: str | None = None
    """ISO date a line above the first paragraph states ("Tue 12 Mar 2024 17.45 GMT")."""


def _blocks(body: str, first_line: int) -> list[list[Line]]:
    """Split into blocks of non-blank lines, keeping file line numbers."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for i, raw in enumerate(body.split("\n")):
        text = raw.strip()
        if text:
            current.append(Line(text, first_line + i))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


_QUOTED_HEADLINE = re.compile(r"[“\"‘'](?:[^“”\"‘’'\n]|[’'](?=\w)){3,150}[”\"’'](?: [a-z]+)?"
                              r"\s*(?::|\s[–—-])\s+\S")
"""A headline that opens with a quotation: "‘We built the tower for the city we had’: an architect
looks back", "'I was terrified' - residents describe the flood", a title and a word for the piece
("'The Last Orchard' review: a quietly devastating farewell …")."""


def _is_headline(text: str) -> bool:
    words = text.split()
    if not words or len(text) > 160 or len(words) > 24 \
            or (text[0] in "“\"‘'«(" and not _QUOTED_HEADLINE.match(text)):
        return False
    if text.endswith("."):
        return len(words) <= 14
    return True


_LABEL_WORD = re.compile(r"[A-Z][\w&’'.-]*,?|[/|›>»·&-]")


def _is_label(text: str) -> bool:
    """Return True for a section's or a site's label alone on a line above a headline ("China /
    Politics", "Counties", "SPAIN", "Axios Columbus", Anadolu's "WORLD, EUROPE"): at most three
    capitalised words, no digits."""
    words = text.split()
    return len(text) <= 32 and 1 <= len(words) <= 5 \
        and sum(w.rstrip(",").isalpha() or "’" in w for w in words) <= 3 \
        and all(_LABEL_WORD.fullmatch(w) for w in words) and not any(c.isdigit() for c in text)


_CRUMBS = re.compile(r"\s+[|›>»/]\s+")
_CRUMB = re.compile(r"[A-Z][\w&'’-]*(?: [\w&'’-]+){0,2}")


def _is_breadcrumb(text: str) -> bool:
    """Return True for a site's trail of two or three sections above a headline, a digit or a
    word in lower case allowed ("Formula 1 | Race report", "Sport › Cricket › Ashes")."""
    parts = _CRUMBS.split(text)
    return len(text) <= 40 and 2 <= len(parts) <= 3 and all(_CRUMB.fullmatch(p) for p in parts)


_SECTION = re.compile(r"[A-Z][\w’'-]*,?(?: [a-z]{2,}| [A-Z]{2}){1,2}")
"""A section's label in words after a capital ("State politics", "Israel-Palestine conflict"), or a
local edition's place ("Maplewood, NJ Patch" is a place and a listed outlet): taken for a label
only above a headline that ends in no full stop, as a short first paragraph may, with a byline or
a date line under it or under its standfirst (a short headline may read as such a label)."""


def _is_section(text: str) -> bool:
    return len(text) <= 32 and (_SECTION.fullmatch(text) is not None
                                or _EDITION_PLACE.fullmatch(text) is not None)


_EDITION_PLACE = re.compile(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?, [A-Z]{2} [A-Z][\w’'.-]*")


_DATED = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d\d\b"
                    r"|\b[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b")
"""A whole date in a line ("11 March 2026", "March 11, 2026"): a headline may name a year or a
month ("… from July 2027"), a date line names the day."""


def _headline_under_label(text: str, label: str) -> bool:
    """Return True where a line under a label reads as the headline: longer than it, and no
    date line, byline or line that states a date ("Volume 768: debated on … 11 March 2026")."""
    return len(text.split()) >= 5 and len(text) > 2 * len(label) and _is_headline(text) \
        and masthead.byline(text) is None and not _DATED.search(text)


def _without_kicker(blocks: list[list[Line]], boiler: list[Boilerplate]) -> list[list[Line]]:
    """Return the blocks with the section labels above the headline taken out (into `boiler`): a
    label on the headline's first line ("Counties" / "Nakuru farmers count losses …"), or a first
    block of labels alone ("TechCrunch" / "Startups") above a one-line headline."""
    if not blocks:
        return blocks
    first = blocks[0]
    if 2 <= len(first) <= 3 and all(_is_label(x.text) for x in first[:-1]) \
            and _headline_under_label(first[-1].text, first[0].text):
        boiler.extend(Boilerplate(x.text, x.number, "section label") for x in first[:-1])
        return [first[-1:], *blocks[1:]]
    # (up to three blocks of labels: "VnExpress International" / "News › Traffic", "FOLHA DE
    # S.PAULO" and "International Edition" / "Environment")
    labels = 0
    # (a listed outlet's name too, though a word of it is in lower case: "Stars and Stripes")
    while labels < min(3, len(blocks) - 2) and len(blocks[labels]) <= 3 \
            and all(_is_label(x.text) or _is_section(x.text) or _is_breadcrumb(x.text)
                    or masthead.outlet_line(x.text) is not None for x in blocks[labels]):
        labels += 1
    # (a trail's longest part stands for it: "Europe | Balkan politics" over "Montenegro's coalition
    # is coming apart")
    label = max(_CRUMBS.split(first[0].text), key=len)
    if labels and len(blocks[labels]) == 1 and _headline_under_label(blocks[labels][0].text, label) \
            and (all(_is_label(x.text) for block in blocks[:labels] for x in block)
                 or (not blocks[labels][0].text.endswith(".")
                     and any(_masthead_follows(blocks[k:k + 1]) for k in (labels + 1, labels + 2)))):
        boiler.extend(Boilerplate(x.text, x.number, "section label")
                      for block in blocks[:labels] for x in block)
        return blocks[labels:]
    return blocks


def _headline_apart(blocks: list[list[Line]], pat: Patterns) -> list[list[Line]]:
    """Return the blocks with a headline that no blank line parts from the masthead under it set
    apart ("Storm cuts power to 40,000 homes" / "By Jane Smith" / "March 3, 2026"; "Rural Bus
    Services" / "Volume 768: debated on …"): the lines under it are bylines, date lines or
    furniture, and the headline is one."""
    if not blocks or not 2 <= len(blocks[0]) <= 4 or len(blocks) < 2:
        return blocks
    first = blocks[0]
    if _is_headline(first[0].text) and masthead.byline(first[0].text) is None \
            and masthead.date_line(first[0].text) is None and not pat.furniture(first[0].text) \
            and all(masthead.byline(x.text) is not None or masthead.date_line(x.text) is not None
                    or pat.furniture(x.text) for x in first[1:]):
        return [first[:1], first[1:], *blocks[1:]]
    return blocks


def _is_heading(text: str) -> bool:
    """A short line set on its own between paragraphs ("What next?", a newsletter's numbered
    "2. Wind power breaks a record")."""
    words = text.split()
    if words and _NUMBERED.fullmatch(words[0]) and len(words) > 1:
        words = words[1:]
        text = text[text.index(" ") + 1:]
    if not words or len(words) > 8 or text[0] in "“\"‘'«(":
        return False
    if text.endswith("?"):
        return True
    return not text.endswith(_END_PUNCT) and text[0].isupper() and len(words) <= 6


_NUMBERED = re.compile(r"\d{1,2}[.)]")


def _join_wrapped(lines: list[Line]) -> list[Line]:
    """Join hard-wrapped lines into one paragraph line: a line that runs on in lower case, and in
    text wrapped at a column (pasted from a PDF), a line that fills the column; a word hyphened
    at a line's end is one word again where the word list knows it ("govern-" / "ment")."""
    if len(lines) < 2:
        return lines
    width = max(len(line.text) for line in lines)
    # (two lines or more at the column's width, most of them broken mid-sentence, and a line that
    # runs on in lower case: not two short paragraphs a single line break parts, nor a list of
    # quotations or headlines one to a line)
    wrapped = False
    if _WRAP_MIN <= width <= _WRAP_MAX:
        full = [x.text for x in lines[:-1] if len(x.text) >= _WRAP_FILL * width]
        wrapped = len(full) >= 2 and 2 * sum(not x.endswith(_END_PUNCT) for x in full) >= len(full) \
            and any(x.text[:1].islower() for x in lines[1:])
    out: list[Line] = []
    for line in lines:
        text = line.text
        if out and (
                (not out[-1].text.endswith(_END_PUNCT) and text[:1].islower())
                or (wrapped and len(out[-1].text) >= _WRAP_FILL * width and not _LIST_ITEM.match(text))):
            last = out[-1].text
            if last.endswith("-") and last[-2:-1].isalpha() and text[:1].islower():
                out[-1] = Line(_unhyphened(last, text), out[-1].number)
            else:
                out[-1] = Line(last + " " + text, out[-1].number)
        else:
            out.append(line)
    return out


def _unhyphened(last: str, text: str) -> str:
    """Return two lines joined where the first ends in a hyphen: "govern-" and "ment will" make
    "government will"; "long-" and "term plan" stay "long-term plan" (no word "longterm")."""
    head = last[:-1].rsplit(None, 1)[-1].rsplit("-", 1)[-1]
    tail = text.split(None, 1)[0]
    word = head + tail.rstrip(".,;:!?”’\")'")
    return (last[:-1] if word.lower() in load_words("common_words") else last) + text


_WRAP_MIN, _WRAP_MAX, _WRAP_FILL = 50, 110, 0.75
"""Text wrapped at a column: its longest line is 50 to 110 characters, and a line at least three
quarters of that long was broken by the wrap, not by the end of a paragraph."""
_LIST_ITEM = re.compile(r"(?:[-•*–]|\d{1,3}[.)])\s|[A-Z][\w.’' -]{0,30}:\s")
"""A line that starts an item of its own: a list's ("- ", "2. ") or a label's ("CLAIMED BY: …", "Q: …")."""


def _card_joined(blocks: list[list[Line]]) -> list[list[Line]]:
    """Return the blocks with a writer's card put together where blank lines part its name from
    its job ("Síle Ní Bhriain", then "Political Correspondent"), or its name and section from its
    date ("Sipho Mthembu" / "Politics", then "24 Nov 2026"), as pasting from a browser leaves it;
    the first block, the title's, is never part of one."""
    for i in range(1, min(len(blocks) - 1, _CARD_REACH)):
        if len(blocks[i]) <= 2 and len(blocks[i]) + len(blocks[i + 1]) <= 4 and masthead.byline_block(
                [blocks[i][0].text, *(line.text for line in blocks[i + 1])]) is not None:
            return [*blocks[:i], blocks[i] + blocks[i + 1], *blocks[i + 2:]]
    return blocks


_CARD_REACH = 4
"""How many blocks from the top a writer's card may start (after a title and a standfirst)."""


def _same_title(text: str, title: str) -> bool:
    """Return True where a line says what the front matter's title says, case and marks aside."""
    def bare(s: str) -> str:
        return "".join(c for c in s.casefold() if c.isalnum())
    line, given = bare(text), bare(title)
    return bool(line) and (line == given or (len(line) >= 12 and line in given) or given in line)


def lay_out(body: str, first_line: int, markdown: bool, title_given: str | None = None) -> Layout:
    """Find the parts of an article body. `first_line` is the file line the body starts on.

    Where the front matter gives a title (`title_given`), a first line is the headline only where it
    repeats that title: otherwise it is the article's first paragraph, which would else be lost.
    """
    pat = patterns()
    blocks = _blocks(body, first_line)
    if not markdown:
        blocks = _card_joined(blocks)
    title = standfirst = author = outlet = date = None
    standfirst_line: Line | None = None
    boiler: list[Boilerplate] = []
    subject: str | None = None
    if not markdown and len(blocks) > 1 and all(_EMAIL_HEADER.match(x.text) for x in blocks[0]) \
            and any(x.text[:8].lower() in ("subject:", "from: ") for x in blocks[0]):
        # a forwarded newsletter's header ("From: …", "Date: …", "Subject: …"): its subject is the title
        for line in blocks.pop(0):
            boiler.append(Boilerplate(line.text, line.number, "e-mail header"))
            field, _, value = line.text.partition(": ")
            if field.lower() == "subject":
                subject = value.strip()
            elif field.lower() in ("date", "sent"):
                date = masthead.date_line(value)
    while not markdown and len(blocks) > 1 and all(pat.furniture(x.text) for x in blocks[0]):
        # a site's furniture above the headline ("Democracy Dies in Darkness", "Advertisement",
        # "Skip to navigation" over "Skip to content")
        boiler.extend(Boilerplate(x.text, x.number, "boilerplate line") for x in blocks.pop(0))
    if not markdown and len(blocks) > 2 and len(blocks[0]) == 1 and date is None:
        # a date line alone above the headline ("NEWS RELEASE 24-NOV-2026")
        date = masthead.date_line(blocks[0][0].text)
        if date is not None:
            line = blocks.pop(0)[0]
            boiler.append(Boilerplate(line.text, line.number, "date"))
    if not markdown:
        blocks = _headline_apart(_without_kicker(blocks, boiler), pat)
        # ("TechCrunch" above "Startups": a listed outlet's name among the labels is the outlet)
        # (not a section's common word, "National", though an outlet is known by it: "The National")
        outlet = next((o for o in (masthead.edition_line(b.text) for b in boiler
                                   if not masthead.section_word(b.text)) if o), None)
    # (the text's last lines, where a closing bio stands: found once, before a byline under the
    # headline is looked for, whose name the bio may give)
    furnished: dict[int, bool] = {}  # (which of those lines are furniture: asked once)
    tail = _last_lines([line for block in blocks[-_LAST_REACH:] for line in block], pat, furnished)
    if subject:
        title = subject
    elif blocks and len(blocks[0]) == 1 and not markdown and _is_headline(blocks[0][0].text) and (
            title_given is None or _same_title(blocks[0][0].text, title_given)):
        title = blocks.pop(0)[0].text
        if blocks and len(blocks[0]) == 1:
            second = blocks[0][0].text
            # (a full stop ends a standfirst only where the masthead's lines follow it: otherwise
            # it is the first paragraph of an article with none)
            if second in _bio_names(tail, pat):
                # the writer's name alone under the headline, whose bio closes the article
                # ("Bonz Dela Cruz" … "Bonz Dela Cruz is a multimedia reporter covering …")
                line = blocks.pop(0)[0]
                author = line.text
                boiler.append(Boilerplate(line.text, line.number, "byline"))
            elif (masthead.byline(second) is None and masthead.date_line(second) is None
                    and masthead.card_line(second) is None and masthead.outlet_line(second) is None
                    and not pat.furniture(second) and not pat.header.match(second) and not _is_caption(second)
                    and len(second.split()) <= 40 and second[:1] not in "“\"‘'"
                    and (not second.endswith((".", "”", '"')) or _masthead_follows(blocks[1:2]))):
                standfirst_line = blocks.pop(0)[0]
                standfirst = standfirst_line.text
    elif blocks and markdown:
        m = _MD_HEADING.match(blocks[0][0].text)
        if m and m.group(1) == "#" and len(blocks[0]) == 1:
            title = blocks.pop(0)[0].text.lstrip("#").strip()

    paragraphs: list[Paragraph] = []

    texts = 0  # text paragraphs so far: the masthead's lines stand before the first or two
    block_no = 0
    text_blocks: set[int] = set()  # the blocks they came from (a first block of summary lines is one)

    def add(kind: ParagraphKind, line: Line, text: str | None = None) -> None:
        nonlocal texts
        if kind == "text":
            texts += 1
            text_blocks.add(block_no)
        paragraphs.append(Paragraph(len(paragraphs), kind, text if text is not None else line.text,
                                    line.number))

    if standfirst_line is not None:
        add("standfirst", standfirst_line)

    lines_in_box = 0
    in_box = closed_box = list_next = False
    all_lines = [line for block in blocks for line in block]
    # A box's first line may be a plain tagline only where a button ends the box; otherwise the
    # line after a one-line promotion ("Sign up to First Edition, our free daily newsletter") is body.
    buttons = [line.number for line in all_lines if pat.button.match(line.text)]
    last_numbers = {line.number for line in tail}
    tags = _tags_block(blocks, pat) if not markdown else None
    authors_over = False  # (the last block was a card under "Authors": the next may be one too)
    for block in blocks:
        if block is tags:
            boiler.extend(Boilerplate(line.text, line.number, "tags") for line in block)
            continue
        block_lines = block if markdown else _join_wrapped(block)
        by = None if texts or markdown else masthead.byline_block([line.text for line in block_lines])
        more = masthead.writer_with_post([line.text for line in block_lines]) \
            if by is None and authors_over and not texts else None
        if more is not None and author is not None:
            author = f"{author} and {more}"  # (a second block under "Authors")
            boiler.extend(Boilerplate(line.text, line.number, "byline") for line in block_lines)
            continue
        authors_over = by is not None and block_lines[0].text in ("Authors", "Author")
        if by is not None:
            # "Chris Mason / Political editor / @chrismasonbbc": a writer's card above the text
            author = author or by
            boiler.extend(Boilerplate(line.text, line.number, "byline") for line in block_lines)
            dates = (masthead.date_line(x.text) for x in block_lines)
            date = date or next((d for d in dates if d), None)
            continue
        in_list, list_next = list_next, False
        block_no += 1
        is_caption_block = any(_CREDIT.match(line.text) for line in block_lines) and len(block_lines) <= 4
        if markdown:
            # Markdown keeps its own blocks: one paragraph per blank-line block.
            first = block_lines[0]
            m = _MD_HEADING.match(first.text)
            if m and len(block_lines) == 1:
                if m.group(2):  # (an empty heading, "# #", heads nothing: no paragraph)
                    add("heading", first, m.group(2))
                continue
            text = "\n".join(line.text for line in block_lines)
            plain = _md_plain(text)
            if pat.line.fullmatch(plain) or pat.button.fullmatch(plain):
                boiler.append(Boilerplate(text, first.number, "boilerplate line"))
                continue
            if _MD_IMAGE.fullmatch(text):
                boiler.append(Boilerplate(text, first.number, "image"))
                continue
            writers = masthead.byline(plain) if texts == 0 else None
            if writers is not None:
                # "By [Fiona Mackay](…) and [Tom Ellery](…)" above the text
                author = author or writers[0]
                boiler.append(Boilerplate(text, first.number, "byline"))
                continue
            add("caption" if _is_caption(plain) else "text", first, text)
            continue
        for i, line in enumerate(block_lines):
            text = line.text
            if in_box:
                lines_in_box += 1
                if pat.button.match(text):
                    boiler.append(Boilerplate(text, line.number, "sign-up button"))
                    in_box = False
                    continue
                # (with no button to end the box, only a short line of promotion's words is in it:
                # not "The minister told a briefing on Tuesday that …")
                if lines_in_box <= 6 and len(text) < (240 if closed_box else 140) \
                        and not _QUOTE_MARKS.intersection(text) and (
                        pat.promo.search(text) or (lines_in_box <= 1 and closed_box)):
                    boiler.append(Boilerplate(text, line.number, "promotion box"))
                    continue
                in_box = False
            if pat.header.match(text):
                boiler.append(Boilerplate(text, line.number, "promotion header"))
                in_box, lines_in_box = True, 0
                after = bisect_right(buttons, line.number)  # (a bisection: a file may hold thousands)
                closed_box = after < len(buttons) and buttons[after] <= line.number + _BOX_LINES
                # ("Subscribe to The Week": the outlet; not "Subscribe to our newsletter", "… to Our
                # Daily Briefing": the case of the name's own letters counts)
                m_outlet = _SUBSCRIBE_TO.match(text)
                if m_outlet and outlet is None:
                    outlet = re.sub(r"[’']s$", "", m_outlet.group("o"))  # ("HuffPost’s politics podcast")
                continue
            if in_list and len(text.split()) <= _LINK_WORDS \
                    and (not text.endswith(_END_PUNCT) or text.endswith(")")
                         or (text.endswith(_CLOSING_MARKS)
                             and not text.rstrip("’'”\"").endswith(_END_PUNCT))):
                # (a link's line may end with its outlet in brackets: "Why cocoa keeps climbing
                # (The Economist)", or with a quotation: "Hezbollah says it rebuilt arsenal
                # 'faster than expected'")
                boiler.append(Boilerplate(text, line.number, "list of links"))
                if date is None and len(text_blocks) <= 1:
                    date = masthead.date_line(text)  # "From:" / … / "Published" / "24 November 2026"
                continue
            in_list = False
            if pat.list_header.match(text):
                # "Related Topics" and the short lines of links after it in its block, or in the
                # next block where it stands alone ("What we're reading" over a newsletter's links)
                boiler.append(Boilerplate(text, line.number, "list of links"))
                in_list = True
                list_next = len(block_lines) == 1
                continue
            if len(text) <= _FOOT_LINE and pat.foot.match(text):
                # "Notes to editors": what follows is for the press, not the reader
                boiler.extend(Boilerplate(x.text, x.number, "notes to editors")
                              for x in all_lines if x.number >= line.number)
                return Layout(title, standfirst, author, outlet, tuple(paragraphs), tuple(boiler), date)
            if furnished.get(line.number) or (line.number not in furnished and pat.furniture(text)):
                reason = "image credit" if _CREDIT.match(text) else "boilerplate line"
                boiler.append(Boilerplate(text, line.number, reason))
                if outlet is None and text[:1] in "©Cc":
                    outlet = masthead.copyright_outlet(text)  # "©2026 Bloomberg L.P."
                elif date is None and text[:1] in "PpUu":
                    date = masthead.date_line(text)  # "Updated 14:32, Saturday 8 November 2025"
                if outlet is None and text[:1] in "PpTt":
                    # "Published in Dawn, November 19th, 2026", "This article is republished from The
                    # Conversation under a Creative Commons license."
                    outlet = masthead.published_in_outlet(text)
                continue
            bio = pat.bio.match(text) if line.number in last_numbers else None
            if bio is None and author is not None and line.number in last_numbers \
                    and text.startswith(author + " is ") and len(text) <= _BIO_LONGEST:
                # the writer's bio, whatever the writer does ("Helen Makepeace is a fellow at …")
                boiler.append(Boilerplate(text, line.number, "author bio"))
                continue
            if bio:
                author = author or bio.group("name")
                outlet = outlet or (re.split(r"\.\s", bio.group("outlet"))[0].rstrip(".")
                                    if bio.group("outlet") else None)
                # The bio can run into the next article's first sentence with no line break.
                rest = re.search(r"[a-z.]\.(?=[A-Z])", text)
                bio_text = text[: rest.start() + 2] if rest else text
                boiler.append(Boilerplate(bio_text, line.number, "author bio"))
                if rest:
                    add("text", line, text[rest.start() + 2 :])
                continue
            if len(text_blocks) <= 1 and (texts == 0 or len(text.split()) <= _MASTHEAD_WORDS):
                # (also after a first paragraph that is the standfirst, not found as one: it ends
                # with a full stop)
                furniture = _masthead_line(text, texts == 0)
                if furniture is None and texts == 0 and _label_over_byline(block_lines, i):
                    furniture = "section label", (None, None, None)  # "Transfer Centre" / "By Ollie …"
                elif furniture is None and texts == 0 and boiler and boiler[-1].reason == "byline" \
                        and boiler[-1].line == line.number - 1 and masthead.body_line(text):
                    furniture = "byline", (None, None, None)  # "By Joseph Kiprono" / "Nation Media Group"
                if furniture is not None:
                    reason, (author_, outlet_, date_) = furniture
                    author, outlet, date = author or author_, outlet or outlet_, date or date_
                    boiler.append(Boilerplate(text, line.number, reason))
                    continue
                outlet = outlet or (masthead.dateline_outlet(text) if texts == 0 else None)
            if is_caption_block or (len(block_lines) == 1 and _is_caption(text)):
                add("caption", line)
            elif _ENTRY_TIME.match(text):
                add("heading", line)  # a live blog's entry time ("14:32", "9:05 p.m."): it heads the entry
            elif len(block_lines) == 1 and _is_heading(text) and paragraphs and len(blocks) > 2:
                add("heading", line)
            else:
                add("text", line)
    if author is not None and paragraphs and paragraphs[-1].text == author:
        # the writer's name again at the foot ("Hoang Phuong" under the last paragraph)
        last = paragraphs.pop()
        at = len(boiler)
        while at and boiler[at - 1].line > last.line:
            at -= 1  # (in the file's order, before the furniture under it)
        boiler.insert(at, Boilerplate(last.text, last.line, "byline"))
    return Layout(title, standfirst, author, outlet, tuple(paragraphs), tuple(boiler), date)


_BIO_LONGEST = 300
"""How long a closing line that opens with the writer's name may be and still be the bio."""
_SHORT_LINE = 40
"""How long a line of one or two words under the text (a reaction box's "Happy") may be."""
_FURNITURE_LONGEST = 300
"""How long a line of furniture under a closing bio may be ("Do you have an opinion on the issues
raised in this article? …" is 250 characters)."""
_LAST_REACH = 12
"""How many lines from the foot the last lines of the text are looked for among furniture."""


def _last_lines(lines: list[Line], pat: Patterns, furnished: dict[int, bool]) -> list[Line]:
    """Return the last three lines of the text, past the furniture under it (a reader's-reaction
    box, "Add a comment", a share bar): where a closing bio stands. `furnished` is told which
    lines looked at are furniture."""
    found: list[Line] = []
    for line in reversed(lines[-_LAST_REACH:]):
        text = line.text
        if len(text) <= _SHORT_LINE and len(text.split()) <= 2 and not text.endswith(_END_PUNCT):
            continue
        # (a paragraph longer than any furniture under a bio is tried against none of it)
        if len(text) <= _FURNITURE_LONGEST:
            furnished[line.number] = furniture = pat.furniture(text)
            if (furniture or pat.list_header.match(text)) and not _WRITTEN_BY.match(text):
                continue  # (a blog's "Written by Priya Raman" is furniture that names the writer)
        found.append(line)
        if len(found) == 3:
            break
    return found


def _tags_block(blocks: list[list[Line]], pat: Patterns) -> list[Line] | None:
    """Return the text's last block (past blocks of furniture) where it is a site's tags: three
    lines or more of at most three words each, no digits and no closing punctuation ("Karnataka
    News" / "Siddaramaiah" / "BJP" / "Congress"); None for any other."""
    for block in reversed(blocks[1:]):
        if all(pat.furniture(line.text) for line in block):
            continue
        if len(block) >= 3 and all(len(line.text.split()) <= 3 and not line.text.endswith(_END_PUNCT)
                                   and not any(c.isdigit() for c in line.text) for line in block):
            return block
        return None
    return None


def _bio_names(tail: list[Line], pat: Patterns) -> set[str]:
    """Return the names a bio among the text's last lines opens with, or a blog's "Written by"
    over it gives."""
    return {m.group("name") for m in (pat.bio.match(line.text) or _WRITTEN_BY.match(line.text)
                                      for line in tail) if m}


_WRITTEN_BY = re.compile(r"Written by (?P<name>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3})$")
"""A blog platform's card at the foot ("Written by Priya Raman" over "1.2K Followers")."""


def _is_caption(text: str) -> bool:
    """Return True for a picture's caption that ends with its credit ("… Photograph: Coastal Record")."""
    if len(text) > 400:
        return False
    tail = text[-100:]
    return _CAPTION_CREDIT.search(tail) is not None \
        or (tail.endswith(")") and _BRACKET_CREDIT.search(tail) is not None) \
        or (("redit:" in tail or " by " in tail) and _DASHED_CREDIT.search(tail) is not None)


def _label_over_byline(lines: list[Line], at: int) -> bool:
    """Return True for a section's label alone on the line right above a byline, under the
    headline ("Transfer Centre" over "By Ollie Brennan, Football Reporter")."""
    return at + 1 < len(lines) and _is_label(lines[at].text) \
        and masthead.byline(lines[at + 1].text) is not None


def _masthead_follows(blocks: list[list[Line]]) -> bool:
    """Return True where the block given is a byline, a date line or a writer's card."""
    if not blocks:
        return False
    texts = [line.text for line in blocks[0]]
    return masthead.byline(texts[0]) is not None or masthead.date_line(texts[0]) is not None \
        or masthead.byline_block(texts) is not None


_MASTHEAD_WORDS = 16
"""How many words a byline or date line after the first paragraph may have."""


def _masthead_line(text: str, first: bool) -> tuple[str, tuple[str | None, str | None, str | None]] | None:
    """Return why a line near the top is furniture and the (author, outlet, date) it states: a
    byline, a date, an outlet's or a place's name alone (only above the `first` paragraph); None
    for any other line."""
    by = masthead.byline(text)
    if by is not None:
        return "byline", (by[0], by[1], None)
    card = masthead.card_line(text)
    if card is not None:
        return "byline", card  # "Julie Tremblay · CBC News · Posted: Nov 21, 2026 4:00 AM EST"
    date = masthead.date_line(text)
    if date is not None:
        return "date", (None, None, date)
    outlet = masthead.outlet_line(text) if first else None
    if outlet is not None:
        return "outlet", (None, outlet, None)
    if first and masthead.place_line(text):
        return "place", (None, None, None)  # "Dubai" under the writer's name
    if first and _CAPS_LABEL.fullmatch(text):
        return "section label", (None, None, None)  # "THE MORNING BRIEF", a newsletter's name
    return None


_EMAIL_HEADER = re.compile(r"(?:-{2,}\s?(?:forwarded|original) message\s?-{2,}"
                           r"|(?:from|to|cc|date|sent|subject):\s.{1,200})$", re.IGNORECASE)
"""A line of an e-mail's header, as a forwarded newsletter pasted from the inbox opens."""

_CAPS_LABEL = re.compile(r"[A-Z][A-Z&’'.-]+(?: [A-Z][A-Z&’'.-]+){0,3}")
"""A name in capitals alone on a line above the first paragraph: a masthead, not body text."""

_QUOTE_MARKS = frozenset("“”\"‘")
"""Marks that show a line quotes someone: body text, not a promotion (an apostrophe may be either)."""

_LINK_WORDS = 12
"""How many words a link's line in a list after "Related Topics" or "Related news" may have (a
headline's; a line that ends in a full stop is body)."""

_BOX_LINES = 14
"""How many lines of the file after a promotion's header its button may stand (six lines of the
box and the blank lines between them)."""
