#!/usr/bin/env python3
"""Build every article of ../shared/corpus into one site and report articles, errors, warnings, crashes.

    python scripts/build_corpus.py [--corpus ../shared/corpus] [--jobs N] [--keep]

Files are copied into a scratch articles folder under names that keep their corpus
path (bbc-business-001.txt, polnear-train-…), then built like any archive. Exit status 1 when any
article crashed (an internal error, never acceptable) or failed.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from newsarchive.build import BuildOptions, build

ROOT = Path(__file__).resolve().parent.parent


def gather(corpus: Path, articles: Path) -> int:
    """Copy every .txt under `corpus` into `articles`; return how many."""
    n = 0
    for path in sorted(corpus.rglob("*.txt")):
        if path.name.upper() == "README.TXT":
            continue
        name = "-".join(path.relative_to(corpus).parts)
        # Copied, not linked: the build rightly refuses symbolic links that leave the articles folder.
        (articles / name).write_bytes(path.read_bytes())
        n += 1
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder and print its path")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="newsarchive-corpus-"))
    (scratch / "articles").mkdir()
    files = gather(args.corpus, scratch / "articles")
    t0 = time.perf_counter()
    result = build(BuildOptions(articles=scratch / "articles", output=scratch / "site", jobs=args.jobs,
                                cache=False))
    seconds = time.perf_counter() - t0
    # Group messages by their wording, without the names and paths in them.
    kinds = Counter(re.sub(r"'[^']*'|\S*/\S*", "…", d.message) for d in result.diagnostics)
    for d in result.diagnostics:
        if d.severity == "error":
            print(d)
    print(f"files {files}  articles {result.articles}  built {result.articles - result.failed}  "
          f"errors {result.errors}  warnings {result.warnings}  crashes {result.crashed}  "
          f"pages {result.written}  in {seconds:.1f} s")
    print("most common messages: " + "; ".join(f"{k} ×{n}" for k, n in kinds.most_common(6)))
    if args.keep:
        print(f"scratch: {scratch}")
    else:
        shutil.rmtree(scratch, ignore_errors=True)
    return 1 if result.crashed or result.failed else 0


if __name__ == "__main__":
    sys.exit(main())
