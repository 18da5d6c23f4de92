"""The choice between the mypyc-compiled extraction passes and their sources (newsarchive/compiled.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import newsarchive.extract
from newsarchive import compiled
from newsarchive.extract import COMPILED


def _tree(root: Path) -> Path:
    """Make a small newsarchive folder: an `extract` package with two modules, and the typed ones."""
    (root / "extract" / "sub").mkdir(parents=True)
    for name in ("extract/__init__.py", "extract/a.py", "extract/sub/__init__.py", "extract/sub/b.py",
                 *compiled.TYPES_FROM):
        (root / name).write_text(f"# {name}\n", encoding="utf-8")
    return root


def test_the_extraction_modules_are_all_compiled_or_all_sources() -> None:
    loaded = [m for name, m in sys.modules.items() if name.startswith("newsarchive.extract.")]
    assert loaded
    for module in loaded:
        assert str(module.__file__).endswith(".py") is not COMPILED, module.__name__
    assert newsarchive.extract.__file__ is not None and newsarchive.extract.__file__.endswith(".py")


def test_compiled_sources_leave_out_the_choosing_init(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    names = [p.relative_to(root).as_posix() for p in compiled.compiled_sources(root)]
    assert names == ["extract/a.py", "extract/sub/__init__.py", "extract/sub/b.py"]


def test_up_to_date_only_while_the_digest_matches(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    assert not compiled.up_to_date(root)  # never built
    (root / "extract" / compiled.STAMP).write_text(compiled.digest(root) + "\n", encoding="ascii")
    assert compiled.up_to_date(root)
    (root / "records.py").write_text("# changed\n", encoding="utf-8")
    assert not compiled.up_to_date(root)  # a module the compiled code takes types from
    (root / "extract" / compiled.STAMP).write_text(compiled.digest(root) + "\n", encoding="ascii")
    (root / "extract" / "sub" / "c.py").write_text("# new\n", encoding="utf-8")
    assert not compiled.up_to_date(root)  # a module mypyc never saw


def test_stale_only_where_compiled_modules_were_built_from_other_sources(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    assert not compiled.stale(root)  # never built: a source tree, nothing to say
    (root / "extract" / compiled.STAMP).write_text(compiled.digest(root) + "\n", encoding="ascii")
    assert not compiled.stale(root)
    (root / "extract" / "sub" / "c.py").write_text("# edited\n", encoding="utf-8")
    assert compiled.stale(root)  # an editable install edited since: the sources run


@pytest.mark.parametrize(("switch", "expected"), [("", True), ("0", True), ("1", False), ("yes", False)])
def test_the_switch_turns_compiled_modules_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              switch: str, expected: bool) -> None:
    root = _tree(tmp_path)
    (root / "extract" / compiled.STAMP).write_text(compiled.digest(root) + "\n", encoding="ascii")
    monkeypatch.setenv(compiled.SWITCH, switch)
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    assert compiled.choose("somepkg", str(root / "extract")) is expected


def test_sources_are_found_before_an_extension_beside_them(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "srcfirst_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "mod.py").write_text("WHERE = 'source'\n", encoding="utf-8")
    (package / "mod.cpython-311-x86_64-linux-gnu.so").write_bytes(b"not a library")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    monkeypatch.setenv(compiled.SWITCH, "1")
    assert compiled.choose("srcfirst_pkg", str(package)) is False
    from srcfirst_pkg import mod  # type: ignore[import-not-found]

    assert mod.WHERE == "source"
    for name in ("srcfirst_pkg.mod", "srcfirst_pkg"):
        sys.modules.pop(name, None)


def test_build_says_when_the_compiled_modules_are_stale(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from newsarchive.build import BuildResult
    from newsarchive.commands import build as command

    monkeypatch.delenv(compiled.SWITCH, raising=False)
    monkeypatch.setattr(compiled, "stale", lambda root: True)
    command.report(BuildResult(), quiet=False, verbose=False)
    assert compiled.STALE_NOTE in capsys.readouterr().err
    command.report(BuildResult(), quiet=True, verbose=False)
    assert compiled.STALE_NOTE not in capsys.readouterr().err
    monkeypatch.setattr(compiled, "stale", lambda root: False)
    command.report(BuildResult(), quiet=False, verbose=False)
    assert compiled.STALE_NOTE not in capsys.readouterr().err
