"""The quotes pass: every span between quotation marks, with a first guess at its shape.

Pairing the marks is `marks.find_spans`' job; this pass runs it over each paragraph, links a
quote left open to the paragraph that re-opens it, and guesses the kind from the shape alone:
"direct" for a full utterance (a sentence, or a capitalised stretch with a speech verb beside
it), "partial" for a fragment woven into the writer's sentence. The attribution pass decides the
speaker and turns a speakerless quote into "scare" where that is right.
"""

from __future__ import annotations

import re

from newsarchive.extract.draft import Draft, QuoteDraft
from newsarchive.extract.marks import MarkSpan, find_spans, lexicon
from newsarchive.records import Diagnostic, QuoteKind

_CLOSERS = "”’\"'»›«‹)]"
_WORDS = re.compile(r"[^\W\d_]+")
# How far around a quote a speech verb is looked for: the length of "…,” Defence Minister,
# Sergey Shoigu, reportedly told" with room to spare.
_WINDOW = 80
_CUE_WORDS = 7
_CLAUSE_END = re.compile(r"[.?!;“\"]")
MAX_QUOTES = 10_000
"""Quotations annotated at most in one article. The most any corpus article holds is 82; an
article of 300,000 (2.7 MB of `word "q" `) took 20 s and 750 MB to extract and 2 GB to build.
Its text is still shown; the quotations past the limit are not annotated, with a warning."""


def _cue_after(text: str, at: int, verbs: frozenset[str]) -> bool:
    """Say whether a speech verb follows the closing mark at `at` in the same sentence."""
    end = min(len(text), at + 1 + _WINDOW)
    stop = _CLAUSE_END.search(text, at + 1, end)
    words = _WORDS.findall(text, at + 1, stop.start() if stop else end)[:_CUE_WORDS]
    return any(w.lower() in verbs for w in words)


def _starts_sentence(text: str, at: int) -> bool:
    """Say whether the opening mark at `at` starts a sentence (or follows a colon)."""
    j = at - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] in ".?!…:":
        return True
    # “…,” she said. or “…?” “…”: a closing mark after sentence punctuation ends a sentence too.
    return text[j] in _CLOSERS and text[j - 1 : j] in (".", "?", "!", "…", ",")


def _cue_before(text: str, at: int, verbs: frozenset[str], reach: int) -> bool:
    """Say whether a speech verb stands among the `reach` words before the opening mark at `at`."""
    words = _WORDS.findall(text, max(0, at - 40), at)[-reach:]
    return any(w.lower() in verbs for w in words)


def guess_kind(text: str, span: MarkSpan) -> QuoteKind:
    """Return "direct" where the quote reads as a full utterance, "partial" where it is a fragment."""
    first = _WORDS.search(text, span.start, span.end)
    if first is None or span.depth:
        return "partial"
    verbs = lexicon().speech_verbs
    starts = span.open_mark is None or _starts_sentence(text, span.open_at)
    if text[first.start()].islower():
        # A fragment, unless it opens the sentence and a speech verb follows (“… they are so not
        # like him,” she said): an utterance whose start was cut.
        long = text.count(" ", span.start, span.end) >= 2
        return "direct" if starts and long and _cue_after(text, span.close_at, verbs) else "partial"
    last = span.end - 1
    while last > span.start and text[last] in _CLOSERS:
        last -= 1
    ends_sentence = text[last] in ".?!…"
    words = text.count(" ", span.start, span.end) + 1
    if starts:
        runs_on = ends_sentence or text[span.end - 1] in ",:;—–-" or span.close_mark is None
        if runs_on or _cue_after(text, span.close_at, verbs):
            return "direct"
    # said “…, or for a longer quote told reporters “…
    if span.open_mark is not None and _cue_before(text, span.open_at, verbs, 3 if words >= 3 else 1):
        return "direct"
    if words >= 3 and (ends_sentence or _cue_after(text, span.close_at, verbs)):
        return "direct"
    return "partial"


def _reopens(spans: list[MarkSpan], text: str) -> bool:
    """Say whether a paragraph begins by re-opening a quote (its first mark starts the text)."""
    return bool(spans) and spans[0].open_mark is not None and not text[: spans[0].open_at].strip()


def find_quotes(draft: Draft) -> None:
    """Find every span between quotation marks, straight, curly or damaged."""
    paragraphs = draft.doc.paragraphs
    markdown = draft.doc.markdown
    found = [find_spans(p.text, markdown) for p in paragraphs]
    for index, (para, spans) in enumerate(zip(paragraphs, found, strict=True)):
        text = para.text
        next_reopens = index + 1 < len(paragraphs) and _reopens(found[index + 1], paragraphs[index + 1].text)
        full = len(draft.quotes) + len(spans) > MAX_QUOTES
        if full:
            spans = spans[:MAX_QUOTES - len(draft.quotes)]
            line = para.line_at(spans[-1].end) if spans else para.line
            draft.diagnostics.append(Diagnostic(draft.doc.path, line, f"over {MAX_QUOTES:,} quotations: "
                                                "those after this line are not annotated"))
        for s in spans:
            runs_to_end = s.close_mark is None and s.close_at == len(text)
            draft.quotes.append(QuoteDraft(
                para.index, s.start, s.end, s.open_mark, s.close_mark, kind=guess_kind(text, s),
                depth=s.depth, continued=s.reopened or (runs_to_end and s.depth == 0 and next_reopens)))
        if full:
            break  # (the paragraphs after it are shown, not annotated)
