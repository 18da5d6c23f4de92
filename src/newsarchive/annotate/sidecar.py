"""Read an editor's sidecar file (`x.annotations.yaml` beside `x.txt`) into typed corrections.

Every correction keeps the line it was written on, so one that no longer matches the article can
be reported as `file:line: message`. A file that is not valid YAML, or holds something we do not
understand, gives diagnostics with their lines, never a traceback; the parts that can be read are
still applied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml

from newsarchive.records import Diagnostic, QuoteKind

SIDECAR_SUFFIX = ".annotations.yaml"
RELATIONS = ("agrees", "disagrees", "related")
KINDS = ("direct", "partial", "scare")
Relation = Literal["agrees", "disagrees", "related"]


@dataclass(frozen=True, slots=True)
class QuoteFix:
    """Set the speaker (and optionally the kind) of the quote whose text starts with `text`."""

    text: str
    speaker: str | None
    kind: QuoteKind | None
    line: int


@dataclass(frozen=True, slots=True)
class ClaimAdd:
    """Mark words of the body as a claim."""

    text: str
    by: str | None
    why: str
    line: int


@dataclass(frozen=True, slots=True)
class ClaimRemove:
    """Drop the claims holding these words."""

    text: str
    line: int


@dataclass(frozen=True, slots=True)
class NoteAdd:
    """An editor's note in Markdown, attached to some words of the body where `at` is given."""

    markdown: str
    at: str | None
    line: int


@dataclass(frozen=True, slots=True)
class PersonFix:
    """Say that a name is the same person as another, or not the person it would be joined to."""

    name: str
    same_as: str | None
    not_: str | None
    line: int


@dataclass(frozen=True, slots=True)
class LinkAdd:
    """Link a claim of this article to a claim of another (or the same) article."""

    claim: str
    other: str
    article: str
    relation: Relation
    how: str
    line: int


@dataclass(slots=True)
class Sidecar:
    """Everything one sidecar file asks for."""

    path: str
    quotes: list[QuoteFix] = field(default_factory=list)
    claims_add: list[ClaimAdd] = field(default_factory=list)
    claims_remove: list[ClaimRemove] = field(default_factory=list)
    notes: list[NoteAdd] = field(default_factory=list)
    people: list[PersonFix] = field(default_factory=list)
    links: list[LinkAdd] = field(default_factory=list)


def sidecar_for(article_path: Path) -> Path:
    """Return where the sidecar of an article file would be (`x.txt` → `x.annotations.yaml`)."""
    return article_path.with_name(article_path.stem + SIDECAR_SUFFIX)


