"""Build newsarchive, with the extraction passes compiled by mypyc where that works.

Everything but the compiled modules is declared in pyproject.toml. The modules of
`newsarchive.extract` (not its __init__.py) go through mypyc into one C extension, about 1.4x
faster to extract (benchmarks/README.md). NEWSARCHIVE_NO_MYPYC=1 builds pure Python; so does a
build where mypyc or the C compiler fails, with a note on stderr (`pip install -v` shows it).
A digest of the compiled sources is written beside them: `newsarchive.compiled` runs the
sources instead wherever they no longer match (an edit after an editable install).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "src" / "newsarchive"
# Loaded by path: importing the newsarchive package here would need its dependencies.
_spec = importlib.util.spec_from_file_location("_newsarchive_compiled", SRC / "compiled.py")
assert _spec is not None and _spec.loader is not None
compiled = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compiled)

# Commands that only write metadata or a source archive: no need to type-check and generate C.
_NO_BUILD = {"egg_info", "dist_info", "sdist"}


def note(message: str) -> None:
    print(f"newsarchive setup.py: {message}", file=sys.stderr)


def mypyc_extensions() -> list[Any]:
    """Return the compiled extraction modules as setuptools Extensions, or [] for pure Python."""
    if compiled.switched_off():
        note(f"{compiled.SWITCH} is set: building pure Python")
        return []
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    if command is None or command in _NO_BUILD:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        note("mypyc (part of mypy) is not installed: building pure Python")
        return []
    paths = [str(p.relative_to(ROOT)) for p in compiled.compiled_sources(SRC)]
    try:
        return list(mypycify(paths, group_name="newsarchive_extract"))
    except (Exception, SystemExit) as exc:  # mypyc reports type errors by exiting
        note(f"mypyc failed ({exc!r}): building pure Python")
        return []


# mypyc's C calls one compiled function from another by its exported name; built as a shared
# object (-fPIC), each such call may be interposed by another library's symbol, so GCC neither
# inlines it nor calls it directly. The passes make many small calls: without interposition,
# extraction over the BBC corpus is ~4-8 % faster (benchmarks/README.md, round 12).
NO_INTERPOSITION = "-fno-semantic-interposition"


# Profile-guided optimisation (GCC): NEWSARCHIVE_PGO=<folder of articles> builds the compiled
# passes twice, the second time laid out for the branches and calls that extracting those
# articles takes (0-6 % faster over the BBC corpus trained on PolNeAR's in our runs, not yet
# established beyond the host's noise: benchmarks/README.md, thirteenth pass).
# Off by default: it doubles the build's time and needs the package's dependencies importable
# while building (`pip install --no-build-isolation`, or `setup.py build_ext --inplace`).
TRAIN_ON = "NEWSARCHIVE_PGO"
_TRAINING = """
import sys
from pathlib import Path
from newsarchive.errors import NewsarchiveError
from newsarchive.extract import COMPILED, extract_many
from newsarchive.load import read_document
if not COMPILED:
    sys.exit("the compiled passes did not load")
docs = []
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    try:
        docs.append(read_document(path))
    except NewsarchiveError:
        pass
if not docs:
    sys.exit("no articles")
for i in range(0, len(docs), 64):
    extract_many(docs[i : i + 64])
