"""The lines above an article's first paragraph that say who wrote it, for whom and when.

Scraped and syndicated articles carry them in many shapes: "By Jane Whitfield and Tomás
Ortega", "BY MARIA GONZALEZ", "Peter Walker Political correspondent", "Associated Press",
"Tue 12 Mar 2024 17.45 GMT", "Published: March 12, 2024"; and the wire services' dateline
opening the first paragraph, "FRANKFURT, March 4 (Reuters) -". Each function here reads one
line and returns what it states, or None.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from newsarchive.lexicon import load_data, load_words

_NAME_WORD = r"(?:[A-Z][\w’'.-]*|(?:de|van|von|der|da|di|du|al|el|bin|le|la|del|dos|ter)\b)"
_NAME = rf"[A-Z][\w’'.-]+(?:\s+{_NAME_WORD}){{0,3}}"
_NAME_ONLY = re.compile(rf"{_NAME}$")
_BY = re.compile(r"(?:(?:(?:interview|interviewed|words|text|story|report|reporting)\s+)?by[:\s]"
                 r"|(?:writer|author)\s?:)\s*(.{2,120})$", re.IGNORECASE)
"""A byline: "By Jane Smith", "BY MARIA GONZALEZ", "Interview by Claire Donnelly", "Words by …",
the Bangkok Post's "WRITER: Aekarach Sattaburuth"."""
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\||\b(?:and|AND|und|et|in|IN|for|FOR|with|WITH)\b)\s*")
"""What stands between a byline's names and after them: "A and B", "A, BBC News", "A in London",
"JAMES HOLLIS FOR MAILONLINE", "DAILY SABAH WITH AA", and "and" in German and French ("A und
B", "A et B")."""
_AT_PLACE = re.compile(r"\s+(?:at|AT)\s+[^,;&|]{2,60}?(?=\s*(?:[,;&|]|\band\b|$))")
"""Where the writer was, which is no writer: "By Callum Reid, BBC Sport at Ewood Park"."""

_ROLE_NOUNS = ("correspondent", "editor", "reporter", "writer", "columnist", "journalist", "analyst",
               "contributor", "producer", "critic")
_ROLE_LINE = re.compile(rf"(?:[A-Z][a-z]+\s+){{0,2}}(?:[a-z]+\s+){{0,3}}(?i:{'|'.join(_ROLE_NOUNS)})s?"
                        rf"(?:,\s+[A-Z][\w ]{{1,40}})?$")
"""A writer's job on a line of its own: "Political editor", "Business reporter, BBC News",
"Transport Correspondent", "Ontario Politics Reporter"."""
_HANDLE = re.compile(r"@\w{1,30}$")
_BODY_LINE = re.compile(r"(?:The\s+)?[A-Z][\w&’'.-]*(?:\s+(?:of|for|and|the|&|[A-Z][\w&’'.-]*)){0,7}$")
"""A line that is only a capitalised name, as of the body a byline's writer works for."""
_NAME_AND_ROLE = re.compile(
    rf"(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){{1,2}}?)\s+"
    rf"(?P<role>(?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+){{0,3}}(?:{'|'.join(_ROLE_NOUNS)})s?)$")
"""A name with the writer's job after it and no "By": "Peter Walker Political correspondent"."""


def _person(text: str) -> str | None:
    """Return a name as written, or in title case where the byline is in capitals."""
    text = text.strip(" .")
    if not _NAME_ONLY.match(text) or len(text.split()) < 2 or text in _outlet_names() \
            or (text.isupper() and text in _outlet_names_upper()) or text in _places() \
            or text.rsplit(None, 1)[-1].lower().rstrip("s") in _ROLE_NOUNS:
        return None  # (not "New Delhi" of "By Ananya Sharma, New Delhi", nor "Staff Writer")
    letters = [c for c in text if c.isalpha()]
    return text.title() if sum(c.isupper() for c in letters) > 0.7 * len(letters) else text


