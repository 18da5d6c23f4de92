"""JSON text as `json.dumps(x, ensure_ascii=False)` writes it, without its per-call set-up.

A build encodes ~200,000 small values (each list item of an article's data page, each row of the
search index, each page's JSON-LD). `json.dumps` with any argument but the defaults makes a new
`JSONEncoder` per call and `encode` a new C encoder: of the ~4.7 µs a typical item takes, ~2.3 µs
are that set-up. Here both are made once. Same text (tests/test_render_jsontext.py): no circular
check, which tree-shaped records never need.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from json import encoder as _encoder
from typing import Any


def _maker(item_separator: str, key_separator: str) -> Callable[[Any], str]:
    """Return a function writing a value as `json.dumps(value, ensure_ascii=False, separators=…)`."""
    default = json.JSONEncoder(ensure_ascii=False, separators=(item_separator, key_separator))
    make = getattr(_encoder, "c_make_encoder", None)
    if make is None:  # a Python without json's C accelerator: the encoder made once still helps
        return default.encode
    # (markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys,
    # allow_nan): what JSONEncoder.iterencode passes it, less the circular-reference markers.
    c_encode = make(None, default.default, _encoder.encode_basestring, None, key_separator,
                    item_separator, False, False, True)

    def dumps(value: Any) -> str:
        return "".join(c_encode(value, 0))

    return dumps


dumps: Callable[[Any], str] = _maker(", ", ": ")
"""`json.dumps(value, ensure_ascii=False)`."""
compact: Callable[[Any], str] = _maker(",", ":")
"""`json.dumps(value, ensure_ascii=False, separators=(",", ":"))`."""


Block = Callable[[Callable[[], Iterable[str]]], Iterable[str]]
"""Given how to make one part of a joined file (its people's and sources'), yield its texts.

The part is made as a few texts (`BLOCK_ITEMS` entries each) so that no text is large; each is
yielded as (the end of) one chunk. The build takes them from the last build's file where its
people and sources are the same (`build.splice`), else makes them.
"""
BLOCK_ITEMS = 256
"""Entries of a joined file's part in one text of a `Block`."""


def made(make: Callable[[], Iterable[str]]) -> Iterable[str]:
    """The plain `Block`: make the texts."""
    return make()


def grouped(texts: Iterable[str], size: int = BLOCK_ITEMS) -> Iterator[str]:
    """Yield `texts` joined `size` at a time (the last group shorter)."""
    group: list[str] = []
    for text in texts:
        group.append(text)
        if len(group) == size:
            yield "".join(group)
            group = []
    if group:
        yield "".join(group)
