"""Find quotations: spans between quotation marks in each paragraph."""

from __future__ import annotations

from newsarchive.extract.draft import Draft, QuoteDraft

_PAIRS = {"“": "”", "«": "»", "„": "“"}


def find_quotes(draft: Draft) -> None:
    """Add a QuoteDraft for each balanced pair of double quotation marks."""
    for para in draft.doc.paragraphs:
        if para.kind == "heading":
            continue
        text = para.text
        open_at: int | None = None
        open_mark = ""
        for i, ch in enumerate(text):
            if open_at is None and (ch in _PAIRS or ch == '"'):
                open_at, open_mark = i, ch
            elif open_at is not None and (ch == _PAIRS.get(open_mark) or (ch == '"' and open_mark == '"')):
                draft.quotes.append(QuoteDraft(para.index, open_at + 1, i, open_mark, ch))
                open_at = None
