"""Quote spans hold their invariants on any text, and cost stays linear on hostile input."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.extract.draft import Draft
from newsarchive.extract.marks import find_spans
from newsarchive.extract.quotes import find_quotes
from newsarchive.records import Document, Paragraph

# Text rich in the characters the pass reads: every mark, letters, digits, spaces, punctuation, tags.
MARKY = st.text(alphabet=st.sampled_from(list("“”\"„‟«»‹›‘’'‚`aAsn9 .,:;!?-—()[]<>/\u00a0\n")), max_size=200)
ANY_TEXT = st.one_of(MARKY, st.text(max_size=200))


def doc_of(paragraphs: list[str]) -> Document:
    paras = tuple(Paragraph(i, "text", text, i + 1) for i, text in enumerate(paragraphs))
    return Document(path="p.txt", slug="p", title=None, author=None, outlet=None, date=None, url=None,
                    tags=(), paragraphs=paras, boilerplate=())


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT, st.booleans())
def test_spans_lie_within_their_marks(text: str, markdown: bool) -> None:
    for s in find_spans(text, markdown):
        assert 0 <= s.open_at <= s.start < s.end <= s.close_at <= len(text)
        if s.open_mark is not None:
            assert text.startswith(s.open_mark, s.open_at)
            assert s.start >= s.open_at + len(s.open_mark)
        else:
            assert s.open_at == 0
        if s.close_mark is not None:
            assert text.startswith(s.close_mark, s.close_at)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        assert s.depth >= 0


@settings(max_examples=200, deadline=None)
@given(st.lists(ANY_TEXT, max_size=6))
def test_pass_gives_valid_quotes(paragraphs: list[str]) -> None:
    draft = Draft(doc_of(paragraphs))
    find_quotes(draft)
    for q in draft.quotes:
        text = paragraphs[q.paragraph]
        assert 0 <= q.start < q.end <= len(text)
        assert draft.text(q).strip()
        assert q.kind in ("direct", "partial")
        assert not q.continued or q.close_mark is None


@given(st.text(alphabet=st.sampled_from(list("abc .,")), max_size=100))
def test_text_without_marks_has_no_quotes(text: str) -> None:
    assert find_spans(text) == []


@given(st.text(alphabet=st.sampled_from(list("abcs .,")), min_size=1, max_size=60).filter(
    lambda t: t == t.strip() and any(c.isalpha() for c in t)))
def test_a_balanced_curly_quote_is_found_whole(inner: str) -> None:
    text = f"He said “{inner}” and left."
    assert [text[s.start : s.end] for s in find_spans(text)] == [inner]


def _seconds(text: str) -> float:
    start = time.process_time()
    find_spans(text)
    return time.process_time() - start


def test_a_megabyte_of_marks_is_fast() -> None:
    # Issue target: well under a second; the bound is generous for a loaded test machine.
    for unit in ('"', "“”", "“”‘’\"'«»„", "''"):
        text = unit * (1_000_000 // len(unit))
        assert _seconds(text) < 2.0, unit


def test_cost_is_linear_on_dense_quotes() -> None:
    # Quotes, lone openers, lone closers and possessives packed tight: a quadratic rule shows up as
    # a 16-fold cost for 4 times the text; linear stays near 4.
    for unit in ("“a” ", "“a ", "a” ", '"a ', "‘a s’ b ", " 'a", "a. “b "):
        small = unit * (20_000 // len(unit))
        big = unit * (80_000 // len(unit))
        _seconds(small)
        # (best of three each: a busy machine once pushed a best of two over the bound)
        ratio = min(_seconds(big) for _ in range(3)) / max(min(_seconds(small) for _ in range(3)), 1e-3)
        assert ratio < 9, (unit, ratio)
