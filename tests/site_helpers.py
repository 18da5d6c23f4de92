"""Build sites for the site checks: the repo's seed articles, and a sample of real BBC stories."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

from newsarchive.cli import main

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "articles"
BBC = REPO.parent / "shared" / "corpus" / "bbc"


def missing(reason: str) -> NoReturn:
    """Skip for a missing tool (browser, axe-core, Java); fail instead when CI requires them all."""
    if os.environ.get("NEWSARCHIVE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (NEWSARCHIVE_REQUIRE_BROWSER=1, so this fails instead of skipping)",
                    pytrace=False)
    pytest.skip(reason)


def build_site(articles: Path, out: Path) -> Path:
    """Run `newsarchive build` in-process and return the output folder."""
    status = main(["build", "--articles", str(articles), "--output", str(out)])
    assert status == 0, f"newsarchive build --articles {articles} exited {status}"
    assert (out / "index.html").is_file(), f"building {articles} wrote no index.html"
    return out


def bbc_sample(dest: Path, per_topic: int) -> Path:
    """Copy the first stories of each BBC topic into `dest`; skip when ../shared is absent."""
    if not BBC.is_dir():
        pytest.skip(f"{BBC} is absent (the BBC corpus lives in ../shared)")
    dest.mkdir(parents=True, exist_ok=True)
    for topic in sorted(p for p in BBC.iterdir() if p.is_dir()):
        for story in sorted(topic.glob("*.txt"))[:per_topic]:
            # Names repeat across topics (001.txt in each), so the topic goes into the name.
            shutil.copyfile(story, dest / f"{topic.name}-{story.name}")
    return dest


def files(site: Path, *suffixes: str) -> list[Path]:
    """Return the site's files with these suffixes, sorted."""
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in suffixes)
