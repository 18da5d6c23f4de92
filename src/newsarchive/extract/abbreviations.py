"""The one rule for a full stop that ends no sentence, which both sentence splitters ask: the
claims' (`claims_clauses.sentences`) and the attribution's (`attribution.context._sentences`).

A full stop after a short form ("Mr.", "Gov.", "Jan.", "Inc."), an initial ("Paul D. Ryan"), a
dotted form ("U.S.", "p.m.") or the sign of a number ("No. 4", "No. 10 Downing Street") ends no
sentence. The short forms are data: `claims.yaml` `abbreviations` (in lower case, known in their
capitalised and upper-case forms too) and the titles' and honorifics' short forms the entities
lexicon knows (`Lexicon.abbrevs`, as written: "Lady." ends no sentence, "the lady." does).
"""

from __future__ import annotations

from newsarchive.extract.entities.lexicon import Lexicon
from newsarchive.lexicon import load_data

_OPENING = "(“\"'‘["

_known: list[tuple[object, Lexicon, frozenset[str]]] = []


def known(lex: Lexicon) -> frozenset[str]:
    """Return the short forms whose full stop ends no sentence, as written (made again when a
    user's lexicon changes the data)."""
    data = load_data("claims")
    if _known and _known[0][0] is data and _known[0][1] is lex:
        return _known[0][2]
    words = {str(a) for a in data.get("abbreviations") or ()}
    forms = frozenset({f for w in words for f in (w, w.capitalize(), w.upper())} | lex.abbrevs)
    _known[:] = [(data, lex, forms)]
    return forms


def ends_no_sentence(word: str, after: str, forms: frozenset[str]) -> bool:
    """Return True where a full stop after `word` (the text since the last space, the stop left
    out) ends no sentence; `after`: the text right after the stop and the spaces past it (its
    first character is asked: "No. 4"); `forms`: `known(lex)`."""
    w = word.lstrip(_OPENING).rstrip(".")
    return w in forms or (len(w) == 1 and w.isalpha()) or ("." in w and _dotted(w)) \
        or (w in ("No", "no") and after[:1].isdigit())


def _dotted(w: str) -> bool:
    """Return True for initials or a short form written with full stops ("U.S", "p.m", "H.W",
    "Ph.D"); not a web address ("bbc.co.uk"), a sum ("A$4.67") or a word after a bracket."""
    return all(0 < len(piece) <= 3 and piece.isalpha() for piece in w.split("."))
