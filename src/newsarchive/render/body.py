"""An article's body as HTML: paragraphs, headings and captions, with quotes, claims and names marked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from newsarchive.records import Article, Paragraph
from newsarchive.render.marks import (
    Mark,
    Marked,
    escape_text,
    insert_placeholders,
    mark_plain,
    swap_placeholders,
    unplaced,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

Href = Callable[[str], str | None]
"""Canonical name in the article → link to its person or source page, relative to the article."""


def make_markdown() -> MarkdownIt:
    """Return the Markdown parser for article bodies and notes: CommonMark with raw HTML off."""
    from markdown_it import MarkdownIt  # here: most archives are plain text (its import is ~20 ms)

    return MarkdownIt("commonmark", {"html": False})


@dataclass(frozen=True, slots=True)
class Body:
    """The rendered parts of one article."""

    standfirst: Markup | None
    html: Markup


_attr = escape_text


def quote_tip(speaker: str | None, kind: str, editorial: bool) -> str:
    """Return what hovering a quote says: who and what kind."""
    who = speaker or ("no one named" if kind != "scare" else "scare quote")
    what = {"direct": "direct quote", "partial": "partial quote", "scare": "scare quotes"}.get(kind, kind)
    tip = f"{who} · {what}" if kind != "scare" or speaker else what
    return tip + (" · set by an editor" if editorial else "")


def claim_tip(by: str | None, why: str, editorial: bool) -> str:
    """Return what hovering a claim says: who it is credited to and why it is checkable."""
    tip = f"Claim, credited to {by}" if by else "Claim, stated by the writer"
    if why:
        tip += f" · {why}"
    return tip + (" · set by an editor" if editorial else "")


def article_marks(article: Article, href: Href) -> dict[int, list[Mark]]:
    """Return the marks of each paragraph: claims outermost, then quotes, then first mentions."""
    marks: dict[int, list[Mark]] = {}
    for i, c in enumerate(article.claims):
        tip = _attr(claim_tip(c.by, c.why, c.editorial))
        css = "claim editorial" if c.editorial else "claim"
        attrs = f' id="c-{i}" tabindex="0" title="{tip}" data-tip="{tip}"'
        marks.setdefault(c.span.paragraph, []).append(
            Mark(c.span.start, c.span.end, "span", css, attrs, mark_id=f"c-{i}"))
    for i, q in enumerate(article.quotes):
        tip = _attr(quote_tip(q.speaker, q.kind, q.editorial))
        link = href(q.speaker) if q.speaker else None
        css = f"quote quote-{q.kind}" + (" editorial" if q.editorial else "")
        css += "" if q.speaker else " no-speaker"
        attrs = f' id="q-{i}" tabindex="0" title="{tip}" data-tip="{tip}"'
        if link:
            attrs += f' data-href="{_attr(link)}"'
        marks.setdefault(q.span.paragraph, []).append(
            Mark(q.span.start, q.span.end, "q", css, attrs, mark_id=f"q-{i}"))
    firsts = [(p.name, p.mentions) for p in article.people] + [(s.name, s.mentions) for s in article.sources]
    for name, mentions in firsts:
        link = href(name)
        if link and mentions:
            span = mentions[0].span
            marks.setdefault(span.paragraph, []).append(
                Mark(span.start, span.end, "a", "mention", href=_attr(link)))
    return marks


def _render_paragraph(md: MarkdownIt | None, para: Paragraph, marks: list[Mark], markdown: bool) -> Marked:
    if not markdown:
        return mark_plain(para.text, marks)
    assert md is not None, "a Markdown article is rendered with a Markdown parser"
    source = insert_placeholders(para.text, marks, markdown=True) if marks else para.text
    if para.kind == "text":
        tokens = md.parse(source)
        for token in tokens:
            # The headline is the page's h1: headings inside the body start at h2.
            if token.type in ("heading_open", "heading_close") and token.tag < "h6":
                token.tag = f"h{int(token.tag[1]) + 1}"
        html = md.renderer.render(tokens, md.options, {})
        return swap_placeholders(html, marks, phrasing_root=False) if marks else Marked(html)
    html = md.renderInline(source)
    return swap_placeholders(html, marks, phrasing_root=True) if marks else Marked(html)


def render_body(md: MarkdownIt | None, article: Article, href: Href) -> Body:
    """Return the standfirst and body HTML of an article, boilerplate left out.

    `md` (`make_markdown`) is needed where the article is Markdown (`doc.markdown`) only.
    """
    doc = article.doc
    marks = article_marks(article, href)
    standfirst: Markup | None = None
    parts: list[str] = []
    captions: list[str] = []

    def end_figure() -> None:
        if captions:
            parts.append(f'<figure class="caption"><figcaption>{"".join(captions)}</figcaption></figure>')
            captions.clear()

    for n, para in enumerate(doc.paragraphs):
        own = marks.get(n, [])
        done = _render_paragraph(md, para, own, doc.markdown)
        html = unplaced(own, done.placed) + done.html
        if para.kind == "caption":
            captions.append(f'<span class="caption-line" id="p-{n}">{html}</span>')
            continue
        end_figure()
        if para.kind == "standfirst" and standfirst is None:
            standfirst = Markup(f'<p class="standfirst" id="p-{n}">{html}</p>')
        elif para.kind == "heading":
            parts.append(f'<h2 class="subhead" id="p-{n}">{html}</h2>')
        elif doc.markdown and para.kind == "text":
            parts.append(f'<div class="md-block" id="p-{n}">{html}</div>')
        else:
            parts.append(f'<p id="p-{n}">{html}</p>')
    end_figure()
    if standfirst is None and doc.standfirst:
        standfirst = Markup('<p class="standfirst">{}</p>').format(doc.standfirst)
    # Marks pointing at a paragraph that is not there still get their anchor, so links land.
    stray = [m for n, ms in marks.items() if not 0 <= n < len(doc.paragraphs) for m in ms]
    parts.append(unplaced(stray, set()))
    return Body(standfirst, Markup("\n".join(p for p in parts if p)))