def _people(text: str) -> str | None:
    """Return the writers of a line that is only two or more names ("Rachel Kendrick and Tom
    Ambrose" over the Guardian's date line), or None."""
    parts = _SEPARATORS.split(text.strip(" ."))
    names = [_person(part) for part in parts] if len(parts) > 1 else [None]
    if not all(names):
        return None
    found = [n for n in names if n]
    return ", ".join(found[:-1]) + " and " + found[-1]


_ASIDE = re.compile(r"\s+\([^()]{1,60}\)$")
"""Where and what the writer is, in brackets after the name (Le Monde: "(Lyon, special correspondent)")."""


def byline(text: str) -> tuple[str | None, str | None] | None:
    """Return the writers a byline names ("Jane Whitfield and Tomás Ortega") and the outlet it
    names ("By Jane Smith, BBC News", "Harriet Marsden, The Week UK"), or None where the line is
    no byline. Parts that are
    neither ("Political correspondent", "in London") are left out; a byline that opens with no
    name is none."""
    m = _BY.match(text)
    if m is not None:
        named = m.group(1)
        if named.endswith(")"):
            named = _ASIDE.sub("", named)  # "By Clémence Auberval (Lyon, special correspondent)"
        credit = _outlet_credit(named.strip(" ."))
        if credit is not None:
            return credit
        parts = _SEPARATORS.split(_AT_PLACE.sub("", named) if " at " in named.lower() else named)
        names = [_person(part) for part in parts]
        if not names[0]:
            # "Text by: FRANCE 24", "by DAILY SABAH WITH AA": the outlet, with the agency it drew on
            credited = outlet_line(m.group(1)) or outlet_line(parts[0])
            return (None, credited) if credited is not None else None  # "Text by: FRANCE 24"
        found = [n for n in names if n]
        outlet = next((_outlet_names()[p] for p in parts if p in _outlet_names()), None)
        return (found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]), outlet
    m = _NAME_AND_ROLE.match(text)
    if m is not None:
        return m.group("name"), None
    name, at, place = text.rpartition(" in ")
    if at and place in _places():
        # "Zhuang Mei in Beijing", "Helen Davidson and Amy Hawkins in Taipei": writers where they are
        names = [_person(part) for part in _SEPARATORS.split(name)]
        if names and all(names):
            return " and ".join(n for n in names if n), None
    name, comma, rest = text.partition(", ")
    if not comma:
        # "Orville Campbell/Gleaner Writer": a name, then the writer's job at the paper
        name, comma, rest = text.partition("/")
    outlet = outlet_line(_STAFF.sub("", rest)) if comma == ", " else None
    if outlet is None and comma and rest[-1:].isalpha() \
            and rest.rsplit(None, 1)[-1].lower().rstrip("s") in _ROLE_NOUNS and _ROLE_LINE.match(rest):
        person = _person(name)  # "Ellie Hartnell, Showbiz Reporter"
        return (person, None) if person is not None else None
    person = _person(name) if outlet is not None else None
    return (person, outlet) if person is not None else None  # "Harriet Marsden, The Week UK"


def _outlet_credit(named: str) -> tuple[str | None, str] | None:
    """Return the writer and the outlet of a byline that credits an outlet's desk or one of its
    writers by the outlet's name ("RFE/RL's Russian Service", "Al Jazeera Staff", "CNN's Jane
    Doe", "the Associated Press"), or None."""
    owner, mark, rest = named.replace("’", "'").partition("'s ")
    if mark:
        outlet = outlet_line(owner)
        if outlet is None:
            return None
        if _DESK.search(rest):
            return None, outlet
        person = _person(rest)
        return (person, outlet) if person is not None else None
    desk = _DESK_TAIL.match(named)
    outlet = outlet_line(desk.group(1) if desk is not None else named)
    return (None, outlet) if outlet is not None else None


_DESK = re.compile(r"\b(?:staff|service|desk|team|newsroom|bureau|correspondents?|reporters|writers|unit)$",
                   re.IGNORECASE)
