"""The extraction pipeline: named passes run in order over one article's `Draft`.

Like markdown-it-py's core ruler, each pass is one function in its own module; they can be listed
(`newsarchive extract --list-passes`), switched off (`--skip NAME`) and tested one by one.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence

from newsarchive.extract import attribution, claims, entities, quotes
from newsarchive.extract.draft import Draft
from newsarchive.extract.finish import finish
from newsarchive.extract.markup import plain_view
from newsarchive.records import Article, Document

Pass = Callable[[Draft], None]

PASSES: list[tuple[str, Pass]] = [
    ("quotes", quotes.find_quotes),
    ("entities", entities.find_entities),
    ("attribution", attribution.attribute),
    ("claims", claims.find_claims),
]


def extract(doc: Document, skip: Iterable[str] = ()) -> Article:
    """Run every pass not in `skip` over the document and return the finished Article."""
    skipped = set(skip)
    draft = Draft(plain_view(doc), source=doc)
    # The passes make many small objects and no cycles, which reference counting frees. The cyclic
    # collector would sweep them every 700 allocations for nothing (~5 % of the time of a typical
    # article), and on a huge article its full sweeps grow with their number, making the cost
    # super-linear. Pause it for the article; it runs again on the first allocation after.
    pause = gc.isenabled()
    if pause:
        gc.disable()
    try:
        for name, run in PASSES:
            if name not in skipped:
                run(draft)
        return finish(draft)
    finally:
        if pause:
            gc.enable()


GROUP = 64
"""How many articles `extract_many` takes through each pass in turn."""


def extract_many(docs: Sequence[Document], skip: Iterable[str] = ()) -> list[Article | Exception]:
    """Return, for each document in order, its Article or the exception extracting it raised.

    The results are `extract`'s, one document at a time. Each pass runs over a group of articles
    before the next pass starts: one pass's code and lexicons stay in the processor's caches,
    where the four passes' together do not (about 8 % less time over the BBC corpus; the build's
    workers extract their batches this way). An article whose pass raises is left out of the
    passes after it; the others go on.
    """
    skipped = set(skip)
    passes = [run for name, run in PASSES if name not in skipped]
    out: list[Article | Exception] = []
    for first in range(0, len(docs), GROUP):
        out += _extract_group(docs[first : first + GROUP], passes)
    return out


def _extract_group(docs: Sequence[Document], passes: list[Pass]) -> list[Article | Exception]:
    drafts: list[Draft | Exception] = [Draft(plain_view(doc), source=doc) for doc in docs]
    pause = gc.isenabled()  # (paused as in `extract`, for the group)
    if pause:
        gc.disable()
    try:
        for run in passes:
            for i, draft in enumerate(drafts):
                if isinstance(draft, Draft):
                    try:
                        run(draft)
                    except Exception as exc:  # (handed back: the caller reports it)
                        drafts[i] = exc
        out: list[Article | Exception] = []
        for draft in drafts:
            if isinstance(draft, Draft):
                try:
                    out.append(finish(draft))
                except Exception as exc:
                    out.append(exc)
            else:
                out.append(draft)
        return out
    finally:
        if pause:
            gc.enable()
