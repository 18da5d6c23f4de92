"""The link step's names of people and sources, kept from the last build while their inputs stay the same.

Which names in different articles are one person or source (`link.archive.link_names`) depends
only on the names, aliases and editors' same/different-person requests of every article, in
archive order (`name_inputs`), and on the code and lexicons that compare them. An edit rarely
changes any of these, so the last build's result is kept in the cache under a hash of them all.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsarchive.build.cache import Cache
from newsarchive.build.memo import BlobMemo
from newsarchive.link.archive import link_names, name_inputs
from newsarchive.link.names import Names
from newsarchive.records import Article, Diagnostic

NAMES = "names"
"""The cache's name for the last build's names."""


class NamesMemo(BlobMemo):
    """A `link.archive.NamesOf` that takes the last build's names from the cache where it can.

    What it works out anew waits in `pending` until `save`: the build saves it once the link
    step's child, which reads the cache, has ended.
    """

    def __init__(self, cache: Cache) -> None:
        super().__init__(cache, NAMES)
        self.current: str | None = None
        """The key of this build's names, once linked: same key, same names."""

    def __call__(self, ordered: Sequence[Article]) -> tuple[Names, list[Diagnostic]]:
        key = self.current = self.key(name_inputs(ordered))
        kept = self.kept(key)
        if (isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[0], Names)
                and isinstance(kept[1], list)):
            self.reused = True
            return kept[0], kept[1]
        found = link_names(ordered)
        # Pickled now, before the link step adds to the groups' look-up as it gathers.
        self.keep(key, found)
        return found
