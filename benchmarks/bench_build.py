#!/usr/bin/env python3
"""Time newsarchive builds of N real BBC articles: cold, rebuild with nothing changed, after one change.

    python benchmarks/bench_build.py [--articles 2225] [--runs 3] [--jobs 0] [--bytecode]
                                     [--edit KIND] [--check]

`--edit` names the kind of change a writer makes between the builds (`EDITS`; `paragraph`, the
default, is the one earlier figures measured); `--check` builds the edited articles cold in a
folder of their own after each one-change rebuild and fails unless the two sites are the same
files (the marker aside).

Articles come from ../shared/corpus/bbc (past 2,225 they repeat under new names and headlines).
Cold builds start with no cache and no output; the rebuilds reuse both, as a writer's edit-build
loop would. Peak memory is the largest resident set of the build and its workers (/usr/bin/time).
For the comparison with Pelican and Hugo, see ../shared/tools/bench_build.py and README.md here.
"""

from __future__ import annotations

import argparse
import filecmp
import itertools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc"


def make_articles(n: int, folder: Path) -> None:
    sources = sorted(p for p in CORPUS.rglob("*.txt") if p.name != "README.TXT")
    if not sources:
        sys.exit(f"no articles under {CORPUS}")
    folder.mkdir(parents=True)
    for i in range(n):
        src = sources[i % len(sources)]
        lap = i // len(sources)
        raw = src.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        title, _, body = text.partition("\n")
        name = f"{src.parent.name}-{src.stem}" + (f"-{lap}" if lap else "")
        headline = title.strip() + (f" ({lap})" if lap else "")
        (folder / f"{name}.txt").write_text(f"{headline}\n{body}", encoding="utf-8")


def speakers(article: Path, cwd: Path) -> list[str]:
    """Return the speakers of `article`'s quotes as the extraction finds them, most quoted first."""
    out = subprocess.run([sys.executable, "-m", "newsarchive", "extract", str(article)], cwd=cwd,
                         capture_output=True, text=True, check=True).stdout
    said = Counter(q["speaker"] for q in json.loads(out)["quotes"] if q["speaker"])
    return [name for name, _ in said.most_common()]


WORDS = ("soon", "again", "gladly", "openly", "calmly", "firmly", "warmly", "boldly", "plainly", "fully")
"""A word per run that makes each edit new without a figure (a figure would make it a claim)."""


