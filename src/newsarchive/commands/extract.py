"""`newsarchive extract FILE...`: print what the extractors find, as JSON, JSON Lines or YAML."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from newsarchive.errors import ArticleError
from newsarchive.export import article_to_dict
from newsarchive.load import read_document
from newsarchive.records import Document


def add_parser(sub: Any) -> None:
    p = sub.add_parser("extract", help="print the quotes, claims, people and sources found in articles",
                       description="Print what the extractors find in each FILE, in the form "
                                   "shared/ANNOTATION.md fixes.")
    p.add_argument("files", nargs="*", metavar="FILE", type=Path)
    p.add_argument("--format", choices=("json", "jsonl", "yaml"), default="json",
                   help="json: one object (a list for several files); jsonl: one object per line; "
                        "yaml: highlighted on a terminal (default: json)")
    p.add_argument("--skip", action="append", default=[], metavar="PASS",
                   help="switch off an extraction pass (repeatable; see --list-passes)")
    p.add_argument("--list-passes", action="store_true", help="list the extraction passes in order")
    p.set_defaults(run=run)


def _yaml(records: list[dict[str, Any]]) -> str:
    text: str = yaml.safe_dump(records if len(records) != 1 else records[0], allow_unicode=True,
                               sort_keys=False, width=100)
    if sys.stdout.isatty():
        from pygments import highlight
        from pygments.formatters import TerminalFormatter
        from pygments.lexers import YamlLexer

        return str(highlight(text, YamlLexer(), TerminalFormatter()))
    return text


def run(args: argparse.Namespace) -> int:
    from newsarchive.extract import PASSES, extract_many  # not imported by the other commands
    from newsarchive.extract.pipeline import GROUP

    if args.list_passes:
        for name, fn in PASSES:
            doc = (fn.__doc__ or "").strip().splitlines()
            print(f"{name:12} {doc[0] if doc else ''}")
        return 0
    if not args.files:
        print("newsarchive extract: error: give at least one FILE", file=sys.stderr)
        return 2
    unknown = set(args.skip) - {name for name, _ in PASSES}
    if unknown:
        print(f"newsarchive extract: error: no pass named {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    records: list[dict[str, Any]] = []
    status = 0
    # Read and extracted a group at a time: `extract_many` runs each pass over the group in turn.
    for first in range(0, len(args.files), GROUP):
        paths: list[Path] = args.files[first : first + GROUP]
        read: list[Document | ArticleError] = []
        for path in paths:
            try:
                read.append(read_document(path, str(path)))
            except ArticleError as exc:
                read.append(exc)
        extracted = iter(extract_many([doc for doc in read if isinstance(doc, Document)], skip=args.skip))
        for path, item in zip(paths, read, strict=True):
            try:
                if isinstance(item, ArticleError):
                    raise item
                article = next(extracted)
                if isinstance(article, Exception):
                    raise article
                record = article_to_dict(article)
            except ArticleError as exc:
                print(f"{exc}", file=sys.stderr)
                status = 1
                record = {"path": str(path), "error": exc.message, "title": None, "author": None,
                          "boilerplate": [], "quotes": [], "claims": [], "people": [], "sources": []}
            records.append(record)
            if args.format == "jsonl":
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if args.format == "json":
        out = records[0] if len(records) == 1 else records
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "yaml":
        sys.stdout.write(_yaml(records))
    return status
