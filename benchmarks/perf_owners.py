#!/usr/bin/env python3
"""Say which compiled function owns the time of a `perf` profile of compiled extraction.

    perf record -F 700 --call-graph dwarf,16384 -o /tmp/x.data python benchmarks/bench_extract.py --repeat 1
    perf script -i /tmp/x.data -F ip,sym > /tmp/x.txt
    python benchmarks/perf_owners.py /tmp/x.txt [--top 30] [--below NAME ...] [--root NAME]

mypyc code spends most of its time in libpython (the regular-expression engine, str and set
methods, allocation), which a flat profile shows without saying who asked. Here each sample
inside `extract()` is charged to the nearest compiled function on its stack (`CPyDef_…`):
its own code and the library calls it makes, not the compiled functions it calls. `--below NAME`
lists, for that function, the library frames just under it (what its time is spent on).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = "CPyDef_pipeline___extract"


def stacks(path: Path) -> list[list[str]]:
    """Return the samples of a `perf script -F ip,sym` listing, each a stack from leaf to root."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line:
            if current:
                out.append(current)
            current = []
            continue
        parts = line.split(None, 1)
        current.append(parts[1] if len(parts) > 1 else "?")
    if current:
        out.append(current)
    return out


def owner(stack: list[str]) -> int | None:
    """Return the index of the nearest compiled function in a stack, if any."""
    return next((i for i, frame in enumerate(stack) if frame.startswith("CPyDef_")), None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("listing", type=Path, help="output of perf script -F ip,sym")
    ap.add_argument("--top", type=int, default=30, help="how many owners to list")
    ap.add_argument("--below", nargs="*", default=[], help="compiled functions to break down")
    ap.add_argument("--root", default=ROOT,
                    help="count only samples under this frame (_extract_group: extract_many's)")
    args = ap.parse_args()
    inside = [s for s in stacks(args.listing) if any(args.root in frame for frame in s)]
    if not inside:
        print(f"no samples under {args.root}: was extraction compiled?", file=sys.stderr)
        return 2
    owners: Counter[str] = Counter()
    below: dict[str, Counter[str]] = {name: Counter() for name in args.below}
    for stack in inside:
        i = owner(stack)
        name = stack[i] if i is not None else "?"
        owners[name] += 1
        if i is not None and name in below:
            below[name][" <- ".join(reversed(stack[max(0, i - 3):i])) or "(itself)"] += 1
    print(f"{len(inside)} samples under {args.root}")
    for name, n in owners.most_common(args.top):
        print(f"{n / len(inside):6.1%}  {name}")
    for name, counts in below.items():
        total = sum(counts.values()) or 1
        print(f"\n{name}: {total} samples")
        for frames, n in counts.most_common(8):
            print(f"  {n / total:6.1%}  {frames[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
