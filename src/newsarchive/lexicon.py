"""Data files (lexicons, outlet lists, boilerplate patterns) shipped in `newsarchive/data/`.

Users extend them by dropping a file of the same name into a `lexicons/` folder beside their
articles; its lists are added to the built-in ones (see docs/lexicons.md).
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

_extra_dirs: list[Path] = []
_generation = [0]


def add_lexicon_dir(path: Path) -> None:
    """Merge the YAML files (and word lists) in `path` into the built-in data from now on."""
    if path.is_dir() and path not in _extra_dirs:
        _extra_dirs.append(path)
        load_data.cache_clear()
        load_words.cache_clear()
        _generation[0] += 1


def data_generation() -> int:
    """Return a number that changes whenever `load_data` may return other data, so tables built
    from it know when to be rebuilt without asking for every file again."""
    return _generation[0]


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


@cache
def load_data(name: str) -> dict[str, Any]:
    """Return the named data file (`name.yaml`), merged with any user lexicon of that name."""
    import yaml  # here: only the processes that extract read the lexicons (not a rebuild's main one)

    text = resources.files("newsarchive.data").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    # Our own files are known to be well formed: the C parser reads them in a tenth of the time
    # (0.4 s a process, paid by every worker that extracts an article, and by a one-article
    # rebuild in full). Users' files keep the pure-Python parser and its error messages.
    data: dict[str, Any] = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    for folder in _extra_dirs:
        user = folder / f"{name}.yaml"
        if user.is_file():
            data = _merge(data, yaml.safe_load(user.read_text(encoding="utf-8")) or {})
    return data


@cache
def load_words(name: str) -> frozenset[str]:
    """Return the word list `name.txt` (one word a line, `#` comments), with the words of any user
    lexicon of that name added."""
    text = resources.files("newsarchive.data").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    for folder in _extra_dirs:
        user = folder / f"{name}.txt"
        if user.is_file():
            text += "\n" + user.read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def data_fingerprint() -> str:
    """Hash of every data file in use, so caches notice a lexicon change."""
    h = hashlib.sha256()
    folder = resources.files("newsarchive.data")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".txt")):
            h.update(entry.name.encode())
            h.update(entry.read_bytes())
    for extra in _extra_dirs:
        for p in sorted([*extra.glob("*.yaml"), *extra.glob("*.txt")]):
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()