"""The end of an outlet's desk after its name: "Russian Service", "Washington bureau"."""
_DESK_TAIL = re.compile(r"(.+?)\s+(?:(?:News|Web|Digital|Online)\s+)?"
                        r"(?:Staff(?:\s+Writers?)?|Desk|Newsroom|Team)$", re.IGNORECASE)
"""An outlet's staff credited as the writer: "Reuters Staff", "BBC News Staff", "Al Jazeera Staff"."""


_STAFF = re.compile(r"\s+(?:UK|US|Staff|Staff Writer|Contributor|staff writer|staff reporter|contributor)$")
"""What follows an outlet's name after a writer's: its edition ("The Week UK") or the writer's
standing there ("Ava Kessler, Patch Staff", "…, Patch Contributor", "KENTARO IWASHITA, Nikkei
staff writer")."""


_ZONE = r"(?:,?\s+[A-Z]{2,5}(?:[+-]\d{1,2})?)?"
"""A time zone after a time: "EST", "IST", "GMT+7", Sky's ", UK" ("Monday 24 November 2026 19:14, UK")."""
_CARD_PARTS = re.compile(r"\s+[|/–—●•-]\s+|\s*[·|]\s*|\s{3,}|(?<!last)\s+(?=(?:last\s+)?updated\b)",
                         re.IGNORECASE)
"""What parts a card's parts: "·", "|", "/", a dash or a bullet, or the run of spaces a pasted
table of columns leaves ("By Hoang Phuong   March 18, 2026")."""
_CLOCK = re.compile(rf"\d{{1,2}}[.:]\d\d\s*(?:[ap]\.?m\.?)?{_ZONE}$", re.IGNORECASE)
"""A time after a card's date, in a part of its own ("March 18, 2026 | 04:35 pm GMT+7")."""
_UPDATED_AGO = re.compile(r"(?:last\s+)?updated:?\s+(?:about\s+)?(?:an?|\d{1,2})\s+"
                          r"(?:minute|hour|day)s?\s+ago", re.IGNORECASE)


_CARD_ROLE = re.compile(rf"(?:[A-Z][a-z]+\s+){{0,3}}(?i:{'|'.join(_ROLE_NOUNS)})")
"""A writer's job in capitals within a card: "Local Democracy Reporter"."""


def card_line(text: str) -> tuple[str | None, str | None, str | None] | None:
    """Return the (writer, outlet, date) of a writer's card on one line, its parts set apart by
    "·", "|", "/" or a dash: "Julie Tremblay · CBC News · Posted: Nov 21, 2026 4:00 AM EST",
    "By: Maricel Santos - Reporter / @MSantosINQ", "Syed Irfan Raza | Published November 19,
    2026 Updated about 4 hours ago". Every part must be a name or byline (first), an outlet, a
    date, the writer's job or handle; None for any other line."""
    parts = [p for p in _CARD_PARTS.split(text.strip()) if p]
    if len(parts) < 2 or len(parts) > 6:
        return None
    writer: str | None = None
    outlet: str | None = None
    date: str | None = None
    role = False
    guessed = False  # (the outlet only looks like one: a listed outlet later in the card is it)
    for i, part in enumerate(parts):
        opens = i == 0 or (writer is None and _BY.match(part) is not None)  # ("Tuesday, April 7 | By …")
        by = byline(part) if opens and not _outlet_like(part) else None
        listed = outlet_line(part)
        found_outlet = listed or (part if i == 0 and _outlet_like(part) else None)
        found_date = date_line(part)
        if by is not None:
            writer, outlet = by[0], outlet or by[1]
        elif found_outlet is not None:
            # ("Delhi News | Press Trust of India | Updated: …": a section, then the agency)
            if outlet is None or (guessed and listed is not None):
                outlet, guessed = found_outlet, listed is None
        elif i == 0 and _person(part) is not None:
            writer = _person(part)
        elif found_date is not None:
            date = date or found_date
        elif _ROLE_LINE.match(part) or _CARD_ROLE.fullmatch(part):
            role = True
        elif not (_HANDLE.match(part) or _UPDATED_AGO.fullmatch(part) or (date and _CLOCK.match(part))):
            return None
    if writer is None and date is None and not role:
        return None  # ("CBC News · Politics": no card; "Local Democracy Reporter·NZ Herald·" is one)
    return writer, outlet, date


