"""Editors' corrections: sidecar files beside articles (see docs/corrections.md)."""

from newsarchive.annotate.apply import apply_corrections, apply_sidecar
from newsarchive.annotate.sidecar import SIDECAR_SUFFIX, parse_sidecar, read_sidecar, sidecar_for

__all__ = ["SIDECAR_SUFFIX", "apply_corrections", "apply_sidecar", "parse_sidecar", "read_sidecar",
           "sidecar_for"]
