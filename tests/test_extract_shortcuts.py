"""The shortcuts the extraction passes take for speed give what the long way gives.

Each test pins what a shortcut relies on: a run's joined words (the split plans' key), a draft's
paragraph texts read once, a quotation's word count cut short, the mentions' sort keys kept beside
them, an entity's one mention left unsorted, a clause's figures cut from its plain words, the
numbered bodies looked for near digits only, the capitalised runs' pattern written for the engine
(a look-ahead before the abbreviations, groups unrolled, an ASCII form), the pattern of someone
unnamed opened on a letter, the first place someone is brought in unnamed looked for only in
paragraphs holding the head, a speech verb of one word taken where it stands whole without asking
its pattern, the patterns about a name each asked only where the characters beside the name
allow a match (entities' evidence).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.extract import extract
from newsarchive.extract.attribution.context import build_context, cue_words, find_cue_words
from newsarchive.extract.attribution.holders import _unnamed_before, unnamed_re
from newsarchive.extract.attribution.sieves import SHORT, _short
from newsarchive.extract.claims import _WORD_ASCII, _words_and_figures
from newsarchive.extract.draft import Draft, QuoteDraft
from newsarchive.extract.entities import find_entities, get_lexicon
from newsarchive.extract.entities.evidence import (
    _AGE,
    _APPOSITIVE,
    _CAMEL,
    _DASH_CREDIT,
    _DASHES,
    _PLACED,
    _PLURAL_VERB,
    _ROLE_OF,
    _SCORE,
    _camel_case,
    _plural_verb_at,
    past_spaces,
)
from newsarchive.extract.entities.lexicon import numbered_in
from newsarchive.extract.entities.scan import (
    _BULLETS,
    _STARTERS,
    CONNECTORS,
    UPPER,
    _abbreviation_ahead,
    _run_re,
    find_runs,
    initial_at,
)
from newsarchive.extract.quotes import find_quotes
from newsarchive.load.reader import parse_document

TEXT = (
    "Headline\n\n"
    "Prime Minister Tony Blair's\u00a0spokesman said the British Bankers' Association and "
    'Ferdinand "Bongbong" Marcos Jr. met Mr Brown\u00a0Smith of the Bank of England.\n\n'
    "“It is a good day,” said Mr Blair. Blair's “new” plan was “a plan for four words”, "
    "said Gordon Brown, the Chancellor, and “Labour” agreed.\n"
)


def test_run_text_is_its_words_joined() -> None:
    """Every run, however it was cut (no-break spaces, possessives, a nickname), knows its
    words joined by single spaces: how a run splits is cached under it."""
    doc = parse_document(TEXT, "x.txt")
    runs = [r for para in doc.paragraphs for r in find_runs(para.text, para.index, get_lexicon())]
    assert len(runs) >= 8
    assert any(r.possessive for r in runs) and any("Bongbong" not in r.text and "Marcos" in r.text
                                                     and "Ferdinand" in r.text for r in runs)
    for run in runs:
        assert run.text == " ".join(run.words)
        assert "\u00a0" not in run.text


def test_draft_text_reads_each_paragraph_once() -> None:
    """A draft's quotation text is its paragraph's slice, from texts read once."""
    doc = parse_document(TEXT, "x.txt")
    draft = Draft(doc)
    find_quotes(draft)
    assert draft.texts is None and draft.quotes
    for q in draft.quotes:
        assert draft.text(q) == doc.paragraphs[q.paragraph].text[q.start:q.end]
    assert draft.texts == [p.text for p in doc.paragraphs]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\nab’.", max_size=40))
def test_short_counts_words_as_split_does(text: str) -> None:
    """`_short` cuts at most SHORT + 1 words and says what counting them all says."""
    draft = Draft(parse_document("Headline\n\nx\n", "x.txt"))
    ctx = build_context(draft)
    draft.texts = [text]  # (the quotation's paragraph: all `_short` reads)
    q = QuoteDraft(0, 0, len(text), "“", "”")
    assert _short(ctx, q) == (len(text.split()) <= SHORT)


def test_named_keys_bisect_as_the_mentions() -> None:
    """The context's (paragraph, start) keys are its mentions', in the same order."""
    doc = parse_document(TEXT, "x.txt")
    draft = Draft(doc)
    find_quotes(draft)
    find_entities(draft)
    ctx = build_context(draft)
    assert ctx.named
    assert ctx.named_keys == [(n.paragraph, n.start) for n in ctx.named]
    for n in ctx.named:
        i = bisect_left(ctx.named_keys, (n.paragraph, n.start))
        assert (ctx.named[i].paragraph, ctx.named[i].start) == (n.paragraph, n.start)
        assert n in ctx.named_at(n.paragraph, n.start, n.end)


def test_mentions_in_text_order() -> None:
    """Every person's and source's mentions come out in text order, one or many."""
    article = extract(parse_document(TEXT, "x.txt"))
    entities = [*article.people, *article.sources]
    assert any(len(e.mentions) == 1 for e in entities) and any(len(e.mentions) > 1 for e in entities)
    for e in entities:
        keys = [(m.span.paragraph, m.span.start) for m in e.mentions]
        assert keys == sorted(keys)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abzXY09',.-; \n$%\"", max_size=60))
def test_words_and_figures_as_the_pattern_finds_them(text: str) -> None:
    """A clause with a figure is cut into the words and figures `_WORD_ASCII` finds."""
    assert _words_and_figures(text) == _WORD_ASCII.findall(text)


_NUMBERED_PIECES = ["The ", "BBC", " Radio ", "4", "5", " Live", "Channel", "1", "2", "0", "th Century Fox",
                    "G", "7", "-", ".", ",", "x", " ", "No", ". 10", "MI", "6", "\u00a0", "T", "he", "ITV",
                    "News24", " Radio 5 Live", "2005", "1998 ", "0.5", "BBC Radio 4"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NUMBERED_PIECES), max_size=20))
def test_numbered_in_finds_what_finditer_finds(pieces: list[str]) -> None:
    """The numbered bodies' pattern, tried only near runs of digits and as far past them as a match
    reads, finds what it finds tried everywhere."""
    lex = get_lexicon()
    assert lex.numbered is not None
    text = "".join(pieces)
    assert [m.span() for m in numbered_in(lex, text)] == [m.span() for m in lex.numbered.finditer(text)]


_UNNAMED_PIECES = ["a", "A", "an", "An", "one", "One", "another", "Another", "o", "n", "e", " ", "  ", "\n",
                   "x", "_", "1", "-", "’", "'", "é", "senior", "spokesman", "spokesmen", "official",
                   ".", ",", "Ba", "Co"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_UNNAMED_PIECES), max_size=16), st.sampled_from(["spokesman", "official"]))
def test_unnamed_pattern_finds_what_the_plain_one_finds(pieces: list[str], head: str) -> None:
    """The pattern of someone unnamed, opened on a letter with look-behinds for its `\\b`, finds
    the same spans as written plainly."""
    plain = re.compile(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){{0,2}}?{head}\b")
    text = "".join(pieces)
    assert [m.span() for m in unnamed_re(head).finditer(text)] == [m.span() for m in plain.finditer(text)]
    for pos in range(len(text)):
        found, expected = unnamed_re(head).search(text, pos), plain.search(text, pos)
        assert (found and found.span()) == (expected and expected.span())


def test_unnamed_before_finds_the_first_paragraph_with_the_head() -> None:
    """The first place someone is brought in unnamed is found past paragraphs without the head,
    and a paragraph with the head but no such place does not stop the search."""
    doc = parse_document(
        "Headline\n\nThe mayor spoke first.\n\nThe spokesman for the mayor was there.\n\n"
        "Later a senior spokesman said it was over.\n\n“No,” the spokesman said.\n",
        "t.txt")
    draft = Draft(doc)
    find_quotes(draft)
    find_entities(draft)
    ctx = build_context(draft)
    last = len(ctx.masked) - 1
    assert _unnamed_before(ctx, last, 0, "spokesman")
    assert ctx.unnamed_first["spokesman"][0] == last - 1
    assert not _unnamed_before(ctx, last, 0, "official")
    assert ctx.unnamed_first["official"] == (len(ctx.masked), 0)


_CUE_PIECES = ["said", "Said", "SAID", "says", "told", "added", "according", " to", "went", " on", "wrote",
               " ", ". ", ", ", "1", "_", "é", "x", "Mr Smith", "\u00b7", "\u201c", "\u201d", "-", "'", "\n",
               "K", "\u212a", "\u017f", "İ", "ed"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=14), st.integers(0, 3), st.integers(0, 3))
def test_cue_words_of_one_word_as_their_patterns_find_them(pieces: list[str], cut: int, trim: int) -> None:
    """A speech verb of one word is taken where it stands whole without its pattern being asked
    (`CueWords.lone`): the same places and words as every pattern asked."""
    text = "".join(pieces)
    start, end = min(cut, len(text)), max(min(cut, len(text)), len(text) - trim)
    cues = cue_words()
    assert "said" in cues.lone
    plain = replace(cues, lone=frozenset())
    found = [(w.start(), w.end(), w.group()) for w in find_cue_words(cues, text, start, end)]
    assert found == [(w.start(), w.end(), w.group()) for w in find_cue_words(plain, text, start, end)]


def test_a_colon_verb_is_a_cue_only_before_a_colon_and_a_quotation() -> None:
    """"He did, however, admit: “…”" holds a cue (`cues.yaml` `colon_verbs`); "wanted to admit
    250,000 Syrians" and "admit: the figures" do not."""
    cues = cue_words()
    text = "He did, however, admit: \u201c\u00b7\u00b7\u00b7\u201d"
    assert [(w.start(), w.end(), w.group()) for w in find_cue_words(cues, text, 0, len(text))] \
        == [(17, 22, "admit")]
    for plain in ("Mr Cameron wanted to admit 250,000 Syrians.", "They admit: the figures were wrong.",
                  "He made his claim: \u201c\u00b7\u00b7\u201d",
                  "Sanders delivered a snappy claim: \u201c\u00b7\u201d"):
        assert find_cue_words(cues, plain, 0, len(plain)) == []


