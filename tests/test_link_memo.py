"""Linking claims again from the last build's memo gives exactly what linking from scratch gives."""

from __future__ import annotations

import pickle
import random

import pytest

from newsarchive.link import claim_memo
from newsarchive.link.claim_keys import ClaimKeys
from newsarchive.link.claim_links import link_claims, related_stories
from newsarchive.link.claim_memo import ClaimMemo, link_claims_again
from newsarchive.link.pieces import LinkPieces
from test_link import article

WORDS = [f"w{i}" for i in range(36)]
NAMES = [f"name {i}" for i in range(14)]


def random_pieces(rng: random.Random) -> LinkPieces:
    claims = []
    for _ in range(rng.randint(0, 7)):
        stems = frozenset(rng.sample(WORDS, rng.randint(2, 7)))
        denied = frozenset(rng.sample(sorted(stems), 2)) if rng.random() < 0.3 else frozenset()
        concepts = frozenset(rng.sample(WORDS[:6], rng.randint(0, 2)))
        claims.append(ClaimKeys(stems, concepts, (), denied, "not" if denied else "", frozenset()))
    return LinkPieces(tuple(claims), frozenset(rng.sample(NAMES, 2)))


def rows(table: object) -> list[tuple[str, int, str, int, str, str]]:
    return [(x.a.article, x.a.index, x.b.article, x.b.index, x.relation, x.how) for x in table]  # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", range(12))
def test_linking_again_after_random_edits_is_linking_afresh(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[int] = []

    def counting(*args: object) -> object:
        compared.append(len(args[3]))  # type: ignore[arg-type]
        return link_claims(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(claim_memo, "link_claims", counting)
    rng = random.Random(seed)
    archive = {f"a{i:02}": random_pieces(rng) for i in range(40)}
    prints = {slug: str(rng.random()) for slug in archive}
    memo: ClaimMemo | None = None
    reused = 0
    for _ in range(15):
        slugs = sorted(archive, key=lambda s: rng.random())  # the order must not matter
        articles = [article(s) for s in slugs]
        pieces = [archive[s] for s in slugs]
        full = link_claims(articles, pieces).table()
        again, new_memo = link_claims_again(articles, pieces, [prints[s] for s in slugs], memo)
        assert rows(again) == rows(full)
        if memo is not None:  # the memo spared some comparisons
            reused += compared[-1] < len(related_stories([p.names for p in pieces]))
        memo = pickle.loads(pickle.dumps(new_memo))  # as the cache keeps it
        # Edit: change one or two articles, add one, remove one, or change nothing.
        what = rng.choice(["change", "change", "two", "add", "remove", "none"])
        if what in ("change", "two"):
            for slug in rng.sample(sorted(archive), 1 if what == "change" else 2):
                archive[slug] = random_pieces(rng)
                prints[slug] = str(rng.random())
        elif what == "add":
            slug = f"b{rng.randrange(10**6)}"
            archive[slug], prints[slug] = random_pieces(rng), str(rng.random())
        elif what == "remove" and len(archive) > 5:
            del archive[rng.choice(sorted(archive))]
    assert reused


def test_an_article_without_fingerprint_is_always_compared_again() -> None:
    rng = random.Random(7)
    slugs = [f"a{i}" for i in range(30)]
    pieces = [random_pieces(rng) for _ in slugs]
    articles = [article(s) for s in slugs]
    _, memo = link_claims_again(articles, pieces, [None] * len(slugs), None)
    pieces[3] = random_pieces(rng)  # changed, but nobody can tell from the fingerprints
    again, _ = link_claims_again(articles, pieces, [None] * len(slugs), memo)
    assert rows(again) == rows(link_claims(articles, pieces).table())
