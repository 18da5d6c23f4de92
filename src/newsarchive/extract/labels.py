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
        if entity.kind == "person" and key in (name.casefold(), *(a.casefold() for a in entity.aliases)):
            return name
    return office_holder(draft, label)
