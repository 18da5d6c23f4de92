"""`newsarchive init DIR`: start a new archive with an example article, a config and a templates folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from newsarchive.config import CONFIG_NAME
from newsarchive.errors import NewsarchiveError

EXAMPLE = """\
---
title: Harbour town votes to keep its ferry
author: A. Reporter
date: 2024-05-14
tags: [transport, local]
---

Residents of Portwell voted on Tuesday to keep the town's ferry running for another ten years.

"The ferry is how half of us get to work," said Maria Lopez, who chairs the residents' association.
"Closing it would cut the town in two."

According to the council, 1,240 people took part in the vote, and 71% backed the ferry.
The council's transport officer, Tom Reid, said the service would need "serious money" for a new boat.
"""

CONFIG = """\
# Settings for this archive (see `newsarchive build --help`).
title: {title}
# The absolute URL the site will be served from, for the feed and the sitemap.
base_url: https://example.org/
description: "An annotated archive of news articles: who said what."
language: en
"""

TEMPLATES_README = """\
Templates that override the built-in ones.

Put a file here with the same name as a built-in template (article.html, entity.html, index.html,
base.html, …) to replace it; `static/` files replace the built-in CSS and scripts of the same name.
The build notices changes to this folder and re-renders what they affect.
"""


def add_parser(sub: Any) -> None:
    p = sub.add_parser("init", help="start a new archive in DIR",
                       description="Create DIR with articles/ (one example article), newsarchive.yaml "
                                   "and templates/. Refuses to overwrite anything.")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("--title", default=None, help="the site's title (default: from DIR's name)")
    p.set_defaults(run=run)


def init_archive(folder: Path, title: str | None = None) -> list[Path]:
    """Create the archive's starting files; raise NewsarchiveError rather than overwrite anything."""
    files = {
        folder / CONFIG_NAME: CONFIG.format(title=_yaml_text(title or _title_from(folder))),
        folder / "articles" / "harbour-ferry-vote.md": EXAMPLE,
        folder / "templates" / "README.txt": TEMPLATES_README,
    }
    existing = [p for p in (*files, folder / "articles", folder / "templates") if p.exists()]
    if existing:
        raise NewsarchiveError(f"{existing[0]} already exists; not overwriting anything. "
                               "Choose a new folder")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        # "x": never replace a file that appeared since the check above.
        with path.open("x", encoding="utf-8") as f:
            f.write(text)
    return list(files)


def _title_from(folder: Path) -> str:
    name = folder.absolute().name.replace("-", " ").replace("_", " ").strip()
    return name[:1].upper() + name[1:] if name else "News archive"


def _yaml_text(text: str) -> str:
    """Return `text` as a YAML double-quoted scalar, whatever it holds."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def run(args: argparse.Namespace) -> int:
    created = init_archive(args.dir, args.title)
    for path in created:
        print(f"created {path}")
    print(f"next: cd {args.dir} && newsarchive build   (or: newsarchive serve)")
    return 0