def _plain_run_re(abbrevs: frozenset[str]) -> re.Pattern[str]:
    """The capitalised runs' pattern written plainly: every abbreviation in one alternation after
    the capital, no look-ahead, no group unrolled (`scan._run_re` must match as this does)."""
    dotted = "|".join(sorted((re.escape(a) for a in abbrevs), key=len, reverse=True))
    first = (rf"(?=[{UPPER}])(?:(?:{dotted})\.(?![{UPPER}]\.)|[{UPPER}]\.(?:[{UPPER}]\.)*"
             rf"|[{UPPER}][\w]*(?:[’'\-][\w]+|&[{UPPER}]\w*)*[’']?)")
    prefixed = rf"(?:al-|el-|d[’'])[{UPPER}][\w]*(?:[’'\-][\w]+)*[’']?"
    conn = "|".join(re.escape(c) for c in CONNECTORS)
    head = (rf"(?<![\w’\-.])(?<![\w.]')(?:(?:{dotted})\.(?![{UPPER}]\.)|[{UPPER}]\.(?:[{UPPER}]\.)*"
            rf"|[{UPPER}][\w]*(?:[’'\-][\w]+|&[{UPPER}]\w*)*[’']?)")
    return re.compile(rf"(?=[{UPPER}]){head}(?:[ \u00a0](?:(?:{conn})[ \u00a0])*(?:{first}|{prefixed}))*")


