"""Every quote's and claim's place at once (`quote_places`, `claim_places`) equals one at a time."""

from __future__ import annotations

import random
from dataclasses import replace

from newsarchive.records import Archive
from newsarchive.render.context import ArchiveIndex, Place, index_archive
from newsarchive.render.views import Group, claim_groups, quote_groups
from render_fixture import sample_archive

KINDS = ["direct", "partial", "scare"]


def _shuffled(archive: Archive, rng: random.Random) -> Archive:
    """Return the archive with its quotes' speakers and claims' sources drawn at random."""
    names = [None, *sorted({name for _, name in archive.names} | {"Nobody Known", "the MPs", "The MPs", ""})]
    articles = []
    for art in archive.articles:
        quotes = tuple(replace(q, speaker=rng.choice(names), kind=rng.choice(KINDS),
                               editorial=rng.random() < 0.2)
                       for q in art.quotes)
        claims = tuple(replace(c, by=rng.choice(names), editorial=rng.random() < 0.2) for c in art.claims)
        articles.append(replace(art, quotes=quotes, claims=claims))
    return replace(archive, articles=articles)


def _listed(groups: list[Group]) -> list[Place]:
    """Return the groups' places in article order."""
    return [p for _, p in sorted(((p.article.slug, p.index), p) for g in groups for p in g.places)]


def _one_at_a_time(archive: Archive, index: ArchiveIndex, quotes: bool) -> list[Place]:
    out: list[Place] = []
    for art in sorted(archive.articles, key=lambda a: a.slug):
        for i in range(len(art.quotes if quotes else art.claims)):
            p = index.quote_place_of(art, i) if quotes else index.claim_place_of(art, i)
            if p is not None and not (quotes and p.kind == "scare"):
                out.append(p)
    return out


def test_places_of_an_article_equal_one_at_a_time() -> None:
    rng = random.Random(3)
    base = sample_archive()
    for trial in range(40):
        archive = base if trial == 0 else _shuffled(base, rng)
        index = index_archive(archive)
        for art in archive.articles:
            assert index.quote_places(art) == [index.quote_place_of(art, i) for i in range(len(art.quotes))]
            assert index.claim_places(art) == [index.claim_place_of(art, i) for i in range(len(art.claims))]
        # Grouped, every attributed quote and every claim is listed once, as its place one at a time.
        assert _listed(quote_groups(archive, index)) == _one_at_a_time(archive, index, quotes=True)
        assert _listed(claim_groups(archive, index)) == _one_at_a_time(archive, index, quotes=False)
