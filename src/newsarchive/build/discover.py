"""Find the article files under the articles folder, safely."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from newsarchive.load.files import ARTICLE_SUFFIXES
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


def _resolved(path: Path) -> Path | None:
    """Return where the symbolic link `path` leads, or None where the links loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: Python 3.11's "Symlink loop"; OSError: ELOOP
        return None


def discover(articles_dir: Path) -> tuple[list[ArticleFile], list[Diagnostic]]:
    """Return the article files under `articles_dir`, sorted, and what was skipped and why.

    Hidden files and folders are ignored; a symbolic link is followed only where it points to a
    file inside the articles folder, so a link cannot pull in `/etc/passwd` or someone's home.
    """
    root = articles_dir.resolve()
    sources: list[ArticleFile] = []
    skipped: list[Diagnostic] = []
    _walk(root, root, Path(display_path(articles_dir.absolute())), sources, skipped)
    return sources, skipped


def _walk(folder: Path, root: Path, shown: Path, sources: list[ArticleFile],
          skipped: list[Diagnostic]) -> None:
    """Add the articles of `folder` (shown as `shown`), then those of its subfolders, each sorted by name.

    The directory entries tell a file, a folder and a symbolic link apart without a `stat` of each
    (2,225 articles: 0.08 -> 0.02 s, four system calls a file before); a linked folder is not
    entered, as `os.walk` does not.
    """
    try:
        with os.scandir(folder) as found:
            entries = {e.name: e for e in found}
    except OSError as exc:  # a folder that cannot be listed is passed over, and said so
        skipped.append(Diagnostic(str(shown), None, f"folder cannot be read ({exc.strerror or exc}); "
                                  "skipped", "error"))
        return
    prefix = str(shown)
    subfolders: list[str] = []
    for name in sorted(entries):
        entry = entries[name]
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not name.startswith(".") and not entry.is_symlink():
                subfolders.append(name)
            continue
        if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
            continue
        path = folder / name
        display = name if prefix == "." else os.path.join(prefix, name)
        if entry.is_symlink():
            target = _resolved(path)
            if target is None:
                skipped.append(Diagnostic(display, None, "symbolic link that loops back on itself; "
                                          "skipped", "error"))
                continue
            if not _inside(target, root):
                skipped.append(Diagnostic(display, None, "symbolic link to a file outside the articles "
                                          "folder; not followed", "error"))
                continue
            if not target.is_file():
                skipped.append(Diagnostic(display, None, "symbolic link to nothing readable; skipped",
                                          "error"))
                continue
        elif not entry.is_file(follow_symlinks=False):  # a pipe or a device: reading it could block
            skipped.append(Diagnostic(display, None, "not a regular file; skipped", "warning"))
            continue
        sidecar = _sidecar(folder, entries.get(Path(name).stem + SIDECAR_SUFFIX), root, skipped)
        sources.append(ArticleFile(path, display, sidecar))
    for name in subfolders:
        _walk(folder / name, root, shown / name, sources, skipped)


def _sidecar(folder: Path, entry: os.DirEntry[str] | None, root: Path,
             skipped: list[Diagnostic]) -> Path | None:
    """Return the corrections file beside an article, where `entry` (its directory entry) is one."""
    if entry is None:
        return None
    sidecar = folder / entry.name
    if entry.is_symlink():
        target = _resolved(sidecar)
        if target is None or not _inside(target, root):
            where = "that loops back on itself" if target is None else "to a file outside the articles folder"
            skipped.append(Diagnostic(display_path(sidecar), None, f"symbolic link {where}; not followed",
                                      "error"))
            return None
    return sidecar if sidecar.is_file() else None
