"""The look-ups and article names made while the claims are linked are those made afterwards."""

from __future__ import annotations

import random
from dataclasses import fields, replace
from pathlib import Path

import pytest

from newsarchive.build import pages
from newsarchive.records import Archive
from newsarchive.render.context import ArchiveIndex, index_archive, index_with_links
from newsarchive.render.site import Site
from render_fixture import sample_archive
from test_build_engine import make_archive, run
from test_build_incremental import edit


def same_index(a: ArchiveIndex, b: ArchiveIndex) -> bool:
    """Return True where every look-up is the same (`paths` is filled as pages ask, so left out)."""
    return all(getattr(a, f.name) == getattr(b, f.name) for f in fields(ArchiveIndex) if f.name != "paths")


@pytest.mark.parametrize("seed", range(4))
def test_prepared_index_and_names_are_those_afresh(tmp_path: Path, seed: int,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    made_index, made_units = Site.index, pages.article_units

    def checked_index(self: Site, archive: Archive, unlinked: ArchiveIndex | None = None) -> ArchiveIndex:
        index = made_index(self, archive, unlinked)
        assert same_index(index, index_archive(archive))
        seen.append(unlinked is not None)
        return index

    def checked_units(archive: Archive, base: str, content: dict[str, str],
                      names_of: dict[str, list[str]] | None = None) -> list[pages.Unit]:
        assert names_of is None or names_of == pages.article_names(archive)
        units = made_units(archive, base, content, names_of)
        assert units == made_units(archive, base, content)
        seen.append(names_of is not None)
        return units

    monkeypatch.setattr(Site, "index", checked_index)
    monkeypatch.setattr(pages, "article_units", checked_units)
    rng = random.Random(seed)
    articles = make_archive(tmp_path)
    run(tmp_path)
    for step in range(8):
        edit(rng, articles, step)
        run(tmp_path, jobs=rng.choice([1, 2]))
    assert all(seen)


def test_an_index_of_other_records_is_built_again() -> None:
    archive = sample_archive()
    assert archive.names and archive.claim_links
    unlinked = index_archive(replace(archive, claim_links=type(archive.claim_links)()))
    assert same_index(index_with_links(unlinked, archive), index_archive(archive))
    # Other names (each name's entity swapped with the next's): not taken over from `unlinked`.
    keys, ids = list(archive.names), list(archive.names.values())
    renamed = replace(archive, names=dict(zip(keys, ids[1:] + ids[:1], strict=True)))
    assert not same_index(index_archive(renamed), index_archive(archive))
    assert same_index(index_with_links(unlinked, renamed), index_archive(renamed))
