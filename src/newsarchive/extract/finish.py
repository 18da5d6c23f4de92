"""Freeze a Draft into an Article record."""

from __future__ import annotations

from newsarchive.extract.draft import Draft
from newsarchive.records import Article, Person, Quote, Source, Span


def finish(draft: Draft) -> Article:
    """Return the immutable Article for what the passes found."""
    paras = (draft.source or draft.doc).paragraphs  # (quotes' text as written, Markdown marks and all)
    quotes = []
    for q in sorted(draft.quotes, key=lambda q: (q.paragraph, q.start)):
        para = paras[q.paragraph]
        line = draft.line_at(para, q.start)
        # (Positional: compiled code calling a Python class with keywords builds a dict of them.)
        quotes.append(Quote(para.text[q.start : q.end], q.kind, q.speaker,
                            Span(q.paragraph, q.start, q.end, line), q.cue, q.unbalanced))
    people = []
    sources = []
    for e in draft.entities.values():
        # (Most entities are named once: no key worked out, from a record's attributes, to sort one.)
        mentions = tuple(e.mentions) if len(e.mentions) < 2 \
            else tuple(sorted(e.mentions, key=lambda m: (m.span.paragraph, m.span.start)))
        aliases = tuple(sorted(e.aliases - {e.name}))
        if e.kind == "person":
            people.append(Person(e.name, tuple(dict.fromkeys(e.roles)), aliases, mentions))
        else:
            sources.append(Source(e.name, e.kind, aliases, mentions))

    def first(x: Person | Source) -> tuple[int, int]:
        if not x.mentions:
            return (1 << 30, 0)
        return (x.mentions[0].span.paragraph, x.mentions[0].span.start)

    return Article(
        doc=draft.source or draft.doc,
        quotes=tuple(quotes),
        claims=tuple(sorted(draft.claims, key=lambda c: (c.span.paragraph, c.span.start))),
        people=tuple(sorted(people, key=first)),
        sources=tuple(sorted(sources, key=first)),
        diagnostics=draft.doc.diagnostics + tuple(draft.diagnostics),
    )