class Editor:
    """The edits a writer makes to an archive of articles, one per run, each new (`EDITS`)."""

    def __init__(self, folder: Path, cwd: Path) -> None:
        self.folder = folder
        self.files = sorted(folder.iterdir())
        # The article in the middle of the folder, as ever; its most quoted speaker is a person
        # already in the archive (this build's extraction names them, no name is written here).
        self.victim = next(p for p in self.files[len(self.files) // 2 :] if speakers(p, cwd))
        self.person = speakers(self.victim, cwd)[0]

    def _append(self, text: str) -> None:
        self.victim.write_text(self.victim.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")

    def paragraph(self, run: int) -> None:
        """A late paragraph, which the extraction takes for a claim the writer states (its figure)."""
        self._append(f"A late paragraph, edit {run}.")

    def quote(self, run: int) -> None:
        """A new paragraph quoting the person the article quotes most."""
        self._append(f'"We will say more about this {WORDS[run % len(WORDS)]}," said {self.person}.')

    def new_person(self, run: int) -> None:
        """A new paragraph quoting a person named nowhere else."""
        given = ("Ottoline", "Bartholomew", "Wilhelmina", "Ignatius", "Philippa")[run % 5]
        surname = ("Quill", "Thistle", "Bracken", "Farrow", "Marl")[run // 5 % 5] + "wick" * (1 + run // 25)
        self._append(f'"We had not expected this {WORDS[run % len(WORDS)]}," said {given} {surname}.')

    def typo(self, run: int) -> None:
        """Two letters swapped in a word of the article's first long quotation (no new quote or claim).

        A different word each run, so that no edit puts back a text built before.
        """
        text = self.victim.read_text(encoding="utf-8")
        marks = [i for i, c in enumerate(text) if c == '"']
        for start, end in itertools.pairwise(marks):
            words = [m for m in re.finditer(r"[A-Za-z]{5,}", text[start:end]) if "\n" not in text[start:end]]
            if len(words) >= 10:
                break
        else:
            sys.exit(f"no quotation of ten long words in {self.victim}")
        word = words[run % len(words)]
        at = start + word.start()
        self.victim.write_text(text[:at + 2] + text[at + 3] + text[at + 2] + text[at + 4:], encoding="utf-8")

    def new_article(self, run: int) -> None:
        """A new, short article: a figure the writer states and a quote by the person above."""
        (self.folder / f"zz-new-{run}.txt").write_text(
            f"Council sets out plans, edit {run}\n\n"
            f"The council approved a budget of {run + 3} million pounds on Tuesday, "
            "the largest in a decade.\n\n"
            f'"We have listened to residents {WORDS[run % len(WORDS)]}," said {self.person}.\n\n'
            "The plans will be looked at again next year.\n", encoding="utf-8")

    def delete(self, run: int) -> None:
        """An article removed (a third of the way into the folder, a different one each run)."""
        self.files[len(self.files) // 3 + run].unlink()

    def rename_title(self, run: int) -> None:
        """The article's headline (its first line) changed."""
        title, _, body = self.victim.read_text(encoding="utf-8").partition("\n")
        self.victim.write_text(f"{title.split(' (edit ')[0]} (edit {WORDS[run % len(WORDS)]})\n{body}",
                               encoding="utf-8")


EDITS: dict[str, Callable[[Editor, int], None]] = {
    "paragraph": Editor.paragraph,
    "quote": Editor.quote,
    "new-person": Editor.new_person,
    "typo": Editor.typo,
    "new-article": Editor.new_article,
    "delete": Editor.delete,
    "rename-title": Editor.rename_title,
}


def same_sites(root: Path, build: list[str], run: int) -> list[str]:
    """Build `root`'s articles cold in a folder of their own; return the files in which that site
    and `root`'s differ (the marker, which names the build, aside)."""
    fresh = root / "check" / str(run)
    shutil.copytree(root / "articles", fresh / "articles")
    subprocess.run(build, cwd=fresh, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    differ: list[str] = []

    def walk(cmp: filecmp.dircmp[str], where: str) -> None:
        differ.extend(f"{where}{name}" for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differ.extend(f"{where}{name}" for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{where}{name}/")

    walk(filecmp.dircmp(root / "site", fresh / "site", ignore=[]), "")
    return [name for name in differ if not name.startswith(".newsarchive")]


def timed(argv: list[str], cwd: Path) -> tuple[float, float, float]:
    """Return (wall seconds, CPU seconds of the build and its workers, peak RSS in MiB) of one run.

    CPU (user + system) is the steadier figure on a shared machine, where wall time swings with
    whatever else runs.
    """
    with tempfile.NamedTemporaryFile("r") as rep:
        time_bin = shutil.which("time") or "/usr/bin/time"
        full = [time_bin, "-f", "%U %S %M", "-o", rep.name, *argv] if Path(time_bin).exists() else argv
        t0 = time.perf_counter()
        proc = subprocess.run(full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t0
        lines = rep.read().strip().splitlines()
    if proc.returncode not in (0, 1):
        sys.exit(f"build failed: {proc.stderr[-500:]}")
    fields = lines[-1].split() if lines else []
    if len(fields) != 3:
        return wall, 0.0, 0.0
    return wall, float(fields[0]) + float(fields[1]), int(fields[2]) / 1024


def create_cost(folder: Path, n: int = 1000) -> float:
    """Return the kernel's CPU time, in ms, to create one 8 KB file in `folder` now.

    On this machine's disk (ext4 without a journal) each new file scans past every inode freed in
    the last minutes in its block group, so the figure swings from ~0.1 to over 1 ms a file with
    what else was deleted lately, and a cold build creates ~13,600 files: print it beside the
    timings. The files stay until the end, so that deleting them does not slow the build.
    """
    folder.mkdir(parents=True)
    data = b"x" * 8192
    before = os.times()
    for i in range(n):
        (folder / f"{i}.html").write_bytes(data)
    after = os.times()
    return 1000 * (after.system - before.system) / n


def extraction_mode(cwd: Path) -> str:
    """Say whether the builds' extraction runs compiled (mypyc) or from stale or plain sources.

    The installed command of an editable install runs the sources once they are edited after the
    install (newsarchive/compiled.py): about 2.5 s more CPU in a cold build of 2,225 articles.
    """
    probe = ("from pathlib import Path; from newsarchive import compiled, extract; "
             "print('compiled' if extract.COMPILED else 'Python sources' + "
             "(' (compiled modules stale)' if compiled.stale(Path(compiled.__file__).parent) else ''))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True)
    return out.stdout.strip() or f"unknown ({out.stderr.strip()[-200:]})"


def compile_package(cwd: Path) -> str:
    """Write the bytecode caches of the newsarchive package the builds import; return its folder.

    An installed package has them (pip compiles what it installs), and Python reads them even where
    `PYTHONDONTWRITEBYTECODE` is set, as it is in some environments (this machine's): without
    them, every build compiles the modules it imports from source (~0.06 s of a rebuild's main
    process, `--bytecode` measures with them).
    """
    where = subprocess.run([sys.executable, "-c", "import newsarchive; print(newsarchive.__path__[0])"],
                           cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL)
    return where


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2225)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--bytecode", action="store_true",
                    help="write the package's bytecode caches first, as an installed package has them")
    ap.add_argument("--edit", choices=sorted(EDITS), default="paragraph",
                    help="the kind of change made before each one-change rebuild (default: paragraph)")
    ap.add_argument("--check", action="store_true",
                    help="after each one-change rebuild, build the same articles cold and compare the sites")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="newsarchive-bench-"))
    try:
        make_articles(args.articles, root / "articles")
        unwritten = "bytecode unwritten" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "bytecode as usual"
        compiled = f"bytecode cached ({compile_package(root)})" if args.bytecode else unwritten
        (root / "old").mkdir()
        build = [sys.executable, "-m", "newsarchive", "build", "--quiet", "--jobs", str(args.jobs)]
        cold, nochange, onechange, rss = [], [], [], []
        cpu: dict[str, list[float]] = {"cold": [], "none": [], "one": []}
        editor = Editor(root / "articles", root)
        edit = EDITS[args.edit]
        probes: list[float] = []
        for run in range(args.runs):
            # Moved aside, not deleted: 13,600 inodes freed just before would slow the cold build's
            # own file creation (see `create_cost`). The spare copy of the site goes too: a cold
            # build starts from nothing, and a spare left from the run before is stale, so the
            # next rebuild would re-link all its files (0.3 s; build10's section of the README).
            for name in ("site", ".newsarchive-cache", ".site.newsarchive-spare"):
                if (root / name).exists():
                    (root / name).rename(root / "old" / f"{name}-{run}")
            probes.append(create_cost(root / "probe" / str(run)))
            wall, used, peak = timed(build, root)
            cold.append(wall)
            cpu["cold"].append(used)
            rss.append(peak)
            wall, used, _ = timed(build, root)
            nochange.append(wall)
            cpu["none"].append(used)
            edit(editor, run)
            wall, used, _ = timed(build, root)
            onechange.append(wall)
            cpu["one"].append(used)
            if args.check and (differ := same_sites(root, build, run)):
                sys.exit(f"after the {args.edit} edit of run {run}, the rebuilt site differs from a cold "
                         f"build in {len(differ)} files: {', '.join(differ[:10])}")
        pages = sum(1 for _ in (root / "site").rglob("*.html"))
        c, n, o = statistics.median(cold), statistics.median(nochange), statistics.median(onechange)
        cc, cn, co = (statistics.median(cpu[k]) for k in ("cold", "none", "one"))
        print(f"{args.articles} articles, {pages} html files, {args.runs} runs each (median); "
              f"extraction: {extraction_mode(root)}; {compiled}")
        print(f"  edit: {args.edit} ({editor.victim.name}, {editor.person})"
              + ("; each rebuilt site the same as a cold build of its articles" if args.check else ""))
        print(f"  cold        {c:7.2f} s   CPU {cc:7.2f} s   peak {max(rss):7.1f} MiB")
        print(f"  no change   {n:7.2f} s   CPU {cn:7.2f} s   {100 * n / c:5.1f} % of cold")
        print(f"  one change  {o:7.2f} s   CPU {co:7.2f} s   {100 * o / c:5.1f} % of cold "
              f"(CPU: {100 * co / max(cc, 1e-9):.1f} %)")
        print(f"  creating a file beside the site before each cold build: "
              f"{', '.join(f'{ms:.2f}' for ms in probes)} ms of kernel CPU (quiet disk: ~0.1)")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
