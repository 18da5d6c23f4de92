"""A rebuild's extraction worker, forked and readied before the inputs are hashed, changes nothing."""

from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path

import pytest

from newsarchive.build import warm
from newsarchive.build.warm import WarmWorker, edited_since
from newsarchive.build.work import Job, load_batch
from test_build_engine import SEEDS, make_archive, run, tree
from test_build_incremental import edit


def test_a_readied_worker_extracts_as_a_fresh_one() -> None:
    jobs = [Job(p.name, "", p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    before = load_batch(jobs)
    warm.ready()
    assert load_batch(jobs) == before


@pytest.mark.parametrize("seed", range(3))
def test_rebuilds_with_the_readied_worker_are_builds_afresh(tmp_path: Path, seed: int,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    seen: list[str] = []
    take, stop = WarmWorker.take, WarmWorker.stop

    def taken(self: WarmWorker) -> object:
        events.append("taken" if self.pool is not None else "none")
        return take(self)

    def stopped(self: WarmWorker) -> None:
        events.append("stopped" if self.pool is not None else "none")
        stop(self)

    monkeypatch.setattr(WarmWorker, "take", taken)
    monkeypatch.setattr(WarmWorker, "stop", stopped)
    rng = random.Random(seed)
    articles = make_archive(tmp_path / "a")
    if seed == 0:  # past 100 cached articles, a rebuild's few changed ones go to the readied worker
        copies = sorted(articles.glob("*.txt"))
        for i in range(110):
            src = copies[i % len(copies)]
            title, _, body = src.read_text(encoding="utf-8").partition("\n")
            (articles / f"copy-{i}.txt").write_text(f"{title} ({i})\n{body}", encoding="utf-8")
    run(tmp_path / "a", jobs=2)
    assert events == []  # no cache yet: no worker readied
    for step in range(4):
        edit(rng, articles, step)
        events.clear()
        run(tmp_path / "a", jobs=2)
        seen.extend(events)  # none where the edit deleted an article: nothing newer than the last build
        shutil.rmtree(tmp_path / "b", ignore_errors=True)
        shutil.copytree(articles, tmp_path / "b" / "articles")
        run(tmp_path / "b", jobs=1, cache=False)
        mine, fresh = tree(tmp_path / "a" / "site"), tree(tmp_path / "b" / "site")
        mine.pop(".newsarchive-site")
        fresh.pop(".newsarchive-site")
        assert mine == fresh
    events.clear()
    run(tmp_path / "a", jobs=2)  # nothing edited since the last build: no worker readied
    assert events == []
    if seed == 0:
        assert "taken" in seen


def test_edited_since_the_marker(tmp_path: Path) -> None:
    marker, article = tmp_path / "marker", tmp_path / "a.txt"
    article.write_text("x", encoding="utf-8")
    assert edited_since([article], marker)  # no marker: no last build to compare with
    marker.write_text("m", encoding="utf-8")
    stamp = marker.stat().st_mtime_ns
    os.utime(article, ns=(stamp - 10**9, stamp - 10**9))
    assert not edited_since([article], marker)
    assert edited_since([article, tmp_path / "gone.txt"], marker)
    os.utime(article, ns=(stamp + 10**9, stamp + 10**9))
    assert edited_since([article], marker)


def test_a_stopped_worker_is_not_waited_for() -> None:
    worker = WarmWorker()
    started = time.perf_counter()
    worker.stop()
    worker.stop()
    assert worker.take() is None
    assert time.perf_counter() - started < 0.1


def test_a_cold_build_readies_the_extraction_once_for_its_workers(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Where every worker has many articles to extract, the main process readies the extraction
    before forking them (they inherit it), and the site is the same as where each readies its own."""
    from newsarchive.build import engine

    readied: list[int] = []

    def ready() -> None:
        readied.append(os.getpid())
        warm.ready()

    monkeypatch.setattr(engine, "ready", ready)
    for name in ("a", "b"):
        articles = make_archive(tmp_path / name)
        for i, src in enumerate(sorted(articles.glob("*.txt")) * 3):  # past 8: two workers
            title, _, body = src.read_text(encoding="utf-8").partition("\n")
            (articles / f"copy-{i}.txt").write_text(f"{title} ({i})\n{body}", encoding="utf-8")
    monkeypatch.setattr(engine, "READY_HERE", 10**6)
    run(tmp_path / "a", jobs=2)
    assert readied == []
    monkeypatch.setattr(engine, "READY_HERE", 1)
    run(tmp_path / "b", jobs=2)
    assert readied == [os.getpid()]
    assert tree(tmp_path / "a" / "site") == tree(tmp_path / "b" / "site")


def test_readying_loads_what_a_first_article_with_claims_would() -> None:
    """The common words and the linking's lexicon are loaded by `ready`, not by the first article."""
    from newsarchive.lexicon import load_words
    from newsarchive.link.claim_keys import claim_keys, lexicon

    for cache in (load_words, lexicon, claim_keys):  # (a claim's keys are kept by its text)
        cache.cache_clear()
    warm.ready()
    assert load_words.cache_info().currsize == 1 and lexicon.cache_info().currsize == 1
