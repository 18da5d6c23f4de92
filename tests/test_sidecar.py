"""Editors' sidecar corrections: every kind of fix, and every way a sidecar can go wrong."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.annotate import apply_corrections, apply_sidecar, parse_sidecar, sidecar_for
from newsarchive.load.reader import parse_document
from newsarchive.records import Article, Claim, Mention, Person, Quote, Span

TEXT = """A headline for the test

“Russians can suffer like no-one else,” Sergey Shoigu told Ben Wallace at a meeting in February.

Police said 2,000 people were arrested on Sunday. Nad said the "sham referendums" were illegal.

Jaroslav Nad is the defence minister.
"""


def make_article() -> Article:
    doc = parse_document(TEXT, "articles/x.txt")
    p1, p2 = doc.paragraphs[0], doc.paragraphs[1]
    q = Quote("Russians can suffer like no-one else,", "direct", None, Span(0, 1, 38, p1.line))
    at = p2.text.index("2,000")
    claim = Claim("Police said 2,000 people were arrested on Sunday.", "Police", Span(1, 0, at + 38, p2.line))
    nad = Person("Nad", (), (), (Mention(Span(1, 50, 53, 5), "Nad"),))
    people = (Person("Sergey Shoigu", ("Defence Minister",)), nad, Person("Jaroslav Nad"),
              Person("Ben Wallace", (), ("Wallace",)))
    return Article(doc, (q,), (claim,), people)


def apply(yaml_text: str) -> tuple[Article, list[str]]:
    side, diags = parse_sidecar(yaml_text, "articles/x.annotations.yaml")
    fixed, more = apply_sidecar(make_article(), side)
    return fixed, [str(d) for d in diags + more]


def test_sidecar_sits_beside_the_article() -> None:
    assert sidecar_for(Path("articles/x.txt")) == Path("articles/x.annotations.yaml")


def test_fix_a_quote_speaker_by_its_start() -> None:
    fixed, diags = apply("quotes:\n  - quote: Russians can suffer\n    speaker: Sergey Shoigu\n")
    (q,) = fixed.quotes
    assert (q.speaker, q.editorial, q.cue) == ("Sergey Shoigu", True, "editor")
    assert diags == []


def test_a_quote_correction_that_no_longer_matches_is_reported_with_its_line() -> None:
    _, diags = apply("# fixes\nquotes:\n  - quote: Ukrainians can\n    speaker: X\n")
    assert diags == ["articles/x.annotations.yaml:3: warning: no quote starts with “Ukrainians can”; "
                     "the correction no longer applies"]


def test_add_and_remove_claims() -> None:
    fixed, diags = apply('claims:\n  add:\n    - text: \'the “sham referendums” were illegal\'\n'
                         '      by: Jaroslav Nad\n  remove:\n    - 2,000 people\n    - not there\n')
    (c,) = fixed.claims
    assert c.text == 'the "sham referendums" were illegal' and c.by == "Jaroslav Nad" and c.editorial
    para = fixed.doc.paragraphs[c.span.paragraph]
    assert para.text[c.span.start : c.span.end] == c.text
    assert diags == ["articles/x.annotations.yaml:7: warning: no claim holds “not there”; "
                     "the correction no longer applies"]


def test_added_claim_missing_from_text_is_reported() -> None:
    fixed, diags = apply("claims:\n  add:\n    - text: 3,000 people\n")
    assert len(fixed.claims) == 1
    assert diags == ["articles/x.annotations.yaml:3: warning: “3,000 people” is not in the article; "
                     "the claim was not added"]


def test_notes_with_and_without_an_anchor() -> None:
    fixed, diags = apply("notes:\n  - The *FT* figure was revised.\n  - text: Checked with police.\n"
                         "    at: were arrested\n  - text: Lost anchor\n    at: nowhere to be seen\n")
    assert [n.markdown for n in fixed.notes] == ["The *FT* figure was revised.", "Checked with police.",
                                                 "Lost anchor"]
    assert fixed.notes[1].span is not None and fixed.notes[1].span.paragraph == 1
    assert fixed.notes[0].span is None and fixed.notes[2].span is None
    assert len(diags) == 1 and diags[0].startswith("articles/x.annotations.yaml:5:")


def test_merge_people_in_the_article_and_ask_the_archive() -> None:
    fixed, diags = apply("people:\n  - {name: Nad, same_as: Jaroslav Nad}\n"
                         "  - {name: Sergey Shoigu, same_as: Sergei Shoigu}\n"
                         "  - {name: Nobody, same_as: Jaroslav Nad}\n")
    nad = next(p for p in fixed.people if p.name == "Jaroslav Nad")
    assert "Nad" in nad.aliases and len(nad.mentions) == 1
    assert "Nad" not in {p.name for p in fixed.people}
    assert [(r.kind, r.name, r.other, r.line) for r in fixed.requests] == [
        ("same-person", "Sergey Shoigu", "Sergei Shoigu", 3)]
    assert diags == ["articles/x.annotations.yaml:4: warning: no person named 'Nobody' in the article; "
                     "the correction no longer applies"]


def test_split_a_wrongly_joined_alias() -> None:
    fixed, diags = apply("people:\n  - {name: Wallace, not: Ben Wallace}\n")
    assert {p.name for p in fixed.people} >= {"Ben Wallace", "Wallace"}
    assert "Wallace" not in next(p for p in fixed.people if p.name == "Ben Wallace").aliases
    requests = [(r.kind, r.name, r.other) for r in fixed.requests]
    assert requests == [("different-person", "Wallace", "Ben Wallace")]
    assert diags == []


def test_links_become_requests_for_the_link_step() -> None:
    fixed, _ = apply("links:\n  - claim: 2,000 people\n    article: other-story\n    other: 3,000 people\n"
                     "    relation: disagrees\n    how: the count differs\n")
    (r,) = fixed.requests
    assert (r.kind, r.name, r.other, r.article, r.relation, r.how, r.line) == (
        "claim-link", "2,000 people", "3,000 people", "other-story", "disagrees", "the count differs", 2)


def test_malformed_yaml_is_a_diagnostic_with_a_line() -> None:
    fixed, diags = apply("quotes:\n  - quote: [unclosed\n    speaker: X\n")
    assert fixed.quotes == make_article().quotes
    assert len(diags) == 1 and "not valid YAML" in diags[0]
    assert diags[0].startswith("articles/x.annotations.yaml:")
    assert int(diags[0].split(":")[1]) in (2, 3, 4)


def test_wrong_shapes_are_reported_and_the_rest_applied() -> None:
    body = ("quotes:\n  - quote: Russians\n    speaker: [a, b]\n  - quote: Russians\n    speaker: S\n"
            "notes: just text\npeople:\n  - {name: Nad}\nlinks:\n  - claim: x\n    other: y\n"
            "    relation: maybe\n")
    _, diags = apply(body + "frobnicate: 1\n")
    assert diags == ["articles/x.annotations.yaml:13: error: the corrections file: unknown key 'frobnicate' "
                     "(expected quotes, claims, notes, people, links); file ignored"]
    fixed, diags = apply(body)
    assert fixed.quotes[0].speaker == "S"
    lines = [int(d.split(":")[1]) for d in diags]
    assert lines == [3, 6, 8, 12]


def test_apply_corrections_reads_the_file(tmp_path: Path) -> None:
    side = tmp_path / "x.annotations.yaml"
    side.write_text("quotes:\n  - quote: Russians\n    speaker: Sergey Shoigu\n", encoding="utf-8")
    fixed, diags = apply_corrections(make_article(), side)
    assert fixed.quotes[0].speaker == "Sergey Shoigu" and diags == []
    side.write_bytes(b"\xff\xfe\x00bad")
    fixed, diags = apply_corrections(make_article(), side)
    assert fixed == make_article() and "cannot read" in str(diags[0])


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("quotes:claims notes- \n\t{}[]'\"#&*!|>%@`,?x1")), max_size=120))
def test_any_text_gives_diagnostics_never_an_exception(text: str) -> None:
    side, diags = parse_sidecar(text, "s.yaml")
    apply_sidecar(make_article(), side)
    assert all(d.path == "s.yaml" for d in diags)


def test_the_documented_example_reads_cleanly() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "corrections.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    side, diags = parse_sidecar(example, "example.yaml")
    assert diags == []
    counts = (len(side.quotes), len(side.claims_add), len(side.claims_remove), len(side.notes),
              len(side.people), len(side.links))
    assert counts == (2, 1, 1, 2, 2, 1)


def test_a_sidecar_nested_thousands_deep_is_ignored_with_a_message() -> None:
    fixed, diags = apply("[" * 5000 + "]" * 5000 + "\n")
    assert fixed.quotes == make_article().quotes
    assert diags == ["articles/x.annotations.yaml: error: not valid YAML: nested too deeply; file ignored"]
