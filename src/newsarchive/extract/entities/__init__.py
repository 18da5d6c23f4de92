"""The entities pass: every named person, outlet and organisation, under its canonical name.

Runs of capitalised words are split into bodies (known outlets and organisations, or names
ending in "Institute", "Party", …), titles and name candidates. A candidate is a person where
the text shows it: a title or honorific, a known given name, a role or description beside it, a
speech verb beside it ("Nad said"), or an earlier full name it shortens. Short and possessive
forms fold into the fullest form; every surface form is kept as an alias.
"""

from __future__ import annotations

from newsarchive.extract.draft import Draft
from newsarchive.extract.entities.classify import Piece, split_run
from newsarchive.extract.entities.evidence import cue_adjacent, gender, person_roles
from newsarchive.extract.entities.lexicon import Lexicon, get_lexicon
from newsarchive.extract.entities.registry import Registry
from newsarchive.extract.entities.scan import find_runs
from newsarchive.records import Paragraph, Span

__all__ = ["find_entities", "gender", "get_lexicon"]

_BODY_PARAGRAPHS = ("text", "standfirst")


def find_entities(draft: Draft) -> None:
    """Fill `draft.entities` with the people, outlets and organisations the body names."""
    lex = get_lexicon()
    registry = Registry(lex.given)
    later: list[tuple[Paragraph, Piece]] = []
    for para in draft.doc.paragraphs:
        if para.kind not in _BODY_PARAGRAPHS:
            continue
        previous: Piece | None = None
        for run in find_runs(para.text, para.index, lex):
            for piece in split_run(run, para.text, lex):
                if piece.kind == "body" and len(piece.words) == 1 and piece.words[0] in lex.ambiguous \
                        and registry.find_person(piece.words) is not None:
                    # "Fox said" after "Liam Fox": the person, not Fox News.
                    registry.add_person(piece.words, piece.surface, _span(draft, para, piece), [])
                elif piece.kind == "body" and piece.body is not None:
                    registry.add_body(piece.body.name, piece.body.kind, piece.surface,
                                      _span(draft, para, piece), _body_roles(para.text, piece, lex))
                elif piece.kind == "name" and not _add_person(
                        draft, registry, para, piece, _title_before(para.text, previous, piece), lex):
                    later.append((para, piece))
                previous = piece
    # Short forms met before any evidence ("Putin" in the first line, "Vladimir Putin" later).
    for para, piece in later:
        known = registry.find_person(piece.words) if len(piece.words) <= 2 else None
        if known is not None:
            registry.add_person(piece.words, piece.surface, _span(draft, para, piece), [])
    draft.entities.update(registry.entities)


def _add_person(draft: Draft, registry: Registry, para: Paragraph, piece: Piece, title_before: str | None,
                lex: Lexicon) -> bool:
    is_person, roles = person_roles(piece, para.text, title_before, lex)
    if len(piece.words) == 1 and piece.words[0].isupper() and len(piece.words[0]) > 1 \
            and cue_adjacent(para.text, piece.start, piece.end):
        # An acronym that speaks ("the IADB said") is a body the text cites.
        registry.add_body(piece.words[0], "organisation", piece.surface, _span(draft, para, piece), [])
        return True
    if not is_person:
        known = registry.find_person(piece.words) if len(piece.words) <= 2 else None
        if known is None:
            return False
    registry.add_person(piece.words, piece.surface, _span(draft, para, piece), roles)
    return True


def _title_before(text: str, previous: Piece | None, piece: Piece) -> str | None:
    """Return the title standing before a name across a comma ("Defence Minister, Sergey Shoigu")."""
    if previous is None or previous.kind != "title":
        return None
    if text[previous.end:piece.start].strip() not in (",", ""):
        return None
    return " ".join(t.rstrip(".") for t in previous.title)


def _body_roles(text: str, piece: Piece, lex: Lexicon) -> list[str]:
    """Return a description written beside a body ("Carnegie Moscow Center think-tank")."""
    after = text[piece.end:piece.end + 30].split()
    if after:
        word = after[0].strip(",.;:").lower()
        if word in lex.type_words:
            return [word]
    return []


def _span(draft: Draft, para: Paragraph, piece: Piece) -> Span:
    return Span(para.index, piece.start, piece.end, draft.line_at(para, piece.start))
