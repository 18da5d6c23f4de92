"""`newsarchive serve`: build, serve the site on localhost, rebuild on change and reload the open page."""

from __future__ import annotations

import argparse
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from newsarchive.build import BuildOptions, build
from newsarchive.build.progress import Progress
from newsarchive.commands.build import add_build_options, options_from, report
from newsarchive.config import CONFIG_NAME
from newsarchive.errors import NewsarchiveError

RELOAD_PATH = "/__newsarchive__/"
# Served beside the site, never written into it: polls the build counter and reloads on a change.
RELOAD_JS = b"""(function () {
  var seen = null;
  function poll() {
    fetch("/__newsarchive__/version", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (v) { if (seen === null) { seen = v; } else if (v !== seen) { location.reload(); } })
      .catch(function () {}).then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""
RELOAD_TAG = b'<script src="/__newsarchive__/reload.js"></script>'


class Builds:
    """The number of the last finished build, shared by the watcher and the request handlers."""

    def __init__(self) -> None:
        self.version = 0
        self.lock = threading.Lock()

    def bump(self) -> None:
        with self.lock:
            self.version += 1


class Handler(SimpleHTTPRequestHandler):
    """Serve the output folder; inject the reload script into HTML responses only."""

    builds: Builds

    def __init__(self, *args: Any, builds: Builds, **kwargs: Any) -> None:
        self.builds = builds
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a log line per request would bury the build's own messages

    def do_GET(self) -> None:
        if self.path.startswith(RELOAD_PATH):
            name = self.path[len(RELOAD_PATH):].split("?")[0]
            if name == "version":
                self._send(str(self.builds.version).encode(), "text/plain")
            elif name == "reload.js":
                self._send(RELOAD_JS, "text/javascript")
            else:
                self.send_error(HTTPStatus.NOT_FOUND)
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = path.read_bytes()
            at = html.rfind(b"</body>")
            html = html[:at] + RELOAD_TAG + html[at:] if at >= 0 else html + RELOAD_TAG
            self._send(html, "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, data: bytes, kind: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


def add_parser(sub: Any) -> None:
    p = sub.add_parser("serve", help="build, serve on localhost and rebuild on change",
                       description="Build the site, serve it on http://127.0.0.1:PORT/, rebuild when an "
                                   "article, template or setting changes, and reload the open page.")
    add_build_options(p)
    p.add_argument("-p", "--port", type=int, default=8000,
                   help="port to listen on (default: 8000; 0: any free port)")
    p.set_defaults(run=run)


def watched(options: BuildOptions) -> list[Path]:
    """Return the folders and files whose changes call for a rebuild."""
    parent = options.articles.absolute().parent
    paths = [options.articles, options.templates, parent / "lexicons", parent / CONFIG_NAME,
             Path(CONFIG_NAME)]
    if options.config is not None:
        paths.append(options.config)
    return [p for p in paths if p.exists()]


def rebuild(options: BuildOptions, builds: Builds) -> None:
    """Build once, report, and tell open pages to reload; a failed build keeps the old site."""
    try:
        result = build(options, Progress())
    except NewsarchiveError as exc:
        print(f"newsarchive: error: {exc}", file=sys.stderr)
        return
    report(result, quiet=False, verbose=False)
    builds.bump()


def run(args: argparse.Namespace) -> int:
    try:
        from watchfiles import watch
    except ImportError:
        raise NewsarchiveError("serve needs watchfiles: pip install 'newsarchive[serve]'") from None
    options = options_from(args)
    builds = Builds()
    rebuild(options, builds)
    output = options.output.absolute()
    output.mkdir(parents=True, exist_ok=True)
    handler = partial(Handler, directory=str(output), builds=builds)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    server.daemon_threads = True
    print(f"newsarchive: serving {options.output} at http://127.0.0.1:{server.server_port}/ "
          "(Ctrl-C to stop)", flush=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for _changes in watch(*watched(options), debounce=300, step=100, rust_timeout=0):
            rebuild(options, builds)
    finally:
        server.shutdown()
        server.server_close()
    return 0
