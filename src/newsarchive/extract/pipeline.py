"""The extraction pipeline: named passes run in order over one article's `Draft`.

Like markdown-it-py's core ruler, each pass is one function in its own module; they can be listed
(`newsarchive extract --list-passes`), switched off (`--skip NAME`) and tested one by one.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable

from newsarchive.extract import attribution, claims, entities, quotes
from newsarchive.extract.draft import Draft
from newsarchive.extract.finish import finish
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
    draft = Draft(doc)
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
