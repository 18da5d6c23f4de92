"""Marks in the text: quotes, claims and names marked in place, always nesting into valid HTML."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.render.body import make_markdown
from newsarchive.render.marks import Mark, insert_placeholders, mark_plain, swap_placeholders

VOID = {"br", "hr", "img", "wbr", "input", "meta", "link"}


class Nesting(HTMLParser):
    """Check that every tag closes in order, and collect ids and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.extend(v for k, v in attrs if k == "id" and v)
        if tag == "a" and "a" in self.stack:
            self.errors.append("a inside a")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<hr />": a void element written self-closing opens and closes nothing.
        self.ids.extend(v for k, v in attrs if k == "id" and v)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check(markup: str) -> Nesting:
    parser = Nesting()
    parser.feed(markup)
    parser.close()
    assert not parser.errors, (parser.errors, markup)
    assert not parser.stack, (parser.stack, markup)
    return parser


def q(start: int, end: int, n: int, tag: str = "q") -> Mark:
    return Mark(start, end, tag, "quote", f' id="q-{n}"', href="x.html", mark_id=f"q-{n}")


def test_a_claim_half_over_a_quote_is_split_not_crossed() -> None:
    text = "abcdefghijklmnop"
    out = mark_plain(text, [Mark(0, 8, "span", "claim", ' id="c-0"', mark_id="c-0"), q(4, 12, 0)])
    assert out.html == ('<span class="claim" id="c-0">abcd<q class="quote" id="q-0">efgh</q></span>'
                        '<q class="quote mark-cont">ijkl</q>mnop')
    assert out.placed == {"c-0", "q-0"}


def test_text_is_escaped_and_kept_whole() -> None:
    text = 'a <script>alert("x")</script> & b'
    out = mark_plain(text, [q(2, 10, 0), q(5, 20, 1)])
    parsed = check(out.html)
    assert "".join(parsed.text) == text
    assert "<script>" not in out.html


def test_spans_past_the_end_are_clamped_and_still_get_their_id() -> None:
    out = mark_plain("short", [q(3, 99, 0), q(50, 60, 1)])
    parsed = check(out.html)
    assert parsed.ids == ["q-0", "q-1"]


def test_a_name_link_inside_a_markdown_link_becomes_a_span() -> None:
    md = make_markdown()
    source = "See [the Ana Ruiz report](https://example.org) today."
    start = source.index("Ana Ruiz")
    marks = [Mark(start, start + 8, "a", "mention", href="../people/ana-ruiz.html")]
    out = swap_placeholders(md.render(insert_placeholders(source, marks, markdown=True)), marks, False)
    check(out.html)
    assert '<span class="mention">Ana Ruiz</span>' in out.html


def test_a_quote_across_emphasis_and_list_items_nests() -> None:
    md = make_markdown()
    source = 'He said *"one two* three\n- four\n- five" six'
    marks = [q(source.index("one"), source.index('" six'), 0)]
    out = swap_placeholders(md.render(insert_placeholders(source, marks, markdown=True)), marks, False)
    parsed = check(out.html)
    assert parsed.ids == ["q-0"]
    assert "<em>" in out.html and "<li>" in out.html
    assert out.html.count("mark-cont") >= 2


def test_a_mark_at_a_line_start_leaves_the_list_a_list() -> None:
    md = make_markdown()
    source = "Intro\n\n- first item\n- second item"
    start = source.index("- second")
    marks = [Mark(start, len(source), "span", "claim", ' id="c-0"', mark_id="c-0")]
    out = swap_placeholders(md.render(insert_placeholders(source, marks, markdown=True)), marks, False)
    assert out.html.count("<li>") == 2
    assert '<li><span class="claim" id="c-0">second item</span></li>' in out.html


def test_placeholders_in_a_link_url_leave_no_trace() -> None:
    md = make_markdown()
    source = "[text](https://example.org/a-b) end"
    marks = [q(source.index("example"), source.index(" end"), 0)]
    out = swap_placeholders(md.render(insert_placeholders(source, marks, markdown=True)), marks, False)
    check(out.html)
    assert 'href="https://example.org/a-b"' in out.html
    assert "%F0" not in out.html and "\U0001f8b0" not in out.html


def test_source_characters_that_look_like_placeholders_cannot_forge_marks() -> None:
    text = "evil \U0001f8b0\ue010\u2bd2 text"
    out = mark_plain(text, [q(0, 4, 0)])
    check(out.html)
    assert out.html.count("<q") == 1


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab *_\n-#>\"“”[]()<&`", max_size=60),
       st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=6),
       st.booleans())
def test_any_spans_over_any_text_give_well_nested_html(text: str, spans: list[tuple[int, int]],
                                                       markdown: bool) -> None:
    marks = [Mark(min(a, b), max(a, b), ("q", "span", "a")[i % 3], "m", f' id="m-{i}"', href="p.html",
                  mark_id=f"m-{i}") for i, (a, b) in enumerate(spans)]
    if markdown:
        md = make_markdown()
        out = swap_placeholders(md.render(insert_placeholders(text, marks, markdown=True)), marks, False)
    else:
        out = mark_plain(text, marks)
        assert html.unescape("".join(check(out.html).text)) == text
    parsed = check(out.html)
    assert len(parsed.ids) == len(set(parsed.ids))
    assert set(parsed.ids) == out.placed


def test_a_mark_closing_inside_markdown_emphasis_closes_and_reopens_it() -> None:
    marks = [Mark(0, 5, "q", "m", ' id="m-0"', href="p.html", mark_id="m-0")]
    out = swap_placeholders(make_markdown().render(insert_placeholders("a __b__ c", marks, markdown=True)),
                            marks, False)
    check(out.html)
    assert out.html.startswith('<p><q class="m" id="m-0">a <strong>b</strong></q>')
