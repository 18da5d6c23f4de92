"""The one rule for a full stop that ends no sentence, shared by both sentence splitters."""

from __future__ import annotations

import pytest

from newsarchive.extract.abbreviations import ends_no_sentence, known
from newsarchive.extract.attribution.context import _sentences
from newsarchive.extract.claims_clauses import sentences
from newsarchive.extract.entities import get_lexicon

# (text, the sentences it holds)
CASES = [
    ("Mr. Smith went to Washington. He stayed a week.", 2),
    ("The song debuted at No. 4 on the chart. It fell later.", 2),
    ("Sales rose on Jan. 5 and fell again. Shares closed lower.", 2),
    ("Former president George H.W. Bush won in 1988. He lost in 1992.", 2),
    ("It is on the U.S. market. Prices fell.", 2),
    ("Sens. Ted Cruz and Marco Rubio spoke. Both left early.", 2),
    ("The case of Roe v. Wade was cited. The judge agreed.", 2),
    ("Shares closed at A$4.67. The decline came despite profits.", 2),
    ("They launched a website called example.com. The name says it all.", 2),
    ("The answer was no. Then he left.", 2),
    ("Gov. Chris Christie said so. He left.", 2),
    # (a state's short form ends a sentence before a word that opens a clause or a given name,
    # not before a title or a body's name)
    ("He spoke in Washington D.C. He recalled the war.", 2),
    ("The moves were made at his club in Bedminster, N.J. Roger Ailes also met him.", 2),
    ("He met N.J. Gov. Chris Christie there. They spoke.", 2),
    ("It went to the D.C. Circuit court in May. The judge agreed.", 2),
]


@pytest.mark.parametrize(("text", "count"), CASES, ids=[c[0][:40] for c in CASES])
def test_both_splitters_cut_alike(text: str, count: int) -> None:
    lex = get_lexicon()
    claims = sentences(text)
    attribution = [(a, b) for a, b in _sentences(text, lex, frozenset()) if text[a:b].strip()]
    assert len(claims) == count, [text[a:b] for a, b in claims]
    assert len(attribution) == count, [text[a:b] for a, b in attribution]


def test_the_rule() -> None:
    forms = known(get_lexicon())
    assert ends_no_sentence("Mr", "S", forms) and ends_no_sentence("(Gov", "C", forms)
    assert ends_no_sentence("No", "4", forms) and not ends_no_sentence("no", "T", forms)
    assert ends_no_sentence("U.S", "m", forms) and ends_no_sentence("D", "R", forms)
    assert not ends_no_sentence("A$4.67", "T", forms) and not ends_no_sentence("example.com", "T", forms)
    assert not ends_no_sentence("lady", "T", forms) and ends_no_sentence("Lady", "T", forms)
