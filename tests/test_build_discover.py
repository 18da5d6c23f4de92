"""Which files a build reads: articles in order, sidecars beside them, links followed only inside."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsarchive.build.discover import discover


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    for rel in ("top.txt", "a/one.txt", "a/two.md", "a/two.annotations.yaml", ".h.txt", ".hidden/x.txt",
                "b/Z.TXT", "a/sub/deep.markdown", "a/notes.yaml", "a/dir.txt/inner.txt"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text("x\n", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("secret\n", encoding="utf-8")
    os.symlink("../../outside.txt", root / "a/evil.txt")
    os.symlink("one.txt", root / "a/good.txt")
    os.symlink("nothing.txt", root / "a/broken.txt")
    os.symlink("../../outside.txt", root / "a/one.annotations.yaml")
    os.symlink("../b", root / "linked")
    os.symlink("a/two.annotations.yaml", root / "top.annotations.yaml")
    os.symlink("loop2.txt", root / "a/loop1.txt")  # links that lead to each other
    os.symlink("loop1.txt", root / "a/loop2.txt")
    os.symlink("../loop1.txt", root / "a/sub/deep.annotations.yaml")
    os.mkfifo(root / "a/fifo.txt")
    return root


def test_articles_in_order_with_sidecars_and_safe_links(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree.parent)
    found, skipped = discover(Path("articles"))
    assert [(f.display, f.sidecar.name if f.sidecar else None) for f in found] == [
        ("articles/top.txt", "top.annotations.yaml"),  # a folder's files first, then its folders, A to Z
        ("articles/a/good.txt", None),
        ("articles/a/one.txt", None),  # its sidecar links outside: not read
        ("articles/a/two.md", "two.annotations.yaml"),
        ("articles/a/dir.txt/inner.txt", None),
        ("articles/a/sub/deep.markdown", None),
        ("articles/b/Z.TXT", None),
    ]
    assert all(f.path.is_absolute() for f in found)
    outside = "symbolic link to a file outside the articles folder; not followed"
    assert [(d.path, d.message) for d in skipped] == [
        ("articles/a/broken.txt", "symbolic link to nothing readable; skipped"),
        ("articles/a/evil.txt", outside),
        ("articles/a/fifo.txt", "not a regular file; skipped"),
        ("articles/a/loop1.txt", "symbolic link that loops back on itself; skipped"),
        ("articles/a/loop2.txt", "symbolic link that loops back on itself; skipped"),
        ("articles/a/one.annotations.yaml", outside),
        ("articles/a/sub/deep.annotations.yaml", "symbolic link that loops back on itself; not followed"),
    ]


def test_a_folder_that_cannot_be_read_is_named(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if str(path).endswith("/a/sub"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.chdir(tree.parent)
    found, skipped = discover(Path("articles"))
    assert "articles/a/sub/deep.markdown" not in [f.display for f in found]
    assert ("articles/a/sub", "folder cannot be read (Permission denied); skipped") in [
        (d.path, d.message) for d in skipped]


def test_articles_folder_as_the_working_folder(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    found, _ = discover(Path("."))
    assert [f.display for f in found][:2] == ["top.txt", "a/good.txt"]
