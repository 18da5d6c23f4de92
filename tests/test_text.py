"""The word cutter the passes share for ASCII text: the same words as the patterns it replaces."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.extract.attribution.context import MASK, letters_apart
from newsarchive.extract.claims import _WORD, _words
from newsarchive.extract.claims_by import cues
from newsarchive.extract.text import LOWER_LETTERS, alternation, apart, spaces_but

# Letters, digits, apostrophes, the figures' marks, spaces and other ASCII, and the mask.
TEXT = st.text(alphabet=st.sampled_from("abzAZ09'’,. -\t\n!\"$%" + MASK), max_size=40)
ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=40)


@settings(max_examples=500)
@given(ASCII)
def test_apart_cuts_the_runs_of_the_kept_characters(text: str) -> None:
    assert apart(text, spaces_but("ab'")).split() == re.findall(r"[ab']+", text)
    assert apart(text, LOWER_LETTERS).split() == re.findall(r"[a-z]+", text.lower())


def test_apart_refuses_other_text() -> None:
    with pytest.raises(ValueError):
        apart("café", LOWER_LETTERS)


@settings(max_examples=500)
@given(TEXT)
def test_claims_words_are_the_patterns_words(text: str) -> None:
    low = text.lower()
    assert _words(low) == _WORD.findall(low)
    if not re.search(r"\d", low):
        assert _words(low, may_digit=False) == _WORD.findall(low)
        if low.isascii():
            assert _words(low, False, apart(low, spaces_but("abcdefghijklmnopqrstuvwxyz'"))) \
                == _WORD.findall(low)


@settings(max_examples=500)
@given(TEXT, st.integers(0, 40), st.integers(0, 40))
def test_a_masked_paragraphs_letters_slice_as_its_sentences_do(text: str, a: int, b: int) -> None:
    spaced = letters_apart(text)
    if spaced is None:
        assert not text.replace(MASK, "").isascii()
        return
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    assert spaced[a:b].split() == re.findall(r"[a-z]+", text[a:b].lower())


@settings(max_examples=300)
@given(ASCII)
def test_credit_test_as_the_lower_cased_letter_runs_say(text: str) -> None:
    c = cues()
    assert c.verb_heads is not None
    low = text.lower()
    expected = "according" in low or not c.verb_heads.isdisjoint(re.findall(r"[a-z]+", low))
    assert c.may_credit(text) == expected


WORD = st.text(alphabet=st.sampled_from("abcABC \u212a\u017fks.-"), min_size=1, max_size=5)
LEXICON = st.lists(WORD, min_size=1, max_size=12)
HAYSTACK = st.text(alphabet=st.sampled_from("abcABC \t\u212a\u017fkKsS.-x"), max_size=40)


def _plain(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _found(pattern: str, text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    compiled = re.compile(pattern)
    found = [(m.span(), m.groups()) for m in compiled.finditer(text)]
    # (and each place a caller may match from: longest first or not, the order decides)
    return found + [(m.span(), m.groups()) for i in range(len(text) + 1)
                    if (m := compiled.match(text, i)) is not None]


@settings(max_examples=500)
@given(LEXICON, HAYSTACK, st.booleans())
def test_an_alternation_grouped_by_first_letter_matches_as_the_plain_one(words: list[str], text: str,
                                                                          ignore_case: bool) -> None:
    around = ("(?i:({}))(?:\\b|s)" if ignore_case else "({})(?:\\b|s)").format
    assert _found(around(alternation(words, ignore_case)), text) == _found(around(_plain(words)), text)
    longest = sorted(words, key=len, reverse=True)
    assert _found(around(alternation(longest, ignore_case)), text) == _found(around(_plain(longest)), text)


def test_an_alternation_is_grouped_under_first_letters() -> None:
    assert alternation(["defence", "Defense", "foreign affairs", "home"], ignore_case=True) \
        == r"d(?:efence|efense)|foreign\s+affairs|home"
    assert alternation(["defence", "Defense", "foreign affairs"]) == r"defence|Defense|foreign\s+affairs"
    # (a word opened by a character that is not ASCII: under (?i:…) the Kelvin sign is a "k")
    assert alternation(["kilo", "\u212aelvin"], ignore_case=True) == "kilo|\u212aelvin"
