"""Typed records that flow through the pipeline: load → extract → link → render.

Every record that comes from the text knows where it came from (a `Span`), so the renderer can
mark it in place and error messages can name the file and line.

The records are frozen to the type checker (`mypy --strict` rejects any assignment to a field)
but, once `quick_pickle` has given them a plain `__init__`, not at run time: a frozen dataclass's
`__setattr__` makes every field set in `__init__` a Python call, and the extraction makes
records by the hundred for every article (benchmarks/README.md, perfrec25). Equality, hashing,
`repr`, `dataclasses.replace` and pickling are those of a frozen dataclass.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import MISSING, dataclass, field, fields
from functools import lru_cache
from operator import attrgetter
from types import MemberDescriptorType
from typing import Any, Literal, TypeVar

QuoteKind = Literal["direct", "partial", "scare"]
ParagraphKind = Literal["text", "standfirst", "heading", "caption"]
SourceKind = Literal["outlet", "organisation"]
T = TypeVar("T")


def quick_pickle(cls: type[T]) -> type[T]:
    """Pickle a frozen dataclass as its class and field values, so unpickling calls `__init__`.

    The `__setstate__` that dataclasses give frozen, slotted classes looks the fields up again for
    every object: reading records back (from the cache, from workers) took five times as long.
    """
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    # One C call gathers the values (a list of `getattr`s was half of a record's pickling: a
    # build's workers pickle ~280,000 objects for 2,225 BBC articles); one name gives a value alone.
    values = attrgetter(*names) if len(names) > 1 else lambda obj: (getattr(obj, names[0]),)

    def __reduce__(self: Any) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    _quick_init(cls)
    return cls


_FACTORY = object()
"""Stands for a field left out of a call, where the field's default is made by a factory."""