def _outlet_like(part: str) -> bool:
    """Return True for a capitalised name that ends in a word outlets' names end in ("Philippine
    Daily Inquirer", "Manila Times"; `outlets.yaml` `heads` and `ambiguous`)."""
    return " " in part and _BODY_LINE.match(part) is not None and part.rsplit(" ", 1)[-1] in _outlet_ends()


@lru_cache(maxsize=1)
def _outlet_ends() -> frozenset[str]:
    data = load_data("outlets")
    return frozenset(str(w) for w in (*(data.get("heads") or ()), *(data.get("ambiguous") or ())))


def byline_block(lines: list[str]) -> str | None:
    """Return the writer of a block of two to four lines that is a writer's card: a name or a
    byline, then the job ("Chris Mason / Political editor / @chrismasonbbc"), then handles,
    outlets, more of the job or the date; None for any other block."""
    if lines[0] in ("Authors", "Author") and len(lines) >= 2:
        # The Conversation's "Authors" over each writer's name and post, in blocks of their own
        # after the first (`more_authors`)
        writer = writer_with_post(lines[1:3])
        return writer if len(lines) <= 3 else None
    lone_by = next((i for i, x in enumerate(lines[:-1]) if x.strip().lower() == "by"), -1)
    if lone_by >= 0 and all(len(x.split()) <= 2 for x in lines[:lone_by]):
        # "Bookmark" / "Share" / "News" / "By" / "James Whitlam" / "Local Democracy Reporter" (Reach's
        # sites): the buttons and the section over a "By" alone, then the card
        lines = [f"By {lines[lone_by + 1]}", *lines[lone_by + 2:]]
        if len(lines) == 1:
            alone = byline(lines[0])
            return alone[0] if alone is not None else None
    if 3 <= len(lines) <= 6 and "@" in lines[-1]:
        found = _card_with_contacts(lines)
        if found is not None:
            return found
    if "@" in lines[-1]:
        card = _card_over_contacts(lines)
        if card is not None:
            return card
    if not 2 <= len(lines) <= 4:
        return None
    by = byline(lines[0])
    if by is None and date_line(lines[-1]) and all(date_line(x) or place_line(x) or outlet_line(x)
                                                    or section_word(x) for x in lines[1:]):
        # "Rina Sawhney" / "4:05 AM PST · March 12, 2026" (not "Breaking News" / a date), "Ana
        # Ribeiro" / "Brasília" / "Feb. 6, 2026 at 6:00 PM", "Dewi Anggraini" / "The Jakarta Post" / …,
        # "Sipho Mthembu" / "Politics" / "24 Nov 2026" (the site's section)
        name = _person(lines[0]) or _people(lines[0])
        return name if name is not None and not all(w.lower() in _common() for w in name.split()) else None
    if not _ROLE_LINE.match(lines[1]):
        # "By Sam Okoro / Local Democracy Reporting Service": a byline, then whom it writes for
        # (and where: "By Harriet Coles / BBC News, Leeds")
        return by[0] if by is not None and all(body_line(x) or _outlet_at(x) for x in lines[1:]) else None
    name = by[0] if by is not None else _person(lines[0])
    if name is None:
        return None
    rest = lines[2:]
    if all(_HANDLE.match(x) or _ROLE_LINE.match(x) or outlet_line(x) or date_line(x) for x in rest):
        return name
    return None


