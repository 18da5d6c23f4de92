"""Build a site in-process without the build engine: load → extract → link → Site.pages → files.

Used by the render tests; also runnable to look at the output:

    python tests/render_build.py [ARTICLES_DIR] [OUTPUT_DIR]

(defaults: articles/ → /tmp/newsarchive-site)
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsarchive.config import SiteConfig
from newsarchive.records import Archive
from newsarchive.render import Site

ROOT = Path(__file__).resolve().parent.parent


def load_archive(folder: Path) -> Archive:
    """Read, extract and link every article in a folder."""
    from newsarchive.extract import extract
    from newsarchive.link import link_archive
    from newsarchive.load.reader import ARTICLE_SUFFIXES, read_document

    paths = sorted(p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES)
    return link_archive([extract(read_document(p, f"{folder.name}/{p.name}")) for p in paths])


def write_pages(site: Site, archive: Archive, out: Path) -> dict[str, bytes]:
    """Write every page of the site under `out`; return them by path."""
    pages = dict(site.pages(archive))
    for rel, content in pages.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return pages


def build(articles: Path, out: Path, config: SiteConfig | None = None) -> dict[str, bytes]:
    """Build the site for a folder of articles into `out`."""
    return write_pages(Site(config or SiteConfig()), load_archive(articles), out)


if __name__ == "__main__":
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "articles"
    dest = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/newsarchive-site")
    print(f"wrote {len(build(src, dest))} files to {dest}")