class _Bad(Exception):
    """A value of the wrong shape, with the line it stands on."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _text(node: yaml.Node, what: str, optional: bool = False) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:null" or (node.value == "" and node.style is None):
            if optional:
                return None
            raise _Bad(_line(node), f"{what} is empty")
        return str(node.value)
    shape = "list" if isinstance(node, yaml.SequenceNode) else "mapping"
    raise _Bad(_line(node), f"{what} should be text, not a {shape}")


def _mapping(node: yaml.Node, what: str, keys: tuple[str, ...]) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise _Bad(_line(node), f"{what} should be a mapping of {', '.join(keys)}")
    out: dict[str, yaml.Node] = {}
    for k, v in node.value:
        key = str(k.value)
        if key not in keys:
            raise _Bad(_line(k), f"{what}: unknown key '{key}' (expected {', '.join(keys)})")
        out[key] = v
    return out


def _items(node: yaml.Node, what: str) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    raise _Bad(_line(node), f"{what} should be a list")


def _required(m: dict[str, yaml.Node], key: str, what: str, line: int) -> str:
    if key not in m:
        raise _Bad(line, f"{what} needs '{key}'")
    value = _text(m[key], f"{what} '{key}'")
    assert value is not None
    return value


def _quote(node: yaml.Node) -> QuoteFix:
    m = _mapping(node, "quote correction", ("quote", "speaker", "kind"))
    line = _line(node)
    if "speaker" not in m and "kind" not in m:
        raise _Bad(line, "quote correction needs 'speaker' (a name, or null for nobody) or 'kind'")
    kind = _text(m["kind"], "kind") if "kind" in m else None
    if kind is not None and kind not in KINDS:
        raise _Bad(_line(m["kind"]), f"kind must be one of {', '.join(KINDS)}, not '{kind}'")
    speaker = _text(m["speaker"], "speaker", optional=True) if "speaker" in m else None
    return QuoteFix(_required(m, "quote", "quote correction", line), speaker, kind, line)  # type: ignore[arg-type]


def _claim_add(item: yaml.Node) -> ClaimAdd:
    c = _mapping(item, "added claim", ("text", "by", "why"))
    by = _text(c["by"], "by", optional=True) if "by" in c else None
    why = (_text(c["why"], "why", optional=True) if "why" in c else None) or "marked by an editor"
    return ClaimAdd(_required(c, "text", "added claim", _line(item)), by, why, _line(item))


def _claim_remove(item: yaml.Node) -> ClaimRemove:
    text = _text(item, "removed claim")
    assert text is not None
    return ClaimRemove(text, _line(item))


def _note(node: yaml.Node) -> NoteAdd:
    if isinstance(node, yaml.ScalarNode):
        text = _text(node, "note")
        assert text is not None
        return NoteAdd(text, None, _line(node))
    m = _mapping(node, "note", ("text", "at"))
    at = _text(m["at"], "at", optional=True) if "at" in m else None
    return NoteAdd(_required(m, "text", "note", _line(node)), at, _line(node))


def _person(node: yaml.Node) -> PersonFix:
    m = _mapping(node, "person correction", ("name", "same_as", "not"))
    line = _line(node)
    same = _text(m["same_as"], "same_as") if "same_as" in m else None
    other = _text(m["not"], "not") if "not" in m else None
    if (same is None) == (other is None):
        raise _Bad(line, "person correction needs exactly one of 'same_as' (merge) or 'not' (split)")
    return PersonFix(_required(m, "name", "person correction", line), same, other, line)


def _link(node: yaml.Node) -> LinkAdd:
    m = _mapping(node, "claim link", ("claim", "article", "other", "relation", "how"))
    line = _line(node)
    relation = _text(m["relation"], "relation") if "relation" in m else "related"
    if relation not in RELATIONS:
        raise _Bad(_line(m["relation"]), f"relation must be one of {', '.join(RELATIONS)}, not '{relation}'")
    article = (_text(m["article"], "article", optional=True) if "article" in m else None) or ""
    how = (_text(m["how"], "how", optional=True) if "how" in m else None) or ""
    return LinkAdd(_required(m, "claim", "claim link", line), _required(m, "other", "claim link", line),
                   article, relation, how, line)  # type: ignore[arg-type]


def parse_sidecar(text: str, path: str) -> tuple[Sidecar, list[Diagnostic]]:
    """Read a sidecar's text; return what could be read and a diagnostic for each problem."""
    side = Sidecar(path)
    diags: list[Diagnostic] = []
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = exc.problem or exc.context
        diags.append(Diagnostic(path, line, f"not valid YAML: {reason}; file ignored", "error"))
        return side, diags
    except yaml.YAMLError as exc:
        diags.append(Diagnostic(path, None, f"not valid YAML: {exc}; file ignored", "error"))
        return side, diags
    except RecursionError:  # `[[[[…` thousands deep: PyYAML's composer recurses once a level
        diags.append(Diagnostic(path, None, "not valid YAML: nested too deeply; file ignored", "error"))
        return side, diags
    if root is None:
        return side, diags
    sections = ("quotes", "claims", "notes", "people", "links")
    try:
        top = _mapping(root, "the corrections file", sections)
    except _Bad as bad:
        diags.append(Diagnostic(path, bad.line, bad.message + "; file ignored", "error"))
        return side, diags

    def each(key: str) -> list[yaml.Node]:
        if key not in top:
            return []
        try:
            return _items(top[key], key)
        except _Bad as bad:
            diags.append(Diagnostic(path, bad.line, bad.message, "error"))
            return []

    def attempt(action: Callable[[yaml.Node], None], node: yaml.Node) -> None:
        try:
            action(node)
        except _Bad as bad:
            diags.append(Diagnostic(path, bad.line, bad.message + "; correction ignored", "error"))

    for node in each("quotes"):
        attempt(lambda n: side.quotes.append(_quote(n)), node)
    claims: dict[str, yaml.Node] = {}
    if "claims" in top:
        try:
            claims = _mapping(top["claims"], "claims", ("add", "remove"))
        except _Bad as bad:
            diags.append(Diagnostic(path, bad.line, bad.message, "error"))
    for key in ("add", "remove"):
        try:
            items = _items(claims[key], f"claims: {key}") if key in claims else []
        except _Bad as bad:
            diags.append(Diagnostic(path, bad.line, bad.message, "error"))
            items = []
        for node in items:
            if key == "add":
                attempt(lambda n: side.claims_add.append(_claim_add(n)), node)
            else:
                attempt(lambda n: side.claims_remove.append(_claim_remove(n)), node)
    for node in each("notes"):
        attempt(lambda n: side.notes.append(_note(n)), node)
    for node in each("people"):
        attempt(lambda n: side.people.append(_person(n)), node)
    for node in each("links"):
        attempt(lambda n: side.links.append(_link(n)), node)
    return side, diags


def read_sidecar(path: Path) -> tuple[Sidecar, list[Diagnostic]]:
    """Read a sidecar file; a file that cannot be read gives a diagnostic, not an exception."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        problem = Diagnostic(str(path), None, f"cannot read corrections file: {reason}", "error")
        return Sidecar(str(path)), [problem]
    return parse_sidecar(text, str(path))
