"""Decide which names in different articles are one person or one source.

People: the same full name (titles, initials and case aside) is one person; a name given alone
("Putin") joins the one full name across the archive that ends with it, and stays on its own
where two full names share it ("Heger" with Eduard and Kim Heger). Sources: the same name, "the"
and case aside, or a short form ("FT") that only one source uses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from newsarchive.lexicon import load_data

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(str(t).lower() for t in load_data("links").get("name_titles", []))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def person_key(name: str) -> tuple[str, ...]:
    """Return a person's name as comparable words: no titles, initials, possessive or case."""
    words = [w.strip("'-") for w in _TOKEN.findall(_fold(name))]
    words = [re.sub(r"'s$", "", w) for w in words if w]
    titles = _titles()
    while len(words) > 1 and words[0].rstrip(".") in titles:
        words = words[1:]
    # Initials ("Paul D. Ryan") and particles do not tell two people apart.
    core = [w for w in words if len(w) > 1]
    return tuple(core or words)


@lru_cache(maxsize=65536)
def source_key(name: str) -> str:
    """Return a source's name as a comparable string: no leading "the", punctuation or case, and
    "&" read as "and" ("Food & Agriculture Organisation" is the Food and Agriculture Organisation)."""
    words = [w.strip("'-.") for w in _TOKEN.findall(_fold(name.replace("&", " and ")))]
    words = [re.sub(r"'s$", "", w) for w in words if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


class UnionFind:
    """Disjoint sets over hashable nodes, with the smallest node as each set's root (deterministic)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


@dataclass(slots=True)
class Names:
    """Which archive-wide node each article's name belongs to."""

    node: dict[tuple[str, str], str] = field(default_factory=dict)
    """(article slug, name in that article) → node id before merging."""
    groups: UnionFind = field(default_factory=UnionFind)


def person_nodes(people: Iterable[tuple[str, str, Iterable[str]]], names: Names,
                 apart: Iterable[tuple[str, str, str]] = ()) -> None:
    """Group people given as (article slug, canonical name, aliases) across the archive.

    `apart` holds (slug, name, other name) an editor marked as different people.
    """
    apart = set(apart)
    single: list[tuple[str, str, tuple[str, ...]]] = []
    by_last: dict[str, set[tuple[str, ...]]] = {}
    entries = list(people)
    for slug, name, _aliases in entries:
        key = person_key(name)
        if not key:
            continue
        if len(key) == 1:
            single.append((slug, name, key))
            continue
        node = "p:" + " ".join(key)
        if any(s == slug and n == name for s, n, _ in apart):
            node += "@" + slug
        names.node[(slug, name)] = node
        names.groups.find(node)
        by_last.setdefault(key[-1], set()).add(key)
    for slug, name, key in single:
        fulls = by_last.get(key[0], set())
        barred = {person_key(other) for s, n, other in apart if s == slug and n == name}
        if len(fulls) == 1 and not (fulls & barred):
            names.node[(slug, name)] = "p:" + " ".join(next(iter(fulls)))
        else:
            # Unknown or ambiguous: a page of its own, shared with the same lone name elsewhere.
            names.node[(slug, name)] = "p:" + key[0] + ("@" + slug if barred else "")


def source_nodes(sources: Iterable[tuple[str, str, Iterable[str]]], names: Names) -> None:
    """Group sources given as (article slug, canonical name, aliases) across the archive."""
    entries = [(slug, name, tuple(aliases)) for slug, name, aliases in sources]
    for slug, name, _ in entries:
        names.node[(slug, name)] = "s:" + source_key(name)
    # Names one but for spaces, the full stops of initials or British and American spelling are one
    # source ("Time Warner", "TimeWarner"; "U.S. Embassy", "US Embassy"; "World Trade Centre", "…
    # Center").
    spelt: dict[str, str] = {}
    for slug, name, _ in entries:
        node = names.node[(slug, name)]
        first = spelt.setdefault(_spelling(node[2:]), node)
        if first != node:
            names.groups.union(first, node)
    # A company's name with its legal form ("Shanghai Automotive Industry Corp") is the company
    # named without it ("Shanghai Automotive"), where a source of that name is in the archive.
    existing = set(names.node.values())
    for node in sorted(existing):
        bare = _without_form(node[2:])
        if bare and "s:" + bare in existing:
            names.groups.union("s:" + bare, node)
    # A short form ("FT") joins the one source that uses it as an alias, where it names a source of
    # its own elsewhere; lower-case descriptions ("the paper") are never names.
    claimed: dict[str, set[str]] = {}
    for slug, name, aliases in entries:
        for alias in aliases:
            if alias[:1].isupper() or (alias.lower().startswith("the ") and alias[4:5].isupper()):
                claimed.setdefault("s:" + source_key(alias), set()).add(names.node[(slug, name)])
    for node, owners in sorted(claimed.items()):
        if len(owners) == 1 and node in existing:
            names.groups.union(node, next(iter(owners)))
        elif len(owners) > 1 and _one_spelling(node[2:], sorted(o[2:] for o in owners)):
            # "FAO" of both the "Food and Agriculture Organisation" and the "… Organization": the
            # short form both spell out, the names one but for spelling, is one body's (not the
            # "ABC" of the American Broadcasting Company and the Australian Broadcasting Corporation)
            first, *rest = sorted(owners)
            for owner in rest:
                names.groups.union(first, owner)
            if node in existing:
                names.groups.union(node, first)


@lru_cache(maxsize=1)
def _firm_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("links")
    return (frozenset(str(w) for w in data.get("firm_forms", [])),
            frozenset(str(w) for w in data.get("firm_generics", [])))


def _without_form(key: str) -> str:
    """Return a source's key (`source_key`) without a company's legal form at its end and the
    generic words before it ("shanghai automotive industry corp": "shanghai automotive"), or ""
    where it ends in none."""
    forms, generics = _firm_words()
    words = key.split(" ")
    if len(words) < 2 or words[-1] not in forms:
        return ""
    words.pop()
    while len(words) > 1 and words[-1] in generics:
        words.pop()
    return " ".join(words)


_SPELLINGS = ((re.compile(r"isation\b"), "ization"), (re.compile(r"isations\b"), "izations"),
              (re.compile(r"\bcentre\b"), "center"), (re.compile(r"\bcentres\b"), "centers"))


def _spelling(key: str) -> str:
    """Return a source's key (`source_key`) without its spaces, in American spelling: "u s
    embassy" and "us embassy", "time warner" and "timewarner" are one."""
    for pattern, american in _SPELLINGS:
        key = pattern.sub(american, key)
    return key.replace(" ", "")


_LINKING = frozenset(("and", "of", "for", "the", "on", "in", "de", "du", "des", "la", "le"))
"""Words a short form leaves out ("Food and Agriculture Organisation": FAO)."""


def _one_spelling(short: str, keys: list[str]) -> bool:
    """Return True where a short form is the initials of every one of some sources' names, as
    `source_key` gives them ("fao": "food and agriculture organisation", "… organization"), and
    their words differ only past their first four letters."""
    if " " in short or len(short) < 2:
        return False
    words = [[w for w in key.split() if w not in _LINKING] for key in keys]
    if any("".join(w[0] for w in ws) != short for ws in words):
        return False
    return all(a[:4] == b[:4] for ws in words[1:] for a, b in zip(words[0], ws, strict=True))