def _card_over_contacts(lines: list[str]) -> str | None:
    """Return the writer of a name and job over the writer's e-mail or handles ("Hemi Tawhai,
    Political Reporter" / "hemi.tawhai@rnz.co.nz", RNZ; on one line where the lines were joined)."""
    first, rest = lines[0], lines[1:]
    if not rest:
        first, _, contact = first.rpartition(" ")
        rest = [contact]
    name, comma, job = first.partition(", ")
    if len(lines) > 3 or not comma or not _ROLE_LINE.match(job) \
            or not all(_CONTACT.fullmatch(x) for x in rest):
        return None
    return _person(name)


def writer_with_post(lines: list[str]) -> str | None:
    """Return the writer of a block of a name over the writer's post and employer ("Tomasz
    Wieczorek" / "Research Fellow, Climate and Health Unit, University of Northbridge"), or None."""
    if not 1 <= len(lines) <= 2 or (len(lines) == 2 and ", " not in lines[1]):
        return None
    return _person(lines[0])


def _outlet_at(text: str) -> bool:
    """Return True for a listed outlet and the place it writes from: "BBC News, Leeds"."""
    outlet, comma, place = text.partition(", ")
    return bool(comma) and place_line(place) and outlet_line(outlet) is not None


_ONE_CONTACT = r"(?:@\w{1,30}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4})"
_CONTACT = re.compile(rf"{_ONE_CONTACT}(?:\s{_ONE_CONTACT}){{0,3}}")
"""A writer's handles or e-mail addresses on a line of their own (joined, where pasting wrapped them)."""


def _card_with_contacts(lines: list[str]) -> str | None:
    """Return the writer of a card that gives the date or the story's kind first, then the name,
    then the writer's handle or e-mail (Lloyd's List: "24 Nov 2026" / "Analysis" / "Nils Andersen" /
    "@NilsAndersenLL" / "nils.andersen@lloydslist.com"); None for any other block."""
    at = 0
    while at < len(lines) - 2 and (date_line(lines[at]) or section_word(lines[at])):
        at += 1
    name = _person(lines[at])
    if name is None or not all(_CONTACT.fullmatch(x) for x in lines[at + 1:]):
        return None
    return name


def section_word(text: str) -> bool:
    """Return True for a site's section alone on a line: one capitalised common word ("Politics")."""
    return text.isalpha() and text[:1].isupper() and text[1:].islower() and text.lower() in _common()


def body_line(text: str) -> bool:
    """Return True for a line that is only a capitalised name, as of the body a writer works for."""
    return _BODY_LINE.match(text) is not None


_MONTHS = {name: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), 1) for name in names}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TIME = rf"(?:[\s,·]+(?:(?:at|-|–|—|/|\|)\s+)?\d{{1,2}}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?)?{_ZONE})?"
_PREFIX = (r"(?:(?:first\s+)?(?:published|updated?|posted|aired|issued|modified"
           r"|last\s+updated?|last\s+modified"
           r"|news\s+release)"  # (EurekAlert!'s "NEWS RELEASE 24-NOV-2026")
           r"(?:\s+on)?\s?:?\s+(?:[-–—]\s+)?)?"  # ("Updated - 18 February 2026", "Published : …")
           r"(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}(?:\s+[-–—●•]\s+|,\s+(?=[A-Z][a-z]{2,8}\.?\s+\d))"
           # "Madrid - ", "Jakarta ● ", "Vatican City, " before a month, a place
           r"|(?-i:[A-Z]{3,}(?:\s[A-Z]{3,}){0,2}),?\s+)?"  # "CHENNAI ", a place in capitals
           r"(?:\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?\s*[,·]?\s+)?"  # "6:12 AM EST, "
           # (a section, then the weekday: GhanaWeb's "Politics of Tuesday, 24 November 2026")
           r"(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}\s+of\s+(?=(?:mon|tue|wed|thu|fri|sat|sun)))?"
           r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?")
_SECTION = r"(?:\s+[-–—|]\s+[A-Z][\w&’' ]{0,40})?"
"""The section a site sets after the date ("Mar 11, 2026 - Energy & Environment")."""
_DATE_LINES = tuple(re.compile(rf"{_PREFIX}{date}{_TIME}{_SECTION}\s*$", re.IGNORECASE) for date in (
    rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}", rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", rf"{_DAY}-{_MONTH}-{_YEAR}",
    r"(?P<iso>(?:19|20)\d\d-\d\d-\d\d)", r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>(?:19|20)\d\d)",
    r"(?P<dotted>\d{1,2})\.(?P<dmonth>\d{1,2})\.(?P<year>(?:19|20)\d\d)"))
