#!/usr/bin/env python3
"""Time newsarchive builds of N real BBC articles: cold, rebuild with nothing changed, after one change.

    python benchmarks/bench_build.py [--articles 2225] [--runs 3] [--jobs 0] [--bytecode]

Articles come from ../shared/corpus/bbc (past 2,225 they repeat under new names and headlines).
Cold builds start with no cache and no output; the rebuilds reuse both, as a writer's edit-build
loop would. Peak memory is the largest resident set of the build and its workers (/usr/bin/time).
For the comparison with Pelican and Hugo, see ../shared/tools/bench_build.py and README.md here.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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
        victim = sorted((root / "articles").iterdir())[len(list((root / "articles").iterdir())) // 2]
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
            victim.write_text(victim.read_text(encoding="utf-8") + f"\nA late paragraph, edit {run}.\n",
                              encoding="utf-8")
            wall, used, _ = timed(build, root)
            onechange.append(wall)
            cpu["one"].append(used)
        pages = sum(1 for _ in (root / "site").rglob("*.html"))
        c, n, o = statistics.median(cold), statistics.median(nochange), statistics.median(onechange)
        cc, cn, co = (statistics.median(cpu[k]) for k in ("cold", "none", "one"))
        print(f"{args.articles} articles, {pages} html files, {args.runs} runs each (median); "
              f"extraction: {extraction_mode(root)}; {compiled}")
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
