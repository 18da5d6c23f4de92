"""Rendering: an archive in, every page of the site out (`Site.pages`)."""

from newsarchive.render.site import Site

__all__ = ["Site"]