_RUN_PIECES = ["Tan", " Sri", "Sri", "Datuk", " Seri", "Dr", "Mr", "M", "A", ".", " ", "\u00a0", "of",
               " the ", "O'", "Brien", "’s", "'", "-", "Smith", "AT", "&", "T", "al-", "Assad", "d’", "x",
               ",", " said", "\"", "Co", "Lt.Col", "Lt", "Col", "(", "do", "Sérgio", "Ž"]

@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=16))
def test_run_pattern_matches_as_written_plainly(pieces: list[str]) -> None:
    """The runs' pattern (a look-ahead before the abbreviations, groups mostly absent unrolled;
    its ASCII form on ASCII text) matches where the plain one does, with the lexicon's
    abbreviations and with one holding a full stop (then no look-ahead)."""
    text = "".join(pieces)
    for abbrevs in (get_lexicon().abbrevs, frozenset(("Dr", "Lt", "Lt.Col", "Tan Sri", "Co"))):
        plain = [m.span() for m in _plain_run_re(abbrevs).finditer(text)]
        assert [m.span() for m in _run_re(abbrevs).finditer(text)] == plain
        if text.isascii():  # (and the pattern for ASCII text alone)
            assert [m.span() for m in _run_re(abbrevs, True).finditer(text)] == plain