print(len(docs), "articles")
"""


def _is_gcc(compiler: Any) -> bool:
    """Return True where the C compiler is GCC (clang writes and reads its profiles otherwise)."""
    try:
        out = subprocess.run([compiler.compiler_so[0], "--version"], capture_output=True, text=True,
                             check=False).stdout
    except OSError:
        return False
    return "clang" not in out and ("gcc" in out.lower() or "Free Software Foundation" in out)


class OptionalBuildExt(build_ext):
    """Build the compiled modules if the C compiler can; otherwise leave pure Python."""

    extra: tuple[str, ...] = (NO_INTERPOSITION,)
    """Flags added for a Unix C compiler (GCC, clang)."""

    def build_extensions(self) -> None:
        if self.compiler.compiler_type == "unix":
            for ext in self.extensions:
                ext.extra_compile_args = [a for a in ext.extra_compile_args if a != NO_INTERPOSITION]
                ext.extra_compile_args += self.extra
        corpus = os.environ.get(TRAIN_ON, "")
        if corpus and self.extensions and self.compiler.compiler_type == "unix" and _is_gcc(self.compiler):
            self._build_trained(Path(corpus))
        else:
            super().build_extensions()

    def _build_trained(self, corpus: Path) -> None:
        """Build with GCC's profile-guided optimisation: build instrumented, extract `corpus`'s
        articles with that build, and build again with the counts it wrote."""
        base = [(list(ext.extra_compile_args), list(ext.extra_link_args)) for ext in self.extensions]

        def flags(compile_extra: list[str], link_extra: list[str]) -> None:
            for ext, (comp, link) in zip(self.extensions, base, strict=True):
                ext.extra_compile_args, ext.extra_link_args = comp + compile_extra, link + link_extra

        with tempfile.TemporaryDirectory(prefix="newsarchive-pgo-") as counts:
            flags([f"-fprofile-generate={counts}"], ["-fprofile-generate"])
            super().build_extensions()
            trained = self._train(corpus)
            # (-Werror is mypyc's: a function the training never ran has no counts, not an error)
            flags([f"-fprofile-use={counts}", "-fprofile-correction", "-Wno-missing-profile",
                   "-Wno-coverage-mismatch"] if trained else [], [])
            self.force = True
            super().build_extensions()

    def _train(self, corpus: Path) -> bool:
        """Run the instrumented build over `corpus` (as a build's workers do); False where it failed."""
        with tempfile.TemporaryDirectory(prefix="newsarchive-train-") as tree:
            # (A tree of the sources and the modules just built: those are still in the build
            # folder, even for an in-place build, and the sources are not.)
            shutil.copytree(SRC, Path(tree) / SRC.name, ignore=shutil.ignore_patterns("*.so", "__pycache__"))
            for ext in self.extensions:
                target = Path(tree) / self.get_ext_filename(ext.name)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(self.get_ext_fullpath(ext.name), target)
            stamp = Path(tree) / SRC.name / compiled.PACKAGE / compiled.STAMP  # (else the sources run)
            stamp.write_text(compiled.digest(SRC) + "\n", encoding="ascii")
            env = {k: v for k, v in os.environ.items() if k != compiled.SWITCH}
            env["PYTHONPATH"] = os.pathsep.join(filter(None, (tree, env.get("PYTHONPATH"))))
            done = subprocess.run([sys.executable, "-c", _TRAINING, str(corpus)], env=env, check=False,
                                  capture_output=True, text=True)
        if done.returncode != 0:
            note(f"training on {corpus} failed ({done.stderr.strip().splitlines()[-1:]}): "
                 "building without a profile")
            return False
        note(f"trained on {corpus}: {done.stdout.strip()}")
        return True

    def run(self) -> None:
        # (A failed `run` leaves `inplace` off and the compiler's name replaced by a compiler.)
        inplace, compiler = self.inplace, self.compiler
        try:
            try:
                super().run()
            except Exception as exc:
                if not self.extra:
                    raise
                # (a compiler that does not know the flag: build as mypyc alone would)
                note(f"compiling with {' '.join(self.extra)} failed ({exc!r}): trying without")
                self.extra, self.force, self.compiler, self.inplace = (), True, compiler, inplace
                super().run()
        except Exception as exc:
            note(f"compiling failed ({exc!r}): installing pure Python")
            self._remove_outputs(inplace)
            return
        if self.extensions:
            stamp = self._package_dir() / compiled.STAMP
            stamp.write_text(compiled.digest(SRC) + "\n", encoding="ascii")

    def _package_dir(self) -> Path:
        """Return the folder the compiled package's extensions went to (in place or the build tree)."""
        return Path(self.get_ext_fullpath(f"newsarchive.{compiled.PACKAGE}.pipeline")).parent

    def _remove_outputs(self, inplace: bool) -> None:
        """Delete what a failed build left, so no half-built module is packaged or imported."""
        for where in (False, True):  # the build tree, then the source tree
            self.inplace = where
            for ext in self.extensions:
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            (self._package_dir() / compiled.STAMP).unlink(missing_ok=True)
        self.inplace = inplace


setup(ext_modules=mypyc_extensions(), cmdclass={"build_ext": OptionalBuildExt})