"""A line that is only a date, perhaps with a weekday, a time and "Published"."""


_DATE_PARTS = re.compile(r"\s*[|•]\s*|,\s+(?=(?:updated|last updated|(?:first\s+)?published)\b)"
                         r"|\s+[-–—]\s+(?=update\b)"  # (Anadolu's "24.11.2026 - Update : 24.11.2026")
                         r"|\s+(?=modified:)",
                         re.IGNORECASE)
_READING_TIME = re.compile(r"\s*[·|•]?\s*\d{1,3}\s+min(?:ute)?s?(?:\s+(?:to\s+)?read)?$", re.IGNORECASE)
"""How long the article takes to read, after its date ("February 11, 2026 9:14 PM 3 min read")."""


def date_line(text: str) -> str | None:
    """Return the ISO date a line that is only a date states ("Tue 12 Mar 2024 17.45 GMT",
    "Published: March 12, 2024 at 3:45 pm ET", "2024-03-12"), or None."""
    # "PUBLISHED: 10:14 EST, 5 March 2024 | UPDATED: …", "TNN | Updated: Jan 14, 2026, 08:12 IST",
    # "Posted Tue 3 Mar 2026 at 5:12am, updated …", "Updated March 4, 2026 at 6:03 p.m. EST|Published …"
    if len(text) > _DATE_LINE_LONGEST:
        return None  # (a paragraph: no test of its every word)
    if text[-1:] in "dD" or text[-1:].isdigit():
        text = _READING_TIME.sub("", text)
    parts = _DATE_PARTS.split(text, 2)[:2]
    m = next((m for m in (p.match(part) for part in parts for p in _DATE_LINES) if m is not None), None)
    if m is None:
        return None
    if "dotted" in m.groupdict():
        try:  # "11.03.2026, 17.42 Uhr": day first, as everywhere dots part a date's numbers
            return dt.date(int(m.group("year")), int(m.group("dmonth")), int(m.group("dotted"))).isoformat()
        except ValueError:
            return None
    if "first" in m.groupdict():
        return _numeric_date(int(m.group("first")), int(m.group("second")), int(m.group("year")))
    if "iso" in m.groupdict():
        try:
            return dt.date.fromisoformat(m.group("iso")).isoformat()
        except ValueError:
            return None
    month = _MONTHS.get(m.group("month").lower())
    if month is None:
        return None
    try:
        return dt.date(int(m.group("year")), month, int(m.group("day"))).isoformat()
    except ValueError:
        return None


_DATE_LINE_LONGEST = 160
"""The longest a date line is ("Updated March 4, 2026 at 6:03 p.m. EST|Published March 4, 2026 at
2:15 p.m. EST" is 80 characters)."""


def _numeric_date(first: int, second: int, year: int) -> str | None:
    """Return the ISO date of "09/18/2025" (month first, as US sites write it) or "18/09/2025"
    (day first), or None where either reading is possible ("04/05/2025")."""
    if first > 12 >= second:
        first, second = second, first
    elif second <= 12 and first != second:
        return None
    try:
        return dt.date(year, first, second).isoformat()
    except ValueError:
        return None


_DATELINE = re.compile(r"[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}\.?)?(?:,\s*(?:19|20)\d\d)?\s*"
                       r"(?:\((?P<outlet>[A-Z][\w&.’' -]{0,40}?)\)\s*[-—–]"
                       r"|/(?P<wire>[A-Z][\w&.’' -]{0,40}?)/\s*(?:[-—–]|\.(?=\s)))")
