"""The link step: all articles' records in, one cross-linked `Archive` out."""

from newsarchive.link.archive import link_archive

__all__ = ["link_archive"]
