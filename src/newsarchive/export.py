"""Articles as plain data: the `newsarchive extract` JSON contract (shared/ANNOTATION.md)."""

from __future__ import annotations

from typing import Any

from newsarchive.records import Article, Span


def _span(span: Span) -> dict[str, int]:
    return {"paragraph": span.paragraph, "start": span.start, "end": span.end, "line": span.line}


def article_to_dict(article: Article) -> dict[str, Any]:
    """Return the article's record as JSON-ready data (the keys the scorer reads, and more)."""
    doc = article.doc
    return {
        "path": doc.path,
        "slug": doc.slug,
        "title": doc.title,
        "author": doc.author,
        "outlet": doc.outlet,
        "date": doc.date,
        "url": doc.url,
        "tags": list(doc.tags),
        "boilerplate": [b.text for b in doc.boilerplate],
        "quotes": [{"text": q.text, "speaker": q.speaker, "kind": q.kind, "cue": q.cue,
                    "unbalanced": q.unbalanced, "editorial": q.editorial, **_span(q.span)}
                   for q in article.quotes],
        "claims": [{"text": c.text, "by": c.by, "why": c.why, "editorial": c.editorial, **_span(c.span)}
                   for c in article.claims],
        "people": [{"name": p.name, "roles": list(p.roles), "aliases": list(p.aliases),
                    "mentions": len(p.mentions)} for p in article.people],
        "sources": [{"name": s.name, "kind": s.kind, "aliases": list(s.aliases),
                     "mentions": len(s.mentions)} for s in article.sources],
        "paragraphs": [{"kind": p.kind, "line": p.line, "text": p.text} for p in doc.paragraphs],
        "notes": [n.markdown for n in article.notes],
    }
