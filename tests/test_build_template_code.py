"""The templates' compiled code kept in the cache: used only for the same sources, never a different site."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import jinja2
import pytest

from newsarchive.build.cache import CACHE_DIR
from test_build_engine import make_archive, run, same_as_a_clean_build

BUILTIN = Path(__file__).resolve().parent.parent / "src" / "newsarchive" / "templates"


def kept_code(root: Path) -> list[tuple[str, bytes]]:
    with sqlite3.connect(root / CACHE_DIR / "cache.sqlite") as db:
        return [(name, bytes(data)) for name, data in
                db.execute("SELECT name, data FROM blobs WHERE name LIKE 'template-code:%' ORDER BY name")]


def test_a_rebuild_compiles_no_template_whose_source_is_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = make_archive(tmp_path)
    run(tmp_path)
    assert kept_code(tmp_path), "the first build keeps the code of what it compiled"
    path = sorted(articles.glob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA late paragraph.\n", encoding="utf-8")
    compiled: list[str | None] = []
    real = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, name: str | None = None,
                filename: str | None = None, raw: bool = False, defer_init: bool = False) -> object:
        compiled.append(name)
        return real(self, source, name, filename, raw, defer_init)  # type: ignore[call-overload]

    with monkeypatch.context() as patch:
        patch.setattr(jinja2.Environment, "compile", counted)
        run(tmp_path)
    assert compiled == []
    same_as_a_clean_build(tmp_path, 0)


def test_changed_user_templates_are_compiled_afresh(tmp_path: Path) -> None:
    """A template of the archive's own, changed between builds, shows as changed (sabotage: no checksum)."""
    articles = make_archive(tmp_path)
    (tmp_path / "templates").mkdir()
    base = (BUILTIN / "base.html").read_text(encoding="utf-8")
    macros = (BUILTIN / "_macros.html").read_text(encoding="utf-8")
    for step in range(4):
        (tmp_path / "templates" / "base.html").write_text(base.replace("</body>", f"<!-- v{step} --></body>"),
                                                          encoding="utf-8")
        if step % 2:
            (tmp_path / "templates" / "_macros.html").write_text(macros + f"\n{{# v{step} #}}\n",
                                                                 encoding="utf-8")
        path = sorted(articles.glob("*.txt"))[step % 2]
        path.write_text(path.read_text(encoding="utf-8") + "\n\nA late paragraph.\n", encoding="utf-8")
        run(tmp_path)
        assert f"<!-- v{step} -->".encode() in (tmp_path / "site" / "index.html").read_bytes()
        same_as_a_clean_build(tmp_path, step)


@pytest.mark.parametrize("seed", range(3))
def test_damaged_code_in_the_cache_is_compiled_afresh(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    articles = make_archive(tmp_path)
    run(tmp_path)
    for step in range(3):
        with sqlite3.connect(tmp_path / CACHE_DIR / "cache.sqlite") as db:
            for name, data in kept_code(tmp_path):
                what = rng.random()
                if what < 0.3:
                    bad = data[: rng.randrange(len(data))]
                elif what < 0.6:
                    at = rng.randrange(len(data))
                    bad = data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]
                elif what < 0.8:
                    bad = rng.randbytes(len(data))
                else:
                    bad = data
                db.execute("UPDATE blobs SET data = ? WHERE name = ?", (bad, name))
        path = rng.choice(sorted(articles.glob("*.txt")))
        path.write_text(path.read_text(encoding="utf-8") + "\n\nA late paragraph.\n", encoding="utf-8")
        run(tmp_path, jobs=rng.choice([1, 2]))
        same_as_a_clean_build(tmp_path, step)
