"""The people and sources kept from the last build (`build.entities_memo`) equal those worked out anew."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from newsarchive.build.cache import Cache
from newsarchive.build.entities_memo import ENTITIES, EntitiesMemo
from newsarchive.link.archive import link_entities
from newsarchive.records import Article, Claim, Quote
from test_link import SPAN
from test_link_names_memo import edited, random_article


def reworded(rng: random.Random, arts: list[Article]) -> list[Article]:
    """Return the archive after an edit that leaves every name, speaker and claim source as it was."""
    arts = list(arts)
    i = rng.randrange(len(arts))
    old = arts[i]
    what = rng.random()
    if what < 0.3:  # the quotes' and claims' words, not who said them
        new = replace(old, quotes=tuple(Quote(q.text + " more", q.kind, q.speaker, SPAN) for q in old.quotes),
                      claims=tuple(Claim(c.text + " more", c.by, SPAN) for c in old.claims))
    elif what < 0.5:  # a quote or claim nobody is credited with, anywhere (those before it move on)
        at = rng.randint(0, len(old.claims))
        quotes = list(old.quotes)
        quotes.insert(rng.randint(0, len(quotes)), Quote("unsaid", "scare", None, SPAN))
        new = replace(old, quotes=tuple(quotes),
                      claims=(*old.claims[:at], Claim("12 per cent", None, SPAN), *old.claims[at:]))
    elif what < 0.7:  # a new date: the archive's order changes
        new = replace(old, doc=replace(old.doc, date=rng.choice([None, "2025-05-05", "2020-01-01"])))
    else:  # a title (the order of undated articles)
        new = replace(old, doc=replace(old.doc, title=rng.choice(["aaa", "zzz", old.doc.title])))
    arts[i] = new
    return arts


@pytest.mark.parametrize("seed", range(6))
def test_entities_kept_across_random_edits_equal_entities_worked_out(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    cache = Cache(tmp_path / "cache.sqlite")
    reused = 0
    for trial in range(40):
        arts = [random_article(rng, f"a{i}") for i in range(rng.randint(3, 8))]
        memo = EntitiesMemo(cache)
        assert memo(arts) == link_entities(arts)
        memo.save()
        for _ in range(3):
            arts = (reworded if rng.random() < 0.5 else edited)(rng, arts)
            memo = EntitiesMemo(cache)
            got = memo(arts)
            reused += memo.reused
            assert got == link_entities(arts), f"seed {seed}, trial {trial}"
            memo.save()
    assert reused > 0
    cache.close()


def test_a_damaged_memo_is_worked_out_again(tmp_path: Path) -> None:
    rng = random.Random(1)
    arts = [random_article(rng, f"a{i}") for i in range(6)]
    cache = Cache(tmp_path / "cache.sqlite")
    memo = EntitiesMemo(cache)
    memo(arts)
    memo.save()
    key = memo.pending
    assert key is None
    row = cache._run("SELECT key FROM blobs WHERE name = ?", (ENTITIES,))
    cache.put_blob(ENTITIES, row[0][0], b"not a pickle")
    memo = EntitiesMemo(cache)
    assert memo(arts) == link_entities(arts)
    assert not memo.reused
    cache.close()
