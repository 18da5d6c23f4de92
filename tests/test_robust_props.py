"""Property tests: any bytes or text through the loader and the extractors, nothing raises, offsets hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.errors import ArticleError
from newsarchive.extract import extract
from newsarchive.load.reader import document_from_bytes, parse_document
from newsarchive.records import Article, Span

# Text that looks like news more often than uniform noise would: quote marks, front-matter fences,
# line breaks of every kind, words that cue attribution.
PIECES = st.sampled_from(["“", "”", "‘", "’", '"', "'", "«", "»", "„", "---\n", "\n", "\n\n", "\r\n", "\r",
                          " said ", " Mr ", "Ann Lee", "According to ", "the BBC", ", ", ".", "2,000 ",
                          "title: x\n", "# ", "\u00a0", "\u200b", "\x00", "\ufeff", "â€™", "Subscribe to x"])
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


def check_spans(article: Article) -> None:
    paras = article.doc.paragraphs
    spans: list[Span] = [q.span for q in article.quotes] + [c.span for c in article.claims]
    spans += [m.span for x in (*article.people, *article.sources) for m in x.mentions]
    for span in spans:
        assert 0 <= span.paragraph < len(paras)
        assert 0 <= span.start <= span.end <= len(paras[span.paragraph].text)
        assert span.line >= 1
    for q in article.quotes:
        assert q.text == paras[q.span.paragraph].text[q.span.start : q.span.end]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY, st.sampled_from(["a.txt", "a.md"]))
def test_any_text_loads_and_extracts(text: str, name: str) -> None:
    try:
        doc = parse_document(text, name)
    except ArticleError as exc:
        assert exc.path == name
        return
    for p in doc.paragraphs:
        assert p.text and p.line >= 1
    check_spans(extract(doc))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_load_or_fail_cleanly(raw: bytes) -> None:
    try:
        doc = document_from_bytes(raw, "b.txt")
    except ArticleError as exc:
        assert exc.path == "b.txt"
        return
    assert "\x00" not in "".join(p.text for p in doc.paragraphs)
    check_spans(extract(doc))
