"""Front matter: parsed, checked, and reported by line when it is wrong."""

from __future__ import annotations

import pytest

from newsarchive.errors import ArticleError
from newsarchive.load.reader import parse_document


def test_malformed_yaml_names_the_line() -> None:
    with pytest.raises(ArticleError) as info:
        parse_document("---\ntitle: ok\nauthor: [unclosed\n---\nBody.\n", "articles/bad.txt")
    assert info.value.path == "articles/bad.txt"
    assert info.value.line is not None and info.value.line >= 3
    assert str(info.value).startswith("articles/bad.txt:")


def test_unknown_key_is_a_warning_with_line() -> None:
    d = parse_document("---\ntitle: ok\ncolour: blue\n---\nBody.\n", "articles/x.txt")
    assert [str(x) for x in d.diagnostics] == [
        "articles/x.txt:3: warning: unknown front-matter key 'colour' ignored "
        "(known: title, author, outlet, date, url, tags, slug)"]


def test_a_web_clippers_front_matter() -> None:
    d = parse_document('---\ntitle: "Tidal power"\nsource: "https://example.com/news/tidal"\nauthor:\n'
                       '  - "[[Fiona Mackay]]"\n  - "[[people/tom|Tom Ellery]]"\npublished: 2026-03-09\n'
                       'created: 2026-03-10\ndescription: "Councillors back a scheme."\n---\nBody.\n', "x.md")
    assert (d.url, d.author, d.date) == ("https://example.com/news/tidal", "Fiona Mackay and Tom Ellery",
                                         "2026-03-09")
    assert d.diagnostics == ()


def test_date_and_url_win_over_a_clippers_keys() -> None:
    d = parse_document("---\ndate: 2026-01-02\npublished: 2026-03-09\nurl: /a\nsource: /b\n---\nBody.\n",
                       "x.md")
    assert (d.date, d.url) == ("2026-01-02", "/a")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:void(0)", "data:text/html,<b>x</b>",
                                 "vbscript:msgbox"])
def test_unsafe_urls_refused(url: str) -> None:
    d = parse_document(f"---\nurl: '{url}'\n---\nBody.\n", "articles/x.txt")
    assert d.url is None
    assert "unsafe url" in str(d.diagnostics[0])


def test_bad_slug_refused() -> None:
    d = parse_document("---\nslug: ../../outside\n---\nBody.\n", "articles/x.txt")
    assert d.slug == "x"


def test_front_matter_only() -> None:
    d = parse_document("---\ntitle: Only\n---\n", "articles/x.txt")
    assert d.title == "Only" and d.paragraphs == ()


def test_unclosed_front_matter_is_read_as_text_with_warning() -> None:
    d = parse_document("---\ntitle: x\nBody text.\n", "articles/x.txt")
    assert any("never closed" in str(x) for x in d.diagnostics)


def test_an_impossible_date_is_a_warning_not_a_crash() -> None:
    d = parse_document("---\ntitle: ok\ndate: 2024-13-45\n---\nBody.\n", "articles/x.txt")
    assert d.date is None
    assert [str(x) for x in d.diagnostics] == [
        "articles/x.txt:3: warning: date '2024-13-45' is not YYYY-MM-DD; ignored"]


def test_front_matter_nested_thousands_deep_is_an_error_naming_the_file() -> None:
    with pytest.raises(ArticleError) as info:
        parse_document("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\nBody.\n", "articles/deep.txt")
    assert str(info.value) == "articles/deep.txt:2: malformed front matter: nested too deeply"


def test_a_first_line_is_text_unless_it_repeats_the_front_matters_title() -> None:
    # (taken for a headline and dropped, the article lost its only paragraph)
    d = parse_document('---\ntitle: Ferry vote\n---\nMr Smith said: "Fine."\n', "x.txt")
    assert (d.title, [p.text for p in d.paragraphs]) == ("Ferry vote", ['Mr Smith said: "Fine."'])
    d = parse_document("---\ntitle: Ferry vote\n---\nFERRY VOTE\n\nThe council voted.\n", "x.txt")
    assert (d.title, [p.text for p in d.paragraphs]) == ("Ferry vote", ["The council voted."])


def test_tags_and_authors_that_are_not_text_are_reported() -> None:
    d = parse_document("---\ntitle: ok\ntags: [budget, [a, b], {x: 1}, '']\nauthor: [[x], {y: 2}]\n---\n"
                       "Body.\n", "articles/x.md")
    assert d.tags == ("budget",)
    assert d.author is None
    assert [str(x) for x in d.diagnostics] == [
        "articles/x.md:3: warning: 2 of the tags are not text; ignored",
        "articles/x.md:4: warning: front-matter 'author' must be text or a list of names; ignored"]


def test_an_empty_list_of_authors_is_no_problem() -> None:
    d = parse_document("---\ntitle: ok\nauthor: []\ntags: []\n---\nBody.\n", "articles/x.md")
    assert d.author is None and d.diagnostics == ()


@pytest.mark.parametrize(("name", "date"), [
    ("articles/2015-06-15-slug.txt", "2015-06-15"),  # Hugo's and Pelican's form
    ("articles/nyt_2016-02-17_jeb-bush-helped.txt", "2016-02-17"),  # a corpus's outlet_date_slug
    ("articles/2015-02-30-slug.txt", None),  # no day of the calendar
    ("articles/2015-06-15-to-2015-07-01.txt", None),  # two dates: which one is the article's?
    ("articles/20150615-slug.txt", None),
    ("articles/report-123-2015-06-150.txt", None),
])
def test_a_date_in_the_file_name_dates_an_article_that_gives_none(name: str, date: str | None) -> None:
    assert parse_document("A headline\n\nBody text here.\n", name).date == date


def test_the_articles_own_date_wins_over_its_file_names() -> None:
    d = parse_document("---\ntitle: ok\ndate: 2020-01-02\n---\nBody.\n", "articles/2015-06-15-slug.txt")
    assert d.date == "2020-01-02"
