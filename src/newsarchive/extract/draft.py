"""The mutable working state the extraction passes share for one article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from newsarchive.records import Claim, Diagnostic, Document, Mention, Paragraph, QuoteKind

EntityKind = Literal["person", "outlet", "organisation"]


# (init=False and an __init__ of our own: mypyc compiles it, and makes one per object far faster
# than the __init__ dataclasses writes, which runs as Python.)
@dataclass(slots=True, init=False)
class QuoteDraft:
    """A quotation found in a paragraph; passes fill in kind and speaker."""

    paragraph: int
    start: int
    """Offset of the quoted text (after the opening mark) in the paragraph."""
    end: int
    """Offset one past the quoted text (before the closing mark)."""
    open_mark: str | None
    """The opening mark, or None where it was missing (damaged input)."""
    close_mark: str | None
    """The closing mark, or None where it was missing (damaged input)."""
    kind: QuoteKind
    speaker: str | None
    cue: str | None
    depth: int
    """How many quotes enclose this one: 1 for a quote inside a quote (the quoted speaker quoting)."""
    continued: bool
    """True where the quote has no closing mark because it runs on into the next paragraph,
    which re-opens it (the newspaper convention): that paragraph's first quote has the same speaker."""

    def __init__(self, paragraph: int, start: int, end: int, open_mark: str | None, close_mark: str | None,
                 kind: QuoteKind = "scare", speaker: str | None = None, cue: str | None = None,
                 depth: int = 0, continued: bool = False) -> None:
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.open_mark = open_mark
        self.close_mark = close_mark
        self.kind = kind
        self.speaker = speaker
        self.cue = cue
        self.depth = depth
        self.continued = continued

    @property
    def unbalanced(self) -> bool:
        return self.open_mark is None or self.close_mark is None


@dataclass(slots=True, init=False)  # (an __init__ of our own, as above)
class EntityDraft:
    """A person or source named in the article, gathered under its canonical name."""

    name: str
    kind: EntityKind
    roles: list[str]
    aliases: set[str]
    mentions: list[Mention]

    def __init__(self, name: str, kind: EntityKind, roles: list[str] | None = None,
                 aliases: set[str] | None = None, mentions: list[Mention] | None = None) -> None:
        self.name = name
        self.kind = kind
        self.roles = [] if roles is None else roles
        self.aliases = set() if aliases is None else aliases
        self.mentions = [] if mentions is None else mentions


@dataclass(slots=True)
class Draft:
    """Everything the passes know about one article so far."""

    doc: Document
    quotes: list[QuoteDraft] = field(default_factory=list)
    entities: dict[str, EntityDraft] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    broken: dict[int, bool] = field(default_factory=dict)
    """Whether each paragraph looked at by `line_at` has line breaks (body paragraphs seldom do)."""
    source: Document | None = None
    """The document as written, where `doc` is the passes' view of it (`markup.plain_view`)."""
    lede: tuple[str, str] | None = None
    """(role, person) where the first paragraph describes someone by office and the second names
    them (`attribution.lede`): the claims pass credits "…, the trade commissioner has said" so."""
    texts: list[str] | None = None
    """Each paragraph's text of `doc`, read once: a record's attributes cost compiled code a
    generic look-up each, and the sieves ask for a quotation's text tens of times an article."""

    def text(self, q: QuoteDraft) -> str:
        texts = self.texts
        if texts is None:
            texts = self.texts = [para.text for para in self.doc.paragraphs]
        return texts[q.paragraph][q.start : q.end]

    def line_at(self, para: Paragraph, offset: int) -> int:
        """Return the file line of an offset in a paragraph of this article.

        Most paragraphs are one line: their first line is the answer, without a call into
        `Paragraph.line_at` (Python code, where the passes are compiled) for every span.
        """
        broken = self.broken.get(para.index)
        if broken is None:
            broken = self.broken[para.index] = "\n" in para.text
        return para.line_at(offset) if broken else para.line
