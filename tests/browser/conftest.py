"""Browser fixtures: the seed archive built once, served on 127.0.0.1 and opened from file://, in Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from site_helpers import REPO, SEEDS, build_site, missing

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
# Debian's chromium, never a browser build downloaded by Playwright; the networking flags stop it
# from calling home, which on a closed network floods the console with refused connections.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
TIMEOUT_MS = 8000


@dataclass(frozen=True)
class Origin:
    """One way of opening the built site: served over http, or straight from disk."""

    scheme: str
    root: str
    """URL of the site's folder, ending in '/'."""

    @property
    def index(self) -> str:
        """Return the URL a reader types to open the site."""
        return self.root if self.scheme == "http" else self.root + "index.html"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the repo's seed articles once per session and return the output folder."""
    return build_site(SEEDS, tmp_path_factory.mktemp("seed-site"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep request lines out of the test output."""


@pytest.fixture(scope="session")
def http_root(site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 at a free port for the session; yield its root URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(params=["http", "file"])
def origin(request: pytest.FixtureRequest, site: Path) -> Origin:
    """Run a test once on the served site and once on the site opened from disk."""
    if request.param == "http":
        return Origin("http", request.getfixturevalue("http_root"))
    return Origin("file", site.as_uri() + "/")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Start Debian's headless Chromium once per session."""
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python is not installed (pip install -e '.[test]')")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Problems:
    """What went wrong in the browser while a test ran: console errors, page errors, failed loads."""

    seen: list[str] = field(default_factory=list)

    def watch(self, page: Any) -> None:
        """Record every error the page reports from now on."""
        page.on("console", lambda msg: msg.type == "error" and self.seen.append(
            f"console error on {page.url}: {msg.text} (from {msg.location.get('url') or '?'})"))
        page.on("pageerror", lambda exc: self.seen.append(f"uncaught exception on {page.url}: {exc}"))
        page.on("requestfailed", lambda req: self.seen.append(
            f"failed to load {req.url}: {req.failure}"))
        page.on("response", lambda resp: resp.status >= 400 and self.seen.append(
            f"HTTP {resp.status} for {resp.url}"))


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """Open a fresh desktop-sized page; fail the test if any page it visits logs an error."""
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    problems = Problems()
    problems.watch(tab)
    yield tab
    context.close()
    if problems.seen:
        pytest.fail("the browser reported problems:\n" + "\n".join(problems.seen), pytrace=False)


@pytest.fixture(scope="session")
def axe_source() -> str:
    """Return axe-core's script, installed by `npm ci` in tests/browser."""
    if not AXE.is_file():
        missing(f"{AXE.relative_to(REPO)} is missing (cd tests/browser && npm ci)")
    return AXE.read_text(encoding="utf-8")