"""A wire service's dateline opening the first paragraph: "FRANKFURT, March 4 (Reuters) -",
"BOSTON (AP) —", a press release's "BOSTON, Feb. 10, 2026 /PRNewswire/ --", TASS's "MOSCOW,
November 24. /TASS/."."""


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """The common English words that are never names (`data/common_words.txt`)."""
    return load_words("common_words")


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """The places of `data/places.yaml`."""
    return frozenset(str(p) for p in load_data("places").get("places") or ())


@lru_cache(maxsize=1)
def _outlet_names() -> dict[str, str]:
    """Every outlet's name and short forms → its canonical name (`data/outlets.yaml`)."""
    names: dict[str, str] = {}
    for entry in load_data("outlets").get("outlets") or ():
        name = str(entry["name"])
        for form in [name, *(entry.get("aliases") or ())]:
            names[str(form)] = name
            names[re.sub(r"^The\s+", "", str(form))] = name
    return names


_PLACE_DATELINE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                             r"\s*\((?P<outlet>[A-Z][\w&.’' -]{0,40}?)\)\.?\s*[-—–]")
"""A dateline in mixed case, "Paris (AFP) –", and with the day, as the Spanish wires write it,
"Madrid, Nov 24 (EFE).-": only with a listed outlet in the brackets (not "Smith (R) - …")."""


_LEAD_DATELINE = re.compile(r"\((?P<outlet>[A-Z]{2,12})\)\s*[-—–]\s*[A-Z][A-Z .'’-]{1,40}"
                            r"(?:,\s*[A-Z]{3,9}\.?\s+\d{1,2})?\s*[-—–]")
"""A dateline that names the agency first, "(ANSA) - ROME, NOV 24 -": only with a listed outlet."""


def _dateline(text: str) -> re.Match[str] | None:
    if text[:1] == "(":
        m = _LEAD_DATELINE.match(text)
        return m if m is not None and m.group("outlet") in _outlet_names() else None
    m = _DATELINE.match(text)
    if m is None:
        m = _PLACE_DATELINE.match(text)
        if m is not None and m.group("outlet").strip() not in _outlet_names():
            return None
    return m


def dateline_outlet(text: str) -> str | None:
    """Return the outlet a wire dateline credits, by canonical name where the outlet is listed."""
    m = _dateline(text)
    if m is None:
        return None
    credited = (m.group("outlet") or m.groupdict().get("wire") or "").strip()
    return _outlet_names().get(credited, credited)


def dateline_end(text: str) -> int:
    """Return where a wire dateline opening the text ends (after its dash), or 0 where none does."""
    m = _dateline(text)
    if m is None:
        return 0
    end = m.end()
    while end < len(text) and text[end] in " -—–":  # (the rest of "--" and the space after)
        end += 1
    return end


_COPYRIGHT = re.compile(r"(?:copyright\s*)?(?:©|\(c\))?\s*(?:(?:19|20)\d\d,?\s*)?"
                        r"(?P<name>[A-Z][\w&.’' -]{0,40}?)(?:,\s*(?:Inc|LLC|Ltd|Corp)\b)?"
                        r"(?:\.?\s+all rights reserved\b|\.?$|\.\s|\s*\|)",
                        re.IGNORECASE)


def copyright_outlet(text: str) -> str | None:
    """Return the listed outlet a copyright line names ("©2026 Bloomberg L.P.", "Copyright ©
    2026 NPR. All rights reserved.", "Copyright ©2026 MarketWatch, Inc."), or None."""
    m = _COPYRIGHT.match(text)
    if m is None:
        return None
    return outlet_line(m.group("name")) or outlet_line(m.group("name") + ".")  # ("L.P.": its last dot)


_PUBLISHED_IN = re.compile(r"(?:this\s+article\s+is\s+republished\s+from|published\s+in)\s+"
                           r"(?P<name>(?:the\s+)?(?-i:[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,4}))",
                           re.IGNORECASE)


