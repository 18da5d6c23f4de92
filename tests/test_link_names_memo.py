"""The link step's names kept from the last build (`build.names_memo`) give what working them out gives."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from newsarchive.build.cache import Cache
from newsarchive.build.names_memo import NamesMemo
from newsarchive.link.archive import link_entities
from newsarchive.records import Article, Claim, Person, Quote, Request, Source
from test_link import SPAN, article

FIRST = ["Maria", "John", "Anna", "Kim", "Eduard", ""]
LAST = ["Lopez", "Smith", "Berg", "Heger", "Putin"]
TITLES = ["", "Dr ", "President ", "Mr "]
SOURCES = ["the BBC", "BBC", "Financial Times", "FT", "the Guardian", "Reuters", "Ferry Company"]


def random_article(rng: random.Random, slug: str) -> Article:
    people = [Person((rng.choice(TITLES) + rng.choice(FIRST) + " " + rng.choice(LAST)).strip(),
                     roles=tuple(rng.sample(["mayor", "spokesman", "minister"], rng.randint(0, 1))),
                     aliases=tuple(rng.sample(LAST, rng.randint(0, 1))))
              for _ in range(rng.randint(0, 4))]
    sources = [Source(rng.choice(SOURCES), rng.choice(["outlet", "organisation"]),
                      tuple(rng.sample(["FT", "BBC", "Reuters", "the paper"], rng.randint(0, 2))))
               for _ in range(rng.randint(0, 3))]
    names = [p.name for p in people] + [s.name for s in sources] + LAST
    quotes = [Quote(f"quote {i}", "direct", rng.choice([*names, ""]) or None, SPAN)
              for i in range(rng.randint(0, 3))]
    claims = [Claim(f"claim {i}", rng.choice([*names, ""]) or None, SPAN) for i in range(rng.randint(0, 3))]
    requests = []
    if people and rng.random() < 0.3:
        kind = rng.choice(["same-person", "different-person"])
        requests.append(Request(kind, rng.choice(people).name, rng.choice([*LAST, "Nobody Here"]),
                                path=f"articles/{slug}.annotations.yaml", line=3))
    return article(slug, people, sources, quotes, claims, requests,
                   date=rng.choice([None, "2024-01-02", "2024-03-04", "2023-12-31"]))


def edited(rng: random.Random, arts: list[Article]) -> list[Article]:
    """Return the archive after one random edit: names kept, aliases changed, rewritten, deleted or added."""
    arts = list(arts)
    i = rng.randrange(len(arts))
    old = arts[i]
    what = rng.random()
    if what < 0.35:  # other quotes, claims and roles; the same names
        new = random_article(rng, old.slug)
        roles = new.people[0].roles if new.people else ()
        arts[i] = article(old.slug, [replace(p, roles=roles) for p in old.people], list(old.sources),
                          list(new.quotes), list(new.claims), list(old.requests), date=old.doc.date)
    elif what < 0.7:  # only the aliases
        people = [replace(p, aliases=tuple(rng.sample(LAST, rng.randint(0, 1)))) for p in old.people]
        sources = [replace(s, aliases=tuple(rng.sample(["FT", "BBC", "Reuters"], rng.randint(0, 2))))
                   for s in old.sources]
        arts[i] = article(old.slug, people, sources, list(old.quotes), list(old.claims), list(old.requests),
                          date=old.doc.date)
    elif what < 0.85:
        arts[i] = random_article(rng, old.slug)
    elif len(arts) > 2:
        del arts[i]
    else:
        arts.append(random_article(rng, "added"))
    return arts


@pytest.mark.parametrize("seed", range(6))
def test_names_kept_across_random_edits_equal_names_worked_out(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    cache = Cache(tmp_path / "cache.sqlite")
    reused = 0
    for trial in range(40):
        arts = [random_article(rng, f"a{i}") for i in range(rng.randint(3, 8))]
        memo = NamesMemo(cache)
        assert link_entities(arts, memo) == link_entities(arts)
        memo.save()
        arts = edited(rng, arts)
        memo = NamesMemo(cache)
        got = link_entities(arts, memo)
        reused += memo.reused
        assert got == link_entities(arts), f"seed {seed}, trial {trial}"
    assert reused > 0
    cache.close()
