"""The `newsarchive` command: one subcommand per module in `newsarchive.commands`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from importlib import import_module

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
