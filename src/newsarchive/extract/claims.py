"""The claims pass (to be filled in)."""

from __future__ import annotations

from newsarchive.extract.draft import Draft


def find_claims(draft: Draft) -> None:
    """Do nothing yet."""
