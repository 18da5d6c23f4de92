"""The evidence a hearing heard: "… had been “doing everything right”, an inquest has heard."

A court report's quotation in a sentence whose only cue is the hearing that heard it ("the court
heard", "the jury was told") is evidence someone gave whom the sentence leaves unnamed: speech by
nobody named, not a term in quotation marks. The hearings are data, `cues.yaml` `hearings`.
"""

from __future__ import annotations

from newsarchive.extract.attribution.context import Context
from newsarchive.extract.draft import QuoteDraft


def heard(ctx: Context, q: QuoteDraft) -> bool:
    """Settle a quotation whose sentence says a hearing heard it as speech by nobody named."""
    pattern = ctx.cues.heard_re
    if pattern is None:
        return False
    start, end = ctx.sentence_of(q.paragraph, max(q.start - 1, 0))
    end = max(end, ctx.sentence_of(q.paragraph, max(q.end - 1, q.start))[1])
    if pattern.search(ctx.masked[q.paragraph], start, end) is None:
        return False
    q.speaker = None
    q.cue = "unnamed"
    q.kind = "direct"
    return True
