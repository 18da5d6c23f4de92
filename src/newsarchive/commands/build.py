"""`newsarchive build`: make the site from the articles folder."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from newsarchive import compiled
from newsarchive.build import BuildOptions, BuildResult, build
from newsarchive.build.progress import Progress


def add_parser(sub: Any) -> None:
    p = sub.add_parser("build", help="build the site from the articles folder",
                       description="Read every article, find who said what, write the site. Problems "
                                   "with one article are reported as FILE:LINE: message; the rest is built.")
    add_build_options(p)
    p.add_argument("--strict", action="store_true", help="exit with status 1 on warnings too")
    loud = p.add_mutually_exclusive_group()
    loud.add_argument("-q", "--quiet", action="store_true", help="print errors only, no summary")
    loud.add_argument("-v", "--verbose", action="store_true", help="print every warning and each stage")
    p.set_defaults(run=run)


def add_build_options(p: argparse.ArgumentParser) -> None:
    """Add the options `build` and `serve` share."""
    p.add_argument("--articles", type=Path, default=Path("articles"), metavar="DIR",
                   help="folder of .txt and .md articles (default: articles/)")
    p.add_argument("--templates", type=Path, default=Path("templates"), metavar="DIR",
                   help="folder of templates overriding the built-in ones (default: templates/)")
    p.add_argument("--output", type=Path, default=Path("site"), metavar="DIR",
                   help="where to write the site (default: site/)")
    p.add_argument("--config", type=Path, default=None, metavar="FILE",
                   help="config file (default: newsarchive.yaml beside the articles folder, else here)")
    p.add_argument("--base-url", default=None, metavar="URL", help="absolute URL the site is served from")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="worker processes (default: one per core)")
    p.add_argument("--executor", default="local", metavar="local|dask://HOST:PORT",
                   help="where per-article work runs (default: local processes)")
    p.add_argument("--no-cache", dest="cache", action="store_false",
                   help="ignore and do not update the build cache")


def options_from(args: argparse.Namespace) -> BuildOptions:
    """Return the build options the command line asked for."""
    return BuildOptions(articles=args.articles, templates=args.templates, output=args.output,
                        base_url=args.base_url, jobs=max(0, args.jobs), executor=args.executor,
                        cache=args.cache, config=args.config)


def summary(result: BuildResult) -> str:
    """Return the one-line account of a build."""
    if result.up_to_date:
        what = f"site up to date ({_count(result.articles, 'article')})"
    else:
        what = (f"{_count(result.articles, 'article')}: {_count(result.written, 'page')} written, "
                f"{result.reused} reused"
                + (f", {_count(result.failed, 'article')} failed" if result.failed else ""))
    return (f"newsarchive: {what}, {_count(result.warnings, 'warning')}, {_count(result.errors, 'error')} "
            f"in {result.seconds:.2f} s")


def _count(n: int, noun: str) -> str:
    """Return "1 warning", "3 warnings": a number and its noun, plural where it is not one."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def report(result: BuildResult, quiet: bool, verbose: bool) -> None:
    """Print the diagnostics (errors always, warnings unless quiet) and the summary line."""
    out = sys.stderr
    for d in result.diagnostics:
        if d.severity == "error" or not quiet:
            print(d, file=out)
    if result.crashed:
        print(f"newsarchive: {result.crashed} articles hit an internal error: please report them "
              "(run with --verbose for the tracebacks)", file=out)
    if not quiet:
        if not compiled.switched_off() and compiled.stale(Path(compiled.__file__).parent):
            print(f"newsarchive: {compiled.STALE_NOTE}", file=out)
        print(summary(result), file=out)


def run(args: argparse.Namespace) -> int:
    if args.verbose:
        logging.getLogger("newsarchive").setLevel(logging.DEBUG)
    progress = Progress(enabled=None if not args.quiet else False)
    result = build(options_from(args), progress)
    report(result, args.quiet, args.verbose)
    return result.status(args.strict)
