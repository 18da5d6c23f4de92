"""Bytes to text: byte-order marks, UTF-16, legacy encodings, mojibake, stray control characters."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from newsarchive.errors import ArticleError

# Characters that cp1252 maps from bytes 0x80-0x9f, as they show up in UTF-8 text misread as cp1252.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# A UTF-8 lead byte (as a latin-1/cp1252 character) followed by one to three continuation bytes.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u00a0-\u00bf" + re.escape(_CP1252_HIGH) + "\u0080-\u009f]{1,3}"
)
_CONTROL = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\u200c\u200d\u2060\ufeff]")


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
    nuls = head.count(0)
    # A few stray NULs happen in scraped text; a NUL in every few bytes is a binary format.
    return nuls > max(8, len(head) // 100)


def _fix_mojibake(match: re.Match[str]) -> str:
    chunk = match.group(0)
    try:
        return chunk.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        try:
            return chunk.encode("latin-1").decode("utf-8")
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
            text = raw.decode("cp1252", errors="replace")
            encoding = "cp1252"
            line = raw[: exc.start].count(b"\n") + 1
            repairs.append(f"line {line}: not UTF-8, read as cp1252")
    if "\ufffd" in text and encoding != "cp1252":
        repairs.append("undecodable bytes replaced with U+FFFD")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _MOJIBAKE.search(text):
        fixed = _MOJIBAKE.sub(_fix_mojibake, text)
        if fixed != text:
            repairs.append("mojibake (UTF-8 read as cp1252) repaired")
            text = fixed
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
        repairs.append("control and zero-width characters removed")
    return Decoded(text=text, encoding=encoding, repairs=tuple(repairs))
