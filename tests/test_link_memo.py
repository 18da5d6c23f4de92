"""Linking claims again from the last build's memo gives exactly what linking from scratch gives."""

from __future__ import annotations

import pickle
import random

import pytest

from newsarchive.link import claim_memo
from newsarchive.link.claim_keys import ClaimKeys
from newsarchive.link.claim_links import compare_stories, link_claims, rarity, related_stories
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
        compared.append(len(args[2]))  # type: ignore[arg-type]
        return compare_stories(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(claim_memo, "compare_stories", counting)
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


# Stems that are empty, or hold the separator `StoryWords` joins with or its escape character.
ODD = ["", "a\0b", "\0", "\\z", "b\\"]


@pytest.mark.parametrize("seed", range(10))
def test_only_changed_articles_and_their_partners_are_fetched(seed: int) -> None:
    rng = random.Random(1000 + seed)
    def pieces_of() -> LinkPieces:
        found = random_pieces(rng)
        if seed % 2 and found.claims and rng.random() < 0.3:
            first = found.claims[0]
            odd = ClaimKeys(first.stems | {rng.choice(ODD)}, first.concepts, (), first.denied, first.phrase,
                            frozenset())
            found = LinkPieces((odd, *found.claims[1:]), found.names)
        return found

    archive = {f"a{i:02}": pieces_of() for i in range(rng.randint(20, 60))}
    prints: dict[str, str | None] = {slug: str(rng.random()) for slug in archive}
    memo: ClaimMemo | None = None
    for _ in range(20):
        slugs = sorted(archive, key=lambda s: rng.random())
        articles = [article(s) for s in slugs]
        pieces = [archive[s] for s in slugs]
        asked: list[int] = []

        def fetch(wanted: list[int], asked: list[int] = asked,
                  pieces: list[LinkPieces] = pieces) -> list[LinkPieces]:
            assert not set(wanted) & set(asked), "fetched twice"
            asked.extend(wanted)
            return [pieces[i] for i in wanted]

        again, new_memo = link_claims_again(articles, fetch, [prints[s] for s in slugs], memo)
        assert rows(again) == rows(link_claims(articles, pieces).table())
        df, rare = rarity(pieces)
        assert new_memo.df == dict(df) and new_memo.rare == rare
        if memo is not None:
            unchanged = [i for i, s in enumerate(slugs) if s in memo.slugs and prints[s] is not None
                         and memo.stories[memo.slugs.index(s)].print == prints[s]]
            partners = {i for pair in related_stories([p.names for p in pieces]) for i in pair}
            assert not set(unchanged) & set(asked) - partners  # an unchanged article alone: never fetched
        memo = pickle.loads(pickle.dumps(new_memo))
        what = rng.choice(["change", "two", "add", "remove", "none", "unknown"])
        if what in ("change", "two", "unknown"):
            for slug in rng.sample(sorted(archive), 1 if what != "two" else 2):
                archive[slug] = pieces_of()
                prints[slug] = None if what == "unknown" else str(rng.random())
        elif what == "add":
            slug = f"b{rng.randrange(10**6)}"
            archive[slug], prints[slug] = pieces_of(), str(rng.random())
        elif what == "remove" and len(archive) > 5:
            del archive[rng.choice(sorted(archive))]


@pytest.mark.parametrize("odd", ODD)
def test_story_words_tell_every_word_apart(odd: str) -> None:
    claims = (ClaimKeys(frozenset({odd, "w1"}), frozenset(), (), frozenset(), "", frozenset()),
              ClaimKeys(frozenset({"w1", "w2"}), frozenset(), (), frozenset(), "", frozenset()))
    story = claim_memo.StoryWords.of(LinkPieces(claims, frozenset()), "print")
    assert story.counts() == {odd: 1, "w1": 2, "w2": 1}
    for many in (0, 40):  # a few words looked for one by one, many at once
        extra = {f"x{i}" for i in range(many)}
        assert story.uses_any({odd} | extra) and story.uses_any({"w2"} | extra)
        assert not story.uses_any({odd + "w", "w"} | extra - {odd})
