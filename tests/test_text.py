"""The word cutter the passes share for ASCII text: the same words as the patterns it replaces."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.extract.attribution.context import MASK, letters_apart
from newsarchive.extract.claims import _WORD, _words
from newsarchive.extract.claims_by import cues
from newsarchive.extract.text import LOWER_LETTERS, apart, spaces_but

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
