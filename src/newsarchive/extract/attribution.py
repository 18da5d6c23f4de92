"""The attribution pass (to be filled in)."""

from __future__ import annotations

from newsarchive.extract.draft import Draft


def attribute(draft: Draft) -> None:
    """Do nothing yet."""
