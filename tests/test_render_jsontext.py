"""`render.jsontext` writes exactly what `json.dumps(..., ensure_ascii=False)` writes."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from newsarchive.render import jsontext

_STRINGS = ["", "plain", 'say "hi"', "back\\slash", "tab\tnew\nline", "\x00\x1f\x7f", "café",
            "“curly” ‘quotes’", "\u2028\u2029", "emoji 😀", "lone \ud800 surrogate", "</script>"]


def _value(rng: random.Random, depth: int = 0) -> Any:
    pick = rng.randrange(9 if depth < 3 else 6)
    if pick == 0:
        return rng.choice(_STRINGS)
    if pick == 1:
        return rng.randint(-10**20, 10**20)
    if pick == 2:
        return rng.choice([0.0, -0.0, 1.5, 1e20, 1e-7, 123456789.125, float("inf"), float("nan")])
    if pick == 3:
        return rng.choice([True, False, None])
    if pick == 4:
        return rng.randint(-5, 5)
    if pick == 5:
        return rng.choice(_STRINGS) + rng.choice(_STRINGS)
    if pick == 6:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    if pick == 7:
        return tuple(_value(rng, depth + 1) for _ in range(rng.randrange(3)))
    return {rng.choice([*_STRINGS, "k", "a b"]): _value(rng, depth + 1) for _ in range(rng.randrange(4))}


def test_the_same_text_as_json_dumps() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        value = _value(rng)
        assert jsontext.dumps(value) == json.dumps(value, ensure_ascii=False)
        assert jsontext.compact(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def test_what_json_cannot_write_fails_the_same_way() -> None:
    with pytest.raises(TypeError):
        json.dumps({"x": object()})
    with pytest.raises(TypeError):
        jsontext.dumps({"x": object()})
