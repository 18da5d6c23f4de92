"""Data files (lexicons, outlet lists, boilerplate patterns) shipped in `newsarchive/data/`.

Users extend them by dropping a file of the same name into a `lexicons/` folder beside their
articles; its lists are added to the built-in ones (see docs/lexicons.md).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

_extra_dirs: list[Path] = []
_generation = [0]
_parsed_dir: list[Path] = []
"""Where the built-in data files are kept parsed (`keep_parsed_in`), if anywhere."""


def keep_parsed_in(folder: Path | None) -> None:
    """Keep the built-in data files parsed in `folder` from now on (None: nowhere), keyed on their text.

    Parsing them is ~34 ms of every process that extracts (the C parser; a pickle of the same data
    reads in ~1 ms): a rebuild's extraction worker pays it before its first article. The build
    keeps them beside its cache; a file that is missing, unreadable or made from other text (or by
    another PyYAML) is parsed again and written anew.
    """
    _parsed_dir[:] = [folder] if folder is not None else []


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


_SCHEMA = "words-1"
"""Names the way data files are read (below), so parsed copies kept from another reading are not used."""


@cache
def _word_loader(fast: bool) -> Any:
    """Return a safe YAML loader for lexicons (the C parser where `fast` and PyYAML has it) that
    reads only true and false as booleans.

    YAML 1.1 also reads yes, no, on, off, y and n (any case) as booleans, so a word list holding
    "No" or "off" silently lost them (`names.yaml` had False where "No" was meant, `links.yaml`
    lost "no" from its negations). YAML 1.2 drops those forms; so do we.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if fast else yaml.SafeLoader
    bool_tag = "tag:yaml.org,2002:bool"
    loader: Any = type("WordLoader", (base,), {})
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != bool_tag]
        for first, resolvers in base.yaml_implicit_resolvers.items()}
    booleans = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
    loader.add_implicit_resolver(bool_tag, booleans, list("tTfF"))
    return loader


@cache
def load_data(name: str) -> dict[str, Any]:
    """Return the named data file (`name.yaml`), merged with any user lexicon of that name."""
    import yaml  # here: only the processes that extract read the lexicons (not a rebuild's main one)

    text = resources.files("newsarchive.data").joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    key = hashlib.blake2b(f"{yaml.__version__}\0{_SCHEMA}\0{text}".encode(), digest_size=16).hexdigest()
    data = _kept_parsed(name, key)
    if data is None:
        # Our own files are known to be well formed: the C parser reads them in a tenth of the time
        # (0.4 s a process, paid by every worker that extracts an article, and by a one-article
        # rebuild in full). Users' files keep the pure-Python parser and its error messages.
        data = yaml.load(text, Loader=_word_loader(True)) or {}
        _keep_parsed(name, key, data)
    for folder in _extra_dirs:
        user = folder / f"{name}.yaml"
        if user.is_file():
            data = _merge(data, yaml.load(user.read_text(encoding="utf-8"), Loader=_word_loader(False)) or {})
    return data


def _kept_parsed(name: str, key: str) -> dict[str, Any] | None:
    """Return the data file `name` as `keep_parsed_in` kept it, parsed from text keyed `key`; else None."""
    if not _parsed_dir:
        return None
    try:
        data = (_parsed_dir[0] / f"lexicon-{name}.pickle").read_bytes()
    except OSError:  # missing or unreadable: parsed again (a cache, never the only copy)
        return None
    try:
        kept = pickle.loads(data)
    except Exception:  # damaged: unpickling bad bytes can raise almost anything; parsed again
        return None
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == key and isinstance(kept[1], dict):
        return kept[1]
    return None


def _keep_parsed(name: str, key: str, data: dict[str, Any]) -> None:
    """Keep `data`, parsed from text keyed `key`, where `keep_parsed_in` says (written, then renamed)."""
    if not _parsed_dir:
        return
    folder = _parsed_dir[0]
    tmp = ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".lexicon-{name}.")
        with os.fdopen(fd, "wb") as f:
            f.write(pickle.dumps((key, data), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, folder / f"lexicon-{name}.pickle")
    except OSError:  # not kept: the next process parses the file again
        if tmp:
            Path(tmp).unlink(missing_ok=True)


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
