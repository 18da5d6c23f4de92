"""The `newsarchive` command: one subcommand per module in `newsarchive.commands`."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import NoReturn

from newsarchive import __version__
from newsarchive.errors import NewsarchiveError

COMMANDS = ("init", "build", "serve", "extract", "check")


def make_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Return the command line's parser; with `only`, with that command's options alone.

    `main` asks for the command it is given only: each command's module imports what the command
    needs (`serve` the HTTP server, `extract` the extraction), and a build should not wait for them.
    """
    parser = argparse.ArgumentParser(
        prog="newsarchive",
        description="Turn a folder of news articles into an annotated, cross-linked static site.")
    parser.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else (only,):
        module = import_module(f"newsarchive.commands.{name}")
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 problems found, 2 usage)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = make_parser(args_list[0] if args_list and args_list[0] in COMMANDS else None)
    args = parser.parse_args(args_list)
    if not args.command:
        parser.print_help()
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        status: int = args.run(args)
    except NewsarchiveError as exc:
        print(f"newsarchive: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsarchive: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return status


def run() -> NoReturn:
    """Run the command line as a program (the `newsarchive` script, `python -m newsarchive`)."""
    exit_now(main())


def exit_now(status: int) -> NoReturn:
    """End the process with `status` once the exit handlers have run and the output is flushed.

    Skips the interpreter's teardown: after a build it would free the ~230,000 objects still held
    (templates, lexicons, the build's imports) one by one and sweep them for cycles, 0.15-0.2 s of
    a one-change rebuild of 2,225 articles, where the operating system frees the memory at once.
    `main` is what tests and other callers use; only a program's last act should be this. Under a
    profiler or tracer (cProfile, a debugger), which reports once the program returns, it exits as usual.
    """
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(status)
    atexit._run_exitfuncs()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed, or a pipe whose reader left
            stream.flush()
    os._exit(status)