def _quick_init(cls: type[Any]) -> None:
    """Give a frozen, slotted dataclass the `__init__` of an unfrozen one: `self.x = x`.

    The one dataclasses writes for a frozen class calls `object.__setattr__` for every field
    (0.85 µs for a Span), calling each slot's `__set__` 0.77 µs; a plain slot store, which the
    interpreter specialises, 0.36 µs. That needs the class's own `__setattr__` (the one that
    raises FrozenInstanceError) gone, so the class stays frozen only to the type checker.
    Records are made by the hundred for every article extracted, and again whenever the build
    cache or a worker's results are read. Same parameters, defaults and factories; a class this
    does not fit keeps the dataclasses one, and stays frozen.
    """
    own = fields(cls)
    if hasattr(cls, "__post_init__") or any(not f.init or f.kw_only is True for f in own) \
            or not all(isinstance(getattr(cls, f.name, None), MemberDescriptorType) for f in own):
        return
    env: dict[str, Any] = {"_FACTORY": _FACTORY}
    params: list[str] = []
    body: list[str] = []
    for i, f in enumerate(own):
        if f.default is not MISSING:
            env[f"_default{i}"] = f.default
            params.append(f"{f.name}=_default{i}")
        elif f.default_factory is not MISSING:
            env[f"_factory{i}"] = f.default_factory
            params.append(f"{f.name}=_FACTORY")
            body.append(f"    if {f.name} is _FACTORY:\n        {f.name} = _factory{i}()")
        else:
            params.append(f.name)
        body.append(f"    self.{f.name} = {f.name}")
    # Written as source and compiled, as dataclasses does it, so the call costs no loop over fields.
    exec(f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"]) + "\n", env)
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    # (The field-wise `__hash__` and `__eq__` of a frozen dataclass stay.)
    del cls.__setattr__, cls.__delattr__


@quick_pickle
@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one paragraph of one article."""

    paragraph: int
    """Index into `Article.paragraphs`."""
    start: int
    """Character offset of the first character, within the paragraph's text."""
    end: int
    """Character offset one past the last character, within the paragraph's text."""
    line: int
    """1-based line in the source file where the span starts."""


@quick_pickle
@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of the article body."""

    index: int
    kind: ParagraphKind
    text: str
    line: int
    """1-based line in the source file where the paragraph starts."""

    def line_at(self, offset: int) -> int:
        """Return the file line of an offset in the text, in log time (a paragraph may be 1 MB)."""
        return self.line + bisect_left(_newlines(self.text), offset)


@lru_cache(maxsize=64)
def _newlines(text: str) -> list[int]:
    """Return where the text's line breaks are (str caches its hash, so the lookup is cheap)."""
    return [m.start() for m in re.finditer("\n", text)]


@quick_pickle
@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A line of site furniture (sign-ups, subscribe boxes, author bios) kept out of the body."""

    text: str
    line: int
    reason: str
    """Which pattern recognised it (for `newsarchive check` and the data view)."""


@quick_pickle
@dataclass(frozen=True, slots=True)
class Quote:
    """Text between quotation marks, with its kind and (for speech) its speaker."""

    text: str
    """What stands between the marks, without them."""
    kind: QuoteKind
    speaker: str | None
    """Canonical name of the person or source whose words these are; None where nobody is named."""
    span: Span
    """Where the quoted text (inside the marks) stands."""
    cue: str | None = None
    """The attribution pass that chose the speaker ("said-X", "pronoun", …), so a reader can judge it."""
    unbalanced: bool = False
    """True where one of the marks was missing and the span was recovered."""
    editorial: bool = False
    """True where an editor's sidecar file set or changed this quote."""


@quick_pickle
@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement of fact and the source the article credits for it."""

    text: str
    by: str | None
    span: Span
    why: str = ""
    """What made it checkable (a number, a date, a named event), shown to the reader."""
    editorial: bool = False


@quick_pickle
@dataclass(frozen=True, slots=True)
class Mention:
    """One place a person or source is named."""

    span: Span
    form: str
    """The words used in the text ("Nad", "the FT")."""


@quick_pickle
@dataclass(frozen=True, slots=True)
class Person:
    """A named person in one article, by canonical (fullest) name."""

    name: str
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@quick_pickle
@dataclass(frozen=True, slots=True)
class Source:
    """An outlet, institution or organisation cited in one article."""

    name: str
    kind: SourceKind = "organisation"
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@quick_pickle
@dataclass(frozen=True, slots=True)
class Note:
    """An editor's note from a sidecar file, in Markdown."""

    markdown: str
    span: Span | None = None


@quick_pickle
@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in an input file, reported as `file:line: message`."""

    path: str
    line: int | None
    message: str
    severity: Literal["error", "warning"] = "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@quick_pickle
@dataclass(frozen=True, slots=True)
class Document:
    """What the loader reads from a file, before extraction."""

    path: str
    """The file's path as given (relative to the working folder where possible)."""
    slug: str
    title: str | None
    author: str | None
    outlet: str | None
    date: str | None
    """ISO date (YYYY-MM-DD) where known."""
    url: str | None
    tags: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    boilerplate: tuple[Boilerplate, ...]
    markdown: bool = False
    """True for `.md` files: paragraphs are Markdown source."""
    standfirst: str | None = None
    """The sub-heading under the headline, where there is one."""
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def heading(self) -> str:
        """The title, or the opening words of the text where the article has no headline."""
        if self.title:
            return self.title
        first = next((p.text for p in self.paragraphs if p.kind in ("text", "standfirst")), "")
        words = first.split()
        if not words:
            return self.slug
        return " ".join(words[:10]) + ("…" if len(words) > 10 else "")


@quick_pickle
@dataclass(frozen=True, slots=True)
class Request:
    """An editor's archive-level correction from a sidecar file, carried out by the link step."""

    kind: Literal["same-person", "different-person", "claim-link"]
    name: str
    """same/different-person: the person's name in this article; claim-link: text in this article's claim."""
    other: str
    """The other person's name, or text in the other article's claim."""
    article: str = ""
    """claim-link: slug of the other article (this article's slug where empty)."""
    relation: Literal["agrees", "disagrees", "related"] = "related"
    how: str = ""
    path: str = ""
    """The sidecar file, for diagnostics."""
    line: int | None = None


@quick_pickle
@dataclass(frozen=True, slots=True)
class Article:
    """A document with everything the extractors found in it."""

    doc: Document
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    people: tuple[Person, ...] = ()
    sources: tuple[Source, ...] = ()
    notes: tuple[Note, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    requests: tuple[Request, ...] = ()
    """Archive-level corrections from the article's sidecar (merged people, claim links)."""

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def slug(self) -> str:
        return self.doc.slug


# ---------------------------------------------------------------------------------------------
# Archive-level records: what the link step makes of all the articles together.

EntityKind = Literal["person", "outlet", "organisation"]
Relation = Literal["agrees", "disagrees", "related"]


@quick_pickle
@dataclass(frozen=True, slots=True)
class Ref:
    """A place in one article: a quote, claim or mention, by article slug and index."""

    article: str
    """The article's slug."""
    index: int
    """Index into that article's quotes, claims, or an entity's mentions, by context."""


@quick_pickle
@dataclass(frozen=True, slots=True)
class Entity:
    """One person or source across the whole archive: one page on the site."""

    id: str
    """Slug of its page (`people/<id>.html` or `sources/<id>.html`); unique within its kind."""
    name: str
    kind: EntityKind
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    quotes: tuple[Ref, ...] = ()
    claims: tuple[Ref, ...] = ()
    articles: tuple[str, ...] = ()
    """Slugs of the articles that mention it."""


@quick_pickle
@dataclass(frozen=True, slots=True)
class ClaimLink:
    """Two claims in different articles about the same thing."""

    a: Ref
    b: Ref
    relation: Relation
    how: str
    """How the link was found, in words a reader can judge ("same quantity word 'conscripts',
    300,000 against tens of thousands")."""
    editorial: bool = False


@quick_pickle
@dataclass(frozen=True, slots=True)
class Archive:
    """All articles, linked: what the renderer turns into a site."""

    articles: tuple[Article, ...]
    """Newest first; undated articles last, by title."""
    people: tuple[Entity, ...] = ()
    sources: tuple[Entity, ...] = ()
    names: dict[tuple[str, str], str] = field(default_factory=dict)
    """(article slug, canonical name in that article) → entity id, for people and sources alike."""
    claim_links: Sequence[ClaimLink] = ()
    """A tuple, or from the link step a compact `link.table.ClaimLinkTable`, which reads the same."""
    diagnostics: tuple[Diagnostic, ...] = ()
