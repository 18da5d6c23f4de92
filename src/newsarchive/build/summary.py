"""An article's summary: its record without what only the article's own pages show.

The main process of a build holds every article at once (linking needs them all, and so do the
pages made from the whole archive), so it holds summaries: the text of the article (all but the
paragraph its heading and one-line summary are taken from), boilerplate, notes and where each
name is mentioned are left out. Quotes, claims, people, sources, tags and the front matter stay.
The article's own pages and its pieces of archive.json and the search index are rendered from
the whole record, which each render worker reads back from the cache (`cache.RecordReader`).
"""

from __future__ import annotations

from dataclasses import replace

from newsarchive.records import Article, Paragraph


def summarise(article: Article) -> Article:
    """Return `article` with only what linking and the pages of other articles and entities use."""
    doc = article.doc
    # Document.heading reads the first text or standfirst paragraph; render.site.summary the first text one.
    first = next((p for p in doc.paragraphs if p.kind in ("text", "standfirst")), None)
    text = next((p for p in doc.paragraphs if p.kind == "text"), None)
    kept: tuple[Paragraph, ...] = tuple(dict.fromkeys(p for p in (first, text) if p is not None))
    return replace(article, doc=replace(doc, paragraphs=kept, boilerplate=()), notes=(),
                   people=tuple(replace(p, mentions=()) for p in article.people),
                   sources=tuple(replace(s, mentions=()) for s in article.sources))