def test_run_pattern_keeps_its_look_ahead_beside_honorifics_of_several_words() -> None:
    """An honorific of several words ("Tan Sri") leaves the abbreviations a look-ahead (without
    it each capital tries every letter's abbreviations: the scan ~1.17x the instructions)."""
    assert _abbreviation_ahead(frozenset(("Dr", "Tan Sri", "Datuk Seri"))) \
        == r"(?=\w*+(?:\.|\ (?:Seri|Sri)\.))"
    assert _abbreviation_ahead(frozenset(("Dr", "Mr"))) == r"(?=\w*\.)"
    assert _abbreviation_ahead(frozenset(("Dr", "Lt.Col"))) == ""
    pattern = _run_re(frozenset(("Dr", "Tan Sri"))).pattern
    assert r"(?=\w*+(?:\.|\ (?:Sri)\.))" in pattern


def _initial_at_sliced(text: str, start: int) -> bool:
    """`initial_at` as written before it read the characters in place: a slice, stripped."""
    before = text[max(0, start - 4):start].rstrip()
    if not before:
        return _initial_at_sliced(text, start - 4) if start >= 4 else True
    last = before[-1]
    if last in _STARTERS:
        return True
    if last in _BULLETS and not text[:start].rstrip()[:-1].strip():
        return True
    return last in "\"”’)" and len(before) > 1 and before[-2] in ".!?"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=" \n\t.!?\"”’)(-•aB", max_size=24), st.integers(min_value=0, max_value=30))
def test_initial_at_as_the_sliced_form(text: str, start: int) -> None:
    """`initial_at` reads the characters before a run in place as its slice-and-strip form did,
    past the text's end too."""
    assert initial_at(text, start) == _initial_at_sliced(text, start)


_BESIDE_PIECES = [" ", "  ", "\t", "\n", "\u00a0", ",", ", ", ",  ", "a", "an", "the", "his", "one of",
                  "Smith's", "are", "were", "have", "haven", "from", "of", "at", "said", "director", "Ltd",
                  "12", "٣", "6-3", "—", "―", "–", "--", "-", "”", "\"", "’", ".", "Mr", "x"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_BESIDE_PIECES), max_size=14), st.integers(min_value=0, max_value=40))
def test_person_patterns_match_only_where_their_quick_tests_allow(pieces: list[str], at: int) -> None:
    """Each quick test `person_roles` and its helpers ask before a pattern holds wherever the
    pattern matches: the test only spares calls, it loses no match."""
    text = "".join(pieces)
    word = past_spaces(text, at + 1)
    first = text[word:word + 1] if word >= 0 else ""
    if _APPOSITIVE.match(text, at):
        assert word > 0 and (first in "atho" or "A" <= first <= "Z")
    if _ROLE_OF.match(text, at):
        assert word > 0 and "a" <= first <= "z"
    if _AGE.match(text, at):
        assert word > 0 and first.isdecimal()
    if _PLACED.match(text, at, at + 90):
        assert text.startswith(",", at) and word > 0 and text.startswith(("from", "of", "at"), word)
    if _SCORE.match(text, at):
        assert text[at + 1:at + 2].isdecimal()
    if _DASH_CREDIT.search(text, max(0, at - 6), at):
        assert text[max(0, at - 6):at].rstrip().endswith(_DASHES)
    assert _plural_verb_at(text, at) == (_PLURAL_VERB.match(text, at) is not None)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aBcZzéÉ", max_size=8))
def test_camel_case_as_its_pattern(word: str) -> None:
    """`_camel_case` skips its search for a word with no capital past its third letter."""
    assert _camel_case(word) == (_CAMEL.search(word) is not None and not word.startswith(("Mac", "Fitz")))


def test_past_spaces() -> None:
    """`past_spaces` gives where a run of spaces ends, -1 where none starts."""
    assert [past_spaces(t, 2) for t in ("a, b", "a,  \tb", "a,b", "a,", "a, ")] == [3, 5, -1, -1, 3]

