"""The loader: an article file in, a `Document` (metadata, paragraphs, boilerplate) out.

    read_document(path) = decode → split front matter → lay out the body
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsarchive.load.reader import read_document, read_text

__all__ = ["read_document", "read_text"]


def __getattr__(name: str) -> Any:
    """Import the reader when first asked for: a rebuild's main process needs only `load.files`."""
    if name in __all__:
        from newsarchive.load import reader

        return getattr(reader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