def published_in_outlet(text: str) -> str | None:
    """Return the listed outlet a foot line says the story ran in ("Published in Dawn, November
    19th, 2026", "This article is republished from The Conversation under a Creative Commons
    license."; not "first published by", which names where it ran before), or None."""
    site = _ORIGINALLY_ON.search(text)
    if site is not None:
        return _outlet_sites().get(site.group(1).lower())
    m = _PUBLISHED_IN.match(text)
    return outlet_line(m.group("name").rstrip(".,")) if m is not None else None


_ORIGINALLY_ON = re.compile(r"^[^;]{0,80}\boriginally\s+published\b[^;]{0,40}?\bon\s+(?:www\.)?([\w-]{2,40})"
                            r"\.(?:com|net|org|co\.[a-z]{2}|[a-z]{2})\b", re.IGNORECASE)
"""A translated story's note on where it first ran ("Translation of an article originally published in
French on lemonde.fr"): the site is the outlet's own."""


def outlet_line(text: str) -> str | None:
    """Return the outlet a line that is only a listed outlet's name names ("Associated Press"
    under a byline), or None."""
    name = re.sub(r"^[Tt]he\s+", "", text.strip())
    if name[:1] == "(" and name[-1:] == ")":
        name = name[1:-1]  # ("(Patch)" under the writer's card: the site credits itself)
    source = _SOURCE_LINE.match(name)
    if source is not None:  # "Source: www.ghanaweb.com", "Source: Reuters" under the headline
        name = source.group("name")
        if source.group("site"):
            return _outlet_sites().get(source.group("site").lower())
    found = _outlet_names().get(name)
    if found is None and name.isupper():
        found = _outlet_names_upper().get(name)  # "FRANCE 24", "FOLHA DE S.PAULO"
    return found


_SOURCE_LINE = re.compile(r"Source:\s+(?:(?:https?://)?(?:www\.)?(?P<site>[\w-]{2,40})"
                          r"\.(?:com|net|org|co\.[a-z]{2}|com\.[a-z]{2}|[a-z]{2})/?"
                          r"|(?P<name>[^:]{2,60}))$", re.IGNORECASE)
"""A line that says where the story is from, by the outlet's name or its web address."""


@lru_cache(maxsize=1)
def _outlet_sites() -> dict[str, str]:
    """Every outlet's name and short forms in lower case without spaces ("ghanaweb") → its
    canonical name, for the web address a site gives as its source."""
    return {re.sub(r"[^\w]", "", form).lower(): name for form, name in _outlet_names().items()}


@lru_cache(maxsize=1)
def _outlet_names_upper() -> dict[str, str]:
    """Every outlet's name and short forms in capitals → its canonical name."""
    return {form.upper(): name for form, name in _outlet_names().items()}


def edition_line(text: str) -> str | None:
    """Return the outlet a line names that is only a listed outlet's name, or one with the place
    of its local edition after it ("Axios Columbus", "Patch Chicago"; a place, or a capitalised
    word that is no common word), or None."""
    found = outlet_line(text)
    if found is None:
        name, _, place = text.strip().rpartition(" ")
        if place in _EDITIONS:
            return outlet_line(name)  # "DER SPIEGEL International", "Folha International"
        local = place in _places() or (
            place[:1].isupper() and place.isalpha() and place.lower() not in _common())
        found = outlet_line(name) if name and local else None
    return found


_EDITIONS = frozenset(("International", "English", "Edition", "Online", "Global", "Digital"))
"""Words after an outlet's name that name its edition."""


def place_line(text: str) -> bool:
    """Return True for a line that is only a place, or places ("Dubai", "Abu Dhabi, UAE"), as a
    site sets where the story was written above it."""
    parts = [p.strip() for p in text.strip(" .").split(",")]
    return len(parts) <= 3 and all(p in _places() or p in _COUNTRY_CODES for p in parts)


_COUNTRY_CODES = frozenset(("UAE", "UK", "US", "USA"))
"""Short forms of countries a place line may end with ("Abu Dhabi, UAE")."""
