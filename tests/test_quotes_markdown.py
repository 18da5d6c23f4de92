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


def test_inline_markup_does_not_hide_names_cues_or_credits() -> None:
    from newsarchive.extract import extract
    from newsarchive.load.reader import parse_document

    article = extract(parse_document(
        "---\ntitle: Deal off\n---\n*The New York Times* reported that sales fell 20%. According to "
        "[*Bloomberg*](https://example.org/x), the deal is off. \"It is over,\" **Mark Gurman** wrote.\n",
        "articles/x.md"))
    assert [(q.text, q.speaker) for q in article.quotes] == [("It is over,", "Mark Gurman")]
    assert [c.by for c in article.claims] == ["The New York Times", "Bloomberg"]
    assert article.doc.paragraphs[0].text.startswith("*The New York Times*")  # the Markdown as written
