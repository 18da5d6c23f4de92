"""A small hand-annotated archive for the render tests: every kind of mark, overlap, Markdown, hostile text.

The annotations are placed by searching the text, the way extraction would report them, so the
tests exercise the renderer alone, whatever state the extractors are in.
"""

from __future__ import annotations

from dataclasses import replace

from newsarchive.link import link_archive
from newsarchive.load.reader import parse_document
from newsarchive.records import (
    Archive,
    Article,
    Claim,
    ClaimLink,
    Document,
    Mention,
    Note,
    Person,
    Quote,
    QuoteKind,
    Ref,
    Source,
    Span,
)

HOSTILE = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'

TXT = "\n".join([
    "---",
    "title: Harbour tolls to double, says port authority",
    "author: Mira Okafor",
    "outlet: The Coastal Ledger",
    "date: 2024-03-05",
    "tags: [Transport, Local politics]",
    "url: https://example.org/harbour-tolls",
    "---",
    "Harbour tolls to double, says port authority",
    "",
    "Ferry operators warn of fewer crossings as the new charges begin in May",
    "",
    "Photo of the harbour",
    "(Image credit: Staff photographer)",
    "",
    "The port authority said tolls would rise from 4 euros to 8 euros per crossing, the first increase"
    " since 2009.",
    "",
    '"We have held prices for fifteen years and the pier is falling apart," said Ana Ruiz, the'
    ' authority\'s director. "Someone has to pay for it."',
    "",
    'Ferry owners called the plan "reckless" and said that, according to the Ferry Owners Association,'
    " 12 of 40 crossings a day would stop.",
    "",
    "What happens next?",
    "",
    'The council votes on 14 April. Ruiz said she expected "a fair hearing".',
    "",
])

MD = """---
title: Council split on **harbour** tolls
outlet: Harbour Weekly
date: 2024-03-09
tags: [Transport]
---
# Council split on harbour tolls

Councillors argued for an hour. *"This is a tax on islanders,"* said Tom Baker, who leads the opposition.

- The toll rises to 8 euros in May.
- Only 3 crossings a day would stop, the authority says.

Baker added that "nobody [asked us](https://example.org/minutes) first".

## Vote

The vote is set for **14 April**.
"""

EVIL = f"""---
title: '{HOSTILE} headline'
author: '{HOSTILE}'
outlet: '<b>Outlet</b>'
tags: ['{HOSTILE}']
---
Body with {HOSTILE} inside, and "a quote {HOSTILE}" said Evil Person.
"""


def _span(doc: Document, needle: str, para_has: str | None = None, nth: int = 0) -> Span:
    """Return the span of the nth occurrence of `needle` in the first paragraph containing `para_has`."""
    for i, p in enumerate(doc.paragraphs):
        if (para_has or needle) in p.text:
            start = -1
            for _ in range(nth + 1):
                start = p.text.index(needle, start + 1)
            return Span(i, start, start + len(needle), p.line)
    raise AssertionError(f"{needle!r} not in the fixture")


def _quote(doc: Document, text: str, kind: QuoteKind, speaker: str | None, **kw: bool) -> Quote:
    return Quote(text, kind, speaker, _span(doc, text), cue="said-X" if speaker else None, **kw)


def _mentions(doc: Document, *forms: str) -> tuple[Mention, ...]:
    return tuple(Mention(_span(doc, f), f) for f in forms)


RISE = "tolls would rise from 4 euros to 8 euros per crossing, the first increase since 2009"


def harbour_article() -> Article:
    doc = parse_document(TXT, "articles/harbour-tolls.txt")
    return Article(
        doc=doc,
        quotes=(
            _quote(doc, "We have held prices for fifteen years and the pier is falling apart", "direct",
                   "Ana Ruiz"),
            _quote(doc, "Someone has to pay for it.", "direct", "Ana Ruiz"),
            _quote(doc, "reckless", "partial", "Ferry Owners Association"),
            _quote(doc, "a fair hearing", "partial", "Ana Ruiz", editorial=True),
        ),
        claims=(
            Claim(RISE, "Port Authority", _span(doc, RISE), why="a price and a year"),
            # Starts inside a quote and ends after it: the marks must still nest.
            Claim("held prices for fifteen years and the pier is falling apart,\" said Ana Ruiz", "Ana Ruiz",
                  _span(doc, "held prices for fifteen years and the pier is falling apart,\" said Ana Ruiz"),
                  why="a duration"),
            Claim("12 of 40 crossings a day would stop", "Ferry Owners Association",
                  _span(doc, "12 of 40 crossings a day would stop"), why="a count"),
        ),
        people=(Person("Ana Ruiz", ("director of the port authority",), ("Ruiz",),
                       _mentions(doc, "Ana Ruiz", "Ruiz said")),),
        sources=(Source("Port Authority", "organisation", (), ()),
                 Source("Ferry Owners Association", "organisation", (),
                        _mentions(doc, "Ferry Owners Association"))),
        notes=(Note("Tolls checked against the **published** tariff. <script>alert(1)</script> "
                    "[bad](javascript:alert(1)) [good](https://example.org)"),),
    )


def council_article() -> Article:
    doc = parse_document(MD, "articles/council-split.md")
    return Article(
        doc=doc,
        quotes=(
            _quote(doc, "This is a tax on islanders,", "direct", "Tom Baker"),
            # Runs across the link's text and past it.
            _quote(doc, "nobody [asked us](https://example.org/minutes) first", "partial", "Tom Baker"),
        ),
        claims=(
            Claim("Only 3 crossings a day would stop, the authority says.", "Port Authority",
                  _span(doc, "Only 3 crossings a day would stop, the authority says."), why="a count"),
            # Spans two list items: must close and reopen across them.
            Claim("8 euros in May.\n- Only 3", None, _span(doc, "8 euros in May.\n- Only 3"), why="a price"),
        ),
        people=(Person("Tom Baker", ("leader of the opposition",), ("Baker",), _mentions(doc, "Tom Baker")),),
        sources=(Source("Port Authority", "organisation"),),
    )


def evil_article() -> Article:
    doc = parse_document(EVIL, "articles/evil.txt")
    return Article(
        doc=doc,
        quotes=(_quote(doc, f"a quote {HOSTILE}", "direct", f"Evil {HOSTILE}"),),
        claims=(Claim(f"Body with {HOSTILE} inside", f"{HOSTILE} Org",
                      _span(doc, f"Body with {HOSTILE} inside"), why=HOSTILE),
                # Same name as a source with a page, but no page of its own: two groups, one name.
                Claim("said Evil Person", "port authority", _span(doc, "said Evil Person"))),
        people=(Person(f"Evil {HOSTILE}", (HOSTILE,), (), ()),),
        sources=(Source(f"{HOSTILE} Org", "organisation"),),
        notes=(Note(f"note {HOSTILE} [x](javascript:alert(1)) <a href='javascript:alert(1)'>y</a>"),),
    )


def sample_archive() -> Archive:
    """Return the three fixture articles linked, with one pair of claims in tension."""
    archive = link_archive([harbour_article(), council_article(), evil_article()])
    links = (ClaimLink(Ref("harbour-tolls", 2), Ref("council-split", 0), "disagrees",
                       "same quantity 'crossings a day would stop', 12 against 3"),
             ClaimLink(Ref("harbour-tolls", 0), Ref("council-split", 1), "related", "same price, 8 euros",
                       editorial=True))
    return replace(archive, claim_links=links)
