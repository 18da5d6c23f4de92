"""The one rule for a full stop that ends no sentence, which both sentence splitters ask: the
claims' (`claims_clauses.sentences`) and the attribution's (`attribution.context._sentences`).

A full stop after a short form ("Mr.", "Gov.", "Jan.", "Inc."), an initial ("Paul D. Ryan"), a
dotted form ("U.S.", "p.m.") or the sign of a number ("No. 4", "No. 10 Downing Street") ends no
sentence. The short forms are data: `claims.yaml` `abbreviations` (in lower case, known in their
capitalised and upper-case forms too) and the titles' and honorifics' short forms the entities
lexicon knows (`Lexicon.abbrevs`, as written: "Lady." ends no sentence, "the lady." does).
A US state's dotted short form (`claims.yaml` `state_abbreviations`: "D.C.", "N.J.") ends one
where a word that opens a clause ("He", "The") or a given name ("Roger") follows it.
"""

from __future__ import annotations

from newsarchive.extract.entities.lexicon import Lexicon
from newsarchive.lexicon import load_data

_OPENING = "(“\"'‘["

_known: list[tuple[object, Lexicon, frozenset[str]]] = []
_states: list[tuple[object, frozenset[str]]] = []

# Capitalised words that open a clause after a place's short form: pronouns, determiners and
# the prepositions and conjunctions a sentence opens with ("… Washington D.C. He recalled").
_CLAUSE_OPENERS = frozenset((
    "He", "She", "It", "They", "We", "I", "You", "There", "The", "A", "An", "This", "That", "These",
    "Those", "His", "Her", "Its", "Their", "Our", "My", "In", "On", "At", "After", "Before", "But",
    "And", "As", "When", "While", "If", "Since", "During", "For", "Then", "Now", "So", "Yet"))


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


def ends_no_sentence(word: str, after: str, forms: frozenset[str],
                     given: frozenset[str] = frozenset()) -> bool:
    """Return True where a full stop after `word` (the text since the last space, the stop left
    out) ends no sentence; `after`: the text right after the stop and the spaces past it (its
    first character is asked: "No. 4"; its first word after a state's short form: "N.J. Roger");
    `forms`: `known(lex)`; `given`: the given names (`Lexicon.given`)."""
    w = word.lstrip(_OPENING).rstrip(".")
    if "." in w and w.lower() in _state_forms():
        return not _opens_clause(after, given)
    return w in forms or (len(w) == 1 and w.isalpha()) or ("." in w and _dotted(w)) \
        or (w in ("No", "no") and after[:1].isdigit())


def _state_forms() -> frozenset[str]:
    """Return the states' dotted short forms in lower case, without their last stop ("n.j")."""
    data = load_data("claims")
    if not _states or _states[0][0] is not data:
        _states[:] = [(data, frozenset(str(a) for a in data.get("state_abbreviations") or ()))]
    return _states[0][1]


def _opens_clause(after: str, given: frozenset[str]) -> bool:
    """Return True where the first word of `after` opens a clause or is a given name."""
    first = after.split(None, 1)[:1]
    if not first:
        return False
    w = first[0].lstrip(_OPENING).rstrip(",.;:")
    return w in _CLAUSE_OPENERS or w in given


def _dotted(w: str) -> bool:
    """Return True for initials or a short form written with full stops ("U.S", "p.m", "H.W",
    "Ph.D"); not a web address ("bbc.co.uk"), a sum ("A$4.67") or a word after a bracket."""
    return all(0 < len(piece) <= 3 and piece.isalpha() for piece in w.split("."))
