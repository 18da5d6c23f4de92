"""`newsarchive check`: lint the archive without building it.

It reads every article the way the build does (loader, extraction, the editor's sidecar, the
link step) and lists, as `file:line: message` sorted by file and line:
- what the loader reports (encoding repairs, front matter, empty files, unreadable files);
- quotes of speech with no speaker, and quotation marks that do not balance;
- people known by one name only across the whole archive;
- sidecar corrections that no longer apply, and sidecar files that cannot be read.
Exit status 0; with --strict, 1 when anything was found.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsarchive.build.discover import discover, display_path
from newsarchive.errors import NewsarchiveError
from newsarchive.lexicon import add_lexicon_dir
from newsarchive.link import link_archive
from newsarchive.link.names import person_key
from newsarchive.load import read_document
from newsarchive.records import Archive, Article, Diagnostic

_SHOWN = 60


def add_parser(sub: Any) -> None:
    p = sub.add_parser("check", help="lint the archive: quotes with no speaker, unbalanced marks, "
                                     "people known by one name, stale corrections",
                       description="List what needs an editor's eye, as file:line: message, sorted. "
                                   "Nothing is written.")
    p.add_argument("--articles", type=Path, default=Path("articles"), metavar="DIR",
                   help="the folder of articles (default: articles)")
    p.add_argument("--strict", action="store_true", help="exit with status 1 when anything is found")
    p.set_defaults(run=run)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "…"


def lint_article(article: Article) -> Iterable[Diagnostic]:
    """Yield the article's quotes of speech with no speaker, and its unbalanced quotation marks."""
    for q in article.quotes:
        if q.unbalanced:
            yield Diagnostic(article.path, q.span.line,
                             f"unbalanced quotation marks around “{_short(q.text)}”")
        if q.kind != "scare" and not q.speaker and not q.editorial:  # an editor may have said "nobody"
            yield Diagnostic(article.path, q.span.line, f"quote has no speaker: “{_short(q.text)}”")


def lint_archive(archive: Archive) -> Iterable[Diagnostic]:
    """Yield a diagnostic where a person is known by one name only across the whole archive."""
    by_slug = {a.slug: a for a in archive.articles}
    for ent in archive.people:
        if len(person_key(ent.name)) != 1:
            continue
        for slug in ent.articles:
            art = by_slug[slug]
            person = next((p for p in art.people if archive.names.get((slug, p.name)) == ent.id), None)
            line = person.mentions[0].span.line if person and person.mentions else None
            yield Diagnostic(art.path, line, f"'{ent.name}' is known by one name only; give the full "
                                             "name in the text, or join it to a person in a sidecar "
                                             "(people: same_as)")


def check(articles_dir: Path) -> list[Diagnostic]:
    """Return everything `newsarchive check` reports for an articles folder, sorted."""
    from newsarchive.annotate import apply_corrections  # not imported by the other commands
    from newsarchive.extract import extract

    files, diags = discover(articles_dir)
    articles: list[Article] = []
    for f in files:
        try:
            article = extract(read_document(f.path, f.display))
        except NewsarchiveError as exc:
            diags.append(Diagnostic(exc.path or f.display, exc.line, exc.message, "error"))
            continue
        except RecursionError:
            diags.append(Diagnostic(f.display, None, "article too deeply nested to read", "error"))
            continue
        if f.sidecar is not None:
            article, extra = apply_corrections(article, Path(display_path(f.sidecar)))
            diags.extend(extra)
        diags.extend(article.diagnostics)
        diags.extend(lint_article(article))
        articles.append(article)
    archive = link_archive(articles)
    diags.extend(archive.diagnostics)
    diags.extend(lint_archive(archive))
    return sorted(set(diags), key=lambda d: (d.path, d.line or 0, d.message, d.severity))


def run(args: argparse.Namespace) -> int:
    folder: Path = args.articles
    if not folder.is_dir():
        print(f"newsarchive check: error: no articles folder at {folder}", file=sys.stderr)
        return 2
    add_lexicon_dir(folder.parent / "lexicons")
    found = check(folder)
    for d in found:
        print(d)
    files = len({d.path for d in found})
    print(f"{len(found)} problem{'s' if len(found) != 1 else ''} in {files} file{'s' if files != 1 else ''}",
          file=sys.stderr)
    return 1 if args.strict and found else 0
