"""Who a transcript's speaker's label stands for ("Spokesperson: …", "MICHAEL ODUYA: …")."""

from __future__ import annotations

import re

from newsarchive.extract.draft import Draft
from newsarchive.extract.entities.lexicon import get_lexicon
from newsarchive.extract.text import SPEAKER_LABEL


def office_holder(draft: Draft, label: str) -> str | None:
    """Return the one person the article gives the office a label names ("Spokesperson: …" under
    "a transcript of today's briefing by Stéphane Delacroix, Spokesperson for the
    Secretary-General"), or None: a role word beside a mention of theirs, or among their roles."""
    word = label.casefold()
    if word not in get_lexicon().roles:
        return None
    beside = re.compile(rf",\s+(?:the\s+)?{re.escape(word)}\b", re.IGNORECASE)
    found = set()
    paragraphs = draft.doc.paragraphs
    for name, entity in draft.entities.items():
        if entity.kind != "person":
            continue
        if any(word in role.casefold().split() for role in entity.roles) or any(
                beside.match(paragraphs[m.span.paragraph].text, m.span.end) for m in entity.mentions):
            found.add(name)
    return next(iter(found)) if len(found) == 1 else None


def labelled_speaker(draft: Draft, paragraph: int) -> str | None:
    """Return the person whose label opens a paragraph ("Spokesperson: As I said yesterday, …"),
    where the article names them; else None."""
    m = SPEAKER_LABEL.match(draft.doc.paragraphs[paragraph].text)
    label = m.group("name") if m is not None else None
    if not label:
        return None
    key = label.casefold()
    for name, entity in draft.entities.items():
        # (no starred generator in a tuple here: mypyc cannot compile it)
        if entity.kind == "person" and (name.casefold() == key
                                        or any(a.casefold() == key for a in entity.aliases)):
            return name
    return office_holder(draft, label)


def _unnamed_label(text: str) -> bool:
    """Return True for a paragraph an interview's "Q: " or "A: " opens."""
    m = SPEAKER_LABEL.match(text)
    return m is not None and not m.group("name")


def answerer(draft: Draft, paragraph: int) -> str | None:
    """Return who answers in an interview's "A: " paragraph: the one person named in the
    paragraph that leads into the questions and answers ("Here is what Doyle told his post-match
    news conference:", "Its architect, Julian Ferreira, now 71, met me …"); else None."""
    paragraphs = draft.doc.paragraphs
    text = paragraphs[paragraph].text
    if not text.startswith("A") or not _unnamed_label(text):
        return None
    # (the paragraph before the interview's first question, the text's first label; a "Q: " line
    # may read as a heading)
    first = _first_label(draft)
    if first is None or first == 0 or first > paragraph or not paragraphs[first].text.startswith("Q"):
        return None
    i = first - 1
    named = {name for name, entity in draft.entities.items()
             if entity.kind == "person" and any(m.span.paragraph == i for m in entity.mentions)}
    return next(iter(named)) if len(named) == 1 else None


_first_cache: list[tuple[Draft, int | None]] = []


def _first_label(draft: Draft) -> int | None:
    """Return the first paragraph an unnamed label opens (kept for the article's next answer:
    a transcript has hundreds)."""
    if not _first_cache or _first_cache[0][0] is not draft:
        first = next((p.index for p in draft.doc.paragraphs if _unnamed_label(p.text)), None)
        _first_cache[:] = [(draft, first)]
    return _first_cache[0][1]
