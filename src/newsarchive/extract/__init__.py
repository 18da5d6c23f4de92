"""Extraction: an ordered list of named passes over a `Draft` (see `pipeline.PASSES`)."""

from newsarchive.extract.pipeline import PASSES, extract

__all__ = ["PASSES", "extract"]
