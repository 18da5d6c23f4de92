"""In Markdown articles, marks inside code spans, link targets and HTML tags are not quotes."""

from __future__ import annotations

from newsarchive.extract.draft import Draft
from newsarchive.extract.marks import find_spans
from newsarchive.extract.quotes import find_quotes
from newsarchive.load.reader import parse_document

SOURCE = 'See ``code "x"`` and [a link](https://example.org "Title") and `it\'s` then “a real quote”.'


def texts(text: str, markdown: bool) -> list[str]:
    return [text[s.start : s.end] for s in find_spans(text, markdown)]


def test_markdown_source_hides_code_and_links() -> None:
    assert texts(SOURCE, markdown=True) == ["a real quote"]


def test_plain_text_reads_the_same_marks() -> None:
    assert "Title" in texts(SOURCE, markdown=False)


def test_the_pass_reads_a_markdown_document_as_markdown() -> None:
    doc = parse_document(f"# Headline\n\n{SOURCE}\n", "article.md")
    draft = Draft(doc)
    find_quotes(draft)
    assert [draft.text(q) for q in draft.quotes] == ["a real quote"]
