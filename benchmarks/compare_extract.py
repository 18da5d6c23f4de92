#!/usr/bin/env python3
"""Check that extraction's results have not changed: run it over a corpus and diff with a baseline.

    python benchmarks/compare_extract.py --save /tmp/base    # before a change
    python benchmarks/compare_extract.py --check /tmp/base   # after it: exit 1 on any difference

Corpora: the BBC articles, the polnear dev set and the seeds in ../shared (one JSONL file each, the
output of `newsarchive extract --format jsonl` over the files in sorted order).
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = {
    "bbc": SHARED / "corpus" / "bbc",
    "polnear": SHARED / "corpus" / "polnear" / "dev",
    "seeds": SHARED / "seeds",
}


def run(corpus: Path) -> str:
    """Return the JSONL extraction of every .txt file under `corpus`, in sorted order."""
    # Paths as given on the command line appear in the output: keep them relative to here.
    files = sorted(os.path.relpath(p) for p in corpus.rglob("*.txt"))
    done = subprocess.run([sys.executable, "-m", "newsarchive", "extract", "--format", "jsonl", *files],
                          capture_output=True, text=True, check=True)
    return done.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the baseline here")
    group.add_argument("--check", type=Path, help="compare with the baseline here")
    args = ap.parse_args()
    changed = 0
    for name, corpus in CORPORA.items():
        out = run(corpus)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{name}.jsonl").write_text(out, encoding="utf-8")
            continue
        base = (args.check / f"{name}.jsonl").read_text(encoding="utf-8")
        if base == out:
            print(f"{name}: identical")
            continue
        changed += 1
        print(f"{name}: DIFFERENT")
        diff = difflib.unified_diff(base.splitlines(), out.splitlines(), "baseline", "now", n=0, lineterm="")
        for line in list(diff)[:20]:
            print(line[:400])
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
