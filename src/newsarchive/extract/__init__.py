"""Extraction: an ordered list of named passes over a `Draft` (see `pipeline.PASSES`)."""

from newsarchive import compiled

COMPILED = compiled.choose(__name__, __path__[0])
"""True where the passes run as modules compiled by mypyc (see newsarchive/compiled.py)."""

from newsarchive.extract.pipeline import PASSES, extract, extract_many  # noqa: E402  (after the choice above)

__all__ = ["COMPILED", "PASSES", "extract", "extract_many"]
