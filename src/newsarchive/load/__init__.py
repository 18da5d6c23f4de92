"""The loader: an article file in, a `Document` (metadata, paragraphs, boilerplate) out.

    read_document(path) = decode → split front matter → lay out the body
"""

from newsarchive.load.reader import read_document, read_text

__all__ = ["read_document", "read_text"]
