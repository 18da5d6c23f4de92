#!/usr/bin/env python3
"""Time extraction over the BBC corpus: articles per second on one core, and each pass's share.

    python benchmarks/bench_extract.py [--corpus ../shared/corpus/bbc] [--limit N] [--repeat R]

Files are read with the loader first (not timed: that is the loader's own budget); then every
document goes through `extract()` one at a time (as `newsarchive extract` runs it), through
`extract_many()` in batches of 64 (as a build's workers run it: each pass over the batch in
turn), and again pass by pass (`PASSES`) to show where the time goes. The issue's target is
1,000 articles/s per core for the whole of extraction, which leaves the quotes pass well under
0.2 ms for a typical 2-3 KB article.
The first line says whether the passes ran compiled by mypyc (setup.py); NEWSARCHIVE_NO_MYPYC=1
runs their Python sources.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsarchive import extract as extraction
from newsarchive.errors import NewsarchiveError
from newsarchive.extract import PASSES, extract
from newsarchive.extract.draft import Draft
from newsarchive.extract.finish import finish
from newsarchive.load import read_document
from newsarchive.records import Document

# CPU time of this process: "on one core", and fair on a machine other jobs keep busy.
CLOCK = time.process_time
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bbc"


def load(corpus: Path, limit: int | None) -> list[Document]:
    """Read every .txt file under `corpus` (sorted), skipping unreadable ones with a note."""
    docs: list[Document] = []
    for path in sorted(corpus.rglob("*.txt"))[:limit]:
        if path.name.upper() == "README.TXT":
            continue
        try:
            docs.append(read_document(path))
        except NewsarchiveError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    return docs


def time_whole(docs: list[Document], repeat: int) -> float:
    """Return the best CPU time of `repeat` runs of extract() over all docs."""
    best = float("inf")
    for _ in range(repeat):
        start = CLOCK()
        for doc in docs:
            extract(doc)
        best = min(best, CLOCK() - start)
    return best


def time_many(docs: list[Document], repeat: int) -> float:
    """Return the best CPU time of `repeat` runs of extract_many() over all docs, as the build's
    workers run it: in batches of at most 64 (build/executor.batched), each pass in turn."""
    best = float("inf")
    batches = [docs[i : i + 64] for i in range(0, len(docs), 64)]
    for _ in range(repeat):
        start = CLOCK()
        for batch in batches:
            extraction.extract_many(batch)
        best = min(best, CLOCK() - start)
    return best


def time_passes(docs: list[Document]) -> dict[str, float]:
    """Return the CPU seconds each pass (and the final freeze) takes over all docs."""
    spent = {name: 0.0 for name, _ in PASSES}
    spent["finish"] = 0.0
    clock = CLOCK
    for doc in docs:
        draft = Draft(doc)
        for name, run in PASSES:
            start = clock()
            run(draft)
            spent[name] += clock() - start
        start = clock()
        finish(draft)
        spent["finish"] += clock() - start
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="only the first N files")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the whole corpus; the best counts")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    docs = load(args.corpus, args.limit)
    if not docs:
        print("no articles read", file=sys.stderr)
        return 2
    size = sum(len(p.text) for d in docs for p in d.paragraphs) / len(docs)
    extract(docs[0])  # load the lexicons before the clock starts
    whole = time_whole(docs, args.repeat)
    # (An older checkout, measured for comparison, may have no `extract_many`.)
    many = time_many(docs, args.repeat) if hasattr(extraction, "extract_many") else None
    spent = time_passes(docs)
    print(f"{len(docs)} articles, {size / 1024:.1f} K characters of body on average; "
          f"passes {'compiled by mypyc' if getattr(extraction, 'COMPILED', False) else 'in Python'}")
    print(f"extract(): {len(docs) / whole:,.0f} articles/s on one core "
          f"({whole / len(docs) * 1e3:.3f} ms per article, best of {args.repeat})")
    if many is not None:
        print(f"extract_many(): {len(docs) / many:,.0f} articles/s on one core "
              f"({many / len(docs) * 1e3:.3f} ms per article, batches of 64 as in a build)")
    total = sum(spent.values())
    for name, seconds in spent.items():
        print(f"  {name:12} {seconds / len(docs) * 1e3:8.3f} ms/article  {seconds / total:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
