"""Find the article files under the articles folder, safely."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from newsarchive.load.reader import ARTICLE_SUFFIXES
from newsarchive.records import Diagnostic

SIDECAR_SUFFIX = ".annotations.yaml"


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """One article file to build, and its sidecar of corrections where there is one."""

    path: Path
    """Where to read it (inside the articles folder)."""
    display: str
    """How messages name it: relative to the working folder where possible."""
    sidecar: Path | None = None


def display_path(path: Path) -> str:
    """Return `path` relative to the working folder where it lies inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def discover(articles_dir: Path) -> tuple[list[ArticleFile], list[Diagnostic]]:
    """Return the article files under `articles_dir`, sorted, and what was skipped and why.

    Hidden files and folders are ignored; a symbolic link is followed only where it points to a
    file inside the articles folder, so a link cannot pull in `/etc/passwd` or someone's home.
    """
    root = articles_dir.resolve()
    shown_root = Path(display_path(articles_dir.absolute()))
    sources: list[ArticleFile] = []
    skipped: list[Diagnostic] = []
    for folder, dirs, files in os.walk(root):  # os.walk does not descend into linked folders
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(folder)
        for name in sorted(files):
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            path = here / name
            display = str(shown_root / path.relative_to(root))
            if path.is_symlink():
                target = path.resolve()
                if not _inside(target, root):
                    skipped.append(Diagnostic(display, None, "symbolic link to a file outside the articles "
                                              "folder; not followed", "error"))
                    continue
                if not target.is_file():
                    skipped.append(Diagnostic(display, None, "symbolic link to nothing readable; skipped",
                                              "error"))
                    continue
            elif not path.is_file():
                continue
            sidecar = here / (Path(name).stem + SIDECAR_SUFFIX)
            if sidecar.is_symlink() and not _inside(sidecar.resolve(), root):
                skipped.append(Diagnostic(display_path(sidecar), None, "symbolic link to a file outside the "
                                          "articles folder; not followed", "error"))
                sidecar_path = None
            else:
                sidecar_path = sidecar if sidecar.is_file() else None
            sources.append(ArticleFile(path, display, sidecar_path))
    return sources, skipped
