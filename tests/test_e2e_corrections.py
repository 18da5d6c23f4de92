"""End to end: an editor's sidecar changes a speaker on the built page, and the page says so."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from newsarchive.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "the-week-putin-mobilisation-revolution"


def build(articles: Path, out: Path) -> str:
    assert main(["build", "--articles", str(articles), "--output", str(out), "--no-cache", "-q"]) == 0
    return (out / "articles" / f"{ARTICLE}.html").read_text(encoding="utf-8")


def test_sidecar_changes_the_speaker_on_the_built_page(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "articles", articles)
    before = build(articles, tmp_path / "site")
    assert "people/jaroslav-nad.html" in before

    (articles / f"{ARTICLE}.annotations.yaml").write_text(
        "quotes:\n  - quote: By drafting the sons of Russian mothers\n    speaker: Eduard Heger\n",
        encoding="utf-8")
    after = build(articles, tmp_path / "site")
    mark = re.search(r'<q [^>]*>By drafting the sons', after)
    assert mark is not None
    mark_text = mark.group(0)
    assert "Eduard Heger" in mark_text
    assert "editorial" in mark_text
    heger = (tmp_path / "site" / "people" / "eduard-heger.html").read_text(encoding="utf-8")
    assert "By drafting the sons of Russian mothers" in heger


def test_a_stale_correction_is_reported_and_the_site_still_builds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "articles", articles)
    (articles / f"{ARTICLE}.annotations.yaml").write_text(
        "quotes:\n  - quote: words that are in no quote at all\n    speaker: Somebody\n", encoding="utf-8")
    assert main(["build", "--articles", str(articles), "--output", str(tmp_path / "site"), "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert f"{articles}/{ARTICLE}.annotations.yaml:2:" in err
    assert (tmp_path / "site" / "articles" / f"{ARTICLE}.html").is_file()
