"""Bytes to text: byte-order marks, UTF-16, legacy encodings, mojibake, stray control characters."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from newsarchive.errors import ArticleError

# Characters that cp1252 maps from bytes 0x80-0x9f, as they show up in UTF-8 text misread as cp1252.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# A UTF-8 lead byte (as a latin-1/cp1252 character) followed by one to three continuation bytes.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u00a0-\u00bf" + re.escape(_CP1252_HIGH) + "\u0080-\u009f]{1,3}"
)
# C0 and C1 controls (bar tab and newlines) and zero-width characters: invisible, never content.
_CONTROL = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200c\u200d\u2060\ufeff]")

_NO_BREAK = re.compile("[\u00a0\u2007\u202f]")

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
# Signatures of formats that turn up among articles by mistake: PNG, JPEG, GIF, PDF, ZIP (docx too), gzip.
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text read from a file, with notes on what had to be repaired."""

    text: str
    encoding: str
    repairs: tuple[str, ...] = ()


def looks_binary(raw: bytes) -> bool:
    """Return True for data that is not text in any encoding we read (images, archives, …)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    head = raw[:8192]
    if not head:
        return False
    if head.startswith(_MAGIC):
        return True
    # A few stray NULs or control bytes happen in scraped text; one in every few bytes is a binary format.
    nuls = head.count(0)
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return nuls > max(8, len(head) // 100) or controls > max(16, len(head) // 20)


def _latin1(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


_LATIN1_FALLBACK = "newsarchive-latin1"
codecs.register_error(_LATIN1_FALLBACK, _latin1)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _original_byte(char: str) -> int:
    """Return the byte a cp1252 reader (latin-1 for bytes cp1252 leaves undefined) made `char` of."""
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        if ord(char) < 256:
            return ord(char)
        raise


def _fix_mojibake(match: re.Match[str]) -> str:
    chunk = match.group(0)
    try:
        # Per character: "â€\x9d" (a right double quote) mixes cp1252 and latin-1 readings.
        return bytes(_original_byte(c) for c in chunk).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return chunk


def decode(raw: bytes, path: str) -> Decoded:
    """Decode a file's bytes, repairing what can be repaired and saying what was done."""
    if looks_binary(raw):
        raise ArticleError("not a text file (binary data); skipped", path)
    repairs: list[str] = []
    if raw.startswith(codecs.BOM_UTF8):
        text, encoding = raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = raw.decode("utf-16", errors="replace"), "utf-16"
    else:
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            # Not UTF-8: cp1252 is a superset of latin-1 for printable text and what Windows
            # tools and old scrapers write; undefined bytes fall back to their latin-1 meaning.
            text = raw.decode("cp1252", errors=_LATIN1_FALLBACK)
            encoding = "cp1252"
            line = raw[: exc.start].count(b"\n") + 1
            repairs.append(f"line {line}: not UTF-8; read as cp1252")
    if "\ufffd" in text and encoding != "cp1252":
        line = _line_of(text, text.index("\ufffd"))
        repairs.append(f"line {line}: undecodable bytes replaced with U+FFFD")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        # Decomposed letters ("A" + combining tilde, as some scrapers write "Ã") would split a word
        # in two for every pass after this; composed, they are one letter (and mojibake is visible).
        text = unicodedata.normalize("NFC", text)
    first = _MOJIBAKE.search(text)
    if first:
        fixed = _MOJIBAKE.sub(_fix_mojibake, text)
        if fixed != text:
            repairs.append(f"line {_line_of(text, first.start())}: mojibake (UTF-8 read as cp1252) repaired")
            text = fixed
    first = _CONTROL.search(text)
    if first:
        repairs.append(f"line {_line_of(text, first.start())}: control or zero-width characters removed")
        text = _CONTROL.sub("", text)
    if _NO_BREAK.search(text):
        # No-break spaces are typography, not content: "Mr\u00a0Putin" is the name "Mr Putin".
        text = _NO_BREAK.sub(" ", text)
    return Decoded(text=text, encoding=encoding, repairs=tuple(repairs))
