#!/usr/bin/env python3
"""Speaker accuracy on a gold file, broken down by how the gold writes the speaker.

    python benchmarks/speaker_forms.py ../shared/gold/polnear-dev.yaml [--misses FORM]

`score_extraction.py` compares a speaker with the gold by last word ("Rachman" ~ "Gideon
Rachman"). PolNeAR's gold writes the speaker as the source span of the article, so where the
span carries an appositive ("Scott Pruitt, the Republican attorney general of Oklahoma,") or is
a description ("Obama's former campaign strategist"), no canonical name can match it, however
right it is. This script shows where the official figure comes from:

- the official speaker accuracy (the scorer's own matching);
- accuracy per gold form: `null`, `one word`, `name`, `appositive`, `description`;
- "head" accuracy: the gold speaker cut to its head name (before the first comma, or before
  "of"/"at"/"who"…), which is what a canonical name can be compared with; descriptions are left
  out of it, since only a reader can say which name they point to.

`--misses FORM` lists the misses of one form, with the cue that settled each quote.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_extraction.py"
_HEAD_CUT = re.compile(r"\s+(?:of|at|for|from|who|with)\s+")
_TAIL_CUT = re.compile(r"\s*\([^()]*\)?$|\s+(?:himself|herself|itself|themselves)$")
"""A party and state in brackets (closed or not) or a reflexive after the name: no part of it."""
_DESCRIPTION = re.compile(r"^(?:the|a|an|one|another|his|her|their|its)\b", re.IGNORECASE)


def load_scorer(path: Path) -> ModuleType:
    """Import the shared scorer, so matching is exactly the official one."""
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def head(speaker: str) -> str:
    """Return the head name of a gold speaker span: "Scott Pruitt, the … of Oklahoma," → "Scott Pruitt",
    "Sen. Pat Toomey (R-Pa." → "Sen. Pat Toomey", "Cruz himself" → "Cruz"."""
    first = speaker.strip().rstrip(",").split(",")[0]
    return _TAIL_CUT.sub("", _HEAD_CUT.split(first)[0])


def form(speaker: str | None) -> str:
    """Return how the gold writes a speaker."""
    if speaker is None:
        return "null"
    h = head(speaker)
    if _DESCRIPTION.match(h) or h[:1].islower() or re.search(r"['’]s\s", h):
        return "description"
    if h != speaker.strip().rstrip(","):
        return "appositive"
    return "one word" if len(h.split()) == 1 else "name"


def extract(paths: list[str]) -> list[dict[str, Any]]:
    out = subprocess.run([sys.executable, "-m", "newsarchive", "extract", "--format", "jsonl", *paths],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--misses", metavar="FORM", help="list the misses of one form")
    args = ap.parse_args()
    se = load_scorer(args.scorer)
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    paths = [str((args.gold.parent / a["file"]).resolve()) for a in gold["articles"]]
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    head_right = head_total = 0
    for article, got in zip(gold["articles"], extract(paths), strict=True):
        found = [q for q in got.get("quotes") or [] if isinstance(q, dict)]
        used = [False] * len(found)
        for q in article.get("quotes") or []:
            hit = None
            for i, e in enumerate(found):
                if not used[i] and se.span_match(q["text"], e.get("text", "")):
                    used[i], hit = True, e
                    break
            if q.get("kind") not in ("direct", "partial") or "speaker" not in q:
                continue
            want = q["speaker"]
            said = hit.get("speaker") if hit else None
            kind = form(want)
            ok = hit is not None and se.same_name(want, said)
            total[kind] += 1
            right[kind] += ok
            if kind != "description":
                head_total += 1
                head_ok = ok or (hit is not None and want is not None and se.same_name(head(want), said))
                head_right += head_ok
                ok = head_ok
            if not ok and args.misses == kind:
                cue = hit.get("cue") if hit else "not found"
                print(f"{Path(article['file']).name[:44]:44} want {want!r:.60} got {said!r} ({cue})")
    n = sum(total.values())
    print(f"official speaker accuracy: {sum(right.values()) / n:.3f} ({sum(right.values())}/{n})")
    for kind in ("null", "one word", "name", "appositive", "description"):
        if total[kind]:
            print(f"  {kind:12} {right[kind] / total[kind]:.3f} ({right[kind]}/{total[kind]})")
    print(f"head-name accuracy (descriptions left out): {head_right / head_total:.3f} "
          f"({head_right}/{head_total})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
