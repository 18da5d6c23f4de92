"""The build's hashes, made from one buffer, equal the per-part updates they replaced."""

from __future__ import annotations

import hashlib
import random

from newsarchive.build.fingerprint import digest
from newsarchive.render.shared import SharedPage

ALPHABET = ["a", "Z", "0", "\0", " ", "é", "“", "€", "\ud83d", "\ude00", "😀", "\udcff", "\n", "ß"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 12)))


def _digest_per_part(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _key_per_part(path: str, parts: list[str]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in (path, *parts):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def test_digest_equals_an_update_per_part() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        parts: list[bytes | str] = [_text(rng) for _ in range(rng.randrange(0, 6))]
        parts = [p.encode("utf-8", "surrogatepass") if rng.random() < 0.2 else p for p in parts]
        assert digest(*parts) == _digest_per_part(*parts)
    assert digest() == _digest_per_part()


def test_shared_page_key_equals_an_update_per_part() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        path = _text(rng)
        parts = [_text(rng) for _ in range(rng.randrange(0, 8))]
        page = SharedPage(path, lambda parts=parts: list(parts), lambda: b"")
        assert page.key() == _key_per_part(path, parts)
