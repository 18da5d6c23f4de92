"""The attribution pass: who said each quote, and whether it is speech at all.

An ordered list of small sieves (`sieves.SIEVES`) settles each quote; then its kind is set:
"scare" where nobody is reported as saying it, otherwise "direct" for a full utterance and
"partial" for a fragment woven into the writer's sentence.
"""

from __future__ import annotations

from newsarchive.extract.attribution.context import build_context, lede_only
from newsarchive.extract.attribution.sieves import SIEVES, joined, speech_kind
from newsarchive.extract.draft import Draft

__all__ = ["SIEVES", "attribute", "speech_kind"]


def attribute(draft: Draft) -> None:
    """Set each quote's speaker, cue and kind."""
    if not draft.quotes:
        # (the claims pass still credits "…, the Health Secretary has said" by the lede's holder)
        draft.lede = lede_only(draft)
        return
    ctx = build_context(draft)
    for q in sorted(draft.quotes, key=lambda q: (q.paragraph, q.start)):
        for _name, sieve in SIEVES:
            if sieve(ctx, q):
                break
        if q.kind != "scare" and q.cue != "split":  # a split quotation's halves share a kind
            q.kind = speech_kind(draft.text(q))
    joined(ctx, draft.quotes)
