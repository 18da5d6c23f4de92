"""Apply an editor's sidecar corrections to one article.

Corrections find what they fix by its words (a quote's text or its start, words of a claim), so
they survive re-extraction; one whose words are no longer there is reported, never dropped in
silence. What an editor set is marked `editorial=True`. Corrections that span articles (same or
different person, claim links) are passed on to the link step as `Article.requests`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from newsarchive.annotate.sidecar import Sidecar, read_sidecar
from newsarchive.records import Article, Claim, Diagnostic, Mention, Note, Person, Quote, Request, Span

# Quotation marks and apostrophes compare equal whatever their shape; one character for one, so
# offsets found in the folded text hold in the original.
_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "\u00a0": " "})


def _fold(text: str) -> str:
    folded = text.translate(_FOLD).lower()
    return folded if len(folded) == len(text) else text.translate(_FOLD)


def _squash(text: str) -> str:
    return " ".join(_fold(text).split())


def locate(article: Article, words: str) -> Span | None:
    """Return where `words` stand in the article's body (quote shapes and case aside), or None."""
    want = _fold(words.strip())
    if not want:
        return None
    for para in article.doc.paragraphs:
        at = _fold(para.text).find(want)
        if at >= 0:
            return Span(para.index, at, at + len(want), para.line_at(at))
    return None


def _fix_quotes(article: Article, side: Sidecar, diags: list[Diagnostic]) -> tuple[Quote, ...]:
    quotes = list(article.quotes)
    for fix in side.quotes:
        want = _squash(fix.text)
        hits = [i for i, q in enumerate(quotes) if _squash(q.text).startswith(want)] or \
            [i for i, q in enumerate(quotes) if want in _squash(q.text)]
        if not hits:
            diags.append(Diagnostic(side.path, fix.line, f"no quote starts with “{fix.text}”; the correction "
                                    "no longer applies"))
            continue
        if len(hits) > 1:
            diags.append(Diagnostic(side.path, fix.line, f"{len(hits)} quotes start with “{fix.text}”; "
                                    "the first was corrected (quote more words to choose another)"))
        q = quotes[hits[0]]
        quotes[hits[0]] = dataclasses.replace(q, speaker=fix.speaker, kind=fix.kind or q.kind, cue="editor",
                                              editorial=True)
    return tuple(quotes)


def _fix_claims(article: Article, side: Sidecar, diags: list[Diagnostic]) -> tuple[Claim, ...]:
    claims = list(article.claims)
    for rm in side.claims_remove:
        want = _squash(rm.text)
        kept = [c for c in claims if want not in _squash(c.text)]
        if len(kept) == len(claims):
            diags.append(Diagnostic(side.path, rm.line, f"no claim holds “{rm.text}”; the correction no "
                                    "longer applies"))
        claims = kept
    for add in side.claims_add:
        span = locate(article, add.text)
        if span is None:
            diags.append(Diagnostic(side.path, add.line, f"“{add.text}” is not in the article; the claim "
                                    "was not added"))
            continue
        text = article.doc.paragraphs[span.paragraph].text[span.start : span.end]
        # An added claim replaces any found claim it overlaps, so one stretch is not claimed twice.
        claims = [c for c in claims if c.span.paragraph != span.paragraph
                  or c.span.end <= span.start or span.end <= c.span.start]
        claims.append(Claim(text, add.by, span, add.why, editorial=True))
    claims.sort(key=lambda c: (c.span.paragraph, c.span.start))
    return tuple(claims)


def _notes(article: Article, side: Sidecar, diags: list[Diagnostic]) -> tuple[Note, ...]:
    notes = list(article.notes)
    for n in side.notes:
        span = locate(article, n.at) if n.at else None
        if n.at and span is None:
            diags.append(Diagnostic(side.path, n.line, f"note: “{n.at}” is not in the article; the note is "
                                    "shown with the article as a whole"))
        notes.append(Note(n.markdown, span))
    return tuple(notes)


def _merge(people: list[Person], name: str, into: str) -> list[Person]:
    """Fold the person `name` into the person `into` (both in this article)."""
    a = next(p for p in people if p.name == name)
    b = next(p for p in people if p.name == into)
    merged = Person(b.name, tuple(dict.fromkeys(b.roles + a.roles)),
                    tuple(sorted(set(b.aliases) | set(a.aliases) | {a.name})),
                    tuple(sorted(b.mentions + a.mentions, key=lambda m: (m.span.paragraph, m.span.start))))
    return [merged if p is b else p for p in people if p is not a]


def _split(people: list[Person], name: str, other: str) -> list[Person] | None:
    """Take `name` out of the aliases of `other`, with the mentions that used it; None if it was not there."""
    owner = next((p for p in people if p.name == other and name in p.aliases), None)
    if owner is None:
        return None
    moved: tuple[Mention, ...] = tuple(m for m in owner.mentions if m.form == name)
    kept = dataclasses.replace(owner, aliases=tuple(a for a in owner.aliases if a != name),
                               mentions=tuple(m for m in owner.mentions if m.form != name))
    return [kept if p is owner else p for p in people] + [Person(name, (), (), moved)]


def apply_sidecar(article: Article, side: Sidecar) -> tuple[Article, list[Diagnostic]]:
    """Return the article with the sidecar's corrections made, and what could not be applied."""
    diags: list[Diagnostic] = []
    quotes = _fix_quotes(article, side, diags)
    claims = _fix_claims(article, side, diags)
    notes = _notes(article, side, diags)
    people = list(article.people)
    requests = list(article.requests)
    renamed: dict[str, str] = {}
    for fix in side.people:
        names = {p.name for p in people}
        known = names | {a for p in people for a in p.aliases}
        if fix.not_ is not None:
            split = _split(people, fix.name, fix.not_)
            if split is not None:
                people = split
            elif fix.name not in names:
                diags.append(Diagnostic(side.path, fix.line, f"no person named '{fix.name}' in the article; "
                                        "the correction no longer applies"))
                continue
            requests.append(Request("different-person", fix.name, fix.not_, path=side.path, line=fix.line))
            continue
        assert fix.same_as is not None
        if fix.name not in known:
            diags.append(Diagnostic(side.path, fix.line, f"no person named '{fix.name}' in the article; "
                                    "the correction no longer applies"))
        elif fix.name in names and fix.same_as in names and fix.name != fix.same_as:
            people = _merge(people, fix.name, fix.same_as)
            renamed[fix.name] = fix.same_as
        elif fix.name in names:
            requests.append(Request("same-person", fix.name, fix.same_as, path=side.path, line=fix.line))
    if renamed:
        quotes = tuple(dataclasses.replace(q, speaker=renamed[q.speaker]) if q.speaker in renamed else q
                       for q in quotes)
        claims = tuple(dataclasses.replace(c, by=renamed[c.by]) if c.by in renamed else c for c in claims)
    for link in side.links:
        requests.append(Request("claim-link", link.claim, link.other, article=link.article,
                                relation=link.relation, how=link.how, path=side.path, line=link.line))
    fixed = dataclasses.replace(article, quotes=quotes, claims=claims, notes=notes, people=tuple(people),
                                requests=tuple(requests))
    return fixed, diags


def apply_corrections(article: Article, sidecar_path: Path) -> tuple[Article, list[Diagnostic]]:
    """Read the sidecar file and apply it; every problem comes back as a `file:line` diagnostic."""
    side, diags = read_sidecar(sidecar_path)
    fixed, more = apply_sidecar(article, side)
    return fixed, diags + more
