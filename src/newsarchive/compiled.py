"""Whether the extraction passes run compiled (mypyc) or from their Python sources.

`pip install` compiles the modules of `newsarchive.extract` with mypyc where it can (setup.py)
and writes a digest of the sources it compiled beside them. The compiled modules are used only
while that digest matches the sources: after an edit in a source tree (an editable install) the
sources run, as they do everywhere with NEWSARCHIVE_NO_MYPYC=1. Never a mix of the two in one
process: compiled modules call each other directly and their classes are their own.

setup.py loads this file by path (before newsarchive's dependencies are installed), so it
imports nothing but the standard library.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import SOURCE_SUFFIXES, FileFinder, ModuleSpec, SourceFileLoader
from pathlib import Path
from types import ModuleType

SWITCH = "NEWSARCHIVE_NO_MYPYC"
"""Environment variable: set to anything but "" or "0", the build and the runtime use the sources."""
STAMP = "mypyc-sources.sha256"
"""The digest file, in the compiled package's folder."""
PACKAGE = "extract"
"""The compiled package, under the newsarchive folder; its own __init__.py stays Python (it chooses)."""
TYPES_FROM = ("records.py", "lexicon.py")
"""Python modules the compiled code takes types from: changing them also calls for a rebuild."""


def switched_off() -> bool:
    """Return True where NEWSARCHIVE_NO_MYPYC asks for the Python sources."""
    return os.environ.get(SWITCH, "") not in ("", "0")


def compiled_sources(root: Path) -> list[Path]:
    """Return the modules mypyc compiles, under `root` (the newsarchive folder), sorted."""
    package = root / PACKAGE
    return sorted(p for p in package.rglob("*.py") if p != package / "__init__.py")


def digest(root: Path) -> str:
    """Return the SHA-256 of the compiled modules' sources and of the modules they take types from."""
    h = hashlib.sha256()
    for path in [*compiled_sources(root), *(root / name for name in TYPES_FROM)]:
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


def up_to_date(root: Path) -> bool:
    """Return True where the compiled modules were built from the sources now under `root`."""
    try:
        built = (root / PACKAGE / STAMP).read_text(encoding="ascii").strip()
    except OSError:
        return False  # never built (a source tree, a pure-Python install) or a damaged install
    return built == digest(root)


def stale(root: Path) -> bool:
    """Return True where compiled modules were built under `root` but from other sources.

    That is an editable install edited since: the sources run, about 1.3x slower to extract
    (benchmarks/README.md), and nothing else says so. A tree never compiled is not stale.
    """
    return (root / PACKAGE / STAMP).is_file() and not up_to_date(root)


STALE_NOTE = ("note: extraction ran from its Python sources, slower: the compiled modules beside them "
              "were built before the sources' last edit (`python setup.py build_ext --inplace` or "
              "`pip install -e .` rebuilds them)")
"""What `build` prints (unless --quiet) where `stale` is True."""


class _SourcesFirst(MetaPathFinder):
    """Find a package's submodules in their .py files, even where a compiled module sits beside one."""

    def __init__(self, package: str) -> None:
        self.prefix = package + "."

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if not fullname.startswith(self.prefix) or not path:
            return None
        for entry in path:
            spec = FileFinder(entry, (SourceFileLoader, SOURCE_SUFFIXES)).find_spec(fullname)
            if spec is not None:
                return spec
        return None


def choose(package: str, folder: str) -> bool:
    """Load `package`'s submodules compiled where that is safe, else from source; True if compiled.

    Call it from the package's __init__.py before it imports any submodule.
    """
    if not switched_off() and up_to_date(Path(folder).parent):
        return True
    if not any(isinstance(f, _SourcesFirst) and f.prefix == package + "." for f in sys.meta_path):
        sys.meta_path.insert(0, _SourcesFirst(package))
    return False
