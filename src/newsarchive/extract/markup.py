"""What the extraction passes read of a Markdown article: its text with the inline markup blanked.

"*The New York Times* reported", "according to *Bloomberg*", "**Mark Gurman** wrote": the marks
of emphasis, code and links stand between the words the passes look for. Each mark is replaced
by spaces, so every offset into the text is still an offset into the Markdown the renderer reads
(the marks a span covers are the renderer's to draw).
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsarchive.records import Document

_MARKS = re.compile(
    r"(?<![\w*])\*{1,3}(?=[^\s*])"  # "*word" opening emphasis
    r"|(?<=[^\s*])\*{1,3}(?![\w*])"  # "word*" closing it
    r"|(?<![\w_])_{1,3}(?=[^\s_])"  # "_word", not "snake_case"
    r"|(?<=[^\s_])_{1,3}(?![\w_])"
    r"|`+"
    r"|\]\([^()\s]{0,2000}\)"  # a link's "](https://…)"
    r"|\[(?=[^\[\]]{1,500}\]\()"  # and its "["
)


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def plain_view(doc: Document) -> Document:
    """Return the document as the passes read it: a Markdown one with its inline marks blanked
    out, offsets unchanged; any other as it is."""
    if not doc.markdown:
        return doc
    paragraphs = tuple(replace(p, text=_MARKS.sub(_blank, p.text)) if any(c in p.text for c in "*_`[") else p
                       for p in doc.paragraphs)
    return replace(doc, paragraphs=paragraphs)
