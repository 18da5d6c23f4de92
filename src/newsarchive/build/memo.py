"""A result of the link step kept in the cache under a hash of its inputs, for the next build.

`NamesMemo` and `EntitiesMemo` share this: a key from the code, the lexicons and the inputs; the
last build's pickled result read back where the key matches; what is worked out anew held in
`pending` until `save` (the link step's child reads the cache meanwhile).
"""

from __future__ import annotations

import pickle

from newsarchive.build.cache import Cache, loads
from newsarchive.build.fingerprint import code_fingerprint, digest
from newsarchive.lexicon import data_fingerprint


class BlobMemo:
    """One kind of kept result (`kind`, a name in the cache's blob table)."""

    def __init__(self, cache: Cache, kind: str) -> None:
        self.cache = cache
        self.kind = kind
        self.pending: tuple[str, bytes] | None = None
        self.reused = False

    def key(self, inputs: object) -> str:
        """Return the key of a result made of `inputs` by this code and these lexicons."""
        return digest(code_fingerprint(), data_fingerprint(), repr(inputs))

    def kept(self, key: str) -> object:
        """Return the last build's result under `key`, or None (damaged or missing: also None)."""
        return loads(self.cache.blob(self.kind, key) or b"")

    def keep(self, key: str, value: object) -> None:
        """Hold a result worked out anew, pickled now, for `save`."""
        if self.cache.path is not None:
            self.pending = (key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def save(self) -> None:
        """Keep the result worked out in this build for the next."""
        if self.pending is not None:
            self.cache.put_blob(self.kind, *self.pending)
            self.pending = None
