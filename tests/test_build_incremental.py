"""Rebuilds after random edits give exactly the site a clean build gives (every incremental form)."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.build.output import MARKER
from test_build_engine import make_archive, run, same_as_a_clean_build, tree

SENTENCES = [
    "\n\n“We will not back down,” said Maria Lopez, who chairs the residents' group.\n",
    "\n\nThe council said 3,400 people had signed the petition.\n",
    "\n\nJohn Smith, a spokesman for the Ferry Company, said fares would rise by 12%.\n",
    "\n\nAccording to the BBC, the vote was the closest in 40 years.\n",
    "\n\n“It is a scandal,” Dr Anna Berg told the Guardian.\n",
    "\n\nA late paragraph with nothing in it.\n",
]


def edit(rng: random.Random, articles: Path, step: int) -> None:
    """Change the archive as a writer might: append, rewrite a name, delete or add an article."""
    files = sorted(p for p in articles.iterdir() if p.suffix in (".txt", ".md"))
    path = rng.choice(files)
    what = rng.random()
    if what < 0.45:
        path.write_text(path.read_text(encoding="utf-8") + rng.choice(SENTENCES), encoding="utf-8")
    elif what < 0.6:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Maria Lopez", "Maria Lopes").replace("John Smith", "Maria Lopez"),
                        encoding="utf-8")
    elif what < 0.75 and len(files) > 3:
        path.unlink()
    else:
        body = rng.choice(files).read_text(encoding="utf-8").partition("\n")[2]
        (articles / f"added-{step}.txt").write_text(f"Added story {step}\n{body}{rng.choice(SENTENCES)}",
                                                    encoding="utf-8")


TWIN = "---\ntitle: Twin {n}\nslug: twin\n---\n\n“We will not back down,” said Maria Lopez.\n"
"""Two articles that are one record under another slug: the second is "twin-2" until the first goes."""


def random_rebuilds(root: Path, rng: random.Random, steps: int, twin_gone_at: int, pick: str,
                    sentence: Callable[[random.Random], str]) -> None:
    """Build the test archive with two twins, then rebuild it `steps` times after random edits: the
    first twin goes at step `twin_gone_at`; otherwise, half the time, an article matching `pick`
    gains `sentence(rng)`, and the rest of the time `edit` changes the archive."""
    articles = make_archive(root)
    for n in (1, 2):
        (articles / f"twin-{n}.md").write_text(TWIN.format(n=n), encoding="utf-8")
    run(root)
    for step in range(steps):
        if step == twin_gone_at:
            (articles / "twin-1.md").unlink()
        elif rng.random() < 0.5:
            path = rng.choice(sorted(articles.glob(pick)))
            path.write_text(path.read_text(encoding="utf-8") + sentence(rng), encoding="utf-8")
        else:
            edit(rng, articles, step)
        run(root, jobs=rng.choice([1, 2]))


def tamper_with_joined(rng: random.Random, root: Path) -> None:
    """Change the site's joined files in place: the next build must not copy pieces from them."""
    path = root / "site" / rng.choice(["archive.json", "search-index.js"])
    data = bytearray(path.read_bytes())
    at = rng.randrange(len(data) // 2, len(data))
    data[at : at + 1] = b"?"
    with path.open("r+b") as f:
        f.write(bytes(data))


def tamper_with_spare(rng: random.Random, root: Path) -> None:
    """Change the kept old site as nobody should: the next build must not carry any of it over."""
    spare = root / ".site.newsarchive-spare"
    if not spare.is_dir():
        return
    files = sorted(p for p in spare.rglob("*") if p.is_file() and p.name != MARKER)
    if not files:
        return
    victim = rng.choice(files)
    what = rng.random()
    if what < 0.3:
        victim.unlink()
        victim.write_bytes(b"stale bytes")  # same name, another inode
    elif what < 0.5:
        victim.unlink()
    elif what < 0.7:
        (victim.parent / "stray.html").write_bytes(b"not ours")
    elif what < 0.85:
        (spare / "articles" / "stray-folder").mkdir(parents=True, exist_ok=True)
        (spare / "articles" / "stray-folder" / "x.html").write_bytes(b"x")
    else:
        os.symlink(victim, victim.parent / "link.html")


@pytest.mark.parametrize("seed", range(6))
def test_rebuilds_after_random_edits_equal_a_clean_build(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    articles = make_archive(tmp_path)
    run(tmp_path, jobs=2)
    for step in range(5):
        for _ in range(rng.randint(1, 2)):
            edit(rng, articles, step)
        if rng.random() < 0.5:
            tamper_with_spare(rng, tmp_path)
        if rng.random() < 0.3:
            tamper_with_joined(rng, tmp_path)
        run(tmp_path, jobs=rng.choice([1, 2]))
        same_as_a_clean_build(tmp_path, step, f"seed {seed}, step {step}")
        assert not [p for p in (tmp_path / "site").rglob("*") if p.is_symlink()]


def test_a_build_stopped_between_saving_and_swapping_misleads_no_later_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache may describe a site that never took the output's place: its pages are not reused."""
    from newsarchive.build.output import SiteWriter

    articles = make_archive(tmp_path)
    run(tmp_path)
    for path in sorted(articles.glob("*.txt"))[:3]:
        path.write_text(path.read_text(encoding="utf-8") + SENTENCES[0], encoding="utf-8")

    def stopped(self: SiteWriter, key: str) -> None:
        raise KeyboardInterrupt  # killed once the cache has this build's pages, before the swap

    with monkeypatch.context() as patch:
        patch.setattr(SiteWriter, "finish", stopped)
        with pytest.raises(KeyboardInterrupt):
            run(tmp_path)
    run(tmp_path)  # the same articles again: every page's key is the one the cache holds
    run(tmp_path, "clean", cache=False)
    got, want = tree(tmp_path / "site"), tree(tmp_path / "clean")
    got.pop(MARKER), want.pop(MARKER)
    assert got == want
