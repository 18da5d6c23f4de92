#!/usr/bin/env python3
"""Time rendering every page of N BBC articles in one process, with no file written.

    python benchmarks/bench_render.py [--articles 2225] [--repeat 3] [--archive FILE]

The articles are read, extracted and linked once (and kept in --archive, a pickle, when given: a
second run, or a run of another copy of the code, then renders the very same archive). Then each
round renders the article pages (page, JSON, data view, pieces), the people's and sources' pages
and the pages made from the whole archive, and prints the process time of each and a hash of all
their bytes: two copies of the code that render the same site print the same hash. Process time
of the render path alone: the steadiest measure of it on a busy machine, no disk in it.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import make_articles

from newsarchive.config import SiteConfig
from newsarchive.extract.pipeline import extract
from newsarchive.link.archive import link_archive
from newsarchive.load.reader import read_document
from newsarchive.records import Archive
from newsarchive.render.site import Site


def make_archive(n: int, keep: Path | None) -> Archive:
    if keep is not None and keep.exists():
        archive: Archive = pickle.loads(keep.read_bytes())
        return archive
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        make_articles(n, folder)
        archive = link_archive([extract(read_document(p, p.name)) for p in sorted(folder.glob("*.txt"))])
    if keep is not None:
        sys.setrecursionlimit(100_000)
        keep.write_bytes(pickle.dumps(archive, protocol=5))
    return archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2225)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--archive", type=Path, help="pickle of the linked archive, made if missing")
    args = parser.parse_args()
    archive = make_archive(args.articles, args.archive)
    site = Site(SiteConfig())
    site.compile()
    site.index(archive)
    gc.collect()
    gc.freeze()  # as the build's render workers inherit the archive
    for _ in range(args.repeat):
        digest = hashlib.sha256()
        t0 = time.process_time()
        for article in archive.articles:
            files, (line, _rows) = site.article_output(archive, article)
            for path, data in files:
                digest.update(path.encode() + data)
            digest.update(line.encode())
        t1 = time.process_time()
        for entity in (*archive.people, *archive.sources):
            digest.update(site.render_entity(archive, entity).encode())
        t2 = time.process_time()
        for page in site.shared_plan(archive):
            digest.update(page.path.encode() + page.render())
        t3 = time.process_time()
        print(f"articles {t1 - t0:.2f} s  entities {t2 - t1:.2f} s  whole-archive pages {t3 - t2:.2f} s  "
              f"total {t3 - t0:.2f} s  sha256 {digest.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
