"""Files joined from per-article pieces, written again with the unchanged pieces' bytes copied.

The search index and archive.json hold a piece of every article (a line of JSON, search rows).
After a one-article edit, all but one piece are as last time: this module keeps, beside each such
file, where each article's piece lies in it (`Layout`: the piece's key and byte span), so that
the next build takes unchanged pieces from the previous site's file (checked against the hash the
last build recorded for it) instead of reading every article's pieces from the cache again.

A span is recorded by watching the file being written: the joining code asks for an article's
piece only once the chunk holding the piece before it has been written, and that chunk ends with
the piece (checked, byte for byte); where that does not hold, no layout is kept.
"""

from __future__ import annotations

import hashlib
import mmap
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from newsarchive.build.cache import loads

BLOCK = 1 << 16
"""Bytes `Splicer.chunks` gathers before it hands them on to be written."""


class BlobStore(Protocol):
    """Where layouts are kept: the cache, or what a child process sends back to be kept there."""

    def blob(self, name: str, key: str) -> bytes | None: ...

    def put_blob(self, name: str, key: str, data: bytes) -> None: ...


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each piece lies in one file: piece name → (piece key, start, end) in bytes."""

    spans: dict[str, tuple[str, int, int]]


def layout_name(relpath: str) -> str:
    """Return the cache's blob name for the layout of the file at `relpath`."""
    return f"layout:{relpath}"


class Splicer:
    """Write one joined file, taking unchanged pieces from the last build's copy of it.

    `old` is the previous site's file, used only where its bytes hash to `old_hash` (what the last
    build recorded for it) and the cache holds its layout under that hash.
    """

    def __init__(self, relpath: str, cache: BlobStore, old: Path | None, old_hash: str | None) -> None:
        self.relpath = relpath
        self.cache = cache
        self._old: mmap.mmap | None = None
        self._spans: dict[str, tuple[str, int, int]] = {}
        self.intact = False
        """True where the previous site's file was read and its bytes hash to `old_hash`."""
        if old is not None and old_hash:
            layout = loads(cache.blob(layout_name(relpath), old_hash) or b"")
            if isinstance(layout, Layout):
                self._open(old, old_hash, layout)
        self.spans: dict[str, tuple[str, int, int]] = {}
        """This build's layout, as it is written."""
        self._written = 0
        self._last = b""
        self._pending: tuple[str, str, bytes, str] | None = None
        self._copied: tuple[str, bytes] | None = None
        """The text `reused` gave last and its bytes in the old file: not encoded again where written."""
        self._sound = True

    def _open(self, old: Path, old_hash: str, layout: Layout) -> None:
        try:
            with old.open("rb") as f:
                mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return
        if hashlib.blake2b(mapped, digest_size=16).hexdigest() != old_hash:
            mapped.close()
            return
        self._old, self._spans, self.intact = mapped, layout.spans, True

    def has(self, name: str, key: str) -> bool:
        """Return True where piece `name` had this `key` in the last build's file (`reused` finds it)."""
        span = self._spans.get(name)
        return self._old is not None and span is not None and span[0] == key

    def reused(self, name: str, key: str) -> str | None:
        """Return the text piece `name` had in the last build's file, if it had this `key` there."""
        span = self._spans.get(name)
        if self._old is None or span is None or span[0] != key:
            return None
        data = self._old[span[1] : span[2]]
        text = data.decode("utf-8")
        self._copied = (text, data)
        return text

    def piece(self, name: str, key: str, text: str) -> str:
        """Note that `text` is the next piece to be written (it ends the next chunk); return it."""
        self._close_pending()
        copied, self._copied = self._copied, None
        # A piece copied from the old file is written as its bytes there, not encoded again (twice:
        # here and in `chunks`): ~99 % of a rebuild's 22 MB of joined text.
        data = copied[1] if copied is not None and copied[0] is text else text.encode("utf-8")
        self._pending = (name, key, data, text)
        return text

    def end(self) -> None:
        """Note that the pieces of this part of the file are all written."""
        self._close_pending()

    def _close_pending(self) -> None:
        if self._pending is None:
            return
        name, key, data, _ = self._pending
        self._pending = None
        if data and not self._last.endswith(data):
            self._sound = False
        self.spans[name] = (key, self._written - len(data), self._written)

    def chunks(self, chunks: Iterable[str]) -> Iterator[bytes]:
        """Encode the file's chunks, counting the bytes so that each piece's span is known.

        Yielded joined into blocks of about `BLOCK` bytes: the joining code yields a chunk or two
        per article, and writing and hashing 22,000 small chunks cost more than the bytes.
        """
        block: list[bytes] = []
        size = 0
        for chunk in chunks:
            # The piece noted last ends the chunk that was made before this one was asked for, and
            # so ends this one: its bytes are known.
            pending = self._pending
            if pending is not None and pending[3] and chunk.endswith(pending[3]):
                data = chunk[: len(chunk) - len(pending[3])].encode("utf-8") + pending[2]
            else:
                data = chunk.encode("utf-8")
            self._written += len(data)
            self._last = data
            block.append(data)
            size += len(data)
            if size >= BLOCK:
                yield b"".join(block)
                block, size = [], 0
        self._close_pending()
        if block:
            yield b"".join(block)

    def save(self, written_hash: str) -> None:
        """Keep this build's layout for the file whose bytes hash to `written_hash`."""
        if self._old is not None:
            self._old.close()
            self._old = None
        if self._sound:
            self.cache.put_blob(layout_name(self.relpath), written_hash,
                                pickle.dumps(Layout(self.spans), protocol=pickle.HIGHEST_PROTOCOL))
