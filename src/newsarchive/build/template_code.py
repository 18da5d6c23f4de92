"""The templates' compiled code, kept in the build cache so that a rebuild need not compile them again.

Jinja compiles a template to Python source and then to a code object: for the nine templates a
one-change rebuild of 2,225 articles renders, 0.15 s of its main process, before any page is
planned. Jinja's own `BytecodeCache` hook keeps the code object (marshalled) under the template's
name and file, checked against a hash of its source; this one keeps it in the cache's blob table,
under a key that also holds the code of newsarchive (which sets up the template environment),
Jinja's version and Python's, and with a hash of the stored bytes, so that a damaged row is
compiled afresh like a missing one.

Only the process that made it reads and writes the cache through it: a forked render worker
compiles what it still needs as before (a sqlite connection must not cross a fork), and what is
compiled anew is held until `save`, as the link step's child reads the cache meanwhile.
"""

from __future__ import annotations

import hashlib
import os
import sys

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from newsarchive.build.cache import Cache
from newsarchive.build.fingerprint import code_fingerprint, digest

_PREFIX = "template-code:"
"""Blob names: the prefix and Jinja's key for the template (its name and file)."""
_CHECK = 16
"""Bytes of blake2b of the stored code that come before it."""


class TemplateCode(BytecodeCache):
    """Jinja's bytecode cache, kept in the build cache (`Cache`'s blob table)."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self.pid = os.getpid()
        self.pending: dict[str, tuple[str, bytes]] = {}
        self.base = digest(code_fingerprint(), jinja2.__version__, sys.version)

    def _key(self, bucket: Bucket) -> str:
        return digest(self.base, bucket.key, bucket.checksum)

    def load_bytecode(self, bucket: Bucket) -> None:
        if os.getpid() != self.pid or self.cache.path is None:
            return
        kept = self.cache.blob(_PREFIX + bucket.key, self._key(bucket))
        if kept is None or len(kept) <= _CHECK:
            return
        check, code = kept[:_CHECK], kept[_CHECK:]
        if hashlib.blake2b(code, digest_size=_CHECK).digest() == check:
            bucket.bytecode_from_string(code)  # Jinja compiles afresh where the code is not its own

    def dump_bytecode(self, bucket: Bucket) -> None:
        if os.getpid() != self.pid or self.cache.path is None:
            return
        code = bucket.bytecode_to_string()
        self.pending[_PREFIX + bucket.key] = (self._key(bucket),
                                              hashlib.blake2b(code, digest_size=_CHECK).digest() + code)

    def save(self) -> None:
        """Keep the code of the templates compiled in this build for the next."""
        if os.getpid() != self.pid:
            return
        for name, (key, data) in sorted(self.pending.items()):
            self.cache.put_blob(name, key, data)
        self.pending.clear()
