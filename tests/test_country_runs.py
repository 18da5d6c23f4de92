"""The countries that speak are looked for among the runs of capitals the entities pass cuts
(`scan.country_matches`), not by a scan of every paragraph: the same matches, and so the same
sources, as the scan found."""

from __future__ import annotations

import dataclasses
import random

import pytest

from newsarchive.extract import extract
from newsarchive.extract.entities.lexicon import Lexicon, _country_words, get_lexicon
from newsarchive.extract.entities.scan import country_matches, find_runs
from newsarchive.load.reader import parse_document


def _spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Where the runs find a country, as the pass keeps them (not right after a letter)."""
    capitalised: list[tuple[int, str]] = []
    find_runs(text, 0, lex, capitalised)
    return [(m.start(), m.end()) for m in country_matches(text, capitalised, lex) if _opens(text, m.start())]


def _scanned(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    assert lex.country is not None
    return [(m.start(), m.end()) for m in lex.country.finditer(text) if _opens(text, m.start())]


def _opens(text: str, start: int) -> bool:
    return not (start and (text[start - 1].isalnum() or text[start - 1] in "'’-"))


TEXTS = [
    "Russia insisted that Pyongyang stop. “We will not move,” said China.",
    "Officials in North Korea and South Korea said so; the Ukrainian air force said it shot them down.",
    "He said.Russia insisted on it, as did_China and AT&T or Russia&Ukraine.",
    "The Russia-Ukraine war, Russia's army, Russia' and xSouth Korea, Chad. Mr. Chad.",
    "North\u00a0Korea said, and South\u00a0Korean officials said, the U.S.Russia talks ended.",
    "Bank of England and Bank of Russia said; Russia, Ukraine and France said.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_runs_find_the_countries_the_scan_finds(text: str) -> None:
    lex = get_lexicon()
    assert lex.country_words
    assert _spans(text, lex) == _scanned(text, lex)


def test_the_runs_find_the_countries_in_any_mix_of_names_and_marks() -> None:
    lex = get_lexicon()
    names = sorted({*lex.countries, *lex.countries.values()})
    pieces = [*names, " ", ".", "_", "&", "'", "’", "-", "x", "said", " of ", "\u00a0", "U.S.", "Gen.", ",",
              "AT&T"]
    rng = random.Random(23)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert _spans(text, lex) == _scanned(text, lex), text


def test_names_of_other_shapes_are_scanned_for() -> None:
    # ("Guinea-Bissau": a hyphen; "Korea" after "North Korea": a later word opening a name)
    assert _country_words({"Guinea-Bissau", "Russia"}) == frozenset()
    assert _country_words({"North Korea", "Korea"}) == frozenset()
    assert _country_words({"North Korea", "Russia"}) == {"North", "North.", "Russia", "Russia."}
    lex = dataclasses.replace(get_lexicon(), country_words=frozenset())
    text = "He said.Russia insisted, and North Korea said so."
    assert [m.group() for m in country_matches(text, [], lex)] == ["Russia", "North Korea"]


def test_a_country_right_after_a_full_stop_still_speaks() -> None:
    # (no run of capitals starts right after a full stop; the scan found it there)
    article = extract(parse_document("Headline for a case\n\nTalks ended.Russia insisted that "
                                     "Kyiv \"stop its dangerous escapades.\"", "case.txt"))
    assert [q.speaker for q in article.quotes] == ["Russia"]
